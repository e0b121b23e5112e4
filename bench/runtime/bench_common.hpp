#pragma once

// What the C++ benchmark programs share with each other and with
// tokio/src/main.rs: the workload sizes, and the output line
// `<workload> <ns_per_op> <max_rss_kib>` that bench/runtime/bench.py reads.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

namespace bench {

inline constexpr std::size_t spawn_many_tasks = 200'000;
inline constexpr std::size_t chain_depth = 1'000;
inline constexpr std::size_t chain_repeats = 100;
inline constexpr std::size_t yield_tasks = 200;
inline constexpr std::size_t yields_per_task = 1'000;
inline constexpr std::size_t ping_pongs = 100'000;
inline constexpr std::size_t mutex_tasks = 8;
inline constexpr std::size_t mutex_locks_per_task = 20'000;
inline constexpr std::size_t blocking_batches = 100;
inline constexpr std::size_t blocking_batch = 100;
inline constexpr std::size_t file_bytes = std::size_t{1} << 20;
inline constexpr std::size_t file_rounds = 50;
inline constexpr std::size_t sleepers = 1'000'000;
inline constexpr std::chrono::seconds sleep_time{2};
inline constexpr std::size_t worker_threads = 2;

// The peak RSS of this program: VmHWM of /proc/self/status. (getrusage's
// ru_maxrss would not do: Linux carries it over fork and exec, so a small
// program would report the peak of the Python script that started it.)
inline long max_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

inline void report(std::string_view workload, std::chrono::steady_clock::duration elapsed, std::size_t ops) {
  const double ns = std::chrono::duration<double, std::nano>(elapsed).count();
  std::printf("%.*s %.1f %ld\n", static_cast<int>(workload.size()), workload.data(), ns / static_cast<double>(ops),
              max_rss_kib());
}

}  // namespace bench
