//===--- CoroutineCheck.h - Base of the async-* checks ---------------------===//

#ifndef ASYNC_LINT_COROUTINECHECK_H
#define ASYNC_LINT_COROUTINECHECK_H

#include "CoroutineModel.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>

namespace clang::tidy::async {

/// A check that reads the coroutine model shared by all async-* checks of a
/// clang-tidy run.
class CoroutineCheck : public ClangTidyCheck {
public:
  CoroutineCheck(llvm::StringRef Name, ClangTidyContext *Context,
                 std::shared_ptr<CoroutineModel> Model)
      : ClangTidyCheck(Name, Context), Model(std::move(Model)) {
    // The first check of a run to see new profile settings reports them.
    for (const std::string &Error :
         this->Model->profiles().configure(Context->getOptions().CheckOptions))
      configurationDiag(Error);
  }

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }

  /// Every check resets the shared model; all of them do so before any
  /// matching of the new translation unit starts, so no facts are lost.
  void onStartOfTranslationUnit() override { Model->reset(); }

protected:
  CoroutineModel &model() const { return *Model; }

private:
  std::shared_ptr<CoroutineModel> Model;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_COROUTINECHECK_H
