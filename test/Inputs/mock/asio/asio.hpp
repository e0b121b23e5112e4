// Mock standalone Asio (namespace asio): the shapes of Asio 1.26's C++20
// coroutine API that the asio profile names, without its machinery. Like
// the real asio::awaitable, the task's promise comes from a
// std::coroutine_traits specialisation, not a nested promise_type.
#pragma once
#include <chrono>
#include <coroutine>
#include <utility>

namespace asio {
class any_io_executor {};

template <class T = void, class Executor = any_io_executor> class awaitable {
public:
  awaitable(awaitable &&) noexcept;
  ~awaitable();
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  T await_resume();
};

namespace detail {
template <class T, class Executor> struct awaitable_frame {
  awaitable<T, Executor> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  template <class U> void return_value(U &&);
  void unhandled_exception();
};
template <class Executor> struct awaitable_frame<void, Executor> {
  awaitable<void, Executor> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void return_void();
  void unhandled_exception();
};
} // namespace detail

template <class Executor = any_io_executor> struct use_awaitable_t {};
inline constexpr use_awaitable_t<> use_awaitable;
struct detached_t {};
inline constexpr detached_t detached;
struct deferred_t {};
inline constexpr deferred_t deferred;

template <class Signature> class deferred_async_operation {
public:
  awaitable<void> operator()(use_awaitable_t<>);
};

namespace this_coro {
struct executor_t {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const;
  any_io_executor await_resume() const;
};
inline constexpr executor_t executor;
} // namespace this_coro

class io_context {
public:
  using executor_type = any_io_executor;
  executor_type get_executor() noexcept;
  using count_type = unsigned long;
  count_type run();
  count_type run_one();
  template <class Rep, long long Num, long long Den>
  count_type run_for(const std::chrono::duration<Rep, Num, Den> &);
  count_type poll();
  void stop();
};

class thread_pool {
public:
  template <class Allocator, unsigned Bits> class basic_executor_type {};
  using executor_type = basic_executor_type<int, 0>;
  explicit thread_pool(unsigned threads);
  executor_type get_executor() noexcept;
  void join();
  void wait();
  void stop();
};

template <class Executor> class strand {
public:
  explicit strand(const Executor &);
};

template <class Executor, class Function> void post(const Executor &, Function &&) {}
template <class Function> void post(thread_pool &, Function &&) {}
template <class Executor> awaitable<void> post(const Executor &, use_awaitable_t<>);
awaitable<void> post(use_awaitable_t<>);
template <class Executor, class Function> void dispatch(const Executor &, Function &&) {}

template <class Executor, class T, class Token>
void co_spawn(const Executor &, awaitable<T>, Token);
template <class T, class Token> void co_spawn(io_context &, awaitable<T>, Token);
template <class Executor, class T>
awaitable<T> co_spawn(const Executor &, awaitable<T>, use_awaitable_t<>);

template <class Clock> class basic_waitable_timer {
public:
  template <class Executor> basic_waitable_timer(const Executor &);
  template <class Executor, class Rep, long long Num, long long Den>
  basic_waitable_timer(const Executor &, const std::chrono::duration<Rep, Num, Den> &);
  template <class Rep, long long Num, long long Den>
  void expires_after(const std::chrono::duration<Rep, Num, Den> &);
  void wait();
  awaitable<void> async_wait(use_awaitable_t<>);
  deferred_async_operation<void()> async_wait(deferred_t);
  void cancel();
};
using steady_timer = basic_waitable_timer<std::chrono::steady_clock>;

struct mutable_buffer {};
template <class T> mutable_buffer buffer(T &);
mutable_buffer buffer(void *, unsigned long);

template <class Protocol> class basic_socket {
public:
  using endpoint_type = typename Protocol::endpoint;
  void connect(const endpoint_type &);
  awaitable<void> async_connect(const endpoint_type &, use_awaitable_t<>);
  void close();
};

template <class Protocol> class basic_stream_socket : public basic_socket<Protocol> {
public:
  template <class Executor> explicit basic_stream_socket(const Executor &);
  basic_stream_socket(basic_stream_socket &&) noexcept;
  template <class Buffers> unsigned long read_some(const Buffers &);
  template <class Buffers> unsigned long write_some(const Buffers &);
  template <class Buffers>
  awaitable<unsigned long> async_read_some(const Buffers &, use_awaitable_t<>);
  template <class Buffers>
  awaitable<unsigned long> async_write_some(const Buffers &, use_awaitable_t<>);
};

template <class Stream, class Buffers> unsigned long read(Stream &, const Buffers &);
template <class Stream, class Buffers> unsigned long write(Stream &, const Buffers &);
template <class Stream, class Buffers>
awaitable<unsigned long> async_read(Stream &, const Buffers &, use_awaitable_t<>);
template <class Stream, class Buffers>
awaitable<unsigned long> async_write(Stream &, const Buffers &, use_awaitable_t<>);

namespace ip {
class tcp {
public:
  struct endpoint {};
  using socket = basic_stream_socket<tcp>;
};
} // namespace ip

namespace experimental {
template <class... Ops> struct parallel_group {
  template <class Condition>
  awaitable<void> async_wait(Condition, use_awaitable_t<>);
};
template <class... Ops> parallel_group<Ops...> make_parallel_group(Ops... ops);
struct wait_for_all {};

template <class Signature> class channel {
public:
  template <class Executor> channel(const Executor &, unsigned long capacity);
  template <class T> awaitable<void> async_send(int ec, T value, use_awaitable_t<>);
  awaitable<int> async_receive(use_awaitable_t<>);
};
} // namespace experimental
} // namespace asio

template <class T, class Executor, class... Args>
struct std::coroutine_traits<asio::awaitable<T, Executor>, Args...> {
  using promise_type = asio::detail::awaitable_frame<T, Executor>;
};
