// runtime: builder, block_on, failing loudly on a worker, shutdown.

#include "test_support.hpp"

#include <stdexcept>
#include <thread>

using namespace asyncrt_test;

TEST(runtime, the_builder_sets_the_worker_count) {
  asyncrt::runtime rt = asyncrt::runtime::builder{}.worker_threads(3).build();
  EXPECT_EQ(rt.worker_threads(), 3u);
}

TEST(runtime, the_default_runtime_has_a_worker_per_core) {
  asyncrt::runtime rt;
  EXPECT_EQ(rt.worker_threads(), std::max(1u, std::thread::hardware_concurrency()));
}

TEST(runtime, block_on_can_be_called_repeatedly) {
  asyncrt::runtime rt = make_runtime(2);
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(rt.block_on([](int v) -> asyncrt::task<int> { co_return v * 2; }(i)), i * 2);
}

ASYNC_TEST(runtime, block_on_on_a_worker_thread_fails_loudly) {
  bool threw = false;
  try {
    // The mistake on purpose: block_on on a worker must fail loudly.
    asyncrt::block_on([]() -> asyncrt::task<int> { co_return 1; }()); // NOLINT(async-blocking-call)
  } catch (const std::logic_error&) {
    threw = true;
  }
  EXPECT_TRUE(threw);
  co_return;
}

ASYNC_TEST(runtime, block_on_from_a_blocking_thread_is_allowed) {
  const int v = co_await asyncrt::spawn_blocking(
      [] { return asyncrt::block_on([]() -> asyncrt::task<int> { co_return 5; }()); });
  EXPECT_EQ(v, 5);
}

TEST(runtime, a_runtime_can_be_moved) {
  asyncrt::runtime a = make_runtime(1);
  asyncrt::runtime b = std::move(a);
  EXPECT_EQ(b.block_on([]() -> asyncrt::task<int> { co_return 3; }()), 3);
}
