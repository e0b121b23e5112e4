// notify: notify_one wakes one waiter or leaves a permit; notify_waiters wakes all.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(notify, notify_one_wakes_a_waiting_task) {
  asyncrt::notify n;
  auto waiter = asyncrt::spawn([](asyncrt::notify& n) -> asyncrt::task<int> {
    co_await n.notified();
    co_return 1;
  }(n));
  co_await asyncrt::sleep_for(10ms);
  EXPECT_FALSE(waiter.is_finished());
  n.notify_one();
  EXPECT_EQ(co_await waiter, 1);
}

ASYNC_TEST(notify, notify_one_without_waiters_stores_one_permit) {
  asyncrt::notify n;
  n.notify_one();
  n.notify_one();
  co_await n.notified();  // consumes the single permit at once
  auto second = asyncrt::spawn([](asyncrt::notify& n) -> asyncrt::task<void> { co_await n.notified(); }(n));
  co_await asyncrt::sleep_for(20ms);
  EXPECT_FALSE(second.is_finished());
  n.notify_one();
  co_await second;
}

ASYNC_TEST(notify, notify_waiters_wakes_every_waiting_task_and_stores_nothing) {
  asyncrt::notify n;
  auto woken = std::make_shared<std::atomic<int>>(0);
  std::vector<asyncrt::join_handle<void>> waiters;
  for (int i = 0; i < 5; ++i)
    waiters.push_back(asyncrt::spawn([](asyncrt::notify& n, auto woken) -> asyncrt::task<void> {
      co_await n.notified();
      woken->fetch_add(1);
    }(n, woken)));
  co_await asyncrt::sleep_for(20ms);
  n.notify_waiters();
  for (auto& w : waiters) co_await w;
  EXPECT_EQ(woken->load(), 5);
  auto late = asyncrt::spawn([](asyncrt::notify& n) -> asyncrt::task<void> { co_await n.notified(); }(n));
  co_await asyncrt::sleep_for(20ms);
  EXPECT_FALSE(late.is_finished());
  late.abort();
  // It borrows `n`: gone before `n` is (ThreadSanitizer saw it outlive `n`).
  EXPECT_THROW(co_await late, asyncrt::task_cancelled);
}
