#pragma once

#include <asyncrt/detail/task_header.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace asyncrt::detail {

// The lock of an owned_tasks shard: its critical sections are a few
// instructions long and two threads rarely want the same one of 32 shards at
// once, while every spawned task takes one twice (insert, remove). An
// uncontended std::mutex costs a lock and an unlock call with an atomic
// read-modify-write each; this costs one exchange and one store. (Measured
// with callgrind on spawn_many: the two pthread_mutex pairs were about 110 of
// the 1,100 instructions per task.) A waiter spins briefly, then yields its
// CPU, so that a preempted holder is not starved by it.
class shard_lock {
 public:
  void lock() noexcept {
    while (locked_.exchange(true, std::memory_order_acquire)) {
      for (unsigned spins = 0; locked_.load(std::memory_order_relaxed); ++spins) {
        if (spins < 64) {
#if defined(__x86_64__) || defined(__i386__)
          __builtin_ia32_pause();
#endif
        } else {
          std::this_thread::yield();
        }
      }
    }
  }
  void unlock() noexcept { locked_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> locked_{false};
};

// Every live spawned task of a runtime, so that shutdown can destroy the ones
// that will never complete (suspended on a channel no one sends to, say).
// Sharded by address so that spawns and completions on different workers
// rarely meet on a lock; each shard is a vector with swap-removal, the task's
// slot kept in task_header::owned_index.
class owned_tasks {
 public:
  static constexpr std::uint32_t not_owned = std::numeric_limits<std::uint32_t>::max();

  // False once the runtime has closed: the caller must cancel the task.
  bool insert(task_header* task) {
    shard& s = shard_of(task);
    std::lock_guard lock(s.mutex);
    if (s.closed) {
      task->owned_index = not_owned;
      return false;
    }
    task->owned_index = static_cast<std::uint32_t>(s.tasks.size());
    s.tasks.push_back(task);
    return true;
  }

  void remove(task_header* task) noexcept {
    shard& s = shard_of(task);
    // owned_index is read under the lock: another removal from this shard
    // may be moving this task to a new slot.
    std::lock_guard lock(s.mutex);
    const std::uint32_t index = task->owned_index;
    if (index == not_owned) return;
    task_header* moved = s.tasks.back();
    s.tasks[index] = moved;
    moved->owned_index = index;
    s.tasks.pop_back();
    task->owned_index = not_owned;
  }

  // Closes every shard and takes one task that is still there, or null.
  task_header* close_and_pop() noexcept {
    for (shard& s : shards_) {
      std::lock_guard lock(s.mutex);
      s.closed = true;
      if (!s.tasks.empty()) {
        task_header* task = s.tasks.back();
        s.tasks.pop_back();
        task->owned_index = not_owned;
        return task;
      }
    }
    return nullptr;
  }

 private:
  static constexpr std::size_t shard_count = 32;

  struct alignas(64) shard {
    shard_lock mutex;
    std::vector<task_header*> tasks;
    bool closed = false;
  };

  shard& shard_of(const task_header* task) noexcept {
    // Fibonacci hashing of the address; the low bits are alignment.
    const auto bits = reinterpret_cast<std::uintptr_t>(task) >> 4;
    return shards_[static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 59) % shard_count];
  }

  std::array<shard, shard_count> shards_;
};

}  // namespace asyncrt::detail
