//===--- Corral.cpp - The profile of corral -------------------------------===//
//
// corral (hudson-trading/corral, corral/): the lazy Task, a nested
// corral::run, nurseries' start(), the Semaphore (corral's mutex), and
// ThreadPool::run, whose function runs on a thread of the pool. corral is
// single-threaded: everything else runs on the event loop's one thread.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Corral(RuntimeProfile{
    .Name = "corral",
    .Namespaces = "corral",
    .TaskTypes = "corral::Task",
    .SpawnFunctions = "corral::BasicNursery::start",
    .OffloadFunctions = "corral::ThreadPool::run",
    .BlockingWaits = "corral::run",
    .AsyncMutexTypes = "corral::Semaphore;corral::Semaphore::Lock",
    .SpawnAdvice = "a nursery's start()",
    .BlockOnAdvice = "corral::run",
    .OffloadAdvice = "corral::ThreadPool::run",
    .SleepAdvice = "co_await corral::sleepFor(io, delay)",
    .JoinAdvice = "corral::ThreadPool::run",
    .MutexAdvice = "corral::Semaphore",
    .YieldAdvice = "co_await corral::yield",
});

} // namespace
} // namespace clang::tidy::async
