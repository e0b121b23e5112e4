// A lazy generator for the checks' tests: a coroutine type with co_yield
// whose initial_suspend() is std::suspend_always, so by the contract's
// definition a task type, but not awaitable.
#pragma once
#include <coroutine>

struct generator {
  struct promise_type {
    generator get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    std::suspend_always yield_value(int);
    void return_void();
    void unhandled_exception();
  };
};
