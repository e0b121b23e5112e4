// Mock concurrencpp/concurrencpp.h: the shape of concurrencpp's public API
// that the profile tests use. Like the real library, its result types get
// their promises through std::coroutine_traits specialisations, not a
// promise_type member: result<T> starts eagerly, lazy_result<T> when awaited.
#pragma once
#include <chrono>
#include <coroutine>
#include <memory>
#include <mutex>
#include <utility>

namespace concurrencpp {
enum class result_status { idle, value, exception };

template <class T> class result {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  result() noexcept = default;
  result(result &&) noexcept = default;
  result_status status() const;
  void wait() const;
  template <class Rep, long long Num, long long Den>
  result_status wait_for(std::chrono::duration<Rep, Num, Den> duration) const;
  T get();
  awaiter operator co_await();
};

template <class T> class lazy_result {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  lazy_result() noexcept = default;
  lazy_result(lazy_result &&) noexcept = default;
  ~lazy_result() noexcept;
  awaiter operator co_await();
  result<T> run();
};

struct executor_tag {};

// submit() runs the callable in a coroutine of the library's own, started
// on the executor through executor_tag, as the real executor.h does.
class executor {
protected:
  template <class R, class Executor, class F, class... Args>
  static result<R> submit_bridge(executor_tag, Executor &, F callable, Args... arguments) {
    co_return callable(arguments...);
  }

public:
  virtual ~executor() noexcept = default;
  template <class F, class... Args> void post(F &&callable, Args &&...arguments) {}
  template <class F, class... Args>
  auto submit(F &&callable, Args &&...arguments) -> result<decltype(callable(arguments...))> {
    return submit_bridge<decltype(callable(arguments...))>(
        {}, *this, std::forward<F>(callable), std::forward<Args>(arguments)...);
  }
};

template <class Concrete> class derivable_executor : public executor {
public:
  template <class F, class... Args> void post(F &&callable, Args &&...arguments) {}
  template <class F, class... Args>
  auto submit(F &&callable, Args &&...arguments) -> result<decltype(callable(arguments...))> {
    return submit_bridge<decltype(callable(arguments...))>(
        {}, static_cast<Concrete &>(*this), std::forward<F>(callable),
        std::forward<Args>(arguments)...);
  }
};

class thread_pool_executor final : public derivable_executor<thread_pool_executor> {};
class thread_executor final : public derivable_executor<thread_executor> {};
class inline_executor final : public derivable_executor<inline_executor> {};
class worker_thread_executor final : public derivable_executor<worker_thread_executor> {};
class manual_executor final : public derivable_executor<manual_executor> {
public:
  bool loop_once();
  void wait_for_task();
  void wait_for_tasks(unsigned long count);
};

namespace details {
template <class Executor> class resume_on_awaitable : public std::suspend_always {
public:
  void await_suspend(std::coroutine_handle<> handle);
  void await_resume() const;
};

template <class T> struct lazy_promise {
  lazy_result<T> get_return_object() noexcept;
  std::suspend_always initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  template <class V> void return_value(V &&);
  void unhandled_exception() noexcept;
};
template <> struct lazy_promise<void> {
  lazy_result<void> get_return_object() noexcept;
  std::suspend_always initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  void return_void() noexcept;
  void unhandled_exception() noexcept;
};

template <class T> struct result_promise {
  result<T> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  template <class V> void return_value(V &&);
  void unhandled_exception() noexcept;
};
template <> struct result_promise<void> {
  result<void> get_return_object() noexcept;
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  void return_void() noexcept;
  void unhandled_exception() noexcept;
};
} // namespace details

template <class Executor> auto resume_on(std::shared_ptr<Executor> executor) {
  return details::resume_on_awaitable<Executor>();
}

template <class Executor, class... Results>
lazy_result<void> when_all(std::shared_ptr<Executor> resume_executor, Results &&...results);
template <class Executor, class... Results>
lazy_result<void> when_any(std::shared_ptr<Executor> resume_executor, Results &&...results);

class timer_queue {
public:
  template <class Executor>
  lazy_result<void> make_delay_object(std::chrono::milliseconds due_time,
                                      std::shared_ptr<Executor> executor);
};

class scoped_async_lock {
public:
  scoped_async_lock(scoped_async_lock &&) noexcept;
  ~scoped_async_lock() noexcept;
  void unlock();
  bool owns_lock() const noexcept;
};

class async_lock {
public:
  template <class Executor>
  lazy_result<scoped_async_lock> lock(std::shared_ptr<Executor> resume_executor);
  lazy_result<bool> try_lock();
  void unlock();
};

class runtime {
public:
  runtime();
  std::shared_ptr<concurrencpp::timer_queue> timer_queue() const noexcept;
  std::shared_ptr<concurrencpp::inline_executor> inline_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> thread_pool_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_pool_executor> background_executor() const noexcept;
  std::shared_ptr<concurrencpp::thread_executor> thread_executor() const noexcept;
  std::shared_ptr<concurrencpp::worker_thread_executor> make_worker_thread_executor();
  std::shared_ptr<concurrencpp::manual_executor> make_manual_executor();
};
} // namespace concurrencpp

namespace std {
template <class T, class... Args>
struct coroutine_traits<::concurrencpp::lazy_result<T>, Args...> {
  using promise_type = concurrencpp::details::lazy_promise<T>;
};
template <class T, class... Args>
struct coroutine_traits<::concurrencpp::result<T>, Args...> {
  using promise_type = concurrencpp::details::result_promise<T>;
};
} // namespace std
