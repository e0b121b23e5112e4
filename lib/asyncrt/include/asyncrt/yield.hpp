#pragma once

// yield_now(): give the other tasks of the worker a turn, as
// tokio::task::yield_now. The task goes to the back of its run queue.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/task.hpp>

#include <coroutine>

namespace asyncrt {
namespace detail {

struct [[nodiscard]] yield_awaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { yield_current(h); }
  void await_resume() const noexcept {}
};

}  // namespace detail

inline task<void> yield_now() { co_await detail::yield_awaiter{}; }

}  // namespace asyncrt
