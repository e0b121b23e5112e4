//===--- CheckConsumer.h - Runs the checks over one AST, once per node ----===//

#ifndef ASYNC_LINT_DRIVER_CHECKCONSUMER_H
#define ASYNC_LINT_DRIVER_CHECKCONSUMER_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include <memory>

namespace async_lint {

/// Makes the AST consumer that runs the enabled checks, as clang-tidy's
/// ClangTidyASTConsumerFactory does (same checks, matchers, preprocessor
/// callbacks and context), but walking the AST once: each declaration and
/// statement is matched once, however many parents share it.
///
/// clang-tidy's MatchFinder walks the AST as a tree, and it is not one: a
/// `co_await x` keeps `x` both as its operand and inside the awaiter it
/// builds, so each level of nested, awaited coroutine lambdas triples the
/// walk (18 levels took hours). The checks match declarations and
/// statements only, so that is all this walk visits.
class CheckConsumerFactory {
public:
  explicit CheckConsumerFactory(clang::tidy::ClangTidyContext &Context);

  std::unique_ptr<clang::ASTConsumer>
  createASTConsumer(clang::CompilerInstance &Compiler, llvm::StringRef File);

private:
  clang::tidy::ClangTidyContext &Context;
  clang::tidy::ClangTidyCheckFactories CheckFactories;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CHECKCONSUMER_H
