#pragma once

#include <asyncrt/detail/task_header.hpp>

#include <cstdint>

namespace asyncrt::detail {

// What a resource did with a waiting task (guarded by the resource's lock).
enum class waiter_status : std::uint8_t {
  queued,   // in the resource's list
  granted,  // served: removed from the list, its task woken
  closed,   // the resource was closed: removed, woken, with nothing
};

// A task waiting on a resource: a node in the resource's FIFO list. It lives
// in the awaiter, inside the waiting coroutine's frame, so waiting allocates
// nothing. The resource wakes `task` under its lock, and the awaiter's
// destructor withdraws the node under the same lock, so a cancelled task is
// never woken after its frame is gone.
struct waiter {
  waiter* prev = nullptr;
  waiter* next = nullptr;
  task_header* task = nullptr;
  waiter_status status = waiter_status::queued;
};

// Intrusive doubly linked FIFO of waiters.
class waiter_list {
 public:
  [[nodiscard]] bool empty() const noexcept { return head_ == nullptr; }
  [[nodiscard]] waiter* front() const noexcept { return head_; }

  void push_back(waiter* w) noexcept {
    w->prev = tail_;
    w->next = nullptr;
    if (tail_) tail_->next = w;
    else head_ = w;
    tail_ = w;
  }

  waiter* pop_front() noexcept {
    waiter* w = head_;
    if (w) remove(w);
    return w;
  }

  void remove(waiter* w) noexcept {
    if (w->prev) w->prev->next = w->next;
    else head_ = w->next;
    if (w->next) w->next->prev = w->prev;
    else tail_ = w->prev;
    w->prev = w->next = nullptr;
  }

 private:
  waiter* head_ = nullptr;
  waiter* tail_ = nullptr;
};

}  // namespace asyncrt::detail
