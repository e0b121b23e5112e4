#pragma once

#include <asyncrt/detail/frame_allocator.hpp>

#include <algorithm>
#include <atomic>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <new>
#include <utility>

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
  state_aborted = 1u << 5,        // completed by cancellation: the result slot holds nothing
  state_join_interest = 1u << 6,  // a join_handle still refers to the task
  state_join_waker = 1u << 7,     // join_waiter is set and wants a wake-up on completion
  state_blocking = 1u << 8,       // runs on the blocking pool (spawn_blocking)
};
inline constexpr std::uint32_t epoch_shift = 16;
inline constexpr std::uint32_t flag_mask = (1u << epoch_shift) - 1;

// What the runtime keeps about a spawned task. It lives at the start of the
// allocation of every asyncrt::task's coroutine frame, followed by the
// task's result slot and then the frame itself (see allocate_frame):
// spawning a task allocates nothing beyond what calling the coroutine did.
//
// Ownership: `refs` counts the owners of the allocation: the runtime (from
// spawn until the task completes or is cancelled), the join_handle (until it
// is awaited or dropped) and each join_wait registration that names this task
// as the one to wake. When a spawned task completes, its result moves into the
// slot and its frame is destroyed at once, so its parameters and locals go
// away as a finished tokio future does; the header and the slot live on until
// the last owner lets go.
struct alignas(16) task_header {
  std::atomic<std::uint32_t> state{0};
  std::atomic<std::uint32_t> refs{0};
  task_header* queue_next = nullptr;    // link in the global queue
  scheduler* sched = nullptr;           // the runtime the task was spawned on
  std::coroutine_handle<> leaf;         // where to resume: the innermost suspended coroutine
  task_header* join_waiter = nullptr;   // the task to wake on completion (with state_join_waker)
  std::uint32_t owned_index = 0;        // slot in the runtime's list of live tasks
  std::uint16_t join_epoch = 0;         // join_waiter's epoch when it registered
  std::uint16_t frame_units : 12 = 0;   // from the header to the coroutine frame, in 16-byte units
  std::uint16_t size_class : 4 = 0;     // of the block, for deallocate_block
};

inline constexpr std::size_t header_size = sizeof(task_header);
static_assert(header_size % alignof(std::max_align_t) == 0,
              "what follows the header must stay suitably aligned");

// Where a task's outcome is kept (and a spawned task's, once its frame is
// gone): its value or its exception. A task has one or the other, so they
// share the storage that follows `destroy`, which says what is there (null:
// nothing yet). The exception is always at offset 8; a value too unless its
// type is more aligned than that. A task<std::size_t> thus needs 16 bytes of
// slot rather than 32, which keeps a trivial task's block at 112 bytes: in
// glibc's cheapest size range (its fast bins end at 128-byte chunks).
//
// The value may extend past the end of this object: the slot is placed in
// the task's block with slot_size<T> bytes reserved for it.
struct result_slot_base {
  void (*destroy)(result_slot_base*) noexcept = nullptr;
  alignas(std::exception_ptr) unsigned char storage[sizeof(std::exception_ptr)];

  [[nodiscard]] bool failed() const noexcept { return destroy == &destroy_failure; }

  // Only when failed().
  const std::exception_ptr& failure() noexcept { return *failure_ptr(this); }

  void set_failure(std::exception_ptr failure) noexcept {
    reset();
    ::new (static_cast<void*>(storage)) std::exception_ptr(std::move(failure));
    destroy = &destroy_failure;
  }

  // Destroys the value or exception, if any.
  void reset() noexcept {
    if (auto* d = std::exchange(destroy, nullptr)) d(this);
  }

 private:
  static std::exception_ptr* failure_ptr(result_slot_base* self) noexcept {
    return std::launder(reinterpret_cast<std::exception_ptr*>(self->storage));
  }
  static void destroy_failure(result_slot_base* self) noexcept { failure_ptr(self)->~exception_ptr(); }
};
static_assert(sizeof(result_slot_base) == 16);

template <class T>
inline constexpr std::size_t value_offset =
    alignof(T) <= alignof(std::exception_ptr) ? 8 : (sizeof(result_slot_base) + alignof(T) - 1) / alignof(T) * alignof(T);

template <class T>
struct result_slot : result_slot_base {
  T* value() noexcept { return std::launder(reinterpret_cast<T*>(reinterpret_cast<char*>(this) + value_offset<T>)); }

  // Called once, on a slot that holds nothing yet.
  template <class U>
  void store(U&& v) {
    ::new (static_cast<void*>(reinterpret_cast<char*>(this) + value_offset<T>)) T(std::forward<U>(v));
    destroy = [](result_slot_base* self) noexcept { static_cast<result_slot*>(self)->value()->~T(); };
  }
};

template <>
struct result_slot<void> : result_slot_base {};

template <class T>
inline constexpr std::size_t slot_size = (std::max(sizeof(result_slot_base), value_offset<T> + sizeof(T)) + 15) / 16 * 16;
template <>
inline constexpr std::size_t slot_size<void> = sizeof(result_slot_base);

template <class T>
inline constexpr std::size_t frame_offset = header_size + slot_size<T>;

inline result_slot_base* slot_of(task_header* header) noexcept {
  return reinterpret_cast<result_slot_base*>(reinterpret_cast<char*>(header) + header_size);
}

template <class T>
result_slot<T>* typed_slot_of(task_header* header) noexcept {
  return static_cast<result_slot<T>*>(slot_of(header));
}

inline void* frame_of(task_header* header) noexcept {
  return reinterpret_cast<char*>(header) + std::size_t{header->frame_units} * 16;
}

template <class T>
task_header* header_of(void* frame) noexcept {
  return reinterpret_cast<task_header*>(static_cast<char*>(frame) - frame_offset<T>);
}

// Frees a block whose frame is gone: the slot's contents, then the memory.
inline void free_block(task_header* header) noexcept {
  result_slot_base* slot = slot_of(header);
  slot->reset();
  slot->~result_slot_base();
  const unsigned size_class = header->size_class;
  header->~task_header();
  deallocate_block(header, size_class);
}

// operator new of the promise of task<T>: one allocation for header, result
// slot and frame.
template <class T>
void* allocate_frame(std::size_t frame_size) {
  static_assert(alignof(result_slot<T>) <= 16 && frame_offset<T> % 16 == 0 && frame_offset<T> / 16 < (1u << 12),
                "asyncrt::task<T>: T is too large or too aligned to be kept in the task's allocation");
  // One block from the frame allocator (per-thread free lists by size class).
  unsigned size_class = 0;
  char* block = static_cast<char*>(allocate_block(frame_size + frame_offset<T>, size_class));
  auto* header = ::new (block) task_header{};
  header->frame_units = static_cast<std::uint16_t>(frame_offset<T> / 16);
  header->size_class = static_cast<std::uint16_t>(size_class);
  ::new (block + header_size) result_slot<T>{};
  return block + frame_offset<T>;
}

// operator delete of the promise of task<T>. A frame destroyed while its task
// still has owners (a spawned task that completed or was cancelled) gives
// back only the frame's lifetime: the block goes with the last release().
template <class T>
void deallocate_frame(void* frame) noexcept {
  task_header* header = header_of<T>(frame);
  if (header->refs.load(std::memory_order_acquire) == 0) free_block(header);
}

}  // namespace asyncrt::detail
