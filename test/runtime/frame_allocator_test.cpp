// The frame allocator: per-thread free lists of task blocks by size class
// (see asyncrt/detail/frame_allocator.hpp). Off under the sanitizers, where
// these tests skip.

#include "test_support.hpp"

#include <asyncrt/detail/frame_allocator.hpp>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

using namespace asyncrt_test;

// Counts the blocks given back to the global allocator, to see a thread's
// cache emptied when the thread exits. (Replacing the global operator delete
// in this test program is the portable way to watch it. Not under the
// sanitizers, which bring their own, and where the tests that count skip.)
namespace {
std::atomic<long> global_deletes{0};
}  // namespace

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZER_OWNS_DELETE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define SANITIZER_OWNS_DELETE 1
#endif
#endif

#ifndef SANITIZER_OWNS_DELETE
void operator delete(void* p) noexcept {
  if (p) global_deletes.fetch_add(1, std::memory_order_relaxed);
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { ::operator delete(p); }
#endif

namespace {

using asyncrt::detail::allocate_block;
using asyncrt::detail::deallocate_block;
using asyncrt::detail::frame_cache_enabled;
using asyncrt::detail::frame_cache_size;

#define SKIP_WITHOUT_CACHE() \
  if (!frame_cache_enabled()) GTEST_SKIP() << "the frame cache is off in sanitized builds"

asyncrt::task<int> value_after_yield(int v) {
  co_await asyncrt::yield_now();
  co_return v;
}

}  // namespace

TEST(frame_allocator, a_freed_block_is_reused_by_the_next_allocation_of_its_class) {
  SKIP_WITHOUT_CACHE();
  unsigned c1 = 0;
  void* first = allocate_block(150, c1);
  EXPECT_NE(c1, 0u);
  const std::size_t cached = frame_cache_size();
  deallocate_block(first, c1);
  EXPECT_EQ(frame_cache_size(), cached + 1);
  unsigned c2 = 0;
  void* second = allocate_block(152, c2);  // the same class
  EXPECT_EQ(c2, c1);
  EXPECT_EQ(second, first);
  EXPECT_EQ(frame_cache_size(), cached);
  deallocate_block(second, c2);
}

TEST(frame_allocator, blocks_beyond_the_classes_are_plain_allocations) {
  if (sanitized) GTEST_SKIP() << "the sanitizers' operator delete cannot be watched";
  unsigned c = 99;
  void* big = allocate_block(64 * 1024, c);
  EXPECT_EQ(c, 0u);
  const std::size_t cached = frame_cache_size();
  const long deletes = global_deletes.load();
  deallocate_block(big, c);
  EXPECT_EQ(frame_cache_size(), cached);
  EXPECT_EQ(global_deletes.load(), deletes + 1);
}

TEST(frame_allocator, a_block_freed_on_another_thread_goes_to_that_threads_cache_until_it_exits) {
  SKIP_WITHOUT_CACHE();
  constexpr int count = 100;
  std::vector<void*> blocks(count);
  unsigned c = 0;
  for (void*& b : blocks) b = allocate_block(200, c);
  const std::size_t cached_here = frame_cache_size();
  const long deletes = global_deletes.load();
  std::size_t cached_there = 0;
  std::thread other([&] {
    for (void* b : blocks) deallocate_block(b, c);
    cached_there = frame_cache_size();
  });
  other.join();
  EXPECT_EQ(cached_there, static_cast<std::size_t>(count));
  EXPECT_EQ(frame_cache_size(), cached_here);
  // The thread's exit gave all of them back.
  EXPECT_GE(global_deletes.load() - deletes, count);
}

TEST(frame_allocator, a_threads_cache_is_bounded) {
  SKIP_WITHOUT_CACHE();
  std::thread other([] {
    constexpr int count = 10'000;
    std::vector<void*> blocks(count);
    unsigned c = 0;
    for (void*& b : blocks) b = allocate_block(128, c);
    const long deletes = global_deletes.load();
    for (void* b : blocks) deallocate_block(b, c);
    // At most 256 KiB of one class is kept; the rest went back at once.
    EXPECT_LE(frame_cache_size() * 128, 256u * 1024);
    EXPECT_GE(frame_cache_size(), 1000u);
    EXPECT_EQ(global_deletes.load() - deletes, static_cast<long>(count - frame_cache_size()));
  });
  other.join();
}

TEST(frame_allocator, blocks_freed_while_a_thread_exits_bypass_its_cache) {
  SKIP_WITHOUT_CACHE();
  // An object whose destructor frees a block runs after the cache's own
  // clean-up when it was constructed before the cache was first used.
  struct frees_on_exit {
    void* block = nullptr;
    unsigned size_class = 0;
    ~frees_on_exit() {
      if (block) deallocate_block(block, size_class);
    }
  };
  const long deletes = global_deletes.load();
  std::thread other([] {
    static thread_local frees_on_exit late;
    late.block = allocate_block(300, late.size_class);
    unsigned c = 0;
    deallocate_block(allocate_block(300, c), c);  // arms the cache's clean-up after `late`
  });
  other.join();
  EXPECT_GE(global_deletes.load() - deletes, 2);
}

// End to end: tasks spawned from one worker, completed and freed on both,
// with their frames recycled through the caches many times over.
ASYNC_TEST(frame_allocator, recycled_frames_keep_every_task_value_intact) {
  for (int round = 0; round < 20; ++round) {
    std::vector<asyncrt::join_handle<int>> handles;
    for (int i = 0; i < 500; ++i) handles.push_back(asyncrt::spawn(value_after_yield(i)));
    long sum = 0;
    for (auto& h : handles) sum += co_await h;
    EXPECT_EQ(sum, 499L * 500 / 2);
  }
}

// A task's value lives in its block's result slot: an awaited (not spawned)
// task's value is moved out by the awaiter and the rest destroyed with the task.
ASYNC_TEST(frame_allocator, an_awaited_task_value_is_moved_out_and_the_task_destroys_the_rest) {
  auto owner = std::make_shared<int>(5);
  std::weak_ptr<int> watch = owner;
  {
    auto t = [](std::shared_ptr<int> p) -> asyncrt::task<std::shared_ptr<int>> { co_return p; }(std::move(owner));
    std::shared_ptr<int> got = co_await t;
    EXPECT_EQ(*got, 5);
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
  std::string s = co_await []() -> asyncrt::task<std::string> { co_return std::string(1000, 'x'); }();
  EXPECT_EQ(s.size(), 1000u);
}
