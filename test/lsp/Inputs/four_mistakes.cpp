#include <asyncrt/asyncrt.hpp>
#include <fstream>
#include <mutex>

asyncrt::task<int> fetch(int id);

std::mutex cache_mutex;
int cache;

asyncrt::task<long> app() {
  fetch(1);
  std::ifstream config("app.conf");
  std::lock_guard<std::mutex> guard(cache_mutex);
  cache = co_await fetch(2);
  long sum = 0;
  for (long i = 0; i < 100000000; ++i)
    sum += i * i;
  co_return sum;
}
