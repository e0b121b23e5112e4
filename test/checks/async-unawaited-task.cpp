// RUN: not %async-lint %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: echo "{CheckOptions: {async-unawaited-task.TaskTypes: 'lazy::job'}}" > %t.clang-tidy
// RUN: %clang-tidy --load=%plugin --checks='-*,async-unawaited-task' --config-file=%t.clang-tidy %s -- %mock-flags 2>/dev/null | FileCheck %s --check-prefixes=CHECK,OPTION --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-unawaited-task' --config-file=%t.clang-tidy --dump-config %s -- %mock-flags | FileCheck --check-prefix=CONFIG %s
// CONFIG: async-unawaited-task.TaskTypes: 'lazy::job'
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --load=%plugin --checks='-*,async-unawaited-task' --fix %t.cpp -- %mock-flags > /dev/null 2>&1
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s
// RUN: %clangxx -fsyntax-only -Wno-unused-value %mock-flags %t.cpp

#include <asyncrt/asyncrt.hpp>
#include <test_generator.h>
#include <coroutine>
#include <utility>

asyncrt::task<int> fetch(const char *url);
asyncrt::task<> tick();
int compute_sync();
bool ready();
void consume(asyncrt::task<int> t);
void inspect(const asyncrt::task<int> &t);
asyncrt::task<int> &current();

struct client {
  asyncrt::task<int> get(const char *path);
  static asyncrt::task<> shutdown();
  asyncrt::task<> pending;
  void restart() { pending = tick(); }
};

template <class T> asyncrt::task<T> fetch_as(const char *url);

// A user's lazy task type the model cannot recognise (its initial suspend is
// its own awaitable): a task only when listed in TaskTypes.
namespace lazy {
struct start_later {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
struct job {
  struct promise_type {
    job get_return_object();
    start_later initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  void await_resume() const noexcept;
};
job run_later();
} // namespace lazy

// An eager coroutine type: its body runs as soon as it is called.
struct eager {
  struct promise_type {
    eager get_return_object();
    std::suspend_never initial_suspend() noexcept;
    std::suspend_never final_suspend() noexcept;
    void return_void();
    void unhandled_exception();
  };
};
eager fire_and_forget();

// generator (test_generator.h) is a lazy task type by the contract's
// definition, but not awaitable, so no co_await is offered for it.
generator numbers();

// A minimal container, to pass tasks on into one.
template <class T> struct task_list {
  void push_back(T &&value);
};

// ---- Positives -------------------------------------------------------------

asyncrt::task<> discarded_call_in_coroutine() {
  fetch("api/a");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn to run it concurrently
  // FIXED: {{^}}  co_await fetch("api/a");{{$}}
  co_return;
}

asyncrt::task<> discarded_sleep_for() {
  asyncrt::sleep_for({100});
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'sleep_for' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::sleep_for({100});{{$}}
  co_return;
}

asyncrt::task<> discarded_join_of_two_fetches() {
  asyncrt::join(fetch("a"), fetch("b"));
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'join' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await asyncrt::join(fetch("a"), fetch("b"));{{$}}
  co_return;
}

asyncrt::task<> discarded_member_call(client &c) {
  c.get("/health");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'get' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await c.get("/health");{{$}}
  client::shutdown();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'shutdown' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await client::shutdown();{{$}}
  co_return;
}

asyncrt::task<> discarded_call_through_pointer(client *c) {
  c->get("/ready");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'get' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await c->get("/ready");{{$}}
  co_return;
}

asyncrt::task<> discarded_lambda_coroutine_call() {
  auto worker = []() -> asyncrt::task<> { co_return; };
  worker();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'worker' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await worker();{{$}}
  co_return;
}

asyncrt::task<> discarded_immediately_invoked_lambda() {
  []() -> asyncrt::task<> { co_return; }();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by this lambda is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await []() -> asyncrt::task<> { co_return; }();{{$}}
  co_return;
}

asyncrt::task<> discarded_in_both_branches_of_if(bool fast) {
  if (fast)
    fetch("fast");
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await fetch("fast");{{$}}
  else
    fetch("slow");
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await fetch("slow");{{$}}
  co_return;
}

asyncrt::task<> discarded_in_loop_bodies(int n) {
  for (int i = 0; i < n; ++i)
    tick();
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await tick();{{$}}
  while (ready())
    tick();
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await tick();{{$}}
  do
    tick();
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await tick();{{$}}
  while (ready());
  const char *urls[] = {"a", "b"};
  for (const char *url : urls)
    fetch(url);
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await fetch(url);{{$}}
  co_return;
}

asyncrt::task<> discarded_in_loop_increment(int n) {
  for (int i = 0; i < n; tick())
  // CHECK: :[[@LINE-1]]:26: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:26: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  for (int i = 0; i < n; co_await tick()){{$}}
    ++i;
  co_return;
}

asyncrt::task<> discarded_in_switch_cases_and_label(int kind) {
  switch (kind) {
  case 0:
    fetch("zero");
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
    break;
  case 1: fetch("one");
  // CHECK: :[[@LINE-1]]:11: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:11: note: co_await it, or pass it to asyncrt::spawn
    break;
  default: fetch("other");
  // CHECK: :[[@LINE-1]]:12: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:12: note: co_await it, or pass it to asyncrt::spawn
  }
retry: tick();
  // CHECK: :[[@LINE-1]]:8: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await it, or pass it to asyncrt::spawn
  if (!ready())
    goto retry;
  co_return;
}

asyncrt::task<> discarded_left_of_comma(int &count) {
  fetch("a"), ++count;
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await fetch("a"), ++count;{{$}}
  co_return;
}

asyncrt::task<> discarded_in_parentheses() {
  (fetch("a"));
  // CHECK: :[[@LINE-1]]:4: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:4: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  (co_await fetch("a"));{{$}}
  co_return;
}

asyncrt::task<> discarded_right_of_discarded_comma(int &count) {
  ++count, fetch("b");
  // CHECK: :[[@LINE-1]]:12: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:12: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  ++count, co_await fetch("b");{{$}}
  co_return;
}

asyncrt::task<> discarded_in_both_branches_of_conditional(bool fast) {
  fast ? fetch("fast") : fetch("slow");
  // CHECK: :[[@LINE-1]]:10: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:10: note: co_await it, or pass it to asyncrt::spawn
  // CHECK: :[[@LINE-3]]:26: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-4]]:26: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  fast ? co_await fetch("fast") : co_await fetch("slow");{{$}}
  co_return;
}

asyncrt::task<> discarded_in_init_statements(int n) {
  if (tick(); n > 0)
    co_return;
  // CHECK: :[[@LINE-2]]:7: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-3]]:7: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  if (co_await tick(); n > 0){{$}}
  switch (tick(); n) {
  // CHECK: :[[@LINE-1]]:11: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:11: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  switch (co_await tick(); n) {{[{]}}{{$}}
  default:
    break;
  }
  for (tick(); n > 0; --n)
  // CHECK: :[[@LINE-1]]:8: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  for (co_await tick(); n > 0; --n){{$}}
    co_await tick();
}

asyncrt::task<> discarded_after_attribute(bool fast) {
  if (fast) [[likely]]
    tick();
  // CHECK: :[[@LINE-1]]:5: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}    co_await tick();{{$}}
  co_return;
}

asyncrt::task<> task_variable_never_used() {
  auto pending = fetch("api/a");
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'pending', or pass it to asyncrt::spawn to run it concurrently
  asyncrt::task<> later = tick();
  // CHECK: :[[@LINE-1]]:19: warning: task 'later' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:19: note: co_await 'later', or pass it to asyncrt::spawn
  auto &&bound = fetch("api/b");
  // CHECK: :[[@LINE-1]]:10: warning: task 'bound' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:10: note: co_await 'bound', or pass it to asyncrt::spawn
  co_return;
}

void task_variable_never_used_in_plain_function() {
  auto pending = fetch("api/a");
  // CHECK: :[[@LINE-1]]:8: warning: task 'pending' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: run 'pending' with asyncrt::block_on, or pass it to asyncrt::spawn to run it concurrently
}

void plain_function_drops_task() {
  fetch("api/a");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with asyncrt::block_on, or pass it to asyncrt::spawn to run it concurrently
  // FIXED: {{^}}  fetch("api/a");{{$}}
}

asyncrt::task<> plain_lambda_in_coroutine_drops_task() {
  auto callback = [] { fetch("api/a"); };
  // CHECK: :[[@LINE-1]]:24: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:24: note: run it with asyncrt::block_on, or pass it to asyncrt::spawn
  // FIXED: {{^}}  auto callback = [] { fetch("api/a"); };{{$}}
  callback();
  co_return;
}

asyncrt::task<> coroutine_lambda_in_coroutine_drops_task() {
  auto step = []() -> asyncrt::task<> {
    tick();
    // CHECK: :[[@LINE-1]]:5: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
    // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
    // FIXED: {{^}}    co_await tick();{{$}}
    co_return;
  };
  co_await step();
}

asyncrt::task<> coroutine_lambda_in_catch_handler_may_await() {
  try {
    co_await tick();
  } catch (...) {
    auto retry = []() -> asyncrt::task<> {
      tick();
      // CHECK: :[[@LINE-1]]:7: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
      // CHECK: :[[@LINE-2]]:7: note: co_await it, or pass it to asyncrt::spawn to run it concurrently
      // FIXED: {{^}}      co_await tick();{{$}}
      co_return;
    };
    asyncrt::spawn(retry());
  }
}

asyncrt::task<> wrapper() { return tick(); }

asyncrt::task<> discarded_call_of_non_coroutine_returning_task() {
  wrapper();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'wrapper' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await wrapper();{{$}}
  co_return;
}

template <class T> asyncrt::task<> discarded_dependent_call_in_template() {
  fetch_as<T>("api/a");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch_as' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await fetch_as<T>("api/a");{{$}}
  auto unused = fetch_as<T>("api/b");
  // CHECK: :[[@LINE-1]]:8: warning: task 'unused' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:8: note: co_await 'unused', or pass it to asyncrt::spawn
  co_return;
}
template asyncrt::task<> discarded_dependent_call_in_template<int>();
template asyncrt::task<> discarded_dependent_call_in_template<long>();

template <class T> asyncrt::task<> discarded_in_template_never_instantiated(T value) {
  fetch_as<T>("api/a");
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch_as' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await fetch_as<T>("api/a");{{$}}
  co_return;
}

template <class T> struct service {
  template <class U> asyncrt::task<U> load(U value);
  asyncrt::task<> discarded_member_template_call(T value) {
    this->load(value);
    // CHECK: :[[@LINE-1]]:5: warning: task returned by 'load' is never awaited; it will not run [async-unawaited-task]
    // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
    // FIXED: {{^}}    co_await this->load(value);{{$}}
    co_return;
  }
  asyncrt::task<> discarded_call_on_dependent_object(T backend) {
    backend.get("/status");
    // CHECK: :[[@LINE-1]]:5: warning: task returned by 'get' is never awaited; it will not run [async-unawaited-task]
    // CHECK: :[[@LINE-2]]:5: note: co_await it, or pass it to asyncrt::spawn
    // FIXED: {{^}}    co_await backend.get("/status");{{$}}
    co_return;
  }
};
struct backend {
  asyncrt::task<int> get(const char *path);
};
template struct service<backend>;

#define FETCH_ALL() fetch("api/all")
asyncrt::task<> discarded_in_macro_has_no_fix() {
  FETCH_ALL();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-4]]:21: note: expanded from macro 'FETCH_ALL'
  // CHECK: :[[@LINE-3]]:3: note: co_await it, or pass it to asyncrt::spawn
  // CHECK: :[[@LINE-6]]:21: note: expanded from macro 'FETCH_ALL'
  // FIXED: {{^}}  FETCH_ALL();{{$}}
  co_return;
}

template <class F> asyncrt::task<> discarded_result_of_callable(F make) {
  make();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'operator()' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  co_await make();{{$}}
  co_return;
}
struct task_factory {
  asyncrt::task<> operator()() const;
};
template asyncrt::task<> discarded_result_of_callable(task_factory);

asyncrt::task<> discarded_in_catch_handler() {
  try {
    co_await fetch("api/a");
  } catch (...) {
    fetch("api/fallback");
    // CHECK: :[[@LINE-1]]:5: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
    // CHECK: :[[@LINE-2]]:5: note: co_await it after the handler (a handler cannot co_await), or pass it to asyncrt::spawn to run it concurrently
    // FIXED: {{^}}    fetch("api/fallback");{{$}}
  }
}

asyncrt::task<> discarded_generator_in_coroutine() {
  numbers();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'numbers' is never awaited; it will not run [async-unawaited-task]
  // FIXED: {{^}}  numbers();{{$}}
  co_return;
}

void discarded_user_listed_task_type() {
  lazy::run_later();
  // OPTION: :[[@LINE-1]]:3: warning: task returned by 'run_later' is never awaited; it will not run [async-unawaited-task]
  // OPTION: :[[@LINE-2]]:3: note: run it with the runtime's blocking entry point (sync_wait, block_on){{$}}
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<int> awaited_call() {
  int a = co_await fetch("api/a");
  co_await tick();
  co_await asyncrt::join(fetch("a"), fetch("b"));
  co_return a + co_await fetch("api/b");
}

asyncrt::task<int> returned_call() { return fetch("api/a"); }

asyncrt::task<> passed_to_spawn_and_handle_dropped() {
  asyncrt::spawn(fetch("api/a"));
  auto handle = asyncrt::spawn(tick());
  co_return;
}

int main_like_block_on() { return asyncrt::block_on(fetch("api/a")); }

asyncrt::task<> passed_on_to_functions() {
  consume(fetch("api/a"));
  task_list<asyncrt::task<int>> tasks;
  tasks.push_back(fetch("api/b"));
  co_return;
}

void stored_in_member(client &c) {
  c.pending = tick();
  c.restart();
}

void deliberately_discarded_with_void_cast() {
  (void)fetch("api/a");
  static_cast<void>(tick());
}

void eager_and_unlisted_types_dropped() {
  fire_and_forget();
  auto started = fire_and_forget();
}

void non_task_results_dropped() {
  compute_sync();
  ready();
  current();
}

asyncrt::task<> variable_awaited_later_in_branch(bool wanted) {
  auto pending = fetch("api/a");
  if (wanted)
    co_await std::move(pending);
}

asyncrt::task<> variable_spawned_or_passed_on() {
  auto first = fetch("api/a");
  asyncrt::spawn(std::move(first));
  auto second = fetch("api/b");
  inspect(second);
  auto third = fetch("api/c");
  consume(std::move(third));
  co_return;
}

asyncrt::task<int> variable_returned() {
  auto pending = fetch("api/a");
  return pending;
}

auto task_created_in_returned_lambda() {
  return [] { return fetch("api/a"); };
}

void variable_marked_maybe_unused() {
  [[maybe_unused]] auto kept = fetch("api/a");
}

void unused_parameter_of_task_type(asyncrt::task<int> t) {}

void reference_to_existing_task_unused() { auto &alias = current(); }

template <bool Await> asyncrt::task<> variable_awaited_only_in_some_instantiations() {
  auto pending = fetch("api/a");
  if constexpr (Await)
    co_await std::move(pending);
}
template asyncrt::task<> variable_awaited_only_in_some_instantiations<false>();

template <class F> void unknown_callable_until_instantiated(F f) { f(); }
template void unknown_callable_until_instantiated(int (*)());

void value_of_statement_expression_used() { consume(({ fetch("api/a"); })); }

asyncrt::task<> used_right_of_comma_and_conditional(bool fast) {
  consume((tick(), fetch("a")));
  // CHECK: :[[@LINE-1]]:12: warning: task returned by 'tick' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:12: note: co_await it, or pass it to asyncrt::spawn
  // FIXED: {{^}}  consume((co_await tick(), fetch("a")));{{$}}
  consume(fast ? fetch("fast") : fetch("slow"));
  int n = co_await (fast ? fetch("fast") : fetch("slow"));
  if (auto pending = fetch("a"); n > 0)
    co_await std::move(pending);
}

asyncrt::task<int> task_captured_by_lambda() {
  auto later = [pending = fetch("api/a")]() mutable { return std::move(pending); };
  auto ignored = [pending = fetch("api/b")] { return 1; };
  co_return co_await later();
}

int main() {
  discarded_call_in_coroutine();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'discarded_call_in_coroutine' is never awaited; it will not run [async-unawaited-task]
  // CHECK: :[[@LINE-2]]:3: note: run it with asyncrt::block_on, or pass it to asyncrt::spawn to run it concurrently
  // FIXED: {{^}}  discarded_call_in_coroutine();{{$}}
  return asyncrt::block_on(fetch("api/a"));
}
