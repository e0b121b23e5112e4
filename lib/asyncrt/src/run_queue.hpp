#pragma once

#include <asyncrt/detail/task_header.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>

namespace asyncrt::detail {

// A worker's local run queue: a fixed ring that only its owner pushes to,
// and that the owner and thieves pop from at the head (FIFO, as tokio's).
//
// head_ and tail_ are 64-bit counters that never wrap in practice, so a
// compare-exchange on head_ cannot succeed on a stale value (no ABA). The
// slots are atomics read with relaxed loads: a thief may read a slot the
// owner is refilling, but then head_ has moved past it and the thief's CAS
// fails, so the stale read is discarded.
class local_queue {
 public:
  static constexpr std::uint64_t capacity = 256;

  // Owner only. False when full.
  bool push(task_header* task) noexcept {
    const std::uint64_t tail = tail_.load(std::memory_order_relaxed);
    // acquire: pairs with the thieves' CAS on head_, so the slot we reuse has
    // been read by whoever took it.
    if (tail - head_.load(std::memory_order_acquire) >= capacity) return false;
    slots_[tail % capacity].store(task, std::memory_order_relaxed);
    // release: the slot (and the task it points to) is visible to anyone who
    // sees the new tail.
    tail_.store(tail + 1, std::memory_order_release);
    return true;
  }

  // Owner or thief: takes the task at the head.
  task_header* pop() noexcept {
    std::uint64_t head = head_.load(std::memory_order_acquire);
    for (;;) {
      const std::uint64_t tail = tail_.load(std::memory_order_acquire);
      if (head == tail) return nullptr;
      task_header* task = slots_[head % capacity].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(head, head + 1, std::memory_order_acq_rel, std::memory_order_acquire))
        return task;
    }
  }

  // Takes up to half of the tasks (rounded up, at most `max`) into `out`.
  std::size_t pop_half(task_header** out, std::size_t max) noexcept {
    std::uint64_t head = head_.load(std::memory_order_acquire);
    for (;;) {
      const std::uint64_t tail = tail_.load(std::memory_order_acquire);
      const std::uint64_t available = tail - head;
      if (available == 0 || available > capacity) {
        if (available == 0) return 0;
        head = head_.load(std::memory_order_acquire);  // raced with the owner: reload
        continue;
      }
      std::size_t count = static_cast<std::size_t>(available - available / 2);
      if (count > max) count = max;
      for (std::size_t i = 0; i < count; ++i) out[i] = slots_[(head + i) % capacity].load(std::memory_order_relaxed);
      if (head_.compare_exchange_weak(head, head + count, std::memory_order_acq_rel, std::memory_order_acquire))
        return count;
    }
  }

  [[nodiscard]] std::size_t size() const noexcept {
    const std::uint64_t head = head_.load(std::memory_order_acquire);
    const std::uint64_t tail = tail_.load(std::memory_order_acquire);
    return tail > head ? static_cast<std::size_t>(tail - head) : 0;
  }

 private:
  alignas(64) std::atomic<std::uint64_t> head_{0};
  alignas(64) std::atomic<std::uint64_t> tail_{0};
  alignas(64) std::array<std::atomic<task_header*>, capacity> slots_{};
};

// The global injection queue: tasks scheduled from outside the workers and
// the overflow of full local queues. A mutex-guarded intrusive FIFO; the
// workers look at it only every few dozen tasks or when they run dry, so the
// lock is off the hot path. `size_` allows checking emptiness without it.
class inject_queue {
 public:
  void push(task_header* task) noexcept { push_batch(task, task, 1); }

  // Appends the chain first..last (linked by queue_next) of `count` tasks;
  // nothing once the queue is closed.
  void push_batch(task_header* first, task_header* last, std::size_t count) noexcept {
    last->queue_next = nullptr;
    std::lock_guard lock(mutex_);
    if (closed_) return;
    if (tail_) tail_->queue_next = first;
    else head_ = first;
    tail_ = last;
    size_.fetch_add(count, std::memory_order_release);
  }

  std::size_t pop_batch(task_header** out, std::size_t max) noexcept {
    if (empty()) return 0;
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    while (count < max && head_) {
      out[count++] = head_;
      head_ = head_->queue_next;
    }
    if (!head_) tail_ = nullptr;
    size_.fetch_sub(count, std::memory_order_relaxed);
    return count;
  }

  [[nodiscard]] bool empty() const noexcept { return size_.load(std::memory_order_acquire) == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_.load(std::memory_order_relaxed); }

  // Takes every queued task (linked by queue_next) and refuses any more: at
  // shutdown, once no worker runs, a task that is woken stays where it is
  // (in the runtime's list of live tasks, which destroys it) instead of
  // being linked to tasks that may already be freed.
  task_header* close() noexcept {
    std::lock_guard lock(mutex_);
    closed_ = true;
    task_header* all = head_;
    head_ = tail_ = nullptr;
    size_.store(0, std::memory_order_relaxed);
    return all;
  }

 private:
  std::mutex mutex_;
  bool closed_ = false;
  task_header* head_ = nullptr;
  task_header* tail_ = nullptr;
  std::atomic<std::size_t> size_{0};
};

}  // namespace asyncrt::detail
