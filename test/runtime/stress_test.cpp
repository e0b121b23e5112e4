// Stress tests, built three times: plain, with ThreadSanitizer and with
// AddressSanitizer (see CMakeLists.txt). They check that nothing is lost
// (every task runs, every value arrives, every lock is released) while the
// sanitizers look for races, leaks and use-after-free.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <random>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(stress, one_hundred_thousand_spawned_tasks_all_run) {
  auto ran = std::make_shared<std::atomic<long>>(0);
  std::vector<asyncrt::join_handle<int>> handles;
  handles.reserve(100'000);
  for (int i = 0; i < 100'000; ++i) {
    handles.push_back(asyncrt::spawn([](std::shared_ptr<std::atomic<long>> ran, int i) -> asyncrt::task<int> {
      ran->fetch_add(1, std::memory_order_relaxed);
      co_return i;
    }(ran, i)));
  }
  long sum = 0;
  for (auto& h : handles) sum += co_await h;
  EXPECT_EQ(ran->load(), 100'000);
  EXPECT_EQ(sum, 100'000L * 99'999 / 2);
}

ASYNC_TEST(stress, spawn_storms_from_many_tasks) {
  auto ran = std::make_shared<std::atomic<long>>(0);
  std::vector<asyncrt::join_handle<void>> spawners;
  for (int s = 0; s < 100; ++s) {
    spawners.push_back(asyncrt::spawn([](std::shared_ptr<std::atomic<long>> ran) -> asyncrt::task<void> {
      std::vector<asyncrt::join_handle<void>> children;
      for (int c = 0; c < 500; ++c) {
        children.push_back(asyncrt::spawn([](std::shared_ptr<std::atomic<long>> ran) -> asyncrt::task<void> {
          ran->fetch_add(1, std::memory_order_relaxed);
          co_await asyncrt::yield_now();
        }(ran)));
      }
      for (auto& child : children) co_await child;
    }(ran)));
  }
  for (auto& s : spawners) co_await s;
  EXPECT_EQ(ran->load(), 100 * 500);
}

ASYNC_TEST(stress, heavy_mutex_contention_loses_no_increment) {
  struct shared {
    asyncrt::mutex lock;
    long counter = 0;  // plain: only the mutex protects it (TSan checks)
  };
  auto state = std::make_shared<shared>();
  std::vector<asyncrt::join_handle<void>> handles;
  for (int t = 0; t < 64; ++t) {
    handles.push_back(asyncrt::spawn([](std::shared_ptr<shared> state) -> asyncrt::task<void> {
      for (int i = 0; i < 500; ++i) {
        auto guard = co_await state->lock.lock();
        ++state->counter;
        if (i % 50 == 0) co_await asyncrt::yield_now();
      }
    }(state)));
  }
  for (auto& h : handles) co_await h;
  EXPECT_EQ(state->counter, 64 * 500);
}

ASYNC_TEST(stress, channels_with_many_producers_deliver_everything) {
  auto [tx, rx] = asyncrt::mpsc::channel<long>(16);
  constexpr int producers = 64;
  constexpr int each = 1000;
  for (int p = 0; p < producers; ++p) {
    asyncrt::spawn([](asyncrt::mpsc::sender<long> tx, int p) -> asyncrt::task<void> {
      for (int i = 0; i < each; ++i) co_await tx.send(static_cast<long>(p) * each + i);
    }(tx, p));
  }
  { auto gone = std::move(tx); }
  long count = 0;
  long sum = 0;
  while (auto v = co_await rx.recv()) {
    ++count;
    sum += *v;
  }
  const long n = static_cast<long>(producers) * each;
  EXPECT_EQ(count, n);
  EXPECT_EQ(sum, n * (n - 1) / 2);
}

ASYNC_TEST(stress, aborting_many_sleeping_tasks_cancels_them_all) {
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 10'000; ++i)
    handles.push_back(asyncrt::spawn([]() -> asyncrt::task<void> { co_await asyncrt::sleep_for(std::chrono::hours(1)); }()));
  co_await asyncrt::sleep_for(10ms);
  for (auto& h : handles) h.abort();
  int cancelled = 0;
  for (auto& h : handles) {
    try {
      co_await h;
    } catch (const asyncrt::task_cancelled&) {
      ++cancelled;
    }
  }
  EXPECT_EQ(cancelled, 10'000);
}

ASYNC_TEST(stress, many_timers_with_random_deadlines_all_fire) {
  std::mt19937 random(42);
  std::uniform_int_distribution<int> delay(0, 20);
  auto fired = std::make_shared<std::atomic<int>>(0);
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 20'000; ++i) {
    handles.push_back(asyncrt::spawn([](int ms, std::shared_ptr<std::atomic<int>> fired) -> asyncrt::task<void> {
      co_await asyncrt::sleep_for(std::chrono::milliseconds(ms));
      fired->fetch_add(1, std::memory_order_relaxed);
    }(delay(random), fired)));
  }
  for (auto& h : handles) co_await h;
  EXPECT_EQ(fired->load(), 20'000);
}

ASYNC_TEST(stress, racing_timeouts_and_selects) {
  int elapsed = 0;
  int finished = 0;
  std::vector<asyncrt::join_handle<bool>> handles;
  for (int i = 0; i < 2'000; ++i) {
    handles.push_back(asyncrt::spawn([](int i) -> asyncrt::task<bool> {
      auto work = [](int ms) -> asyncrt::task<int> {
        co_await asyncrt::sleep_for(std::chrono::milliseconds(ms));
        co_return ms;
      };
      try {
        co_await asyncrt::timeout(std::chrono::milliseconds(5), work(i % 10));
        co_return true;
      } catch (const asyncrt::elapsed&) {
        co_return false;
      }
    }(i)));
  }
  for (auto& h : handles) (co_await h ? finished : elapsed)++;
  EXPECT_EQ(finished + elapsed, 2'000);
}

ASYNC_TEST(stress, oneshot_ping_pong_between_tasks) {
  auto [first_tx, first_rx] = asyncrt::oneshot::channel<int>();
  auto chain_end = asyncrt::spawn([](asyncrt::oneshot::receiver<int> rx) -> asyncrt::task<int> {
    int value = co_await rx;
    for (int i = 0; i < 5'000; ++i) {
      auto [tx, next_rx] = asyncrt::oneshot::channel<int>();
      asyncrt::spawn([](asyncrt::oneshot::sender<int> tx, int v) -> asyncrt::task<void> {
        tx.send(v + 1);
        co_return;
      }(std::move(tx), value));
      value = co_await next_rx;
    }
    co_return value;
  }(std::move(first_rx)));
  first_tx.send(0);
  EXPECT_EQ(co_await chain_end, 5'000);
}

TEST(stress, shutdown_with_tasks_blocked_everywhere_leaks_nothing) {
  for (int round = 0; round < 20; ++round) {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([]() -> asyncrt::task<void> {
      auto [tx, rx] = asyncrt::mpsc::channel<int>(1);
      auto m = std::make_shared<asyncrt::mutex>();
      auto held = co_await m->lock();
      for (int i = 0; i < 50; ++i) {
        asyncrt::spawn([](std::shared_ptr<asyncrt::mutex> m) -> asyncrt::task<void> { auto g = co_await m->lock(); }(m));
        asyncrt::spawn([](asyncrt::mpsc::sender<int> tx) -> asyncrt::task<void> {
          for (;;) co_await tx.send(1);
        }(tx));
        asyncrt::spawn([]() -> asyncrt::task<void> { co_await asyncrt::sleep_for(std::chrono::hours(1)); }());
        asyncrt::spawn_blocking([] {});
      }
      co_await asyncrt::yield_now();
      (void)held;
    }());
  }
}
