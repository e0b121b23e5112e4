#include <asyncrt/asyncrt.hpp>
#include <mutex>
#include <string>

// The example of docs/usage.md: a std::mutex held across co_await, reported
// at line 14 (the co_await) with a note at line 13 (where the lock is taken).

std::mutex cache_mutex;
std::string cache;
asyncrt::task<> refresh();

asyncrt::task<> update_cache() {
  std::lock_guard<std::mutex> g(cache_mutex);
  co_await refresh();
}
