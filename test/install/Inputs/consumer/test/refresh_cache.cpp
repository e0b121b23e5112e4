// RUN: not async-lint %s | FileCheck %s --implicit-check-not='{{warning|error}}:'
#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex cache_mutex;
asyncrt::task<> reload();

asyncrt::task<> refresh_cache() {
  std::lock_guard guard(cache_mutex);
  co_await reload();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'guard' is held across this co_await
  // CHECK: :[[@LINE-3]]:19: note: lock 'guard' taken here
}

asyncrt::task<> refresh_cache_released() {
  {
    std::lock_guard guard(cache_mutex);
  }
  co_await reload();
}
