// mutex: exclusion, FIFO order, guards, try_lock, cancellation while waiting.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(mutex, lock_gives_exclusive_access_across_awaits) {
  auto m = std::make_shared<asyncrt::mutex>();
  auto inside = std::make_shared<std::atomic<int>>(0);
  auto max_inside = std::make_shared<std::atomic<int>>(0);
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 20; ++i) {
    handles.push_back(asyncrt::spawn([](auto m, auto inside, auto max_inside) -> asyncrt::task<void> {
      for (int j = 0; j < 5; ++j) {
        auto guard = co_await m->lock();
        const int now = inside->fetch_add(1) + 1;
        if (now > max_inside->load()) max_inside->store(now);
        co_await asyncrt::yield_now();
        inside->fetch_sub(1);
      }
    }(m, inside, max_inside)));
  }
  for (auto& h : handles) co_await h;
  EXPECT_EQ(max_inside->load(), 1);
}

ASYNC_TEST(mutex, waiters_acquire_in_fifo_order) {
  asyncrt::mutex m;
  std::vector<int> order;
  auto first = co_await m.lock();
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 10; ++i) {
    handles.push_back(asyncrt::spawn([](asyncrt::mutex& m, std::vector<int>& order, int i) -> asyncrt::task<void> {
      auto guard = co_await m.lock();
      order.push_back(i);
    }(m, order, i)));
    // Let task i queue up before task i + 1 starts.
    co_await asyncrt::sleep_for(5ms);
  }
  first.unlock();
  for (auto& h : handles) co_await h;
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

ASYNC_TEST(mutex, the_guard_unlocks_on_destruction) {
  asyncrt::mutex m;
  {
    auto guard = co_await m.lock();
    EXPECT_FALSE(m.try_lock());
  }
  EXPECT_TRUE(m.try_lock());
  m.unlock();
}

ASYNC_TEST(mutex, try_lock_can_be_adopted_by_a_guard) {
  asyncrt::mutex m;
  CO_ASSERT_TRUE(m.try_lock());
  {
    asyncrt::mutex_guard guard(m, std::adopt_lock);
    EXPECT_TRUE(guard.owns_lock());
  }
  EXPECT_TRUE(m.try_lock());
  m.unlock();
}

ASYNC_TEST(mutex, a_cancelled_waiter_leaves_the_queue) {
  asyncrt::mutex m;
  auto held = co_await m.lock();
  auto waiter = asyncrt::spawn([](asyncrt::mutex& m) -> asyncrt::task<void> {
    auto guard = co_await m.lock();
  }(m));
  co_await asyncrt::sleep_for(10ms);
  waiter.abort();
  EXPECT_THROW(co_await waiter, asyncrt::task_cancelled);
  held.unlock();
  EXPECT_TRUE(m.try_lock());
  m.unlock();
}

// The task takes the lock 128 times a run (its coop budget) and then yields
// its turn holding the guard it just got: an abort lands at that yield.
ASYNC_TEST_ON(1, mutex, aborting_a_task_at_its_coop_yield_leaves_the_mutex_unlocked) {
  asyncrt::mutex m;
  std::atomic<int> locks{0};
  auto locker = asyncrt::spawn([](asyncrt::mutex& m, std::atomic<int>& locks) -> asyncrt::task<void> {
    for (;;) {
      auto guard = co_await m.lock();
      locks.fetch_add(1, std::memory_order_relaxed);
    }
  }(m, locks));
  while (locks.load(std::memory_order_relaxed) < 300) co_await asyncrt::yield_now();
  locker.abort();
  EXPECT_THROW(co_await locker, asyncrt::task_cancelled);
  EXPECT_TRUE(m.try_lock());
  m.unlock();
}
