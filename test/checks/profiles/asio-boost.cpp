// The asio profile on Boost 1.81's real headers (libboost1.81-dev), in one
// file with asyncrt coroutines: each coroutine gets its own runtime's advice.
// RUN: not %async-lint --checks='-*,async-*' %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <boost/asio.hpp>
#include <boost/asio/experimental/parallel_group.hpp>

#include <chrono>
#include <future>
#include <mutex>
#include <thread>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<int> fetch() { co_return 1; }
asyncrt::task<int> compute() { co_return 2; }
std::mutex state_mutex;
long total;

// ---- Positives -------------------------------------------------------------

asio::awaitable<void> asio_sleeps_on_the_io_thread() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable) [async-blocking-call]
  co_return;
}

asyncrt::task<> asyncrt_sleeps_on_the_worker() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  co_return;
}

asio::awaitable<void> asio_waits_on_a_timer(asio::steady_timer &timer) {
  timer.wait();
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::asio::basic_waitable_timer::wait' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable) [async-blocking-call]
  co_return;
}

asio::awaitable<void> asio_reads_synchronously(tcp::socket &socket) {
  char data[64];
  std::size_t n = socket.read_some(asio::buffer(data));
  // CHECK: :[[@LINE-1]]:19: warning: 'boost::asio::basic_stream_socket::read_some' blocks the worker thread inside a coroutine; use its async_ form with co_await and asio::use_awaitable or an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  asio::write(socket, asio::buffer(data, n));
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::asio::write' blocks the worker thread inside a coroutine; use its async_ form with co_await and asio::use_awaitable or an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  co_return;
}

asio::awaitable<void> asio_runs_an_io_context(asio::io_context &other) {
  other.run();
  // CHECK: :[[@LINE-1]]:3: warning: 'boost::asio::io_context::run' blocks the worker thread inside a coroutine; co_await the task instead; io_context::run inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

asio::awaitable<void> asio_holds_a_std_mutex() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use an asio::strand [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'g' taken here
}

asyncrt::task<> asyncrt_holds_a_std_mutex() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_await compute();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'g' taken here
}

asio::awaitable<void> asio_drops_both_kinds_of_task() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asio::co_spawn to run it concurrently{{$}}
  compute();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn to run it concurrently{{$}}
  co_return;
}

asio::awaitable<void> asio_computes_without_yielding() {
  for (long i = 0; i < 1000000; ++i)
    total += i;
  // CHECK: :[[@LINE-2]]:3: warning: loop runs 1000000 iterations without suspending; move it to an asio::thread_pool (asio::post(pool, ...)) or co_await asio::post(asio::use_awaitable) in its body [async-heavy-loop]
  co_return;
}

asio::awaitable<void> asio_waits_for_a_future(std::future<int> &f) {
  f.get();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await asio::co_spawn(pool, work, asio::use_awaitable) instead [async-blocking-call]
  co_return;
}

// ---- Negatives -------------------------------------------------------------

asio::awaitable<void> asio_sleeps_with_a_timer() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> asio_reads_asynchronously(tcp::socket &socket) {
  char data[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
}

asio::awaitable<void> asio_posts_blocking_work(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(10ms); });
  co_return;
}

asio::awaitable<void> asio_fans_out_to_a_thread_pool(asio::thread_pool &pool) {
  for (int i = 0; i < 1000000; ++i)
    asio::post(pool.get_executor(), [i] { total += i; });
  co_return;
}

asio::awaitable<void> asio_yields_in_its_loop() {
  for (long i = 0; i < 1000000; ++i) {
    total += i;
    co_await asio::post(asio::use_awaitable);
  }
}

asio::awaitable<void> asio_waits_for_a_parallel_group(asio::steady_timer &a, asio::steady_timer &b) {
  co_await asio::experimental::make_parallel_group(a.async_wait(asio::deferred),
                                                   b.async_wait(asio::deferred))
      .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
}

asio::awaitable<void> asio_spawns_and_awaits(asio::io_context &ctx) {
  asio::co_spawn(ctx, fetch(), asio::detached);
  int value = co_await asio::co_spawn(ctx, fetch(), asio::use_awaitable);
  total += value;
}

asyncrt::task<> asyncrt_offloads_its_sleep() {
  co_await asyncrt::spawn_blocking([] { std::this_thread::sleep_for(10ms); });
}

asyncrt::task<> asyncrt_uses_its_mutex(asyncrt::mutex &m) {
  auto guard = co_await m.lock();
  co_await compute();
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, asio_sleeps_with_a_timer(), asio::detached);
  ctx.run();
  asyncrt::block_on(asyncrt_offloads_its_sleep());
}
