//===--- Cppcoro.cpp - The profile of cppcoro -----------------------------===//
//
// cppcoro (lewissbaker/cppcoro and its C++20 forks, include/cppcoro/): the
// lazy task and shared_task, sync_wait, async_scope, async_mutex, and the
// static_thread_pool that CPU-bound and blocking work moves to with
// `co_await pool.schedule()`. io_service::process_events is not a blocking
// wait here: cppcoro's own idiom runs it in a coroutine of its own,
// sync_wait(when_all_ready(work(), [&]() -> task<> { io.process_events();
// co_return; }())), on the thread that sync_wait blocks anyway.
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
    .BlockingWaits = "cppcoro::sync_wait",
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
