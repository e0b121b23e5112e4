#pragma once

// Time: sleep_for, sleep_until, interval and timeout, as tokio::time. All
// timers of a runtime live in one heap that the workers drive from their idle
// wait; no thread is created per timer.

#include <asyncrt/detail/timer.hpp>
#include <asyncrt/errors.hpp>
#include <asyncrt/select.hpp>
#include <asyncrt/task.hpp>

#include <chrono>
#include <type_traits>
#include <utility>
#include <variant>

namespace asyncrt {

using steady_time = std::chrono::steady_clock::time_point;

// Suspends the calling task for at least `d` (counted from when the task is
// awaited: a task is lazy).
task<void> sleep_for(std::chrono::nanoseconds d);

// Suspends the calling task until `deadline` has passed.
task<void> sleep_until(steady_time deadline);

// Ticks at a fixed period, as tokio::time::interval: the first tick completes
// at once; ticks missed because the task was late fire back to back until it
// has caught up (tokio's MissedTickBehavior::Burst).
class interval {
 public:
  explicit interval(std::chrono::nanoseconds period);
  interval(steady_time start, std::chrono::nanoseconds period);

  // Completes at the next tick and yields the time it was scheduled for.
  [[nodiscard]] task<steady_time> tick();

  // Schedules the next tick one period from now.
  void reset();

  [[nodiscard]] std::chrono::nanoseconds period() const noexcept { return period_; }

 private:
  steady_time next_;
  std::chrono::nanoseconds period_;
};

// Runs `t` with a deadline: its value, or asyncrt::elapsed thrown after `d`
// (`t` is then cancelled), as tokio::time::timeout.
template <class T>
task<T> timeout(std::chrono::nanoseconds d, task<T> t) {
  auto winner = co_await select(std::move(t), sleep_for(d));
  if (winner.index() == 1) throw elapsed{};
  if constexpr (std::is_void_v<T>) {
    co_return;
  } else {
    co_return std::get<0>(std::move(winner));
  }
}

}  // namespace asyncrt
