//===--- HeavyLoopCheck.h - async-heavy-loop -------------------------------===//

#ifndef ASYNC_LINT_HEAVY_LOOP_CHECK_H
#define ASYNC_LINT_HEAVY_LOOP_CHECK_H

#include "CoroutineCheck.h"
#include <cstdint>
#include <string>
#include <vector>

namespace clang::tidy::async {

/// Finds loops in coroutine bodies that are likely to run long without suspending.
///
/// For the user-facing documentation see docs/checks/async-heavy-loop.md.
class HeavyLoopCheck : public CoroutineCheck {
public:
  HeavyLoopCheck(llvm::StringRef Name, ClangTidyContext *Context,
                 std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  static constexpr llvm::StringLiteral TripCountThresholdOption =
      "TripCountThreshold";
  const std::uint64_t TripCountThreshold;
  /// Calls that hand a task to the runtime: a loop that makes them spawns
  /// its work rather than doing it.
  std::vector<std::string> SpawnFunctions = {"asyncrt::spawn",
                                             "asyncrt::spawn_blocking"};
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_HEAVY_LOOP_CHECK_H
