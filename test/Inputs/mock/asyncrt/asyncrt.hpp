// Mock asyncrt: the shape of the reference runtime's API (CONTRACT.md §3)
// without its machinery, for the checks' fast tests. The tests on the real
// runtime include lib/asyncrt/include instead.
#pragma once
#include <coroutine>
#include <utility>

namespace asyncrt {
template <class T = void> class join_handle;

template <class T = void> class [[nodiscard]] task {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_value(T);
    void unhandled_exception();
  };
  task(task &&) noexcept;
  task &operator=(task &&) noexcept;
  ~task();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

template <> class [[nodiscard]] task<void> {
public:
  struct promise_type {
    task get_return_object();
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  task(task &&) noexcept;
  task &operator=(task &&) noexcept;
  ~task();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

template <class T> class join_handle {
public:
  join_handle(join_handle &&) noexcept;
  ~join_handle();
  void abort();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  T await_resume();
};

template <class T> join_handle<T> spawn(task<T> t);
template <class F> auto spawn_blocking(F f) -> join_handle<decltype(f())>;
template <class... T> task<void> join(task<T>... ts);
struct nanoseconds { long long count; };
task<void> sleep_for(nanoseconds d);
task<void> yield_now();
template <class T> T block_on(task<T> t);

class mutex_guard {
public:
  mutex_guard(mutex_guard &&) noexcept;
  ~mutex_guard();
};

class mutex {
public:
  task<mutex_guard> lock();
  bool try_lock();
};

namespace fs {
struct path { path(const char *); };
task<int> read_to_string(path p);
task<void> write(path p, const char *contents);
} // namespace fs
} // namespace asyncrt
