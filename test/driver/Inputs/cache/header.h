#include <asyncrt/asyncrt.hpp>
#include <mutex>

namespace db {
void query();
}

inline std::mutex m;

inline asyncrt::task<> holds_a_lock_across_await() {
  std::lock_guard<std::mutex> g(m);
  co_await asyncrt::yield_now();
}
