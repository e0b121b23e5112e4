// The scheduler: fairness (coop budget, yield), work stealing, idle workers
// that do not spin.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace asyncrt_test;

namespace {

std::chrono::microseconds cpu_time() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return std::chrono::seconds(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         std::chrono::microseconds(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

}  // namespace

// One worker; a task that locks a free mutex in a loop never suspends on its
// own. Without the coop budget the other tasks would never run again (the
// test would hang until ctest's timeout).
ASYNC_TEST_ON(1, scheduler, a_busy_task_does_not_starve_the_others_on_its_worker) {
  auto started = std::make_shared<std::atomic<bool>>(false);
  auto stop = std::make_shared<std::atomic<bool>>(false);
  auto m = std::make_shared<asyncrt::mutex>();
  auto busy = asyncrt::spawn([](auto started, auto stop, auto m) -> asyncrt::task<long> {
    started->store(true);
    long rounds = 0;
    while (!stop->load()) {
      auto guard = co_await m->lock();
      ++rounds;
    }
    co_return rounds;
  }(started, stop, m));
  while (!started->load()) co_await asyncrt::yield_now();
  stop->store(true);
  EXPECT_GT(co_await busy, 0);
}

ASYNC_TEST_ON(1, scheduler, yield_now_lets_the_other_tasks_run) {
  auto order = std::make_shared<std::vector<int>>();
  auto a = asyncrt::spawn([](auto order) -> asyncrt::task<void> {
    for (int i = 0; i < 3; ++i) {
      order->push_back(0);
      co_await asyncrt::yield_now();
    }
  }(order));
  auto b = asyncrt::spawn([](auto order) -> asyncrt::task<void> {
    for (int i = 0; i < 3; ++i) {
      order->push_back(1);
      co_await asyncrt::yield_now();
    }
  }(order));
  co_await a;
  co_await b;
  // The two tasks alternate (which one starts is the scheduler's choice).
  CO_ASSERT_TRUE(order->size() == 6u);
  for (std::size_t i = 1; i < order->size(); ++i) EXPECT_NE((*order)[i], (*order)[i - 1]);
}

// Tasks spawned by one task land in its worker's queues; the other worker
// must steal them for both threads to take part.
ASYNC_TEST(scheduler, idle_workers_steal_work) {
  auto threads = std::make_shared<std::set<std::thread::id>>();
  auto lock = std::make_shared<std::mutex>();
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 16; ++i) {
    handles.push_back(asyncrt::spawn([](auto threads, auto lock) -> asyncrt::task<void> {
      const auto until = clock::now() + 10ms;
      while (clock::now() < until) {
      }
      std::lock_guard g(*lock);
      threads->insert(std::this_thread::get_id());
      co_return;
    }(threads, lock)));
  }
  for (auto& h : handles) co_await h;
  EXPECT_EQ(threads->size(), 2u);
}

TEST(scheduler, idle_workers_park_without_spinning) {
  asyncrt::runtime rt = make_runtime(2);
  rt.block_on([]() -> asyncrt::task<void> { co_return; }());
  const auto before = cpu_time();
  std::this_thread::sleep_for(300ms);
  const auto used = cpu_time() - before;
  EXPECT_LT(used, 30ms);
}

TEST(scheduler, tasks_spawned_from_outside_wake_a_parked_worker) {
  asyncrt::runtime rt = make_runtime(2);
  std::this_thread::sleep_for(20ms);
  auto h = rt.spawn([]() -> asyncrt::task<int> { co_return 4; }());
  EXPECT_EQ(rt.block_on([](asyncrt::join_handle<int> h) -> asyncrt::task<int> { co_return co_await h; }(std::move(h))),
            4);
}

ASYNC_TEST(scheduler, sleeping_tasks_cost_no_cpu) {
  const auto before = cpu_time();
  std::vector<asyncrt::join_handle<void>> handles;
  for (int i = 0; i < 1000; ++i)
    handles.push_back(asyncrt::spawn([]() -> asyncrt::task<void> { co_await asyncrt::sleep_for(300ms); }()));
  for (auto& h : handles) co_await h;
  EXPECT_LT(cpu_time() - before, 100ms);
}
