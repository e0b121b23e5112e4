//===--- Cppcoro.cpp - The profile of cppcoro -----------------------------===//
//
// cppcoro (lewissbaker/cppcoro and its C++20 forks, include/cppcoro/): the
// lazy task and shared_task, sync_wait and the io_service's event loop,
// async_scope, async_mutex, and the static_thread_pool that CPU-bound and
// blocking work moves to with `co_await pool.schedule()`.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Cppcoro(RuntimeProfile{
    .Name = "cppcoro",
    .Namespaces = "cppcoro",
    .TaskTypes = "cppcoro::task;cppcoro::shared_task",
    .SpawnFunctions = "cppcoro::async_scope::spawn",
    .OffloadAwaits = "cppcoro::static_thread_pool::schedule",
    .BlockingWaits = "cppcoro::sync_wait;cppcoro::io_service::process_events;"
                     "cppcoro::io_service::process_one_event",
    .AsyncMutexTypes = "cppcoro::async_mutex;cppcoro::async_mutex_lock",
    .SpawnAdvice = "cppcoro::async_scope::spawn",
    .BlockOnAdvice = "cppcoro::sync_wait",
    .OffloadAdvice = "a cppcoro::static_thread_pool (co_await pool.schedule())",
    .SleepAdvice = "co_await io_service.schedule_after(delay)",
    .JoinAdvice = "a cppcoro::task",
    .MutexAdvice = "cppcoro::async_mutex",
    .YieldAdvice = "co_await scheduler.schedule()",
});

} // namespace
} // namespace clang::tidy::async
