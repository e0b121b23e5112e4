#pragma once

// mutex: an asynchronous, FIFO-fair mutex, as tokio::sync::Mutex. Waiting for
// it suspends the task instead of blocking the worker, so it may be held
// across co_await. lock() yields a mutex_guard that unlocks on destruction.

#include <asyncrt/detail/waiter_list.hpp>
#include <asyncrt/task.hpp>

#include <mutex>

namespace asyncrt {

class mutex;

namespace detail {
template <class Policy>
class resource_awaiter;
struct mutex_policy;
}

// Owns a locked asyncrt::mutex; unlocking passes it to the longest waiter.
class mutex_guard {
 public:
  // Adopts a mutex that the caller locked (with try_lock).
  mutex_guard(mutex& m, std::adopt_lock_t) noexcept : mutex_(&m) {}
  mutex_guard(mutex_guard&& other) noexcept : mutex_(other.mutex_) { other.mutex_ = nullptr; }
  mutex_guard& operator=(mutex_guard&& other) noexcept;
  mutex_guard(const mutex_guard&) = delete;
  mutex_guard& operator=(const mutex_guard&) = delete;
  ~mutex_guard() { unlock(); }

  // Unlocks early (as dropping the guard does in Rust).
  void unlock() noexcept;

  [[nodiscard]] bool owns_lock() const noexcept { return mutex_ != nullptr; }

 private:
  mutex* mutex_;
};

class mutex {
 public:
  mutex() noexcept = default;
  mutex(const mutex&) = delete;
  mutex& operator=(const mutex&) = delete;

  // Completes when the calling task owns the mutex. Waiters are served in
  // the order they started waiting: an unlock hands the mutex directly to the
  // first of them, so a task that locks in a loop cannot overtake them.
  [[nodiscard]] task<mutex_guard> lock();

  // Locks if the mutex is free (and no one is waiting); never waits. On
  // success the caller unlocks with unlock() or adopts it into a mutex_guard.
  [[nodiscard]] bool try_lock() noexcept;

  // Unlocks a mutex locked by try_lock (a guard does this by itself).
  void unlock() noexcept;

 private:
  template <class Policy>
  friend class detail::resource_awaiter;
  friend struct detail::mutex_policy;

  std::mutex state_lock_;  // guards the two members below, never held across a suspension
  bool locked_ = false;
  detail::waiter_list waiters_;
};

inline void mutex_guard::unlock() noexcept {
  if (mutex_) {
    mutex_->unlock();
    mutex_ = nullptr;
  }
}

inline mutex_guard& mutex_guard::operator=(mutex_guard&& other) noexcept {
  if (this != &other) {
    unlock();
    mutex_ = other.mutex_;
    other.mutex_ = nullptr;
  }
  return *this;
}

}  // namespace asyncrt
