// The same program with the lesson's four fixes: async-lint reports nothing.
#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>

using namespace std::chrono_literals;

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(100ms); // pretend network call
  co_return "data from " + url;
}

asyncrt::mutex cache_mutex;
std::string cache;

asyncrt::task<std::uint64_t> app() {
  // 1. co_await the task (or hand it to asyncrt::spawn).
  std::string a = co_await fetch("api/a");

  // 2. Asynchronous file I/O on the runtime's blocking pool.
  std::string config = co_await asyncrt::fs::read_to_string("app.conf");

  // 3. asyncrt::mutex may be held across a suspension point.
  {
    auto guard = co_await cache_mutex.lock();
    cache = co_await fetch("api/b");
  }

  // 4. Heavy CPU work on the blocking pool.
  std::uint64_t sum = co_await asyncrt::spawn_blocking([] {
    std::uint64_t total = 0;
    for (std::uint64_t i = 0; i < 100'000'000; ++i)
      total += i * i;
    return total;
  });
  co_return sum + a.size() + config.size();
}

int main() {
  std::cout << asyncrt::block_on(app()) << '\n';
}
