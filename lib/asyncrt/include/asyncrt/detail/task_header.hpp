#pragma once

#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <new>

namespace asyncrt::detail {

class scheduler;

// The bits of task_header::state. The low 16 bits are flags; the high 16 bits
// are the join epoch (see join_wait in src/join_wait.cpp): a counter that lets
// a late wake-up from a finished join be told apart from a current one.
enum state_bits : std::uint32_t {
  state_scheduled = 1u << 0,      // in a run queue (or the blocking pool's queue)
  state_running = 1u << 1,        // a thread is resuming it right now
  state_notified = 1u << 2,       // woken while running: run it again once it suspends
  state_cancelled = 1u << 3,      // abort() was called
  state_complete = 1u << 4,       // finished: completed, failed or cancelled
  state_frame_gone = 1u << 5,     // cancelled: the coroutine frame was destroyed before completing
  state_join_interest = 1u << 6,  // a join_handle still refers to the task
  state_join_waker = 1u << 7,     // join_waiter is set and wants a wake-up on completion
  state_blocking = 1u << 8,       // runs on the blocking pool (spawn_blocking)
};
inline constexpr std::uint32_t epoch_shift = 16;
inline constexpr std::uint32_t flag_mask = (1u << epoch_shift) - 1;

// What the runtime keeps about a spawned task. It lives immediately before
// the coroutine frame of every asyncrt::task, in the same allocation (see
// allocate_frame), so spawning a task allocates nothing beyond the frame that
// calling the coroutine already allocated.
//
// Ownership: `refs` counts the owners of the allocation: the runtime (from
// spawn until the task completes or is cancelled), the join_handle (until it is
// awaited or dropped) and each join_wait registration that names this task as
// the one to wake. The frame of a completed task stays suspended at its final
// suspend point, holding the result, until the last owner lets go; the frame
// of a cancelled task is destroyed at once, and the header alone lives on
// until then.
struct alignas(16) task_header {
  std::atomic<std::uint32_t> state{0};
  std::atomic<std::uint32_t> refs{0};
  task_header* queue_next = nullptr;    // link in the global queue
  scheduler* sched = nullptr;           // the runtime the task was spawned on
  std::coroutine_handle<> leaf;         // where to resume: the innermost suspended coroutine
  task_header* join_waiter = nullptr;   // the task to wake on completion (with state_join_waker)
  std::uint32_t join_epoch = 0;         // join_waiter's epoch when it registered
  std::uint32_t owned_index = 0;        // slot in the runtime's list of live tasks
};

inline constexpr std::size_t header_size = sizeof(task_header);
static_assert(header_size % alignof(std::max_align_t) == 0,
              "the frame after the header must stay suitably aligned");

inline task_header* header_of(void* frame) noexcept {
  return reinterpret_cast<task_header*>(static_cast<char*>(frame) - header_size);
}

inline void* frame_of(task_header* header) noexcept {
  return reinterpret_cast<char*>(header) + header_size;
}

// operator new of every task's promise: one allocation for header and frame.
inline void* allocate_frame(std::size_t frame_size) {
  void* block = ::operator new(frame_size + header_size);
  ::new (block) task_header{};
  return static_cast<char*>(block) + header_size;
}

inline void free_header(task_header* header) noexcept {
  header->~task_header();
  ::operator delete(static_cast<void*>(header));
}

// operator delete of every task's promise. A frame destroyed while the task
// still has owners (a task cancelled before its join_handle was dropped) gives
// back only its frame's lifetime: the block is freed by the last release().
inline void deallocate_frame(void* frame) noexcept {
  task_header* header = header_of(frame);
  if (header->refs.load(std::memory_order_acquire) == 0) free_header(header);
}

}  // namespace asyncrt::detail
