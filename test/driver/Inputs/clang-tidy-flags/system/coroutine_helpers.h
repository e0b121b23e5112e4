#pragma once
#include <asyncrt/asyncrt.hpp>

inline asyncrt::task<int> system_helper_drops_a_task() {
  asyncrt::yield_now();
  co_return 0;
}
