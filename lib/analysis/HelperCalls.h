//===--- HelperCalls.h - The helpers a coroutine calls ---------------------===//
//
// A coroutine that calls a plain function of its own translation unit runs
// that function's code on its worker: a blocking call or a heavy loop in the
// helper stalls the worker as much as one in the coroutine. The checks that
// look into helpers share what is followed, how a helper is named, and the
// per-unit summaries of what each helper does.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_HELPERCALLS_H
#define ASYNC_LINT_HELPERCALLS_H

#include "CoroutineModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::async {

/// How many helpers deep the checks look.
constexpr unsigned MaxHelperDepth = 8;

/// The function a call certainly runs: none for a virtual call that the
/// compiler could dispatch elsewhere.
const FunctionDecl *certainCallee(const CallExpr &Call);

/// The definition of \p Callee if its body is followed when a coroutine
/// calls it: defined in the user's code, not a coroutine (calling one only
/// creates its task), and not part of the standard library or of a runtime,
/// which the checks' lists and the runtime profiles describe.
const FunctionDecl *followableHelper(const FunctionDecl *Callee,
                                     ProfileSet &Profiles);

/// True if \p At calls a callable object that \p Coroutine was handed as a
/// parameter, and \p Coroutine is a runtime's own code (concurrencpp's
/// submit_bridge runs the closure given to executor::submit): the callable
/// is its caller's code, run where its caller chose, and the runtime's
/// bridge is not blamed for what it runs.
bool callsHandedCallable(const Stmt &At, const CoroutineInfo &Coroutine,
                         ProfileSet &Profiles);

/// How to name a helper called at \p At in a message: a lambda or function
/// object by the variable it is called through (`pause()`), anything else by
/// its name.
std::string helperName(const Stmt &At, const FunctionDecl &Helper);

/// The calls and constructions of a helper's own code (member initialisers
/// included, nested lambdas and local classes excluded), in source order.
std::vector<const Stmt *> helperCode(const FunctionDecl &Helper);

/// The loops of a helper's own code, outer loops before the loops they
/// contain (a helper is no coroutine: none suspends).
std::vector<LoopInfo> helperLoops(const FunctionDecl &Helper);

/// What each helper does that a check reports (none: nothing), computed once
/// per translation unit and shared by every coroutine that calls the helper.
/// Recursion and depth are cut, and a "nothing" reached through a cut is not
/// remembered.
template <class Summary> class HelperSummaries {
public:
  /// Summarises a helper from its own code, given the depth at which the
  /// helpers it calls are summarised in turn.
  using Summarise = llvm::function_ref<std::optional<Summary>(
      const FunctionDecl &Helper, unsigned CalleeDepth)>;

  std::optional<Summary> get(const FunctionDecl *Helper, unsigned Depth,
                             Summarise Compute) {
    if (auto It = Summaries.find(Helper); It != Summaries.end())
      return It->second;
    if (Depth >= MaxHelperDepth || InProgress.contains(Helper)) {
      WasCut = true;
      return std::nullopt;
    }
    InProgress.insert(Helper);
    bool OuterWasCut = std::exchange(WasCut, false);
    std::optional<Summary> Found = Compute(*Helper, Depth + 1);
    InProgress.erase(Helper);
    if (Found || !WasCut)
      Summaries[Helper] = Found;
    WasCut = OuterWasCut || WasCut;
    return Found;
  }

  void clear() {
    Summaries.clear();
    InProgress.clear();
    WasCut = false;
  }

private:
  llvm::DenseMap<const FunctionDecl *, std::optional<Summary>> Summaries;
  llvm::DenseSet<const FunctionDecl *> InProgress;
  /// Set when a summary depended on a cut (recursion or depth).
  bool WasCut = false;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_HELPERCALLS_H
