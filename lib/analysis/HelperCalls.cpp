//===--- HelperCalls.cpp - The helpers a coroutine calls -------------------===//

#include "HelperCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async {

namespace {

class HelperCodeCollector : public RecursiveASTVisitor<HelperCodeCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    Code.push_back(Call);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Code.push_back(Construct);
    return true;
  }

  std::vector<const Stmt *> Code;
};

/// The loops of a helper's own code, each with its place in the nest.
class LoopNestCollector : public RecursiveASTVisitor<LoopNestCollector> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S)
      return true;
    if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      return RecursiveASTVisitor::TraverseStmt(S, nullptr);
    LoopInfo Loop;
    Loop.Loop = S;
    Loop.Parent = OpenLoops.empty() ? -1 : OpenLoops.back();
    OpenLoops.push_back(static_cast<int>(Loops.size()));
    Loops.push_back(Loop);
    bool Continue = RecursiveASTVisitor::TraverseStmt(S, nullptr);
    OpenLoops.pop_back();
    return Continue;
  }

  std::vector<LoopInfo> Loops;
  llvm::SmallVector<int, 4> OpenLoops;
};

} // namespace

const FunctionDecl *certainCallee(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!Method || !Method->isVirtual())
    return Callee;
  const auto *Member = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if ((Member && Member->hasQualifier()) || Method->hasAttr<FinalAttr>() ||
      Method->getParent()->hasAttr<FinalAttr>())
    return Callee;
  return nullptr;
}

const FunctionDecl *followableHelper(const FunctionDecl *Callee,
                                     ProfileSet &Profiles) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) || !Definition->getBody())
    return nullptr;
  if (isa<CoroutineBodyStmt>(Definition->getBody()) ||
      Definition->isDependentContext() || Profiles.isRuntimeCode(*Definition))
    return nullptr;
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

bool callsHandedCallable(const Stmt &At, const CoroutineInfo &Coroutine,
                         ProfileSet &Profiles) {
  const auto *Call = dyn_cast<CXXOperatorCallExpr>(&At);
  if (!Call || Call->getOperator() != OO_Call)
    return false;
  const auto *Object = dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts());
  const auto *Param = Object ? dyn_cast<ParmVarDecl>(Object->getDecl()) : nullptr;
  return Param && llvm::is_contained(Coroutine.function().parameters(), Param) &&
         Profiles.isRuntimeCode(Coroutine.function());
}

std::string helperName(const Stmt &At, const FunctionDecl &Helper) {
  const auto *Call = dyn_cast<CXXOperatorCallExpr>(&At);
  if (Call && Call->getOperator() == OO_Call)
    if (const auto *Object =
            dyn_cast<DeclRefExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
      return Object->getDecl()->getNameAsString();
  const auto *Method = dyn_cast<CXXMethodDecl>(&Helper);
  if (Method && Method->getParent()->isLambda())
    return "lambda";
  return Helper.getNameAsString();
}

std::vector<const Stmt *> helperCode(const FunctionDecl &Helper) {
  HelperCodeCollector Collector;
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&Helper))
    for (const CXXCtorInitializer *Init : Constructor->inits())
      if (Init->isWritten())
        Collector.TraverseStmt(Init->getInit());
  Collector.TraverseStmt(Helper.getBody());
  return std::move(Collector.Code);
}

std::vector<LoopInfo> helperLoops(const FunctionDecl &Helper) {
  LoopNestCollector Collector;
  Collector.TraverseStmt(Helper.getBody());
  return std::move(Collector.Loops);
}

} // namespace clang::tidy::async
