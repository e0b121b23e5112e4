// The dangling-reference check on the real runtime and the real standard library.
// RUN: not %async-lint --checks='-*,async-dangling-reference' %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

#include <asyncrt/asyncrt.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

asyncrt::task<std::size_t> count_words(std::string_view text);
asyncrt::task<int> total(std::span<const int> numbers);
asyncrt::task<> log_line(const std::string &line);
asyncrt::task<> log_owned(std::string line);

struct Session {
  std::string peer;
  asyncrt::task<> serve();
};

// ---- Positives -------------------------------------------------------------

asyncrt::task<> view_of_a_temporary_string_stored() {
  auto words = count_words(std::string("a b c"));
  // CHECK: :[[@LINE-1]]:28: warning: task returned by 'count_words' refers to this temporary, which is destroyed at the end of the full expression; make 'text' an owning type taken by value, or co_await the task in the same expression [async-dangling-reference]
  // CHECK: :[[@LINE-2]]:48: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'words' here, still alive
  co_await std::move(words);
}

asyncrt::task<> view_of_a_local_string_spawned() {
  std::string text = "a b c";
  asyncrt::spawn(count_words(text));
  // CHECK: :[[@LINE-1]]:30: warning: task returned by 'count_words' refers to 'text', which may be destroyed while the task is still alive; make 'text' an owning type taken by value, or await the task before 'text' goes out of scope
  // CHECK: :[[@LINE+3]]:1: note: 'text' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

asyncrt::task<> span_of_a_local_vector_spawned() {
  std::vector<int> numbers{1, 2, 3};
  auto handle = asyncrt::spawn(total(numbers));
  // CHECK: :[[@LINE-1]]:38: warning: task returned by 'total' refers to 'numbers'
  // CHECK: :[[@LINE+3]]:1: note: 'numbers' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:17: note: the task is spawned here; 'handle' is not awaited on every path before 'numbers' is destroyed
  co_await asyncrt::yield_now();
}

asyncrt::task<> session_of_a_temporary_spawned() {
  asyncrt::spawn(Session{"peer"}.serve());
  // CHECK: :[[@LINE-1]]:18: warning: task returned by 'serve' refers to this temporary object
  // CHECK: :[[@LINE-2]]:41: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> capturing_lambda_spawned(std::string peer) {
  asyncrt::spawn([&peer]() -> asyncrt::task<> { co_await log_line(peer); }());
  // CHECK: :[[@LINE-1]]:20: warning: task returned by this lambda refers to its captures
  // CHECK: :[[@LINE-2]]:77: note: the lambda is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> literal_converted_to_a_temporary_string_stored() {
  auto task = log_line("hello");
  // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:31: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> views_awaited_at_once() {
  co_await count_words(std::string("a b c"));
  std::vector<int> numbers{1, 2, 3};
  co_await total(numbers);
  co_await asyncrt::join(count_words("literal"), log_line(std::string("x")));
}

asyncrt::task<> string_literal_viewed_and_spawned() {
  asyncrt::spawn(count_words("a b c"));
  co_return;
}

asyncrt::task<> owned_copies_spawned() {
  std::string line = "x";
  asyncrt::spawn(log_owned(line));
  asyncrt::spawn([](std::string copy) -> asyncrt::task<> { co_await log_line(copy); }(line));
  co_return;
}

asyncrt::task<> handle_joined_before_the_local_dies() {
  std::string text = "a b c";
  auto handle = asyncrt::spawn(count_words(text));
  co_await asyncrt::yield_now();
  co_await std::move(handle);
}

asyncrt::task<> shared_session_spawned(std::shared_ptr<Session> session) {
  asyncrt::spawn(session->serve());
  co_return;
}

int main() {
  std::string text = "a b c";
  return static_cast<int>(asyncrt::block_on(count_words(text)));
}
