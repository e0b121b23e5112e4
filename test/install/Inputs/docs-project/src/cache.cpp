#include <asyncrt/asyncrt.hpp>
#include <mutex>
#include <string>

asyncrt::task<std::string> fetch(std::string url);

std::mutex cache_mutex;
std::string cache;

asyncrt::task<> refresh_cache() {
  std::lock_guard g(cache_mutex);
  cache = co_await fetch("cache");
}
