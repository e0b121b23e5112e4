#include <asyncrt/asyncrt.hpp>

asyncrt::task<int> receive() {
  co_await asyncrt::yield_now();
  co_return 0;
}
