#include "scheduler.hpp"

#include <asyncrt/time.hpp>

#include <stdexcept>

namespace asyncrt {
namespace detail {

void timer_register(timer_entry& entry, std::coroutine_handle<> h) {
  entry.task = suspend_current(h);
  entry.task->sched->add_timer(&entry);
}

void timer_cancel(timer_entry& entry) noexcept { entry.task->sched->remove_timer(&entry); }

clock::time_point deadline_after(std::chrono::nanoseconds d) noexcept {
  const clock::time_point now = clock::now();
  if (d <= std::chrono::nanoseconds::zero()) return now;
  if (d >= clock::time_point::max() - now) return clock::time_point::max();
  return now + std::chrono::duration_cast<clock::duration>(d);
}

}  // namespace detail

// Leaf operations, not coroutines: a sleep costs no frame of its own.
task<void> sleep_for(std::chrono::nanoseconds d) {
  return detail::task_access::leaf(detail::leaf_operation::kind::sleep_for, d.count());
}

task<void> sleep_until(steady_time deadline) {
  return detail::task_access::leaf(detail::leaf_operation::kind::sleep_until, deadline.time_since_epoch().count());
}

namespace {

std::chrono::nanoseconds checked_period(std::chrono::nanoseconds period) {
  if (period <= std::chrono::nanoseconds::zero()) throw std::invalid_argument("asyncrt::interval: the period must be positive");
  return period;
}

}  // namespace

interval::interval(std::chrono::nanoseconds period) : next_(detail::clock::now()), period_(checked_period(period)) {}

interval::interval(steady_time start, std::chrono::nanoseconds period) : next_(start), period_(checked_period(period)) {}

task<steady_time> interval::tick() {
  const steady_time scheduled = next_;
  co_await sleep_until(scheduled);
  next_ = scheduled + std::chrono::duration_cast<detail::clock::duration>(period_);
  co_return scheduled;
}

void interval::reset() { next_ = detail::clock::now() + std::chrono::duration_cast<detail::clock::duration>(period_); }

}  // namespace asyncrt
