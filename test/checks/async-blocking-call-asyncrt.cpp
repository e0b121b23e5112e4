// The check on the real runtime and the host's libstdc++.
// RUN: not %async-lint --checks='-*,async-blocking-call' %s -- %real-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'
// RUN: cp %s %t.cpp
// RUN: not %async-lint --checks='-*,async-blocking-call' --fix %t.cpp -- %real-flags
// RUN: FileCheck --input-file=%t.cpp --check-prefix=FIXED %s
// RUN: %clangxx -fsyntax-only %real-flags %t.cpp

#include <asyncrt/asyncrt.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>

#include <unistd.h>

using namespace std::chrono_literals;

asyncrt::task<int> fetch() { co_return 1; }

// ---- Positives -------------------------------------------------------------

// The lesson's mistake: std::fs inside an async fn.
asyncrt::task<std::string> lesson_reads_a_file_with_ifstream() {
  std::ifstream in("config.toml");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  std::stringstream text;
  text << in.rdbuf();
  co_return text.str();
}

asyncrt::task<> ofstream_opened_with_a_path(std::filesystem::path p) {
  std::ofstream out(p);
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ofstream' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  out << "data";
  co_return;
}

asyncrt::task<> stdio_file_read() {
  std::FILE *f = std::fopen("data.txt", "r");
  // CHECK: :[[@LINE-1]]:18: warning: 'fopen' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  char line[128];
  std::fgets(line, sizeof line, f);
  // CHECK: :[[@LINE-1]]:3: warning: 'fgets' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  std::fclose(f);
  // CHECK: :[[@LINE-1]]:3: warning: 'fclose' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

// The lesson's fetch, with a blocking sleep instead of tokio::time::sleep.
asyncrt::task<std::string> lesson_fetch_sleeps_the_thread(std::string url) {
  std::this_thread::sleep_for(100ms);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  // FIXED: {{^}}  co_await asyncrt::sleep_for(100ms);{{$}}
  co_return "data from " + url;
}

asyncrt::task<int> future_got_and_thread_joined() {
  std::future<int> answer = std::async(std::launch::async, [] { return 42; });
  std::thread worker([] {});
  worker.join();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::thread::join' blocks the worker thread inside a coroutine; co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
  co_return answer.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::future::get' blocks the worker thread inside a coroutine; co_await an asyncrt::join_handle from asyncrt::spawn or asyncrt::spawn_blocking instead [async-blocking-call]
}

asyncrt::task<std::uintmax_t> filesystem_operations_on_a_path(std::filesystem::path dir) {
  std::uintmax_t total = 0;
  if (!std::filesystem::exists(dir))
    // CHECK: :[[@LINE-1]]:8: warning: 'std::filesystem::exists' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
    co_return 0;
  for (const auto &entry : std::filesystem::directory_iterator(dir))
    // CHECK: :[[@LINE-1]]:28: warning: 'std::filesystem::directory_iterator' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
    total += std::filesystem::file_size(entry.path());
    // CHECK: :[[@LINE-1]]:14: warning: 'std::filesystem::file_size' blocks the worker thread inside a coroutine; use its asyncrt::fs counterpart or asyncrt::spawn_blocking [async-blocking-call]
  co_return total;
}

asyncrt::task<long> posix_read_and_sleep(int fd) {
  char buffer[256];
  long n = ::read(fd, buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:12: warning: 'read' blocks the worker thread inside a coroutine; move it to asyncrt::spawn_blocking [async-blocking-call]
  usleep(1000);
  // CHECK: :[[@LINE-1]]:3: warning: 'usleep' blocks the worker thread inside a coroutine; use co_await asyncrt::sleep_for [async-blocking-call]
  co_return n;
}

asyncrt::task<int> block_on_inside_the_runtime() {
  int value = asyncrt::block_on(fetch());
  // CHECK: :[[@LINE-1]]:15: warning: 'asyncrt::block_on' blocks the worker thread inside a coroutine; co_await the task instead; block_on inside the runtime can deadlock it [async-blocking-call]
  // FIXED: {{^}}  int value = co_await fetch();{{$}}
  co_return value;
}

std::string read_config(const std::filesystem::path &p) {
  std::ifstream in(p);
  std::string text;
  std::getline(in, text);
  return text;
}

asyncrt::task<std::size_t> helper_reads_a_file() {
  std::string text = read_config("app.conf");
  // CHECK: :[[@LINE-1]]:22: warning: 'read_config' blocks the worker thread inside a coroutine; call it through asyncrt::spawn_blocking [async-blocking-call]
  // CHECK: :[[@LINE-9]]:17: note: 'std::ifstream' blocks here
  co_return text.size();
}

// ---- Negatives -------------------------------------------------------------

// The lesson's fix: the blocking work runs on the blocking pool.
asyncrt::task<long> blocking_io_and_heavy_loop_in_spawn_blocking() {
  long sum = co_await asyncrt::spawn_blocking([] {
    std::ifstream in("numbers.txt");
    std::this_thread::sleep_for(10ms);
    long total = 0;
    for (long i = 0; i < 100000000; ++i)
      total += i;
    return total;
  });
  std::string text = co_await asyncrt::spawn_blocking([] { return read_config("x"); });
  co_return sum + static_cast<long>(text.size());
}

asyncrt::task<std::size_t> asyncrt_fs_and_sleep() {
  co_await asyncrt::sleep_for(100ms);
  std::string text = co_await asyncrt::fs::read_to_string("config.toml");
  co_await asyncrt::fs::write("copy.toml", text);
  co_return text.size();
}

asyncrt::task<> console_output_and_paths() {
  std::cout << "ready\n";
  std::printf("ready\n");
  std::fprintf(stderr, "warning\n");
  std::filesystem::path p = std::filesystem::path("logs") / "today.txt";
  std::cerr << p.filename() << p.extension() << '\n';
  co_return;
}

int main() { return asyncrt::block_on(fetch()); }
