//===--- LockFlow.cpp - Locks held at each suspension point ---------------===//
//
// A forward "may be held" data-flow analysis over clang's CFG of one
// coroutine body. A lock is identified by the declaration it lives in: the
// guard variable (`std::lock_guard g(m)`) or the mutex variable or field that
// was locked by hand (`m.lock()`). The facts followed along the CFG:
//
//   taken:     a guard constructed without std::defer_lock, `x.lock()`,
//              `x.lock_shared()` (when lock() is blocking: it returns void),
//              a guard move-constructed or move-assigned from a held guard,
//              a guard assigned a locking temporary
//              (`g = std::unique_lock<std::mutex>(m2)`);
//   handed on: `guard.release();` leaves the guard's mutex locked with no
//              owner: the hold passes to the mutex, until `m.unlock()`;
//              `a.swap(b)` exchanges what two guards hold;
//   released:  `x.unlock()`, `x.unlock_shared()`, `guard.release()` whose
//              result is used (`g.release()->unlock()`: not followed
//              further), a guard moved from (`std::move(g)`) or assigned an
//              empty one (`g = {}`), and the end of the guard's scope
//              (its implicit destructor, lifetime end or scope end; the last
//              two also cover guards of dependent type in templates).
//
// At a join the held sets are united: a lock held on some path counts.
//
// A guard handed to an awaiter (`co_await awaiter(*this, lock)`, whose
// constructor moves the guard into a member) leaves with the awaiter: it is
// held at the suspension unless the awaiter's await_suspend releases that
// member (concurrencpp's async_lock_awaiter), and released after it.
//
//===----------------------------------------------------------------------===//

#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {
namespace {

/// Where a held lock was taken, and for a guard the mutex it locked (when
/// the mutex is a variable or member), which stays locked if the guard lets
/// go of it with release().
struct Hold {
  SourceLocation Where;
  const ValueDecl *Mutex = nullptr;
};

/// The held locks: lock declaration -> its hold. Few locks are held at once,
/// so a small vector beats a map.
class LockSet {
public:
  bool contains(const ValueDecl *Lock) const { return find(Lock) != nullptr; }

  const Hold *find(const ValueDecl *Lock) const {
    for (const auto &[Held, How] : Locks)
      if (Held == Lock)
        return &How;
    return nullptr;
  }

  void take(const ValueDecl *Lock, Hold How) {
    if (!contains(Lock))
      Locks.push_back({Lock, How});
  }

  void release(const ValueDecl *Lock) {
    llvm::erase_if(Locks, [&](const auto &Entry) { return Entry.first == Lock; });
  }

  /// Unites \p Other into this set; true if this set grew.
  bool unite(const LockSet &Other) {
    bool Grew = false;
    for (const auto &[Lock, How] : Other.Locks)
      if (!contains(Lock)) {
        Locks.push_back({Lock, How});
        Grew = true;
      }
    return Grew;
  }

  bool empty() const { return Locks.empty(); }
  auto begin() const { return Locks.begin(); }
  auto end() const { return Locks.end(); }

private:
  llvm::SmallVector<std::pair<const ValueDecl *, Hold>, 2> Locks;
};

const Expr *ignoreWrappers(const Expr *E) {
  return E ? E->IgnoreParenImpCasts()->IgnoreImplicit()->IgnoreParenImpCasts()
           : nullptr;
}

/// The declaration an object expression names: `g` -> g, `this->m` -> m,
/// `s.m` -> m. Null for anything else (a temporary, `*p`, `v[i]`).
const ValueDecl *lockDeclOf(const Expr *Object) {
  Object = ignoreWrappers(Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(Object))
    return Member->getMemberDecl();
  return nullptr;
}

/// A call `object.name(...)`, in either its resolved or its dependent form.
struct MemberCall {
  const ValueDecl *Object = nullptr;
  llvm::StringRef Name;
  /// The called method, or null in a dependent context.
  const CXXMethodDecl *Method = nullptr;
  const CallExpr *Call = nullptr;
  /// `p->name(...)`: through a pointer, possibly a smart one.
  bool IsArrow = false;
};

std::optional<MemberCall> asMemberCall(const Stmt *S) {
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return std::nullopt;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return std::nullopt;
    return MemberCall{lockDeclOf(Member->getImplicitObjectArgument()),
                      Method->getName(), Method, Call, /*IsArrow=*/false};
  }
  if (const auto *Dependent =
          dyn_cast<CXXDependentScopeMemberExpr>(ignoreWrappers(Call->getCallee())))
    if (!Dependent->isImplicitAccess() && Dependent->getMember().isIdentifier())
      return MemberCall{lockDeclOf(Dependent->getBase()),
                        Dependent->getMember().getAsIdentifierInfo()->getName(),
                        nullptr, Call, Dependent->isArrow()};
  return std::nullopt;
}

bool isStdMove(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->getIdentifier())
    return Callee->getName() == "move" && Callee->isInStdNamespace() &&
           Call->getNumArgs() == 1;
  // In a template, `std::move(g)` may stay an unresolved lookup.
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(ignoreWrappers(Call->getCallee())))
    return Lookup->getName().getAsString() == "move" && Call->getNumArgs() == 1;
  return false;
}

/// The class a (possibly dependent) type names, its pattern for a dependent
/// specialization.
const NamedDecl *classTemplateOrRecord(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    return Spec->getTemplateName().getAsTemplateDecl();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Record))
    return Spec->getSpecializedTemplate();
  return Record;
}

/// The arguments an object is constructed with by the initializer or
/// temporary \p Init, in whichever form it has (resolved, dependent, braced,
/// a functional cast such as `std::unique_lock<std::mutex>(m)`).
llvm::SmallVector<const Expr *, 2> constructionArgs(const Expr *Init) {
  llvm::SmallVector<const Expr *, 2> Args;
  if (!Init)
    return Args;
  Init = ignoreWrappers(Init);
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = ignoreWrappers(Cast->getSubExpr());
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  else if (const auto *Parens = dyn_cast<ParenListExpr>(Init))
    for (unsigned I = 0, N = Parens->getNumExprs(); I != N; ++I)
      Args.push_back(Parens->getExpr(I));
  else if (const auto *Unresolved = dyn_cast<CXXUnresolvedConstructExpr>(Init))
    Args.append(Unresolved->arg_begin(), Unresolved->arg_end());
  else if (const auto *List = dyn_cast<InitListExpr>(Init))
    Args.append(List->inits().begin(), List->inits().end());
  else
    Args.push_back(Init);
  return Args;
}

llvm::SmallVector<const Expr *, 2> constructionArgs(const VarDecl &Var) {
  return constructionArgs(Var.getInit());
}

/// True if \p Arg is one of the std:: tags that make a guard not lock
/// (`std::defer_lock`), by its type or, in a template, by its name.
bool isDeferLockTag(const Expr *Arg) {
  Arg = ignoreWrappers(Arg);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Arg))
    if (Ref->getDecl()->getIdentifier() && Ref->getDecl()->getName() == "defer_lock")
      return true;
  const NamedDecl *Type = Arg ? classTemplateOrRecord(Arg->getType()) : nullptr;
  return Type && Type->getIdentifier() && Type->getName() == "defer_lock_t";
}

/// The guard variable a guard is moved from in `Guard(std::move(Other))`.
const ValueDecl *movedFromGuard(const Expr *Arg) {
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreWrappers(Arg));
  if (!Call || !isStdMove(Call))
    return nullptr;
  return lockDeclOf(Call->getArg(0));
}

/// A guard a co_await hands to its awaiter, and whether the awaiter
/// releases it in await_suspend, once the coroutine is suspended.
struct HandedGuard {
  const ValueDecl *Guard = nullptr;
  bool ReleasedOnSuspend = false;
};

/// The awaiter object a co_await constructs in place:
/// `co_await awaiter(args...)` or `co_await awaiter{args...}`.
const CXXConstructExpr *awaiterConstruction(const Stmt &Suspension) {
  const auto *Await = dyn_cast<CoawaitExpr>(&Suspension);
  if (!Await)
    return nullptr;
  const Expr *Operand = ignoreWrappers(Await->getOperand());
  if (const auto *Cast = dyn_cast_or_null<CXXFunctionalCastExpr>(Operand))
    Operand = ignoreWrappers(Cast->getSubExpr());
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Operand);
  if (!Construct || !isAwaitableType(Construct->getType()))
    return nullptr;
  return Construct;
}

/// The member an awaiter's constructor moves its parameter \p Param into:
/// `m_lock(std::move(lock))`.
const FieldDecl *memberTakenFrom(const CXXConstructorDecl &Constructor,
                                 const ParmVarDecl *Param) {
  for (const CXXCtorInitializer *Init : Constructor.inits()) {
    if (!Init->isMemberInitializer())
      continue;
    const auto *Construct =
        dyn_cast<CXXConstructExpr>(ignoreWrappers(Init->getInit()));
    if (!Construct || Construct->getNumArgs() == 0)
      continue;
    const Expr *From = Construct->getArg(0);
    if (const auto *Move = dyn_cast<CallExpr>(ignoreWrappers(From));
        Move && isStdMove(Move))
      From = Move->getArg(0);
    if (lockDeclOf(From) == Param)
      return Init->getMember();
  }
  return nullptr;
}

/// True if \p Method's body unlocks, releases or moves away \p Member.
bool releasesMember(const FunctionDecl *Method, const FieldDecl *Member) {
  const FunctionDecl *Definition = nullptr;
  if (!Method || !Method->hasBody(Definition))
    return false;
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(const FieldDecl *Member) : Member(Member) {}
    bool VisitCallExpr(CallExpr *Call) {
      if (isStdMove(Call))
        Found |= lockDeclOf(Call->getArg(0)) == Member;
      else if (std::optional<MemberCall> Called = asMemberCall(Call))
        Found |= Called->Object == Member &&
                 llvm::is_contained({"unlock", "unlock_shared", "release"},
                                    Called->Name);
      return !Found;
    }
    const FieldDecl *Member;
    bool Found = false;
  };
  Finder F(Member);
  F.TraverseStmt(Definition->getBody());
  return F.Found;
}

class LockFlow {
public:
  LockFlow(const CoroutineInfo &Info, const LockConfig &Config)
      : Info(Info), Config(Config) {}

  /// The locks at each suspension point along \p Graph, the body's CFG
  /// (CoroutineModel::controlFlow).
  std::vector<SuspensionWithLocks> run(const CFG &Graph) {
    solve(Graph);
    return collect(Graph);
  }

private:
  /// A guard type, unless it guards an async mutex: a
  /// `std::unique_lock<folly::coro::Mutex>` (what folly's co_scoped_lock()
  /// gives) is made to be held across suspension points.
  bool isGuardType(QualType T) const {
    return hasQualifiedNameIn(classTemplateOrRecord(T), Config.GuardTypes) &&
           !guardsAsyncMutex(T);
  }

  bool guardsAsyncMutex(QualType T) const {
    const auto *Guard = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T.getNonReferenceType()->getAsCXXRecordDecl());
    if (!Guard)
      return false;
    return llvm::any_of(Guard->getTemplateArgs().asArray(),
                        [&](const TemplateArgument &Arg) {
                          return Arg.getKind() == TemplateArgument::Type &&
                                 hasQualifiedNameIn(
                                     classTemplateOrRecord(Arg.getAsType()),
                                     Config.AsyncMutexTypes);
                        });
  }

  bool isAsyncMutex(const ValueDecl *Lock) const {
    return hasQualifiedNameIn(classTemplateOrRecord(Lock->getType()),
                              Config.AsyncMutexTypes);
  }

  /// A lock() that blocks: it returns void (an async mutex's lock() returns
  /// an awaitable) and the object is not a configured async mutex. In a
  /// template the return type is unknown: there only a direct call whose
  /// value is unused counts (`mu.lock();`, not `co_await mu.lock()`), and
  /// not one through a pointer, which may be a smart pointer to anything.
  bool isBlockingLockCall(const MemberCall &Call) const {
    if (!Call.Object || isAsyncMutex(Call.Object))
      return false;
    if (Call.Name != "lock" && Call.Name != "lock_shared")
      return false;
    if (!Call.Method)
      return !Call.IsArrow && Info.isStatement(*Call.Call);
    return Call.Method->getReturnType()->isVoidType();
  }

  void transferDecl(const VarDecl &Var, LockSet &Held) const {
    if (!isGuardType(Var.getType()))
      return;
    takeByConstruction(&Var, constructionArgs(Var), Var.getLocation(), Held);
  }

  /// Guard \p Guard is constructed (or assigned an object constructed) with
  /// \p Args at \p Where: it holds what a guard moved in held, nothing with
  /// no mutex or std::defer_lock, else the mutex of the first argument.
  void takeByConstruction(const ValueDecl *Guard,
                          llvm::ArrayRef<const Expr *> Args, SourceLocation Where,
                          LockSet &Held) const {
    if (Args.empty() || llvm::any_of(Args, isDeferLockTag))
      return;
    if (const ValueDecl *From = movedFromGuard(Args.front())) {
      // `Guard g2(std::move(g1))`: g2 holds exactly what g1 held. The
      // std::move element came first and released g1, so look at the state
      // recorded for it.
      if (auto Moved = MovedHeld.find(From); Moved != MovedHeld.end())
        Held.take(Guard, Moved->second);
      return;
    }
    Held.take(Guard, {Where, lockDeclOf(Args.front())});
  }

  /// `guard = other`: the guard lets go of its lock and holds what \p Value
  /// holds: a guard moved in, a locking temporary, or nothing (`g = {}`).
  void transferAssignment(const Expr *Target, const Expr *Value,
                          SourceLocation Where, LockSet &Held) const {
    const ValueDecl *To = lockDeclOf(Target);
    if (!To || !isGuardType(To->getType()))
      return;
    Held.release(To);
    if (movedFromGuard(Value) || isGuardType(ignoreWrappers(Value)->getType()))
      takeByConstruction(To, constructionArgs(Value), Where, Held);
  }

  /// `guard.release();`: the guard forgets its mutex without unlocking it,
  /// so from here the mutex itself is held, taken where the guard took it.
  /// A mutex that is not a variable or member stays held under the guard's
  /// name. Where the returned pointer is used, the analysis cannot follow
  /// it and counts the lock as released.
  void transferRelease(const MemberCall &Call, LockSet &Held) const {
    if (!Info.isStatement(*Call.Call)) {
      Held.release(Call.Object);
      return;
    }
    const Hold *How = Held.find(Call.Object);
    if (!How || !How->Mutex)
      return;
    Hold Orphaned = *How;
    Held.release(Call.Object);
    Held.take(Orphaned.Mutex, {Orphaned.Where, nullptr});
  }

  /// `a.swap(b)` on two guards: each holds what the other held.
  void transferSwap(const MemberCall &Call, LockSet &Held) const {
    const ValueDecl *Other =
        Call.Call->getNumArgs() == 1 ? lockDeclOf(Call.Call->getArg(0)) : nullptr;
    if (!Other || !isGuardType(Other->getType()))
      return;
    std::optional<Hold> Mine, Theirs;
    if (const Hold *How = Held.find(Call.Object))
      Mine = *How;
    if (const Hold *How = Held.find(Other))
      Theirs = *How;
    Held.release(Call.Object);
    Held.release(Other);
    if (Theirs)
      Held.take(Call.Object, *Theirs);
    if (Mine)
      Held.take(Other, *Mine);
  }

  void transferStmt(const Stmt *S, LockSet &Held) {
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          transferDecl(*Var, Held);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && isStdMove(Call)) {
      if (const ValueDecl *From = lockDeclOf(Call->getArg(0))) {
        if (const Hold *How = Held.find(From))
          MovedHeld[From] = *How;
        else
          MovedHeld.erase(From);
        Held.release(From);
      }
      return;
    }
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(S);
        Assign && Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2) {
      transferAssignment(Assign->getArg(0), Assign->getArg(1), S->getBeginLoc(),
                         Held);
      return;
    }
    // In a template, an assignment to a guard of dependent type.
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->getOpcode() == BO_Assign && Assign->isTypeDependent()) {
      transferAssignment(Assign->getLHS(), Assign->getRHS(), S->getBeginLoc(),
                         Held);
      return;
    }
    std::optional<MemberCall> Call = asMemberCall(S);
    if (!Call || !Call->Object)
      return;
    if (isBlockingLockCall(*Call))
      Held.take(Call->Object, {S->getBeginLoc(), nullptr});
    else if (Call->Name == "release")
      transferRelease(*Call, Held);
    else if (Call->Name == "swap")
      transferSwap(*Call, Held);
    else if (Call->Name == "unlock" || Call->Name == "unlock_shared")
      Held.release(Call->Object);
  }

  /// The guards the suspension \p Suspension hands to its awaiter: passed
  /// by reference or moved to its constructor, which moves them into a member.
  /// Computed once per suspension, which the fixpoint visits many times.
  llvm::ArrayRef<HandedGuard> handedGuards(const Stmt &Suspension) const {
    auto [It, IsNew] = HandedBySuspension.try_emplace(&Suspension);
    if (IsNew)
      It->second = findHandedGuards(Suspension);
    return It->second;
  }

  llvm::SmallVector<HandedGuard, 1> findHandedGuards(const Stmt &Suspension) const {
    llvm::SmallVector<HandedGuard, 1> Handed;
    const CXXConstructExpr *Construct = awaiterConstruction(Suspension);
    const FunctionDecl *Definition = nullptr;
    if (!Construct || !Construct->getConstructor()->hasBody(Definition))
      return Handed;
    const auto &Constructor = cast<CXXConstructorDecl>(*Definition);
    for (unsigned I = 0, N = std::min(Construct->getNumArgs(),
                                      Constructor.getNumParams());
         I != N; ++I) {
      const Expr *Arg = Construct->getArg(I);
      const ValueDecl *Guard = movedFromGuard(Arg);
      if (!Guard)
        Guard = lockDeclOf(Arg);
      if (!Guard || !isGuardType(Guard->getType()))
        continue;
      const FieldDecl *Member =
          memberTakenFrom(Constructor, Constructor.getParamDecl(I));
      if (!Member)
        continue;
      const CXXRecordDecl *Awaiter = Constructor.getParent();
      auto Suspend = Awaiter->lookup(&Awaiter->getASTContext().Idents.get("await_suspend"));
      Handed.push_back(
          {Guard, !Suspend.empty() &&
                      releasesMember(dyn_cast<FunctionDecl>(Suspend.front()),
                                     Member)});
    }
    return Handed;
  }

  /// The locks held while the coroutine is suspended at \p Suspension:
  /// \p Held, less the guards its awaiter releases in await_suspend, plus
  /// the guards moved into an awaiter that keeps them.
  LockSet heldWhileSuspended(const Stmt &Suspension, const LockSet &Held) const {
    LockSet AtSuspension = Held;
    for (const HandedGuard &Handed : handedGuards(Suspension)) {
      if (Handed.ReleasedOnSuspend)
        AtSuspension.release(Handed.Guard);
      else if (auto Moved = MovedHeld.find(Handed.Guard);
               Moved != MovedHeld.end() && !Held.contains(Handed.Guard))
        AtSuspension.take(Handed.Guard, Moved->second);
    }
    return AtSuspension;
  }

  void transfer(const CFGElement &Element, LockSet &Held) {
    if (auto Statement = Element.getAs<CFGStmt>();
        Statement && isExplicitSuspension(Statement->getStmt())) {
      // The awaiter, gone after the co_await, took these guards with it.
      for (const HandedGuard &Handed : handedGuards(*Statement->getStmt()))
        Held.release(Handed.Guard);
    } else if (Statement)
      transferStmt(Statement->getStmt(), Held);
    else if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>())
      Held.release(Dtor->getVarDecl());
    else if (auto Lifetime = Element.getAs<CFGLifetimeEnds>())
      Held.release(Lifetime->getVarDecl());
    else if (auto Scope = Element.getAs<CFGScopeEnd>())
      Held.release(Scope->getVarDecl());
  }

  /// Runs a worklist over the blocks until the entry states settle. Not
  /// llvm::ReversePostOrderTraversal: a CFG edge may lead to no block (an
  /// unreachable successor), which the generic graph traversal dereferences.
  void solve(const CFG &Graph) {
    llvm::SmallVector<const CFGBlock *, 32> Work(Graph.rbegin(), Graph.rend());
    llvm::DenseSet<const CFGBlock *> Queued(Work.begin(), Work.end());
    while (!Work.empty()) {
      const CFGBlock *Block = Work.pop_back_val();
      Queued.erase(Block);
      LockSet Held = Entry[Block];
      for (const CFGElement &Element : *Block)
        transfer(Element, Held);
      for (const CFGBlock *Succ : Block->succs())
        if (Succ && Entry[Succ].unite(Held) && Queued.insert(Succ).second)
          Work.push_back(Succ);
    }
  }

  static SuspensionWithLocks withLocks(const Stmt &Suspension, const LockSet &Held) {
    SuspensionWithLocks Found;
    Found.Suspension = &Suspension;
    for (const auto &[Lock, How] : Held)
      Found.Locks.push_back({Lock->getNameAsString(), How.Where});
    return Found;
  }

  std::vector<SuspensionWithLocks> collect(const CFG &Graph) {
    std::vector<SuspensionWithLocks> Result;
    for (const CFGBlock *Block : Graph) {
      LockSet Held = Entry[Block];
      for (const CFGElement &Element : *Block) {
        if (auto Statement = Element.getAs<CFGStmt>();
            Statement && isExplicitSuspension(Statement->getStmt()))
          if (LockSet AtSuspension =
                  heldWhileSuspended(*Statement->getStmt(), Held);
              !AtSuspension.empty())
            Result.push_back(withLocks(*Statement->getStmt(), AtSuspension));
        transfer(Element, Held);
      }
    }
    llvm::sort(Result, [](const SuspensionWithLocks &A, const SuspensionWithLocks &B) {
      return A.Suspension->getBeginLoc() < B.Suspension->getBeginLoc();
    });
    return Result;
  }

  const CoroutineInfo &Info;
  const LockConfig &Config;
  llvm::DenseMap<const CFGBlock *, LockSet> Entry;
  /// For a guard just moved from: the hold it had.
  llvm::DenseMap<const ValueDecl *, Hold> MovedHeld;
  mutable llvm::DenseMap<const Stmt *, llvm::SmallVector<HandedGuard, 1>>
      HandedBySuspension;
};

} // namespace

llvm::ArrayRef<SuspensionWithLocks>
CoroutineModel::locksAtSuspensions(const CoroutineInfo &Info, ASTContext &Ctx,
                                   const LockConfig &Config) {
  if (!Info.mayTakeLock())
    return {};
  auto [It, Inserted] = LockStates.try_emplace(&Info.body());
  if (Inserted)
    if (const CFG *Graph = controlFlow(Info, Ctx))
      It->second = LockFlow(Info, Config).run(*Graph);
  return It->second;
}

} // namespace clang::tidy::async
