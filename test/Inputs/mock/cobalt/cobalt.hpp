// Mock Boost.Cobalt: the shapes of boost::cobalt's public API (task,
// promise, generator, thread, spawn, run, join/race/gather, channel,
// use_op) and the few Boost.Asio types it is used with, without their
// machinery. Like the real task, the lazy task's promise starts with an
// awaitable of its own rather than std::suspend_always.
#pragma once
#include <chrono>
#include <coroutine>
#include <utility>

namespace boost::asio {
class any_io_executor {};

class thread_pool {
public:
  using executor_type = any_io_executor;
  explicit thread_pool(unsigned threads);
  executor_type get_executor() noexcept;
  void join();
};

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept;
  unsigned long run();
};
} // namespace boost::asio

namespace boost::cobalt {
using executor = asio::any_io_executor;

struct use_op_t {};
inline constexpr use_op_t use_op;
struct detached_t {};
inline constexpr detached_t detached;

template <class T> struct op {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};

namespace this_coro {
struct executor_t {};
inline constexpr executor_t executor;
} // namespace this_coro

template <class T> struct task;
template <class T> struct promise;
template <class Y> struct generator;
struct thread;

namespace detail {
template <class T> struct awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};
struct initial_awaitable {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
template <class P> struct promise_base {
  std::suspend_always final_suspend() noexcept;
  void unhandled_exception();
  awaiter<cobalt::executor> await_transform(this_coro::executor_t);
  template <class A> A &&await_transform(A &&a) { return static_cast<A &&>(a); }
};
template <class T> struct task_promise : promise_base<task_promise<T>> {
  task<T> get_return_object();
  initial_awaitable initial_suspend() noexcept;
  void return_value(T);
};
template <> struct task_promise<void> : promise_base<task_promise<void>> {
  task<void> get_return_object();
  initial_awaitable initial_suspend() noexcept;
  void return_void();
};
template <class T> struct cobalt_promise : promise_base<cobalt_promise<T>> {
  promise<T> get_return_object();
  std::suspend_never initial_suspend() noexcept;
  void return_value(T);
};
template <> struct cobalt_promise<void> : promise_base<cobalt_promise<void>> {
  promise<void> get_return_object();
  std::suspend_never initial_suspend() noexcept;
  void return_void();
};
template <class Y> struct generator_promise : promise_base<generator_promise<Y>> {
  generator<Y> get_return_object();
  std::suspend_never initial_suspend() noexcept;
  std::suspend_always yield_value(Y);
  void return_value(Y);
};
struct thread_promise : promise_base<thread_promise> {
  cobalt::thread get_return_object();
  std::suspend_always initial_suspend() noexcept;
  void return_void();
};
} // namespace detail

template <class T> struct [[nodiscard]] task {
  task(task &&) noexcept;
  detail::awaiter<T> operator co_await();
  using promise_type = detail::task_promise<T>;
};

template <class T> struct [[nodiscard]] promise {
  promise(promise &&) noexcept;
  ~promise();
  detail::awaiter<T> operator co_await();
  void operator+() &&;
  bool ready() const;
  T get();
  using promise_type = detail::cobalt_promise<T>;
};

template <class Y> struct [[nodiscard]] generator {
  generator(generator &&) noexcept;
  detail::awaiter<Y> operator co_await();
  explicit operator bool() const;
  using promise_type = detail::generator_promise<Y>;
};

struct thread {
  thread(thread &&) noexcept;
  ~thread();
  void join();
  detail::awaiter<void> operator co_await() &&;
  using promise_type = detail::thread_promise;
};

template <class Context, class T> void spawn(Context &, task<T> &&, detached_t);
template <class Context, class T> op<T> spawn(Context &, task<T> &&, use_op_t);
template <class T> T run(task<T> t);

template <class... Awaitables> detail::awaiter<int> join(Awaitables &&...);
template <class... Awaitables> detail::awaiter<int> race(Awaitables &&...);
template <class... Awaitables> detail::awaiter<int> gather(Awaitables &&...);

template <class T> struct channel {
  explicit channel(unsigned long limit = 0);
  op<T> read();
  op<void> write(T value);
};
} // namespace boost::cobalt

namespace boost::asio {
template <class Clock> class basic_waitable_timer {
public:
  template <class Executor, class Rep, long long Num, long long Den>
  basic_waitable_timer(const Executor &, const std::chrono::duration<Rep, Num, Den> &);
  void wait();
  cobalt::op<void> async_wait(cobalt::use_op_t);
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;
template <class Executor> cobalt::op<void> post(const Executor &, cobalt::use_op_t);
} // namespace boost::asio
