#pragma once

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/task_header.hpp>

#include <chrono>
#include <coroutine>
#include <cstddef>

namespace asyncrt::detail {

using clock = std::chrono::steady_clock;

// An entry of the runtime's timer heap. It lives in the sleeping coroutine's
// frame (inside the awaiter of the sleep): registering a timer allocates
// nothing.
struct timer_entry {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  clock::time_point deadline;
  std::size_t index = npos;  // position in the heap; npos once fired or removed (guarded by the heap's lock)
  task_header* task = nullptr;  // the sleeping task, set by timer_register
};

// Registers the current task, suspended at `h`, to be woken at entry.deadline.
void timer_register(timer_entry& entry, std::coroutine_handle<> h);

// Removes an entry that may not have fired (its task is being cancelled).
void timer_cancel(timer_entry& entry) noexcept;

// Saturating now() + d, so that sleep_for(nanoseconds::max()) sleeps "forever".
clock::time_point deadline_after(std::chrono::nanoseconds d) noexcept;

}  // namespace asyncrt::detail
