#pragma once

// notify: wake one or all waiting tasks, as tokio::sync::Notify (an event).
// notify_one() with no one waiting stores a single permit, which the next
// notified() consumes at once; notify_waiters() wakes every notified() that
// has been created (called) before it, awaited yet or not, and stores nothing.
//
//   auto woken = n.notified();      // registered from here, as tokio's Notified
//   if (!ready()) co_await std::move(woken);

#include <asyncrt/detail/waiter_list.hpp>
#include <asyncrt/task.hpp>

#include <cstdint>
#include <mutex>

namespace asyncrt {

namespace detail {
template <class Policy>
class resource_awaiter;
struct notify_policy;
}

class notify {
 public:
  notify() noexcept = default;
  notify(const notify&) = delete;
  notify& operator=(const notify&) = delete;

  void notify_one() noexcept;
  void notify_waiters() noexcept;

  // Completes when the calling task is notified: by a notify_one(), or by a
  // notify_waiters() called after this call (even before the await).
  [[nodiscard]] task<void> notified();

 private:
  template <class Policy>
  friend class detail::resource_awaiter;
  friend struct detail::notify_policy;

  task<void> wait_since(std::uint64_t round);

  std::mutex state_lock_;
  bool permit_ = false;
  std::uint64_t waiters_round_ = 0;  // how many notify_waiters() calls so far
  detail::waiter_list waiters_;
};

}  // namespace asyncrt
