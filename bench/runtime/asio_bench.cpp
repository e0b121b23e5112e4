// The runtime workloads of bench/runtime on Boost.Asio's C++20 awaitables
// (Boost 1.81, Asio 1.26): one io_context run by two threads.
// Usage: asio_bench <workload>; prints `<workload> <ns_per_op> <max_rss_kib>`.
//
// Asio has no join handle: a spawned coroutine reports to a completion
// handler. The fan-out workloads count completions in a `joiner` and wake the
// parent through a concurrent_channel when the last one is in, which is what
// an Asio program does for "spawn N, then wait for all". Asio has no
// asynchronous mutex (mutex_contention is not run on it); spawn_blocking and
// file_io run closures on an asio::thread_pool, as tokio's blocking pool does.

#include "bench_common.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <unistd.h>
#include <vector>

namespace asio = boost::asio;
using asio::awaitable;
using asio::use_awaitable;
using signal_channel = asio::experimental::concurrent_channel<void(boost::system::error_code)>;
using value_channel = asio::experimental::concurrent_channel<void(boost::system::error_code, std::size_t)>;

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(what);
}

// Counts completions; wait() resumes the parent when all `count` are in.
class joiner {
 public:
  joiner(asio::any_io_executor ex, std::size_t count) : left_(count), done_(ex, 1) {}
  void arrive() {
    if (left_.fetch_sub(1, std::memory_order_acq_rel) == 1) done_.try_send(boost::system::error_code{});
  }
  awaitable<void> wait() { co_await done_.async_receive(use_awaitable); }

 private:
  std::atomic<std::size_t> left_;
  signal_channel done_;
};

awaitable<std::size_t> trivial(std::size_t i) { co_return i; }

awaitable<std::size_t> spawn_many() {
  auto ex = co_await asio::this_coro::executor;
  joiner join(ex, bench::spawn_many_tasks);
  std::atomic<std::size_t> sum{0};
  for (std::size_t i = 0; i < bench::spawn_many_tasks; ++i)
    asio::co_spawn(ex, trivial(i), [&](std::exception_ptr, std::size_t v) {
      sum.fetch_add(v, std::memory_order_relaxed);
      join.arrive();
    });
  co_await join.wait();
  check(sum == bench::spawn_many_tasks * (bench::spawn_many_tasks - 1) / 2, "spawn_many: wrong sum");
  co_return bench::spawn_many_tasks;
}

awaitable<std::size_t> chain(std::size_t depth) {
  if (depth == 0) co_return 0;
  auto ex = co_await asio::this_coro::executor;
  co_return co_await asio::co_spawn(ex, chain(depth - 1), use_awaitable) + 1;
}

awaitable<std::size_t> chained_spawn() {
  for (std::size_t r = 0; r < bench::chain_repeats; ++r)
    check(co_await chain(bench::chain_depth) == bench::chain_depth, "chained_spawn: wrong depth");
  co_return bench::chain_depth * bench::chain_repeats;
}

awaitable<void> yielder() {
  auto ex = co_await asio::this_coro::executor;
  for (std::size_t k = 0; k < bench::yields_per_task; ++k) co_await asio::post(ex, use_awaitable);
}

awaitable<std::size_t> yield_many() {
  auto ex = co_await asio::this_coro::executor;
  joiner join(ex, bench::yield_tasks);
  for (std::size_t i = 0; i < bench::yield_tasks; ++i)
    asio::co_spawn(ex, yielder(), [&](std::exception_ptr) { join.arrive(); });
  co_await join.wait();
  co_return bench::yield_tasks * bench::yields_per_task;
}

constexpr std::size_t end_of_stream = ~std::size_t{0};

awaitable<void> echo(value_channel& in, value_channel& out) {
  for (;;) {
    const std::size_t v = co_await in.async_receive(use_awaitable);
    if (v == end_of_stream) co_return;
    co_await out.async_send(boost::system::error_code{}, v, use_awaitable);
  }
}

awaitable<std::size_t> ping_pong() {
  auto ex = co_await asio::this_coro::executor;
  value_channel ping(ex, 1);
  value_channel pong(ex, 1);
  joiner join(ex, 1);
  asio::co_spawn(ex, echo(ping, pong), [&](std::exception_ptr) { join.arrive(); });
  for (std::size_t i = 0; i < bench::ping_pongs; ++i) {
    co_await ping.async_send(boost::system::error_code{}, i, use_awaitable);
    check(co_await pong.async_receive(use_awaitable) == i, "ping_pong: wrong value");
  }
  co_await ping.async_send(boost::system::error_code{}, end_of_stream, use_awaitable);
  co_await join.wait();
  co_return bench::ping_pongs;
}

// Runs `f` on the pool and resumes the caller when it is done.
template <class F>
awaitable<void> run_blocking(asio::thread_pool& pool, std::size_t count, F f) {
  auto ex = co_await asio::this_coro::executor;
  joiner join(ex, count);
  for (std::size_t i = 0; i < count; ++i) asio::post(pool, [&, i] {
      f(i);
      join.arrive();
    });
  co_await join.wait();
}

awaitable<std::size_t> spawn_blocking(asio::thread_pool& pool) {
  std::atomic<std::size_t> sum{0};
  for (std::size_t b = 0; b < bench::blocking_batches; ++b)
    co_await run_blocking(pool, bench::blocking_batch, [&](std::size_t i) { sum.fetch_add(i * 2); });
  check(sum == bench::blocking_batches * bench::blocking_batch * (bench::blocking_batch - 1), "spawn_blocking: lost");
  co_return bench::blocking_batches * bench::blocking_batch;
}

awaitable<std::size_t> file_io(asio::thread_pool& pool) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("asio-bench-" + std::to_string(getpid()) + ".bin");
  const std::string contents(bench::file_bytes, 'x');
  for (std::size_t r = 0; r < bench::file_rounds; ++r) {
    co_await run_blocking(pool, 1, [&](std::size_t) { std::ofstream(path, std::ios::binary) << contents; });
    std::string back;
    co_await run_blocking(pool, 1, [&](std::size_t) {
      std::ifstream in(path, std::ios::binary);
      back.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    check(back.size() == bench::file_bytes, "file_io: short read");
  }
  std::filesystem::remove(path);
  co_return bench::file_rounds;
}

awaitable<void> sleeper() {
  asio::steady_timer timer(co_await asio::this_coro::executor, bench::sleep_time);
  co_await timer.async_wait(use_awaitable);
}

awaitable<std::size_t> sleep_1m() {
  auto ex = co_await asio::this_coro::executor;
  joiner join(ex, bench::sleepers);
  for (std::size_t i = 0; i < bench::sleepers; ++i)
    asio::co_spawn(ex, sleeper(), [&](std::exception_ptr) { join.arrive(); });
  co_await join.wait();
  co_return bench::sleepers;
}

awaitable<std::size_t> run(std::string_view workload, asio::thread_pool& pool) {
  if (workload == "spawn_many") co_return co_await spawn_many();
  if (workload == "chained_spawn") co_return co_await chained_spawn();
  if (workload == "yield_many") co_return co_await yield_many();
  if (workload == "ping_pong") co_return co_await ping_pong();
  if (workload == "spawn_blocking") co_return co_await spawn_blocking(pool);
  if (workload == "file_io") co_return co_await file_io(pool);
  if (workload == "sleep_1m") co_return co_await sleep_1m();
  throw std::invalid_argument("unknown or unsupported workload '" + std::string(workload) + "'");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: asio_bench <workload>\n");
    return 2;
  }
  asio::io_context ctx(static_cast<int>(bench::worker_threads));
  asio::thread_pool pool(4);
  std::size_t ops = 0;
  std::exception_ptr failure;
  const auto start = std::chrono::steady_clock::now();
  asio::co_spawn(ctx, run(argv[1], pool), [&](std::exception_ptr e, std::size_t n) {
    failure = e;
    ops = n;
  });
  std::vector<std::thread> workers;
  for (std::size_t i = 0; i < bench::worker_threads; ++i) workers.emplace_back([&] { ctx.run(); });
  for (auto& w : workers) w.join();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  pool.join();
  try {
    if (failure) std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asio_bench: %s\n", e.what());
    return 2;
  }
  bench::report(argv[1], elapsed, ops);
  return 0;
}
