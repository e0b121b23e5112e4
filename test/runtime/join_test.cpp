// join: all tasks run concurrently; values in order; failures cancel the rest.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <variant>

using namespace asyncrt_test;

namespace {

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(100ms);
  co_return "data from " + url;
}

asyncrt::task<void> nothing() { co_return; }

asyncrt::task<int> fail_after(std::chrono::milliseconds d) {
  co_await asyncrt::sleep_for(d);
  throw std::runtime_error("join child failed");
}

}  // namespace

ASYNC_TEST(join, runs_both_tasks_concurrently) {
  const auto start = clock::now();
  auto [a, b] = co_await asyncrt::join(fetch("a"), fetch("b"));
  const auto took = elapsed_ms(start);
  EXPECT_EQ(a, "data from a");
  EXPECT_EQ(b, "data from b");
  EXPECT_GE(took, 100ms);
  EXPECT_LT(took, 190ms);
}

ASYNC_TEST(join, void_tasks_give_monostate) {
  auto result = co_await asyncrt::join(nothing(), fetch("x"));
  static_assert(std::is_same_v<decltype(result), std::tuple<std::monostate, std::string>>);
  EXPECT_EQ(std::get<1>(result), "data from x");
}

ASYNC_TEST(join, of_no_task_completes_at_once) {
  auto result = co_await asyncrt::join();
  static_assert(std::is_same_v<decltype(result), std::tuple<>>);
}

ASYNC_TEST(join, a_failure_propagates_and_cancels_the_others) {
  auto slow_done = std::make_shared<std::atomic<bool>>(false);
  auto slow = [](std::shared_ptr<std::atomic<bool>> done) -> asyncrt::task<int> {
    co_await asyncrt::sleep_for(5s);
    done->store(true);
    co_return 1;
  };
  const auto start = clock::now();
  EXPECT_THROW(co_await asyncrt::join(slow(slow_done), fail_after(10ms)), std::runtime_error);
  EXPECT_LT(elapsed_ms(start), 2000ms);
  EXPECT_FALSE(slow_done->load());
}

namespace {

// Fails without ever suspending, so that it cannot be cancelled, once the
// other task that calls it is running too (or after 2 s).
asyncrt::task<int> fail_together(std::atomic<int>& running, std::string what) {
  running.fetch_add(1);
  const auto start = clock::now();
  while (running.load() < 2 && clock::now() - start < 2s) {
  }
  if (!what.empty()) throw std::runtime_error(what);
  co_return 0;
}

}  // namespace

// As tokio's try_join!: the first failure propagates, the second is dropped
// quietly (not reported as a detached task's).
ASYNC_TEST(join, the_second_of_two_failures_is_dropped_quietly) {
  std::atomic<int> running{0};
  testing::internal::CaptureStderr();
  bool caught = false;
  try {
    co_await asyncrt::join(fail_together(running, "first"), fail_together(running, "second"));
  } catch (const std::runtime_error&) {
    caught = true;
  }
  const std::string reported = testing::internal::GetCapturedStderr();
  EXPECT_TRUE(caught);
  EXPECT_EQ(running.load(), 2);
  EXPECT_EQ(reported, "");
}
