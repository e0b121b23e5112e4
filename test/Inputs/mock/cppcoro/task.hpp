// Mock cppcoro/task.hpp: the shape of cppcoro's lazy task (awaited through
// a member operator co_await, as the real one is), for the profile tests.
#pragma once
#include <coroutine>

namespace cppcoro {
template <class T = void> class [[nodiscard]] task {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    template <class V> void return_value(V &&);
    void unhandled_exception() noexcept;
  };
  task(task &&) noexcept;
  ~task();
  awaiter operator co_await() const & noexcept;
  awaiter operator co_await() const && noexcept;
  bool is_ready() const noexcept;
};

template <> class [[nodiscard]] task<void> {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume();
  };
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void() noexcept;
    void unhandled_exception() noexcept;
  };
  task(task &&) noexcept;
  ~task();
  awaiter operator co_await() const & noexcept;
  awaiter operator co_await() const && noexcept;
  bool is_ready() const noexcept;
};
} // namespace cppcoro
