// RUN: not %async-lint --checks='-*,async-unawaited-task' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-unawaited-task' %s -- %mock-flags 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Task types whose promise is attached through a std::coroutine_traits
// specialization instead of a nested promise_type (concurrencpp's
// lazy_result and result): lazy when every promise the traits give starts
// suspended.

#include <coroutine>

namespace lib {
template <class T> class lazy_result;
template <class T> class result;

template <class T> struct lazy_promise_base {
  std::suspend_always initial_suspend() const noexcept;
  std::suspend_always final_suspend() const noexcept;
  void unhandled_exception();
};
template <class T> struct lazy_promise : lazy_promise_base<T> {
  lazy_result<T> get_return_object();
  void return_value(T);
};
template <class T> struct eager_promise {
  result<T> get_return_object();
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_never final_suspend() const noexcept;
  void unhandled_exception();
  void return_value(T);
};
template <class R> struct void_lazy_promise : lazy_promise_base<void> {
  R get_return_object();
  void return_void();
};
template <class R> struct void_eager_promise {
  R get_return_object();
  std::suspend_never initial_suspend() const noexcept;
  std::suspend_never final_suspend() const noexcept;
  void unhandled_exception();
  void return_void();
};
struct executor_tag {};
struct executor;

// Lazy: its only promise starts suspended.
template <class T> class lazy_result {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume();
};
// Eager: it starts at once, wherever it runs.
template <class T> class result {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume();
};
// Lazy with no arguments, eager when given an executor: not surely lazy.
class job {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume();
};
// Lazy through a full specialization of the traits.
class one_shot {
public:
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume();
};
} // namespace lib

namespace std {
template <class T, class... Args> struct coroutine_traits<lib::lazy_result<T>, Args...> {
  using promise_type = lib::lazy_promise<T>;
};
template <class T, class... Args> struct coroutine_traits<lib::result<T>, Args...> {
  using promise_type = lib::eager_promise<T>;
};
template <class... Args> struct coroutine_traits<lib::job, Args...> {
  using promise_type = lib::void_lazy_promise<lib::job>;
};
template <class... Args>
struct coroutine_traits<lib::job, lib::executor_tag, lib::executor *, Args...> {
  using promise_type = lib::void_eager_promise<lib::job>;
};
template <> struct coroutine_traits<lib::one_shot> {
  using promise_type = lib::void_lazy_promise<lib::one_shot>;
};
} // namespace std

lib::lazy_result<int> compute();
lib::result<int> compute_now();
lib::job background();
lib::one_shot once();

lib::lazy_result<int> lazy_result_dropped() {
  compute();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited; it will not run [async-unawaited-task]
  co_return co_await compute();
}

lib::lazy_result<int> lazy_result_stored_and_forgotten() {
  auto pending = compute();
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  co_return 1;
}

void lazy_result_dropped_outside_a_coroutine() {
  compute();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited; it will not run [async-unawaited-task]
}

lib::lazy_result<int> fully_specialized_lazy_type_dropped() {
  once();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'once' is never awaited; it will not run [async-unawaited-task]
  co_return 2;
}

// ---- Negatives -------------------------------------------------------------

lib::lazy_result<int> lazy_result_awaited() {
  int value = co_await compute();
  co_await once();
  co_return value;
}

lib::lazy_result<int> eager_result_dropped_runs_anyway() {
  compute_now();
  co_return 3;
}

lib::lazy_result<int> lazy_or_eager_by_arguments_is_not_surely_lazy() {
  background();
  co_return 4;
}

void eager_result_outside_a_coroutine() { compute_now(); }
