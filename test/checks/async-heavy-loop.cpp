// RUN: not %async-lint --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --check-prefix=CHECK --implicit-check-not='{{warning|error|note}}:'
// RUN: echo "{CheckOptions: {async-heavy-loop.TripCountThreshold: 5000}}" > %t.clang-tidy
// RUN: not %async-lint --checks='-*,async-heavy-loop' --config-file=%t.clang-tidy %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,OPTION --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --check-prefix=CHECK --implicit-check-not='{{warning|error|note}}:'

#include <array>
#include <asyncrt/asyncrt.hpp>
#include <test_generator.h>
#include <atomic>
#include <vector>

bool stop_requested;
std::atomic<bool> ready{false};
std::atomic_flag busy;
int table[1 << 20];
constexpr int Limit = 300000;

asyncrt::task<bool> next_message();
bool poll_once();
int score(int);


// ---- Positives -------------------------------------------------------------

// The lesson's mistake: a CPU loop in an async fn.
asyncrt::task<long> lesson_cpu_loop_in_a_coroutine() {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 1000000 iterations without suspending; move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
    sum += i;
  co_return sum;
}

asyncrt::task<long> inclusive_bound_counts_the_last_value() {
  long sum = 0;
  for (int i = 1; i <= 100000; i++)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 100000 iterations without suspending
    sum += i;
  co_return sum;
}

asyncrt::task<long> counting_down_to_zero() {
  long sum = 0;
  for (long i = 200000; i > 0; --i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 200000 iterations without suspending
    sum += i;
  for (int i = 199999; i >= 0; i--)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 200000 iterations without suspending
    sum -= i;
  co_return sum;
}

asyncrt::task<long> stepped_and_not_equal_bounds() {
  long sum = 0;
  for (int i = 0; i < 1000000; i += 4)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 250000 iterations without suspending
    sum += i;
  for (int i = 0; i != 500000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 500000 iterations without suspending
    sum += i;
  for (int i = 1000000; i != 0; i -= 2)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 500000 iterations without suspending
    sum += i;
  co_return sum;
}

asyncrt::task<long> counter_declared_before_the_loop_and_bound_on_the_left() {
  long sum = 0;
  int i;
  for (i = 0; Limit > i; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 300000 iterations without suspending
    sum += score(i);
  co_return sum;
}

asyncrt::task<long> constant_nest_multiplies() {
  long sum = 0;
  for (int i = 0; i < 1000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop nest runs 1000000 iterations without suspending; move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
    for (int j = 0; j < 1000; ++j)
      sum += i * j;
  co_return sum;
}

asyncrt::task<long> ranges_of_constant_size() {
  long sum = 0;
  for (int x : table)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 1048576 iterations without suspending
    sum += x;
  std::array<int, 200000> buffer{};
  for (int x : buffer)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 200000 iterations without suspending
    sum += x;
  co_return sum;
}

asyncrt::task<long> nested_range_fors_over_containers(const std::vector<std::vector<int>> &rows) {
  long sum = 0;
  for (const auto &row : rows)
    // CHECK: :[[@LINE-1]]:3: warning: nested loops with non-constant bounds run without suspending; move them to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in the outer loop [async-heavy-loop]
    for (int x : row)
      // CHECK: :[[@LINE-1]]:5: note: inner loop with a non-constant bound
      sum += x;
  co_return sum;
}

asyncrt::task<long> nested_index_loops_reported_once_at_the_outermost(int n, int m) {
  long sum = 0;
  int i = 0;
  while (i < n) {
    // CHECK: :[[@LINE-1]]:3: warning: nested loops with non-constant bounds run without suspending
    for (int j = 0; j < m; ++j)
      // CHECK: :[[@LINE-1]]:5: note: inner loop with a non-constant bound
      for (int k = 0; k < j; ++k)
        sum += k;
    ++i;
  }
  co_return sum;
}

asyncrt::task<long> nest_inside_a_loop_that_suspends(const std::vector<int> &sizes) {
  long sum = 0;
  for (int round = 0; round < 1000000; ++round) {
    co_await asyncrt::yield_now();
    for (int a = 0; a < sizes[0]; ++a)
      // CHECK: :[[@LINE-1]]:5: warning: nested loops with non-constant bounds run without suspending
      for (int b : sizes)
        // CHECK: :[[@LINE-1]]:7: note: inner loop with a non-constant bound
        sum += a * b;
  }
  co_return sum;
}

asyncrt::task<> spin_on_a_flag() {
  while (!stop_requested) {
  // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it; move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
  }
  co_return;
}

asyncrt::task<int> spin_on_atomics() {
  int spins = 0;
  while (!ready.load(std::memory_order_acquire))
    // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
    ++spins;
  while (busy.test_and_set())
    // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
    ;
  do {
    // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
    spins += 2;
  } while (!ready);
  co_return spins;
}

asyncrt::task<> infinite_loops_that_never_suspend() {
  for (;;) {
  // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
  }
  int ticks = 0;
  while (true)
    // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
    ++ticks;
  co_return;
}

asyncrt::task<long> forgotten_increment(int n) {
  long sum = 0;
  int i = 0;
  while (i < n)
    // CHECK: :[[@LINE-1]]:3: warning: loop never suspends and nothing in its body can end it
    sum += i;
  co_return sum;
}

template <int N> asyncrt::task<long> template_bound_known_in_the_instantiation() {
  long sum = 0;
  for (int i = 0; i < N; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 200000 iterations without suspending
    sum += i;
  co_return sum;
}
template asyncrt::task<long> template_bound_known_in_the_instantiation<200000>();
template asyncrt::task<long> template_bound_known_in_the_instantiation<10>();

asyncrt::task<long> coroutine_lambda_with_a_heavy_loop() {
  auto job = []() -> asyncrt::task<long> {
    long sum = 0;
    for (int i = 0; i < 150000; ++i)
      // CHECK: :[[@LINE-1]]:5: warning: loop runs 150000 iterations without suspending
      sum += i;
    co_return sum;
  };
  co_return co_await job();
}

asyncrt::task<long> loop_above_a_configured_threshold() {
  long sum = 0;
  for (int i = 0; i < 5000; ++i)
    // OPTION: :[[@LINE-1]]:3: warning: loop runs 5000 iterations without suspending
    sum += i;
  co_return sum;
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<long> small_constant_loops() {
  long sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += i;
  for (int i = 0; i < 99999; ++i)
    // OPTION: :[[@LINE-1]]:3: warning: loop runs 99999 iterations without suspending
    sum += i;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j)
      sum += i * j;
  co_return sum;
}

asyncrt::task<long> heavy_loop_that_awaits_in_its_body() {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i) {
    sum += i;
    if (i % 1024 == 0)
      co_await asyncrt::yield_now();
  }
  co_return sum;
}

asyncrt::task<int> loop_with_co_await_in_its_condition() {
  int handled = 0;
  while (co_await next_message())
    ++handled;
  co_return handled;
}

asyncrt::task<> endless_loop_that_suspends() {
  for (;;) {
    co_await asyncrt::yield_now();
  }
}

asyncrt::task<int> while_true_with_a_break() {
  int n = 0;
  while (true) {
    if (++n > 10)
      break;
  }
  co_return n;
}

asyncrt::task<long> single_loop_over_a_container(const std::vector<int> &values) {
  long sum = 0;
  for (int x : values)
    sum += x;
  for (std::size_t i = 0; i < values.size(); ++i)
    sum += values[i];
  co_return sum;
}

asyncrt::task<long> container_loop_with_small_constant_inner_loops(const std::vector<int> &values) {
  long sum = 0;
  int weights[4] = {1, 2, 3, 4};
  for (int x : values) {
    for (int k = 0; k < 4; ++k)
      sum += x * k;
    for (int w : weights)
      sum += x * w;
    do {
      sum -= x;
    } while (0);
  }
  for (int k = 0; k < 3; ++k)
    for (int x : values)
      sum += x * k;
  co_return sum;
}

asyncrt::task<int> constant_loop_with_an_early_exit(const std::vector<int> &values) {
  for (int i = 0; i < 1000000; ++i)
    if (score(i) == 0)
      co_return i;
  for (int i = 0; i < 1000000; ++i) {
    if (values[i] < 0)
      break;
  }
  co_return -1;
}

asyncrt::task<long> counter_changed_in_the_body() {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i) {
    sum += i;
    i += score(i);
  }
  co_return sum;
}

asyncrt::task<int> loops_whose_body_or_condition_can_end_them(int n, int *cell, int *other) {
  int rounds = 0;
  while (!stop_requested)
    poll_once();
  while (n > 1)
    n /= 2;
  while (!poll_once())
    ++rounds;
  while (n--)
    ++rounds;
  while (*cell == 0)
    *other = 1;
  co_return rounds;
}

asyncrt::task<unsigned> unsigned_counter_that_wraps() {
  unsigned sum = 0;
  for (unsigned i = 10; i > 0; i -= 3)
    sum += i;
  co_return sum;
}

// inline: the mock declares spawn_blocking without defining it, which only a
// lambda of an inline function (a type with linkage) may instantiate.
inline asyncrt::task<long> heavy_loop_handed_to_spawn_blocking(std::vector<std::vector<int>> rows) {
  co_return co_await asyncrt::spawn_blocking([rows] {
    long sum = 0;
    for (int i = 0; i < 1000000; ++i)
      sum += i;
    for (const auto &row : rows)
      for (int x : row)
        sum += x;
    while (!ready.load()) {
    }
    return sum;
  });
}

asyncrt::task<int> job(int);

// The lesson's "100,000s easily": spawning is handing work to the runtime.
asyncrt::task<> fan_out_spawning_a_hundred_thousand_tasks(const std::vector<std::vector<int>> &batches) {
  std::vector<asyncrt::join_handle<int>> handles;
  for (int i = 0; i < 100000; ++i)
    handles.push_back(asyncrt::spawn(job(i)));
  for (const auto &batch : batches)
    for (int id : batch)
      handles.push_back(asyncrt::spawn(job(id)));
  co_return;
}

long heavy_loop_outside_any_coroutine() {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i)
    sum += i;
  while (!stop_requested) {
  }
  return sum;
}

generator generator_that_yields_each_value() {
  for (int i = 0; i < 1000000; ++i)
    co_yield i;
}

asyncrt::task<long> suppressed_with_nolint() {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i) // NOLINT(async-heavy-loop)
    sum += i;
  co_return sum;
}
