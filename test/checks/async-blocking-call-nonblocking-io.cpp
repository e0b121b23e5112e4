// RUN: not %async-lint --checks='-*,async-blocking-call' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang-tidy --load=%plugin --checks='-*,async-blocking-call' %s -- %mock-flags 2>/dev/null | FileCheck %s --implicit-check-not='{{warning|error}}:'

// Socket and descriptor calls on a non-blocking descriptor return at once
// (EAGAIN): event-loop code (libcoro's tcp/udp clients) makes its sockets
// non-blocking and awaits their readiness. Each negative has a near-miss
// that stays reported.

#include <asyncrt/asyncrt.hpp>
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

// A scheduler of an event-loop runtime: poll() awaits readiness.
enum class poll_op { read, write };
struct scheduler {
  asyncrt::task<int> poll(int fd, poll_op op);
  asyncrt::task<> schedule();
};

// A readiness operation awaited through its operator co_await, as
// libcoro's task is.
struct poll_awaiter {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  int await_resume();
};
struct poll_task {
  poll_awaiter operator co_await() const noexcept;
};
struct event_loop {
  poll_task poll(int fd, poll_op op);
};

// libcoro's shape: the helpers that make the calls say nothing, the
// coroutine awaits readiness before (or after) calling them.
struct client {
  int fd;
  scheduler *sched;
  long recv_now(char *buffer, unsigned long size) {
    return ::recv(fd, buffer, size, 0);
  }
  long send_now(const char *buffer, unsigned long size) {
    return ::send(fd, buffer, size, 0);
  }
  asyncrt::task<int> poll(poll_op op) { return sched->poll(fd, op); }
};

// ---- Negatives -------------------------------------------------------------

asyncrt::task<long> read_after_awaiting_readiness(client &c, char *buffer) {
  co_await c.poll(poll_op::read);
  co_return c.recv_now(buffer, 64);
}

asyncrt::task<long> send_then_await_readiness_in_a_loop(client &c, const char *data) {
  for (;;) {
    long sent = c.send_now(data, 64);
    if (sent >= 0)
      co_return sent;
    co_await c.poll(poll_op::write);
  }
}

asyncrt::task<long> read_after_scheduler_poll(scheduler &s, int fd, char *buffer) {
  co_await s.poll(fd, poll_op::read);
  co_return ::read(fd, buffer, 64);
}

asyncrt::task<long> write_after_awaiting_readiness_through_operator_co_await(event_loop &loop, int fd, const char *data) {
  co_await loop.poll(fd, poll_op::write);
  co_return ::write(fd, data, 64);
}

asyncrt::task<long> recv_with_dontwait_flag(int fd, char *buffer) {
  co_return ::recv(fd, buffer, 64, MSG_DONTWAIT);
}

asyncrt::task<long> recv_checking_eagain(int fd, char *buffer) {
  long got = ::recv(fd, buffer, 64, 0);
  if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
    co_return 0;
  co_return got;
}

asyncrt::task<int> connect_in_progress(int fd, const sockaddr *address) {
  int result = ::connect(fd, address, 16);
  if (result == -1 && errno == EINPROGRESS)
    co_return 1;
  co_return result;
}

asyncrt::task<long> write_to_descriptor_made_non_blocking(int fd, const char *data) {
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  co_return ::write(fd, data, 64);
}

asyncrt::task<int> accept_on_socket_opened_non_blocking(const sockaddr *address) {
  int listener = ::socket(2, SOCK_STREAM | SOCK_NONBLOCK, 0);
  co_return ::accept(listener, nullptr, nullptr);
}

// The readiness check in the helper that makes the call.
long recv_or_zero(int fd, char *buffer) {
  long got = ::recv(fd, buffer, 64, 0);
  return got < 0 && errno == EAGAIN ? 0 : got;
}

asyncrt::task<long> helper_checks_eagain(int fd, char *buffer) {
  co_return recv_or_zero(fd, buffer);
}

// A lambda coroutine whose descriptor is made non-blocking around it.
void lambda_on_non_blocking_descriptor(int fd, const char *data) {
  ::fcntl(fd, F_SETFL, O_NONBLOCK);
  auto writer = [fd, data]() -> asyncrt::task<long> { co_return ::write(fd, data, 8); };
  (void)writer;
}

// ---- Near-misses, still reported -------------------------------------------

asyncrt::task<long> plain_blocking_recv(int fd, char *buffer) {
  co_return ::recv(fd, buffer, 64, 0);
  // CHECK: :[[@LINE-1]]:13: warning: 'recv' blocks the worker thread inside a coroutine
}

asyncrt::task<long> helper_read_without_readiness(client &c, char *buffer) {
  co_await c.sched->schedule();
  co_return c.recv_now(buffer, 64);
  // CHECK: :[[@LINE-1]]:13: warning: 'recv_now' blocks the worker thread inside a coroutine
  // CHECK: nonblocking-io.cpp:42:12: note: 'recv' blocks here
}

asyncrt::task<long> other_flag_is_not_dontwait(int fd, char *buffer) {
  co_return ::recv(fd, buffer, 64, 0x100);
  // CHECK: :[[@LINE-1]]:13: warning: 'recv' blocks the worker thread inside a coroutine
}

void make_non_blocking(int fd) { ::fcntl(fd, F_SETFL, O_NONBLOCK); }

asyncrt::task<long> non_blocking_made_in_another_function(int fd, const char *data) {
  make_non_blocking(fd);
  co_return ::write(fd, data, 64);
  // CHECK: :[[@LINE-1]]:13: warning: 'write' blocks the worker thread inside a coroutine
}

asyncrt::task<long> awaiting_something_else_is_not_readiness(int fd, char *buffer) {
  co_await asyncrt::sleep_for({10});
  co_return ::read(fd, buffer, 64);
  // CHECK: :[[@LINE-1]]:13: warning: 'read' blocks the worker thread inside a coroutine
}

asyncrt::task<> sleep_beside_readiness_still_blocks(scheduler &s, int fd) {
  co_await s.poll(fd, poll_op::read);
  ::usleep(100);
  // CHECK: :[[@LINE-1]]:3: warning: 'usleep' blocks the worker thread inside a coroutine
}

asyncrt::task<long> eagain_in_a_comment_only(int fd, char *buffer) {
  // A non-blocking socket would return EAGAIN here.
  co_return ::recv(fd, buffer, 64, 0);
  // CHECK: :[[@LINE-1]]:13: warning: 'recv' blocks the worker thread inside a coroutine
}

// Regular files ignore O_NONBLOCK: pread, pwrite and fsync block whatever
// the code around them says.
asyncrt::task<long> pread_on_a_descriptor_made_non_blocking(int fd, char *buffer) {
  ::fcntl(fd, F_SETFL, O_NONBLOCK);
  co_return ::pread(fd, buffer, 64, 0);
  // CHECK: :[[@LINE-1]]:13: warning: 'pread' blocks the worker thread inside a coroutine
}

asyncrt::task<long> pwrite_after_awaiting_readiness(scheduler &s, int fd, const char *data) {
  co_await s.poll(fd, poll_op::write);
  co_return ::pwrite(fd, data, 64, 0);
  // CHECK: :[[@LINE-1]]:13: warning: 'pwrite' blocks the worker thread inside a coroutine
}

asyncrt::task<int> fsync_checking_eagain(int fd) {
  int result = ::fsync(fd);
  // CHECK: :[[@LINE-1]]:16: warning: 'fsync' blocks the worker thread inside a coroutine
  if (result < 0 && errno == EAGAIN)
    co_return 0;
  co_return result;
}

int poll(int fd);

asyncrt::task<long> calling_poll_without_awaiting_it(int fd, char *buffer) {
  poll(fd);
  co_return ::read(fd, buffer, 64);
  // CHECK: :[[@LINE-1]]:13: warning: 'read' blocks the worker thread inside a coroutine
}
