//===--- DanglingReferenceCheck.cpp - async-dangling-reference ------------===//
//
// A coroutine's frame keeps its reference, view and pointer parameters, its
// `this`, and a coroutine lambda's closure as they are. For each call that
// creates a task, the check finds what the task borrows that the calling
// function owns: a temporary of the full expression, or a local variable.
// It then follows the task up its full expression to where it goes: awaited
// there (safe), into a spawn (its handle goes on), stored, returned, or
// dropped, and reports a borrow the task may outlive. A spawned task's handle
// kept in a local variable is followed along the control flow: it must be
// awaited on every path before the local it borrows dies.
//
//===----------------------------------------------------------------------===//

#include "DanglingReferenceCheck.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {
namespace {

constexpr llvm::StringLiteral DefaultSpawnFunctions = "asyncrt::spawn";

/// A type whose values point at something else: a pointer, std::string_view,
/// std::span. A task holding one holds what it points at.
bool isViewType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType())
    return true;
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         (Record->getName() == "basic_string_view" || Record->getName() == "span");
}

/// What a task borrows from its creator: a temporary of the full expression
/// (Local is null) or a local variable.
struct Referent {
  const VarDecl *Local = nullptr;
};

/// The referent \p Object names if its creator owns it and it dies before
/// the creator returns: a temporary, or a local variable (also through its
/// fields, `local.field`). Nothing for parameters (their owner is the
/// caller), statics, globals, references, a lambda's captures (an enclosing
/// function's variable, or the closure's copy: neither dies when the
/// lambda's call returns), and objects reached through a pointer (`p->x`,
/// `*p`: owned elsewhere, for instance by a shared_ptr).
std::optional<Referent> referentOf(const Expr *Object) {
  // Not IgnoreParenImpCasts: it also skips the temporary looked for.
  Object = Object->IgnoreParens();
  while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Object))
    Object = Cast->getSubExpr()->IgnoreParens();
  if (isa<MaterializeTemporaryExpr>(Object))
    return Referent{};
  if (const auto *Member = dyn_cast<MemberExpr>(Object)) {
    if (Member->isArrow() || !isa<FieldDecl>(Member->getMemberDecl()))
      return std::nullopt;
    return referentOf(Member->getBase());
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        !Var->getType()->isReferenceType() &&
        !Ref->refersToEnclosingVariableOrCapture())
      return Referent{Var};
  return std::nullopt;
}

/// The object a view argument is made from: `s` in a string_view made from
/// a std::string `s` (by its conversion operator or a constructor), or null.
const Expr *viewedObject(const Expr *Arg) {
  const Expr *View = Arg->IgnoreImplicit();
  const Expr *Source = nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(View)) {
    if (Construct->getNumArgs() >= 1 &&
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      Source = Construct->getArg(0);
  } else if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(View)) {
    if (isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
      Source = Conversion->getImplicitObjectArgument();
  }
  // A view made from another view or a pointer (a string literal) points
  // where that one points.
  if (!Source || isViewType(Source->getType()) || Source->getType()->isArrayType())
    return nullptr;
  return Source;
}

/// What the argument \p Arg lends to a coroutine parameter \p Param: for a
/// reference, the object bound; for a view, the object viewed; for a
/// pointer, the object whose address is taken or the array that decays.
std::optional<Referent> lentBy(const Expr *Arg, const ParmVarDecl &Param) {
  QualType Type = Param.getType();
  if (Type->isReferenceType())
    return referentOf(Arg);
  if (Type->isPointerType()) {
    const Expr *Pointer = Arg->IgnoreParens();
    while (const auto *Cast = dyn_cast<ImplicitCastExpr>(Pointer)) {
      if (Cast->getCastKind() == CK_ArrayToPointerDecay)
        return referentOf(Cast->getSubExpr());
      Pointer = Cast->getSubExpr()->IgnoreParens();
    }
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(Pointer);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      return referentOf(AddressOf->getSubExpr());
    return std::nullopt;
  }
  if (isViewType(Type))
    if (const Expr *Viewed = viewedObject(Arg))
      return referentOf(Viewed);
  return std::nullopt;
}

/// True if the tasks \p Callee returns keep its parameters as they are: it
/// is a coroutine, or a declaration that may be one. Not a wrapper (marked
/// `[[clang::coro_wrapper]]`, or with a body that is no coroutine), not
/// marked `[[clang::coro_disable_lifetimebound]]`, and not one of the
/// runtimes' \p Spawns, which take over the task they are handed
/// (libcoro's `thread_pool::spawn_joinable(task&&)`, defined out of sight).
bool keepsParameters(const FunctionDecl &Callee, llvm::ArrayRef<std::string> Spawns) {
  if (Callee.hasAttr<CoroWrapperAttr>() ||
      Callee.hasAttr<CoroDisableLifetimeBoundAttr>() ||
      llvm::is_contained(Spawns, plainQualifiedName(&Callee)))
    return false;
  const FunctionDecl *Definition = Callee.getDefinition();
  if (!Definition)
    Definition = Callee.getTemplateInstantiationPattern();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  return !Body || isa<CoroutineBodyStmt>(Body);
}

/// How a task borrows: through a parameter, as a member coroutine's object,
/// or as a coroutine lambda's closure (its captures).
enum class BorrowKind { Argument, Object, Closure };

struct Borrow {
  /// The expression that creates the reference.
  const Expr *At = nullptr;
  Referent What;
  BorrowKind Kind = BorrowKind::Argument;
  const ParmVarDecl *Param = nullptr;
};

/// The object a member coroutine (or a lambda's call operator) is called
/// on, if the task may borrow it: not through a pointer, not an empty class.
const Expr *borrowedObject(const CallExpr &Call, const CXXMethodDecl &Method) {
  if (!Method.isInstance() || Method.getParent()->isEmpty())
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *Callee = dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    return Callee && !Callee->isArrow() ? Member->getImplicitObjectArgument()
                                        : nullptr;
  }
  if (isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0)
    return Call.getArg(0);
  return nullptr;
}

/// What the task \p Call creates borrows from the calling function.
llvm::SmallVector<Borrow, 2> borrowsOf(const CallExpr &Call,
                                       const FunctionDecl &Callee,
                                       llvm::ArrayRef<std::string> Spawns) {
  llvm::SmallVector<Borrow, 2> Found;
  if (!keepsParameters(Callee, Spawns))
    return Found;
  unsigned FirstArg = 0;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Callee)) {
    if (isa<CXXOperatorCallExpr>(Call) && Method->isInstance())
      FirstArg = 1;
    if (const Expr *Object = borrowedObject(Call, *Method))
      if (std::optional<Referent> What = referentOf(Object))
        Found.push_back({Object, *What,
                         Method->getParent()->isLambda() ? BorrowKind::Closure
                                                         : BorrowKind::Object,
                         nullptr});
  }
  for (unsigned I = FirstArg; I < Call.getNumArgs(); ++I) {
    if (I - FirstArg >= Callee.getNumParams())
      break;
    const ParmVarDecl *Param = Callee.getParamDecl(I - FirstArg);
    if (std::optional<Referent> What = lentBy(Call.getArg(I), *Param))
      Found.push_back({Call.getArg(I), *What, BorrowKind::Argument, Param});
  }
  return Found;
}

/// A member call that stores its argument in a container.
bool isContainerInsertion(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return false;
  return llvm::is_contained({"push_back", "emplace_back", "push_front",
                             "emplace_front", "push", "emplace", "insert"},
                            Method->getName());
}

/// Where a task (or the handle of its spawned run) goes from the full
/// expression that creates it.
struct Fate {
  enum Kind {
    /// Awaited in the full expression, handed to a call that is not known
    /// to keep it, or dropped without running: no report.
    Safe,
    /// Outlives the full expression: spawned and detached, stored,
    /// returned. Holder is the variable or container it is stored in.
    Escapes,
    /// A spawned task's handle kept in the local variable Holder: it must
    /// be awaited before the borrowed local dies.
    HandleInLocal,
  } What = Safe;
  const Stmt *Where = nullptr;
  const ValueDecl *Holder = nullptr;
  bool Spawned = false;
  bool Returned = false;
  /// The spawn the task went through, if any.
  const CallExpr *SpawnCall = nullptr;
};

/// The declaration an assignment's target or a container names, if any.
const ValueDecl *holderOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

/// One function's own code, with each statement's parent; and the tasks it
/// creates. Nested lambdas' bodies are functions of their own; their
/// capture initialisers are this function's code. The walk keeps its own
/// stack: generated code nests deeper than a thread's stack allows.
class FunctionWalk {
public:
  FunctionWalk(const Stmt &Body, CoroutineModel &Model) : Body(Body), Model(Model) {
    llvm::SmallVector<const Stmt *, 32> Pending{&Body};
    while (!Pending.empty()) {
      const Stmt *S = Pending.pop_back_val();
      auto Push = [&](const Stmt *Child) {
        if (Child && Parents.try_emplace(Child, S).second)
          Pending.push_back(Child);
      };
      if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
        for (const Expr *Init : Lambda->capture_inits())
          Push(Init);
        continue;
      }
      if (isa<BlockExpr>(S))
        continue;
      // A suspension's and a co_return's other children are generated
      // around the operand the user wrote.
      if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
        Push(Suspend->getOperand());
        continue;
      }
      if (const auto *Return = dyn_cast<CoreturnStmt>(S)) {
        Push(Return->getOperand());
        continue;
      }
      if (const auto *Declarations = dyn_cast<DeclStmt>(S))
        for (const Decl *D : Declarations->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D))
            DeclaredIn[Var] = Declarations;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        noteTask(*Call);
      for (const Stmt *Child : S->children())
        Push(Child);
    }
  }

  struct Task {
    const CallExpr *Call;
    const FunctionDecl *Callee;
  };
  llvm::ArrayRef<Task> tasks() const { return Tasks; }

  const Stmt *parent(const Stmt *S) const { return Parents.lookup(S); }

  /// The statement that declares \p Var in this function, or null.
  const DeclStmt *declaration(const VarDecl *Var) const {
    return DeclaredIn.lookup(Var);
  }

  /// The statement whose end ends \p Var's life: the block, or the
  /// statement (a loop, an if) whose condition or init declares it.
  const Stmt *scopeOf(const VarDecl *Var) const {
    const Stmt *S = declaration(Var);
    while (S && (S = parent(S)))
      if (isa<CompoundStmt, ForStmt, CXXForRangeStmt, WhileStmt, IfStmt,
              SwitchStmt>(S))
        return S;
    return &Body;
  }

  /// True if \p Holder outlives the local \p Local: it is not a local
  /// declared inside \p Local's scope.
  bool outlives(const ValueDecl *Holder, const VarDecl *Local) const {
    const auto *Var = dyn_cast_or_null<VarDecl>(Holder);
    if (!Var || !Var->hasLocalStorage())
      return true;
    const Stmt *Scope = scopeOf(Local);
    for (const Stmt *S = declaration(Var); S; S = parent(S))
      if (S == Scope)
        return false;
    return true;
  }

  /// The outermost expression of the full expression \p E belongs to.
  const Expr *fullExpression(const Expr *E) const {
    while (const auto *Outer = dyn_cast_or_null<Expr>(parent(E)))
      E = Outer;
    return E;
  }

private:
  void noteTask(const CallExpr &Call) {
    if (Call.isTypeDependent() || !Call.isPRValue())
      return;
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee)
      return;
    const CXXRecordDecl *Record = Call.getType()->getAsCXXRecordDecl();
    if (!Record)
      return;
    // `[[clang::coro_lifetimebound]]` on the type says its coroutines keep
    // their parameters, lazy or not.
    if (Record->hasAttr<CoroLifetimeBoundAttr>() ||
        Model.isTaskType(Call.getType(), {}))
      Tasks.push_back({&Call, Callee});
  }

  const Stmt &Body;
  CoroutineModel &Model;
  llvm::DenseMap<const Stmt *, const Stmt *> Parents;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclaredIn;
  std::vector<Task> Tasks;
};

/// True if \p S awaits the handle \p Handle (`co_await h`,
/// `co_await std::move(h)`), hands it on (`std::move(h)`: not followed), or
/// aborts the task (`h.abort()`: taken as the end of the borrow, see the
/// check's page).
bool joinsOrHandsOn(const Stmt *S, const VarDecl &Handle) {
  auto Names = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == &Handle;
  };
  if (const auto *Abort = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Abort->getMethodDecl();
        Method && Method->getIdentifier() && Method->getName() == "abort")
      return Names(Abort->getImplicitObjectArgument());
  if (const auto *Await = dyn_cast<CoawaitExpr>(S);
      Await && !Await->isImplicit()) {
    const Expr *Operand = Await->getOperand()->IgnoreImplicit();
    if (const auto *Move = dyn_cast<CallExpr>(Operand);
        Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
        Move->getDirectCallee()->isInStdNamespace())
      Operand = Move->getArg(0);
    return Names(Operand);
  }
  if (const auto *Move = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Move->getDirectCallee();
        Callee && Callee->getIdentifier() && Callee->getName() == "move" &&
        Callee->isInStdNamespace() && Move->getNumArgs() == 1)
      return Names(Move->getArg(0));
  return false;
}

/// True if \p S or a statement inside it awaits or hands on \p Handle.
bool containsJoin(const Stmt *S, const VarDecl &Handle) {
  if (!S)
    return false;
  if (joinsOrHandsOn(S, Handle))
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return containsJoin(Child, Handle);
  });
}

/// True if \p Block branches on a condition a macro wrote around code that
/// awaits \p Handle: test macros (`EXPECT_THROW(co_await h, ...)`) wrap
/// their statement in an `if` on a value that is always true, whose other
/// branch is a path the program never takes.
bool macroBranchAwaits(const CFGBlock &Block, const VarDecl &Handle) {
  const Stmt *Branch = Block.getTerminatorStmt();
  return Branch && Branch->getBeginLoc().isMacroID() &&
         containsJoin(Branch, Handle);
}

/// True if the element ends \p Local's life.
bool endsLifeOf(const CFGElement &Element, const VarDecl &Local) {
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
    return Dtor->getVarDecl() == &Local;
  if (auto Lifetime = Element.getAs<CFGLifetimeEnds>())
    return Lifetime->getVarDecl() == &Local;
  if (auto Scope = Element.getAs<CFGScopeEnd>())
    return Scope->getVarDecl() == &Local;
  return false;
}

/// True if some path of \p Graph from the declaration of \p Handle reaches
/// the end of \p Local's life without awaiting the handle.
bool mayOutliveUnjoined(const CFG &Graph, const VarDecl &Handle,
                        const VarDecl &Local) {
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  for (const CFGBlock *Block : Graph)
    for (unsigned I = 0, N = Block->size(); I != N; ++I)
      if (auto Statement = (*Block)[I].getAs<CFGStmt>())
        if (const auto *Declaration = dyn_cast<DeclStmt>(Statement->getStmt());
            Declaration && Declaration->isSingleDecl() &&
            Declaration->getSingleDecl() == &Handle)
          Work.push_back({Block, I + 1});
  llvm::DenseSet<const CFGBlock *> Visited;
  while (!Work.empty()) {
    auto [Block, First] = Work.pop_back_val();
    bool Joined = false;
    for (unsigned I = First, N = Block->size(); I != N && !Joined; ++I) {
      const CFGElement &Element = (*Block)[I];
      if (endsLifeOf(Element, Local))
        return true;
      if (auto Statement = Element.getAs<CFGStmt>())
        Joined = joinsOrHandsOn(Statement->getStmt(), Handle);
    }
    if (Joined || macroBranchAwaits(*Block, Handle))
      continue;
    for (const CFGBlock *Succ : Block->succs())
      if (Succ && Visited.insert(Succ).second)
        Work.push_back({Succ, 0});
  }
  return false;
}

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(llvm::StringRef Name,
                                               ClangTidyContext *Context,
                                               std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)),
      SpawnFunctions(Options.get(SpawnFunctionsOption, DefaultSpawnFunctions)),
      SpawnNames(parseNameList(SpawnFunctions)) {}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, SpawnFunctionsOption, SpawnFunctions);
}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  // Every function with a body, each walked once; templates in their
  // instantiations, where the callees and types are known.
  Finder->addMatcher(functionDecl(isDefinition(), unless(isImplicit()))
                         .bind("function"),
                     this);
}

namespace {

/// Follows a task from its creation up its full expression (see Fate).
class FateFinder {
public:
  FateFinder(const FunctionWalk &Walk, CoroutineModel &Model,
             llvm::ArrayRef<std::string> SpawnNames)
      : Walk(Walk), Model(Model), SpawnNames(SpawnNames) {}

  Fate follow(const CallExpr &Creation) const {
    Fate Result;
    const Stmt *Child = &Creation;
    while (const Stmt *Parent = Walk.parent(Child)) {
      if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
              CXXBindTemporaryExpr, ExprWithCleanups, CXXFunctionalCastExpr>(Parent) ||
          isTaskCopy(*Parent)) {
        Child = Parent;
        continue;
      }
      if (isa<CoroutineSuspendExpr>(Parent))
        return Result;
      if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Parent);
          Assign && Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
          Assign->getArg(1) == Child)
        return escapes(Result, Parent, holderOf(Assign->getArg(0)));
      if (const auto *Outer = dyn_cast<CallExpr>(Parent)) {
        if (!llvm::is_contained(Outer->arguments(), Child))
          return Result;
        if (hasQualifiedNameIn(Outer->getDirectCallee(), SpawnNames)) {
          Result.Spawned = true;
          Result.SpawnCall = Outer;
          Child = Outer;
          continue;
        }
        // join(a, b), when_all(...): the new task carries the borrow.
        if (Outer->isPRValue() && !Outer->isTypeDependent() &&
            Model.isTaskType(Outer->getType(), {})) {
          Child = Outer;
          continue;
        }
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Outer);
            Member && isContainerInsertion(*Member))
          return escapes(Result, Outer,
                         holderOf(Member->getImplicitObjectArgument()));
        return Result;
      }
      if (const auto *Declaration = dyn_cast<DeclStmt>(Parent)) {
        for (const Decl *D : Declaration->decls())
          if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit() == Child) {
            // A task nobody uses never runs: async-unawaited-task's finding.
            if (!Result.Spawned && !Var->isReferenced())
              return Result;
            Result = escapes(Result, Parent, Var);
            if (Result.Spawned && Var->hasLocalStorage())
              Result.What = Fate::HandleInLocal;
          }
        return Result;
      }
      if (isa<ReturnStmt, CoreturnStmt>(Parent)) {
        Result.Returned = true;
        return escapes(Result, Parent, nullptr);
      }
      if (const auto *Assign = dyn_cast<BinaryOperator>(Parent);
          Assign && Assign->isAssignmentOp() && Assign->getRHS() == Child)
        return escapes(Result, Parent, holderOf(Assign->getLHS()));
      if (Result.Spawned && dropsValueOf(*Parent, Child, false))
        return escapes(Result, Parent, nullptr);
      return Result;
    }
    return Result;
  }

private:
  /// The task (or handle) moved or copied into a parameter or variable.
  bool isTaskCopy(const Stmt &S) const {
    const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
    return Construct && Construct->getNumArgs() == 1 &&
           Construct->getConstructor()->isCopyOrMoveConstructor();
  }

  static Fate escapes(Fate Result, const Stmt *Where, const ValueDecl *Holder) {
    Result.What = Fate::Escapes;
    Result.Where = Where;
    Result.Holder = Holder;
    return Result;
  }

  const FunctionWalk &Walk;
  CoroutineModel &Model;
  llvm::ArrayRef<std::string> SpawnNames;
};

/// True if the task, gone where \p Where says, may outlive the local it
/// borrows (\p B): returned, spawned and detached, stored where it outlives
/// the local, or spawned with a handle not awaited on every path before the
/// local dies (\p Graph: the coroutine's CFG; null in plain code, where a
/// handle cannot be awaited and whatever it is handed to is not followed).
bool mayOutliveLocal(const Borrow &B, const Fate &Where, const FunctionWalk &Walk,
                     const CFG *Graph) {
  const VarDecl *Local = B.What.Local;
  if (Where.What == Fate::HandleInLocal)
    return Graph &&
           mayOutliveUnjoined(*Graph, *cast<VarDecl>(Where.Holder), *Local);
  if (Where.Returned || (Where.Spawned && !Where.Holder))
    return true;
  // A task kept where it dies before the local does is harmless: it can
  // only be awaited while the local lives.
  return Where.Holder && Walk.outlives(Where.Holder, Local);
}

/// How a message names what created the task: `'fetch'`, or the variable a
/// lambda is called through (`'worker'`), or "this lambda".
std::string creatorName(const CallExpr &Call, const FunctionDecl &Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  if (!Method || !Method->getParent()->isLambda())
    return "'" + Callee.getNameAsString() + "'";
  if (const auto *Closure =
          dyn_cast<DeclRefExpr>(Call.getArg(0)->IgnoreParenImpCasts()))
    return "'" + Closure->getDecl()->getNameAsString() + "'";
  return "this lambda";
}

/// Where a borrow is reported: the argument, the object, or for a lambda
/// called where it is written its first capture.
SourceLocation borrowLocation(const Borrow &B) {
  if (const auto *Lambda = dyn_cast<LambdaExpr>(B.At->IgnoreImplicit())) {
    if (Lambda->explicit_capture_begin() != Lambda->explicit_capture_end())
      return Lambda->explicit_capture_begin()->getLocation();
    return Lambda->getCaptureDefaultLoc();
  }
  return B.At->getBeginLoc();
}

/// How not to borrow \p What the way \p B does.
std::string advice(const Borrow &B, llvm::StringRef What) {
  switch (B.Kind) {
  case BorrowKind::Argument: {
    std::string Param = B.Param->getIdentifier()
                            ? ("'" + B.Param->getName() + "'").str()
                            : "the parameter";
    // A view or a pointer taken by value still points at the borrowed object.
    if (B.Param->getType()->isReferenceType())
      return "take " + Param + " by value";
    return "make " + Param + " an owning type taken by value";
  }
  case BorrowKind::Object:
    return ("move " + What + " into the task").str();
  case BorrowKind::Closure:
    break;
  }
  return "pass the captures as parameters ([](auto x) -> task<> {...}(x))";
}

/// What the note at the place the task goes says.
std::string aliveNote(const Fate &Where, const VarDecl *Local) {
  std::string Holder =
      Where.Holder ? "'" + Where.Holder->getNameAsString() + "'" : "";
  if (Where.What == Fate::HandleInLocal && Local)
    return "the task is spawned here; " + Holder +
           " is not awaited on every path before '" +
           Local->getNameAsString() + "' is destroyed";
  if (Where.Returned)
    return "the task is returned here, still alive";
  if (Where.Spawned && Where.Holder)
    return "the task is spawned here and its handle stored in " + Holder;
  if (Where.Spawned)
    return "the task is spawned here and detached: nothing awaits its handle";
  if (Where.Holder)
    return "the task is stored in " + Holder + " here, still alive";
  return "the task is stored here, still alive";
}

SourceLocation aliveLocation(const Fate &Where) {
  if (Where.SpawnCall)
    return Where.SpawnCall->getBeginLoc();
  if (const auto *Var = dyn_cast_or_null<VarDecl>(Where.Holder);
      Var && isa<DeclStmt>(Where.Where))
    return Var->getLocation();
  return Where.Where->getBeginLoc();
}

} // namespace

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Stmt *Body = Function->getBody();
  if (!Body || Function->isDependentContext())
    return;
  const auto *Coroutine = dyn_cast<CoroutineBodyStmt>(Body);
  if (Coroutine)
    Body = Coroutine->getBody();
  FunctionWalk Walk(*Body, model());
  FateFinder Fates(Walk, model(), SpawnNames);
  for (const FunctionWalk::Task &Task : Walk.tasks()) {
    llvm::SmallVector<Borrow, 2> Borrows = borrowsOf(
        *Task.Call, *Task.Callee, model().profiles().allSpawnFunctions());
    if (Borrows.empty())
      continue;
    Fate Where = Fates.follow(*Task.Call);
    if (Where.What == Fate::Safe)
      continue;
    for (const Borrow &B : Borrows) {
      std::string Creator = creatorName(*Task.Call, *Task.Callee);
      if (!B.What.Local) {
        llvm::StringRef Referent = B.Kind == BorrowKind::Closure
                                       ? "its captures, which are destroyed "
                                         "with the lambda"
                                   : B.Kind == BorrowKind::Object
                                       ? "this temporary object, which is "
                                         "destroyed"
                                       : "this temporary, which is destroyed";
        diag(borrowLocation(B), "task returned by %0 refers to %1 at the end "
                                "of the full expression; %2, or co_await the "
                                "task in the same expression")
            << Creator << Referent << advice(B, "the object");
        diag(Walk.fullExpression(Task.Call)->getEndLoc(),
             B.Kind == BorrowKind::Closure ? "the lambda is destroyed here"
                                           : "the temporary is destroyed here",
             DiagnosticIDs::Note);
        diag(aliveLocation(Where), aliveNote(Where, nullptr), DiagnosticIDs::Note);
        continue;
      }
      const CFG *Graph =
          Coroutine && Where.What == Fate::HandleInLocal
              ? model().controlFlow(model().info(*Coroutine), *Result.Context)
              : nullptr;
      if (!mayOutliveLocal(B, Where, Walk, Graph))
        continue;
      std::string Local = "'" + B.What.Local->getNameAsString() + "'";
      std::string Advice = advice(B, Local);
      if (Where.Spawned)
        Advice += ", or await the task before " + Local + " goes out of scope";
      diag(borrowLocation(B), "task returned by %0 refers to %1, which may be "
                              "destroyed while the task is still alive; %2")
          << Creator
          << (B.Kind == BorrowKind::Closure ? "the captures of " + Local : Local)
          << Advice;
      diag(Walk.scopeOf(B.What.Local)->getEndLoc(),
           "%0 is destroyed here, at the end of its scope", DiagnosticIDs::Note)
          << Local;
      diag(aliveLocation(Where), aliveNote(Where, B.What.Local),
           DiagnosticIDs::Note);
    }
  }
}

} // namespace clang::tidy::async
