// The asynchronous mutex, semaphore and notify. Each guards its state with a
// std::mutex that is held only for a few instructions, never across a
// suspension, and wakes waiters under it (see detail/waiter_list.hpp).

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/select_race.hpp>
#include <asyncrt/sync/mutex.hpp>
#include <asyncrt/sync/notify.hpp>
#include <asyncrt/sync/semaphore.hpp>

#include <coroutine>
#include <optional>
#include <type_traits>
#include <variant>

namespace asyncrt {
namespace detail {

// The awaiter of a resource that a task may have to wait for. `Policy` says,
// under the resource's state_lock_, how to take it at once, how to leave its
// queue and how to give it back; the waiting, the coop budget and the
// cancellation are the same for the mutex, the semaphore and notify.
template <class Policy>
class resource_awaiter {
 public:
  using resource = typename Policy::resource;

  template <class... Args>
  explicit resource_awaiter(resource& r, Args... args) noexcept : resource_(r), node_{{}, args...} {}
  resource_awaiter(const resource_awaiter&) = delete;
  resource_awaiter& operator=(const resource_awaiter&) = delete;
  // Reached before resumption only if the task is cancelled: leave the
  // queue, or give back what was handed over (or taken) in the meantime.
  ~resource_awaiter() {
    if (!holding_or_queued_) return;
    std::unique_lock lock(resource_.state_lock_);
    if (node_.status == waiter_status::queued) {
      Policy::withdraw(resource_, node_);
    } else {
      lock.unlock();
      Policy::give_back(resource_, node_);
    }
  }

  bool await_ready() const noexcept { return false; }

  bool await_suspend(std::coroutine_handle<> h) {
    if constexpr (Policy::raced) frame_ = h.address();
    std::unique_lock lock(resource_.state_lock_);
    if (Policy::take_now(resource_, node_)) {
      lock.unlock();
      if (coop_consume()) return false;
      // The coop budget is spent: yield the turn, holding the resource as
      // if it had been handed over while waiting, so that a cancellation
      // at this yield gives it back (tokio checks the budget first; the
      // effect is the same).
      node_.status = waiter_status::granted;
      holding_or_queued_ = true;
      yield_current(h);
      return true;
    }
    node_.task = suspend_current(h);
    node_.status = waiter_status::queued;
    resource_.waiters_.push_back(&node_);
    holding_or_queued_ = true;
    return true;
  }

  void await_resume() noexcept {
    holding_or_queued_ = false;
    if constexpr (Policy::raced) Policy::settle_race(resource_, node_, frame_);
  }

 private:
  struct no_frame {};

  resource& resource_;
  typename Policy::node node_;
  bool holding_or_queued_ = false;
  // With `Policy::raced`: the awaiting coroutine, whose value is what the
  // awaiter gives (see notify_policy::settle_race).
  [[no_unique_address]] std::conditional_t<Policy::raced, const void*, no_frame> frame_{};
};

// A mutex or a semaphore taken by a select branch that loses, or whose select
// is cancelled, goes back when the branch's guard or permit is destroyed.
struct mutex_policy {
  using resource = mutex;
  static constexpr bool raced = false;
  struct node : waiter {};

  static bool take_now(mutex& m, node&) noexcept {
    if (m.locked_) return false;
    m.locked_ = true;
    return true;
  }
  static void withdraw(mutex& m, node& n) noexcept { m.waiters_.remove(&n); }
  static void give_back(mutex& m, node&) noexcept { m.unlock(); }
};

struct semaphore_policy {
  using resource = semaphore;
  static constexpr bool raced = false;
  // A semaphore waiter and the number of permits it wants.
  struct node : waiter {
    std::size_t count = 0;
  };

  static bool take_now(semaphore& s, node& n) noexcept {
    if (!s.waiters_.empty() || s.permits_ < n.count) return false;
    s.permits_ -= n.count;
    return true;
  }
  static void withdraw(semaphore& s, node& n) noexcept {
    const bool was_first = s.waiters_.front() == &n;
    s.waiters_.remove(&n);
    // The head left: those behind it may fit in the permits now.
    if (was_first) s.grant_waiters();
  }
  static void give_back(semaphore& s, node& n) noexcept { s.add_permits(n.count); }
};

struct notify_policy {
  using resource = notify;
  // A notify waiter: the notify_waiters() round it was created in, and
  // whether a notify_one's permit came to it (which must be passed on if the
  // waiter is cancelled before it runs), rather than a notify_waiters().
  struct node : waiter {
    std::uint64_t round = 0;
    bool by_one = false;
  };

  static bool take_now(notify& n, node& w) noexcept {
    // A notify_waiters() since notified() was called counts (tokio's
    // Notified is registered from its creation).
    if (n.waiters_round_ != w.round) return true;
    if (!n.permit_) return false;
    n.permit_ = false;
    w.by_one = true;
    return true;
  }
  static void withdraw(notify& n, node& w) noexcept { n.waiters_.remove(&w); }
  static void give_back(notify& n, node& w) noexcept {
    if (w.by_one) n.notify_one();
  }

  // A notified() that is a select branch (or timeout's task) and took a
  // notify_one's permit claims the race, as a receive does (see
  // detail/select_race.hpp): if it has lost, it passes the permit on; if it
  // wins, it passes it on only if the select is cancelled before it returns.
  static constexpr bool raced = true;
  static void settle_race(notify& n, node& w, const void* frame) noexcept {
    race_branch branch;
    if (!w.by_one || !find_race(frame, branch)) return;
    if (!branch.race->claim(branch.index)) {
      n.notify_one();
      return;
    }
    branch.race->deferred.take = [](void* out) { static_cast<std::optional<std::monostate>*>(out)->emplace(); };
    branch.race->deferred.give_back = [&n] { n.notify_one(); };
  }
};

}  // namespace detail

// --- mutex

task<mutex_guard> mutex::lock() {
  co_await detail::resource_awaiter<detail::mutex_policy>{*this};
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
  co_await detail::resource_awaiter<detail::semaphore_policy>{*this, count};
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
  while (auto* next = static_cast<detail::semaphore_policy::node*>(waiters_.front())) {
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
  if (auto* next = static_cast<detail::notify_policy::node*>(waiters_.pop_front())) {
    next->status = detail::waiter_status::granted;
    next->by_one = true;
    detail::wake(next->task);
  } else {
    permit_ = true;
  }
}

void notify::notify_waiters() noexcept {
  std::lock_guard lock(state_lock_);
  ++waiters_round_;
  while (detail::waiter* next = waiters_.pop_front()) {
    next->status = detail::waiter_status::granted;
    detail::wake(next->task);
  }
}

task<void> notify::notified() {
  std::uint64_t round = 0;
  {
    std::lock_guard lock(state_lock_);
    round = waiters_round_;
  }
  return wait_since(round);
}

task<void> notify::wait_since(std::uint64_t round) {
  co_await detail::resource_awaiter<detail::notify_policy>{*this, round};
}

}  // namespace asyncrt
