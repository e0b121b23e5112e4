// RUN: not %async-lint --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-heavy-loop' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A nest's iterations are the product of its trip counts, which can pass
// what 64 bits hold (issue 10, "Clear errors"): the message then says
// "more than" the largest count rather than print the saturated value as
// if it were the count. A count that fits is printed exactly, however
// large.

#include <asyncrt/asyncrt.hpp>

int sink;

asyncrt::task<void> nest_past_64_bits() {
  for (unsigned long long i = 0; i < 4294967296ULL; ++i)
  // CHECK: :[[@LINE-1]]:3: warning: loop nest runs more than 18446744073709551615 iterations without suspending; {{.*}} [async-heavy-loop]
    for (unsigned long long j = 0; j < 4294967296ULL; ++j)
      sink += 1;
  co_return;
}

asyncrt::task<void> outer_loop_takes_the_nest_past_64_bits() {
  for (int k = 0; k < 3; ++k)
  // CHECK: :[[@LINE-1]]:3: warning: loop nest runs more than 18446744073709551615 iterations without suspending; {{.*}} [async-heavy-loop]
    for (unsigned long long i = 0; i < 4294967296ULL; ++i)
      for (unsigned long long j = 0; j < 4294967295ULL; ++j)
        sink += 1;
  co_return;
}

asyncrt::task<void> nest_just_inside_64_bits() {
  for (unsigned long long i = 0; i < 4294967296ULL; ++i)
  // CHECK: :[[@LINE-1]]:3: warning: loop nest runs 18446744069414584320 iterations without suspending; {{.*}} [async-heavy-loop]
    for (unsigned long long j = 0; j < 4294967295ULL; ++j)
      sink += 1;
  co_return;
}

asyncrt::task<void> single_loop_of_the_largest_count() {
  for (unsigned long long i = 0; i < 18446744073709551615ULL; ++i)
  // CHECK: :[[@LINE-1]]:3: warning: loop runs 18446744073709551615 iterations without suspending; {{.*}} [async-heavy-loop]
    sink += 1;
  co_return;
}

asyncrt::task<void> nest_that_suspends() {
  for (unsigned long long i = 0; i < 4294967296ULL; ++i)
    for (unsigned long long j = 0; j < 4294967296ULL; ++j)
      co_await asyncrt::yield_now();
}

asyncrt::task<void> small_nest() {
  for (int i = 0; i < 100; ++i)
    for (int j = 0; j < 100; ++j)
      sink += 1;
  co_return;
}
