// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <test_generator.h>
#include <mutex>
#include <shared_mutex>

std::mutex m;
std::mutex other;
std::recursive_mutex rm;
std::shared_mutex sm;
asyncrt::mutex amu;

asyncrt::task<int> fetch();
void consume(std::unique_lock<std::mutex> lock);
bool ready();


// ---- Positives -------------------------------------------------------------

asyncrt::task<> lock_guard_held_across_await() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

asyncrt::task<> unique_lock_held_across_await() {
  std::unique_lock<std::mutex> lock(m);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

asyncrt::task<> scoped_lock_of_two_mutexes_held_across_await() {
  std::scoped_lock both(m, other);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'both' is held across this co_await
  // CHECK: :[[@LINE-3]]:20: note: lock 'both' taken here
}

asyncrt::task<> shared_lock_held_across_await() {
  std::shared_lock reader(sm);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'reader' is held across this co_await
  // CHECK: :[[@LINE-3]]:20: note: lock 'reader' taken here
}

asyncrt::task<> recursive_mutex_guard_held_across_await() {
  std::lock_guard<std::recursive_mutex> g(rm);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:41: note: lock 'g' taken here
}

asyncrt::task<> manual_lock_without_unlock() {
  m.lock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'm' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'm' taken here
  m.unlock();
}

asyncrt::task<> shared_mutex_locked_shared_by_hand() {
  sm.lock_shared();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'sm' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'sm' taken here
  sm.unlock_shared();
}

generator lock_held_across_co_yield() {
  std::lock_guard g(m);
  co_yield 1;
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_yield
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

asyncrt::task<int> lock_held_across_co_return_co_await() {
  std::lock_guard g(m);
  co_return co_await fetch();
  // CHECK: :[[@LINE-1]]:13: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

asyncrt::task<> lock_held_on_one_branch_only(bool contended) {
  std::unique_lock lock(m, std::defer_lock);
  if (contended)
    lock.lock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:5: note: lock 'lock' taken here
}

asyncrt::task<> relocked_after_unlock() {
  std::unique_lock lock(m);
  lock.unlock();
  co_await asyncrt::yield_now();
  lock.lock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'lock' taken here
}

asyncrt::task<> guard_outside_loop_await_inside(int n) {
  std::lock_guard g(m);
  for (int i = 0; i < n; ++i)
    co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:5: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-4]]:19: note: lock 'g' taken here
}

asyncrt::task<> locked_and_unlocked_around_each_await(int n) {
  for (int i = 0; i < n; ++i) {
    m.lock();
    co_await asyncrt::yield_now();
    // CHECK: :[[@LINE-1]]:5: warning: lock 'm' is held across this co_await
    // CHECK: :[[@LINE-3]]:5: note: lock 'm' taken here
    m.unlock();
  }
}

asyncrt::task<> every_suspension_point_is_reported() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-6]]:19: note: lock 'g' taken here
}

asyncrt::task<> guard_moved_into_another_guard() {
  std::unique_lock first(m);
  std::unique_lock second(std::move(first));
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'second' is held across this co_await
  // CHECK: :[[@LINE-4]]:20: note: lock 'second' taken here
}

asyncrt::task<> two_locks_held_one_warning_two_notes() {
  std::lock_guard a(m);
  std::lock_guard b(other);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'a' is held across this co_await
  // CHECK: :[[@LINE-4]]:19: note: lock 'a' taken here
  // CHECK: :[[@LINE-4]]:19: note: lock 'b' taken here
}

asyncrt::task<> adopted_lock_held_across_await() {
  m.lock();
  std::lock_guard g(m, std::adopt_lock);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'm' is held across this co_await
  // CHECK: :[[@LINE-4]]:3: note: lock 'm' taken here
  // CHECK: :[[@LINE-4]]:19: note: lock 'g' taken here
}

asyncrt::task<> try_to_lock_may_hold_across_await() {
  std::unique_lock lock(m, std::try_to_lock);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:20: note: lock 'lock' taken here
}

struct Service {
  std::mutex mu;
  asyncrt::task<> member_mutex_locked_by_hand() {
    mu.lock();
    co_await asyncrt::yield_now();
    // CHECK: :[[@LINE-1]]:5: warning: lock 'mu' is held across this co_await
    // CHECK: :[[@LINE-3]]:5: note: lock 'mu' taken here
    mu.unlock();
  }
};

auto lambda_coroutine_holding_lock = []() -> asyncrt::task<> {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
};

template <class Mutex> asyncrt::task<> template_guard_of_dependent_type(Mutex &mu) {
  std::unique_lock<Mutex> lock(mu);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:27: note: lock 'lock' taken here
}

template <class Mutex> asyncrt::task<> template_mutex_locked_by_hand(Mutex &mu) {
  mu.lock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'mu' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'mu' taken here
  mu.unlock();
}

asyncrt::task<> co_await_in_an_initializer() {
  std::lock_guard g(m);
  int value = co_await fetch();
  // CHECK: :[[@LINE-1]]:15: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

void use(int);

asyncrt::task<> co_await_in_an_argument() {
  std::lock_guard g(m);
  use(co_await fetch());
  // CHECK: :[[@LINE-1]]:7: warning: lock 'g' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> guard_released_before_await() {
  {
    std::lock_guard g(m);
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> unique_lock_unlocked_before_await() {
  std::unique_lock lock(m);
  lock.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> deferred_lock_never_taken() {
  std::unique_lock lock(m, std::defer_lock);
  co_await asyncrt::yield_now();
}

asyncrt::task<> default_constructed_unique_lock() {
  std::unique_lock<std::mutex> lock;
  co_await asyncrt::yield_now();
}

asyncrt::task<> manual_lock_released_before_await() {
  m.lock();
  m.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> async_mutex_guard_across_await() {
  auto guard = co_await amu.lock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_moved_away_before_await() {
  std::unique_lock lock(m);
  consume(std::move(lock));
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_released_by_release_before_await() {
  std::unique_lock lock(m);
  lock.release()->unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> lock_taken_after_last_await() {
  co_await asyncrt::yield_now();
  std::lock_guard g(m);
}

asyncrt::task<> lock_in_branch_released_in_branch(bool c) {
  if (c) {
    std::lock_guard g(m);
  } else {
    m.lock();
    m.unlock();
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_scoped_to_loop_body(int n) {
  for (int i = 0; i < n; ++i) {
    std::lock_guard g(m);
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> try_lock_is_not_followed() {
  if (m.try_lock())
    m.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> lock_in_nested_plain_lambda() {
  auto critical = [] {
    std::lock_guard g(m);
    return ready();
  };
  critical();
  co_await asyncrt::yield_now();
}

void lock_in_plain_function() {
  std::lock_guard g(m);
  ready();
}

asyncrt::task<> guard_released_in_every_branch(bool c) {
  std::unique_lock lock(m);
  if (c)
    lock.unlock();
  else
    lock.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> only_implicit_suspends_with_lock() {
  std::lock_guard g(m);
  co_return;
}

asyncrt::task<> std_lock_free_function_then_unlock() {
  std::unique_lock a(m, std::defer_lock);
  std::unique_lock b(other, std::defer_lock);
  std::lock(a, b);
  a.unlock();
  b.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> awaiting_before_taking_a_scoped_lock() {
  co_await asyncrt::yield_now();
  {
    std::scoped_lock both(m, other);
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> moved_guard_released_before_await() {
  std::unique_lock first(m);
  std::unique_lock second(std::move(first));
  second.unlock();
  co_await asyncrt::yield_now();
}

auto generic_lambda_awaiting_an_async_mutex_through_a_pointer =
    [](auto mu) -> asyncrt::task<> {
  auto guard = co_await mu->lock();
  co_await asyncrt::yield_now();
};

template <class Mutex> asyncrt::task<> template_awaiting_a_dependent_lock(Mutex &mu) {
  auto guard = co_await mu.lock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> instantiates_the_async_templates() {
  co_await template_awaiting_a_dependent_lock(amu);
  co_await generic_lambda_awaiting_an_async_mutex_through_a_pointer(&amu);
}

asyncrt::task<> nolint_suppresses_the_warning() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now(); // NOLINT(async-lock-across-await)
}

// ---- Guards handed on: release(), move-assignment, swap --------------------
// The suspensions clang-tidy's cppcoreguidelines-no-suspend-with-lock test
// expects a warning for, where a mutex really is locked.

std::mutex second_mutex;

asyncrt::task<> released_guard_leaves_its_mutex_locked() {
  std::unique_lock<std::mutex> lock(m);
  lock.release();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'm' is held across this co_await
  // CHECK: :[[@LINE-4]]:32: note: lock 'm' taken here
}

asyncrt::task<> released_guard_then_unlocked_by_hand() {
  std::unique_lock<std::mutex> lock(m);
  lock.release();
  m.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_assigned_a_locked_temporary() {
  std::unique_lock<std::mutex> lock(m);
  lock = std::unique_lock<std::mutex>{second_mutex};
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'lock' taken here
}

asyncrt::task<> deferred_guard_assigned_a_locked_temporary() {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  lock = std::unique_lock<std::mutex>(second_mutex);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'lock' taken here
}

asyncrt::task<> guard_assigned_an_empty_lock() {
  std::unique_lock<std::mutex> lock(m);
  lock = std::unique_lock<std::mutex>{};
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_assigned_empty_braces() {
  std::unique_lock<std::mutex> lock(m);
  lock = {};
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_assigned_a_deferred_temporary() {
  std::unique_lock<std::mutex> lock(m);
  lock = std::unique_lock<std::mutex>(second_mutex, std::defer_lock);
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_swapped_with_an_empty_one() {
  std::unique_lock<std::mutex> lock(m);
  std::unique_lock<std::mutex> empty;
  lock.swap(empty);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'empty' is held across this co_await
  // CHECK: :[[@LINE-5]]:32: note: lock 'empty' taken here
}

asyncrt::task<> guards_swapped_both_held() {
  std::unique_lock<std::mutex> lock(m);
  std::unique_lock<std::mutex> other_lock{second_mutex};
  lock.swap(other_lock);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-4]]:32: note: lock 'lock' taken here
  // CHECK: :[[@LINE-6]]:32: note: lock 'other_lock' taken here
}

asyncrt::task<> swapped_then_the_holder_unlocked() {
  std::unique_lock<std::mutex> lock(m);
  std::unique_lock<std::mutex> empty;
  lock.swap(empty);
  empty.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> mutex_unlocked_behind_its_guards_back() {
  std::unique_lock<std::mutex> lock(m);
  m.unlock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-4]]:32: note: lock 'lock' taken here
}

asyncrt::task<> held_in_a_function_try_block() try {
  std::unique_lock<std::mutex> lock(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
} catch (...) {
}

asyncrt::task<> held_in_a_branch_after_earlier_awaits() {
  std::unique_lock<std::mutex> lock(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
  if (ready()) {
    co_await asyncrt::yield_now();
    // CHECK: :[[@LINE-1]]:5: warning: lock 'lock' is held across this co_await
    // CHECK: :[[@LINE-7]]:32: note: lock 'lock' taken here
  }
}

asyncrt::task<> empty_guard_unlocked_owns_nothing() {
  std::unique_lock<std::mutex> lock;
  lock.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> lock_taken_after_a_label_looped_to_by_goto(int n) {
again:
  co_await asyncrt::yield_now();
  std::unique_lock<std::mutex> lock(m);
  if (--n > 0)
    goto again;
}

void plain_function_holding_a_lock_calls_a_coroutine_lambda() {
  std::unique_lock<std::mutex> lock(m);
  auto body = []() -> asyncrt::task<> { co_await asyncrt::yield_now(); };
  (void)body;
}

auto generic_lambda_with_a_guard_of_deduced_type = [](auto &mu) -> asyncrt::task<> {
  std::unique_lock<typename std::remove_reference<decltype(mu)>::type> lock(mu);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:72: note: lock 'lock' taken here
};

template <class Mutex> asyncrt::task<> template_guard_released(Mutex &mu) {
  std::unique_lock<Mutex> lock(mu);
  lock.release();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'mu' is held across this co_await
  // CHECK: :[[@LINE-4]]:27: note: lock 'mu' taken here
}

template <class Mutex>
asyncrt::task<> template_guard_assigned_a_locked_temporary(Mutex &mu, Mutex &next) {
  std::unique_lock<Mutex> lock(mu);
  lock = std::unique_lock<Mutex>(next);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'lock' taken here
}

template <class T> struct Queue {
  std::mutex mu;
  asyncrt::task<> push() {
    std::unique_lock<std::mutex> lock(mu);
    co_await asyncrt::yield_now();
    // CHECK: :[[@LINE-1]]:5: warning: lock 'lock' is held across this co_await
    // CHECK: :[[@LINE-3]]:34: note: lock 'lock' taken here
  }
  template <class... Args> asyncrt::task<> emplace(Args &&...) {
    std::unique_lock<std::mutex> lock(mu);
    co_await asyncrt::yield_now();
    // CHECK: :[[@LINE-1]]:5: warning: lock 'lock' is held across this co_await
    // CHECK: :[[@LINE-3]]:34: note: lock 'lock' taken here
  }
};

asyncrt::task<> instantiates_the_handed_on_templates() {
  co_await template_guard_released(m);
  co_await template_guard_assigned_a_locked_temporary(m, second_mutex);
}
