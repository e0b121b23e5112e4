// Time: sleep accuracy, sleep_until, interval, timeout.

#include "test_support.hpp"

#include <vector>

using namespace asyncrt_test;

namespace {

// The issue fixes the numbers: a 100 ms sleep wakes between 100 and 120 ms
// on an idle machine. The lower bound is a guarantee and is checked
// strictly; the upper one depends on the machine's load (tests may run
// next to a compiler), so a late wake-up is measured again before failing.
asyncrt::task<std::chrono::microseconds> timed_sleep(std::chrono::milliseconds d) {
  const auto start = clock::now();
  co_await asyncrt::sleep_for(d);
  co_return std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start);
}

}  // namespace

ASYNC_TEST(time, sleep_for_100ms_wakes_between_100_and_120ms) {
  std::chrono::microseconds took{};
  for (int attempt = 0; attempt < 3; ++attempt) {
    took = co_await timed_sleep(100ms);
    EXPECT_GE(took, 100ms);
    if (took < 120ms) break;
  }
  EXPECT_LT(took, 120ms);
}

ASYNC_TEST(time, sleep_for_zero_completes_at_once) {
  const auto start = clock::now();
  co_await asyncrt::sleep_for(0ms);
  EXPECT_LT(elapsed_ms(start), 50ms);
}

ASYNC_TEST(time, sleep_until_wakes_after_the_deadline) {
  const auto deadline = clock::now() + 30ms;
  co_await asyncrt::sleep_until(deadline);
  EXPECT_GE(clock::now(), deadline);
}

ASYNC_TEST(time, sleeps_wake_in_deadline_order) {
  auto [tx, rx] = asyncrt::mpsc::unbounded_channel<int>();
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i : {5, 1, 4, 2, 3}) {
    handles.push_back(asyncrt::spawn([](int n, asyncrt::mpsc::sender<int> out) -> asyncrt::task<void> {
      co_await asyncrt::sleep_for(n * 20ms);
      co_await out.send(n);
    }(i, tx)));
  }
  for (auto& h : handles) co_await h;
  std::vector<int> order;
  while (auto v = rx.try_recv()) order.push_back(*v);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5}));
}

ASYNC_TEST(time, a_timer_wakes_while_the_other_worker_is_busy) {
  auto busy = asyncrt::spawn([]() -> asyncrt::task<void> {
    const auto until = clock::now() + 300ms;
    while (clock::now() < until) {
    }
    co_return;
  }());
  const auto took = co_await timed_sleep(50ms);
  EXPECT_GE(took, 50ms);
  EXPECT_LT(took, 250ms);
  co_await busy;
}

ASYNC_TEST(time, interval_ticks_at_its_period) {
  asyncrt::interval ticker(20ms);
  const auto start = clock::now();
  const auto first = co_await ticker.tick();
  EXPECT_LT(elapsed_ms(start), 15ms);
  for (int i = 0; i < 5; ++i) co_await ticker.tick();
  const auto took = elapsed_ms(start);
  EXPECT_GE(took, 100ms);
  EXPECT_LT(took, 400ms);
  EXPECT_GE(clock::now() - first, 100ms);
}

ASYNC_TEST(time, timeout_returns_the_value_of_a_fast_task) {
  auto fast = []() -> asyncrt::task<int> {
    co_await asyncrt::sleep_for(5ms);
    co_return 5;
  };
  EXPECT_EQ(co_await asyncrt::timeout(1s, fast()), 5);
}

ASYNC_TEST(time, timeout_throws_elapsed_and_cancels_a_slow_task) {
  auto finished = std::make_shared<std::atomic<bool>>(false);
  auto slow = [](std::shared_ptr<std::atomic<bool>> done) -> asyncrt::task<void> {
    co_await asyncrt::sleep_for(10s);
    done->store(true);
  };
  const auto start = clock::now();
  EXPECT_THROW(co_await asyncrt::timeout(30ms, slow(finished)), asyncrt::elapsed);
  const auto took = elapsed_ms(start);
  EXPECT_GE(took, 30ms);
  EXPECT_LT(took, 1000ms);
  EXPECT_FALSE(finished->load());
}

ASYNC_TEST(time, a_sleep_counts_from_its_await_not_its_call) {
  auto sleep = asyncrt::sleep_for(40ms);
  const auto start = clock::now();
  while (clock::now() - start < 50ms) {
  }
  const auto awaited = clock::now();
  co_await sleep;
  EXPECT_GE(clock::now() - awaited, 40ms);
}

ASYNC_TEST(time, a_sleep_awaited_twice_throws) {
  auto sleep = asyncrt::sleep_for(1ms);
  EXPECT_TRUE(sleep.valid());
  co_await sleep;
  EXPECT_THROW(co_await sleep, std::logic_error);
}

// A sleep task keeps its duration or deadline in 62 bits (about 73 years of
// nanoseconds); anything longer is forever, not a moment wrapped into the past.
ASYNC_TEST(time, the_longest_sleeps_last_until_cancelled) {
  std::vector<asyncrt::join_handle<void>> sleeps;
  sleeps.push_back(asyncrt::spawn(asyncrt::sleep_for(std::chrono::nanoseconds::max())));
  sleeps.push_back(asyncrt::spawn(asyncrt::sleep_for(std::chrono::hours(24 * 365 * 100))));
  sleeps.push_back(asyncrt::spawn(asyncrt::sleep_until(asyncrt::steady_time::max())));
  co_await asyncrt::sleep_for(30ms);
  for (auto& sleep : sleeps) {
    EXPECT_FALSE(sleep.is_finished());
    sleep.abort();
    EXPECT_THROW(co_await sleep, asyncrt::task_cancelled);
  }
}

ASYNC_TEST(time, sleeps_into_the_distant_past_complete_at_once) {
  const auto start = clock::now();
  co_await asyncrt::sleep_for(std::chrono::nanoseconds::min());
  co_await asyncrt::sleep_for(-std::chrono::hours(24 * 365 * 100));
  co_await asyncrt::sleep_until(asyncrt::steady_time::min());
  EXPECT_LT(elapsed_ms(start), 50ms);
}

ASYNC_TEST(time, sleeps_can_be_spawned_and_joined) {
  const auto start = clock::now();
  auto handle = asyncrt::spawn(asyncrt::sleep_for(30ms));
  co_await asyncrt::join(asyncrt::sleep_until(start + 20ms), asyncrt::yield_now());
  EXPECT_GE(clock::now() - start, 20ms);
  co_await handle;
  EXPECT_GE(clock::now() - start, 30ms);
}

namespace {

asyncrt::task<int> ready(int value) { co_return value; }

// Completes in its first run, which takes `d`: it never suspends.
asyncrt::task<int> ready_after_busy(std::chrono::milliseconds d, int value) {
  const auto start = clock::now();
  while (clock::now() - start < d) {
  }
  co_return value;
}

asyncrt::task<void> timeout_of_zero_returns_what_a_ready_task_gives() {
  for (int i = 0; i < 100; ++i) EXPECT_EQ(co_await asyncrt::timeout(0ms, ready(i)), i);
}

}  // namespace

// As tokio's: the task is run first, and its value wins over an expired deadline.
ASYNC_TEST(time, timeout_of_zero_returns_the_value_of_a_ready_task) {
  co_await timeout_of_zero_returns_what_a_ready_task_gives();
}

ASYNC_TEST_ON(1, time, timeout_of_zero_returns_the_value_of_a_ready_task_on_one_worker) {
  co_await timeout_of_zero_returns_what_a_ready_task_gives();
}

ASYNC_TEST(time, timeout_returns_the_value_of_a_task_that_completes_in_its_first_run) {
  EXPECT_EQ(co_await asyncrt::timeout(1ms, ready_after_busy(30ms, 8)), 8);
}

ASYNC_TEST(time, timeout_of_zero_throws_elapsed_for_a_task_that_waits) {
  EXPECT_THROW(co_await asyncrt::timeout(0ms, asyncrt::sleep_for(10s)), asyncrt::elapsed);
}
