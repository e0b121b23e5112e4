// RUN: not %async-lint --checks='-*,async-blocking-call,async-heavy-loop' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// async-blocking-call and async-heavy-loop follow the helpers a coroutine
// calls up to 8 calls deep (docs/checks): a sleep or a heavy loop in the
// 8th helper of a chain is reported at the coroutine's call, one in the
// 9th is not.

#include <asyncrt/asyncrt.hpp>
#include <thread>

using namespace std::chrono_literals;

void sleep9() { std::this_thread::sleep_for(10ms); }
void sleep8() { std::this_thread::sleep_for(10ms); }
// CHECK-DAG: :[[@LINE-1]]:17: note: 'std::this_thread::sleep_for' blocks here
void deep8() { sleep9(); }
void deep7() { deep8(); }
void deep6() { deep7(); }
void deep5() { deep6(); }
void deep4() { deep5(); }
void deep3() { deep4(); }
void deep2() { deep3(); }
void deep1() { deep2(); }
void step7() { sleep8(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'sleep8' blocks here
void step6() { step7(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step7' blocks here
void step5() { step6(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step6' blocks here
void step4() { step5(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step5' blocks here
void step3() { step4(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step4' blocks here
void step2() { step3(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step3' blocks here
void step1() { step2(); }
// CHECK-DAG: :[[@LINE-1]]:16: note: 'step2' blocks here

long spin9() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i)
    sum += i;
  return sum;
}
long spin8() {
  long sum = 0;
  for (long i = 0; i < 100000000; ++i)
  // CHECK-DAG: :[[@LINE-1]]:3: note: loop runs 100000000 iterations without suspending
    sum += i;
  return sum;
}
long far8() { return spin9(); }
long far7() { return far8(); }
long far6() { return far7(); }
long far5() { return far6(); }
long far4() { return far5(); }
long far3() { return far4(); }
long far2() { return far3(); }
long far1() { return far2(); }
long near7() { return spin8(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'spin8' runs it here
long near6() { return near7(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near7' runs it here
long near5() { return near6(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near6' runs it here
long near4() { return near5(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near5' runs it here
long near3() { return near4(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near4' runs it here
long near2() { return near3(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near3' runs it here
long near1() { return near2(); }
// CHECK-DAG: :[[@LINE-1]]:23: note: 'near2' runs it here

// ---- Positives: the 8th helper ---------------------------------------------

asyncrt::task<> sleep_eight_helpers_deep() {
  step1();
  // CHECK-DAG: :[[@LINE-1]]:3: warning: 'step1' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<long> heavy_loop_eight_helpers_deep() {
  co_return near1();
  // CHECK-DAG: :[[@LINE-1]]:13: warning: 'near1' runs a heavy loop without suspending; call it through asyncrt::spawn_blocking [async-heavy-loop]
}

// ---- Negatives: the 9th helper ---------------------------------------------

asyncrt::task<> sleep_nine_helpers_deep() {
  deep1();
  co_return;
}

asyncrt::task<long> heavy_loop_nine_helpers_deep() { co_return far1(); }
