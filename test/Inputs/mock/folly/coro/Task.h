// Mock folly/coro/Task.h: the lazy Task, awaited from another Task through
// its promise's await_transform (a Task has no operator co_await of its
// own), and TaskWithExecutor, a Task bound to an executor.
#pragma once
#include <coroutine>
#include <folly/Executor.h>
#include <folly/futures/Future.h>
#include <utility>

namespace folly::coro {
template <class T = void> class Task;
template <class T = void> class TaskWithExecutor;

namespace detail {
template <class T> struct TaskAwaiter {
  bool await_ready() noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};
template <class T> struct TaskPromiseBase {
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception() noexcept;
  template <class U> TaskAwaiter<U> await_transform(Task<U> &&task);
  template <class Awaitable> Awaitable &&await_transform(Awaitable &&awaitable);
};
template <class T> struct TaskPromise : TaskPromiseBase<T> {
  Task<T> get_return_object() noexcept;
  template <class V> void return_value(V &&);
};
template <> struct TaskPromise<void> : TaskPromiseBase<void> {
  Task<void> get_return_object() noexcept;
  void return_void() noexcept;
};
} // namespace detail

template <class T> class [[nodiscard]] Task {
public:
  using promise_type = detail::TaskPromise<T>;
  Task(Task &&) noexcept;
  ~Task();
  TaskWithExecutor<T> scheduleOn(Executor::KeepAlive<> executor) && noexcept;
  SemiFuture<T> semi() &&;
};

template <class T> class [[nodiscard]] TaskWithExecutor {
public:
  TaskWithExecutor(TaskWithExecutor &&) noexcept;
  detail::TaskAwaiter<T> operator co_await() && noexcept;
  SemiFuture<T> start() &&;
};

template <class T>
TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor, Task<T> task);

struct co_reschedule_on_current_executor_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
inline constexpr co_reschedule_on_current_executor_t co_reschedule_on_current_executor{};
} // namespace folly::coro
