// Mock coro/coro.hpp: the shape of libcoro's (jbaldwin/libcoro) public API
// that the profile tests use: the lazy task, sync_wait, when_all/when_any,
// the thread pool and scheduler, the async mutex and semaphore, and the
// networking classes with the sockets they hold.
#pragma once
#include <chrono>
#include <coroutine>
#include <utility>
#include <vector>

namespace coro {
template <class T = void> class [[nodiscard]] task {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    T await_resume();
  };
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    template <class V> void return_value(V &&);
    void unhandled_exception() noexcept;
  };
  task(task &&) noexcept;
  ~task();
  awaiter operator co_await() const & noexcept;
  awaiter operator co_await() const && noexcept;
};

template <> class [[nodiscard]] task<void> {
public:
  struct awaiter {
    bool await_ready() const noexcept;
    std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept;
    void await_resume();
  };
  struct promise_type {
    task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void return_void() noexcept;
    void unhandled_exception() noexcept;
  };
  task(task &&) noexcept;
  ~task();
  awaiter operator co_await() const & noexcept;
  awaiter operator co_await() const && noexcept;
};

template <class T> T sync_wait(task<T> &&a);
template <class T> T sync_wait(task<T> &a);
template <class... Awaitables> [[nodiscard]] task<> when_all(Awaitables... awaitables);
template <class T> [[nodiscard]] task<> when_all(std::vector<task<T>> awaitables);
template <class... Awaitables> [[nodiscard]] task<> when_any(Awaitables... awaitables);

struct schedule_operation {
  bool await_ready() noexcept;
  void await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
  void await_resume() noexcept;
};

class thread_pool {
public:
  struct options {
    unsigned thread_count;
  };
  explicit thread_pool(options opts);
  [[nodiscard]] schedule_operation schedule();
  template <class T> [[nodiscard]] task<T> schedule(task<T> t);
  bool spawn_detached(task<void> &&t) noexcept;
  task<void> spawn_joinable(task<void> &&t) noexcept;
  [[nodiscard]] schedule_operation yield();
  void shutdown() noexcept;
};

class scheduler {
public:
  [[nodiscard]] schedule_operation schedule();
  bool spawn_detached(task<void> &&t);
  template <class Rep, long long Num, long long Den>
  [[nodiscard]] task<void> yield_for(std::chrono::duration<Rep, Num, Den> amount);
  template <class Rep, long long Num, long long Den>
  [[nodiscard]] task<void> schedule_after(std::chrono::duration<Rep, Num, Den> amount);
  [[nodiscard]] schedule_operation yield();
  unsigned long process_events(std::chrono::milliseconds timeout = std::chrono::milliseconds{0});
};

class mutex;

class scoped_lock {
public:
  scoped_lock(scoped_lock &&) noexcept;
  ~scoped_lock();
  void unlock();
};

namespace detail {
template <class Result> struct lock_operation {
  bool await_ready() const noexcept;
  bool await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept;
  Result await_resume() noexcept;
};
} // namespace detail

class mutex {
public:
  [[nodiscard]] detail::lock_operation<coro::scoped_lock> scoped_lock();
  [[nodiscard]] detail::lock_operation<void> lock();
  [[nodiscard]] bool try_lock();
  void unlock();
};

enum class semaphore_acquire_result { acquired, shutdown };

template <long Max> class semaphore {
public:
  explicit semaphore(long starting_value);
  [[nodiscard]] task<semaphore_acquire_result> acquire();
  [[nodiscard]] task<void> release();
  bool try_acquire();
};

template <class Executor> class task_group {
public:
  explicit task_group(Executor &e);
  [[nodiscard]] bool start(task<void> &&t);
  schedule_operation operator co_await() const noexcept;
};

namespace net {
class socket {
public:
  enum class blocking_t { yes, no };
  struct options {
    int type;
    blocking_t blocking;
  };
  socket() = default;
  explicit socket(int fd) : m_fd(fd) {}
  socket(socket &&other) noexcept;
  ~socket();
  bool blocking(blocking_t block);
  int native_handle() const { return m_fd; }

private:
  int m_fd = -1;
};
socket make_socket(const socket::options &opts);
socket make_accept_socket(const socket::options &opts, int port, int backlog);

namespace tcp {
class client {
public:
  net::socket &socket() { return m_socket; }

private:
  net::socket m_socket;
};
class server {
public:
  net::socket &accept_socket() { return m_accept_socket; }

private:
  net::socket m_accept_socket;
};
} // namespace tcp

namespace tls {
class client {
public:
  client(scheduler *s, net::socket socket);
  [[nodiscard]] task<int> handshake(std::chrono::milliseconds timeout);
  net::socket &socket() { return m_socket; }

private:
  net::socket m_socket;
};
class server {
public:
  server(scheduler *s, int port);
  [[nodiscard]] task<client> accept(std::chrono::milliseconds timeout);

private:
  scheduler *m_scheduler;
  net::socket m_accept_socket;
};
} // namespace tls

namespace udp {
class peer {
public:
  net::socket &socket() { return m_socket; }

private:
  net::socket m_socket;
};
} // namespace udp
} // namespace net
} // namespace coro
