//===--- DanglingReferenceCheck.h - async-dangling-reference --------------===//

#ifndef ASYNC_LINT_DANGLING_REFERENCE_CHECK_H
#define ASYNC_LINT_DANGLING_REFERENCE_CHECK_H

#include "CoroutineCheck.h"

namespace clang::tidy::async {

/// Finds tasks that may outlive a reference, view, pointer, object or lambda
/// capture they hold. A coroutine called with a temporary whose task is not
/// awaited in the same full expression; a task borrowing a local that is
/// spawned and not joined before the local dies, returned, or stored where
/// it outlives the local.
///
/// For the user-facing documentation see docs/checks/async-dangling-reference.md.
class DanglingReferenceCheck : public CoroutineCheck {
public:
  DanglingReferenceCheck(llvm::StringRef Name, ClangTidyContext *Context,
                         std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The calls that run a task concurrently, detached from its creator
  /// unless their handle is awaited. The one place the spawn names come
  /// from: a runtime profile's spawns can be the option's default here.
  static constexpr llvm::StringLiteral SpawnFunctionsOption = "SpawnFunctions";
  const std::string SpawnFunctions;
  const std::vector<std::string> SpawnNames;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_DANGLING_REFERENCE_CHECK_H
