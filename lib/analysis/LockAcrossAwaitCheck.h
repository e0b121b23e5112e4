//===--- LockAcrossAwaitCheck.h - async-lock-across-await ------------------===//

#ifndef ASYNC_LINT_LOCK_ACROSS_AWAIT_CHECK_H
#define ASYNC_LINT_LOCK_ACROSS_AWAIT_CHECK_H

#include "CoroutineCheck.h"

namespace clang::tidy::async {

/// Finds suspension points reached while a blocking lock is held.
///
/// For the user-facing documentation see docs/checks/async-lock-across-await.md.
class LockAcrossAwaitCheck : public CoroutineCheck {
public:
  LockAcrossAwaitCheck(llvm::StringRef Name, ClangTidyContext *Context,
                       std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  static constexpr llvm::StringLiteral LockTypesOption = "LockTypes";
  static constexpr llvm::StringLiteral AsyncMutexTypesOption = "AsyncMutexTypes";
  const std::string LockTypes;
  const std::string AsyncMutexTypes;
  LockConfig Config;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_LOCK_ACROSS_AWAIT_CHECK_H
