//===--- LockAcrossAwaitCheck.cpp - async-lock-across-await ----------------===//

#include "LockAcrossAwaitCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {
namespace {

constexpr llvm::StringLiteral DefaultLockTypes =
    "std::lock_guard;std::unique_lock;std::scoped_lock;std::shared_lock";

llvm::StringRef suspensionKeyword(const Stmt &Suspension) {
  return isa<CoyieldExpr>(Suspension) ? "co_yield" : "co_await";
}

} // namespace

LockAcrossAwaitCheck::LockAcrossAwaitCheck(llvm::StringRef Name,
                                           ClangTidyContext *Context,
                                           std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)),
      LockTypes(Options.get(LockTypesOption, DefaultLockTypes)),
      AsyncMutexTypes(Options.get(AsyncMutexTypesOption, "")) {
  // The runtime profiles' guards and async mutexes count in every
  // coroutine: a guard is a guard whichever runtime the coroutine uses.
  Config.GuardTypes = parseNameList(LockTypes);
  llvm::append_range(Config.GuardTypes, model().profiles().allLockTypes());
  Config.AsyncMutexTypes = parseNameList(AsyncMutexTypes);
  llvm::append_range(Config.AsyncMutexTypes,
                     model().profiles().allAsyncMutexTypes());
}

void LockAcrossAwaitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, LockTypesOption, LockTypes);
  Options.store(Opts, AsyncMutexTypesOption, AsyncMutexTypes);
}

void LockAcrossAwaitCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineBodyStmt().bind("coroutine"), this);
}

void LockAcrossAwaitCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  const CoroutineInfo &Info = model().info(*Body);
  for (const SuspensionWithLocks &Point :
       model().locksAtSuspensions(Info, *Result.Context, Config)) {
    const HeldLock &First = Point.Locks.front();
    diag(Point.Suspension->getBeginLoc(),
         "lock '%0' is held across this %1; release it first or use %2")
        << First.Name << suspensionKeyword(*Point.Suspension)
        << model().profile(Info).Text.MutexAdvice;
    for (const HeldLock &Lock : Point.Locks)
      diag(Lock.TakenAt, "lock '%0' taken here", DiagnosticIDs::Note)
          << Lock.Name;
  }
}

} // namespace clang::tidy::async
