//===--- Libcoro.cpp - The profile of libcoro -----------------------------===//
//
// libcoro (jbaldwin/libcoro, include/coro/): the lazy coro::task, sync_wait
// and a manually driven scheduler's process_events, the spawns of the
// thread pool and scheduler (and of task_group; io_scheduler and
// task_container in releases before 0.15), coro::mutex, shared_mutex and
// semaphore, the thread_pool, which CPU-bound and blocking work moves to
// with `co_await pool->schedule()`, and the networking classes, which make
// every socket they hold non-blocking (blocking_t::no) and await its
// readiness: a descriptor call on one of their sockets does not block.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Libcoro(RuntimeProfile{
    .Name = "libcoro",
    .Namespaces = "coro",
    .TaskTypes = "coro::task",
    .SpawnFunctions = "coro::thread_pool::spawn_detached;"
                      "coro::thread_pool::spawn_joinable;"
                      "coro::scheduler::spawn_detached;"
                      "coro::scheduler::spawn_joinable;coro::task_group::start;"
                      "coro::thread_pool::spawn;coro::io_scheduler::spawn;"
                      "coro::task_container::start",
    .OffloadAwaits = "coro::thread_pool::schedule",
    .BlockingWaits = "coro::sync_wait;coro::scheduler::process_events;"
                     "coro::io_scheduler::process_events",
    .NonBlockingTypes = "coro::net::tcp::client;coro::net::tcp::server;"
                        "coro::net::tls::client;coro::net::tls::server;"
                        "coro::net::udp::peer",
    .AsyncMutexTypes = "coro::mutex;coro::scoped_lock;coro::shared_mutex;"
                       "coro::semaphore",
    .SpawnAdvice = "coro::thread_pool::spawn_joinable",
    .BlockOnAdvice = "coro::sync_wait",
    .OffloadAdvice = "a coro::thread_pool (co_await pool->schedule())",
    .SleepAdvice = "co_await scheduler->yield_for(delay)",
    .JoinAdvice = "a coro::task",
    .MutexAdvice = "coro::mutex",
    .YieldAdvice = "co_await executor->yield()",
});

} // namespace
} // namespace clang::tidy::async
