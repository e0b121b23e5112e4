// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// The libcoro profile (jbaldwin/libcoro): coro::task, its blocking waits
// (sync_wait, a scheduler's process_events), coro::mutex and the semaphore,
// the thread pool as the place for blocking work, and advice in its own API.

#include <coro/coro.hpp>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

coro::task<int> fetch(int id);
coro::task<> refresh();

// ---- Positives -------------------------------------------------------------

coro::task<> task_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to coro::thread_pool::spawn_joinable to run it concurrently
  co_return;
}

coro::task<> task_stored_and_never_awaited() {
  auto pending = fetch(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to coro::thread_pool::spawn_joinable to run it concurrently
  co_return;
}

coro::task<> when_any_created_and_dropped() {
  coro::when_any(fetch(1), fetch(2));
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'when_any' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to coro::thread_pool::spawn_joinable to run it concurrently
  co_return;
}

coro::task<int> sync_wait_inside_a_coroutine() {
  int value = coro::sync_wait(fetch(3));
  // CHECK: :[[@LINE-1]]:15: warning: 'coro::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  co_return value;
}

coro::task<> scheduler_events_processed_inside_a_coroutine(coro::scheduler &s) {
  s.process_events();
  // CHECK: :[[@LINE-1]]:3: warning: 'coro::scheduler::process_events' blocks the worker thread inside a coroutine; co_await the task instead; scheduler::process_events inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

coro::task<> thread_put_to_sleep(coro::scheduler &s) {
  co_await s.schedule();
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await scheduler->yield_for(delay) [async-blocking-call]
}

coro::task<int> future_waited_for(std::future<int> &result) {
  co_return result.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await a coro::task instead [async-blocking-call]
}

coro::task<> file_opened_for_writing() {
  std::ofstream out("log.txt");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ofstream' blocks the worker thread inside a coroutine; move it to a coro::thread_pool (co_await pool->schedule()) [async-blocking-call]
  co_return;
}

coro::task<> std_mutex_held_across_co_await(std::mutex &m) {
  std::unique_lock<std::mutex> lock(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await; release it first or use coro::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

coro::task<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to a coro::thread_pool (co_await pool->schedule()) or co_await executor->yield() in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

void sync_wait_inside_a_coroutine_lambda() {
  auto body = []() -> coro::task<int> { co_return coro::sync_wait(fetch(4)); };
  // CHECK: :[[@LINE-1]]:51: warning: 'coro::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  coro::sync_wait(body());
}

// ---- Negatives -------------------------------------------------------------

coro::task<int> task_awaited() { co_return co_await fetch(1); }

coro::task<> task_spawned_detached(coro::thread_pool &pool) {
  pool.spawn_detached(refresh());
  co_return;
}

coro::task<> task_spawned_joinable_and_awaited(coro::thread_pool &pool) {
  co_await pool.spawn_joinable(refresh());
}

coro::task<> task_started_in_a_task_group(coro::task_group<coro::thread_pool> &group) {
  group.start(refresh());
  co_await group;
}

coro::task<> when_all_of_a_vector_awaited(std::vector<coro::task<int>> tasks) {
  co_await coro::when_all(std::move(tasks));
}

coro::task<> scoped_lock_held_across_co_await(coro::mutex &m) {
  auto lock = co_await m.scoped_lock();
  co_await refresh();
}

coro::task<> semaphore_acquired_across_co_await(coro::semaphore<2> &sem) {
  co_await sem.acquire();
  co_await refresh();
  co_await sem.release();
}

coro::task<> scheduler_yield_for_instead_of_a_sleep(coro::scheduler &s) {
  co_await s.yield_for(10ms);
}

coro::task<> file_written_after_moving_to_the_thread_pool(coro::thread_pool &pool) {
  co_await pool.schedule();
  std::ofstream out("log.txt");
}

coro::task<long> loop_yields_to_the_pool(coro::thread_pool &pool) {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
    sum += i;
    if (i % 1000 == 0)
      co_await pool.yield();
  }
  co_return sum;
}

coro::task<> tasks_spawned_in_a_loop(coro::thread_pool &pool) {
  for (long i = 0; i < 100000000; ++i)
    pool.spawn_detached(refresh());
  co_return;
}

int sync_wait_outside_coroutines() { return coro::sync_wait(fetch(5)); }
