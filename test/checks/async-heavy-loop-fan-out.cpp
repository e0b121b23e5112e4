// RUN: not %async-lint --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-heavy-loop' %s -- %mock-flags 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// A loop whose every statement hands work away (a closure or a fresh task
// given to a pool, a nursery or a container) spawns its work, on whatever
// runtime: it is not the coroutine's CPU time. A loop that also computes is.

#include <asyncrt/asyncrt.hpp>
#include <vector>

// A thread pool and a nursery of some runtime asyncrt does not know.
struct thread_pool {
  template <class F> void submit(F &&work) {}
  void post(int priority);
};
struct nursery {
  void start(asyncrt::task<int> child);
};
// An eager result of a coroutine started on an executor (concurrencpp's
// `result`): awaitable through a member.
struct result {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  double await_resume();
};
result multiply_on(thread_pool &pool, int row, int column);
asyncrt::task<int> job(int);
int score(int);

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> closures_submitted_to_a_pool(thread_pool &pool) {
  for (int i = 0; i < 1000000; ++i)
    pool.submit([i] { score(i); });
  co_return;
}

asyncrt::task<> tasks_started_in_a_nursery(nursery &n) {
  for (int i = 0; i < 1000000; ++i) {
    n.start(job(i));
  }
  co_return;
}

asyncrt::task<double> eager_results_collected_by_a_nest(thread_pool &pool) {
  std::vector<result> results;
  for (int i = 0; i < 1024; ++i)
    for (int j = 0; j < 1024; ++j)
      results.push_back(multiply_on(pool, i, j));
  co_return co_await results[0];
}

asyncrt::task<> task_made_then_handed_over(nursery &n) {
  for (int i = 0; i < 1000000; ++i) {
    asyncrt::task<int> child = job(i);
    n.start(std::move(child));
  }
  co_return;
}

// An inner fan-out is not counted in the work of the loop around it.
asyncrt::task<long> inner_fan_out_in_a_small_loop(thread_pool &pool, const std::vector<std::vector<int>> &rows) {
  long sum = 0;
  for (int i = 0; i < 1024; ++i) {
    for (int j = 0; j < 1024; ++j)
      pool.submit([j] { score(j); });
    sum += score(i);
  }
  for (const auto &row : rows) {
    for (int id : row)
      pool.submit([id] { score(id); });
    sum += row.size();
  }
  co_return sum;
}

// ---- Near-misses, still reported -------------------------------------------

asyncrt::task<long> submits_and_computes(thread_pool &pool) {
  long sum = 0;
  for (int i = 0; i < 1000000; ++i) {
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 1000000 iterations without suspending
    pool.submit([i] { score(i); });
    sum += i;
  }
  co_return sum;
}

asyncrt::task<> posts_plain_values(thread_pool &pool) {
  for (int i = 0; i < 1000000; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop runs 1000000 iterations without suspending
    pool.post(score(i));
  co_return;
}

asyncrt::task<> collects_plain_values() {
  std::vector<int> scores;
  for (int i = 0; i < 1024; ++i)
    // CHECK: :[[@LINE-1]]:3: warning: loop nest runs 1048576 iterations without suspending
    for (int j = 0; j < 1024; ++j)
      scores.push_back(score(i * j));
  co_return;
}

asyncrt::task<long> computes_around_an_inner_fan_out(thread_pool &pool, const std::vector<std::vector<int>> &rows) {
  long sum = 0;
  for (const auto &row : rows) {
    // CHECK: :[[@LINE-1]]:3: warning: nested loops with non-constant bounds run without suspending
    for (int id : row)
      pool.submit([id] { score(id); });
    for (int id : row)
      sum += score(id);
  }
  co_return sum;
}
