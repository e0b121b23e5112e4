// Mock folly/coro/BlockingWait.h: blockingWait is a function object that
// runs an awaitable to completion on the calling thread.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
struct blocking_wait_fn {
  template <class T> T operator()(Task<T> &&awaitable) const;
  template <class T> T operator()(TaskWithExecutor<T> &&awaitable) const;
};
inline constexpr blocking_wait_fn blockingWait{};
} // namespace folly::coro
