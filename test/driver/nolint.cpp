// NOLINT comments (CONTRACT §1) work as in clang-tidy: the engine applies
// them before the driver sees a finding.
//
// RUN: %exit-status %async-lint %s -- %mock-flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex m;

asyncrt::task<> nolint_naming_the_check() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-lock-across-await)
}

asyncrt::task<> nolint_with_a_glob() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-*)
}

asyncrt::task<> bare_nolint() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now(); // NOLINT
}

asyncrt::task<> nolintnextline() {
  std::lock_guard<std::mutex> g(m);
  // NOLINTNEXTLINE(async-lock-across-await)
  co_await asyncrt::yield_now();
}

// NOLINTBEGIN(async-lock-across-await)
asyncrt::task<> inside_nolintbegin_nolintend() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now();
}
// NOLINTEND(async-lock-across-await)

asyncrt::task<> nolint_naming_another_check() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-heavy-loop)
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK-NEXT: nolint.cpp:[[@LINE-3]]:31: note: lock 'g' taken here
}

asyncrt::task<> nolintnextline_on_the_wrong_line() {
  // NOLINTNEXTLINE(async-lock-across-await)
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now();
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK-NOT: note:
}

asyncrt::task<> after_nolintend() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now();
  // CHECK: nolint.cpp:[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK-NEXT: nolint.cpp:[[@LINE-3]]:31: note: lock 'g' taken here
}

// CHECK: exit status: 1
