// RUN: not %async-lint --checks='-*,async-blocking-call' %s -- -std=c++20 | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-blocking-call' %s -- -std=c++20 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// I/O through a file stream that is already open blocks on the disk as
// much as opening it: reads, writes, seeks, flushes and closes, through
// members, the stream operators and std::getline, on the real libstdc++.
// The same calls on the console streams and string streams do not.

#include <coroutine>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <type_traits>

// A lazy task of the test's own, to keep the test off the runtime's headers.
namespace asyncrt {
template <class T = void> struct task {
  struct promise_base {
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() { std::terminate(); }
  };
  struct value_promise : promise_base {
    task get_return_object() { return {}; }
    void return_value(T) {}
  };
  struct void_promise : promise_base {
    task get_return_object() { return {}; }
    void return_void() {}
  };
  using promise_type = std::conditional_t<std::is_void_v<T>, void_promise, value_promise>;
};
} // namespace asyncrt

struct record {
  int id;
};
std::ostream &operator<<(std::ostream &out, const record &r);

// ---- Positives -------------------------------------------------------------

asyncrt::task<> write_block(std::ofstream &out, const char *data) {
  out.write(data, 64);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::write' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> stream_values(std::ofstream &out, int value) {
  out << "value: " << value << '\n';
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::operator<<' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  out << value;
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::operator<<' blocks the worker thread inside a coroutine
  co_return;
}

asyncrt::task<> stream_user_type(std::ofstream &out, record r) {
  out << r;
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::operator<<' blocks the worker thread inside a coroutine
  co_return;
}

asyncrt::task<> seek_and_flush(std::fstream &file) {
  file.seekp(0);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_fstream::seekp' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string, asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  file.flush();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_fstream::flush' blocks the worker thread inside a coroutine
  co_return;
}

asyncrt::task<std::string> read_line(std::ifstream &in) {
  std::string line;
  std::getline(in, line);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::getline' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  co_return line;
}

asyncrt::task<int> read_raw_and_parse(std::ifstream &in, char *buffer) {
  in.read(buffer, 16);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::read' blocks the worker thread inside a coroutine
  int value = 0;
  in >> value;
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::operator>>' blocks the worker thread inside a coroutine
  co_return value;
}

asyncrt::task<int> get_ignore_and_seekg(std::ifstream &in) {
  in.seekg(16);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::seekg' blocks the worker thread inside a coroutine; use asyncrt::fs::read_to_string or asyncrt::spawn_blocking [async-blocking-call]
  in.ignore(4);
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ifstream::ignore' blocks the worker thread inside a coroutine
  co_return in.get();
  // CHECK: :[[@LINE-1]]:13: warning: 'std::basic_ifstream::get' blocks the worker thread inside a coroutine
}

asyncrt::task<> put_a_character(std::ofstream &out) {
  out.put('\n');
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::put' blocks the worker thread inside a coroutine; use asyncrt::fs::write or asyncrt::spawn_blocking [async-blocking-call]
  co_return;
}

asyncrt::task<> close_flushes(std::ofstream &out) {
  out.close();
  // CHECK: :[[@LINE-1]]:3: warning: 'std::basic_ofstream::close' blocks the worker thread inside a coroutine
  co_return;
}

struct logger {
  std::ofstream file;
  asyncrt::task<> log(const std::string &message) {
    file << message << std::endl;
    // CHECK: :[[@LINE-1]]:5: warning: 'std::basic_ofstream::operator<<' blocks the worker thread inside a coroutine
    co_return;
  }
};

// A stream the coroutine opens itself: the opening is the one finding.
asyncrt::task<> local_stream_opened_then_written(int value) {
  std::ofstream out("values.txt");
  // CHECK: :[[@LINE-1]]:17: warning: 'std::ofstream' blocks the worker thread inside a coroutine
  out << value << '\n';
  out.flush();
  std::ofstream("log.txt") << value;
  // CHECK: :[[@LINE-1]]:3: warning: 'std::ofstream' blocks the worker thread inside a coroutine
  co_return;
}

// ---- Negatives -------------------------------------------------------------

asyncrt::task<> console_output(int value) {
  std::cout << "value: " << value << std::endl;
  std::cerr << value << '\n';
  std::cout.flush();
  std::cout.write("done\n", 5);
  co_return;
}

asyncrt::task<std::string> string_streams(const std::string &text) {
  std::istringstream in(text);
  std::string word;
  in >> word;
  std::getline(in, word);
  std::ostringstream out;
  out << word << 42;
  out.seekp(0);
  std::stringstream both;
  both << word;
  both.flush();
  co_return out.str();
}

asyncrt::task<int> get_ignore_seekg_and_put_on_string_and_console_streams(
    std::istringstream &in, std::ostringstream &out) {
  in.seekg(1);
  in.ignore(1);
  out.put(static_cast<char>(in.get()));
  std::cout.put('\n');
  co_return std::cin.get();
}

asyncrt::task<> stream_known_only_as_ostream(std::ostream &out, int value) {
  out << value;
  out.flush();
  co_return;
}

asyncrt::task<bool> inspecting_a_file_stream(std::ifstream &in) {
  co_return in.good() && in.is_open() && !in.eof();
}

void file_io_outside_a_coroutine(std::ofstream &out) { out << 1 << '\n'; }
