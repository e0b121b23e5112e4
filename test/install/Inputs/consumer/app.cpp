#include <asyncrt/asyncrt.hpp>
#include <iostream>

asyncrt::task<int> fetch(int value) {
  co_await asyncrt::sleep_for(std::chrono::milliseconds(1));
  co_return value;
}

asyncrt::task<int> app() {
  auto [a, b] = co_await asyncrt::join(fetch(20), fetch(22));
  co_return a + b;
}

int main() { std::cout << "asyncrt says " << asyncrt::block_on(app()) << '\n'; }
