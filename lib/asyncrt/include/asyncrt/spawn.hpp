#pragma once

// spawn(): run a task concurrently on the current runtime, as tokio::spawn.
// join_handle<T>: awaiting it yields the task's value or rethrows its
// exception (task_cancelled if it was aborted); dropping it detaches the task.

#include <asyncrt/detail/join_wait.hpp>
#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/errors.hpp>
#include <asyncrt/task.hpp>

#include <coroutine>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace asyncrt {

template <class T = void>
class join_handle;

namespace detail {

struct handle_access;

// Takes the result of a completed task from its slot and drops the reference
// that the caller owned (the join_handle's).
template <class T>
T take_result(task_header* task) {
  struct releaser {
    task_header* task;
    ~releaser() { release(task); }
  } owner{task};
  if (task->state.load(std::memory_order_acquire) & state_aborted) throw task_cancelled{};
  result_slot<T>* slot = typed_slot_of<T>(task);
  if (slot->failed()) std::rethrow_exception(slot->failure());
  if constexpr (!std::is_void_v<T>) return std::move(*slot->value());
}

// Drops a join_handle's reference without taking the result. If the task
// has already failed, no one can see its exception any more: report it.
// (If it fails later, the runtime reports it: exactly one side sees the
// other's bit in the same atomic word.)
inline void detach_handle(task_header* task) noexcept {
  const std::uint32_t old = task->state.fetch_and(~std::uint32_t{state_join_interest}, std::memory_order_acq_rel);
  if ((old & state_complete) && !(old & state_aborted) && slot_of(task)->failed())
    report_unobserved(slot_of(task)->failure());
  release(task);
}

}  // namespace detail

// A handle is not a coroutine type: it only refers to a task that the runtime
// owns and runs. Move-only.
template <class T>
class join_handle {
 public:
  using value_type = T;

  join_handle() noexcept = default;
  join_handle(join_handle&& other) noexcept : task_(std::exchange(other.task_, nullptr)) {}
  join_handle& operator=(join_handle&& other) noexcept {
    if (this != &other) {
      detach();
      task_ = std::exchange(other.task_, nullptr);
    }
    return *this;
  }
  join_handle(const join_handle&) = delete;
  join_handle& operator=(const join_handle&) = delete;
  ~join_handle() { detach(); }

  // Cancels the task at its next suspension point: its frame is destroyed
  // (running the destructors of its locals) and awaiting the handle throws
  // task_cancelled. No effect on a task that has already completed, nor on a
  // spawn_blocking closure that has started.
  void abort() const noexcept {
    if (task_) detail::abort_task(task_);
  }

  [[nodiscard]] bool is_finished() const noexcept { return task_ && detail::is_complete(task_); }

  // False once awaited, detached or moved from.
  [[nodiscard]] bool valid() const noexcept { return task_ != nullptr; }

  // Lets the task run on unobserved (also what the destructor does).
  void detach() noexcept {
    if (task_) detail::detach_handle(std::exchange(task_, nullptr));
  }

  // Awaiting consumes the handle (whether it is an lvalue or not): the
  // reference moves into the awaiter.
  class [[nodiscard]] awaiter {
   public:
    explicit awaiter(detail::task_header* task) noexcept : task_(task) {}
    awaiter(const awaiter&) = delete;
    awaiter& operator=(const awaiter&) = delete;
    ~awaiter() {
      wait_.finish();
      if (task_) detail::detach_handle(task_);
    }

    bool await_ready() const noexcept { return detail::is_complete(task_) && detail::coop_consume(); }
    bool await_suspend(std::coroutine_handle<> h) { return wait_.suspend({&task_, 1}, h); }
    T await_resume() {
      wait_.finish();
      return detail::take_result<T>(std::exchange(task_, nullptr));
    }

   private:
    detail::task_header* task_;
    detail::join_wait wait_;
  };

  awaiter operator co_await() & { return awaiter{take_for_await()}; }
  awaiter operator co_await() && { return awaiter{take_for_await()}; }

 private:
  friend struct detail::handle_access;
  explicit join_handle(detail::task_header* task) noexcept : task_(task) {}

  detail::task_header* take_for_await() {
    if (!task_) throw std::logic_error("asyncrt::join_handle: awaited an empty handle");
    return std::exchange(task_, nullptr);
  }

  detail::task_header* task_ = nullptr;
};

namespace detail {

struct handle_access {
  template <class T>
  static join_handle<T> adopt(task_header* task) noexcept {
    return join_handle<T>{task};
  }
  template <class T>
  static task_header* header(const join_handle<T>& handle) noexcept {
    return handle.task_;
  }
  // Empties the handle; its reference passes to the caller.
  template <class T>
  static task_header* forget(join_handle<T>& handle) noexcept {
    return std::exchange(handle.task_, nullptr);
  }
};

template <class T>
join_handle<T> spawn_on(scheduler& sched, task<T> t) {
  return handle_access::adopt<T>(spawn_frame(sched, task_access::release(t), false));
}

}  // namespace detail

// Runs `t` concurrently on the runtime of the calling thread. Must be called
// from a runtime thread (inside a task); std::logic_error otherwise.
template <class T>
join_handle<T> spawn(task<T> t) {
  return detail::spawn_on(detail::current_scheduler_or_throw("asyncrt::spawn"), std::move(t));
}

}  // namespace asyncrt
