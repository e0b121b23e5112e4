//===--- CheckConsumer.cpp - Runs the checks over one AST, once per node --===//

#include "CheckConsumer.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace clang::tidy;

namespace async_lint {
namespace {

/// Walks every declaration and statement of an AST once, as MatchFinder's
/// own walk would reach them (implicit code and template instantiations
/// included), and runs the matchers on each.
class EachNodeOnce : public RecursiveASTVisitor<EachNodeOnce> {
public:
  EachNodeOnce(ast_matchers::MatchFinder &Finder, ASTContext &AST)
      : Finder(Finder), AST(AST) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    if (!D || !Seen.insert(D).second)
      return true;
    Finder.match(*D, AST);
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  /// Called for every statement the walk reaches; false skips one already
  /// matched, with all it holds.
  bool dataTraverseStmtPre(Stmt *S) {
    if (!Seen.insert(S).second)
      return false;
    Finder.match(*S, AST);
    return true;
  }

private:
  ast_matchers::MatchFinder &Finder;
  ASTContext &AST;
  llvm::DenseSet<const void *> Seen;
};

class CheckConsumer : public ASTConsumer {
public:
  CheckConsumer(std::vector<std::unique_ptr<ClangTidyCheck>> Checks,
                std::unique_ptr<ast_matchers::MatchFinder> Finder)
      : Checks(std::move(Checks)), Finder(std::move(Finder)) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    for (const std::unique_ptr<ClangTidyCheck> &Check : Checks)
      Check->onStartOfTranslationUnit();
    EachNodeOnce(*Finder, AST).TraverseAST(AST);
    for (const std::unique_ptr<ClangTidyCheck> &Check : Checks)
      Check->onEndOfTranslationUnit();
  }

private:
  std::vector<std::unique_ptr<ClangTidyCheck>> Checks;
  std::unique_ptr<ast_matchers::MatchFinder> Finder;
};

} // namespace

CheckConsumerFactory::CheckConsumerFactory(ClangTidyContext &Context)
    : Context(Context) {
  for (const ClangTidyModuleRegistry::entry &Module :
       ClangTidyModuleRegistry::entries())
    Module.instantiate()->addCheckFactories(CheckFactories);
}

std::unique_ptr<ASTConsumer>
CheckConsumerFactory::createASTConsumer(CompilerInstance &Compiler,
                                        llvm::StringRef File) {
  SourceManager &Sources = Compiler.getSourceManager();
  Context.setSourceManager(&Sources);
  Context.setCurrentFile(File);
  Context.setASTContext(&Compiler.getASTContext());
  if (auto WorkingDirectory = Sources.getFileManager()
                                  .getVirtualFileSystem()
                                  .getCurrentWorkingDirectory())
    Context.setCurrentBuildDirectory(*WorkingDirectory);

  std::vector<std::unique_ptr<ClangTidyCheck>> Checks =
      CheckFactories.createChecksForLanguage(&Context);
  auto Finder = std::make_unique<ast_matchers::MatchFinder>();
  Preprocessor &PP = Compiler.getPreprocessor();
  for (const std::unique_ptr<ClangTidyCheck> &Check : Checks) {
    Check->registerMatchers(Finder.get());
    Check->registerPPCallbacks(Sources, &PP, &PP);
  }
  return std::make_unique<CheckConsumer>(std::move(Checks), std::move(Finder));
}

} // namespace async_lint
