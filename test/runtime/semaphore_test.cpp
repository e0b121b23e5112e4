// semaphore: bounds concurrency, FIFO, permits returned on drop and cancel.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(semaphore, limits_how_many_tasks_run_at_once) {
  auto sem = std::make_shared<asyncrt::semaphore>(3);
  auto running = std::make_shared<std::atomic<int>>(0);
  auto peak = std::make_shared<std::atomic<int>>(0);
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 12; ++i) {
    handles.push_back(asyncrt::spawn([](auto sem, auto running, auto peak) -> asyncrt::task<void> {
      auto permit = co_await sem->acquire();
      const int now = running->fetch_add(1) + 1;
      int seen = peak->load();
      while (now > seen && !peak->compare_exchange_weak(seen, now)) {
      }
      co_await asyncrt::sleep_for(5ms);
      running->fetch_sub(1);
    }(sem, running, peak)));
  }
  for (auto& h : handles) co_await h;
  EXPECT_EQ(peak->load(), 3);
  EXPECT_EQ(sem->available_permits(), 3u);
}

ASYNC_TEST(semaphore, a_large_request_is_not_overtaken) {
  asyncrt::semaphore sem(2);
  auto held = co_await sem.acquire(2);
  std::vector<int> order;
  auto big = asyncrt::spawn([](asyncrt::semaphore& s, std::vector<int>& o) -> asyncrt::task<void> {
    auto p = co_await s.acquire(2);
    o.push_back(2);
  }(sem, order));
  co_await asyncrt::sleep_for(10ms);
  auto small = asyncrt::spawn([](asyncrt::semaphore& s, std::vector<int>& o) -> asyncrt::task<void> {
    auto p = co_await s.acquire(1);
    o.push_back(1);
  }(sem, order));
  co_await asyncrt::sleep_for(10ms);
  EXPECT_FALSE(sem.try_acquire(1).has_value());
  held.release();
  co_await big;
  co_await small;
  EXPECT_EQ(order, (std::vector<int>{2, 1}));
}

ASYNC_TEST(semaphore, try_acquire_and_forget) {
  asyncrt::semaphore sem(1);
  {
    auto p = sem.try_acquire();
    CO_ASSERT_TRUE(p.has_value());
    EXPECT_FALSE(sem.try_acquire().has_value());
  }
  auto p = sem.try_acquire();
  CO_ASSERT_TRUE(p.has_value());
  p->forget();
  EXPECT_EQ(sem.available_permits(), 0u);
  sem.add_permits(1);
  EXPECT_EQ(sem.available_permits(), 1u);
  co_return;
}

ASYNC_TEST(semaphore, a_cancelled_waiter_gives_nothing_away) {
  asyncrt::semaphore sem(1);
  auto held = co_await sem.acquire();
  auto waiter = asyncrt::spawn([](asyncrt::semaphore& s) -> asyncrt::task<void> {
    auto p = co_await s.acquire();
  }(sem));
  co_await asyncrt::sleep_for(10ms);
  waiter.abort();
  EXPECT_THROW(co_await waiter, asyncrt::task_cancelled);
  held.release();
  EXPECT_EQ(sem.available_permits(), 1u);
}

ASYNC_TEST_ON(1, semaphore, aborting_a_task_at_its_coop_yield_returns_the_permit) {
  asyncrt::semaphore sem(2);
  std::atomic<int> acquired{0};
  auto acquirer = asyncrt::spawn([](asyncrt::semaphore& s, std::atomic<int>& acquired) -> asyncrt::task<void> {
    for (;;) {
      auto permit = co_await s.acquire();
      acquired.fetch_add(1, std::memory_order_relaxed);
    }
  }(sem, acquired));
  while (acquired.load(std::memory_order_relaxed) < 300) co_await asyncrt::yield_now();
  acquirer.abort();
  EXPECT_THROW(co_await acquirer, asyncrt::task_cancelled);
  EXPECT_EQ(sem.available_permits(), 2u);
}
