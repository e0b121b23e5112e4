// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// The corral profile (hudson-trading/corral): corral::Task, a nested
// corral::run, nurseries, the Semaphore, ThreadPool::run as the place for
// blocking work, and advice in its own API.

#include <corral/ThreadPool.h>
#include <corral/asio.h>
#include <corral/corral.h>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

struct EventLoop {};

corral::Task<int> fetch(int id);
corral::Task<> refresh();

// ---- Positives -------------------------------------------------------------

corral::Task<> task_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to a nursery's start() to run it concurrently
  co_return;
}

corral::Task<> task_stored_and_never_awaited() {
  auto pending = fetch(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to a nursery's start() to run it concurrently
  co_return;
}

corral::Task<int> run_nested_inside_a_coroutine(EventLoop &loop) {
  int value = corral::run(loop, fetch(3));
  // CHECK: :[[@LINE-1]]:15: warning: 'corral::run' blocks the worker thread inside a coroutine; co_await the task instead; run inside the runtime can deadlock it [async-blocking-call]
  co_return value;
}

corral::Task<> thread_put_to_sleep() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await corral::sleepFor(io, delay) [async-blocking-call]
  co_return;
}

corral::Task<int> future_waited_for(std::future<int> &result) {
  co_return result.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await corral::ThreadPool::run instead [async-blocking-call]
}

corral::Task<> file_opened_for_reading() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to corral::ThreadPool::run [async-blocking-call]
  co_return;
}

corral::Task<> std_mutex_held_across_co_await(std::mutex &m) {
  std::lock_guard<std::mutex> guard(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await; release it first or use corral::Semaphore [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
}

corral::Task<> std_mutex_held_across_a_combiner(std::mutex &m) {
  std::unique_lock<std::mutex> lock(m);
  co_await corral::allOf(fetch(1), refresh());
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await; release it first or use corral::Semaphore [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

corral::Task<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to corral::ThreadPool::run or co_await corral::yield in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

corral::Task<> file_read_in_a_coroutine_lambda_started_in_a_nursery(corral::Nursery &n) {
  n.start([]() -> corral::Task<> {
    std::ifstream in("config.toml");
    // CHECK: :[[@LINE-1]]:19: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to corral::ThreadPool::run [async-blocking-call]
    co_return;
  });
  co_return;
}

void run_nested_inside_a_coroutine_lambda(EventLoop &loop) {
  auto body = [&]() -> corral::Task<int> { co_return corral::run(loop, fetch(4)); };
  // CHECK: :[[@LINE-1]]:54: warning: 'corral::run' blocks the worker thread inside a coroutine; co_await the task instead; run inside the runtime can deadlock it [async-blocking-call]
  corral::run(loop, body());
}

// ---- Negatives -------------------------------------------------------------

corral::Task<int> task_awaited() { co_return co_await fetch(1); }

corral::Task<> task_started_in_a_nursery(corral::Nursery &n) {
  n.start(refresh());
  co_return;
}

corral::Task<> nursery_opened_and_awaited(corral::Nursery *&n) {
  co_await corral::openNursery(n);
}

corral::Task<> tasks_raced_with_any_of(boost::asio::io_context &io) {
  co_await corral::anyOf(refresh(), corral::sleepFor(io, 3s));
}

corral::Task<> semaphore_lock_held_across_co_await(corral::Semaphore &sem) {
  auto lock = co_await sem.lock();
  co_await refresh();
}

corral::Task<> sleep_for_instead_of_a_sleep(boost::asio::io_context &io) {
  co_await corral::sleepFor(io, 10ms);
}

corral::Task<> sleep_run_on_the_thread_pool(corral::ThreadPool &pool) {
  co_await pool.run([] { std::this_thread::sleep_for(10ms); });
}

corral::Task<> task_awaited_later() {
  auto pending = fetch(2);
  co_await refresh();
  co_await pending;
}

corral::Task<long> loop_yields_each_iteration() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
    sum += i;
    co_await corral::yield;
  }
  co_return sum;
}

int run_outside_coroutines(EventLoop &loop) { return corral::run(loop, fetch(5)); }
