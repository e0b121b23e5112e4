//===--- Folly.cpp - The profile of folly::coro ---------------------------===//
//
// folly::coro (facebook/folly, folly/coro/): the lazy Task and
// TaskWithExecutor, blockingWait and the blocking get() and wait() of
// folly's futures, AsyncScope, and the async Mutex and SharedMutex. A Task
// runs on the executor it is started on; CPU-bound work goes to a
// CPUThreadPoolExecutor with co_withExecutor.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Folly(RuntimeProfile{
    .Name = "folly",
    .Namespaces = "folly::coro",
    .TaskTypes = "folly::coro::Task;folly::coro::TaskWithExecutor",
    .SpawnFunctions = "folly::coro::AsyncScope::add;"
                      "folly::coro::CancellableAsyncScope::add;"
                      "folly::coro::TaskWithExecutor::start",
    .BlockingWaits = "folly::coro::blockingWait;folly::SemiFuture::get;"
                     "folly::SemiFuture::wait;folly::Future::get;"
                     "folly::Future::wait",
    .AsyncMutexTypes = "folly::coro::Mutex;folly::coro::SharedMutex;"
                       "folly::coro::SharedMutexFair",
    .SpawnAdvice = "folly::coro::AsyncScope::add",
    .BlockOnAdvice = "folly::coro::blockingWait",
    .OffloadAdvice = "a folly::CPUThreadPoolExecutor with "
                     "folly::coro::co_withExecutor",
    .SleepAdvice = "co_await folly::coro::sleep",
    .JoinAdvice = "a folly::coro::Task or folly::SemiFuture",
    .MutexAdvice = "folly::coro::Mutex",
    .YieldAdvice = "co_await folly::coro::co_reschedule_on_current_executor",
    .SleepFunction = "folly::coro::sleep",
});

} // namespace
} // namespace clang::tidy::async
