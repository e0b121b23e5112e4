// RUN: not %async-lint --system-headers %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// Where concurrencpp runs a coroutine. One started through its executor_tag
// parameters on a thread_executor (a thread of its own) or a thread pool
// (the background executor's type) may block; one started on any other
// executor may not. The library's own submit_bridge coroutine, which runs
// the closure given to submit(), is never blamed for what the closure does:
// the caller chose the executor. (--system-headers: the mock is a system
// header, as an installed concurrencpp is; a vendored copy is not, and its
// bridge was reported.)

#include <concurrencpp/concurrencpp.h>
#include <fstream>
#include <thread>

using namespace std::chrono_literals;
using concurrencpp::executor_tag;
using concurrencpp::result;

// ---- Positives -------------------------------------------------------------

result<void> sleep_on_a_worker_thread_executor(
    executor_tag, std::shared_ptr<concurrencpp::worker_thread_executor> ex) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  co_return;
}

result<void> sleep_on_a_manual_executor(executor_tag, concurrencpp::manual_executor *ex) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  co_return;
}

result<void> file_read_on_an_inline_executor(executor_tag, concurrencpp::inline_executor &ex) {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to the runtime's background_executor [async-blocking-call]
  co_return;
}

result<void> sleep_on_an_executor_of_unknown_kind(executor_tag,
                                                  std::shared_ptr<concurrencpp::executor> ex) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  co_return;
}

result<void> thread_executor_passed_without_the_tag(std::shared_ptr<concurrencpp::thread_executor> ex) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  co_return;
}

result<long> heavy_loop_on_a_worker_thread_executor(
    executor_tag, std::shared_ptr<concurrencpp::worker_thread_executor> ex) {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i)
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to the runtime's background_executor or co_await concurrencpp::resume_on(executor) in its body [async-heavy-loop]
    sum += i;
  co_return sum;
}

// A bridge of the user's own is the user's code: what it runs is reported.
template <class F> result<void> run_here(F callable) {
  callable();
  // CHECK: :[[@LINE-1]]:3: warning: 'callable' blocks the worker thread inside a coroutine; call it through the runtime's background_executor [async-blocking-call]
  co_return;
}

void users_own_bridge_runs_a_blocking_closure() {
  run_here([] { std::this_thread::sleep_for(10ms); });
  // CHECK: :[[@LINE-1]]:17: note: 'std::this_thread::sleep_for' blocks here
}

template <class F> result<void> run_heavy_here(F callable) {
  callable();
  // CHECK: :[[@LINE-1]]:3: warning: 'callable' runs a heavy loop without suspending; call it through the runtime's background_executor [async-heavy-loop]
  co_return;
}

void users_own_bridge_runs_a_heavy_closure() {
  run_heavy_here([] {
    long sum = 0;
    for (long i = 0; i < 100000000; ++i)
    // CHECK: :[[@LINE-1]]:5: note: loop runs 100000000 iterations without suspending
      sum += i;
    return sum;
  });
}

// The runtime's own coroutines are still checked in their own code.
namespace concurrencpp::tests {
template <class F> result<void> sleep_then_run(F callable) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  callable();
  co_return;
}
} // namespace concurrencpp::tests

void runtime_coroutine_sleeping_in_its_own_code() {
  concurrencpp::tests::sleep_then_run([] { std::this_thread::sleep_for(10ms); });
}

// ---- Negatives -------------------------------------------------------------

result<void> sleep_on_a_thread_executor(executor_tag,
                                        std::shared_ptr<concurrencpp::thread_executor> ex) {
  std::this_thread::sleep_for(10ms);
  co_return;
}

result<void> file_read_on_a_thread_executor_by_pointer(executor_tag,
                                                       concurrencpp::thread_executor *ex) {
  std::ifstream in("config.toml");
  co_return;
}

result<void> file_read_on_a_thread_executor_by_reference(executor_tag,
                                                         concurrencpp::thread_executor &ex) {
  std::ifstream in("config.toml");
  co_return;
}

result<void> file_read_on_the_background_executor(
    executor_tag, std::shared_ptr<concurrencpp::thread_pool_executor> background) {
  std::ifstream in("config.toml");
  co_return;
}

result<long> heavy_loop_on_a_thread_pool(executor_tag,
                                         std::shared_ptr<concurrencpp::thread_pool_executor> pool) {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i)
    sum += i;
  co_return sum;
}

void coroutine_lambda_started_on_a_thread_executor(concurrencpp::runtime &rt) {
  auto body = [](executor_tag, std::shared_ptr<concurrencpp::thread_executor> ex) -> result<void> {
    std::this_thread::sleep_for(10ms);
    co_return;
  };
  body({}, rt.thread_executor()).get();
}

void blocking_closure_submitted_to_a_worker_thread_executor(concurrencpp::runtime &rt) {
  rt.make_worker_thread_executor()->submit([] { std::this_thread::sleep_for(10ms); }).get();
}

void blocking_closure_submitted_to_an_inline_executor(concurrencpp::runtime &rt) {
  rt.inline_executor()->submit([] {
    std::ifstream in("config.toml");
    return 0;
  });
}

void heavy_closure_submitted_to_a_manual_executor(concurrencpp::runtime &rt) {
  rt.make_manual_executor()->submit([] {
    long sum = 0;
    for (long i = 0; i < 100000000; ++i)
      sum += i;
    return sum;
  });
}

result<int> blocking_closure_submitted_from_a_coroutine(concurrencpp::runtime &rt) {
  co_return co_await rt.make_worker_thread_executor()->submit([] {
    std::this_thread::sleep_for(10ms);
    return 1;
  });
}
