// The text format (CONTRACT §1): clang's, one line per finding with the
// check's name last in brackets, its notes under it; the path printed as
// the command line gave it; --show-source adds clang's source line and
// caret; exit status 1 when something is reported.
//
// RUN: %exit-status %async-lint %s -- %mock-flags \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ABSOLUTE --implicit-check-not='{{warning|error|note}}:'
// RUN: cd %S && %exit-status %async-lint text-output.cpp -- %mock-flags \
// RUN:   | FileCheck %s --check-prefixes=CHECK,RELATIVE --implicit-check-not='{{warning|error|note}}:'
// RUN: cd %S && not %async-lint ./text-output.cpp -- %mock-flags \
// RUN:   | FileCheck %s --check-prefix=DOTTED
// RUN: cd %S && not %async-lint --show-source text-output.cpp -- %mock-flags \
// RUN:   | FileCheck %s --check-prefix=SOURCE --match-full-lines --strict-whitespace
//
// (With --strict-whitespace, a SOURCE line's pattern starts right after the
// colon: the source lines keep their two spaces of indentation.)

#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex m;

asyncrt::task<> guard_held_across_await() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now();
  // ABSOLUTE: {{^}}/{{.*}}/text-output.cpp:[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]{{$}}
  // RELATIVE: {{^}}text-output.cpp:[[@LINE-2]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]{{$}}
  // CHECK-NEXT: text-output.cpp:[[@LINE-4]]:31: note: lock 'g' taken here{{$}}
  // DOTTED: {{^}}./text-output.cpp:[[@LINE-4]]:3: warning:
  // SOURCE:text-output.cpp:[[@LINE-5]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // SOURCE-NEXT:  co_await asyncrt::yield_now();
  // SOURCE-NEXT:  ^
  // SOURCE-NEXT:text-output.cpp:[[@LINE-9]]:31: note: lock 'g' taken here
  // SOURCE-NEXT:  std::lock_guard<std::mutex> g(m);
  // SOURCE-NEXT:                              ^
}

asyncrt::task<> guard_released_before_await() {
  {
    std::lock_guard<std::mutex> g(m);
  }
  co_await asyncrt::yield_now();
}

void guard_held_in_a_plain_function() {
  std::lock_guard<std::mutex> g(m);
}

// CHECK: exit status: 1
