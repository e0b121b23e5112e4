#include "header.h"

asyncrt::task<int> fetch();

asyncrt::task<> forgets_to_await() {
  fetch();
  co_return;
}

asyncrt::task<> calls_a_slow_helper() {
  db::query();
  co_return;
}
