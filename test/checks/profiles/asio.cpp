// The asio profile on standalone Asio's API shapes (test/Inputs/mock/asio);
// asio-boost.cpp runs it on Boost 1.81's real headers.
// RUN: not %async-lint --checks='-*,async-*' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-*' %s -- %mock-flags 2>&1 | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asio/asio.hpp>
#include <fstream>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using asio::ip::tcp;

asio::awaitable<int> fetch();
std::mutex state_mutex;
long total;

// ---- Positives -------------------------------------------------------------

asio::awaitable<void> sleeps_on_the_io_thread() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable) [async-blocking-call]
  co_return;
}

asio::awaitable<void> waits_on_a_timer_synchronously() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  timer.wait();
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::basic_waitable_timer::wait' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable) [async-blocking-call]
}

asio::awaitable<void> reads_a_socket_synchronously(tcp::socket &socket) {
  char data[64];
  socket.read_some(asio::buffer(data));
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::basic_stream_socket::read_some' blocks the worker thread inside a coroutine; use its async_ form with co_await and asio::use_awaitable or an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  co_return;
}

asio::awaitable<void> writes_with_the_free_function(tcp::socket &socket) {
  char data[64];
  asio::write(socket, asio::buffer(data));
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::write' blocks the worker thread inside a coroutine; use its async_ form with co_await and asio::use_awaitable or an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  co_return;
}

asio::awaitable<void> connects_synchronously(tcp::socket &socket, tcp::endpoint peer) {
  socket.connect(peer);
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::basic_socket::connect' blocks the worker thread inside a coroutine; use its async_ form with co_await and asio::use_awaitable or an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  co_return;
}

asio::awaitable<void> runs_an_io_context_inside_a_coroutine(asio::io_context &other) {
  other.run();
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::io_context::run' blocks the worker thread inside a coroutine; co_await the task instead; io_context::run inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

asio::awaitable<void> joins_a_thread_pool(asio::thread_pool &pool) {
  pool.join();
  // CHECK: :[[@LINE-1]]:3: warning: 'asio::thread_pool::join' blocks the worker thread inside a coroutine; co_await the task instead; thread_pool::join inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

asio::awaitable<void> reads_a_file() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; move it to an asio::thread_pool (asio::post(pool, ...)) [async-blocking-call]
  co_return;
}

asio::awaitable<void> holds_a_std_mutex_across_await() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use an asio::strand [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'g' taken here
}

asio::awaitable<void> drops_an_awaitable() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asio::co_spawn to run it concurrently{{$}}
  co_return;
}

asio::awaitable<void> drops_a_deferred_operation(asio::steady_timer &timer) {
  timer.async_wait(asio::deferred);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'async_wait' is never awaited; it will not run [async-unawaited-task]
  co_return;
}

void drops_an_awaitable_in_main() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with asio::co_spawn and io_context::run, or pass it to asio::co_spawn to run it concurrently{{$}}
}

asio::awaitable<void> computes_without_yielding() {
  for (long i = 0; i < 1000000; ++i)
    total += i;
  // CHECK: :[[@LINE-2]]:3: warning: loop runs 1000000 iterations without suspending; move it to an asio::thread_pool (asio::post(pool, ...)) or co_await asio::post(asio::use_awaitable) in its body [async-heavy-loop]
  co_return;
}

// A coroutine returning its own type is Asio's when it awaits Asio's types.
struct fire_and_forget {
  struct promise_type {
    fire_and_forget get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
fire_and_forget own_return_type_awaiting_asio(asio::steady_timer &timer) {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable) [async-blocking-call]
  co_await timer.async_wait(asio::use_awaitable);
}

// ---- Negatives -------------------------------------------------------------

asio::awaitable<void> sleeps_with_a_timer() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 10ms);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> reads_asynchronously(tcp::socket &socket) {
  char data[64];
  co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data), asio::use_awaitable);
}

asio::awaitable<void> posts_blocking_work_to_a_thread_pool(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(10ms); });
  co_return;
}

asio::awaitable<void> fans_out_posts_to_a_thread_pool(asio::thread_pool &pool) {
  for (int i = 0; i < 1000000; ++i)
    asio::post(pool.get_executor(), [i] { total += i; });
  co_return;
}

asio::awaitable<void> spawns_many_coroutines(asio::io_context &ctx) {
  for (int i = 0; i < 1000000; ++i)
    asio::co_spawn(ctx, fetch(), asio::detached);
  co_return;
}

asio::awaitable<void> yields_in_its_heavy_loop() {
  for (long i = 0; i < 1000000; ++i) {
    total += i;
    co_await asio::post(asio::use_awaitable);
  }
}

asio::awaitable<void> awaits_a_parallel_group(asio::steady_timer &a, asio::steady_timer &b) {
  auto group = asio::experimental::make_parallel_group(a.async_wait(asio::deferred),
                                                       b.async_wait(asio::deferred));
  co_await group.async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
}

asio::awaitable<void> uses_a_channel(asio::experimental::channel<void(int, int)> &ch) {
  co_await ch.async_send(0, 42, asio::use_awaitable);
  int value = co_await ch.async_receive(asio::use_awaitable);
  total += value;
}

asio::awaitable<void> releases_the_lock_before_awaiting() {
  {
    std::lock_guard<std::mutex> g(state_mutex);
    ++total;
  }
  co_await fetch();
}

asio::awaitable<int> awaits_its_awaitable() {
  co_return co_await fetch();
}

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, fetch(), asio::detached);
  ctx.run();
  asio::thread_pool pool(4);
  pool.join();
}
