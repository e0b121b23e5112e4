// --fix through the plugin applies the checks' fix-its, skips the findings
// a NOLINT silences, leaves code that compiles, and leaves the same file as
// async-lint --fix.
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --load=%plugin --checks='-*,async-*' --fix %t.cpp -- %real-flags 2>/dev/null \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s
// RUN: %clangxx -fsyntax-only %real-flags %t.cpp
// RUN: cp %s %t.async-lint.cpp
// RUN: not %async-lint --fix %t.async-lint.cpp -- %real-flags > /dev/null
// RUN: diff %t.cpp %t.async-lint.cpp

#include <asyncrt/asyncrt.hpp>
#include <chrono>
#include <thread>

asyncrt::task<int> fetch();

asyncrt::task<> thread_sleep_becomes_asyncrt_sleep_for() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  // CHECK: :[[@LINE-1]]:3: warning: {{.*}} [async-blocking-call]
  // CHECK: :[[@LINE-2]]:3: note: FIX-IT applied suggested code changes
  // FIXED: {{^}}  co_await asyncrt::sleep_for(std::chrono::milliseconds(10));{{$}}
  co_return;
}

asyncrt::task<int> block_on_becomes_co_await() {
  int value = asyncrt::block_on(fetch());
  // CHECK: :[[@LINE-1]]:15: warning: {{.*}} [async-blocking-call]
  // CHECK: :[[@LINE-2]]:15: note: FIX-IT applied suggested code changes
  // FIXED: {{^}}  int value = co_await fetch();{{$}}
  co_return value;
}

asyncrt::task<> silenced_finding_is_not_fixed() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10)); // NOLINT(async-blocking-call)
  // FIXED: {{^}}  std::this_thread::sleep_for(std::chrono::milliseconds(10)); // NOLINT(async-blocking-call){{$}}
  co_return;
}
