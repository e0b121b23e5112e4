//===--- RuntimeProfile.h - What the checks know about one runtime --------===//
//
// A runtime profile is data: for one coroutine runtime (asyncrt, Boost.Asio,
// ...), the names the checks need (its tasks, spawns, blocking waits, async
// mutexes, where blocking is allowed) and the words of each check's advice in
// its own API. Each built-in profile is one file under profiles/ that
// registers one RuntimeProfile; users add theirs in .clang-tidy under
// `async.Profile.<name>.<Field>` keys (docs/runtimes.md). The profile set
// decides, per coroutine, which profile applies.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_RUNTIMEPROFILE_H
#define ASYNC_LINT_RUNTIMEPROFILE_H

#include "clang/AST/ASTContext.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <deque>
#include <string>
#include <vector>

namespace clang::tidy::async {

class CoroutineInfo;

/// One coroutine runtime as the checks see it. Every list is `;`-separated
/// qualified names; an entry of OffloadFunctions and OffloadAwaits may name
/// a condition in parentheses, `f(X)`: an argument of the call (or the object
/// a member is called on) is a call of a function named X or has a type
/// named X or nested in X (through pointers and smart pointers); in
/// OffloadParameters, `Tag(X)` is a parameter of type Tag and one of a type
/// named X or nested in X.
struct RuntimeProfile {
  /// The name `async.Runtime` forces it by; lower-case, one word.
  std::string Name = {};
  /// The namespaces of its types: a coroutine whose return type or awaited
  /// types are declared in one of them uses this profile.
  std::string Namespaces = {};

  /// Lazy task types, recognised also when their promise does not show it.
  std::string TaskTypes = {};
  /// Calls that run a task concurrently: a loop of them is a fan-out, not
  /// heavy work of the coroutine.
  std::string SpawnFunctions = {};
  /// Calls whose closure argument runs on a pool meant for blocking work:
  /// a coroutine lambda handed to one may block.
  std::string OffloadFunctions = {};
  /// Calls whose `co_await` moves the rest of the coroutine onto a pool or a
  /// thread of its own, where it may block (until it awaits the same call
  /// again to move back).
  std::string OffloadAwaits = {};
  /// Coroutine return types whose coroutine runs on a thread of its own,
  /// where it may block.
  std::string OwnThreadTypes = {};
  /// Parameter types that start a coroutine on a pool or a thread of its
  /// own, where it may block: `Tag(X)`, a tag parameter and an executor
  /// parameter of type X (concurrencpp's `executor_tag`, then the executor).
  std::string OffloadParameters = {};
  /// Calls that run the runtime, or wait for a task, on the calling thread:
  /// inside a coroutine they block the worker and can deadlock it.
  std::string BlockingWaits = {};
  /// The runtime's own synchronous sleeps.
  std::string BlockingSleeps = {};
  /// The runtime's own synchronous I/O calls.
  std::string BlockingIO = {};
  /// Types that keep every descriptor they hold non-blocking (libcoro's
  /// clients and servers): a descriptor call on a descriptor reached
  /// through one (its member, or what its accessor returns) does not block.
  std::string NonBlockingTypes = {};
  /// Asynchronous mutexes and semaphores and their guards: never reported.
  std::string AsyncMutexTypes = {};
  /// Blocking lock guards of the runtime's own, reported like std's.
  std::string LockTypes = {};

  /// The advice, in the runtime's words. A message puts each one in a
  /// sentence (docs/runtimes.md shows where). A user profile that leaves
  /// one out gets the generic profile's words; a built-in one's empty
  /// SpawnAdvice is left out, and empty file advice is OffloadAdvice.
  std::string SpawnAdvice = {};     ///< "pass it to %s to run it concurrently"
  std::string BlockOnAdvice = {};   ///< "run it with %s" (outside coroutines)
  std::string OffloadAdvice = {};   ///< "move it to %s"
  std::string SleepAdvice = {};     ///< "use %s"
  std::string ReadFileAdvice = {};  ///< "use %s or <offload>"
  std::string WriteFileAdvice = {}; ///< "use %s or <offload>"
  std::string FileSystemAdvice = {}; ///< "use %s or <offload>"
  std::string AsyncIOAdvice = {};   ///< "use %s" for the runtime's own sync I/O
  std::string JoinAdvice = {};      ///< "co_await %s instead"
  std::string MutexAdvice = {};     ///< "release it first or use %s"
  std::string YieldAdvice = {};     ///< "move it to <offload> or %s in its body"
  /// An awaitable sleep taking a duration, which replaces
  /// std::this_thread::sleep_for in a fix-it (`asyncrt::sleep_for`).
  std::string SleepFunction = {};
};

/// Adds a built-in profile; each file under profiles/ defines one static
/// registration.
struct ProfileRegistration {
  explicit ProfileRegistration(RuntimeProfile Profile);
};

/// A call pattern of OffloadFunctions and OffloadAwaits: `f` or `f(X)`.
struct CallPattern {
  std::string Function;
  std::string Argument;
};

/// A profile with its lists parsed.
struct Profile {
  RuntimeProfile Text;
  std::vector<std::string> Namespaces;
  std::vector<std::string> TaskTypes;
  std::vector<std::string> SpawnFunctions;
  std::vector<CallPattern> OffloadFunctions;
  std::vector<CallPattern> OffloadAwaits;
  std::vector<std::string> OwnThreadTypes;
  std::vector<CallPattern> OffloadParameters;
  std::vector<std::string> BlockingWaits;
  std::vector<std::string> BlockingSleeps;
  std::vector<std::string> BlockingIO;
  std::vector<std::string> NonBlockingTypes;
  std::vector<std::string> AsyncMutexTypes;
  std::vector<std::string> LockTypes;
};

/// The profiles of one configuration (the built-in ones and the user's), and
/// the one place that decides which profile a coroutine or a type uses.
class ProfileSet {
public:
  ProfileSet();

  /// Loads the user's profiles and the forced runtime from \p Options
  /// (`async.Runtime`, `async.Profiles`, `async.Profile.<name>.<Field>`),
  /// unless they are the ones already loaded. Returns a one-line error for
  /// each bad setting, empty when nothing changed or all is well.
  std::vector<std::string> configure(const ClangTidyOptions::OptionMap &Options);

  /// Every profile, built-in and user-defined.
  llvm::ArrayRef<const Profile *> all() const { return All; }

  /// The profile \p Coroutine uses: the forced one; else the one of its
  /// return type; else of the first awaited operand whose type a profile
  /// recognises; else the generic one.
  const Profile &ofCoroutine(const CoroutineInfo &Coroutine);
  /// The profile of a task of type \p T created in \p Coroutine (null in
  /// plain code): the forced one; else the task's own; else the coroutine's;
  /// else the generic one.
  const Profile &ofTask(QualType T, const CoroutineInfo *Coroutine);
  /// The profile whose namespaces or task types declare \p T's class, or
  /// null. Cached per class.
  const Profile *ofType(QualType T);
  /// True if \p D is declared in a namespace of one of the profiles: the
  /// runtime's own code, which the profile's lists describe.
  bool isRuntimeCode(const Decl &D);

  /// True if \p Coroutine runs where it may block: a lambda handed to an
  /// offload call (of any profile: the call decides where the lambda runs),
  /// a coroutine whose return type runs it on a thread of its own, or one
  /// whose parameters start it on a blocking pool (OffloadParameters).
  bool runsWhereItMayBlock(const CoroutineInfo &Coroutine, ASTContext &Ctx);
  /// True if \p At, in \p Coroutine's own code, runs after a `co_await` of
  /// an offload await and before the coroutine awaits the same call again.
  bool isAfterOffloadAwait(const CoroutineInfo &Coroutine, const Stmt &At);

  /// Union of every profile's list: what is a task, a spawn, a wait, an
  /// async mutex or a lock does not depend on the coroutine's runtime.
  const std::vector<std::string> &allTaskTypes() const { return TaskTypes; }
  const std::vector<std::string> &allSpawnFunctions() const { return Spawns; }
  const std::vector<std::string> &allAsyncMutexTypes() const {
    return AsyncMutexTypes;
  }
  const std::vector<std::string> &allLockTypes() const { return LockTypes; }
  const std::vector<std::string> &allNonBlockingTypes() const {
    return NonBlockingTypes;
  }

  /// Forgets the per-translation-unit caches.
  void reset();

private:
  const Profile *ofNamespaceOf(const Decl &D);
  bool isOffloadedLambda(const CoroutineInfo &Coroutine, ASTContext &Ctx);
  bool startsOnOffloadExecutor(const FunctionDecl &Coroutine) const;
  void rebuild();
  /// The built-in profile named \p Name, which exists.
  const Profile &builtin(llvm::StringRef Name) const;

  std::vector<Profile> Builtins;
  /// User profiles; a deque so that pointers into it stay valid.
  std::deque<Profile> UserProfiles;
  std::vector<const Profile *> All;
  const Profile *Generic = nullptr;
  const Profile *Forced = nullptr;
  std::string LoadedOptions;

  std::vector<std::string> TaskTypes, Spawns, AsyncMutexTypes, LockTypes,
      NonBlockingTypes;

  llvm::DenseMap<const Decl *, const Profile *> NamespaceCache;
  llvm::DenseMap<const Decl *, const Profile *> TypeCache;
  llvm::DenseMap<const CoroutineInfo *, const Profile *> CoroutineCache;
};

/// True if \p Call calls the function of \p Pattern, and its condition (if
/// any) holds for an argument or the called object.
bool matchesCallPattern(const CallExpr &Call, const CallPattern &Pattern);

/// The call a `co_await` awaits, when its operand is one (through parens
/// and implicit conversions).
const CallExpr *awaitedCall(const Stmt &Suspension);

/// The qualified name of \p Decl with template arguments and inline
/// namespaces left out: `std::future::get` for `std::future<int>::get`.
std::string plainQualifiedName(const NamedDecl *Decl);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_RUNTIMEPROFILE_H
