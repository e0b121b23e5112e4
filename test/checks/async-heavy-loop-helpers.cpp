// RUN: not %async-lint --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-heavy-loop' %s -- %mock-flags 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// A heavy loop in a plain function of the same unit stalls the worker of the
// coroutine that calls it: reported at the call, with the chain down to the
// loop in notes. The same rules decide what a heavy loop is.

#include <asyncrt/asyncrt.hpp>
#include <vector>

bool stop_requested;
int score(int);

long checksum() {
  long sum = 0;
  for (int i = 0; i < 50000000; ++i)
    sum += i;
  return sum;
}

long checksum_twice() { return checksum() * 2; }

void spin_until_stopped() {
  while (!stop_requested) {
  }
}

struct table {
  explicit table(int seed) {
    for (int i = 0; i < 1000000; ++i)
      cells.push_back(score(i + seed));
  }
  std::vector<int> cells;
};

long walk(const std::vector<std::vector<int>> &grid) {
  long sum = 0;
  for (const auto &row : grid)
    for (int cell : row)
      sum += cell;
  return sum;
}

// ---- Positives -------------------------------------------------------------

asyncrt::task<long> calls_a_heavy_helper() {
  co_return checksum();
  // CHECK: :[[@LINE-1]]:13: warning: 'checksum' runs a heavy loop without suspending; call it through asyncrt::spawn_blocking [async-heavy-loop]
  // CHECK: :16:3: note: loop runs 50000000 iterations without suspending
}

asyncrt::task<long> calls_it_through_another_helper() {
  long twice = checksum_twice();
  // CHECK: :[[@LINE-1]]:16: warning: 'checksum_twice' runs a heavy loop without suspending
  // CHECK: :21:32: note: 'checksum' runs it here
  // CHECK: :16:3: note: loop runs 50000000 iterations without suspending
  co_return twice;
}

asyncrt::task<> waits_in_a_spinning_helper() {
  spin_until_stopped();
  // CHECK: :[[@LINE-1]]:3: warning: 'spin_until_stopped' runs a heavy loop without suspending
  // CHECK: :24:3: note: loop never suspends and nothing in its body can end it
  co_return;
}

asyncrt::task<int> constructs_with_a_heavy_constructor() {
  table t(7);
  // CHECK: :[[@LINE-1]]:9: warning: 'table' runs a heavy loop without suspending
  // CHECK: :30:5: note: loop runs 1000000 iterations without suspending
  co_return t.cells[0];
}

asyncrt::task<long> spins_through_a_called_lambda() {
  auto wait = [] { spin_until_stopped(); return 1L; };
  co_return wait();
  // CHECK: :[[@LINE-1]]:13: warning: 'wait' runs a heavy loop without suspending
  // CHECK: :[[@LINE-3]]:20: note: 'spin_until_stopped' runs it here
  // CHECK: :24:3: note: loop never suspends and nothing in its body can end it
}

// ---- Negatives -------------------------------------------------------------

int small_sum() {
  int sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += i;
  return sum;
}

long sum_of(const std::vector<int> &values) {
  long sum = 0;
  for (int v : values)
    sum += v;
  return sum;
}

int find_first(int wanted) {
  for (int i = 0; i < 1000000; ++i)
    if (score(i) == wanted)
      return i;
  return -1;
}

asyncrt::task<long> calls_light_helpers(const std::vector<int> &values) {
  co_return small_sum() + sum_of(values) + find_first(3);
}

// A nest of data-dependent loops is reported in a coroutine's own code, but
// in a helper it is as often a short retry loop (a lock-free structure's).
asyncrt::task<long> walks_a_grid_in_a_helper(const std::vector<std::vector<int>> &grid) {
  auto local = [&] { return walk(grid); };
  co_return local();
}

// inline: the mock declares spawn_blocking without defining it.
inline asyncrt::task<long> heavy_helper_on_the_blocking_pool() {
  co_return co_await asyncrt::spawn_blocking([] { return checksum(); });
}

long heavy_helper_outside_a_coroutine() { return checksum(); }

long declared_elsewhere();

asyncrt::task<long> calls_a_function_defined_elsewhere() {
  co_return declared_elsewhere();
}

asyncrt::task<long> calls_a_coroutine_helper() {
  co_return co_await calls_a_heavy_helper();
}
