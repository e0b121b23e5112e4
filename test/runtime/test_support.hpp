#pragma once

// Runs coroutine test bodies on a real asyncrt runtime.
//
//   ASYNC_TEST(join, runs_both_tasks_concurrently) {
//     ...
//     co_await ...;
//     EXPECT_EQ(...);
//   }
//
// A body is a coroutine, where ASSERT_* (which `return`s) cannot be used:
// use EXPECT_*, or CO_ASSERT_TRUE to stop the body.

#include <asyncrt/asyncrt.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>

namespace asyncrt_test {

using namespace std::chrono_literals;
using clock = std::chrono::steady_clock;

// Whether this build runs under AddressSanitizer or ThreadSanitizer. There
// g++ 12 does not make symmetric transfer a tail call (see docs/runtime.md),
// so the tests of deep await chains use a shallower chain.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

// The depth of the deep-chain tests: a million awaits in release builds.
inline constexpr int deep_chain_depth = sanitized ? 1'000 : 1'000'000;

inline asyncrt::runtime make_runtime(std::size_t workers) {
  return asyncrt::runtime::builder{}.worker_threads(workers).build();
}

template <class Body>
void run(Body body, std::size_t workers) {
  asyncrt::runtime rt = make_runtime(workers);
  rt.block_on(body());
}

inline std::chrono::milliseconds elapsed_ms(clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start);
}

}  // namespace asyncrt_test

#define ASYNC_TEST_ON(workers, suite, name)                                   \
  static asyncrt::task<void> suite##_##name##_body();                         \
  TEST(suite, name) { asyncrt_test::run(suite##_##name##_body, (workers)); }  \
  static asyncrt::task<void> suite##_##name##_body()

// A test body on a runtime with two workers (the machine's usual count).
#define ASYNC_TEST(suite, name) ASYNC_TEST_ON(2, suite, name)

#define CO_ASSERT_TRUE(condition)                  \
  if (!(condition)) {                              \
    ADD_FAILURE() << "expected: " #condition;      \
    co_return;                                     \
  }
