#pragma once

// notify: wake one or all waiting tasks, as tokio::sync::Notify (an event).
// notify_one() with no one waiting stores a single permit, which the next
// notified() consumes at once; notify_waiters() wakes those waiting now only.

#include <asyncrt/detail/waiter_list.hpp>
#include <asyncrt/task.hpp>

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

  // Completes when the calling task is notified.
  [[nodiscard]] task<void> notified();

 private:
  template <class Policy>
  friend class detail::resource_awaiter;
  friend struct detail::notify_policy;

  std::mutex state_lock_;
  bool permit_ = false;
  detail::waiter_list waiters_;
};

}  // namespace asyncrt
