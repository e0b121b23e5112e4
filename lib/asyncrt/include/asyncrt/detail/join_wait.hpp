#pragma once

#include <asyncrt/detail/task_header.hpp>

#include <coroutine>
#include <cstddef>
#include <span>

namespace asyncrt::detail {

inline bool is_complete(const task_header* task) noexcept {
  return (task->state.load(std::memory_order_acquire) & state_complete) != 0;
}

// Waits for the first of some spawned tasks to complete: the suspension half
// of awaiting a join_handle, join() and select(). Unlike the resources, which
// wake their waiters under a lock, a completing task wakes its joiner without
// one, so each registration holds a reference to the waiting task and is
// stamped with its join epoch (see src/join_wait.cpp).
class join_wait {
 public:
  join_wait() noexcept = default;
  join_wait(const join_wait&) = delete;
  join_wait& operator=(const join_wait&) = delete;
  ~join_wait() { finish(); }

  // Registers the current task (suspended at `h`) with each of `children`.
  // Returns false, registering nothing, if one of them has already completed
  // and the coop budget allows continuing at once.
  bool suspend(std::span<task_header* const> children, std::coroutine_handle<> h);

  // Withdraws the registrations that no completion consumed. Called on
  // resumption, and by the destructor when the waiting task is cancelled.
  void finish() noexcept;

 private:
  task_header* const* children_ = nullptr;
  std::size_t registered_ = 0;
  task_header* self_ = nullptr;
};

// Awaitable: resumes when at least one of `children` has completed.
class [[nodiscard]] any_complete {
 public:
  explicit any_complete(std::span<task_header* const> children) noexcept : children_(children) {}
  any_complete(const any_complete&) = delete;
  any_complete& operator=(const any_complete&) = delete;

  bool await_ready() const noexcept {
    for (task_header* child : children_)
      if (is_complete(child)) return true;
    return false;
  }
  bool await_suspend(std::coroutine_handle<> h) { return wait_.suspend(children_, h); }
  void await_resume() noexcept { wait_.finish(); }

 private:
  std::span<task_header* const> children_;
  join_wait wait_;
};

}  // namespace asyncrt::detail
