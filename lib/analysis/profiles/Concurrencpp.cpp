//===--- Concurrencpp.cpp - The profile of concurrencpp -------------------===//
//
// concurrencpp (David-Haim/concurrencpp, include/concurrencpp/): the eager
// result and the lazy lazy_result (both get their promise through
// std::coroutine_traits), the blocking get() and waits of result and
// shared_result and of a manual_executor, the executors' post and submit,
// async_lock, and the runtime's background_executor and thread_executor,
// the places for blocking work: a closure posted or submitted to one, the
// rest of a coroutine after `co_await concurrencpp::resume_on(...)` one, or
// a coroutine started on one through its executor_tag parameters. The
// background executor's type is that of the CPU pool, thread_pool_executor,
// so on any thread pool the coroutine may block: the call says where it
// wants to run, and a missed warning costs less than a false one.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Concurrencpp(RuntimeProfile{
    .Name = "concurrencpp",
    .Namespaces = "concurrencpp",
    .TaskTypes = "concurrencpp::lazy_result",
    .SpawnFunctions =
        "concurrencpp::executor::post;concurrencpp::executor::submit;"
        "concurrencpp::executor::bulk_post;concurrencpp::executor::bulk_submit;"
        "concurrencpp::derivable_executor::post;"
        "concurrencpp::derivable_executor::submit;"
        "concurrencpp::derivable_executor::bulk_post;"
        "concurrencpp::derivable_executor::bulk_submit;"
        "concurrencpp::lazy_result::run",
    .OffloadFunctions =
        "concurrencpp::executor::post(concurrencpp::runtime::background_executor);"
        "concurrencpp::executor::submit(concurrencpp::runtime::background_executor);"
        "concurrencpp::derivable_executor::post(concurrencpp::runtime::background_executor);"
        "concurrencpp::derivable_executor::submit(concurrencpp::runtime::background_executor);"
        "concurrencpp::executor::post(concurrencpp::thread_executor);"
        "concurrencpp::executor::submit(concurrencpp::thread_executor);"
        "concurrencpp::derivable_executor::post(concurrencpp::thread_executor);"
        "concurrencpp::derivable_executor::submit(concurrencpp::thread_executor)",
    .OffloadAwaits = "concurrencpp::resume_on(concurrencpp::thread_pool_executor);"
                     "concurrencpp::resume_on(concurrencpp::thread_executor)",
    .OffloadParameters =
        "concurrencpp::executor_tag(concurrencpp::thread_pool_executor);"
        "concurrencpp::executor_tag(concurrencpp::thread_executor)",
    .BlockingWaits =
        "concurrencpp::result::get;concurrencpp::result::wait;"
        "concurrencpp::result::wait_for;concurrencpp::result::wait_until;"
        "concurrencpp::shared_result::get;concurrencpp::shared_result::wait;"
        "concurrencpp::shared_result::wait_for;"
        "concurrencpp::shared_result::wait_until;"
        "concurrencpp::manual_executor::wait_for_task;"
        "concurrencpp::manual_executor::wait_for_tasks",
    .AsyncMutexTypes = "concurrencpp::async_lock;concurrencpp::scoped_async_lock",
    .SpawnAdvice = "concurrencpp::when_all",
    .BlockOnAdvice = "lazy_result::run().get()",
    .OffloadAdvice = "the runtime's background_executor",
    .SleepAdvice = "co_await timer_queue->make_delay_object(delay, executor)",
    .JoinAdvice = "a concurrencpp::result",
    .MutexAdvice = "concurrencpp::async_lock",
    .YieldAdvice = "co_await concurrencpp::resume_on(executor)",
});

} // namespace
} // namespace clang::tidy::async
