// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %mock-flags > /dev/null
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

// The folly::coro profile: folly::coro::Task, blockingWait and the blocking
// gets of folly's futures, folly::coro::Mutex, and advice in its own API.

#include <folly/coro/AsyncScope.h>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Collect.h>
#include <folly/coro/Mutex.h>
#include <folly/coro/Sleep.h>
#include <folly/coro/Task.h>
#include <folly/executors/CPUThreadPoolExecutor.h>
#include <fstream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

folly::coro::Task<int> fetch(int id);
folly::coro::Task<> refresh();

// ---- Positives -------------------------------------------------------------

folly::coro::Task<> task_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to folly::coro::AsyncScope::add to run it concurrently
  co_return;
}

folly::coro::Task<> task_stored_and_never_awaited() {
  auto pending = fetch(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to folly::coro::AsyncScope::add to run it concurrently
  co_return;
}

folly::coro::Task<> collect_all_created_and_dropped() {
  folly::coro::collectAll(fetch(1), refresh());
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'collectAll' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to folly::coro::AsyncScope::add to run it concurrently
  co_return;
}

folly::coro::Task<int> blocking_wait_inside_a_coroutine() {
  int value = folly::coro::blockingWait(fetch(3));
  // CHECK: :[[@LINE-1]]:15: warning: 'folly::coro::blockingWait' blocks the worker thread inside a coroutine; co_await the task instead; blockingWait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  int value = co_await fetch(3);{{$}}
  co_return value;
}

folly::coro::Task<int> semi_future_get_inside_a_coroutine() {
  co_return fetch(4).semi().get();
  // CHECK: :[[@LINE-1]]:13: warning: 'folly::SemiFuture::get' blocks the worker thread inside a coroutine; co_await the task instead; SemiFuture::get inside the runtime can deadlock it [async-blocking-call]
}

folly::coro::Task<> thread_put_to_sleep() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await folly::coro::sleep [async-blocking-call]
  // FIXED: {{^}}  co_await folly::coro::sleep(10ms);{{$}}
  co_return;
}

folly::coro::Task<> file_opened_for_reading() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to a folly::CPUThreadPoolExecutor with folly::coro::co_withExecutor [async-blocking-call]
  co_return;
}

folly::coro::Task<> std_mutex_held_across_co_await(std::mutex &m) {
  std::lock_guard<std::mutex> guard(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await; release it first or use folly::coro::Mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
}

folly::coro::Task<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to a folly::CPUThreadPoolExecutor with folly::coro::co_withExecutor or co_await folly::coro::co_reschedule_on_current_executor in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

void blocking_wait_inside_a_coroutine_lambda() {
  auto body = []() -> folly::coro::Task<int> { co_return folly::coro::blockingWait(fetch(5)); };
  // CHECK: :[[@LINE-1]]:58: warning: 'folly::coro::blockingWait' blocks the worker thread inside a coroutine; co_await the task instead; blockingWait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  auto body = []() -> folly::coro::Task<int> { co_return co_await fetch(5); };{{$}}
  folly::coro::blockingWait(body());
}

// ---- Negatives -------------------------------------------------------------

folly::coro::Task<int> task_awaited() { co_return co_await fetch(1); }

folly::coro::Task<> task_awaited_later() {
  auto pending = fetch(2);
  co_await refresh();
  co_await std::move(pending);
}

folly::coro::Task<> task_added_to_a_scope(folly::coro::AsyncScope &scope) {
  scope.add(folly::coro::co_withExecutor(folly::getGlobalCPUExecutor(), refresh()));
  co_await scope.joinAsync();
}

folly::coro::Task<> task_bound_to_an_executor_and_awaited(folly::CPUThreadPoolExecutor &pool) {
  co_await folly::coro::co_withExecutor(&pool, refresh());
}

folly::coro::Task<> collect_all_awaited() { co_await folly::coro::collectAll(fetch(1), refresh()); }

folly::coro::Task<> mutex_locked_and_unlocked(folly::coro::Mutex &m) {
  co_await m.co_lock();
  co_await refresh();
  m.unlock();
}

// co_scoped_lock() gives a std::unique_lock over the async mutex: a guard
// of an async mutex, made to be held across suspensions.
folly::coro::Task<> scoped_lock_of_the_async_mutex_held_across_await(folly::coro::Mutex &m) {
  auto lock = co_await m.co_scoped_lock();
  co_await refresh();
}

folly::coro::Task<> unique_lock_of_the_async_mutex_held_across_await(folly::coro::Mutex &m) {
  co_await m.co_lock();
  std::unique_lock<folly::coro::Mutex> lock(m, std::adopt_lock);
  co_await refresh();
}

folly::coro::Task<> coro_sleep_instead_of_a_sleep() { co_await folly::coro::sleep(10ms); }

folly::coro::Task<long> loop_reschedules_each_iteration() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
    sum += i;
    co_await folly::coro::co_reschedule_on_current_executor;
  }
  co_return sum;
}

folly::coro::Task<> tasks_added_in_a_loop(folly::coro::AsyncScope &scope) {
  for (long i = 0; i < 100000000; ++i)
    scope.add(folly::coro::co_withExecutor(folly::getGlobalCPUExecutor(), refresh()));
  co_await scope.joinAsync();
}

int blocking_wait_outside_coroutines() { return folly::coro::blockingWait(fetch(6)); }
