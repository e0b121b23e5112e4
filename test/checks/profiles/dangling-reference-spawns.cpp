// RUN: not %async-lint --checks='-*,async-dangling-reference' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// A runtime's spawn takes over the task it is handed, even by reference
// and defined out of sight (libcoro's thread_pool::spawn_joinable(task&&)
// is no coroutine): the temporary task is moved from, not borrowed. A
// function of the user's own that takes a task by reference may be a
// coroutine that keeps the reference, and stays reported.

#include <coro/coro.hpp>

coro::task<> work();
coro::task<> keep_for_later(coro::task<> &&t);

// ---- Positives -------------------------------------------------------------

coro::task<> temporary_task_lent_to_a_function_of_the_users_own() {
  auto later = keep_for_later(work());
  // CHECK: :[[@LINE-1]]:31: warning: task returned by 'keep_for_later' refers to this temporary, which is destroyed at the end of the full expression; take 't' by value, or co_await the task in the same expression [async-dangling-reference]
  // CHECK: :[[@LINE-2]]:37: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'later' here, still alive
  co_await later;
}

// ---- Negatives -------------------------------------------------------------

coro::task<> temporary_task_handed_to_spawn_joinable(coro::thread_pool &pool) {
  auto joined = pool.spawn_joinable(work());
  co_await joined;
}

coro::task<> local_task_moved_into_spawn_joinable(coro::thread_pool &pool) {
  auto task = work();
  auto joined = pool.spawn_joinable(std::move(task));
  co_await joined;
}
