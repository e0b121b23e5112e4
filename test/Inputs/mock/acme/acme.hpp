// Mock "acme": an in-house coroutine runtime that no built-in profile knows,
// for the tests of the generic advice and of a profile defined in
// .clang-tidy (test/checks/profiles/user-profile.cpp).
#pragma once
#include <coroutine>

namespace acme {
template <class T = void> class task {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

/// Eager: its promise does not say that it must be awaited.
template <class T = void> class job {
public:
  struct promise_type {
    job get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

struct scheduler {
  task<> sleep(long ms);
  task<> yield();
};
scheduler &blocking_pool();
scheduler &event_loop();
/// Moves the awaiting coroutine onto \p s's threads.
task<> resume_on(scheduler &s);

/// Runs \p f, a coroutine function, on the blocking threads.
template <class F> task<> run_blocking(F f) { return f(); }
template <class T> void fire(task<T> t);
template <class T> T wait(task<T> t);
void wait_for_all();

struct lock_token {
  ~lock_token();
};
struct mutex {
  task<lock_token> lock();
};
struct spin_guard {
  explicit spin_guard(int &word);
  ~spin_guard();
};
} // namespace acme
