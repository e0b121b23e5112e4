//===--- UnawaitedTaskCheck.cpp - async-unawaited-task --------------------===//

#include "UnawaitedTaskCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {
namespace {

/// True if \p Function's declared return type is a task held by value.
bool returnsTask(const FunctionDecl *Function, CoroutineModel &Model,
                 llvm::ArrayRef<std::string> TaskTypeNames) {
  if (!Function)
    return false;
  QualType Returned = Function->getDeclaredReturnType();
  return !Returned->isReferenceType() &&
         Model.isTaskType(Returned, TaskTypeNames);
}

/// True if every function a dependent call may resolve to returns a task:
/// the only thing known about `compute<T>()` before instantiation.
bool dependentCallReturnsTask(const CallExpr &Call, CoroutineModel &Model,
                              llvm::ArrayRef<std::string> TaskTypeNames) {
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return returnsTask(Callee, Model, TaskTypeNames);
  const auto *Candidates =
      dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts());
  if (!Candidates || Candidates->getNumDecls() == 0)
    return false;
  return llvm::all_of(Candidates->decls(), [&](const NamedDecl *Candidate) {
    return returnsTask(Candidate->getUnderlyingDecl()->getAsFunction(), Model,
                       TaskTypeNames);
  });
}

/// True if \p Call creates a new task: a prvalue of a task type, or in a
/// template a call whose callees all return one.
bool createsTask(const CallExpr &Call, CoroutineModel &Model,
                 llvm::ArrayRef<std::string> TaskTypeNames) {
  if (Call.isTypeDependent())
    return dependentCallReturnsTask(Call, Model, TaskTypeNames);
  return Call.isPRValue() && Model.isTaskType(Call.getType(), TaskTypeNames);
}

/// The task-creating call whose value the statement or initializer \p E is,
/// looked at through implicit nodes and parentheses, or null. An explicit
/// `(void)` cast is not looked through: it is the user's deliberate discard.
const CallExpr *taskCreation(const Expr &E, CoroutineModel &Model,
                             llvm::ArrayRef<std::string> TaskTypeNames) {
  const auto *Call = dyn_cast<CallExpr>(
      E.IgnoreImplicit()->IgnoreParens()->IgnoreImplicit());
  return Call && createsTask(*Call, Model, TaskTypeNames) ? Call : nullptr;
}

/// True if \p Var is a copy of a template's variable made by instantiating
/// it: the template's own variable answers for all of its instantiations
/// (an instantiation may leave it unused in a discarded `if constexpr`
/// branch on purpose).
bool isInTemplateInstantiation(const VarDecl &Var) {
  for (const DeclContext *Context = Var.getDeclContext(); Context;
       Context = Context->getParent()) {
    if (const auto *Function = dyn_cast<FunctionDecl>(Context);
        Function && Function->isTemplateInstantiation())
      return true;
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context);
        Record && clang::isTemplateInstantiation(
                      Record->getTemplateSpecializationKind()))
      return true;
  }
  return false;
}

/// True if \p Var is a local variable that could hold a task nobody uses.
bool isUnusedLocal(const VarDecl &Var) {
  return Var.hasLocalStorage() && !isa<ParmVarDecl, DecompositionDecl>(Var) &&
         !Var.isReferenced() && !Var.hasAttr<UnusedAttr>() &&
         !isInTemplateInstantiation(Var);
}

/// How a message names what created the task: the function (`fetch`), or
/// the variable a lambda is called through (`worker`). Empty for a lambda
/// called where it is written.
std::string creatorName(const CallExpr &Call) {
  if (const auto *Candidates =
          dyn_cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts()))
    return Candidates->getName().getAsString();
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return "";
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (!Method || !Method->getParent()->isLambda())
    return Callee->getNameAsString();
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || Operator->getNumArgs() == 0)
    return "";
  if (const auto *Closure =
          dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreParenImpCasts()))
    return Closure->getDecl()->getNameAsString();
  return "";
}

/// The type of the task \p Call creates; in a template, the type its
/// callee declares (`task<T>`).
QualType createdType(const CallExpr &Call) {
  if (!Call.isTypeDependent())
    return Call.getType();
  if (const FunctionDecl *Callee = Call.getDirectCallee())
    return Callee->getDeclaredReturnType();
  const auto *Candidates =
      cast<OverloadExpr>(Call.getCallee()->IgnoreParenImpCasts());
  return (*Candidates->decls_begin())
      ->getUnderlyingDecl()
      ->getAsFunction()
      ->getDeclaredReturnType();
}

/// Where \p Call begins: asked through Stmt, so that `worker()` begins at
/// `worker`, not at the `(` of its call operator.
SourceLocation creationBegin(const CallExpr &Call) {
  return Call.getSourceRange().getBegin();
}

/// Can \p Coroutine co_await? Not when its promise deletes await_transform,
/// as std::generator's does: there, inserting `co_await` breaks the code.
bool canAwaitIn(const CoroutineBodyStmt &Coroutine) {
  const CXXRecordDecl *Promise =
      Coroutine.getPromiseDecl()->getType()->getAsCXXRecordDecl();
  if (!Promise)
    return true;
  DeclContextLookupResult Transforms =
      Promise->lookup(&Promise->getASTContext().Idents.get("await_transform"));
  return Transforms.empty() ||
         llvm::any_of(Transforms, [](const NamedDecl *Transform) {
           const FunctionDecl *Function = Transform->getAsFunction();
           return !Function || !Function->isDeleted();
         });
}

/// Walks one function's own code and finds the tasks it creates and never
/// runs. Nested lambdas and local classes are functions of their own, walked
/// when the check meets them; a lambda's capture initialisers are the
/// enclosing function's code. The walk keeps its own stack: generated code
/// nests deeper than a thread's stack allows for recursion.
class UnrunTaskFinder {
public:
  /// A task created and never run: dropped where it is created (Var is
  /// null), or held by a local variable nobody uses.
  struct Finding {
    const CallExpr *Creation = nullptr;
    const VarDecl *Var = nullptr;
    /// Inside a catch handler, where `co_await` may not appear.
    bool InHandler = false;
  };

  UnrunTaskFinder(CoroutineModel &Model, llvm::ArrayRef<std::string> TaskTypeNames)
      : Model(Model), TaskTypeNames(TaskTypeNames) {}

  std::vector<Finding> find(const Stmt &Body) {
    Pending.push_back({&Body, false, false});
    while (!Pending.empty())
      visit(Pending.pop_back_val());
    return std::move(Found);
  }

private:
  struct Position {
    const Stmt *S;
    /// Nobody uses the value of S.
    bool ValueDropped;
    bool InHandler;
  };

  void visit(Position P) {
    const Stmt &S = *P.S;
    if (P.ValueDropped)
      if (const auto *E = dyn_cast<Expr>(&S)) {
        const Expr *Value = E->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
        // Implicit nodes and parentheses only wrap the value: go on from it.
        if (Value != E) {
          Pending.push_back({Value, true, P.InHandler});
          return;
        }
        if (const CallExpr *Call = taskCreation(*E, Model, TaskTypeNames))
          Found.push_back({Call, nullptr, P.InHandler});
      }
    if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
      for (const Expr *Init : Lambda->capture_inits())
        if (Init)
          Pending.push_back({Init, false, P.InHandler});
      return;
    }
    if (isa<BlockExpr>(S))
      return;
    if (const auto *Declarations = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Declarations->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          noteVariable(*Var, P.InHandler);
    bool InHandler = P.InHandler || isa<CXXCatchStmt>(S);
    if (const auto *Statements = dyn_cast<StmtExpr>(&S)) {
      // The last statement of a GNU statement expression is its value.
      const CompoundStmt *Block = Statements->getSubStmt();
      for (const Stmt *Child : Block->body())
        Pending.push_back({Child, Child != Block->body_back(), InHandler});
      return;
    }
    for (const Stmt *Child : S.children())
      if (Child)
        Pending.push_back({Child, dropsValueOf(S, Child, P.ValueDropped), InHandler});
  }

  void noteVariable(const VarDecl &Var, bool InHandler) {
    if (const Expr *Init = Var.getInit(); Init && isUnusedLocal(Var))
      if (const CallExpr *Call = taskCreation(*Init, Model, TaskTypeNames))
        Found.push_back({Call, &Var, InHandler});
  }

  CoroutineModel &Model;
  llvm::ArrayRef<std::string> TaskTypeNames;
  llvm::SmallVector<Position, 32> Pending;
  std::vector<Finding> Found;
};

} // namespace

UnawaitedTaskCheck::UnawaitedTaskCheck(llvm::StringRef Name,
                                       ClangTidyContext *Context,
                                       std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)),
      TaskTypes(Options.get(TaskTypesOption, "")),
      TaskTypeNames(parseNameList(TaskTypes)) {}

void UnawaitedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TaskTypesOption, TaskTypes);
}

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  // Every function with a body, lambdas' call operators and template
  // instantiations included, each walked once: one matcher per function
  // instead of matchers on every statement of the translation unit.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isImplicit()))
                         .bind("function"),
                     this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  Sources = Result.SourceManager;
  const Stmt *Body = Function->getBody();
  if (!Body)
    return;
  const CoroutineInfo *Coroutine = nullptr;
  bool CanAwait = false;
  if (const auto *CoroutineBody = dyn_cast<CoroutineBodyStmt>(Body)) {
    Coroutine = &model().info(*CoroutineBody);
    // A coroutine that cannot co_await is plain code to the advice.
    CanAwait = canAwaitIn(*CoroutineBody);
    Body = CoroutineBody->getBody();
  }
  UnrunTaskFinder Finder(model(), TaskTypeNames);
  for (const UnrunTaskFinder::Finding &F : Finder.find(*Body)) {
    Place Where = Place::PlainCode;
    if (CanAwait)
      Where = F.InHandler ? Place::CoroutineHandler : Place::Coroutine;
    report(*F.Creation, F.Var, Where, Coroutine);
  }
}

llvm::StringRef UnawaitedTaskCheck::advice(Place Where) {
  switch (Where) {
  case Place::Coroutine:
    return "co_await %0%2";
  case Place::CoroutineHandler:
    return "co_await %0 after the handler (a handler cannot co_await)%2";
  case Place::PlainCode:
    break;
  }
  return "run %0 with %1%2";
}

std::vector<FixItHint> UnawaitedTaskCheck::awaitFix(const CallExpr &Call,
                                                    SourceLocation Begin) {
  // co_await binds tighter than a binary operator: `a + b` becomes
  // `co_await (a + b)`, not `(co_await a) + b`.
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || !Operator->isInfixBinaryOp())
    return {FixItHint::CreateInsertion(Begin, "co_await ")};
  SourceLocation End = Lexer::getLocForEndOfToken(
      Operator->getEndLoc(), 0, *Sources, getLangOpts());
  if (End.isInvalid())
    return {};
  return {FixItHint::CreateInsertion(Begin, "co_await ("),
          FixItHint::CreateInsertion(End, ")")};
}

void UnawaitedTaskCheck::report(const CallExpr &Call, const VarDecl *Var,
                                Place Where, const CoroutineInfo *Coroutine) {
  QualType Type = createdType(Call);
  bool Awaitable =
      model().isAwaitableIn(Type, Where == Place::PlainCode ? nullptr : Coroutine);
  const RuntimeProfile &Runtime =
      model().profiles().ofTask(Type, Coroutine).Text;
  std::string Spawn;
  if (!Runtime.SpawnAdvice.empty())
    Spawn = ", or pass it to " + Runtime.SpawnAdvice + " to run it concurrently";
  if (Var) {
    diag(Var->getLocation(), "task '%0' is never awaited; it will not run")
        << Var->getName();
    if (Awaitable)
      diag(Var->getLocation(), advice(Where), DiagnosticIDs::Note)
          << ("'" + Var->getName() + "'").str() << Runtime.BlockOnAdvice
          << Spawn;
    return;
  }
  SourceLocation Begin = creationBegin(Call);
  std::string Name = creatorName(Call);
  {
    auto Warning =
        diag(Begin,
             Name.empty() ? "task returned by this lambda is never awaited; "
                            "it will not run"
                          : "task returned by '%0' is never awaited; it will "
                            "not run");
    if (!Name.empty())
      Warning << Name;
    if (Where == Place::Coroutine && Awaitable && Begin.isFileID())
      Warning << awaitFix(Call, Begin);
  }
  if (Awaitable)
    diag(Begin, advice(Where), DiagnosticIDs::Note)
        << "it" << Runtime.BlockOnAdvice << Spawn;
}

} // namespace clang::tidy::async
