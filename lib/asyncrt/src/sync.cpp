// The asynchronous mutex, semaphore and notify. Each guards its state with a
// std::mutex that is held only for a few instructions, never across a
// suspension, and wakes waiters under it (see detail/waiter_list.hpp).

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/sync/mutex.hpp>
#include <asyncrt/sync/notify.hpp>
#include <asyncrt/sync/semaphore.hpp>

#include <coroutine>

namespace asyncrt {
namespace detail {

class lock_awaiter {
 public:
  explicit lock_awaiter(mutex& m) noexcept : mutex_(m) {}
  lock_awaiter(const lock_awaiter&) = delete;
  lock_awaiter& operator=(const lock_awaiter&) = delete;
  // Reached while waiting only if the task is cancelled: leave the queue, or
  // pass on the mutex if it was handed to us in the meantime.
  ~lock_awaiter() {
    if (!waiting_) return;
    std::unique_lock lock(mutex_.state_lock_);
    if (node_.status == waiter_status::queued) {
      mutex_.waiters_.remove(&node_);
    } else {
      lock.unlock();
      mutex_.unlock();
    }
  }

  bool await_ready() noexcept {
    if (!mutex_.try_lock()) return false;
    acquired_ = true;
    return coop_consume();
  }

  bool await_suspend(std::coroutine_handle<> h) {
    if (!acquired_) {
      std::unique_lock lock(mutex_.state_lock_);
      if (mutex_.locked_) {
        node_.task = suspend_current(h);
        node_.status = waiter_status::queued;
        mutex_.waiters_.push_back(&node_);
        waiting_ = true;
        return true;
      }
      mutex_.locked_ = true;
      acquired_ = true;
      lock.unlock();
      if (coop_consume()) return false;
    }
    // Locked, but the coop budget is spent: keep the lock and let others run.
    yield_current(h);
    return true;
  }

  void await_resume() noexcept { waiting_ = false; }

 private:
  mutex& mutex_;
  waiter node_;
  bool acquired_ = false;
  bool waiting_ = false;
};

// A semaphore waiter and the number of permits it wants.
struct permit_waiter : waiter {
  std::size_t count = 0;
};

class acquire_awaiter {
 public:
  acquire_awaiter(semaphore& s, std::size_t count) noexcept : semaphore_(s), count_(count) { node_.count = count; }
  acquire_awaiter(const acquire_awaiter&) = delete;
  acquire_awaiter& operator=(const acquire_awaiter&) = delete;
  ~acquire_awaiter() {
    if (!waiting_) return;
    std::unique_lock lock(semaphore_.state_lock_);
    if (node_.status == waiter_status::queued) {
      const bool was_first = semaphore_.waiters_.front() == &node_;
      semaphore_.waiters_.remove(&node_);
      // The head left: those behind it may fit in the permits now.
      if (was_first) semaphore_.grant_waiters();
    } else {
      lock.unlock();
      semaphore_.add_permits(count_);
    }
  }

  bool await_ready() const noexcept { return false; }

  bool await_suspend(std::coroutine_handle<> h) {
    std::unique_lock lock(semaphore_.state_lock_);
    if (semaphore_.waiters_.empty() && semaphore_.permits_ >= count_) {
      semaphore_.permits_ -= count_;
      lock.unlock();
      return continue_or_yield(h);
    }
    node_.task = suspend_current(h);
    node_.status = waiter_status::queued;
    semaphore_.waiters_.push_back(&node_);
    waiting_ = true;
    return true;
  }

  void await_resume() noexcept { waiting_ = false; }

 private:
  semaphore& semaphore_;
  std::size_t count_;
  permit_waiter node_;
  bool waiting_ = false;
};

// A notify waiter; `by_one` tells a notify_one (whose permit must be passed
// on if the waiter is cancelled before it runs) from a notify_waiters.
struct notify_waiter : waiter {
  bool by_one = false;
};

class notified_awaiter {
 public:
  explicit notified_awaiter(notify& n) noexcept : notify_(n) {}
  notified_awaiter(const notified_awaiter&) = delete;
  notified_awaiter& operator=(const notified_awaiter&) = delete;
  ~notified_awaiter() {
    if (!waiting_) return;
    std::unique_lock lock(notify_.state_lock_);
    if (node_.status == waiter_status::queued) {
      notify_.waiters_.remove(&node_);
    } else if (node_.by_one) {
      lock.unlock();
      notify_.notify_one();
    }
  }

  bool await_ready() const noexcept { return false; }

  bool await_suspend(std::coroutine_handle<> h) {
    std::unique_lock lock(notify_.state_lock_);
    if (notify_.permit_) {
      notify_.permit_ = false;
      lock.unlock();
      return continue_or_yield(h);
    }
    node_.task = suspend_current(h);
    node_.status = waiter_status::queued;
    notify_.waiters_.push_back(&node_);
    waiting_ = true;
    return true;
  }

  void await_resume() noexcept { waiting_ = false; }

 private:
  notify& notify_;
  notify_waiter node_;
  bool waiting_ = false;
};

}  // namespace detail

// --- mutex

task<mutex_guard> mutex::lock() {
  co_await detail::lock_awaiter{*this};
  co_return mutex_guard{*this, std::adopt_lock};
}

bool mutex::try_lock() noexcept {
  std::lock_guard lock(state_lock_);
  // While tasks wait, locked_ stays true (unlock hands over), so a free
  // mutex has no waiters to overtake.
  if (locked_) return false;
  locked_ = true;
  return true;
}

void mutex::unlock() noexcept {
  std::lock_guard lock(state_lock_);
  if (detail::waiter* next = waiters_.pop_front()) {
    // FIFO hand-over: the mutex stays locked and now belongs to `next`.
    next->status = detail::waiter_status::granted;
    detail::wake(next->task);
  } else {
    locked_ = false;
  }
}

// --- semaphore

task<semaphore_permit> semaphore::acquire(std::size_t count) {
  co_await detail::acquire_awaiter{*this, count};
  co_return semaphore_permit{*this, count};
}

std::optional<semaphore_permit> semaphore::try_acquire(std::size_t count) noexcept {
  std::lock_guard lock(state_lock_);
  if (!waiters_.empty() || permits_ < count) return std::nullopt;
  permits_ -= count;
  return semaphore_permit{*this, count};
}

void semaphore::add_permits(std::size_t count) noexcept {
  std::lock_guard lock(state_lock_);
  permits_ += count;
  grant_waiters();
}

std::size_t semaphore::available_permits() noexcept {
  std::lock_guard lock(state_lock_);
  return permits_;
}

void semaphore::grant_waiters() noexcept {
  // FIFO: stop at the first waiter that does not fit, even if a later one would.
  while (auto* next = static_cast<detail::permit_waiter*>(waiters_.front())) {
    if (permits_ < next->count) break;
    permits_ -= next->count;
    waiters_.pop_front();
    next->status = detail::waiter_status::granted;
    detail::wake(next->task);
  }
}

// --- notify

void notify::notify_one() noexcept {
  std::lock_guard lock(state_lock_);
  if (auto* next = static_cast<detail::notify_waiter*>(waiters_.pop_front())) {
    next->status = detail::waiter_status::granted;
    next->by_one = true;
    detail::wake(next->task);
  } else {
    permit_ = true;
  }
}

void notify::notify_waiters() noexcept {
  std::lock_guard lock(state_lock_);
  while (detail::waiter* next = waiters_.pop_front()) {
    next->status = detail::waiter_status::granted;
    detail::wake(next->task);
  }
}

task<void> notify::notified() { co_await detail::notified_awaiter{*this}; }

}  // namespace asyncrt
