#include <asyncrt/asyncrt.hpp>

asyncrt::task<int> sum_small_range() {
  int sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += i;
  co_return sum;
}

asyncrt::task<int> sum_another_small_range() {
  int sum = 0;
  for (int i = 0; i < 2000; ++i)
    sum += i;
  co_return sum;
}
