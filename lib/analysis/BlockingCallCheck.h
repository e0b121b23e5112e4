//===--- BlockingCallCheck.h - async-blocking-call ---===//

#ifndef ASYNC_LINT_BLOCKING_CALL_CHECK_H
#define ASYNC_LINT_BLOCKING_CALL_CHECK_H

#include "CoroutineCheck.h"

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
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_BLOCKING_CALL_CHECK_H
