// The cobalt profile on Boost.Cobalt's API shapes (test/Inputs/mock/cobalt).
// RUN: not %async-lint --checks='-*,async-*' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-*' %s -- %mock-flags 2>&1 | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <cobalt/cobalt.hpp>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

namespace asio = boost::asio;
namespace cobalt = boost::cobalt;
using namespace std::chrono_literals;

cobalt::task<int> fetch();
cobalt::promise<int> start();
std::mutex state_mutex;
long total;

// ---- Positives -------------------------------------------------------------

cobalt::task<void> sleeps_on_the_executor() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(cobalt::use_op) [async-blocking-call]
  co_return;
}

cobalt::promise<void> waits_on_a_timer_synchronously() {
  asio::steady_timer timer(co_await cobalt::this_coro::executor, 10ms);
  timer.wait();
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::asio::basic_waitable_timer::wait' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(cobalt::use_op) [async-blocking-call]
}

cobalt::task<void> runs_a_task_to_completion_inside_a_coroutine() {
  cobalt::run(fetch());
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::cobalt::run' blocks the worker thread inside a coroutine; co_await the task instead; run inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

cobalt::task<void> joins_a_cobalt_thread(cobalt::thread &worker) {
  worker.join();
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::cobalt::thread::join' blocks the worker thread inside a coroutine; co_await the task instead; thread::join inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

cobalt::task<void> reads_a_file() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to a cobalt::thread or cobalt::spawn on an asio::thread_pool [async-blocking-call]
  co_return;
}

cobalt::task<void> waits_for_a_future(std::future<int> &f) {
  f.get();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await cobalt::spawn(pool, work, cobalt::use_op) instead [async-blocking-call]
  co_return;
}

cobalt::task<void> holds_a_std_mutex_across_await() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use a cobalt::channel [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'g' taken here
}

cobalt::generator<int> holds_a_std_mutex_across_yield() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_yield 1;
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_yield; release it first or use a cobalt::channel [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'g' taken here
  co_return 2;
}

cobalt::promise<void> drops_a_lazy_task() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to cobalt::spawn to run it concurrently{{$}}
  co_return;
}

void drops_a_lazy_task_in_plain_code() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with cobalt::run, or pass it to cobalt::spawn to run it concurrently{{$}}
}

cobalt::task<void> computes_without_yielding() {
  for (long i = 0; i < 1000000; ++i)
    total += i;
  // CHECK: :[[@LINE-2]]:3: warning: loop runs 1000000 iterations without suspending; move it to a cobalt::thread or cobalt::spawn on an asio::thread_pool or co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op) in its body [async-heavy-loop]
  co_return;
}

cobalt::task<void> spawns_a_blocking_task_on_the_io_context(asio::io_context &ctx) {
  co_await cobalt::spawn(ctx, []() -> cobalt::task<void> {
    std::this_thread::sleep_for(10ms);
    // CHECK: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(cobalt::use_op) [async-blocking-call]
    co_return;
  }(), cobalt::use_op);
}

// ---- Negatives -------------------------------------------------------------

cobalt::task<void> sleeps_with_a_timer() {
  asio::steady_timer timer(co_await cobalt::this_coro::executor, 10ms);
  co_await timer.async_wait(cobalt::use_op);
}

cobalt::thread blocks_on_a_thread_of_its_own() {
  std::this_thread::sleep_for(10ms);
  for (long i = 0; i < 1000000; ++i)
    total += i;
  co_return;
}

cobalt::task<void> spawns_a_blocking_task_on_a_thread_pool(asio::thread_pool &pool) {
  co_await cobalt::spawn(pool, []() -> cobalt::task<void> {
    std::this_thread::sleep_for(10ms);
    co_return;
  }(), cobalt::use_op);
}

cobalt::task<void> awaits_combinators() {
  co_await cobalt::join(fetch(), fetch());
  co_await cobalt::race(fetch(), start());
  co_await cobalt::gather(fetch(), fetch());
}

cobalt::task<void> spawns_detached(asio::io_context &ctx) {
  cobalt::spawn(ctx, fetch(), cobalt::detached);
  co_return;
}

cobalt::task<void> fans_out_spawns(asio::io_context &ctx) {
  for (int i = 0; i < 1000000; ++i)
    cobalt::spawn(ctx, fetch(), cobalt::detached);
  co_return;
}

cobalt::task<void> detaches_an_eager_promise() {
  +start();
  co_return;
}

cobalt::task<void> uses_a_channel(cobalt::channel<int> &ch) {
  co_await ch.write(42);
  total += co_await ch.read();
}

cobalt::task<void> yields_in_its_heavy_loop() {
  for (long i = 0; i < 1000000; ++i) {
    total += i;
    co_await asio::post(co_await cobalt::this_coro::executor, cobalt::use_op);
  }
}

cobalt::task<int> awaits_its_task() {
  co_return co_await fetch();
}

int main() {
  cobalt::run(fetch());
}
