// The lesson, section 1, "The basic shape": two fetches awaited one after the
// other take about 200 ms.
//
// Rust (tokio):
//   #[tokio::main]
//   async fn main() {
//       let a = fetch("api/a").await;
//       let b = fetch("api/b").await;
//       println!("{} {}", a, b);
//   }
//   async fn fetch(url: &str) -> String {
//       tokio::time::sleep(std::time::Duration::from_millis(100)).await;
//       format!("data from {}", url)
//   }

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <iostream>
#include <string>

asyncrt::task<std::string> fetch(std::string url);

asyncrt::task<void> app() {
  auto a = co_await fetch("api/a");
  auto b = co_await fetch("api/b");
  std::cout << a << " " << b << "\n";
}

asyncrt::task<std::string> fetch(std::string url) {
  // pretend network call
  co_await asyncrt::sleep_for(std::chrono::milliseconds(100));
  co_return "data from " + url;
}

int main() { asyncrt::block_on(app()); }
