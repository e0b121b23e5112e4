//===--- CoroutineModel.cpp - What the async checks know about coroutines -===//

#include "CoroutineModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async {

std::vector<std::string> parseNameList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Names;
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (!Part.empty())
      Names.push_back(Part.str());
  }
  return Names;
}

std::string joinNameList(llvm::ArrayRef<std::string> Names) {
  return llvm::join(Names, ";");
}

bool hasQualifiedNameIn(const NamedDecl *Decl,
                        llvm::ArrayRef<std::string> Names) {
  if (!Decl || Names.empty())
    return false;
  std::string Qualified = Decl->getQualifiedNameAsString();
  return llvm::any_of(Names, [&](const std::string &Name) {
    llvm::StringRef Wanted(Name);
    Wanted.consume_front("::");
    return Wanted == Qualified;
  });
}

bool isExplicitSuspension(const Stmt *S) {
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(S))
    return !Await->isImplicit();
  return isa_and_nonnull<CoyieldExpr, DependentCoawaitExpr>(S);
}

const FunctionDecl *coroutineFunction(const CoroutineBodyStmt &Body) {
  // The promise variable is declared in the coroutine itself, which makes it
  // the one reliable way from a body back to its function, lambdas included.
  if (const VarDecl *Promise = Body.getPromiseDecl())
    return dyn_cast<FunctionDecl>(Promise->getDeclContext());
  return nullptr;
}

bool dropsValueOf(const Stmt &Parent, const Stmt *Child, bool ParentDropped) {
  if (isa<CompoundStmt>(Parent))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(&Parent))
    return Child == If->getThen() || Child == If->getElse() ||
           Child == If->getInit();
  if (const auto *For = dyn_cast<ForStmt>(&Parent))
    return Child == For->getBody() || Child == For->getInc() ||
           Child == For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Parent))
    return Child == Range->getBody() || Child == Range->getInit();
  if (const auto *While = dyn_cast<WhileStmt>(&Parent))
    return Child == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Parent))
    return Child == Do->getBody();
  if (const auto *Switch = dyn_cast<SwitchStmt>(&Parent))
    return Child == Switch->getBody() || Child == Switch->getInit();
  if (const auto *Case = dyn_cast<SwitchCase>(&Parent))
    return Child == Case->getSubStmt();
  if (const auto *Label = dyn_cast<LabelStmt>(&Parent))
    return Child == Label->getSubStmt();
  if (const auto *Attributed = dyn_cast<AttributedStmt>(&Parent))
    return Child == Attributed->getSubStmt();
  if (const auto *Binary = dyn_cast<BinaryOperator>(&Parent);
      Binary && Binary->isCommaOp())
    return Child == Binary->getLHS() || (ParentDropped && Child == Binary->getRHS());
  if (const auto *Conditional = dyn_cast<AbstractConditionalOperator>(&Parent))
    return ParentDropped && (Child == Conditional->getTrueExpr() ||
                             Child == Conditional->getFalseExpr());
  return false;
}

bool CoroutineInfo::isLambda() const {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  return Method && Method->getParent()->isLambda();
}

/// Walks the body's own code once, recording what the checks ask about.
class BodyCollector : public RecursiveASTVisitor<BodyCollector> {
public:
  explicit BodyCollector(CoroutineInfo &Info) : Info(Info) {}

  void collect() {
    TraverseStmt(Info.Body.getBody());
    llvm::sort(Info.Suspensions, [](const Stmt *A, const Stmt *B) {
      return A->getBeginLoc() < B->getBeginLoc();
    });
  }

  // Nested lambdas and local classes are not the body's own code.
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool VisitCallExpr(CallExpr *Call) {
    Info.Calls.push_back(Call);
    if (HandlerDepth > 0)
      Info.CallsInHandlers.insert(Call);
    noteLockCall(Call);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Info.Constructions.push_back(Construct);
    return true;
  }

  /// A handler's children are traversed before this returns (no data
  /// recursion queue), so the depth is right for every call inside.
  bool TraverseCXXCatchStmt(CXXCatchStmt *Catch) {
    ++HandlerDepth;
    bool Continue = RecursiveASTVisitor::TraverseCXXCatchStmt(Catch);
    --HandlerDepth;
    return Continue;
  }

  bool VisitStmt(Stmt *S) {
    for (Stmt *Child : S->children())
      if (const auto *E = dyn_cast_or_null<Expr>(Child);
          E && dropsValueOf(*S, E, /*ParentDropped=*/false))
        Info.Statements.insert(E->IgnoreImplicit());
    return true;
  }

  bool VisitCoreturnStmt(CoreturnStmt *Return) {
    if (const Expr *Operand = Return->getOperand())
      Info.Values.insert(Operand->IgnoreImplicit());
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (const Expr *Init = Var->getInit())
      Info.Values.insert(Init->IgnoreImplicit());
    if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        isLockLikeType(Var->getType()))
      Info.MayTakeLock = true;
    return true;
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (!S)
      return true;
    if (isExplicitSuspension(S)) {
      Info.Suspensions.push_back(S);
      for (int Loop : OpenLoops)
        Info.Loops[Loop].Suspends = true;
    }
    if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      return RecursiveASTVisitor::TraverseStmt(S, Queue);

    int Index = static_cast<int>(Info.Loops.size());
    LoopInfo Loop;
    Loop.Loop = S;
    Loop.Parent = OpenLoops.empty() ? -1 : OpenLoops.back();
    Info.Loops.push_back(Loop);
    OpenLoops.push_back(Index);
    // No data-recursion queue: the loop must stay open while its children
    // are traversed.
    bool Continue = RecursiveASTVisitor::TraverseStmt(S, nullptr);
    OpenLoops.pop_back();
    return Continue;
  }

private:
  /// A type that may hold a lock for its lifetime: any class with both
  /// lock() and unlock() members, or with a mutex-like template argument.
  /// Deliberately broad: it only decides whether the lock flow is computed,
  /// and the lock check decides precisely what a guard is.
  static bool isLockLikeType(QualType T) {
    T = T.getNonReferenceType();
    if (const auto *Spec = T->getAs<TemplateSpecializationType>())
      if (const TemplateDecl *Template = Spec->getTemplateName().getAsTemplateDecl())
        return Template->getName().contains("lock");
    if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl())
      return Record->getName().contains("lock") ||
             Record->getName().contains("guard");
    return false;
  }

  /// Notes a `x.lock()` or `x.lock_shared()` call, resolved or dependent.
  void noteLockCall(const CallExpr *Call) {
    DeclarationName Name;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (const NamedDecl *Callee = Member->getMethodDecl())
        Name = Callee->getDeclName();
    } else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(
                   Call->getCallee()->IgnoreParenImpCasts())) {
      Name = Dependent->getMember();
    }
    if (const IdentifierInfo *Id = Name.getAsIdentifierInfo())
      if (Id->getName().starts_with("lock"))
        Info.MayTakeLock = true;
  }

  CoroutineInfo &Info;
  llvm::SmallVector<int, 4> OpenLoops;
  int HandlerDepth = 0;
};

const CoroutineInfo &CoroutineModel::info(const CoroutineBodyStmt &Body) {
  std::unique_ptr<CoroutineInfo> &Slot = Infos[&Body];
  if (!Slot) {
    Slot = std::make_unique<CoroutineInfo>(Body, *coroutineFunction(Body));
    BodyCollector(*Slot).collect();
  }
  return *Slot;
}

const CFG *CoroutineModel::controlFlow(const CoroutineInfo &Info,
                                       ASTContext &Ctx) {
  auto [It, Inserted] = Graphs.try_emplace(&Info.body());
  if (Inserted) {
    CFG::BuildOptions Options;
    Options.AddImplicitDtors = true;
    Options.AddLifetime = true;
    Options.AddScopes = true;
    Options.AddTemporaryDtors = true;
    // By default the CFG lists an expression as an element only where it is
    // a statement of its own; a co_await in an initializer or an argument
    // would be missed.
    Options.setAlwaysAdd(Stmt::CoawaitExprClass)
        .setAlwaysAdd(Stmt::CoyieldExprClass)
        .setAlwaysAdd(Stmt::DependentCoawaitExprClass);
    It->second = CFG::buildCFG(&Info.function(), Info.body().getBody(), &Ctx,
                               Options);
  }
  return It->second.get();
}

void CoroutineModel::reset() {
  Infos.clear();
  LockStates.clear();
  Graphs.clear();
  TaskTypeCache.clear();
  Profiles.reset();
}

namespace {

/// The class a (possibly dependent) type names: the record itself, or for a
/// dependent specialization such as `task<T>` the primary template's pattern.
const CXXRecordDecl *classOf(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl()) {
    if (const CXXRecordDecl *Definition = Record->getDefinition())
      return Definition;
    // A specialization not instantiated yet: its primary template knows.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      return Spec->getSpecializedTemplate()->getTemplatedDecl();
    return Record;
  }
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
            Spec->getTemplateName().getAsTemplateDecl()))
      return Template->getTemplatedDecl();
  if (const auto *Injected = T->getAs<InjectedClassNameType>())
    return Injected->getDecl();
  return nullptr;
}

/// A member named \p Name of \p Record or of one of its bases (promises
/// often inherit initial_suspend() from a common base), found without
/// instantiating anything.
const NamedDecl *findMember(const CXXRecordDecl *Record, DeclarationName Name) {
  // A member class of an instantiated template (`task<int>::promise_type`)
  // is only defined once something needs it: its pattern knows the members.
  if (Record && !Record->hasDefinition())
    Record = Record->getTemplateInstantiationPattern();
  if (!Record || !Record->hasDefinition())
    return nullptr;
  const CXXRecordDecl *Definition = Record->getDefinition();
  auto Found = Definition->lookup(Name);
  if (!Found.empty())
    return Found.front();
  for (const CXXBaseSpecifier &Base : Definition->bases())
    if (const NamedDecl *Inherited = findMember(classOf(Base.getType()), Name))
      return Inherited;
  return nullptr;
}

/// A member named by the identifier \p Name, as findMember above.
const NamedDecl *findMember(const CXXRecordDecl *Record, llvm::StringRef Name) {
  if (!Record)
    return nullptr;
  return findMember(Record, &Record->getASTContext().Idents.get(Name));
}

/// The promise type a coroutine returning \p Record uses, by its nested
/// `promise_type` (a class or an alias for one).
const CXXRecordDecl *promiseOf(const CXXRecordDecl *Record) {
  const NamedDecl *Promise = findMember(Record, "promise_type");
  if (!Promise)
    return nullptr;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(Promise))
    return Class;
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(Promise))
    return classOf(Alias->getUnderlyingType());
  return nullptr;
}

/// The `std::coroutine_traits` class template, if the unit declares it.
const ClassTemplateDecl *coroutineTraits(const ASTContext &Ctx) {
  for (const NamedDecl *Std :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("std")))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Std))
      for (const NamedDecl *Found :
           Namespace->lookup(&Ctx.Idents.get("coroutine_traits")))
        if (const auto *Template = dyn_cast<ClassTemplateDecl>(Found))
          return Template;
  return nullptr;
}

/// The class template \p Record is made from (or is), else \p Record: the
/// same for `Task<int>`, `Task<void>` and the template `Task`.
const Decl *templatePattern(const CXXRecordDecl *Record) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    return Spec->getSpecializedTemplate()->getTemplatedDecl()->getCanonicalDecl();
  if (const ClassTemplateDecl *Template = Record->getDescribedClassTemplate())
    return Template->getTemplatedDecl()->getCanonicalDecl();
  return Record->getCanonicalDecl();
}

/// True if the type \p Arg, a specialization's first template argument,
/// names \p Record or the class template \p Record is made from.
bool namesReturnType(const TemplateArgument &Arg, const CXXRecordDecl *Record) {
  if (Arg.getKind() != TemplateArgument::Type)
    return false;
  const CXXRecordDecl *Named = classOf(Arg.getAsType());
  return Named && templatePattern(Named) == templatePattern(Record);
}

/// The promise types that `std::coroutine_traits` specializations written
/// for coroutines returning \p Record name (concurrencpp attaches its
/// promises this way, not with a nested `promise_type`).
llvm::SmallVector<const CXXRecordDecl *, 2>
promisesFromTraits(const CXXRecordDecl *Record) {
  llvm::SmallVector<const CXXRecordDecl *, 2> Promises;
  const ClassTemplateDecl *Traits = coroutineTraits(Record->getASTContext());
  if (!Traits)
    return Promises;
  auto Add = [&](const CXXRecordDecl *Specialization) {
    if (const CXXRecordDecl *Promise = promiseOf(Specialization))
      Promises.push_back(Promise);
  };
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(Traits)->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    const TemplateArgumentList &Args = Partial->getTemplateArgs();
    if (Args.size() > 0 && namesReturnType(Args[0], Record))
      Add(Partial);
  }
  for (const ClassTemplateSpecializationDecl *Spec : Traits->specializations()) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Spec->getSpecializationKind() == TSK_ExplicitSpecialization &&
        Args.size() > 0 && namesReturnType(Args[0], Record))
      Add(Spec);
  }
  return Promises;
}

bool isSuspendAlways(QualType T) {
  const CXXRecordDecl *Record = classOf(T);
  return Record && Record->getName() == "suspend_always" &&
         Record->isInStdNamespace();
}

/// True if a coroutine with \p Promise starts suspended: its
/// initial_suspend() returns std::suspend_always.
bool startsSuspended(const CXXRecordDecl *Promise) {
  const auto *InitialSuspend =
      dyn_cast_or_null<FunctionDecl>(findMember(Promise, "initial_suspend"));
  return InitialSuspend && isSuspendAlways(InitialSuspend->getReturnType());
}

} // namespace

bool CoroutineModel::isTaskType(QualType T,
                                llvm::ArrayRef<std::string> ExtraTaskTypes) {
  const CXXRecordDecl *Record = classOf(T);
  if (!Record)
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    if (hasQualifiedNameIn(Spec->getSpecializedTemplate(), ExtraTaskTypes))
      return true;
  if (hasQualifiedNameIn(Record, ExtraTaskTypes))
    return true;

  auto [It, Inserted] = TaskTypeCache.try_emplace(Record);
  if (Inserted) {
    llvm::SmallVector<const CXXRecordDecl *, 2> Promises;
    if (const CXXRecordDecl *Promise = promiseOf(Record))
      Promises.push_back(Promise);
    else
      Promises = promisesFromTraits(Record);
    // Lazy only if every promise the type may get starts suspended; or a
    // task type a runtime profile names.
    It->second = (!Promises.empty() && llvm::all_of(Promises, startsSuspended)) ||
                 llvm::is_contained(Profiles.allTaskTypes(), plainQualifiedName(Record));
  }
  return It->second;
}

bool isAwaitableType(QualType T) {
  const CXXRecordDecl *Record = classOf(T);
  if (!Record)
    return false;
  DeclarationName CoawaitOperator =
      Record->getASTContext().DeclarationNames.getCXXOperatorName(OO_Coawait);
  return findMember(Record, "await_ready") ||
         findMember(Record, CoawaitOperator);
}

bool CoroutineModel::isAwaitableIn(QualType T, const CoroutineInfo *Coroutine) {
  if (isAwaitableType(T))
    return true;
  const CXXRecordDecl *Task = classOf(T);
  if (!Task)
    return false;
  // Awaited through a promise's await_transform: the coroutine's, or in
  // plain code the task's own, as the runtime's blocking wait awaits it.
  const CXXRecordDecl *Promise =
      Coroutine ? classOf(Coroutine->body().getPromiseDecl()->getType())
                : promiseOf(Task);
  const NamedDecl *Transform = findMember(Promise, "await_transform");
  const FunctionDecl *Function = Transform ? Transform->getAsFunction() : nullptr;
  if (!Function || Function->isDeleted())
    return false;
  if (!Coroutine)
    return true;
  // A runtime's coroutines await its own tasks (and stdexec's its senders).
  QualType ReturnType = Coroutine->function().getDeclaredReturnType();
  const CXXRecordDecl *Returned = classOf(ReturnType);
  if (!Returned)
    return false;
  const Profile *Runtime = Profiles.ofType(ReturnType);
  return templatePattern(Returned) == templatePattern(Task) ||
         (Runtime && Runtime == Profiles.ofType(T));
}

} // namespace clang::tidy::async
