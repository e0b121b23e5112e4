//===--- HeavyLoopCheck.cpp - async-heavy-loop -----------------------------===//

#include "HeavyLoopCheck.h"
#include "HelperCalls.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::async {
namespace {

constexpr std::uint64_t DefaultTripCountThreshold = 100000;
/// The fix of a heavy loop (of a nest, with \p Nest) in \p Runtime's words.
std::string remedy(const RuntimeProfile &Runtime, bool Nest) {
  return (Nest ? "move them to " : "move it to ") + Runtime.OffloadAdvice +
         " or " + Runtime.YieldAdvice +
         (Nest ? " in the outer loop" : " in its body");
}

using Count = std::uint64_t;
using Wide = __int128;

std::optional<Wide> constantInt(const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult Result;
  if (!E || E->isValueDependent() || !E->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  const llvm::APSInt &Value = Result.Val.getInt();
  if (Value.getSignificantBits() > 64 && !(Value.isUnsigned() && Value.getActiveBits() <= 64))
    return std::nullopt;
  return Value.isUnsigned() ? Wide(Value.getZExtValue()) : Wide(Value.getSExtValue());
}

const VarDecl *referencedVar(const Expr *E) {
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

/// True if \p S only ever reads \p Var: every mention is converted to a
/// value on the spot, so \p S neither writes it nor lets anything else do so.
bool onlyReads(const Stmt *S, const VarDecl *Var) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(const VarDecl *Var) : Var(Var) {}
    bool TraverseImplicitCastExpr(ImplicitCastExpr *Cast) {
      if (Cast->getCastKind() == CK_LValueToRValue &&
          referencedVar(Cast->getSubExpr()) == Var)
        return true;
      return RecursiveASTVisitor::TraverseImplicitCastExpr(Cast);
    }
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Written |= Ref->getDecl() == Var;
      return !Written;
    }
    const VarDecl *Var;
    bool Written = false;
  };
  Finder F(Var);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return !F.Written;
}

/// True if control can leave \p Body other than by its loop's condition:
/// a break of this loop, a return, co_return, goto or throw.
bool exitsEarly(const Stmt *Body) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
      if (!S || Found)
        return true;
      if (isa<ReturnStmt, CoreturnStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr>(S) ||
          (isa<BreakStmt>(S) && Nesting == 0)) {
        Found = true;
        return true;
      }
      // A break inside an inner loop or switch ends only that statement.
      bool Nests = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
      Nesting += Nests;
      RecursiveASTVisitor::TraverseStmt(S, nullptr);
      Nesting -= Nests;
      return true;
    }
    unsigned Nesting = 0;
    bool Found = false;
  };
  Finder F;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

/// The exact trip count of `for (i = A; i OP B; i STEP)` with constant A, B
/// and step, OP one of < <= > >= != and STEP one of ++ -- += -=, when the
/// body only reads `i`.
std::optional<Count> forTripCount(const ForStmt &For, const ASTContext &Ctx) {
  const VarDecl *Var = nullptr;
  std::optional<Wide> Start;
  if (const auto *Decl = dyn_cast_or_null<DeclStmt>(For.getInit())) {
    if (Decl->isSingleDecl())
      if ((Var = dyn_cast<VarDecl>(Decl->getSingleDecl())))
        Start = constantInt(Var->getInit(), Ctx);
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(For.getInit());
             Assign && Assign->getOpcode() == BO_Assign) {
    Var = referencedVar(Assign->getLHS());
    Start = constantInt(Assign->getRHS(), Ctx);
  }
  if (!Var || !Start || !Var->getType()->isIntegerType())
    return std::nullopt;

  const auto *Cond = dyn_cast_or_null<BinaryOperator>(
      For.getCond() ? For.getCond()->IgnoreParenImpCasts() : nullptr);
  if (!Cond || !Cond->isComparisonOp())
    return std::nullopt;
  BinaryOperatorKind Op = Cond->getOpcode();
  const Expr *BoundExpr = Cond->getRHS();
  if (referencedVar(Cond->getRHS()) == Var) {
    Op = BinaryOperator::reverseComparisonOp(Op);
    BoundExpr = Cond->getLHS();
  } else if (referencedVar(Cond->getLHS()) != Var) {
    return std::nullopt;
  }
  std::optional<Wide> Bound = constantInt(BoundExpr, Ctx);

  std::optional<Wide> Step;
  const Expr *Inc = For.getInc() ? For.getInc()->IgnoreParenImpCasts() : nullptr;
  if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Inc);
      Unary && Unary->isIncrementDecrementOp() &&
      referencedVar(Unary->getSubExpr()) == Var)
    Step = Unary->isIncrementOp() ? 1 : -1;
  else if (const auto *Compound = dyn_cast_or_null<CompoundAssignOperator>(Inc);
           Compound && referencedVar(Compound->getLHS()) == Var &&
           (Compound->getOpcode() == BO_AddAssign ||
            Compound->getOpcode() == BO_SubAssign))
    if ((Step = constantInt(Compound->getRHS(), Ctx)) &&
        Compound->getOpcode() == BO_SubAssign)
      Step = -*Step;
  if (!Bound || !Step || *Step == 0 || !onlyReads(For.getBody(), Var))
    return std::nullopt;

  Wide A = *Start, B = *Bound, S = *Step > 0 ? *Step : -*Step;
  bool Up = *Step > 0;
  std::optional<Wide> Trips;
  switch (Op) {
  case BO_LT:
    if (Up)
      Trips = A < B ? (B - A + S - 1) / S : 0;
    break;
  case BO_LE:
    if (Up)
      Trips = A <= B ? (B - A) / S + 1 : 0;
    break;
  case BO_GT:
    if (!Up)
      Trips = A > B ? (A - B + S - 1) / S : 0;
    break;
  case BO_GE:
    // `u >= 0` never fails for an unsigned counter.
    if (!Up && !(B == 0 && Var->getType()->isUnsignedIntegerType()))
      Trips = A >= B ? (A - B) / S + 1 : 0;
    break;
  case BO_NE:
    if (Up && B >= A && (B - A) % S == 0)
      Trips = (B - A) / S;
    else if (!Up && A >= B && (A - B) % S == 0)
      Trips = (A - B) / S;
    break;
  default:
    break;
  }
  if (!Trips)
    return std::nullopt;
  // The counter's last value must fit its type: an unsigned counter stepping
  // past zero wraps around and runs on.
  Wide Last = Up ? A + S * *Trips : A - S * *Trips;
  unsigned Width = Ctx.getIntWidth(Var->getType());
  if (Width > 64)
    return std::nullopt;
  bool Signed = Var->getType()->isSignedIntegerType();
  Wide Min = Signed ? -(Wide(1) << (Width - 1)) : 0;
  Wide Max = Signed ? (Wide(1) << (Width - 1)) - 1 : (Wide(1) << Width) - 1;
  if (Last < Min || Last > Max)
    return std::nullopt;
  return static_cast<Count>(*Trips);
}

/// The number of elements of a range whose size is in its type: a built-in
/// array, a braced list or a std::array.
std::optional<Count> rangeTripCount(const CXXForRangeStmt &For,
                                    const ASTContext &Ctx) {
  const Expr *Range = For.getRangeInit();
  if (!Range)
    return std::nullopt;
  Range = Range->IgnoreParenImpCasts();
  if (const auto *List = dyn_cast<InitListExpr>(Range))
    return List->getNumInits();
  if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(Range))
    Range = List->getSubExpr()->IgnoreParenImpCasts();
  QualType Type = Range->getType().getNonReferenceType();
  if (const auto *Array = Ctx.getAsConstantArrayType(Type))
    return Array->getZExtSize();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || Spec->getName() != "array" ||
      Spec->getTemplateArgs().size() != 2 ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
}

/// The exact number of iterations of \p Loop, when its form makes it
/// constant; `do ... while (false)` runs once, `while (false)` never.
std::optional<Count> tripCount(const Stmt &Loop, const ASTContext &Ctx) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return forTripCount(*For, Ctx);
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return rangeTripCount(*Range, Ctx);
  bool IsDo = isa<DoStmt>(Loop);
  const Expr *Cond = IsDo ? cast<DoStmt>(Loop).getCond() : cast<WhileStmt>(Loop).getCond();
  bool Value = true;
  if (Cond && !Cond->isValueDependent() && Cond->EvaluateAsBooleanCondition(Value, Ctx) &&
      !Value)
    return IsDo ? 1 : 0;
  return std::nullopt;
}

bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *Record = T->getAsCXXRecordDecl();
  return Record && Record->isInStdNamespace() && Record->getIdentifier() &&
         Record->getName().starts_with("atomic");
}

/// What a condition reads, and whether it could change itself.
class ConditionReads : public RecursiveASTVisitor<ConditionReads> {
public:
  explicit ConditionReads(const Expr *Cond) {
    if (Cond)
      TraverseStmt(const_cast<Expr *>(Cond));
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return Changes = true, false; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    Vars.push_back(Ref->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    Vars.push_back(Member->getMemberDecl());
    Indirect |= Member->isArrow();
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Unary) {
    Changes |= Unary->isIncrementDecrementOp();
    Indirect |= Unary->getOpcode() == UO_Deref;
    return !Changes;
  }
  bool VisitArraySubscriptExpr(ArraySubscriptExpr *) { return Indirect = true; }
  bool VisitBinaryOperator(BinaryOperator *Binary) {
    Changes |= Binary->isAssignmentOp();
    return !Changes;
  }
  bool VisitCallExpr(CallExpr *Call) {
    // Reading an atomic or calling a const member observes state another
    // thread may change; any other call may change it itself.
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const auto *Method = Member ? Member->getMethodDecl() : nullptr;
    bool Observes = Method && (Method->isConst() ||
                               isAtomicType(Member->getImplicitObjectArgument()->getType()));
    Changes |= !Observes;
    return !Changes;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Changes |= !Construct->getConstructor()->isTrivial();
    return !Changes;
  }

  llvm::SmallVector<const ValueDecl *, 4> Vars;
  bool Indirect = false;
  bool Changes = false;
};

/// True if nothing in \p Body can end its loop: no call, no exit, no write
/// but to local variables the condition does not read (none at all when the
/// condition reads through a pointer, which such a write could alias).
class BodyCannotEndLoop : public RecursiveASTVisitor<BodyCannotEndLoop> {
public:
  BodyCannotEndLoop(const ConditionReads &Cond) : Cond(Cond) {}

  bool check(const Stmt *S) {
    if (S)
      TraverseStmt(const_cast<Stmt *>(S));
    return !CanEnd;
  }

  bool TraverseStmt(Stmt *S, DataRecursionQueue * = nullptr) {
    if (!S || CanEnd)
      return true;
    if (isa<CallExpr, CXXNewExpr, CXXDeleteExpr, ReturnStmt, CoreturnStmt,
            BreakStmt, GotoStmt, IndirectGotoStmt, CXXThrowExpr, AsmStmt>(S)) {
      CanEnd = true;
      return true;
    }
    return RecursiveASTVisitor::TraverseStmt(S, nullptr);
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    CanEnd |= !Construct->getConstructor()->isTrivial();
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *Unary) {
    if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
      noteWrite(Unary->getSubExpr());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *Binary) {
    if (Binary->isAssignmentOp())
      noteWrite(Binary->getLHS());
    return true;
  }
  bool VisitVarDecl(VarDecl *Var) {
    // A reference can alias what the condition reads.
    CanEnd |= Var->getType()->isReferenceType();
    return true;
  }

private:
  void noteWrite(const Expr *Target) {
    const VarDecl *Var = referencedVar(Target);
    CanEnd |= Cond.Indirect || !Var || !Var->hasLocalStorage() ||
              Var->getType()->isReferenceType() ||
              llvm::is_contained(Cond.Vars, Var);
  }

  const ConditionReads &Cond;
  bool CanEnd = false;
};

/// A loop that only another thread could end: its condition does not change
/// itself, and its body cannot change the condition or leave the loop.
bool isSpinLoop(const Stmt &Loop) {
  const Expr *Cond = nullptr;
  const Stmt *Body = nullptr;
  const Expr *Inc = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    Cond = For->getCond();
    Body = For->getBody();
    Inc = For->getInc();
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    Cond = While->getCond();
    Body = While->getBody();
  } else if (const auto *Do = dyn_cast<DoStmt>(&Loop)) {
    Cond = Do->getCond();
    Body = Do->getBody();
  } else {
    return false;
  }
  ConditionReads Reads(Cond);
  if (Reads.Changes)
    return false;
  BodyCannotEndLoop Checker(Reads);
  return Checker.check(Body) && Checker.check(Inc);
}

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  return cast<DoStmt>(Loop).getBody();
}

/// True if \p Loop calls one of \p SpawnFunctions (a profile's spawn or
/// offload call: `asyncrt::spawn`, `asyncrt::spawn_blocking`, a nursery's
/// `start` whatever its template arguments) as it goes: a fan-out, the cheap
/// way the lesson spawns a hundred thousand tasks, not heavy work of its own.
bool spawnsTasks(const Stmt &Loop, llvm::ArrayRef<std::string> SpawnFunctions) {
  class Finder : public RecursiveASTVisitor<Finder> {
  public:
    explicit Finder(llvm::ArrayRef<std::string> SpawnFunctions)
        : SpawnFunctions(SpawnFunctions) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool VisitCallExpr(CallExpr *Call) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      Found = Callee && (hasQualifiedNameIn(Callee, SpawnFunctions) ||
                         llvm::is_contained(SpawnFunctions,
                                            plainQualifiedName(Callee)));
      return !Found;
    }
    llvm::ArrayRef<std::string> SpawnFunctions;
    bool Found = false;
  };
  Finder F(SpawnFunctions);
  F.TraverseStmt(const_cast<Stmt *>(&Loop));
  return F.Found;
}

/// True if \p Arg is work made to be handed away: a closure, or a task or
/// other awaitable a call makes on the spot (`make_job(i)`, `run(pool, f)`).
bool isWorkMadeHere(const Expr *Arg, CoroutineModel &Model) {
  Arg = Arg->IgnoreImplicit();
  // A closure converted on the way in (to a std::function parameter).
  if (const auto *Convert = dyn_cast<CXXConstructExpr>(Arg);
      Convert && Convert->getNumArgs() == 1)
    Arg = Convert->getArg(0)->IgnoreImplicit();
  if (isa<LambdaExpr>(Arg))
    return true;
  return isa<CallExpr>(Arg) &&
         (isAwaitableType(Arg->getType()) || Model.isTaskType(Arg->getType(), {}));
}

/// True if \p S only hands work away, on any runtime: every statement is a
/// call given a closure or a fresh task (`pool.submit([=] { ... })`,
/// `tasks.push_back(work(i))`, `nursery.start(child)`), a variable holding
/// such a task, or a loop of such statements. Whatever the pool does with the
/// work, it is not this coroutine's CPU time.
bool onlyHandsWorkAway(const Stmt *S, CoroutineModel &Model) {
  if (!S)
    return false;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return !Block->body_empty() &&
           llvm::all_of(Block->body(), [&](const Stmt *Child) {
             return isa<NullStmt>(Child) || onlyHandsWorkAway(Child, Model);
           });
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    return onlyHandsWorkAway(loopBody(*S), Model);
  if (const auto *Decls = dyn_cast<DeclStmt>(S))
    return llvm::all_of(Decls->decls(), [&](const Decl *D) {
      const auto *Var = dyn_cast<VarDecl>(D);
      return Var && Var->getInit() && isWorkMadeHere(Var->getInit(), Model);
    });
  const auto *Call = dyn_cast<CallExpr>(S);
  if (const auto *E = dyn_cast<Expr>(S))
    Call = dyn_cast<CallExpr>(E->IgnoreImplicit());
  return Call && llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
           return isWorkMadeHere(Arg, Model);
         });
}

/// \p A times \p B, or nothing when that does not fit in a Count.
std::optional<Count> product(Count A, Count B) {
  if (A != 0 && B > std::numeric_limits<Count>::max() / A)
    return std::nullopt;
  return A * B;
}

/// The facts about each loop of one coroutine body the check decides on.
struct LoopFacts {
  std::optional<Count> Trips;
  bool ExitsEarly = false;
  /// The loop spawns or hands away its work (and so do the loops inside).
  bool HandsAway = false;
  /// Iterations of the innermost body: the trip count times the largest
  /// such count of the constant loops directly inside.
  std::optional<Count> Work;
  /// The iterations are more than a Count holds: Work holds its maximum.
  bool WorkOverflows = false;
};

} // namespace

HeavyLoopCheck::HeavyLoopCheck(llvm::StringRef Name, ClangTidyContext *Context,
                               std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)),
      TripCountThreshold(
          Options.get(TripCountThresholdOption, DefaultTripCountThreshold)) {}

void HeavyLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, TripCountThresholdOption, TripCountThreshold);
}

void HeavyLoopCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineBodyStmt().bind("coroutine"), this);
}

std::vector<HeavyLoopCheck::HeavyLoop>
HeavyLoopCheck::heavyLoops(llvm::ArrayRef<LoopInfo> Loops, ASTContext &Ctx) {
  std::vector<LoopFacts> Facts(Loops.size());
  for (size_t I = 0; I < Loops.size(); ++I) {
    Facts[I].Trips = tripCount(*Loops[I].Loop, Ctx);
    Facts[I].ExitsEarly = Facts[I].Trips && exitsEarly(loopBody(*Loops[I].Loop));
    Facts[I].HandsAway =
        spawnsTasks(*Loops[I].Loop, model().profiles().allSpawnFunctions()) ||
                         onlyHandsWorkAway(loopBody(*Loops[I].Loop), model());
  }
  // Inner loops come after their outer loops: fill the work bottom-up.
  for (size_t I = Loops.size(); I-- > 0;) {
    if (!Facts[I].Trips || Facts[I].ExitsEarly || Facts[I].HandsAway)
      continue;
    Count Inner = 1;
    bool InnerOverflows = false;
    for (size_t J = I + 1; J < Loops.size(); ++J)
      if (Loops[J].Parent == static_cast<int>(I) && Facts[J].Work) {
        Inner = std::max(Inner, *Facts[J].Work);
        InnerOverflows |= Facts[J].WorkOverflows;
      }
    std::optional<Count> Work =
        InnerOverflows && *Facts[I].Trips != 0
            ? std::nullopt
            : product(*Facts[I].Trips, Inner);
    Facts[I].Work = Work.value_or(std::numeric_limits<Count>::max());
    Facts[I].WorkOverflows = !Work;
  }

  std::vector<bool> Reported(Loops.size());
  auto UnderReported = [&](int I) {
    for (int P = Loops[I].Parent; P >= 0; P = Loops[P].Parent)
      if (Reported[P])
        return true;
    return false;
  };
  auto FirstInnerNonConstant = [&](int I) -> const Stmt * {
    for (size_t J = I + 1; J < Loops.size(); ++J)
      for (int P = Loops[J].Parent; P >= 0; P = Loops[P].Parent)
        if (P == I && !Facts[J].Trips && !Facts[J].HandsAway)
          return Loops[J].Loop;
    return nullptr;
  };

  std::vector<HeavyLoop> Found;
  for (size_t I = 0; I < Loops.size(); ++I) {
    const LoopInfo &Loop = Loops[I];
    if (Loop.Suspends || UnderReported(I) || Facts[I].HandsAway)
      continue;
    const LoopFacts &Fact = Facts[I];
    if (Fact.Work && *Fact.Work >= TripCountThreshold)
      Found.push_back({Loop.Loop, HeavyLoop::Constant, *Fact.Work,
                       *Fact.Work != *Fact.Trips, nullptr,
                       Fact.WorkOverflows});
    else if (!Fact.Trips && isSpinLoop(*Loop.Loop))
      Found.push_back({Loop.Loop, HeavyLoop::Spin, 0, false, nullptr});
    else if (const Stmt *Inner = Fact.Trips ? nullptr : FirstInnerNonConstant(I))
      Found.push_back({Loop.Loop, HeavyLoop::Nest, 0, false, Inner});
    else
      continue;
    Reported[I] = true;
  }
  return Found;
}

std::string HeavyLoopCheck::describe(const HeavyLoop &Loop) {
  switch (Loop.What) {
  case HeavyLoop::Constant:
    return std::string(Loop.IsNest ? "loop nest runs " : "loop runs ") +
           (Loop.WorkOverflows ? "more than " : "") +
           std::to_string(Loop.Work) + " iterations without suspending";
  case HeavyLoop::Spin:
    return "loop never suspends and nothing in its body can end it";
  case HeavyLoop::Nest:
    return "nested loops with non-constant bounds run without suspending";
  }
  llvm_unreachable("unknown heavy loop");
}

std::optional<HeavyLoopCheck::HeavyStep>
HeavyLoopCheck::heavyHelperCall(const Stmt *At, unsigned Depth) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(At))
    Callee = certainCallee(*Call);
  else
    Callee = cast<CXXConstructExpr>(At)->getConstructor();
  const FunctionDecl *Helper = followableHelper(Callee, model().profiles());
  if (!Helper || !helperSummary(Helper, Depth))
    return std::nullopt;
  return HeavyStep{At, Helper, helperName(*At, *Helper)};
}

std::optional<HeavyLoopCheck::HeavyStep>
HeavyLoopCheck::helperSummary(const FunctionDecl *Helper, unsigned Depth) {
  return Summaries.get(
      Helper, Depth,
      [this](const FunctionDecl &Code, unsigned Deeper) -> std::optional<HeavyStep> {
        // Only the certain shapes: a nest of data-dependent loops in a helper
        // is as often a short retry loop of a lock-free structure.
        for (const HeavyLoop &Loop :
             heavyLoops(helperLoops(Code), Code.getASTContext()))
          if (Loop.What != HeavyLoop::Nest)
            return HeavyStep{Loop.Loop, nullptr, describe(Loop)};
        for (const Stmt *S : helperCode(Code))
          if (std::optional<HeavyStep> Step = heavyHelperCall(S, Deeper))
            return Step;
        return std::nullopt;
      });
}

void HeavyLoopCheck::onStartOfTranslationUnit() {
  CoroutineCheck::onStartOfTranslationUnit();
  Summaries.clear();
}

void HeavyLoopCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  const CoroutineInfo &Info = model().info(*Body);
  // A template's own body is checked in its instantiations, where bounds
  // that depend on template arguments are known.
  if (Info.function().isDependentContext())
    return;
  // Heavy work is what a blocking pool is for; asked only of heavy loops.
  ProfileSet &Profiles = model().profiles();
  std::optional<bool> Offloaded;
  auto OnBlockingPool = [&](const Stmt &At) {
    if (!Offloaded)
      Offloaded = Profiles.runsWhereItMayBlock(Info, *Result.Context);
    return *Offloaded || Profiles.isAfterOffloadAwait(Info, At);
  };
  const RuntimeProfile &Runtime = model().profile(Info).Text;

  for (const HeavyLoop &Found : heavyLoops(Info.loops(), *Result.Context)) {
    if (OnBlockingPool(*Found.Loop))
      continue;
    bool Nest = Found.What == HeavyLoop::Nest;
    diag(Found.Loop->getBeginLoc(), "%0; %1")
        << describe(Found) << remedy(Runtime, Nest);
    if (Nest)
      diag(Found.Inner->getBeginLoc(), "inner loop with a non-constant bound",
           DiagnosticIDs::Note);
  }

  // Helpers of the same unit that run a heavy loop, reported at the call
  // with the chain down to the loop in notes.
  std::vector<const Stmt *> Calls(Info.calls().begin(), Info.calls().end());
  Calls.insert(Calls.end(), Info.constructions().begin(), Info.constructions().end());
  for (const Stmt *Call : Calls) {
    if (callsHandedCallable(*Call, Info, Profiles))
      continue;
    std::optional<HeavyStep> Step = heavyHelperCall(Call, 0);
    if (!Step || OnBlockingPool(*Call))
      continue;
    diag(Call->getBeginLoc(),
         "'%0' runs a heavy loop without suspending; call it through %1")
        << Step->Text << Runtime.OffloadAdvice;
    for (const FunctionDecl *Helper = Step->Callee; Helper;) {
      std::optional<HeavyStep> Inner = helperSummary(Helper, 0);
      if (Inner->Callee)
        diag(Inner->At->getBeginLoc(), "'%0' runs it here", DiagnosticIDs::Note)
            << Inner->Text;
      else
        diag(Inner->At->getBeginLoc(), "%0", DiagnosticIDs::Note) << Inner->Text;
      Helper = Inner->Callee;
    }
  }
}

} // namespace clang::tidy::async
