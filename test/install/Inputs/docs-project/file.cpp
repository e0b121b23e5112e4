#include <asyncrt/asyncrt.hpp>

asyncrt::task<int> fetch();

asyncrt::task<int> app() {
  fetch();
  co_return 0;
}
