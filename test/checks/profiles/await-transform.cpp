// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --fix %t.cpp -- %mock-flags > /dev/null
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

// Tasks awaited through the promise's await_transform, not an awaiter of
// their own: folly::coro::Task (a semi-awaitable) and stdexec's tasks and
// senders. A coroutine of the same runtime awaits them, so a dropped one is
// told to co_await it and a blocking wait on one becomes a co_await; in a
// coroutine of another runtime neither is offered, and a wait whose value
// is not the task's (stdexec::sync_wait gives an optional) is not replaced
// where its value is used.

#include <asyncrt/asyncrt.hpp>
#include <exec/task.hpp>
#include <folly/coro/BlockingWait.h>
#include <folly/coro/Task.h>
#include <stdexec/execution.hpp>

folly::coro::Task<int> fetch(int id);
stdexec::task<int> compute(int id);
exec::task<int> load(int id);

// ---- Positives: the co_await advice and fix --------------------------------

folly::coro::Task<int> blocking_wait_returned_from_a_task() {
  co_return folly::coro::blockingWait(fetch(1));
  // CHECK: :[[@LINE-1]]:13: warning: 'folly::coro::blockingWait' blocks the worker thread inside a coroutine; co_await the task instead; blockingWait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_return co_await fetch(1);{{$}}
}

exec::task<void> sync_wait_on_a_task_as_a_statement() {
  stdexec::sync_wait(compute(2));
  // CHECK: :[[@LINE-1]]:3: warning: 'stdexec::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_await compute(2);{{$}}
  co_return;
}

stdexec::task<void> exec_task_dropped_in_a_stdexec_task() {
  load(3);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'load' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to exec::async_scope::spawn to run it concurrently
  // FIXED: {{^}}  co_await load(3);{{$}}
  co_return;
}

void folly_task_dropped_in_plain_code() {
  fetch(4);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with folly::coro::blockingWait, or pass it to folly::coro::AsyncScope::add to run it concurrently
}

void stdexec_task_dropped_in_plain_code() {
  compute(5);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with stdexec::sync_wait, or pass it to exec::async_scope::spawn to run it concurrently
}

// ---- Negatives: neither advice nor fix -------------------------------------

asyncrt::task<> folly_task_dropped_in_an_asyncrt_task() {
  fetch(6);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // FIXED: {{^}}  fetch(6);{{$}}
  co_return;
}

stdexec::task<void> folly_task_dropped_in_a_stdexec_task() {
  fetch(7);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // FIXED: {{^}}  fetch(7);{{$}}
  co_return;
}

folly::coro::Task<void> stdexec_task_dropped_in_a_folly_task() {
  compute(8);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'compute' is never awaited; it will not run [async-unawaited-task]
  // FIXED: {{^}}  compute(8);{{$}}
  co_return;
}

stdexec::task<int> blocking_wait_on_a_folly_task_in_a_stdexec_task() {
  co_return folly::coro::blockingWait(fetch(9));
  // CHECK: :[[@LINE-1]]:13: warning: 'folly::coro::blockingWait' blocks the worker thread inside a coroutine; co_await the task instead; blockingWait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_return folly::coro::blockingWait(fetch(9));{{$}}
}

exec::task<void> sync_wait_whose_optional_is_used() {
  auto result = stdexec::sync_wait(compute(10));
  // CHECK: :[[@LINE-1]]:17: warning: 'stdexec::sync_wait' blocks the worker thread inside a coroutine; co_await the task instead; sync_wait inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  auto result = stdexec::sync_wait(compute(10));{{$}}
  co_return;
}
