// The lesson, section 3, "Spawn - a task that owns its work": the handle
// resolves to the task's output.
//
// Rust (tokio):
//   #[tokio::main]
//   async fn main() {
//       let h = task::spawn(async {
//           tokio::time::sleep(std::time::Duration::from_millis(50)).await;
//           "done"
//       });
//       let val = h.await.unwrap();
//       println!("{}", val);
//   }

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <iostream>
#include <string>

asyncrt::task<void> app() {
  auto h = asyncrt::spawn([]() -> asyncrt::task<std::string> {
    co_await asyncrt::sleep_for(std::chrono::milliseconds(50));
    co_return "done";
  }());

  auto val = co_await h;  // rethrows if the task threw, as unwrap() panics
  std::cout << val << "\n";
}

int main() { asyncrt::block_on(app()); }
