// RUN: not %async-lint --checks='-*,async-blocking-call' %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,DEFAULT --implicit-check-not='{{warning|error|note}}:'
// RUN: echo "{CheckOptions: {async-blocking-call.BlockingFunctions: 'db::query;::db::connection::commit', async-blocking-call.BlockingTypes: 'db::connection', async-blocking-call.AllowedFunctions: '::recv;wait_for_config'}}" > %t.clang-tidy
// RUN: not %async-lint --checks='-*,async-blocking-call' --config-file=%t.clang-tidy %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,OPTION --implicit-check-not='{{warning|error|note}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-blocking-call' %s -- %mock-flags | FileCheck %s --check-prefixes=CHECK,DEFAULT --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %mock-flags
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s

#include <asyncrt/asyncrt.hpp>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <time.h>
#include <unistd.h>

using namespace std::chrono_literals;

namespace db {
struct connection {
  connection(const char *url);
  void commit();
};
int query(const char *sql);
} // namespace db

namespace net {
int read(int socket);
} // namespace net

asyncrt::task<int> fetch();
asyncrt::task<> run_later();

// ---- Positives -------------------------------------------------------------

asyncrt::task<int> ifstream_constructed_with_a_path() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  co_return 0;
}

asyncrt::task<> ofstream_temporary_written_to() {
  std::ofstream("out.txt") << 42;
  // CHECK: :[[@LINE-1]]:3: warning: 'std::ofstream' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> wide_ifstream_constructed() {
  std::wifstream in(L"wide.txt");
  // CHECK: :[[@LINE-1]]:18: warning: 'std::wifstream' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> fstream_opened_after_construction() {
  std::fstream file;
  file.open("data.bin");
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_fstream::open' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> stdio_file_read_and_closed() {
  std::FILE *f = std::fopen("data.txt", "r");
  // CHECK: :[[@LINE-1]]:18: warning: 'fopen' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  char buffer[64];
  fread(buffer, 1, sizeof buffer, f);
  // CHECK: :[[@LINE-1]]:3: warning: 'fread' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  fgets(buffer, sizeof buffer, f);
  // CHECK: :[[@LINE-1]]:3: warning: 'fgets' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  std::fclose(f);
  // CHECK: :[[@LINE-1]]:3: warning: 'fclose' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> fprintf_to_a_file(std::FILE *log) {
  std::fprintf(log, "%d\n", 1);
  // CHECK: :[[@LINE-1]]:3: warning: 'fprintf' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> this_thread_sleep_for() {
  std::this_thread::sleep_for(100ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  // FIXED: {{^}}  co_await asyncrt::sleep_for(100ms);{{$}}
  co_return;
}

asyncrt::task<> this_thread_sleep_for_as_a_branch(bool slow) {
  if (slow)
    std::this_thread::sleep_for(100ms);
  // CHECK: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  // FIXED: {{^}}    co_await asyncrt::sleep_for(100ms);{{$}}
  co_return;
}

asyncrt::task<> this_thread_sleep_until() {
  std::this_thread::sleep_until(std::chrono::steady_clock::now());
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_until' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  // FIXED: {{^}}  std::this_thread::sleep_until(std::chrono::steady_clock::now());{{$}}
  co_return;
}

asyncrt::task<> posix_sleeps() {
  sleep(1);
  // CHECK: :[[@LINE-1]]:3: warning: 'sleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  usleep(500);
  // CHECK: :[[@LINE-1]]:3: warning: 'usleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  timespec delay{0, 1000};
  nanosleep(&delay, nullptr);
  // CHECK: :[[@LINE-1]]:3: warning: 'nanosleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  co_return;
}

asyncrt::task<int> future_waited_and_got(std::future<int> result) {
  result.wait();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::future::wait' blocks the worker thread inside a coroutine; co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
  co_return result.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
}

asyncrt::task<> thread_joined() {
  std::thread worker([] {});
  worker.join();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks the worker thread inside a coroutine; co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
  co_return;
}

asyncrt::task<> condition_variable_waited(std::condition_variable &cv,
                                          std::unique_lock<std::mutex> &lock) {
  cv.wait(lock);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::condition_variable::wait' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<bool> filesystem_queries_on_a_path() {
  std::filesystem::create_directories("cache/tmp");
  // CHECK: :[[@LINE-1]]:3: warning: 'std::filesystem::create_directories' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
  co_return std::filesystem::exists("cache/tmp");
  // CHECK: :[[@LINE-1]]:13: warning: 'std::filesystem::exists' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
}

asyncrt::task<int> directory_listed_in_range_for() {
  int files = 0;
  for (const auto &entry : std::filesystem::directory_iterator("logs"))
    // CHECK: :[[@LINE-1]]:28: warning: 'std::filesystem::directory_iterator' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
    ++files;
  co_return files;
}

asyncrt::task<> posix_socket_io(int listener, const sockaddr *peer) {
  int client = accept(listener, nullptr, nullptr);
  // CHECK: :[[@LINE-1]]:16: warning: 'accept' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  char buffer[16];
  recv(client, buffer, sizeof buffer, 0);
  // DEFAULT: :[[@LINE-1]]:3: warning: 'recv' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  send(client, buffer, sizeof buffer, 0);
  // CHECK: :[[@LINE-1]]:3: warning: 'send' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  connect(client, peer, 16);
  // CHECK: :[[@LINE-1]]:3: warning: 'connect' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<long> posix_file_descriptor_io(int fd) {
  char buffer[16];
  long n = read(fd, buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: 'read' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  ::write(fd, buffer, n);
  // CHECK: :[[@LINE-1]]:3: warning: 'write' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  co_return n;
}

asyncrt::task<int> block_on_inside_a_coroutine() {
  int value = asyncrt::block_on(fetch());
  // CHECK: :[[@LINE-1]]:15: warning: 'asyncrt::block_on' blocks the worker thread inside a coroutine; co_await the task instead; block_on inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  int value = co_await fetch();{{$}}
  asyncrt::block_on(run_later());
  // CHECK: :[[@LINE-1]]:3: warning: 'asyncrt::block_on' blocks the worker thread inside a coroutine; co_await the task instead; block_on inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_await run_later();{{$}}
  co_return value + asyncrt::block_on(fetch());
  // CHECK: :[[@LINE-1]]:21: warning: 'asyncrt::block_on' blocks the worker thread inside a coroutine; co_await the task instead; block_on inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  co_return value + asyncrt::block_on(fetch());{{$}}
}

int read_whole_file(const char *name) {
  std::ifstream in(name);
  int value = 0;
  in >> value;
  return value;
}

int load_settings() { return read_whole_file("settings.ini") + 1; }

asyncrt::task<int> helper_that_opens_a_file() {
  co_return read_whole_file("data.txt");
  // CHECK: :[[@LINE-1]]:13: warning: 'read_whole_file' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-11]]:17: note: 'std::ifstream' blocks here
}

asyncrt::task<int> helper_blocking_two_calls_deep() {
  co_return load_settings();
  // CHECK: :[[@LINE-1]]:13: warning: 'load_settings' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-11]]:30: note: 'read_whole_file' blocks here
  // CHECK: :[[@LINE-18]]:17: note: 'std::ifstream' blocks here
}

void retry_with_backoff(int attempts) {
  if (attempts == 0)
    return;
  usleep(1000);
  retry_with_backoff(attempts - 1);
}

asyncrt::task<> recursive_helper_that_sleeps() {
  retry_with_backoff(3);
  // CHECK: :[[@LINE-1]]:3: warning: 'retry_with_backoff' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-7]]:3: note: 'usleep' blocks here
  co_return;
}

struct config_file {
  explicit config_file(const char *name) : stream(name) {}
  std::ifstream stream;
};

asyncrt::task<> constructor_that_opens_a_file() {
  config_file config("app.conf");
  // CHECK: :[[@LINE-1]]:15: warning: 'config_file' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-7]]:44: note: 'std::ifstream' blocks here
  co_return;
}

asyncrt::task<> lambda_called_in_place() {
  auto pause = [] { sleep(1); };
  pause();
  // CHECK: :[[@LINE-1]]:3: warning: 'pause' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-3]]:21: note: 'sleep' blocks here
  [] { std::this_thread::sleep_for(1ms); }();
  // CHECK: :[[@LINE-1]]:3: warning: 'lambda' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-2]]:8: note: 'std::this_thread::sleep_for' blocks here
  co_return;
}

asyncrt::task<> coroutine_lambda_that_sleeps() {
  auto job = []() -> asyncrt::task<> {
    std::this_thread::sleep_for(1ms);
    // CHECK: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
    // FIXED: {{^}}    co_await asyncrt::sleep_for(1ms);{{$}}
    co_return;
  };
  co_await job();
}

struct service {
  asyncrt::task<> method_coroutine_that_sleeps() {
    sleep(2);
    // CHECK: :[[@LINE-1]]:5: warning: 'sleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
    co_return;
  }
};

template <class T> asyncrt::task<T> template_coroutine_that_sleeps(T value) {
  sleep(3);
  // CHECK: :[[@LINE-1]]:3: warning: 'sleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  co_return value;
}
template asyncrt::task<int> template_coroutine_that_sleeps(int);
template asyncrt::task<long> template_coroutine_that_sleeps(long);

asyncrt::task<int> configured_blocking_function_and_type() {
  db::connection conn("postgres://");
  // OPTION: :[[@LINE-1]]:18: warning: 'db::connection' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  conn.commit();
  // OPTION: :[[@LINE-1]]:3: warning: 'db::connection::commit' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  co_return db::query("select 1");
  // OPTION: :[[@LINE-1]]:13: warning: 'db::query' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
}

void wait_for_config() { sleep(5); }

asyncrt::task<> helper_allowed_by_option() {
  wait_for_config();
  // DEFAULT: :[[@LINE-1]]:3: warning: 'wait_for_config' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // DEFAULT: :[[@LINE-5]]:26: note: 'sleep' blocks here
  co_return;
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> console_output() {
  std::printf("ready\n");
  std::puts("ready");
  std::fprintf(stderr, "warning\n");
  std::fputs("done\n", stdout);
  std::fflush(stdout);
  co_return;
}

asyncrt::task<> stream_default_constructed_and_moved(std::ifstream opened) {
  std::ifstream empty;
  std::ifstream taken(std::move(opened));
  co_return;
}

asyncrt::task<> filesystem_path_arithmetic() {
  std::filesystem::path p("logs");
  p /= "today";
  auto name = (p / "a.txt").filename();
  auto tmp = std::filesystem::temp_directory_path();
  co_return;
}

asyncrt::task<bool> filesystem_status_already_fetched(std::filesystem::file_status s) {
  co_return std::filesystem::exists(s) && std::filesystem::is_directory(s);
}

// inline: the mock declares spawn_blocking without defining it, which only a
// lambda of an inline function (a type with linkage) may instantiate.
inline asyncrt::task<int> blocking_io_handed_to_spawn_blocking() {
  co_await asyncrt::spawn_blocking([] {
    std::ifstream in("big.csv");
    sleep(1);
    return 0;
  });
  co_return co_await asyncrt::spawn_blocking([] { return read_whole_file("x"); });
}

asyncrt::task<> asyncrt_sleep_and_fs_awaited() {
  co_await asyncrt::sleep_for({100});
  int text = co_await asyncrt::fs::read_to_string("config.toml");
  co_await asyncrt::fs::write("out.txt", "data");
  co_return;
}

int blocking_function_that_is_no_coroutine() {
  sleep(1);
  std::ifstream in("x");
  return asyncrt::block_on(fetch());
}

int pure_helper(int x) { return x * 2; }
int fibonacci(int n) { return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2); }

asyncrt::task<int> helpers_that_do_not_block() {
  co_return pure_helper(2) + fibonacci(10);
}

asyncrt::task<> coroutine_helper_called_not_awaited_yet() {
  auto job = []() -> asyncrt::task<> { co_return; };
  auto pending = ifstream_constructed_with_a_path();
  co_await job();
  co_await std::move(pending);
}

asyncrt::task<> lambda_defined_but_run_on_a_thread() {
  auto work = [] { sleep(1); };
  std::thread worker(work);
  worker.detach();
  co_return;
}

struct storage {
  virtual int load() { return read_whole_file("base"); }
  virtual ~storage();
};

asyncrt::task<int> virtual_call_not_followed(storage &s) {
  co_return s.load();
}

namespace app {
struct buffer {};
} // namespace app
int read(app::buffer &from);

struct job_queue {
  void wait();
  int get();
};

asyncrt::task<int> same_names_on_other_classes_and_overloads(job_queue &q, int socket,
                                                              app::buffer &b) {
  q.wait();
  co_return q.get() + net::read(socket) + read(b);
}

asyncrt::task<int> future_polled_without_waiting(std::future<int> &f) {
  std::this_thread::yield();
  co_return f.wait_for(0ms) + f.valid();
}

struct blocking_awaiter {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) { sleep(1); }
  void await_resume() {}
};

asyncrt::task<> awaiter_protocol_is_not_the_coroutine_code() {
  co_await blocking_awaiter{};
}

template <bool Blocking> asyncrt::task<> discarded_branch_of_if_constexpr() {
  if constexpr (Blocking)
    sleep(1);
  co_return;
}
template asyncrt::task<> discarded_branch_of_if_constexpr<false>();

asyncrt::task<> suppressed_with_nolint() {
  sleep(1); // NOLINT(async-blocking-call)
  co_return;
}
