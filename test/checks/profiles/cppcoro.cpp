// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %mock-flags > /dev/null
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

// The cppcoro profile: cppcoro's task, its blocking wait sync_wait, its
// async mutex, and advice in its own API.

#include <cppcoro/async_mutex.hpp>
#include <cppcoro/async_scope.hpp>
#include <cppcoro/generator.hpp>
#include <cppcoro/io_service.hpp>
#include <cppcoro/static_thread_pool.hpp>
#include <cppcoro/sync_wait.hpp>
#include <cppcoro/task.hpp>
#include <cppcoro/when_all.hpp>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

cppcoro::task<int> fetch(int id);
cppcoro::task<> refresh();

// ---- Positives -------------------------------------------------------------

cppcoro::task<> task_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to cppcoro::async_scope::spawn to run it concurrently
  co_return;
}

cppcoro::task<> task_stored_and_never_awaited() {
  auto pending = fetch(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to cppcoro::async_scope::spawn to run it concurrently
  co_return;
}

cppcoro::task<> when_all_created_and_dropped() {
  cppcoro::when_all(fetch(1), fetch(2));
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'when_all' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to cppcoro::async_scope::spawn to run it concurrently
  co_return;
}

cppcoro::task<int> sync_wait_inside_a_coroutine() {
  int value = cppcoro::sync_wait(fetch(3));
  // CHECK: :[[@LINE-1]]:15: warning: 'cppcoro::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  int value = co_await fetch(3);{{$}}
  co_return value;
}

cppcoro::task<> thread_put_to_sleep() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await io_service.schedule_after(delay) [async-blocking-call]
  co_return;
}

cppcoro::task<int> future_waited_for(std::future<int> &result) {
  co_return result.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await a cppcoro::task instead [async-blocking-call]
}

cppcoro::task<> file_opened_for_reading() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to a cppcoro::static_thread_pool (co_await pool.schedule()) [async-blocking-call]
  co_return;
}

cppcoro::task<> std_mutex_held_across_co_await(std::mutex &m) {
  std::lock_guard<std::mutex> guard(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await; release it first or use cppcoro::async_mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
}

cppcoro::task<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to a cppcoro::static_thread_pool (co_await pool.schedule()) or co_await scheduler.schedule() in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

void sync_wait_inside_a_coroutine_lambda() {
  auto body = []() -> cppcoro::task<int> { co_return cppcoro::sync_wait(fetch(4)); };
  // CHECK: :[[@LINE-1]]:54: warning: 'cppcoro::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  auto body = []() -> cppcoro::task<int> { co_return co_await fetch(4); };{{$}}
  cppcoro::sync_wait(body());
}

// ---- Negatives -------------------------------------------------------------

cppcoro::task<int> task_awaited() { co_return co_await fetch(1); }

cppcoro::task<> task_awaited_later() {
  auto pending = fetch(2);
  co_await refresh();
  co_await pending;
}

cppcoro::task<> task_spawned_into_a_scope(cppcoro::async_scope &scope) {
  scope.spawn(refresh());
  co_await scope.join();
}

cppcoro::task<> when_all_awaited() { co_await cppcoro::when_all(fetch(1), fetch(2)); }

cppcoro::task<> async_mutex_guard_held_across_co_await(cppcoro::async_mutex &m) {
  auto lock = co_await m.scoped_lock_async();
  co_await refresh();
}

cppcoro::task<> async_mutex_locked_and_unlocked(cppcoro::async_mutex &m) {
  co_await m.lock_async();
  co_await refresh();
  m.unlock();
}

cppcoro::task<> timer_awaited_instead_of_a_sleep(cppcoro::io_service &io) {
  co_await io.schedule_after(10ms);
}

cppcoro::task<> file_read_after_moving_to_the_thread_pool(cppcoro::static_thread_pool &pool) {
  co_await pool.schedule();
  std::ifstream in("config.toml");
}

cppcoro::generator<int> generator_yields_from_an_endless_loop() {
  for (int i = 0;; ++i)
    co_yield i;
}

cppcoro::task<int> task_returned_without_being_a_coroutine() { return fetch(6); }

cppcoro::task<> tasks_spawned_in_a_loop(cppcoro::async_scope &scope) {
  for (long i = 0; i < 100000000; ++i)
    scope.spawn(refresh());
  co_await scope.join();
}

int sync_wait_outside_coroutines() { return cppcoro::sync_wait(fetch(5)); }

// cppcoro's idiom: a coroutine of its own runs the event loop, on the thread
// that sync_wait blocks anyway, while the other awaitable does the work.
void event_loop_run_by_a_coroutine_under_sync_wait(cppcoro::io_service &io) {
  cppcoro::sync_wait(cppcoro::when_all_ready(refresh(), [&]() -> cppcoro::task<> {
    io.process_events();
    co_return;
  }()));
}
