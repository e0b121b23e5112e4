//===--- HeavyLoopCheck.h - async-heavy-loop -------------------------------===//

#ifndef ASYNC_LINT_HEAVY_LOOP_CHECK_H
#define ASYNC_LINT_HEAVY_LOOP_CHECK_H

#include "CoroutineCheck.h"
#include "HelperCalls.h"
#include <cstdint>
#include <optional>
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
  void onStartOfTranslationUnit() override;

private:
  /// A loop reported in one function's code.
  struct HeavyLoop {
    const Stmt *Loop = nullptr;
    enum Kind { Constant, Spin, Nest } What = Constant;
    /// Constant: iterations of the innermost body, and whether that is a
    /// nest's product.
    std::uint64_t Work = 0;
    bool IsNest = false;
    /// Nest: the first inner loop with a non-constant bound.
    const Stmt *Inner = nullptr;
    /// Constant: the iterations are more than Work, which is the largest
    /// std::uint64_t.
    bool WorkOverflows = false;
  };
  /// A step towards a heavy loop: the loop itself (\c Callee null, \c Text
  /// describes it) or a call of a helper that runs one (\c Text names it).
  struct HeavyStep {
    const Stmt *At = nullptr;
    const FunctionDecl *Callee = nullptr;
    std::string Text;
  };

  /// The reported loops among \p Loops, one function's loop nest.
  std::vector<HeavyLoop> heavyLoops(llvm::ArrayRef<LoopInfo> Loops, ASTContext &Ctx);
  static std::string describe(const HeavyLoop &Loop);
  /// The call \p At (a call or construction) if it runs a helper that runs a
  /// heavy loop.
  std::optional<HeavyStep> heavyHelperCall(const Stmt *At, unsigned Depth);
  /// The first heavy loop a helper runs, in its own code or through another
  /// helper, memoised.
  std::optional<HeavyStep> helperSummary(const FunctionDecl *Helper, unsigned Depth);

  static constexpr llvm::StringLiteral TripCountThresholdOption =
      "TripCountThreshold";
  const std::uint64_t TripCountThreshold;
  HelperSummaries<HeavyStep> Summaries;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_HEAVY_LOOP_CHECK_H
