// A runtime no built-in profile knows (test/Inputs/mock/acme): without
// configuration its coroutines get the generic advice; with the profile
// defined in .clang-tidy (docs/runtimes.md, "Your own runtime"), they get
// acme's names and words; async.Runtime forces a built-in profile's words.
// RUN: not %async-lint --checks='-*,async-*' %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,GENERIC --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %S/Inputs/acme.clang-tidy %t.clang-tidy
// RUN: not %async-lint --checks='-*,async-*' --config-file=%t.clang-tidy %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,ACME --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-*' --config-file=%t.clang-tidy %s -- %mock-flags 2>&1 | FileCheck %s --check-prefixes=CHECK,ACME --implicit-check-not='{{warning|error|note}}:'
// The profile docs/runtimes.md shows is this one.
// RUN: %python -c "import sys; sys.exit(open(sys.argv[2]).read() not in open(sys.argv[1]).read())" %srcroot/docs/runtimes.md %S/Inputs/acme.clang-tidy
// RUN: echo "{CheckOptions: {async.Runtime: asyncrt}}" > %t.forced
// RUN: not %async-lint --checks='-*,async-*' --config-file=%t.forced %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,FORCED --implicit-check-not='{{warning|error|note}}:'
// Bad settings are configuration warnings; the choice falls back as without them.
// RUN: echo "{CheckOptions: {async.Runtime: nope, async.Profiles: 'asyncrt;lab', async.Profile.x.Namespaces: x, async.Profile.lab.Sleeps: lab::nap, async.Profile.lab.NonBlockingTypes: lab::socket, async.Profile.lab.OffloadParameters: lab::pool_tag}}" > %t.bad
// RUN: not %async-lint --checks='-*,async-*' --config-file=%t.bad %s -- %mock-flags 2>%t.err | FileCheck %s --check-prefixes=CHECK,GENERIC --implicit-check-not='{{warning|error|note}}:'
// RUN: FileCheck %s --check-prefix=BAD --input-file=%t.err --implicit-check-not='{{warning|error}}:'
// BAD-DAG: async-lint: warning: async.Runtime: unknown runtime 'nope'; known: {{.*}}asyncrt, {{.*}}generic
// BAD-DAG: async-lint: warning: async.Profiles: 'asyncrt' is a built-in profile; give yours another name
// BAD-DAG: async-lint: warning: async.Profile.x.Namespaces: profile 'x' is not listed in async.Profiles
// BAD-DAG: async-lint: warning: async.Profile.lab.Sleeps: unknown profile field 'Sleeps'

#include <acme/acme.hpp>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;

acme::task<int> fetch();
acme::job<> start_job();
std::mutex state_mutex;
long total;

// ---- Positives -------------------------------------------------------------

acme::task<> sleeps_on_the_worker() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine;
  // GENERIC-SAME: use an awaitable timer of the runtime [async-blocking-call]
  // ACME-SAME: use co_await acme::event_loop().sleep(ms) [async-blocking-call]
  // FORCED-SAME: use co_await asyncrt::sleep_for [async-blocking-call]
  co_return;
}

acme::task<> holds_a_std_mutex_across_await() {
  std::lock_guard<std::mutex> g(state_mutex);
  co_await fetch();
  // CHECK: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use
  // GENERIC-SAME: an async mutex [async-lock-across-await]
  // ACME-SAME: acme::mutex [async-lock-across-await]
  // FORCED-SAME: asyncrt::mutex [async-lock-across-await]
  // CHECK: :[[@LINE-6]]:31: note: lock 'g' taken here
}

acme::task<> drops_a_task() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // GENERIC: :[[@LINE-2]]:3: note: co_await it{{$}}
  // ACME: :[[@LINE-3]]:3: note: co_await it, or pass it to acme::fire to run it concurrently{{$}}
  // FORCED: :[[@LINE-4]]:3: note: co_await it, or pass it to asyncrt::spawn to run it concurrently{{$}}
  co_return;
}

void drops_a_task_in_plain_code() {
  fetch();
  // CHECK: :[[@LINE-1]]:3: warning: task returned by 'fetch' is never awaited; it will not run [async-unawaited-task]
  // GENERIC: :[[@LINE-2]]:3: note: run it with the runtime's blocking entry point (sync_wait, block_on){{$}}
  // ACME: :[[@LINE-3]]:3: note: run it with acme::wait, or pass it to acme::fire to run it concurrently{{$}}
  // FORCED: :[[@LINE-4]]:3: note: run it with asyncrt::block_on, or pass it to asyncrt::spawn to run it concurrently{{$}}
}

acme::task<> spins_without_suspending() {
  for (long i = 0; i < 1000000; ++i)
    total += i;
  // CHECK: :[[@LINE-2]]:3: warning: loop runs 1000000 iterations without suspending;
  // GENERIC-SAME: move it to a blocking-work pool or co_await a yield of the runtime in its body [async-heavy-loop]
  // ACME-SAME: move it to acme::run_blocking or co_await acme::event_loop().yield() in its body [async-heavy-loop]
  // FORCED-SAME: move it to asyncrt::spawn_blocking or co_await asyncrt::yield_now() in its body [async-heavy-loop]
  co_return;
}

acme::task<> waits_for_a_task_on_the_worker() {
  acme::wait(fetch());
  // ACME: :[[@LINE-1]]:3: warning: 'acme::wait' blocks the worker thread inside a coroutine; co_await the task instead; wait inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

acme::task<> waits_for_everything_on_the_worker() {
  acme::wait_for_all();
  // ACME: :[[@LINE-1]]:3: warning: 'acme::wait_for_all' blocks the worker thread inside a coroutine; co_await the task instead; wait_for_all inside the runtime can deadlock it [async-blocking-call]
  co_return;
}

acme::task<> holds_an_acme_spin_guard_across_await(int &word) {
  acme::spin_guard g(word);
  co_await fetch();
  // ACME: :[[@LINE-1]]:3: warning: lock 'g' is held across this co_await; release it first or use acme::mutex [async-lock-across-await]
  // ACME: :[[@LINE-3]]:20: note: lock 'g' taken here
}

acme::task<> drops_an_eager_job_listed_as_a_task() {
  start_job();
  // ACME: :[[@LINE-1]]:3: warning: task returned by 'start_job' is never awaited; it will not run [async-unawaited-task]
  // ACME: :[[@LINE-2]]:3: note: co_await it, or pass it to acme::fire to run it concurrently{{$}}
  co_return;
}

acme::task<> blocks_before_moving_to_the_blocking_pool() {
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine;
  co_await acme::resume_on(acme::blocking_pool());
}

acme::task<> blocks_after_moving_back_to_the_event_loop() {
  co_await acme::resume_on(acme::blocking_pool());
  co_await acme::resume_on(acme::event_loop());
  std::this_thread::sleep_for(10ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine;
}

acme::task<> reads_a_file_on_the_worker() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine;
  // GENERIC-SAME: move it to a blocking-work pool [async-blocking-call]
  // ACME-SAME: move it to acme::run_blocking [async-blocking-call]
  // FORCED-SAME: use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

void pause() { std::this_thread::sleep_for(10ms); }

acme::task<> calls_a_blocking_helper() {
  pause();
  // CHECK: :[[@LINE-1]]:3: warning: 'pause' blocks the worker thread inside a coroutine; call it through
  // GENERIC-SAME: a blocking-work pool [async-blocking-call]
  // ACME-SAME: acme::run_blocking [async-blocking-call]
  // FORCED-SAME: asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-8]]:16: note: 'std::this_thread::sleep_for' blocks here
  co_return;
}

acme::task<> waits_for_a_future(std::future<int> &f) {
  f.get();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::future::get' blocks the worker thread inside a coroutine;
  // GENERIC-SAME: co_await the task or a handle to it instead [async-blocking-call]
  // ACME-SAME: co_await the acme::task instead [async-blocking-call]
  // FORCED-SAME: co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
  co_return;
}

// ---- Negatives -------------------------------------------------------------

acme::task<> awaits_its_sleep() {
  co_await acme::event_loop().sleep(10);
}

acme::task<> blocks_after_moving_to_the_blocking_pool() {
  co_await acme::resume_on(acme::blocking_pool());
  std::this_thread::sleep_for(10ms);
  // GENERIC: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks
  // FORCED: :[[@LINE-2]]:3: warning: 'std::this_thread::sleep_for' blocks
}

acme::task<> heavy_loop_after_moving_to_the_blocking_pool() {
  co_await acme::resume_on(acme::blocking_pool());
  for (long i = 0; i < 1000000; ++i)
    total += i;
  // GENERIC: :[[@LINE-2]]:3: warning: loop runs 1000000
  // FORCED: :[[@LINE-3]]:3: warning: loop runs 1000000
}

acme::task<> hands_a_blocking_coroutine_to_the_offload_call() {
  co_await acme::run_blocking([]() -> acme::task<> {
    std::this_thread::sleep_for(10ms);
    // GENERIC: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks
    // FORCED: :[[@LINE-2]]:5: warning: 'std::this_thread::sleep_for' blocks
    co_return;
  });
}

// A loop that only hands fresh tasks to a call is a fan-out on any runtime,
// whether or not a profile names the call a spawn.
acme::task<> fans_out_with_fire() {
  for (int i = 0; i < 1000000; ++i)
    acme::fire(fetch());
  co_return;
}

acme::task<> holds_the_async_mutex_across_await(acme::mutex &m) {
  auto token = co_await m.lock();
  co_await fetch();
}

acme::task<> awaits_the_task_it_creates() {
  co_await fetch();
}

acme::task<> passes_the_task_to_fire() {
  acme::fire(fetch());
  co_return;
}

acme::task<> releases_the_std_mutex_before_await() {
  {
    std::lock_guard<std::mutex> g(state_mutex);
    ++total;
  }
  co_await fetch();
}

acme::task<> yields_in_its_heavy_loop() {
  for (long i = 0; i < 1000000; ++i) {
    total += i;
    co_await acme::event_loop().yield();
  }
}

void waits_in_plain_code() {
  acme::wait(fetch());
}

acme::task<> eager_job_kept() {
  auto running = start_job();
  co_await running;
}
