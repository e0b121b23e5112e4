// Mock folly/coro/AsyncScope.h: add() starts a task detached within the
// scope; joinAsync() is awaited to wait for all of them.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
class AsyncScope {
public:
  template <class T> void add(TaskWithExecutor<T> &&awaitable);
  Task<void> joinAsync() noexcept;
};
} // namespace folly::coro
