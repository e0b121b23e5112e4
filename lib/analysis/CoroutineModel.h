//===--- CoroutineModel.h - What the async checks know about coroutines ---===//
//
// One model of C++20 coroutine code, shared by every async-* check and
// computed once per coroutine body: which bodies are coroutines, the
// suspension points the user wrote, the calls, constructions and loops of the
// body's own code, which types are lazy tasks, and on demand the body's
// control-flow graph and (only for bodies that take a lock) the locks held at
// each suspension point.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_COROUTINEMODEL_H
#define ASYNC_LINT_COROUTINEMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "RuntimeProfile.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Splits a `;`-separated option value into trimmed, non-empty names.
std::vector<std::string> parseNameList(llvm::StringRef List);

/// Joins names back into the `;`-separated form options are stored in.
std::string joinNameList(llvm::ArrayRef<std::string> Names);

/// True if \p Decl's fully qualified name (without a leading `::`) is one of
/// \p Names. Names may start with `::`, which is ignored.
bool hasQualifiedNameIn(const NamedDecl *Decl, llvm::ArrayRef<std::string> Names);

/// True if \p E is a suspension point the user wrote: a `co_await` (also the
/// one in `co_return co_await`), a `co_yield`, or a dependent `co_await` in a
/// template; never the implicit initial and final suspends.
bool isExplicitSuspension(const Stmt *S);

/// True if the value of \p Child, a child of \p Parent, is dropped: \p Child
/// is a statement of its own (in a block, a branch, a loop body, a label, an
/// init-statement, a for loop's increment), the left of a comma, or carries
/// the dropped value of \p Parent (the right of a comma, a conditional's
/// branch). \p ParentDropped says whether \p Parent's own value is dropped.
bool dropsValueOf(const Stmt &Parent, const Stmt *Child, bool ParentDropped);

/// A loop of a coroutine's own code, with where it sits in the loop nest.
struct LoopInfo {
  const Stmt *Loop = nullptr;
  /// Index into CoroutineInfo::loops() of the innermost enclosing loop, or -1.
  int Parent = -1;
  /// True if a suspension point is anywhere inside the loop (its condition,
  /// increment or body), so the loop gives other tasks a turn.
  bool Suspends = false;
};

/// A lock held at a suspension point, and where it was taken.
struct HeldLock {
  /// How to name the lock in a message: the guard variable (`g`) or the
  /// mutex expression (`m`, `this->mu`).
  std::string Name;
  SourceLocation TakenAt;
};

/// The locks that may be held when one suspension point is reached.
struct SuspensionWithLocks {
  const Stmt *Suspension = nullptr;
  llvm::SmallVector<HeldLock, 1> Locks;
};

/// Which types hold a lock: RAII guards and lockable mutexes.
struct LockConfig {
  /// Guard class templates or classes (`std::lock_guard`, ...).
  std::vector<std::string> GuardTypes;
  /// Types whose `lock()` is asynchronous and so never counts
  /// (`asyncrt::mutex`, whose guard is `asyncrt::mutex_guard`).
  std::vector<std::string> AsyncMutexTypes;
};

/// Everything the checks need to know about one coroutine body.
class CoroutineInfo {
public:
  CoroutineInfo(const CoroutineBodyStmt &Body, const FunctionDecl &Function)
      : Body(Body), Function(Function) {}

  /// The coroutine: a function, method, or a lambda's call operator.
  const FunctionDecl &function() const { return Function; }
  const CoroutineBodyStmt &body() const { return Body; }
  bool isLambda() const;

  /// Explicit suspension points of the body's own code, in source order.
  llvm::ArrayRef<const Stmt *> suspensions() const { return Suspensions; }
  /// Calls (free, member, operator) of the body's own code.
  llvm::ArrayRef<const CallExpr *> calls() const { return Calls; }
  /// Constructions of the body's own code (variables and temporaries).
  llvm::ArrayRef<const CXXConstructExpr *> constructions() const {
    return Constructions;
  }
  /// Loops of the body's own code, outer loops before the loops they contain.
  llvm::ArrayRef<LoopInfo> loops() const { return Loops; }
  /// True if the body's own code may take a blocking lock (a guard variable
  /// or a `lock()` call on something that is not an async mutex). Only such
  /// bodies get the lock analysis; controlFlow() builds the CFG of any body
  /// on demand.
  bool mayTakeLock() const { return MayTakeLock; }

  /// True if \p E (looked at through implicit nodes) is a statement of its
  /// own in the body's code (see dropsValueOf): its value is discarded.
  bool isStatement(const Expr &E) const {
    return Statements.contains(E.IgnoreImplicit());
  }
  /// True if \p E initialises a variable or is a `co_return`'s operand.
  bool isInitializerOrReturnValue(const Expr &E) const {
    return Values.contains(E.IgnoreImplicit());
  }
  /// True if \p Call is inside a catch handler, where co_await is not allowed.
  bool isInCatchHandler(const CallExpr &Call) const {
    return CallsInHandlers.contains(&Call);
  }

private:
  friend class CoroutineModel;
  friend class BodyCollector;

  const CoroutineBodyStmt &Body;
  const FunctionDecl &Function;
  std::vector<const Stmt *> Suspensions;
  std::vector<const CallExpr *> Calls;
  std::vector<const CXXConstructExpr *> Constructions;
  std::vector<LoopInfo> Loops;
  bool MayTakeLock = false;
  llvm::DenseSet<const Expr *> Statements;
  llvm::DenseSet<const Expr *> Values;
  llvm::DenseSet<const CallExpr *> CallsInHandlers;
};

/// The model for one translation unit: per-body facts computed on first use
/// and shared by all checks. "The body's own code" excludes nested lambdas
/// and local classes: a nested coroutine lambda is a coroutine of its own,
/// and a plain lambda's body runs wherever it is called (for instance on
/// asyncrt::spawn_blocking's pool), which the model does not guess.
class CoroutineModel {
public:
  /// The facts about \p Body, computed on the first call for it.
  const CoroutineInfo &info(const CoroutineBodyStmt &Body);

  /// For each suspension point of \p Info that may be reached with a lock
  /// held, the locks; computed once per body from clang's CFG.
  llvm::ArrayRef<SuspensionWithLocks> locksAtSuspensions(const CoroutineInfo &Info,
                                                         ASTContext &Ctx,
                                                         const LockConfig &Config);

  /// clang's CFG of \p Info's body, built once per body: with implicit and
  /// temporary destructors, lifetime ends and scopes, and every suspension
  /// point as an element of its own. Null if clang cannot build it.
  const CFG *controlFlow(const CoroutineInfo &Info, ASTContext &Ctx);

  /// True if values of type \p T are lazy tasks: a coroutine return type
  /// whose promise's initial_suspend() returns std::suspend_always, or a type
  /// named in \p ExtraTaskTypes or in a runtime profile's TaskTypes.
  bool isTaskType(QualType T, llvm::ArrayRef<std::string> ExtraTaskTypes);

  /// True if `co_await` applies to a value of type \p T inside \p Coroutine
  /// (null: in plain code, where the runtime's blocking wait runs it as its
  /// own coroutines await it): through the type's own awaiter
  /// (isAwaitableType), or through the promise's await_transform, which is
  /// how folly::coro::Task and stdexec's tasks and senders are awaited. A
  /// coroutine with one awaits types of its own task template or of its
  /// runtime's profile (a folly Task in a Task coroutine); in plain code,
  /// the task's own promise must have one.
  bool isAwaitableIn(QualType T, const CoroutineInfo *Coroutine);

  /// The runtime profiles, and which one each coroutine uses.
  ProfileSet &profiles() { return Profiles; }
  /// The profile \p Info's coroutine uses (see ProfileSet::ofCoroutine).
  const Profile &profile(const CoroutineInfo &Info) {
    return Profiles.ofCoroutine(Info);
  }

  /// Forgets everything: called when a new translation unit starts.
  void reset();

private:
  ProfileSet Profiles;
  llvm::DenseMap<const CoroutineBodyStmt *, std::unique_ptr<CoroutineInfo>> Infos;
  llvm::DenseMap<const CoroutineBodyStmt *, std::vector<SuspensionWithLocks>>
      LockStates;
  llvm::DenseMap<const CoroutineBodyStmt *, std::unique_ptr<CFG>> Graphs;
  llvm::DenseMap<const CXXRecordDecl *, bool> TaskTypeCache;
};

/// The function (or lambda call operator) whose coroutine body is \p Body.
const FunctionDecl *coroutineFunction(const CoroutineBodyStmt &Body);

/// True if `co_await` applies to values of type \p T (a dependent type
/// too) through a member: `await_ready` or `operator co_await`. A type
/// awaited only through a free `operator co_await` is not recognised.
bool isAwaitableType(QualType T);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_COROUTINEMODEL_H
