// Runs a lesson example and checks what the lesson says about it: its output
// and how long it takes.
//
//   example_runner --expect <stdout> [--min-ms N] [--max-ms N] -- <program> [args...]
//
// The lower bound is a property of the program and is checked strictly; the
// upper bound depends on the machine's load (the tests may run next to a
// compiler), so a run that is only too slow is tried once more.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

struct outcome {
  std::string output;
  int status = -1;
  long long millis = 0;
};

outcome run(char* const argv[]) {
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) {
    std::perror("pipe");
    std::exit(2);
  }
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = ::fork();
  if (child < 0) {
    std::perror("fork");
    std::exit(2);
  }
  if (child == 0) {
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    ::execv(argv[0], argv);
    std::perror("execv");
    std::_Exit(127);
  }
  ::close(pipe_fds[1]);
  outcome result;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, static_cast<size_t>(n));
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  result.millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  std::string expect;
  long long min_ms = 0;
  long long max_ms = -1;
  int i = 1;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
    if (std::strcmp(argv[i], "--expect") == 0 && i + 1 < argc) expect = argv[++i];
    else if (std::strcmp(argv[i], "--min-ms") == 0 && i + 1 < argc) min_ms = std::atoll(argv[++i]);
    else if (std::strcmp(argv[i], "--max-ms") == 0 && i + 1 < argc) max_ms = std::atoll(argv[++i]);
    else {
      std::cerr << "example_runner: unknown argument " << argv[i] << "\n";
      return 2;
    }
  }
  if (i + 1 >= argc) {
    std::cerr << "usage: example_runner --expect <stdout> [--min-ms N] [--max-ms N] -- <program> [args...]\n";
    return 2;
  }
  char* const* program = argv + i + 1;
  for (int attempt = 1; attempt <= 2; ++attempt) {
    const outcome r = run(program);
    std::cout << program[0] << ": exit " << r.status << ", " << r.millis << " ms, output: " << r.output;
    if (r.status != 0 || r.output != expect + "\n") {
      std::cerr << "FAIL: expected exit 0 and output \"" << expect << "\"\n";
      return 1;
    }
    if (r.millis < min_ms) {
      std::cerr << "FAIL: took " << r.millis << " ms, expected at least " << min_ms << " ms\n";
      return 1;
    }
    if (max_ms < 0 || r.millis <= max_ms) return 0;
    std::cerr << "took " << r.millis << " ms, more than " << max_ms << " ms"
              << (attempt == 1 ? "; trying once more\n" : "\n");
  }
  std::cerr << "FAIL: too slow twice\n";
  return 1;
}
