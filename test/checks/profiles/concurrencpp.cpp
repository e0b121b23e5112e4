// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %mock-flags > /dev/null
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

// The concurrencpp profile: lazy_result (whose promise comes through a
// std::coroutine_traits specialisation), the blocking waits of result, its
// async_lock, the background and thread executors as places for blocking
// work, and advice in its own API.

#include <concurrencpp/concurrencpp.h>
#include <fstream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

concurrencpp::lazy_result<int> fetch(int id);
concurrencpp::lazy_result<void> refresh();
concurrencpp::result<int> compute(int id);

// ---- Positives -------------------------------------------------------------

concurrencpp::lazy_result<void> lazy_result_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to concurrencpp::when_all to run it concurrently
  co_return;
}

concurrencpp::result<void> lazy_result_stored_and_never_awaited() {
  auto pending = fetch(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to concurrencpp::when_all to run it concurrently
  co_return;
}

concurrencpp::result<int> result_get_inside_a_coroutine() {
  co_return compute(3).get();
  // CHECK: :[[@LINE-1]]:13: warning: 'concurrencpp::result::get' blocks the worker thread inside a coroutine; co_await the task instead; result::get inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_return compute(3).get();{{$}}
}

concurrencpp::result<void> result_waited_for_inside_a_coroutine(concurrencpp::result<int> &r) {
  r.wait();
  // CHECK: :[[@LINE-1]]:3: warning: 'concurrencpp::result::wait' blocks the worker thread inside a coroutine; co_await the task instead; result::wait inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

concurrencpp::lazy_result<void> result_waited_for_with_a_timeout(concurrencpp::result<int> &r) {
  r.wait_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'concurrencpp::result::wait_for' blocks the worker thread inside a coroutine; co_await the task instead; result::wait_for inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  r.wait_for(10ms);{{$}}
  co_return;
}

concurrencpp::result<void> thread_put_to_sleep() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await timer_queue->make_delay_object(delay, executor) [async-blocking-call]
  co_return;
}

concurrencpp::result<void> file_opened_for_reading() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to the runtime's background_executor [async-blocking-call]
  co_return;
}

concurrencpp::result<void> std_mutex_held_across_co_await(std::mutex &m) {
  std::lock_guard<std::mutex> guard(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await; release it first or use concurrencpp::async_lock [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
}

concurrencpp::result<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to the runtime's background_executor or co_await concurrencpp::resume_on(executor) in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

concurrencpp::result<void> manual_executor_waited_for(concurrencpp::manual_executor &ex) {
  ex.wait_for_task();
  // CHECK: :[[@LINE-1]]:3: warning: 'concurrencpp::manual_executor::wait_for_task' blocks the worker thread inside a coroutine; co_await the task instead; manual_executor::wait_for_task inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  ex.wait_for_task();{{$}}
  co_return;
}

void result_get_inside_a_coroutine_lambda() {
  auto body = []() -> concurrencpp::result<int> { co_return compute(4).get(); };
  // CHECK: :[[@LINE-1]]:61: warning: 'concurrencpp::result::get' blocks the worker thread inside a coroutine; co_await the task instead; result::get inside the runtime can deadlock it [async-blocking-call]
  body().get();
}

// ---- Negatives -------------------------------------------------------------

concurrencpp::result<int> lazy_result_awaited() { co_return co_await fetch(1); }

concurrencpp::result<int> result_awaited() { co_return co_await compute(2); }

concurrencpp::result<void> eager_result_dropped() {
  compute(3);
  co_return;
}

concurrencpp::result<void> lazy_result_run_eagerly() {
  fetch(4).run();
  co_return;
}

concurrencpp::result<void> when_all_awaited(concurrencpp::runtime &rt) {
  co_await concurrencpp::when_all(rt.thread_pool_executor(), fetch(1), fetch(2));
}

concurrencpp::result<void> async_lock_guard_held_across_co_await(concurrencpp::async_lock &lock,
                                                                  concurrencpp::runtime &rt) {
  auto guard = co_await lock.lock(rt.thread_pool_executor());
  co_await refresh();
}

concurrencpp::result<void> delay_object_instead_of_a_sleep(concurrencpp::runtime &rt) {
  co_await rt.timer_queue()->make_delay_object(10ms, rt.thread_pool_executor());
}

concurrencpp::result<void> file_read_after_resuming_on_the_background_executor(concurrencpp::runtime &rt) {
  co_await concurrencpp::resume_on(rt.background_executor());
  std::ifstream in("config.toml");
}

concurrencpp::result<void> sleep_submitted_to_the_thread_executor(concurrencpp::runtime &rt) {
  co_await rt.thread_executor()->submit([] {
    std::this_thread::sleep_for(10ms);
    return 0;
  });
}

concurrencpp::result<void> file_read_posted_to_the_background_executor(concurrencpp::runtime &rt) {
  rt.background_executor()->post([]() -> concurrencpp::result<void> {
    std::ifstream in("config.toml");
    co_return;
  });
  co_return;
}

int result_get_outside_coroutines() { return compute(5).get(); }
