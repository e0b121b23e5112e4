//===--- Stdexec.cpp - The profile of stdexec -----------------------------===//
//
// stdexec (NVIDIA/stdexec, the reference implementation of std::execution):
// stdexec::task and exec::task (declared in experimental::execution, which
// exec names, since 2025), sync_wait and run_loop::run, async_scope's spawns
// and stdexec::spawn, and exec::static_thread_pool, the pool that CPU-bound
// work starts on. Its algorithms are function objects: BlockingWaits name
// them by the object (`stdexec::sync_wait`), SpawnFunctions by the function
// called, the object type's operator().
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Stdexec(RuntimeProfile{
    .Name = "stdexec",
    .Namespaces = "stdexec;exec;experimental::execution",
    .TaskTypes = "stdexec::task;exec::__task::basic_task;"
                 "experimental::execution::__task::basic_task",
    .SpawnFunctions =
        "exec::__scope::async_scope::spawn;"
        "exec::__scope::async_scope::spawn_future;"
        "experimental::execution::__scope::async_scope::spawn;"
        "experimental::execution::__scope::async_scope::spawn_future;"
        "stdexec::spawn_t::operator();stdexec::spawn_future_t::operator();"
        "exec::start_detached_t::operator();"
        "experimental::execution::start_detached_t::operator()",
    .BlockingWaits = "stdexec::sync_wait;stdexec::sync_wait_with_variant;"
                     "stdexec::run_loop::run",
    .SpawnAdvice = "exec::async_scope::spawn",
    .BlockOnAdvice = "stdexec::sync_wait",
    .OffloadAdvice = "an exec::static_thread_pool with stdexec::starts_on",
    .SleepAdvice = "co_await exec::schedule_after(scheduler, delay)",
    .JoinAdvice = "a sender",
    .MutexAdvice = "an async mutex",
    .YieldAdvice = "co_await exec::reschedule()",
});

} // namespace
} // namespace clang::tidy::async
