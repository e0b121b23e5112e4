#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex cache_mutex;

asyncrt::task<> refresh_cache() {
  std::lock_guard guard(cache_mutex);
  co_await asyncrt::yield_now();
}
