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

namespace {

// Records, in a log shared by the tasks of a test, when it is destroyed.
class drop_log {
 public:
  void add(std::string entry) {
    std::lock_guard lock(mutex_);
    entries_.push_back(std::move(entry));
  }
  std::vector<std::string> entries() {
    std::lock_guard lock(mutex_);
    return entries_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> entries_;
};

class logs_drop {
 public:
  logs_drop(std::shared_ptr<drop_log> log, std::string name) : log_(std::move(log)), name_(std::move(name)) {}
  logs_drop(const logs_drop&) = delete;
  logs_drop& operator=(const logs_drop&) = delete;
  ~logs_drop() { log_->add(name_); }

 private:
  std::shared_ptr<drop_log> log_;
  std::string name_;
};

asyncrt::task<void> counted_sleeper(std::shared_ptr<std::atomic<int>> live) {
  counted local{std::move(live)};
  co_await sleep_forever();
}

// A tree of joins `levels` deep, each task with a counted local, the leaves
// asleep: 2^(levels+1) - 1 live locals.
asyncrt::task<void> counted_tree(std::shared_ptr<std::atomic<int>> live, int levels) {
  if (levels == 0) {
    co_await counted_sleeper(std::move(live));
    co_return;
  }
  counted local{live};
  co_await asyncrt::join(counted_tree(live, levels - 1), counted_tree(live, levels - 1));
}

}  // namespace

ASYNC_TEST(cancellation, aborting_a_parent_drops_its_children_before_its_own_locals) {
  auto log = std::make_shared<drop_log>();
  auto started = std::make_shared<std::atomic<bool>>(false);
  auto parent = asyncrt::spawn([](std::shared_ptr<drop_log> log, std::shared_ptr<std::atomic<bool>> started)
                                   -> asyncrt::task<void> {
    logs_drop parent_local{log, "parent"};
    auto child = [](std::shared_ptr<drop_log> log, std::shared_ptr<std::atomic<bool>> started) -> asyncrt::task<void> {
      logs_drop child_local{log, "child"};
      started->store(true);
      co_await sleep_forever();
    };
    co_await asyncrt::select(child(log, started), sleep_forever());
  }(log, started));
  co_await wait_for(*started);
  parent.abort();
  EXPECT_THROW(co_await parent, asyncrt::task_cancelled);
  EXPECT_EQ(log->entries(), (std::vector<std::string>{"child", "parent"}));
}

// On one worker, so that nothing cancels the branch concurrently with its
// parent: the branch must be gone before the parent's guard hands it the
// mutex and the mutex is destroyed.
ASYNC_TEST_ON(1, cancellation, a_select_branch_waiting_for_its_parents_mutex_is_dropped_before_the_mutex) {
  auto started = std::make_shared<std::atomic<bool>>(false);
  auto parent = asyncrt::spawn([](std::shared_ptr<std::atomic<bool>> started) -> asyncrt::task<void> {
    // On the heap: ASan sees a use after it is freed (the frame's own memory
    // stays allocated while the handle refers to the task).
    auto m = std::make_unique<asyncrt::mutex>();
    auto held = co_await m->lock();
    auto branch = [](asyncrt::mutex& m) -> asyncrt::task<void> { auto g = co_await m.lock(); };
    started->store(true);
    co_await asyncrt::select(branch(*m), sleep_forever());
  }(started));
  co_await wait_for(*started);
  co_await asyncrt::sleep_for(5ms);  // the branch is now waiting for the mutex
  parent.abort();
  EXPECT_THROW(co_await parent, asyncrt::task_cancelled);
}

// On one worker, where the cancelled tasks would otherwise still be queued
// when timeout returns.
ASYNC_TEST_ON(1, cancellation, when_timeout_elapses_the_innermost_task_is_gone) {
  auto live = std::make_shared<std::atomic<int>>(0);
  EXPECT_THROW(co_await asyncrt::timeout(20ms, counted_tree(live, 3)), asyncrt::elapsed);
  EXPECT_EQ(live->load(), 0);
}

ASYNC_TEST(cancellation, awaiting_an_aborted_task_that_was_in_join_returns_once_the_grandchildren_are_gone) {
  auto live = std::make_shared<std::atomic<int>>(0);
  auto parent = asyncrt::spawn(counted_tree(live, 3));
  while (live->load() < 15) co_await asyncrt::sleep_for(1ms);
  parent.abort();
  EXPECT_THROW(co_await parent, asyncrt::task_cancelled);
  EXPECT_EQ(live->load(), 0);
}

// On one worker, as above.
ASYNC_TEST_ON(1, cancellation, when_an_outer_select_returns_an_inner_selects_branches_are_gone) {
  auto live = std::make_shared<std::atomic<int>>(0);
  auto inner = [](std::shared_ptr<std::atomic<int>> live) -> asyncrt::task<void> {
    co_await asyncrt::select(counted_tree(live, 2), counted_tree(live, 2));
  };
  auto quick = []() -> asyncrt::task<int> {
    co_await asyncrt::sleep_for(20ms);
    co_return 7;
  };
  auto winner = co_await asyncrt::select(inner(live), quick());
  EXPECT_EQ(winner.index(), 1u);
  EXPECT_EQ(live->load(), 0);
}

TEST(cancellation, block_on_after_shutdown_fails_at_once) {
  asyncrt::runtime rt = make_runtime(1);
  rt.shutdown();
  EXPECT_THROW(rt.block_on([]() -> asyncrt::task<int> { co_return 1; }()), std::logic_error);
}
