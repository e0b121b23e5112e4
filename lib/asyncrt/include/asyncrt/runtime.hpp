#pragma once

// The runtime: worker threads (one per core by default) that run spawned
// tasks, a blocking pool, and the timers. block_on() is the entry point:
//
//   int main() { asyncrt::block_on(app()); }
//
// or, for control over the threads:
//
//   asyncrt::runtime rt = asyncrt::runtime::builder{}.worker_threads(2).build();
//   rt.block_on(app());

#include <asyncrt/blocking.hpp>
#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/errors.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace asyncrt {
namespace detail {

struct runtime_config {
  std::size_t worker_threads = 0;  // 0: one per core
  std::size_t max_blocking_threads = 512;
  std::chrono::nanoseconds thread_keep_alive = std::chrono::seconds(10);
};

// Where block_on's root task leaves its outcome for the blocked thread.
template <class T>
class block_on_state {
 public:
  template <class... A>
  void set_value(A&&... value) {
    value_.emplace(std::forward<A>(value)...);
  }
  void set_failure(std::exception_ptr failure) noexcept { failure_ = std::move(failure); }

  // Called when the root task is done with the state (completed, or
  // destroyed by a shutdown): the blocked thread may then return and
  // destroy it, so the task must not touch it afterwards. Notifying under
  // the lock makes that safe: the waiter cannot get past the mutex before
  // this thread has left it.
  void signal() noexcept {
    std::lock_guard lock(mutex_);
    done_ = true;
    ready_.notify_one();
  }

  T wait_and_take() {
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return done_; });
    }
    if (failure_) std::rethrow_exception(failure_);
    if (!value_) throw task_cancelled{};
    if constexpr (!std::is_void_v<T>) return std::move(*value_);
  }

 private:
  struct empty {};
  std::mutex mutex_;
  std::condition_variable ready_;
  bool done_ = false;
  std::optional<std::conditional_t<std::is_void_v<T>, empty, T>> value_;
  std::exception_ptr failure_;
};

// Signals the blocked thread when the root task's frame goes: a parameter
// of the root, so that it does however the frame goes (completed, or
// destroyed by a shutdown before or after the task started).
template <class T>
class block_on_signal {
 public:
  explicit block_on_signal(block_on_state<T>& state) noexcept : state_(&state) {}
  block_on_signal(block_on_signal&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}
  block_on_signal& operator=(block_on_signal&&) = delete;
  ~block_on_signal() {
    if (state_) state_->signal();
  }
  block_on_state<T>& state() const noexcept { return *state_; }

 private:
  block_on_state<T>* state_;
};

template <class T>
task<void> block_on_root(task<T> t, block_on_signal<T> signal) {
  block_on_state<T>& state = signal.state();
  try {
    if constexpr (std::is_void_v<T>) {
      co_await std::move(t);
      state.set_value();
    } else {
      state.set_value(co_await std::move(t));
    }
  } catch (...) {
    state.set_failure(std::current_exception());
  }
}

}  // namespace detail

class runtime {
 public:
  class builder {
   public:
    // Number of worker threads (default: one per core).
    builder& worker_threads(std::size_t count);
    // Upper bound of the blocking pool (default 512).
    builder& max_blocking_threads(std::size_t count);
    // How long an idle blocking thread waits for work before it exits (default 10 s).
    builder& thread_keep_alive(std::chrono::nanoseconds keep_alive);
    [[nodiscard]] runtime build() const;

   private:
    detail::runtime_config config_;
  };

  // A runtime with the default configuration.
  runtime();
  ~runtime();
  runtime(runtime&&) noexcept;
  runtime& operator=(runtime&&) noexcept;
  runtime(const runtime&) = delete;
  runtime& operator=(const runtime&) = delete;

  // Runs `t` on the runtime and blocks the calling thread until it is done;
  // returns its value or rethrows its exception. Throws std::logic_error when
  // called from a worker thread (it would deadlock), as tokio panics, and
  // when the runtime has been shut down (nothing would run `t`).
  template <class T>
  T block_on(task<T> t) {
    detail::ensure_not_on_worker("asyncrt::block_on");
    ensure_not_shut_down("asyncrt::runtime::block_on");
    detail::block_on_state<T> state;
    // The root task's handle is dropped at once: the state reports the outcome.
    detail::spawn_on(*core_, detail::block_on_root(std::move(t), detail::block_on_signal<T>{state})).detach();
    return state.wait_and_take();
  }

  // Spawns from any thread, inside or outside the runtime.
  template <class T>
  join_handle<T> spawn(task<T> t) {
    return detail::spawn_on(*core_, std::move(t));
  }

  template <class F>
  join_handle<std::invoke_result_t<F>> spawn_blocking(F f) {
    return detail::spawn_blocking_on(*core_, std::move(f));
  }

  [[nodiscard]] std::size_t worker_threads() const noexcept;

  // Stops the workers once they finish the task each is running, waits for
  // running blocking closures, and destroys every task left (their locals'
  // destructors run; their handles report task_cancelled). Also done by the
  // destructor.
  void shutdown() noexcept;

 private:
  explicit runtime(const detail::runtime_config& config);
  void ensure_not_shut_down(const char* what) const;
  std::unique_ptr<detail::scheduler> core_;
};

// The entry point: runs `t` on a fresh default runtime, which is shut down
// before returning `t`'s value (or rethrowing its exception).
template <class T>
T block_on(task<T> t) {
  runtime rt;
  return rt.block_on(std::move(t));
}

}  // namespace asyncrt
