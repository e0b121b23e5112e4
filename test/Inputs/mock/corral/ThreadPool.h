// Mock corral/ThreadPool.h: run() returns an awaitable that runs a
// synchronous function on one of the pool's threads.
#pragma once
#include <corral/corral.h>

namespace corral {
class ThreadPool {
public:
  template <class F> struct RunAwaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>);
    decltype(std::declval<F>()()) await_resume();
  };
  template <class EventLoop> ThreadPool(EventLoop &eventLoop, unsigned threadCount);
  template <class F> RunAwaiter<F> run(F &&f) { return {}; }
};
} // namespace corral
