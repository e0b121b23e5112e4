//===--- Asyncrt.cpp - The profile of asyncrt, the bundled runtime --------===//
//
// asyncrt's API (CONTRACT.md §3, lib/asyncrt/include/asyncrt/). Its advice is
// the project's reference wording: README.md's output is tested exactly.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Asyncrt(RuntimeProfile{
    .Name = "asyncrt",
    .Namespaces = "asyncrt",
    .TaskTypes = "asyncrt::task",
    .SpawnFunctions = "asyncrt::spawn",
    .OffloadFunctions = "asyncrt::spawn_blocking",
    .BlockingWaits = "asyncrt::block_on;asyncrt::runtime::block_on",
    .AsyncMutexTypes = "asyncrt::mutex;asyncrt::mutex_guard;asyncrt::semaphore;"
                       "asyncrt::semaphore_permit",
    .SpawnAdvice = "asyncrt::spawn",
    .BlockOnAdvice = "asyncrt::block_on",
    .OffloadAdvice = "asyncrt::spawn_blocking",
    .SleepAdvice = "co_await asyncrt::sleep_for",
    .ReadFileAdvice = "asyncrt::fs::read_to_string",
    .WriteFileAdvice = "asyncrt::fs::write",
    .FileSystemAdvice = "its asyncrt::fs counterpart",
    .JoinAdvice = "an asyncrt::join_handle from asyncrt::spawn or "
                  "asyncrt::spawn_blocking",
    .MutexAdvice = "asyncrt::mutex",
    .YieldAdvice = "co_await asyncrt::yield_now()",
    .SleepFunction = "asyncrt::sleep_for",
});

} // namespace
} // namespace clang::tidy::async
