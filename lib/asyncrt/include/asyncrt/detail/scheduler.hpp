#pragma once

// The runtime's entry points that the header-only parts of asyncrt (task,
// join_handle, the awaiters of time and sync) call. They are defined in
// src/scheduler.cpp; the scheduler itself is opaque here.

#include <asyncrt/detail/task_header.hpp>

#include <coroutine>
#include <exception>

namespace asyncrt::detail {

// The runtime that owns the calling thread (a worker or a blocking-pool
// thread), or null on any other thread.
scheduler* current_scheduler() noexcept;

// As current_scheduler(), but throws std::logic_error naming `what` when the
// calling thread belongs to no runtime.
scheduler& current_scheduler_or_throw(const char* what);

// Hands a task (its frame at the initial suspend point) to `sched` and
// schedules it. Returns its header with two references: the runtime's and
// the caller's (for its join_handle).
task_header* spawn_frame(scheduler& sched, task_header* task, bool blocking);

// The spawned task whose coroutines the calling thread is running, or null.
task_header* current_task() noexcept;

// Records `h` as the point where the current task resumes and returns the
// task, for an awaiter that is about to register it with some resource.
// Throws std::logic_error when no runtime task is running on this thread.
task_header* suspend_current(std::coroutine_handle<> h);

// Suspends the current task at `h` and puts it at the back of its worker's
// run queue: the other tasks there run first.
void yield_current(std::coroutine_handle<> h);

// The end of an await_suspend that found its resource ready: false (the
// awaiting coroutine goes on at once) while the current run's coop budget
// lasts; once it is spent, yields the task's turn at `h` and returns true.
bool continue_or_yield(std::coroutine_handle<> h);

// Makes a suspended task runnable. Resources call it under the lock that also
// guards the awaiter's deregistration, so the task cannot be destroyed while
// the call is in progress.
void wake(task_header* task) noexcept;

// Drops one reference; the last one frees the block (the frame of a spawned
// task is destroyed when it completes or is cancelled).
void release(task_header* task) noexcept;

// Cancels a spawned task at its next suspension point (join_handle::abort).
void abort_task(task_header* task) noexcept;

// Cancels a spawned task now, whatever it is doing, and returns once its
// frame is destroyed (after those of its own children: see child_set). A
// task that another thread is running is cancelled by that thread at the
// end of its current run, which drop_task waits for.
void drop_task(task_header* task) noexcept;

// Called by a spawned task's final awaiter once its outcome is in the result
// slot: the thread running it completes it when resume() returns.
void complete_root(task_header* task) noexcept;

// Reports on standard error an exception that no one will ever observe
// (a detached task failed), as tokio reports a panic.
void report_unobserved(const std::exception_ptr& failure) noexcept;

// The cooperative budget (tokio's coop): each resource operation that
// completes without suspending consumes one unit; when the budget of the
// current run is spent, the operation suspends and requeues the task so the
// other tasks of the worker get their turn.
bool coop_consume() noexcept;

// Throws std::logic_error if the calling thread is a runtime worker, where a
// blocking wait would deadlock the very thread meant to make progress.
void ensure_not_on_worker(const char* what);

}  // namespace asyncrt::detail
