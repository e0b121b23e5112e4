// The lesson's four async mistakes, in C++20 with asyncrt.
// `async-lint docs/examples/mistakes/four_mistakes.cpp` reports each of them.
#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>

using namespace std::chrono_literals;

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(100ms); // pretend network call
  co_return "data from " + url;
}

std::mutex cache_mutex;
std::string cache;

asyncrt::task<std::uint64_t> app() {
  // 1. Forgetting .await: the task is created, dropped, and never runs.
  fetch("api/a");

  // 2. Blocking the runtime with synchronous I/O.
  std::ifstream config("app.conf");

  // 3. A std::mutex held across a suspension point.
  std::lock_guard<std::mutex> guard(cache_mutex);
  cache = co_await fetch("api/b");

  // 4. Heavy CPU work inside a coroutine.
  std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < 100'000'000; ++i)
    sum += i * i;
  co_return sum;
}

int main() {
  std::cout << asyncrt::block_on(app()) << '\n';
}
