//===--- UnawaitedTaskCheck.h - async-unawaited-task ----------------------===//

#ifndef ASYNC_LINT_UNAWAITED_TASK_CHECK_H
#define ASYNC_LINT_UNAWAITED_TASK_CHECK_H

#include "CoroutineCheck.h"

namespace clang::tidy::async {

/// Finds lazy tasks that are created and never awaited, spawned or passed on,
/// so they never run. Unlike the other checks it looks at plain functions
/// too (a task dropped in `main` never runs either), so it walks every
/// function's own code itself rather than the model's coroutine bodies; it
/// shares the model's task types and its notion of a dropped value
/// (dropsValueOf).
///
/// For the user-facing documentation see docs/checks/async-unawaited-task.md.
class UnawaitedTaskCheck : public CoroutineCheck {
public:
  UnawaitedTaskCheck(llvm::StringRef Name, ClangTidyContext *Context,
                     std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Where a task is created: whether `co_await` may run it right there.
  enum class Place { PlainCode, Coroutine, CoroutineHandler };

  /// Reports the task \p Call creates: dropped where it is created, or held
  /// by \p Var, which nobody uses; \p Coroutine is where, if in one.
  void report(const CallExpr &Call, const VarDecl *Var, Place Where,
              const CoroutineInfo *Coroutine);
  /// The fix that awaits the task \p Call creates, which begins at \p Begin.
  std::vector<FixItHint> awaitFix(const CallExpr &Call, SourceLocation Begin);
  /// How to run a task created at \p Where: the message, where %0 names the
  /// task and %1 and %2 are filled by the runtime's advice.
  static llvm::StringRef advice(Place Where);

  /// The source of the function being checked, for the fixes.
  const SourceManager *Sources = nullptr;
  static constexpr llvm::StringLiteral TaskTypesOption = "TaskTypes";
  const std::string TaskTypes;
  const std::vector<std::string> TaskTypeNames;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_UNAWAITED_TASK_CHECK_H
