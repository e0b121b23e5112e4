// The plugin reads the async-* checks' options from a project's .clang-tidy,
// next to its upstream checks; async-lint reads the same file the same way
// (and runs only the async-* checks).
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %S/Inputs/custom-locks.clang-tidy %t/.clang-tidy
// RUN: cp %s %t/check-options.cpp
// RUN: %clang-tidy --load=%plugin %t/check-options.cpp -- %mock-flags | FileCheck %s --check-prefixes=CHECK,UPSTREAM --implicit-check-not='{{warning|error|note}}:'
// RUN: not %async-lint %t/check-options.cpp -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --dump-config %t/check-options.cpp -- %mock-flags | FileCheck --check-prefix=CONFIG %s
// CONFIG-DAG: async-lock-across-await.AsyncMutexTypes: 'asyncrt::mutex;asyncrt::mutex_guard;app::fiber_mutex'
// CONFIG-DAG: async-lock-across-await.LockTypes: 'app::spin_guard'

#include <asyncrt/asyncrt.hpp>
#include <mutex>

namespace app {
template <class Mutex> class spin_guard {
public:
  explicit spin_guard(Mutex &m);
  ~spin_guard();
};

// Parks the fiber, not the thread: safe to hold across a suspension.
class fiber_mutex {
public:
  void lock();
  void unlock();
};
} // namespace app

std::mutex m;
app::fiber_mutex fm;
int next_value();

asyncrt::task<> configured_guard_held_across_await() {
  app::spin_guard g(m);
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-3]]:19: note: lock 'g' taken here
}

asyncrt::task<> configured_guard_released_before_await() {
  {
    app::spin_guard g(m);
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> guard_left_out_of_the_configured_list() {
  std::lock_guard g(m);
  co_await asyncrt::yield_now();
}

asyncrt::task<> configured_async_mutex_locked_across_await() {
  fm.lock();
  co_await asyncrt::yield_now();
  fm.unlock();
}

asyncrt::task<> blocking_mutex_locked_by_hand_across_await() {
  m.lock();
  co_await asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'm' is held across this co_await
  // CHECK: :[[@LINE-3]]:3: note: lock 'm' taken here
  m.unlock();
}

void upstream_check_of_the_same_configuration() {
  int n;
  if (n = next_value()) {
    // UPSTREAM: :[[@LINE-1]]:9: warning: an assignment within an 'if' condition is bug-prone [bugprone-assignment-in-if-condition]
    // UPSTREAM: :[[@LINE-2]]:9: note: if it should be an assignment
    // UPSTREAM: :[[@LINE-3]]:9: note: if it is meant to be an equality check
  }
}
