#pragma once

// task<T>: the lazy coroutine type of asyncrt. Calling a coroutine that
// returns task<T> allocates its frame and runs nothing; `co_await`-ing the task
// runs it on the awaiting thread and yields its value or rethrows its
// exception. Dropping a task that was never awaited destroys it unrun.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/task_header.hpp>

#include <coroutine>
#include <cstddef>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace asyncrt {

template <class T = void>
class task;

namespace detail {

class promise_base {
 public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }

    // Symmetric transfer: returning the awaiter's handle makes the compiler
    // resume it as a tail call, so a chain of tasks that complete one after
    // another without suspending runs in constant stack space.
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) noexcept {
      Promise& promise = h.promise();
      if (promise.continuation_) return promise.continuation_;
      // No awaiter: this is the root of a spawned task. Its outcome moves to
      // the result slot; the thread running it destroys the frame once
      // resume() has returned (not here: the frame must outlive this call).
      task_header* header = header_of<typename Promise::value_type>(h.address());
      promise.publish(header);
      complete_root(header);
      return std::noop_coroutine();
    }

    void await_resume() const noexcept {}
  };

  // Lazy: the body starts only when the task is awaited or spawned. (The
  // analyzer recognises task types by exactly this return type.)
  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept { failure_ = std::current_exception(); }

  void set_continuation(std::coroutine_handle<> awaiter) noexcept { continuation_ = awaiter; }
  const std::exception_ptr& failure() const noexcept { return failure_; }

 protected:
  void rethrow_if_failed() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::coroutine_handle<> continuation_;
  std::exception_ptr failure_;
};

template <class T>
class task_promise final : public promise_base {
 public:
  using value_type = T;

  static void* operator new(std::size_t size) { return allocate_frame<T>(size); }
  static void operator delete(void* frame) noexcept { deallocate_frame<T>(frame); }

  task<T> get_return_object() noexcept;

  template <class U = T>
    requires std::is_constructible_v<T, U&&>
  void return_value(U&& value) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    value_.emplace(std::forward<U>(value));
  }

  T take() {
    rethrow_if_failed();
    return std::move(*value_);
  }

  void publish(task_header* header) noexcept {
    result_slot<T>* slot = typed_slot_of<T>(header);
    slot->failure = failure();
    if (value_) slot->store(std::move(*value_));
  }

 private:
  std::optional<T> value_;
};

template <>
class task_promise<void> final : public promise_base {
 public:
  using value_type = void;

  static void* operator new(std::size_t size) { return allocate_frame<void>(size); }
  static void operator delete(void* frame) noexcept { deallocate_frame<void>(frame); }

  task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void take() const { rethrow_if_failed(); }
  void publish(task_header* header) noexcept { slot_of(header)->failure = failure(); }
};

struct task_access;

}  // namespace detail

template <class T>
class [[nodiscard]] task {
  static_assert(!std::is_reference_v<T>, "asyncrt::task<T&> is not supported; return a pointer or a value");

 public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  task() noexcept = default;
  task(task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  task& operator=(task&& other) noexcept {
    if (this != &other) {
      if (handle_) handle_.destroy();
      handle_ = std::exchange(other.handle_, {});
    }
    return *this;
  }
  task(const task&) = delete;
  task& operator=(const task&) = delete;
  ~task() {
    if (handle_) handle_.destroy();
  }

  // False for a moved-from or default-constructed task.
  [[nodiscard]] bool valid() const noexcept { return static_cast<bool>(handle_); }

  class [[nodiscard]] awaiter {
   public:
    explicit awaiter(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}
    bool await_ready() const noexcept { return false; }
    // Start the task by symmetric transfer; its final awaiter transfers back.
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> caller) noexcept {
      handle_.promise().set_continuation(caller);
      return handle_;
    }
    T await_resume() { return handle_.promise().take(); }

   private:
    std::coroutine_handle<promise_type> handle_;
  };

  awaiter operator co_await() & { return awaiter{awaitable_handle()}; }
  awaiter operator co_await() && { return awaiter{awaitable_handle()}; }

 private:
  friend promise_type;
  friend struct detail::task_access;

  explicit task(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}

  std::coroutine_handle<promise_type> awaitable_handle() const {
    if (!handle_ || handle_.done()) throw std::logic_error("asyncrt::task: awaited an empty or finished task");
    return handle_;
  }

  std::coroutine_handle<promise_type> handle_;
};

namespace detail {

template <class T>
task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise<T>>::from_promise(*this)};
}

inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<task_promise<void>>::from_promise(*this)};
}

struct task_access {
  // Takes the frame out of `t`: the caller becomes its owner. Returns the
  // header in front of it.
  template <class T>
  static task_header* release(task<T>& t) {
    if (!t.handle_) throw std::logic_error("asyncrt: spawned an empty task");
    return header_of<T>(std::exchange(t.handle_, {}).address());
  }
};

}  // namespace detail
}  // namespace asyncrt
