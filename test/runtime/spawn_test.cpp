// spawn and join_handle: concurrency, values, exceptions, detaching, abort.

#include "test_support.hpp"

#include <atomic>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

using namespace asyncrt_test;

namespace {

template <class T, class = void>
struct has_promise_type : std::false_type {};
template <class T>
struct has_promise_type<T, std::void_t<typename T::promise_type>> : std::true_type {};

static_assert(!has_promise_type<asyncrt::join_handle<int>>::value, "join_handle must not be a coroutine type");
static_assert(has_promise_type<asyncrt::task<int>>::value);

asyncrt::task<std::string> after(std::chrono::milliseconds d, std::string value) {
  co_await asyncrt::sleep_for(d);
  co_return value;
}

asyncrt::task<int> fail_after(std::chrono::milliseconds d) {
  co_await asyncrt::sleep_for(d);
  throw std::runtime_error("task failed");
}

}  // namespace

ASYNC_TEST(spawn, awaiting_the_handle_yields_the_value) {
  auto h = asyncrt::spawn(after(1ms, "done"));
  EXPECT_EQ(co_await h, "done");
  EXPECT_FALSE(h.valid());
}

ASYNC_TEST(spawn, awaiting_the_handle_rethrows_the_exception) {
  auto h = asyncrt::spawn(fail_after(1ms));
  EXPECT_THROW(co_await std::move(h), std::runtime_error);
}

ASYNC_TEST(spawn, spawned_tasks_run_concurrently) {
  const auto start = clock::now();
  std::vector<asyncrt::join_handle<std::string>> handles;
  for (int i = 0; i < 10; ++i) handles.push_back(asyncrt::spawn(after(100ms, "x")));
  for (auto& h : handles) EXPECT_EQ(co_await h, "x");
  EXPECT_LT(elapsed_ms(start), 500ms);
}

ASYNC_TEST(spawn, a_task_runs_before_its_handle_is_awaited) {
  auto flag = std::make_shared<std::atomic<bool>>(false);
  auto h = asyncrt::spawn([](std::shared_ptr<std::atomic<bool>> f) -> asyncrt::task<void> {
    f->store(true);
    co_return;
  }(flag));
  co_await asyncrt::sleep_for(50ms);
  EXPECT_TRUE(flag->load());
  co_await h;
}

ASYNC_TEST(spawn, dropping_the_handle_detaches_the_task) {
  auto count = std::make_shared<std::atomic<int>>(0);
  {
    auto h = asyncrt::spawn([](std::shared_ptr<std::atomic<int>> c) -> asyncrt::task<void> {
      co_await asyncrt::sleep_for(20ms);
      c->fetch_add(1);
    }(count));
  }
  co_await asyncrt::sleep_for(150ms);
  EXPECT_EQ(count->load(), 1);
}

ASYNC_TEST(spawn, abort_cancels_the_task_at_its_next_suspension_point) {
  auto reached_end = std::make_shared<std::atomic<bool>>(false);
  auto destroyed = std::make_shared<std::atomic<bool>>(false);
  auto h = asyncrt::spawn([](std::shared_ptr<std::atomic<bool>> end,
                             std::shared_ptr<std::atomic<bool>> gone) -> asyncrt::task<int> {
    struct on_destroy {
      std::shared_ptr<std::atomic<bool>> flag;
      ~on_destroy() { flag->store(true); }
    } guard{gone};
    co_await asyncrt::sleep_for(10s);
    end->store(true);
    co_return 1;
  }(reached_end, destroyed));
  co_await asyncrt::sleep_for(10ms);
  const auto start = clock::now();
  h.abort();
  EXPECT_THROW(co_await h, asyncrt::task_cancelled);
  EXPECT_LT(elapsed_ms(start), 1000ms);
  EXPECT_TRUE(destroyed->load());
  EXPECT_FALSE(reached_end->load());
}

ASYNC_TEST(spawn, abort_after_completion_keeps_the_value) {
  auto h = asyncrt::spawn(after(0ms, "kept"));
  while (!h.is_finished()) co_await asyncrt::yield_now();
  h.abort();
  EXPECT_EQ(co_await h, "kept");
}

ASYNC_TEST(spawn, a_task_can_spawn_and_await_a_chain_of_tasks) {
  struct chain {
    static asyncrt::task<int> hop(int depth) {
      if (depth == 0) co_return 0;
      co_return 1 + co_await asyncrt::spawn(hop(depth - 1));
    }
  };
  EXPECT_EQ(co_await chain::hop(1000), 1000);
}

TEST(spawn, outside_a_runtime_throws_logic_error) {
  EXPECT_THROW(asyncrt::spawn(after(1ms, "x")), std::logic_error);
}

TEST(spawn, a_detached_task_exception_is_reported_on_standard_error) {
  testing::internal::CaptureStderr();
  {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([]() -> asyncrt::task<void> {
      asyncrt::spawn(fail_after(1ms)).detach();
      co_await asyncrt::sleep_for(100ms);
    }());
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("task failed"), std::string::npos) << err;
}

TEST(spawn, runtime_spawn_works_from_outside_the_runtime) {
  asyncrt::runtime rt = make_runtime(2);
  auto h = rt.spawn(after(1ms, "outside"));
  EXPECT_EQ(rt.block_on([](asyncrt::join_handle<std::string> handle) -> asyncrt::task<std::string> {
              co_return co_await handle;
            }(std::move(h))),
            "outside");
}

TEST(spawn, shutdown_destroys_tasks_that_never_finish) {
  // Each task's frame holds a copy of `alive`, started or not: once the
  // runtime is gone, only the original may remain.
  auto alive = std::make_shared<int>(0);
  {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([](std::shared_ptr<int> token) -> asyncrt::task<void> {
      for (int i = 0; i < 100; ++i) {
        asyncrt::spawn([](std::shared_ptr<int> held) -> asyncrt::task<void> {
          co_await asyncrt::sleep_for(std::chrono::hours(1));
          (void)held;
        }(token));
      }
      co_await asyncrt::yield_now();
    }(alive));
  }
  EXPECT_EQ(alive.use_count(), 1);
}
