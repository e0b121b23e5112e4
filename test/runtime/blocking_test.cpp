// spawn_blocking: values, exceptions, and the workers keep running meanwhile.

#include "test_support.hpp"

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(blocking, spawn_blocking_yields_the_closure_result) {
  EXPECT_EQ(co_await asyncrt::spawn_blocking([] { return 6 * 7; }), 42);
}

ASYNC_TEST(blocking, spawn_blocking_rethrows_the_closure_exception) {
  EXPECT_THROW(co_await asyncrt::spawn_blocking([]() -> int { throw std::runtime_error("blocking failed"); }),
               std::runtime_error);
}

ASYNC_TEST(blocking, runs_on_a_thread_other_than_the_workers) {
  const auto worker = std::this_thread::get_id();
  const auto pool = co_await asyncrt::spawn_blocking([] { return std::this_thread::get_id(); });
  EXPECT_NE(worker, pool);
}

// Two workers, and more blocking closures than workers: if the closures ran
// on the workers, the ticking task would stall for the whole 200 ms.
ASYNC_TEST(blocking, blocking_closures_do_not_stall_the_workers) {
  std::vector<asyncrt::join_handle<void>> blockers;
  for (int i = 0; i < 4; ++i)
    blockers.push_back(asyncrt::spawn_blocking([] { std::this_thread::sleep_for(200ms); }));
  int ticks = 0;
  const auto start = clock::now();
  while (elapsed_ms(start) < 150ms) {
    co_await asyncrt::sleep_for(5ms);
    ++ticks;
  }
  // With the workers stalled by the sleeping closures no tick could happen
  // before they finish (200 ms); a loaded machine may lose some of the 30
  // possible ticks, so a handful proves the point without being flaky.
  EXPECT_GE(ticks, 3);
  for (auto& b : blockers) co_await b;
}

ASYNC_TEST(blocking, the_pool_grows_to_run_closures_in_parallel) {
  const auto start = clock::now();
  std::vector<asyncrt::join_handle<void>> blockers;
  for (int i = 0; i < 8; ++i)
    blockers.push_back(asyncrt::spawn_blocking([] { std::this_thread::sleep_for(100ms); }));
  for (auto& b : blockers) co_await b;
  EXPECT_LT(elapsed_ms(start), 400ms);
}

TEST(blocking, the_pool_is_bounded_by_max_blocking_threads) {
  asyncrt::runtime rt = asyncrt::runtime::builder{}.worker_threads(1).max_blocking_threads(2).build();
  const auto took = rt.block_on([]() -> asyncrt::task<std::chrono::milliseconds> {
    std::atomic<int> running{0};
    std::atomic<int> peak{0};
    const auto start = clock::now();
    std::vector<asyncrt::join_handle<void>> blockers;
    for (int i = 0; i < 4; ++i)
      blockers.push_back(asyncrt::spawn_blocking([&] {
        const int now = running.fetch_add(1) + 1;
        int seen = peak.load();
        while (now > seen && !peak.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(50ms);
        running.fetch_sub(1);
      }));
    for (auto& b : blockers) co_await b;
    EXPECT_EQ(peak.load(), 2);
    co_return elapsed_ms(start);
  }());
  EXPECT_GE(took, 100ms);
}

TEST(blocking, idle_threads_exit_after_the_keep_alive) {
  asyncrt::runtime rt =
      asyncrt::runtime::builder{}.worker_threads(1).thread_keep_alive(std::chrono::milliseconds(20)).build();
  rt.block_on([]() -> asyncrt::task<void> {
    co_await asyncrt::spawn_blocking([] {});
    co_await asyncrt::sleep_for(200ms);
    // A new closure still runs (on a new thread).
    EXPECT_EQ(co_await asyncrt::spawn_blocking([] { return 1; }), 1);
  }());
}
