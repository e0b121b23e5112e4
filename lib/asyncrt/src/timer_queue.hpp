#pragma once

#include <asyncrt/detail/timer.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

namespace asyncrt::detail {

// The runtime's timers: a binary min-heap of entries that live in the
// sleeping coroutines' frames. Each entry knows its heap position, so a
// cancelled sleep is removed in O(log n). Expired entries are woken under the
// heap's lock, which the cancelling side also takes (see waiter_list.hpp for
// why).
class timer_queue {
 public:
  // Adds `entry`; true if it is now the earliest deadline (the thread that
  // waits for the earliest deadline must then look again).
  bool insert(timer_entry* entry);

  void remove(timer_entry* entry) noexcept;

  // Wakes the tasks of every entry whose deadline is at or before `now`;
  // returns how many.
  std::size_t fire_due(clock::time_point now) noexcept;

  // Whether an entry is due at `now`, without taking the lock.
  [[nodiscard]] bool has_due(clock::time_point now) const noexcept {
    return now.time_since_epoch().count() >= earliest_.load(std::memory_order_acquire);
  }

  [[nodiscard]] std::optional<clock::time_point> next_deadline() noexcept;

  [[nodiscard]] bool empty() const noexcept { return earliest_.load(std::memory_order_acquire) == none; }

 private:
  static constexpr std::int64_t none = INT64_MAX;

  void sift_up(std::size_t index) noexcept;
  void sift_down(std::size_t index) noexcept;
  void place(std::size_t index, timer_entry* entry) noexcept {
    heap_[index] = entry;
    entry->index = index;
  }
  void publish_earliest() noexcept {
    earliest_.store(heap_.empty() ? none : heap_.front()->deadline.time_since_epoch().count(),
                    std::memory_order_release);
  }

  std::mutex mutex_;
  std::vector<timer_entry*> heap_;
  // The earliest deadline in clock ticks (`none` when empty), readable
  // without the lock: the workers check it between tasks.
  std::atomic<std::int64_t> earliest_{none};
};

}  // namespace asyncrt::detail
