// The lesson, section 4, "async vs threads": tasks are cheap, "100,000s
// easily". 100,000 tasks that each sleep 10 ms finish in well under a second
// (100,000 threads would not even start).
//
// Rust (tokio):
//   #[tokio::main]
//   async fn main() {
//       let handles: Vec<_> = (0..100_000)
//           .map(|_| tokio::spawn(async { tokio::time::sleep(Duration::from_millis(10)).await }))
//           .collect();
//       for h in handles { h.await.unwrap(); }
//       println!("100000 tasks done");
//   }

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <iostream>
#include <vector>

asyncrt::task<void> app() {
  std::vector<asyncrt::join_handle<void>> handles;
  handles.reserve(100'000);
  for (int i = 0; i < 100'000; ++i) {
    handles.push_back(asyncrt::spawn([]() -> asyncrt::task<void> {
      co_await asyncrt::sleep_for(std::chrono::milliseconds(10));
    }()));
  }
  for (auto& h : handles) co_await h;
  std::cout << "100000 tasks done\n";
}

int main() { asyncrt::block_on(app()); }
