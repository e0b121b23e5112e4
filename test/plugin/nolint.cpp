// NOLINT comments silence the async-* checks through the plugin exactly as
// through async-lint: both runs must print the same findings.
// RUN: %clang-tidy --load=%plugin --checks='-*,async-*' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex m;

asyncrt::task<> nolint_on_the_await_line() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now(); // NOLINT
}

asyncrt::task<> nolint_naming_the_check() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-lock-across-await)
}

asyncrt::task<> nolint_naming_a_glob_of_the_checks() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-*)
}

asyncrt::task<> nolint_naming_another_check_still_reports() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-blocking-call)
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

// The warning is at the co_await, so it stays; the engine drops the note,
// whose line carries the NOLINT.
asyncrt::task<> nolint_where_the_lock_is_taken_still_reports() {
  std::lock_guard g(m); // NOLINT(async-lock-across-await)
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
}

asyncrt::task<> nolintnextline_above_the_await() {
  std::lock_guard g(m);
  // NOLINTNEXTLINE(async-lock-across-await)
  co_await asyncrt::yield_now();
}

asyncrt::task<> nolintnextline_two_lines_above_still_reports() {
  std::lock_guard g(m);
  // NOLINTNEXTLINE(async-lock-across-await)

  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-5]]:19: note: lock 'g' taken here
}

// NOLINTBEGIN(async-lock-across-await)
asyncrt::task<> nolintbegin_and_end_around_the_coroutine() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
}
// NOLINTEND(async-lock-across-await)

asyncrt::task<> after_nolintend_reports_again() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}
