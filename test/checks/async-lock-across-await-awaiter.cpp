// RUN: not %async-lint --checks='-*,async-lock-across-await' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-lock-across-await' %s -- %mock-flags 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// A guard handed to the awaiter of a co_await goes with the awaiter: the
// lock is held while the coroutine is suspended only if the awaiter keeps it
// past await_suspend. concurrencpp's async_lock takes its internal lock in
// the coroutine, hands it to async_lock_awaiter, whose await_suspend
// releases it once the coroutine is queued.

#include <asyncrt/asyncrt.hpp>
#include <mutex>

// Releases the guard in await_suspend, with the coroutine suspended.
struct releasing_awaiter {
  releasing_awaiter(std::unique_lock<std::mutex> &lock) : held(std::move(lock)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {
    auto released = std::move(held); // unlocks on return
  }
  void await_resume() const noexcept {}
  std::unique_lock<std::mutex> held;
};

// Unlocks its guard by hand in await_suspend, taking it by move; defined
// out of line, as concurrencpp's is.
struct unlocking_awaiter {
  explicit unlocking_awaiter(std::unique_lock<std::mutex> &&lock);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>);
  void await_resume() const noexcept {}
  std::unique_lock<std::mutex> held;
};
unlocking_awaiter::unlocking_awaiter(std::unique_lock<std::mutex> &&lock)
    : held(std::move(lock)) {}
void unlocking_awaiter::await_suspend(std::coroutine_handle<>) { held.unlock(); }

// Keeps the guard until it is resumed: the lock is held while suspended.
struct keeping_awaiter {
  keeping_awaiter(std::unique_lock<std::mutex> &lock) : held(std::move(lock)) {}
  keeping_awaiter(std::unique_lock<std::mutex> &&lock) : held(std::move(lock)) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() { held.unlock(); }
  std::unique_lock<std::mutex> held;
};

// Looks at the guard but does not take it.
struct peeking_awaiter {
  peeking_awaiter(std::unique_lock<std::mutex> &lock) : owns(lock.owns_lock()) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() const noexcept {}
  bool owns;
};

std::mutex m;
bool locked = false;

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> awaiter_releases_guard_on_suspend() {
  while (true) {
    std::unique_lock<std::mutex> lock(m);
    if (!locked) {
      locked = true;
      lock.unlock();
      break;
    }
    co_await releasing_awaiter(lock);
  }
}

asyncrt::task<> awaiter_unlocks_moved_guard_on_suspend() {
  std::unique_lock<std::mutex> lock(m);
  co_await unlocking_awaiter(std::move(lock));
  co_await asyncrt::yield_now();
}

// ---- Near-misses, still reported -------------------------------------------

asyncrt::task<> awaiter_only_looks_at_guard() {
  std::unique_lock<std::mutex> lock(m);
  co_await peeking_awaiter(lock);
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

asyncrt::task<> guard_moved_into_keeping_awaiter() {
  std::unique_lock<std::mutex> lock(m);
  co_await keeping_awaiter(std::move(lock));
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
}

asyncrt::task<> guard_gone_with_the_keeping_awaiter() {
  std::unique_lock<std::mutex> lock(m);
  co_await keeping_awaiter(lock);
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:32: note: lock 'lock' taken here
  co_await asyncrt::yield_now();
}

asyncrt::task<> another_guard_still_held(std::mutex &other) {
  std::lock_guard<std::mutex> outer(other);
  std::unique_lock<std::mutex> lock(m);
  co_await releasing_awaiter(lock);
  // CHECK: :[[@LINE-1]]:3: warning: lock 'outer' is held across this co_await
  // CHECK: :[[@LINE-4]]:31: note: lock 'outer' taken here
}
