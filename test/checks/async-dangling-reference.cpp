// RUN: not %async-lint --checks='-*,async-dangling-reference' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: echo "{CheckOptions: {async-dangling-reference.SpawnFunctions: 'asyncrt::spawn;app::spawn_detached'}}" > %t.clang-tidy
// RUN: not %async-lint --checks='-*,async-dangling-reference' --config-file=%t.clang-tidy %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,OPTION --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-dangling-reference' --config-file=%t.clang-tidy --dump-config %s -- %mock-flags | FileCheck --check-prefix=CONFIG %s
// CONFIG: async-dangling-reference.SpawnFunctions: 'asyncrt::spawn;app::spawn_detached'

#include <asyncrt/asyncrt.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

asyncrt::task<> log_line(const std::string &line);
asyncrt::task<> log_view(std::string_view line);
asyncrt::task<> log_owned(std::string line);
asyncrt::task<int> scale(const int &factor);
asyncrt::task<int> sum(std::span<const int> numbers);
asyncrt::task<> count_into(int *counter);
asyncrt::task<> fill(char *buffer);
std::string make_name();
std::vector<int> make_numbers();
bool ready();

struct Worker {
  int id = 0;
  asyncrt::task<> run();
};

struct Stateless {
  asyncrt::task<> run();
};

struct Config {
  std::string name;
};

std::string global_name = "global";

// ---- Case 1: a coroutine called with a temporary ---------------------------

asyncrt::task<> temporary_string_stored_then_awaited() {
  auto task = log_line(std::string("x"));
  // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_line' refers to this temporary, which is destroyed at the end of the full expression; take 'line' by value, or co_await the task in the same expression [async-dangling-reference]
  // CHECK: :[[@LINE-2]]:40: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> string_literal_converted_to_a_temporary_string() {
  auto task = log_line("x");
  // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:27: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> arithmetic_result_bound_to_a_const_reference(int n) {
  auto task = scale(2 * n);
  // CHECK: :[[@LINE-1]]:21: warning: task returned by 'scale' refers to this temporary, which is destroyed at the end of the full expression; take 'factor' by value
  // CHECK: :[[@LINE-2]]:26: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> string_view_of_a_temporary_string() {
  auto task = log_view(make_name());
  // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_view' refers to this temporary
  // CHECK: :[[@LINE-2]]:35: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> span_of_a_temporary_vector() {
  auto task = sum(make_numbers());
  // CHECK: :[[@LINE-1]]:19: warning: task returned by 'sum' refers to this temporary
  // CHECK: :[[@LINE-2]]:33: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> plain_function_returns_a_task_of_a_temporary() {
  return log_line(std::string("x"));
  // CHECK: :[[@LINE-1]]:19: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:35: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is returned here, still alive
}

asyncrt::task<> temporary_spawned_and_detached() {
  asyncrt::spawn(log_line(std::string("x")));
  // CHECK: :[[@LINE-1]]:27: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:44: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

asyncrt::task<> temporary_spawned_handle_awaited_too_late() {
  auto handle = asyncrt::spawn(log_line(std::string("x")));
  // CHECK: :[[@LINE-1]]:41: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:58: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:17: note: the task is spawned here and its handle stored in 'handle'
  co_await handle;
}

struct Holder {
  asyncrt::task<> pending;
  void start() {
    pending = log_line(std::string("x"));
    // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_line' refers to this temporary
    // CHECK: :[[@LINE-2]]:40: note: the temporary is destroyed here
    // CHECK: :[[@LINE-3]]:5: note: the task is stored in 'pending' here, still alive
  }
  void start_with_a_local() {
    std::string line = make_name();
    pending = log_line(line);
    // CHECK: :[[@LINE-1]]:24: warning: task returned by 'log_line' refers to 'line', which may be destroyed while the task is still alive; take 'line' by value [async-dangling-reference]
    // CHECK: :[[@LINE+2]]:3: note: 'line' is destroyed here, at the end of its scope
    // CHECK: :[[@LINE-3]]:5: note: the task is stored in 'pending' here, still alive
  }
  void local_task_in_the_locals_scope() {
    std::string line = make_name();
    asyncrt::task<> task = log_line(line);
    task = log_line(line);
    asyncrt::block_on(std::move(task));
  }
};

void temporary_task_pushed_into_a_container(std::vector<asyncrt::task<>> &tasks) {
  tasks.push_back(log_line(std::string("x")));
  // CHECK: :[[@LINE-1]]:28: warning: task returned by 'log_line' refers to this temporary
  // CHECK: :[[@LINE-2]]:45: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is stored in 'tasks' here, still alive
}

// ---- Case 3: a coroutine lambda with captures, called as a temporary -------

asyncrt::task<> capturing_lambda_spawned(int n) {
  asyncrt::spawn([n]() -> asyncrt::task<> { co_await scale(n); }());
  // CHECK: :[[@LINE-1]]:19: warning: task returned by this lambda refers to its captures, which are destroyed with the lambda at the end of the full expression; pass the captures as parameters ([](auto x) -> task<> {...}(x)), or co_await the task in the same expression
  // CHECK: :[[@LINE-2]]:67: note: the lambda is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

asyncrt::task<> lambda_capturing_by_reference_stored(std::string text) {
  auto task = [&text]() -> asyncrt::task<> { co_await log_line(text); }();
  // CHECK: :[[@LINE-1]]:17: warning: task returned by this lambda refers to its captures
  // CHECK: :[[@LINE-2]]:73: note: the lambda is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> lambda_capturing_everything_by_copy_returned(int n) {
  return [=]() -> asyncrt::task<> { co_await scale(n); }();
  // CHECK: :[[@LINE-1]]:11: warning: task returned by this lambda refers to its captures
  // CHECK: :[[@LINE-2]]:58: note: the lambda is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is returned here, still alive
}

// ---- Case 4: a member coroutine called on a temporary or a dying local -----

asyncrt::task<> member_coroutine_of_a_temporary_spawned() {
  asyncrt::spawn(Worker{}.run());
  // CHECK: :[[@LINE-1]]:18: warning: task returned by 'run' refers to this temporary object, which is destroyed at the end of the full expression; move the object into the task, or co_await the task in the same expression
  // CHECK: :[[@LINE-2]]:32: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

asyncrt::task<> member_coroutine_of_a_temporary_stored() {
  auto task = Worker{}.run();
  // CHECK: :[[@LINE-1]]:15: warning: task returned by 'run' refers to this temporary object
  // CHECK: :[[@LINE-2]]:28: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await std::move(task);
}

asyncrt::task<> member_coroutine_of_a_local_spawned() {
  Worker worker;
  asyncrt::spawn(worker.run());
  // CHECK: :[[@LINE-1]]:18: warning: task returned by 'run' refers to 'worker', which may be destroyed while the task is still alive; move 'worker' into the task, or await the task before 'worker' goes out of scope
  // CHECK: :[[@LINE+3]]:1: note: 'worker' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

// ---- Cases 2 and 5: a task borrowing a local escapes the local's scope -----

asyncrt::task<> local_string_spawned_and_detached() {
  std::string buffer = "x";
  asyncrt::spawn(log_line(buffer));
  // CHECK: :[[@LINE-1]]:27: warning: task returned by 'log_line' refers to 'buffer', which may be destroyed while the task is still alive; take 'line' by value, or await the task before 'buffer' goes out of scope
  // CHECK: :[[@LINE+3]]:1: note: 'buffer' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

asyncrt::task<> handle_awaited_on_one_branch_only() {
  std::string buffer = "x";
  auto handle = asyncrt::spawn(log_view(buffer));
  // CHECK: :[[@LINE-1]]:41: warning: task returned by 'log_view' refers to 'buffer'
  // CHECK: :[[@LINE+4]]:1: note: 'buffer' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:17: note: the task is spawned here; 'handle' is not awaited on every path before 'buffer' is destroyed
  if (ready())
    co_await handle;
}

asyncrt::task<> handle_dropped_at_the_end_of_each_iteration(int n) {
  std::string line = "x";
  for (int i = 0; i < n; ++i) {
    auto handle = asyncrt::spawn(log_line(line));
    // CHECK: :[[@LINE-1]]:43: warning: task returned by 'log_line' refers to 'line'
    // CHECK: :[[@LINE+4]]:1: note: 'line' is destroyed here, at the end of its scope
    // CHECK: :[[@LINE-3]]:19: note: the task is spawned here; 'handle' is not awaited on every path before 'line' is destroyed
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> plain_function_returns_a_task_of_its_local() {
  std::string name = "x";
  return log_line(name);
  // CHECK: :[[@LINE-1]]:19: warning: task returned by 'log_line' refers to 'name', which may be destroyed while the task is still alive; take 'line' by value
  // CHECK: :[[@LINE+2]]:1: note: 'name' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is returned here, still alive
}

asyncrt::task<> loop_local_pushed_into_an_outer_container(int n) {
  std::vector<asyncrt::task<>> tasks;
  for (int i = 0; i < n; ++i) {
    std::string line = make_name();
    tasks.push_back(log_line(line));
    // CHECK: :[[@LINE-1]]:30: warning: task returned by 'log_line' refers to 'line'
    // CHECK: :[[@LINE+2]]:3: note: 'line' is destroyed here, at the end of its scope
    // CHECK: :[[@LINE-3]]:5: note: the task is stored in 'tasks' here, still alive
  }
  co_await asyncrt::yield_now();
}

asyncrt::task<> pointer_to_a_local_counter_spawned() {
  int counter = 0;
  asyncrt::spawn(count_into(&counter));
  // CHECK: :[[@LINE-1]]:29: warning: task returned by 'count_into' refers to 'counter'
  // CHECK: :[[@LINE+3]]:1: note: 'counter' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> local_array_decays_into_a_spawned_task() {
  char buffer[64];
  asyncrt::spawn(fill(buffer));
  // CHECK: :[[@LINE-1]]:23: warning: task returned by 'fill' refers to 'buffer'
  // CHECK: :[[@LINE+3]]:1: note: 'buffer' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> span_of_a_local_vector_spawned() {
  std::vector<int> numbers = make_numbers();
  asyncrt::spawn(sum(numbers));
  // CHECK: :[[@LINE-1]]:22: warning: task returned by 'sum' refers to 'numbers'
  // CHECK: :[[@LINE+3]]:1: note: 'numbers' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> field_of_a_local_spawned() {
  Config config;
  asyncrt::spawn(log_line(config.name));
  // CHECK: :[[@LINE-1]]:27: warning: task returned by 'log_line' refers to 'config'
  // CHECK: :[[@LINE+3]]:1: note: 'config' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

asyncrt::task<> named_closure_with_captures_spawned(int n) {
  auto body = [n]() -> asyncrt::task<> { co_await scale(n); };
  asyncrt::spawn(body());
  // CHECK: :[[@LINE-1]]:18: warning: task returned by 'body' refers to the captures of 'body', which may be destroyed while the task is still alive; pass the captures as parameters ([](auto x) -> task<> {...}(x)), or await the task before 'body' goes out of scope
  // CHECK: :[[@LINE+3]]:1: note: 'body' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

// A lambda that returns the task of a closure it captured (by reference or
// by copy): the closure is the enclosing coroutine's variable, or the
// lambda's own copy, and neither dies when the lambda returns its task.
asyncrt::task<> closure_captured_by_a_lambda_that_returns_its_task(int n) {
  auto body = [n](int x) -> asyncrt::task<int> { co_return co_await scale(n) + x; };
  auto by_reference = [&](int x) { return body(x); };
  auto by_copy = [body](int x) { return body(x); };
  co_await by_reference(1);
  co_await by_copy(2);
}

// But a closure the returning lambda makes itself dies when it returns.
auto closure_local_to_the_lambda_that_returns_its_task = [](int n) {
  auto body = [n]() -> asyncrt::task<int> { co_return co_await scale(n); };
  return body();
  // CHECK: :[[@LINE-1]]:10: warning: task returned by 'body' refers to the captures of 'body'
  // CHECK: :[[@LINE+2]]:1: note: 'body' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is returned here, still alive
};

asyncrt::task<> local_borrowed_through_join_then_spawned() {
  std::string first = "a";
  asyncrt::spawn(asyncrt::join(log_line(first), log_owned("b")));
  // CHECK: :[[@LINE-1]]:41: warning: task returned by 'log_line' refers to 'first'
  // CHECK: :[[@LINE+3]]:1: note: 'first' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is spawned here and detached
  co_return;
}

std::vector<asyncrt::task<>> global_tasks;

asyncrt::task<> task_of_a_local_stored_in_a_global() {
  std::string name = "x";
  global_tasks.push_back(log_line(name));
  // CHECK: :[[@LINE-1]]:35: warning: task returned by 'log_line' refers to 'name'
  // CHECK: :[[@LINE+3]]:1: note: 'name' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is stored in 'global_tasks' here, still alive
  co_return;
}

asyncrt::task<asyncrt::task<>> coroutine_returns_a_task_of_its_local() {
  std::string name = "x";
  co_return log_line(name);
  // CHECK: :[[@LINE-1]]:22: warning: task returned by 'log_line' refers to 'name'
  // CHECK: :[[@LINE+2]]:1: note: 'name' is destroyed here, at the end of its scope
  // CHECK: :[[@LINE-3]]:3: note: the task is returned here, still alive
}

namespace app {
template <class T> asyncrt::join_handle<T> spawn_detached(asyncrt::task<T> task);
} // namespace app

asyncrt::task<> spawn_of_the_configured_runtime() {
  std::string name = "x";
  app::spawn_detached(log_line(name));
  // OPTION: :[[@LINE-1]]:32: warning: task returned by 'log_line' refers to 'name'
  // OPTION: :[[@LINE+3]]:1: note: 'name' is destroyed here, at the end of its scope
  // OPTION: :[[@LINE-3]]:3: note: the task is spawned here and detached: nothing awaits its handle
  co_return;
}

// ---- Attributes: clang's coroutine lifetime annotations --------------------

template <class T> struct [[clang::coro_return_type, clang::coro_lifetimebound]] eager {
  struct promise_type {
    eager get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) noexcept;
  void await_resume();
};

eager<void> eager_log(const std::string &line);

eager<void> coro_lifetimebound_type_even_if_eager() {
  auto task = eager_log(std::string("x"));
  // CHECK: :[[@LINE-1]]:25: warning: task returned by 'eager_log' refers to this temporary
  // CHECK: :[[@LINE-2]]:41: note: the temporary is destroyed here
  // CHECK: :[[@LINE-3]]:8: note: the task is stored in 'task' here, still alive
  co_await task;
}

[[clang::coro_wrapper]] eager<void> eager_log_wrapper(const std::string &line);
[[clang::coro_disable_lifetimebound]] eager<void> eager_log_copying(const std::string &line);

eager<void> coro_wrapper_and_disabled_lifetimebound_are_honoured() {
  auto wrapped = eager_log_wrapper(std::string("x"));
  auto copying = eager_log_copying(std::string("x"));
  co_await wrapped;
  co_await copying;
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> temporary_awaited_in_the_same_expression() {
  co_await log_line(std::string("x"));
}

asyncrt::task<> spawned_and_awaited_in_the_same_expression() {
  co_await asyncrt::spawn(log_line(std::string("x")));
}

asyncrt::task<> joined_tasks_awaited_at_once() {
  co_await asyncrt::join(log_line(std::string("a")), log_line(std::string("b")));
}

asyncrt::task<> string_literal_viewed_by_a_string_view() {
  auto task = log_view("x");
  co_await std::move(task);
}

asyncrt::task<> global_borrowed_by_a_spawned_task() {
  asyncrt::spawn(log_line(global_name));
  co_return;
}

asyncrt::task<> static_local_borrowed_by_a_spawned_task() {
  static std::string name = "x";
  asyncrt::spawn(log_line(name));
  co_return;
}

asyncrt::task<> parameter_borrowed_by_a_spawned_task(const std::string &line) {
  asyncrt::spawn(log_line(line));
  co_return;
}

asyncrt::task<> temporary_passed_by_value() {
  auto task = log_owned(std::string("x"));
  co_await std::move(task);
}

asyncrt::task<> handle_awaited_before_the_local_dies() {
  std::string buffer = "x";
  auto handle = asyncrt::spawn(log_line(buffer));
  co_await asyncrt::yield_now();
  co_await handle;
}

asyncrt::task<> handle_moved_and_awaited_on_every_branch() {
  std::string buffer = "x";
  auto handle = asyncrt::spawn(log_view(buffer));
  if (ready())
    co_await std::move(handle);
  else
    co_await handle;
}

asyncrt::task<> task_of_a_local_stored_and_awaited() {
  std::string buffer = "x";
  auto task = log_line(buffer);
  co_await std::move(task);
}

asyncrt::task<> capture_less_lambda_spawned() {
  asyncrt::spawn([]() -> asyncrt::task<> { co_await asyncrt::yield_now(); }());
  co_return;
}

asyncrt::task<> captures_passed_as_parameters_instead(int n) {
  asyncrt::spawn([](int m) -> asyncrt::task<> { co_await scale(m); }(n));
  co_return;
}

asyncrt::task<> named_closure_outlives_its_task(int n) {
  auto body = [n]() -> asyncrt::task<> { co_await scale(n); };
  auto task = body();
  co_await std::move(task);
  co_await body();
}

asyncrt::task<> member_coroutine_of_a_temporary_awaited() {
  co_await Worker{}.run();
}

asyncrt::task<> member_coroutine_of_an_empty_temporary_spawned() {
  asyncrt::spawn(Stateless{}.run());
  co_return;
}

asyncrt::task<> run_shared(std::shared_ptr<Worker> worker);

asyncrt::task<> shared_owner_passed_by_value(std::shared_ptr<Worker> worker) {
  asyncrt::spawn(run_shared(worker));
  asyncrt::spawn(worker->run());
  co_return;
}

asyncrt::task<> copy_then_log(const std::string &line) { return log_owned(line); }

void plain_wrapper_copies_its_argument() {
  auto task = copy_then_log(std::string("x"));
  asyncrt::block_on(std::move(task));
}

int main_like_entry_point() {
  std::string name = "x";
  asyncrt::block_on(log_line(name));
  asyncrt::block_on(log_line(std::string("x")));
  return 0;
}

asyncrt::task<> container_in_the_locals_own_scope() {
  std::string line = "x";
  std::vector<asyncrt::task<>> tasks;
  tasks.push_back(log_line(line));
  co_await asyncrt::yield_now();
}

asyncrt::task<> task_of_a_local_moved_into_an_awaited_spawn() {
  std::string buffer = "x";
  auto task = log_line(buffer);
  co_await asyncrt::spawn(std::move(task));
}

asyncrt::task<> local_borrowed_through_join_awaited() {
  std::string first = "a";
  co_await asyncrt::join(log_line(first), log_view(first));
}

struct Service {
  std::string name;
  asyncrt::task<> serve();
  asyncrt::task<> member_coroutine_on_this_spawned() {
    asyncrt::spawn(serve());
    asyncrt::spawn(log_line(name));
    co_return;
  }
};

template <class T> asyncrt::task<> echo(const T &value);

template <class T> asyncrt::task<> template_awaits_at_once(T value) {
  co_await echo(T{});
  co_await echo(value);
}

asyncrt::task<> instantiates_the_template() {
  co_await template_awaits_at_once(1);
}

#define EXPECT_AWAIT(statement)                                                \
  if (bool always_true = ready()) {                                            \
    statement;                                                                 \
  } else                                                                       \
    (void)always_true

asyncrt::task<> handle_awaited_inside_a_test_macro() {
  std::string buffer = "x";
  auto handle = asyncrt::spawn(log_line(buffer));
  EXPECT_AWAIT(co_await handle);
}

asyncrt::task<> aborted_handle_is_taken_as_finished() {
  std::string buffer = "x";
  auto handle = asyncrt::spawn(log_line(buffer));
  handle.abort();
}

asyncrt::task<> stored_task_never_used_never_runs() {
  auto task = log_line(std::string("x"));
  co_return;
}

asyncrt::task<> capturing_lambda_awaited_at_once(int n) {
  std::string text = "x";
  co_await [&text, n]() -> asyncrt::task<> { co_await scale(n); co_await log_line(text); }();
}

asyncrt::task<> nolint_suppresses_the_warning() {
  std::string buffer = "x";
  asyncrt::spawn(log_line(buffer)); // NOLINT(async-dangling-reference)
  co_return;
}
