// The check on the real runtime and the host's libstdc++.
// RUN: not %async-lint %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --load=%plugin --checks='-*,async-unawaited-task' --fix %t.cpp -- %real-flags > /dev/null 2>&1
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s
// RUN: %clangxx -fsyntax-only -Wno-unused-value %real-flags %t.cpp

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <future>
#include <string>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

asyncrt::task<std::string> fetch(std::string url) {
  co_await asyncrt::sleep_for(100ms);
  co_return "data from " + url;
}

asyncrt::mutex shared_state;

// ---- Positives -------------------------------------------------------------

// The lesson's mistake: `fetch("api/a")` without `.await`.
asyncrt::task<> lesson_fetch_without_await() {
  fetch("api/a");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn to run it concurrently
  // FIXED: {{^}}  co_await fetch("api/a");{{$}}
  auto b = co_await fetch("api/b");
}

asyncrt::task<> discarded_sleep_and_yield() {
  asyncrt::sleep_for(100ms);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'sleep_for' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::sleep_for(100ms);{{$}}
  asyncrt::yield_now();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'yield_now' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::yield_now();{{$}}
  co_return;
}

asyncrt::task<> discarded_join_of_two_fetches() {
  asyncrt::join(fetch("a"), fetch("b"));
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'join' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::join(fetch("a"), fetch("b"));{{$}}
  co_return;
}

asyncrt::task<> discarded_file_write() {
  asyncrt::fs::write("out.txt", "data");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'write' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::fs::write("out.txt", "data");{{$}}
  co_return;
}

asyncrt::task<> discarded_mutex_lock() {
  shared_state.lock();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'lock' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await shared_state.lock();{{$}}
  co_return;
}

asyncrt::task<> discarded_lambda_coroutine_call() {
  auto worker = [](int id) -> asyncrt::task<int> { co_return id; };
  worker(1);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'worker' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await worker(1);{{$}}
  co_return;
}

asyncrt::task<> discarded_in_range_for_body(std::vector<std::string> urls) {
  for (const std::string &url : urls)
    fetch(url);
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await fetch(url);{{$}}
  co_return;
}

asyncrt::task<> task_variable_never_used() {
  auto pending = fetch("api/a");
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to asyncrt::spawn to run it concurrently
  co_return;
}

template <class T> asyncrt::task<T> value_later(T value) { co_return value; }

template <class T> asyncrt::task<> discarded_dependent_call_in_template(T value) {
  value_later(value);
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'value_later' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await value_later(value);{{$}}
  co_return;
}
template asyncrt::task<> discarded_dependent_call_in_template(std::string);

asyncrt::task<> app() {
  co_await lesson_fetch_without_await();
  co_return;
}

void plain_function_drops_app() {
  app();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'app' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with asyncrt::block_on, or pass it to asyncrt::spawn to run it concurrently
  // FIXED: {{^}}  app();{{$}}
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<std::string> lesson_fetch_awaited() {
  auto a = co_await fetch("api/a");
  auto b = co_await fetch("api/b");
  co_return a + " " + b;
}

asyncrt::task<> joined_and_selected() {
  auto [a, b] = co_await asyncrt::join(fetch("a"), fetch("b"));
  auto winner = co_await asyncrt::select(fetch("c"), asyncrt::sleep_for(1s));
  co_return;
}

asyncrt::task<> spawned_and_handles_dropped() {
  asyncrt::spawn(fetch("api/a"));
  auto detached = asyncrt::spawn(fetch("api/b"));
  auto handle = asyncrt::spawn(fetch("api/c"));
  std::string c = co_await std::move(handle);
  auto blocking = asyncrt::spawn_blocking([] { return 42; });
}

asyncrt::task<> variable_awaited_later_in_branch(bool wanted) {
  auto pending = fetch("api/a");
  if (wanted)
    co_await std::move(pending);
}

asyncrt::task<> moved_into_container() {
  std::vector<asyncrt::task<std::string>> tasks;
  tasks.push_back(fetch("api/a"));
  auto pending = fetch("api/b");
  tasks.emplace_back(std::move(pending));
  for (auto &t : tasks)
    co_await std::move(t);
}

asyncrt::task<std::string> returned_without_await() { return fetch("api/a"); }

struct poller {
  asyncrt::task<std::string> next;
  void rearm() { next = fetch("api/poll"); }
};

void deliberately_discarded() { (void)fetch("api/a"); }

void standard_future_dropped() {
  std::async(std::launch::deferred, [] { return 1; });
}

auto task_created_in_returned_lambda() {
  return [] { return fetch("api/a"); };
}

asyncrt::task<> guard_taken_with_await() {
  auto guard = co_await shared_state.lock();
  co_return;
}

int main() {
  asyncrt::block_on(app());
  return 0;
}
