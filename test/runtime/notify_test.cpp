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
  // Its frame (and its place in n's queue) is gone before n is.
  EXPECT_THROW(co_await late, asyncrt::task_cancelled);
}

ASYNC_TEST_ON(1, notify, aborting_a_task_at_its_coop_yield_keeps_the_permit_it_took) {
  asyncrt::notify n;
  std::atomic<int> rounds{0};
  auto looper = asyncrt::spawn([](asyncrt::notify& n, std::atomic<int>& rounds) -> asyncrt::task<void> {
    for (;;) {
      n.notify_one();
      co_await n.notified();
      rounds.fetch_add(1, std::memory_order_relaxed);
    }
  }(n, rounds));
  while (rounds.load(std::memory_order_relaxed) < 300) co_await asyncrt::yield_now();
  looper.abort();
  EXPECT_THROW(co_await looper, asyncrt::task_cancelled);
  // The looper stored a permit and was cancelled while taking it: the permit is still there.
  EXPECT_NO_THROW(co_await asyncrt::timeout(2s, n.notified()));
}

ASYNC_TEST(notify, a_notified_created_before_notify_waiters_completes) {
  asyncrt::notify n;
  auto waiting = n.notified();  // tokio's pattern: create, check the condition, then await
  n.notify_waiters();
  EXPECT_NO_THROW(co_await asyncrt::timeout(2s, std::move(waiting)));
}

ASYNC_TEST(notify, a_notified_created_after_notify_waiters_waits) {
  asyncrt::notify n;
  n.notify_waiters();
  auto waiting = n.notified();
  EXPECT_THROW(co_await asyncrt::timeout(20ms, std::move(waiting)), asyncrt::elapsed);
}
