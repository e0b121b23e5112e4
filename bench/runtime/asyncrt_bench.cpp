// The runtime workloads of bench/runtime on asyncrt, two worker threads.
// Usage: asyncrt_bench <workload>; prints `<workload> <ns_per_op> <max_rss_kib>`.

#include "bench_common.hpp"

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

using asyncrt::task;

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(what);
}

task<std::size_t> trivial(std::size_t i) { co_return i; }

task<std::size_t> spawn_many() {
  std::vector<asyncrt::join_handle<std::size_t>> handles;
  handles.reserve(bench::spawn_many_tasks);
  for (std::size_t i = 0; i < bench::spawn_many_tasks; ++i) handles.push_back(asyncrt::spawn(trivial(i)));
  std::size_t sum = 0;
  for (auto& h : handles) sum += co_await h;
  check(sum == bench::spawn_many_tasks * (bench::spawn_many_tasks - 1) / 2, "spawn_many: wrong sum");
  co_return bench::spawn_many_tasks;
}

task<std::size_t> chain(std::size_t depth) {
  if (depth == 0) co_return 0;
  co_return co_await asyncrt::spawn(chain(depth - 1)) + 1;
}

task<std::size_t> chained_spawn() {
  for (std::size_t r = 0; r < bench::chain_repeats; ++r)
    check(co_await chain(bench::chain_depth) == bench::chain_depth, "chained_spawn: wrong depth");
  co_return bench::chain_depth * bench::chain_repeats;
}

task<void> yielder() {
  for (std::size_t k = 0; k < bench::yields_per_task; ++k) co_await asyncrt::yield_now();
}

task<std::size_t> yield_many() {
  std::vector<asyncrt::join_handle<void>> handles;
  for (std::size_t i = 0; i < bench::yield_tasks; ++i) handles.push_back(asyncrt::spawn(yielder()));
  for (auto& h : handles) co_await h;
  co_return bench::yield_tasks * bench::yields_per_task;
}

task<void> echo(asyncrt::mpsc::receiver<std::size_t> in, asyncrt::mpsc::sender<std::size_t> out) {
  while (auto v = co_await in.recv()) co_await out.send(*v);
}

task<std::size_t> ping_pong() {
  auto [ping_tx, ping_rx] = asyncrt::mpsc::channel<std::size_t>(1);
  auto [pong_tx, pong_rx] = asyncrt::mpsc::channel<std::size_t>(1);
  auto echoer = asyncrt::spawn(echo(std::move(ping_rx), std::move(pong_tx)));
  for (std::size_t i = 0; i < bench::ping_pongs; ++i) {
    co_await ping_tx.send(i);
    check(co_await pong_rx.recv() == i, "ping_pong: wrong value");
  }
  { auto closing = std::move(ping_tx); }
  co_await echoer;
  co_return bench::ping_pongs;
}

task<void> locker(asyncrt::mutex& m, std::size_t& counter) {
  for (std::size_t k = 0; k < bench::mutex_locks_per_task; ++k) {
    auto guard = co_await m.lock();
    ++counter;
  }
}

task<std::size_t> mutex_contention() {
  asyncrt::mutex m;
  std::size_t counter = 0;
  std::vector<asyncrt::join_handle<void>> handles;
  for (std::size_t i = 0; i < bench::mutex_tasks; ++i) handles.push_back(asyncrt::spawn(locker(m, counter)));
  for (auto& h : handles) co_await h;
  check(counter == bench::mutex_tasks * bench::mutex_locks_per_task, "mutex_contention: lost updates");
  co_return bench::mutex_tasks * bench::mutex_locks_per_task;
}

task<std::size_t> spawn_blocking() {
  for (std::size_t b = 0; b < bench::blocking_batches; ++b) {
    std::vector<asyncrt::join_handle<std::size_t>> handles;
    for (std::size_t i = 0; i < bench::blocking_batch; ++i)
      handles.push_back(asyncrt::spawn_blocking([i] { return i * 2; }));
    for (auto& h : handles) co_await h;
  }
  co_return bench::blocking_batches * bench::blocking_batch;
}

task<std::size_t> file_io() {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("asyncrt-bench-" + std::to_string(getpid()) + ".bin");
  const std::string contents(bench::file_bytes, 'x');
  for (std::size_t r = 0; r < bench::file_rounds; ++r) {
    co_await asyncrt::fs::write(path, contents);
    const std::string back = co_await asyncrt::fs::read_to_string(path);
    check(back.size() == bench::file_bytes, "file_io: short read");
  }
  co_await asyncrt::fs::remove_file(path);
  co_return bench::file_rounds;
}

task<void> sleeper() { co_await asyncrt::sleep_for(bench::sleep_time); }

task<std::size_t> sleep_1m() {
  std::vector<asyncrt::join_handle<void>> handles;
  handles.reserve(bench::sleepers);
  for (std::size_t i = 0; i < bench::sleepers; ++i) handles.push_back(asyncrt::spawn(sleeper()));
  for (auto& h : handles) co_await h;
  co_return bench::sleepers;
}

task<std::size_t> run(std::string_view workload) {
  if (workload == "spawn_many") co_return co_await spawn_many();
  if (workload == "chained_spawn") co_return co_await chained_spawn();
  if (workload == "yield_many") co_return co_await yield_many();
  if (workload == "ping_pong") co_return co_await ping_pong();
  if (workload == "mutex_contention") co_return co_await mutex_contention();
  if (workload == "spawn_blocking") co_return co_await spawn_blocking();
  if (workload == "file_io") co_return co_await file_io();
  if (workload == "sleep_1m") co_return co_await sleep_1m();
  throw std::invalid_argument("unknown workload '" + std::string(workload) + "'");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: asyncrt_bench <workload>\n");
    return 2;
  }
  try {
    asyncrt::runtime rt = asyncrt::runtime::builder{}.worker_threads(bench::worker_threads).build();
    const auto start = std::chrono::steady_clock::now();
    const std::size_t ops = rt.block_on(run(argv[1]));
    bench::report(argv[1], std::chrono::steady_clock::now() - start, ops);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asyncrt_bench: %s\n", e.what());
    return 2;
  }
  return 0;
}
