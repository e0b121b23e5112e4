//===--- AsyncModule.cpp - Registers the async-* checks --------------------===//

#include "BlockingCallCheck.h"
#include "DanglingReferenceCheck.h"
#include "HeavyLoopCheck.h"
#include "LockAcrossAwaitCheck.h"
#include "UnawaitedTaskCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::async {
namespace {

/// The async-* checks: the four async mistakes of the lesson, and the
/// dangling reference C++ adds to them.
class AsyncModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    // One model per set of factories, shared by all the checks it creates,
    // so each coroutine body is analysed once however many checks run.
    auto Model = std::make_shared<CoroutineModel>();
    auto Register = [&]<class Check>(llvm::StringRef Name) {
      Factories.registerCheckFactory(
          Name, [Model](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<Check>(Name, Context, Model);
          });
    };
    Register.operator()<UnawaitedTaskCheck>("async-unawaited-task");
    Register.operator()<BlockingCallCheck>("async-blocking-call");
    Register.operator()<LockAcrossAwaitCheck>("async-lock-across-await");
    Register.operator()<HeavyLoopCheck>("async-heavy-loop");
    Register.operator()<DanglingReferenceCheck>("async-dangling-reference");
  }
};

} // namespace

static ClangTidyModuleRegistry::Add<AsyncModule>
    X("async-module", "The async-* checks for C++20 coroutine code.");

} // namespace clang::tidy::async

namespace clang::tidy {
/// Referenced by the async-lint driver so that a static link keeps the
/// module's registration.
volatile int AsyncModuleAnchorSource = 0;
} // namespace clang::tidy
