#include <asyncrt/asyncrt.hpp>
#include <mutex>

std::mutex m;

asyncrt::task<> lock_guard_released_before_await() {
  {
    std::lock_guard g(m);
  }
  co_await asyncrt::yield_now();
}
