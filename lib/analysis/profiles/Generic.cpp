//===--- Generic.cpp - The profile of code no runtime profile recognises --===//
//
// Used for a coroutine whose return type and awaited types belong to no
// profile: no names of its own, and advice that names the kind of fix
// rather than any runtime's API.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Generic(RuntimeProfile{
    .Name = "generic",
    .BlockOnAdvice = "the runtime's blocking entry point (sync_wait, block_on)",
    .OffloadAdvice = "a blocking-work pool",
    .SleepAdvice = "an awaitable timer of the runtime",
    .JoinAdvice = "the task or a handle to it",
    .MutexAdvice = "an async mutex",
    .YieldAdvice = "co_await a yield of the runtime",
});

} // namespace
} // namespace clang::tidy::async
