#pragma once

// Time: sleep_for, sleep_until, interval and timeout, as tokio::time. All
// timers of a runtime live in one heap that the workers drive from their idle
// wait; no thread is created per timer.

#include <asyncrt/detail/timer.hpp>
#include <asyncrt/errors.hpp>
#include <asyncrt/select.hpp>
#include <asyncrt/task.hpp>
#include <asyncrt/yield.hpp>

#include <atomic>
#include <chrono>
#include <memory>
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

namespace detail {

// Tells timeout's timer when the task it races has had its first run:
// tokio's Timeout polls the inner future before it looks at the deadline.
// Shared by the two branches, which may outlive timeout's frame by a moment
// if the task awaiting the timeout is cancelled.
class first_run_gate {
 public:
  // Runs `t` in a spawned task that the gate can see.
  template <class T>
  static task<T> run(std::shared_ptr<first_run_gate> gate, task<T> t) {
    gate->task_.store(current_task(), std::memory_order_release);
    co_return co_await std::move(t);
  }

  // Whether the task has started and is not running now: its first run
  // is over (it completed, or it waits). While it runs it could not be
  // cancelled anyway, so waiting for that costs the deadline nothing.
  [[nodiscard]] bool first_run_over() const noexcept {
    const task_header* task = task_.load(std::memory_order_acquire);
    return task && !(task->state.load(std::memory_order_acquire) & state_running);
  }

 private:
  std::atomic<task_header*> task_{nullptr};
};

// Sleeps for `d`, then until the gate's task has had its first run.
inline task<void> expire(std::chrono::nanoseconds d, std::shared_ptr<const first_run_gate> gate) {
  co_await sleep_for(d);
  while (!gate->first_run_over()) co_await yield_now();
}

// timeout's value from the variant of its race: the task's, or elapsed.
template <class T>
struct timeout_projection {
  using result_type = T;
  static T apply(std::variant<value_or_monostate_t<T>, std::monostate>&& winner) {
    if (winner.index() == 1) throw elapsed{};
    if constexpr (!std::is_void_v<T>) return std::get<0>(std::move(winner));
  }
};

}  // namespace detail

// Runs `t` with a deadline `d` after the timeout is awaited: its value, or
// asyncrt::elapsed thrown after `d` (`t` is then cancelled), as
// tokio::time::timeout. As there, `t` runs first: a task that completes in
// its first run gives its value even if `d` is 0. A channel receive as `t`
// (`rx.recv()`) is cancel safe as a select() branch is: when the deadline
// wins, its message stays in the channel.
template <class T>
task<T> timeout(std::chrono::nanoseconds d, task<T> t) {
  auto gate = std::make_shared<detail::first_run_gate>();
  // The gate passes on the value of `t`, whose frame is then the one a
  // receive in it looks for.
  const void* inner = detail::task_access::frame(t);
  return detail::run_race<detail::timeout_projection<T>>(std::index_sequence<0, 1>{}, {inner, nullptr},
                                                     detail::first_run_gate::run(gate, std::move(t)),
                                                     detail::expire(d, gate));
}

}  // namespace asyncrt
