// The check on the real runtime and the host's libstdc++.
// RUN: not %async-lint --checks='-*,async-heavy-loop' %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

std::atomic<bool> shutdown{false};

// ---- Positives -------------------------------------------------------------

// The lesson's mistake: "CPU loops block the executor".
asyncrt::task<std::uint64_t> lesson_cpu_loop_in_a_coroutine() {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::uint64_t i = 0; i < 50'000'000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 50000000 iterations without suspending; move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
    hash = (hash ^ i) * 1099511628211ull;
  co_return hash;
}

asyncrt::task<long> matrix_product_over_vectors(const std::vector<std::vector<long>> &a,
                                                const std::vector<long> &x) {
  long sum = 0;
  for (std::size_t row = 0; row < a.size(); ++row)
    // CHECK: :[[@LINE-1]]:3: warning: nested loops with non-constant bounds run without suspending; move them to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in the outer loop [async-heavy-loop]
    for (std::size_t col = 0; col < x.size(); ++col)
      // CHECK: :[[@LINE-1]]:5: note: inner loop with a non-constant bound
      sum += a[row][col] * x[col];
  co_return sum;
}

asyncrt::task<int> words_of_every_line(const std::map<int, std::vector<std::string>> &lines) {
  int letters = 0;
  for (const auto &[number, words] : lines)
    // CHECK: :[[@LINE-1]]:3: warning: nested loops with non-constant bounds run without suspending
    for (const std::string &word : words)
      // CHECK: :[[@LINE-1]]:5: note: inner loop with a non-constant bound
      letters += static_cast<int>(word.size());
  co_return letters;
}

asyncrt::task<> spin_until_shutdown() {
  while (!shutdown.load(std::memory_order_acquire)) {
  // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it; move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
  }
  co_return;
}

asyncrt::task<long> large_std_array() {
  std::array<int, 1 << 18> samples{};
  long sum = 0;
  for (int s : samples)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 262144 iterations without suspending
    sum += s;
  co_return sum;
}

// ---- Negatives -------------------------------------------------------------

// The lesson's fix: the CPU loop runs on the blocking pool.
asyncrt::task<std::uint64_t> cpu_loop_and_nest_handed_to_spawn_blocking(std::vector<std::vector<long>> a) {
  co_return co_await asyncrt::spawn_blocking([a = std::move(a)] {
    std::uint64_t hash = 14695981039346656037ull;
    for (std::uint64_t i = 0; i < 50'000'000; ++i)
      hash = (hash ^ i) * 1099511628211ull;
    for (const auto &row : a)
      for (long v : row)
        hash += static_cast<std::uint64_t>(v);
    while (!shutdown.load()) {
    }
    return hash;
  });
}

asyncrt::task<std::uint64_t> cpu_loop_that_yields() {
  std::uint64_t hash = 0;
  for (std::uint64_t i = 0; i < 50'000'000; ++i) {
    hash = (hash ^ i) * 1099511628211ull;
    if (i % 4096 == 0)
      co_await asyncrt::yield_now();
  }
  co_return hash;
}

asyncrt::task<int> wait_for_shutdown_by_sleeping() {
  int ticks = 0;
  while (!shutdown.load()) {
    co_await asyncrt::sleep_for(std::chrono::milliseconds(10));
    ++ticks;
  }
  co_return ticks;
}

// The lesson's "100,000s easily": spawning is handing work to the runtime.
asyncrt::task<long> fan_out_of_a_hundred_thousand_tasks() {
  std::vector<asyncrt::join_handle<int>> handles;
  handles.reserve(100'000);
  for (int i = 0; i < 100'000; ++i)
    handles.push_back(asyncrt::spawn([](int v) -> asyncrt::task<int> { co_return v; }(i)));
  long sum = 0;
  for (auto &h : handles)
    sum += co_await h;
  co_return sum;
}

asyncrt::task<std::size_t> one_pass_over_a_string(const std::string &text) {
  std::size_t spaces = 0;
  for (char c : text)
    spaces += c == ' ';
  for (const char *p = text.c_str(); *p; ++p)
    spaces += *p == '\t';
  co_return spaces;
}

int main() { return static_cast<int>(asyncrt::block_on(lesson_cpu_loop_in_a_coroutine()) & 1); }
