// The lock check on the real runtime and the real standard library.
// RUN: not %async-lint %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <string>

using namespace std::chrono_literals;

std::mutex m;
std::shared_mutex sm;
asyncrt::mutex amu;
int counter = 0;

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(100ms);
  co_return "data from " + url;
}

// The lesson's mistake: std::sync::Mutex held across .await.
asyncrt::task<> lesson_std_mutex_across_await() {
  std::lock_guard<std::mutex> guard(m);
  auto a = co_await fetch("api/a");
  // CHECK: :[[@LINE-1]]:12: warning: lock 'guard' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:31: note: lock 'guard' taken here
  ++counter;
}

// The lesson's fix: tokio::sync::Mutex, here asyncrt::mutex.
asyncrt::task<> lesson_async_mutex_across_await() {
  auto guard = co_await amu.lock();
  auto a = co_await fetch("api/a");
  ++counter;
}

asyncrt::task<> unique_lock_held_across_sleep() {
  std::unique_lock lock(m);
  co_await asyncrt::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: lock 'lock' is held across this co_await
  // CHECK: :[[@LINE-3]]:20: note: lock 'lock' taken here
}

asyncrt::task<> shared_lock_held_across_yield() {
  std::shared_lock reader(sm);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'reader' is held across this co_await
  // CHECK: :[[@LINE-3]]:20: note: lock 'reader' taken here
}

asyncrt::task<> manual_lock_held_across_spawned_join() {
  m.lock();
  co_await asyncrt::spawn(fetch("api/b"));
  // CHECK: :[[@LINE-1]]:3: warning: lock 'm' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'm' taken here
  m.unlock();
}

asyncrt::task<> copy_under_lock_then_await() {
  int snapshot;
  {
    std::lock_guard guard(m);
    snapshot = counter;
  }
  co_await asyncrt::sleep_for(std::chrono::milliseconds(snapshot));
}

asyncrt::task<> unlocked_before_await() {
  std::unique_lock lock(m);
  ++counter;
  lock.unlock();
  co_await asyncrt::yield_now();
}

asyncrt::task<> lock_inside_spawn_blocking() {
  co_await asyncrt::spawn_blocking([] {
    std::lock_guard guard(m);
    ++counter;
  });
}

asyncrt::task<> deferred_and_never_locked() {
  std::unique_lock lock(m, std::defer_lock);
  co_await asyncrt::yield_now();
}

int main() {
  asyncrt::block_on(lesson_async_mutex_across_await());
  std::lock_guard guard(m);
  return counter;
}
