//===--- UnawaitedTaskCheck.h - async-unawaited-task ----------------------===//

#ifndef ASYNC_LINT_UNAWAITED_TASK_CHECK_H
#define ASYNC_LINT_UNAWAITED_TASK_CHECK_H

#include "CoroutineCheck.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async {

/// Finds lazy tasks that are created and never awaited, spawned or passed on,
/// so they never run.
///
/// For the user-facing documentation see docs/checks/async-unawaited-task.md.
class UnawaitedTaskCheck : public CoroutineCheck {
public:
  UnawaitedTaskCheck(llvm::StringRef Name, ClangTidyContext *Context,
                     std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// A task that never runs: dropped where it is created (Var is null) or
  /// held by a variable nobody uses.
  struct Finding {
    const CallExpr *Creation = nullptr;
    const VarDecl *Var = nullptr;
  };

  /// Where a task is created: whether `co_await` may run it right there.
  enum class Place { PlainCode, Coroutine, CoroutineHandler };

  /// Whether each finding sits in a coroutine's own code decides the advice
  /// and the fix-it; that is known once every coroutine body is matched, so
  /// the findings are reported at the end of the translation unit.
  void report(const Finding &F, Place Where);
  bool isInHandler(SourceLocation Loc) const;
  /// How to run a task created at \p Where; %0 names the task.
  static llvm::StringRef advice(Place Where);

  static constexpr llvm::StringLiteral TaskTypesOption = "TaskTypes";
  const std::string TaskTypes;
  const std::vector<std::string> TaskTypeNames;

  llvm::MapVector<const CallExpr *, Finding> Findings;
  std::vector<const CoroutineBodyStmt *> Coroutines;
  /// The last statements of GNU statement expressions: their value is used.
  llvm::SmallPtrSet<const Stmt *, 4> StatementExpressionValues;
  /// The blocks of catch handlers, where `co_await` may not appear.
  std::vector<SourceRange> Handlers;
  const SourceManager *Sources = nullptr;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_UNAWAITED_TASK_CHECK_H
