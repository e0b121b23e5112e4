// Mock folly/coro/Mutex.h: an async mutex; co_scoped_lock() gives a
// std::unique_lock over it once awaited.
#pragma once
#include <coroutine>
#include <mutex>

namespace folly::coro {
class Mutex {
public:
  template <class Result> class LockOperation {
  public:
    bool await_ready() noexcept;
    bool await_suspend(std::coroutine_handle<>) noexcept;
    Result await_resume() noexcept;
  };
  Mutex() noexcept;
  bool try_lock() noexcept;
  [[nodiscard]] LockOperation<std::unique_lock<Mutex>> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<void> co_lock() noexcept;
  void unlock() noexcept;
};
} // namespace folly::coro
