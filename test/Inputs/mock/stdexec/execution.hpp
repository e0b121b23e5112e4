// Mock stdexec/execution.hpp: the shape of NVIDIA/stdexec's sender API that
// the profile tests use. As in the real library, the algorithms are
// function objects (customisation point objects), not functions, and
// stdexec::task is a lazy coroutine type that awaits senders through its
// promise's await_transform.
#pragma once
#include <coroutine>
#include <utility>

namespace stdexec {
template <class T> struct __just_sender {};
struct __sender {};

template <class Sender> struct __sender_awaiter {
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  int await_resume();
};

struct just_t {
  template <class... Ts> __sender operator()(Ts &&...values) const;
};
inline constexpr just_t just{};

struct then_t {
  template <class Sender, class F> __sender operator()(Sender &&sndr, F &&f) const {
    return {};
  }
};
inline constexpr then_t then{};

struct schedule_t {
  template <class Scheduler> __sender operator()(Scheduler &&sched) const;
};
inline constexpr schedule_t schedule{};

struct starts_on_t {
  template <class Scheduler, class Sender>
  __sender operator()(Scheduler &&sched, Sender &&sndr) const;
};
inline constexpr starts_on_t starts_on{};

struct continues_on_t {
  template <class Sender, class Scheduler>
  __sender operator()(Sender &&sndr, Scheduler &&sched) const;
};
inline constexpr continues_on_t continues_on{};

struct when_all_t {
  template <class... Senders> __sender operator()(Senders &&...sndrs) const;
};
inline constexpr when_all_t when_all{};

// What sync_wait gives: an optional tuple of the sender's values.
template <class Sender> struct __sync_wait_result {};
struct sync_wait_t {
  template <class Sender> __sync_wait_result<Sender> operator()(Sender &&sndr) const;
};
inline constexpr sync_wait_t sync_wait{};

class run_loop {
public:
  void run();
  void finish();
};

// The promise's co_return half, which differs for void.
template <class T> struct __promise_base {
  template <class V> void return_value(V &&);
};
template <> struct __promise_base<void> {
  void return_void() noexcept;
};

template <class T = void> class [[nodiscard]] task {
public:
  struct promise_type : __promise_base<T> {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception() noexcept;
    template <class Awaitable> __sender_awaiter<Awaitable> await_transform(Awaitable &&a);
  };
  task(task &&) noexcept;
  ~task();
  // Awaitable in a coroutine whose await_transform asks for it.
  template <class ParentPromise> __sender_awaiter<task> as_awaitable(ParentPromise &parent) && noexcept;
};
} // namespace stdexec
