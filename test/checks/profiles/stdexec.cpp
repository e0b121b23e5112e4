// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %mock-flags > /dev/null
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

// The stdexec profile (NVIDIA/stdexec): stdexec::task and exec::task,
// sync_wait and run_loop::run as blocking waits, async_scope's spawns, a
// static_thread_pool as the place for heavy work, and advice in its API.
// stdexec's algorithms are function objects, so calls of them are calls of
// an operator().

#include <exec/async_scope.hpp>
#include <exec/static_thread_pool.hpp>
#include <exec/task.hpp>
#include <fstream>
#include <mutex>
#include <stdexec/execution.hpp>
#include <thread>

using namespace std::chrono_literals;

exec::task<int> fetch(int id);
exec::task<void> refresh();
stdexec::task<int> compute(int id);

// ---- Positives -------------------------------------------------------------

exec::task<void> task_created_and_dropped() {
  fetch(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to exec::async_scope::spawn to run it concurrently
  co_return;
}

stdexec::task<void> std_task_stored_and_never_awaited() {
  auto pending = compute(2);
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to exec::async_scope::spawn to run it concurrently
  co_return;
}

exec::task<void> sync_wait_inside_a_coroutine() {
  stdexec::sync_wait(stdexec::just(3));
  // CHECK: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_await stdexec::just(3);{{$}}
  co_return;
}

exec::task<void> run_loop_run_inside_a_coroutine(stdexec::run_loop &loop) {
  loop.run();
  // CHECK: :[[@LINE-1]]:3: warning: 'stdexec::run_loop::run' blocks the worker thread inside a coroutine; co_await the task instead; run_loop::run inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

stdexec::task<void> thread_put_to_sleep() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await exec::schedule_after(scheduler, delay) [async-blocking-call]
  co_return;
}

exec::task<void> file_opened_for_reading() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to an exec::static_thread_pool with stdexec::starts_on [async-blocking-call]
  co_return;
}

exec::task<void> std_mutex_held_across_co_await(std::mutex &m) {
  std::lock_guard<std::mutex> guard(m);
  co_await refresh();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await; release it first or use an async mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
}

stdexec::task<void> std_mutex_held_across_a_sender(std::mutex &m) {
  std::unique_lock<std::mutex> lock(m);
  co_await stdexec::just();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await; release it first or use an async mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

exec::task<long> loop_without_suspending() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000000 iterations without suspending; move it to an exec::static_thread_pool with stdexec::starts_on or co_await exec::reschedule() in its body [async-heavy-loop]
    sum += i;
  }
  co_return sum;
}

void sync_wait_inside_a_coroutine_lambda() {
  auto body = []() -> exec::task<void> {
    stdexec::sync_wait(stdexec::just(4));
    // CHECK: :[[@LINE-1]]:5: warning: 'stdexec::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
    // FIXED: {{^}}    co_await stdexec::just(4);{{$}}
    co_return;
  };
  stdexec::sync_wait(body());
}

// ---- Negatives -------------------------------------------------------------

exec::task<int> task_awaited() { co_return co_await fetch(1); }

exec::task<void> task_awaited_later() {
  auto pending = fetch(2);
  co_await refresh();
  co_await std::move(pending);
}

exec::task<void> task_spawned_into_a_scope(exec::async_scope &scope) {
  scope.spawn(refresh());
  co_await scope.on_empty();
}

exec::task<void> tasks_awaited_with_when_all() { co_await stdexec::when_all(fetch(1), refresh()); }

exec::task<void> sender_started_on_a_thread_pool(exec::static_thread_pool &pool) {
  co_await stdexec::starts_on(pool.get_scheduler(), stdexec::just(5));
}

exec::task<void> sender_continued_on_a_thread_pool(exec::static_thread_pool &pool) {
  co_await stdexec::continues_on(stdexec::just(6), pool.get_scheduler());
}

exec::task<void> rescheduled_instead_of_a_busy_wait() { co_await exec::reschedule(); }

exec::task<long> loop_reschedules_each_iteration() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i) {
    sum += i;
    co_await exec::reschedule();
  }
  co_return sum;
}

exec::task<void> blocking_work_in_a_then_on_a_thread_pool(exec::static_thread_pool &pool) {
  co_await stdexec::then(stdexec::schedule(pool.get_scheduler()), [] {
    std::ifstream in("config.toml");
    return 0;
  });
}

exec::task<void> tasks_spawned_in_a_loop(exec::async_scope &scope) {
  for (long i = 0; i < 100000000; ++i)
    scope.spawn(refresh());
  co_await scope.on_empty();
}

int sync_wait_outside_coroutines() {
  stdexec::sync_wait(fetch(7));
  return 0;
}
