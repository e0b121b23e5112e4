//===--- UnawaitedTaskCheck.cpp - async-unawaited-task --------------------===//

#include "UnawaitedTaskCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

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

/// A call whose result is a new task: a prvalue of a task type, or in a
/// template a call whose callees all return one.
AST_MATCHER_P2(CallExpr, createsTask, CoroutineModel *, Model,
               const std::vector<std::string> *, TaskTypeNames) {
  if (Node.isTypeDependent())
    return dependentCallReturnsTask(Node, *Model, *TaskTypeNames);
  return Node.isPRValue() && Model->isTaskType(Node.getType(), *TaskTypeNames);
}

/// The expression whose value a statement drops, as DroppedTask finds it.
const Expr *droppedValue(const Expr &Statement) {
  return Statement.IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
}

AST_MATCHER(VarDecl, isUnreferenced) { return !Node.isReferenced(); }

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

AST_MATCHER(VarDecl, isInstantiatedCopy) {
  return isInTemplateInstantiation(Node);
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
  auto TaskCreation = callExpr(createsTask(&model(), &TaskTypeNames));
  // The value of a full-expression statement is dropped. An explicit
  // `(void)` cast is not looked through: it is the user's deliberate discard.
  auto DroppedTask = expr(ignoringImplicit(
      ignoringParens(ignoringImplicit(TaskCreation.bind("dropped")))));
  Finder->addMatcher(compoundStmt(forEach(DroppedTask)), this);
  Finder->addMatcher(ifStmt(eachOf(hasThen(DroppedTask), hasElse(DroppedTask))),
                     this);
  Finder->addMatcher(
      mapAnyOf(forStmt, cxxForRangeStmt, whileStmt, doStmt)
          .with(hasBody(DroppedTask)),
      this);
  Finder->addMatcher(forStmt(hasIncrement(DroppedTask)), this);
  Finder->addMatcher(switchCase(has(DroppedTask)), this);
  Finder->addMatcher(labelStmt(has(DroppedTask)), this);
  Finder->addMatcher(binaryOperator(hasOperatorName(","), hasLHS(DroppedTask)),
                     this);
  Finder->addMatcher(
      stmtExpr(has(compoundStmt().bind("statement-expression"))), this);

  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()), isUnreferenced(),
              unless(hasAttr(attr::Unused)), unless(isInstantiatedCopy()),
              hasInitializer(ignoringImplicit(TaskCreation.bind("held"))))
          .bind("var"),
      this);

  Finder->addMatcher(coroutineBodyStmt().bind("coroutine"), this);
  Finder->addMatcher(cxxCatchStmt().bind("handler"), this);
}

void UnawaitedTaskCheck::onStartOfTranslationUnit() {
  CoroutineCheck::onStartOfTranslationUnit();
  Findings.clear();
  Coroutines.clear();
  StatementExpressionValues.clear();
  Handlers.clear();
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  Sources = Result.SourceManager;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("dropped"))
    Findings.try_emplace(Call, Finding{Call, nullptr});
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("held"))
    Findings.try_emplace(Call,
                         Finding{Call, Result.Nodes.getNodeAs<VarDecl>("var")});
  if (const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine"))
    Coroutines.push_back(Body);
  if (const auto *Compound =
          Result.Nodes.getNodeAs<CompoundStmt>("statement-expression"))
    if (const auto *Value = dyn_cast_or_null<Expr>(Compound->body_back()))
      StatementExpressionValues.insert(droppedValue(*Value));
  if (const auto *Handler = Result.Nodes.getNodeAs<CXXCatchStmt>("handler"))
    Handlers.push_back(Handler->getHandlerBlock()->getSourceRange());
}

void UnawaitedTaskCheck::onEndOfTranslationUnit() {
  if (Findings.empty())
    return;
  // A creation is in a coroutine's own code (not in a plain lambda nested in
  // it) if the model lists it among that body's calls.
  llvm::DenseSet<const CallExpr *> InCoroutines;
  for (const CoroutineBodyStmt *Body : Coroutines)
    for (const CallExpr *Call : model().info(*Body).calls())
      if (Findings.contains(Call))
        InCoroutines.insert(Call);
  for (const auto &[Call, F] : Findings) {
    if (!F.Var && StatementExpressionValues.contains(Call))
      continue;
    Place Where = Place::PlainCode;
    if (InCoroutines.contains(Call))
      Where = isInHandler(creationBegin(*Call)) ? Place::CoroutineHandler
                                                : Place::Coroutine;
    report(F, Where);
  }
}

bool UnawaitedTaskCheck::isInHandler(SourceLocation Loc) const {
  return llvm::any_of(Handlers, [&](SourceRange Handler) {
    return Sources->isPointWithin(Loc, Handler.getBegin(), Handler.getEnd());
  });
}

llvm::StringRef UnawaitedTaskCheck::advice(Place Where) {
  switch (Where) {
  case Place::Coroutine:
    return "co_await %0, or pass it to asyncrt::spawn to run it concurrently";
  case Place::CoroutineHandler:
    return "co_await %0 after the handler (a handler cannot co_await), or "
           "pass it to asyncrt::spawn to run it concurrently";
  case Place::PlainCode:
    break;
  }
  return "run %0 with asyncrt::block_on, or pass it to asyncrt::spawn to run "
         "it concurrently";
}

void UnawaitedTaskCheck::report(const Finding &F, Place Where) {
  bool Awaitable = isAwaitableType(createdType(*F.Creation));
  if (F.Var) {
    diag(F.Var->getLocation(), "task '%0' is never awaited; it will not run")
        << F.Var->getName();
    if (Awaitable)
      diag(F.Var->getLocation(), advice(Where), DiagnosticIDs::Note)
          << ("'" + F.Var->getName() + "'").str();
    return;
  }
  const CallExpr &Call = *F.Creation;
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
      Warning << FixItHint::CreateInsertion(Begin, "co_await ");
  }
  if (Awaitable)
    diag(Begin, advice(Where), DiagnosticIDs::Note) << "it";
}

} // namespace clang::tidy::async
