//===--- BlockingCallCheck.h - async-blocking-call -------------------------===//

#ifndef ASYNC_LINT_BLOCKING_CALL_CHECK_H
#define ASYNC_LINT_BLOCKING_CALL_CHECK_H

#include "CoroutineCheck.h"
#include "HelperCalls.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace clang::tidy::async {

/// Finds blocking calls (synchronous I/O, sleeps, waits) inside coroutine bodies.
///
/// For the user-facing documentation see docs/checks/async-blocking-call.md.
class BlockingCallCheck : public CoroutineCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, ClangTidyContext *Context,
                    std::shared_ptr<CoroutineModel> Model);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

  /// What kind of fix a blocking operation has; the coroutine's runtime
  /// profile words it.
  enum class Remedy {
    ReadFile,
    WriteFile,
    FileIO,
    FileSystem,
    SpawnBlocking,
    AsyncIO,
    Sleep,
    Join,
    BlockOn
  };

  /// A blocking call or construction, or a call of a helper that blocks.
  struct BlockingOp {
    const Stmt *At = nullptr;
    /// What blocks: the function or type (`std::ifstream`), or the helper.
    std::string Name;
    Remedy Fix = Remedy::SpawnBlocking;
    /// The helper \c At calls, when the blocking happens inside it.
    const FunctionDecl *Helper = nullptr;
  };

private:
  std::optional<BlockingOp> blockingOp(const Stmt *S, unsigned Depth);
  std::optional<BlockingOp> blockingCall(const CallExpr *Call, unsigned Depth);
  std::optional<BlockingOp> blockingConstruction(const CXXConstructExpr *Construct,
                                                 unsigned Depth);
  std::optional<BlockingOp> blockingHelperCall(const Stmt *At,
                                               const FunctionDecl *Callee,
                                               unsigned Depth);
  /// True if \p Op, or the call it leads to through helpers, is a socket
  /// call on a non-blocking descriptor (NonBlockingIO.h).
  bool isNonBlockingIO(const BlockingOp &Op, const CoroutineInfo &Info);
  /// The first blocking operation of a helper's own code, memoised.
  std::optional<BlockingOp> helperSummary(const FunctionDecl *Helper,
                                          unsigned Depth);

  static constexpr llvm::StringLiteral BlockingFunctionsOption = "BlockingFunctions";
  static constexpr llvm::StringLiteral BlockingTypesOption = "BlockingTypes";
  static constexpr llvm::StringLiteral AllowedFunctionsOption = "AllowedFunctions";
  const std::string BlockingFunctions;
  const std::string BlockingTypes;
  const std::string AllowedFunctions;
  /// A name of the lists; the built-in C library names match only functions
  /// with C linkage or from system headers, not a user's own `read(Buffer&)`.
  struct ListedName {
    Remedy Fix = Remedy::SpawnBlocking;
    bool CLibrary = false;
  };
  llvm::StringMap<ListedName> Functions;
  llvm::StringMap<ListedName> Types;
  llvm::StringMap<bool> Allowed;

  /// Per translation unit: helpers' summaries (none: the helper does not
  /// block).
  HelperSummaries<BlockingOp> Summaries;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_BLOCKING_CALL_CHECK_H
