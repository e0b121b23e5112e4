#include <asyncrt/asyncrt.hpp>
#include <string>

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(std::chrono::milliseconds(1));
  co_return "data from " + url;
}
