// The lesson, section 2, "Run things concurrently": asyncrt::join drives both
// fetches at once, so they take about 100 ms, not 200.
//
// Rust (tokio):
//   #[tokio::main]
//   async fn main() {
//       let (a, b) = tokio::join!(fetch("a"), fetch("b"));
//       println!("{} {}", a, b);
//   }

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <iostream>
#include <string>

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(std::chrono::milliseconds(100));
  co_return "data from " + url;
}

asyncrt::task<void> app() {
  auto [a, b] = co_await asyncrt::join(fetch("a"), fetch("b"));
  std::cout << a << " " << b << "\n";
}

int main() { asyncrt::block_on(app()); }
