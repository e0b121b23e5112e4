// Cancellation and shutdown: what is dropped, in which order, and that
// nothing is touched after it is gone.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace asyncrt_test;

namespace {

// Counts the live instances of a local, so that a test can tell whether a
// task's frame is gone.
class counted {
 public:
  explicit counted(std::shared_ptr<std::atomic<int>> live) : live_(std::move(live)) { live_->fetch_add(1); }
  counted(const counted&) = delete;
  counted& operator=(const counted&) = delete;
  ~counted() { live_->fetch_sub(1); }

 private:
  std::shared_ptr<std::atomic<int>> live_;
};

asyncrt::task<void> sleep_forever() { co_await asyncrt::sleep_for(std::chrono::hours(1)); }

// Waits (on the runtime) until `flag` is set by another task.
asyncrt::task<void> wait_for(const std::atomic<bool>& flag) {
  while (!flag.load()) co_await asyncrt::sleep_for(1ms);
}

}  // namespace

namespace {

// A chain of `depth` awaits, the innermost asleep; `reached` is set once it is.
asyncrt::task<void> descend(int depth, std::shared_ptr<std::atomic<bool>> reached) {
  if (depth == 0) {
    reached->store(true);
    co_await sleep_forever();
  } else {
    co_await descend(depth - 1, std::move(reached));
  }
}

}  // namespace

ASYNC_TEST(cancellation, aborting_a_task_suspended_a_million_awaits_deep_does_not_overflow_the_stack) {
  auto reached = std::make_shared<std::atomic<bool>>(false);
  auto deep = asyncrt::spawn(descend(deep_chain_depth, reached));
  co_await wait_for(*reached);
  deep.abort();
  EXPECT_THROW(co_await deep, asyncrt::task_cancelled);
}

TEST(cancellation, shutdown_of_a_task_suspended_a_million_awaits_deep_does_not_overflow_the_stack) {
  auto reached = std::make_shared<std::atomic<bool>>(false);
  {
    asyncrt::runtime rt = make_runtime(2);
    rt.spawn(descend(deep_chain_depth, reached)).detach();
    while (!reached->load()) std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(reached.use_count(), 1);
}

namespace {

class throws_on_drop {
 public:
  explicit throws_on_drop(const char* what) : what_(what) {}
  throws_on_drop(const throws_on_drop&) = delete;
  throws_on_drop& operator=(const throws_on_drop&) = delete;
  ~throws_on_drop() noexcept(false) { throw std::runtime_error(what_); }

 private:
  const char* what_;
};

asyncrt::task<void> inner_throws_when_dropped(std::shared_ptr<std::atomic<bool>> reached) {
  throws_on_drop local{"inner local"};
  reached->store(true);
  co_await sleep_forever();
}

asyncrt::task<void> outer_throws_when_dropped(std::shared_ptr<std::atomic<bool>> reached,
                                              std::shared_ptr<std::atomic<int>> live) {
  throws_on_drop local{"outer local"};
  counted after_the_throw{std::move(live)};
  co_await inner_throws_when_dropped(std::move(reached));
}

}  // namespace

TEST(cancellation, an_exception_thrown_while_a_cancelled_frame_is_destroyed_is_reported) {
  auto reached = std::make_shared<std::atomic<bool>>(false);
  auto live = std::make_shared<std::atomic<int>>(0);
  testing::internal::CaptureStderr();
  {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([](std::shared_ptr<std::atomic<bool>> reached, std::shared_ptr<std::atomic<int>> live)
                    -> asyncrt::task<void> {
      auto h = asyncrt::spawn(outer_throws_when_dropped(reached, std::move(live)));
      co_await wait_for(*reached);
      h.abort();
      EXPECT_THROW(co_await h, asyncrt::task_cancelled);
    }(reached, live));
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("asyncrt: a detached task threw an exception: inner local"), std::string::npos) << err;
  EXPECT_NE(err.find("asyncrt: a detached task threw an exception: outer local"), std::string::npos) << err;
  EXPECT_EQ(live->load(), 0);
  EXPECT_EQ(live.use_count(), 1);
}

namespace {

asyncrt::task<void> awaits_a_sleeping_child() { co_await asyncrt::spawn(sleep_forever()); }

asyncrt::task<void> spawn_chain(int depth) {
  if (depth == 0) co_await sleep_forever();
  else co_await asyncrt::spawn(spawn_chain(depth - 1));
}

}  // namespace

// Cancelling a child wakes its parent, which shutdown destroys in the same
// loop: the wake must not queue the parent (or link it to freed tasks).
TEST(cancellation, shutdown_with_parents_awaiting_sleeping_children_touches_no_freed_task) {
  for (int round = 0; round < 20; ++round) {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([]() -> asyncrt::task<void> {
      for (int i = 0; i < 100; ++i) asyncrt::spawn(awaits_a_sleeping_child()).detach();
      co_await asyncrt::sleep_for(1ms);
    }());
  }
}

TEST(cancellation, shutdown_of_a_deep_spawn_chain_touches_no_freed_task) {
  for (int round = 0; round < 5; ++round) {
    asyncrt::runtime rt = make_runtime(2);
    rt.block_on([]() -> asyncrt::task<void> {
      asyncrt::spawn(spawn_chain(1000)).detach();
      co_await asyncrt::sleep_for(5ms);
    }());
  }
}

namespace {

struct spawn_counts {
  std::atomic<bool> guarded{false};
  std::atomic<int> spawned{0};
  std::atomic<int> failed{0};
  std::atomic<int> ran{0};
};

// Spawns a task from its destructor, as a guard that hands its clean-up to
// the runtime does.
class spawns_on_drop {
 public:
  explicit spawns_on_drop(std::shared_ptr<spawn_counts> counts) : counts_(std::move(counts)) {}
  spawns_on_drop(const spawns_on_drop&) = delete;
  spawns_on_drop& operator=(const spawns_on_drop&) = delete;
  ~spawns_on_drop() {
    try {
      asyncrt::spawn([](std::shared_ptr<spawn_counts> counts) -> asyncrt::task<void> {
        counts->ran.fetch_add(1);
        co_return;
      }(counts_)).detach();
      counts_->spawned.fetch_add(1);
    } catch (...) {
      counts_->failed.fetch_add(1);
    }
  }

 private:
  std::shared_ptr<spawn_counts> counts_;
};

}  // namespace

TEST(cancellation, a_spawn_in_a_destructor_during_shutdown_is_cancelled_at_once) {
  auto counts = std::make_shared<spawn_counts>();
  {
    asyncrt::runtime rt = make_runtime(2);
    rt.spawn([](std::shared_ptr<spawn_counts> counts) -> asyncrt::task<void> {
      counts->guarded.store(true);
      spawns_on_drop guard{std::move(counts)};
      co_await sleep_forever();
    }(counts)).detach();
    while (!counts->guarded.load()) std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(counts->spawned.load(), 1);
  EXPECT_EQ(counts->failed.load(), 0);
  EXPECT_EQ(counts->ran.load(), 0);
  EXPECT_EQ(counts.use_count(), 1);
}
