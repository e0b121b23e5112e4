#pragma once

// The receiving half of a channel with a single consumer (mpsc, oneshot):
// at most one task waits, and what it receives is taken only when it resumes,
// so a receive that is cancelled while it waits loses nothing.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/select_race.hpp>
#include <asyncrt/detail/waiter_list.hpp>

#include <coroutine>
#include <mutex>
#include <optional>
#include <utility>

namespace asyncrt::detail {

// Where the consumer waits; guarded by the channel's lock.
struct receiver_wait {
  // Called under the channel's lock when the consumer may receive (a value
  // arrived, or the channel ended).
  void wake() noexcept {
    if (waiting) {
      waiting->status = waiter_status::granted;
      asyncrt::detail::wake(std::exchange(waiting, nullptr)->task);
    }
  }

  waiter* waiting = nullptr;
};

// Awaits the consumer's turn on `Channel`, which provides `std::mutex lock`,
// `receiver_wait receiver`, `bool can_receive()` (a value is there, or none
// will ever come), `bool can_receive_value()` and `take()` (the value or the
// end; all under the lock). With `IsResult`, the value received is the
// awaiting coroutine's result (it returns it at once): if that coroutine is
// the value of a select() branch, the receive claims the race instead of
// taking the value (see detail/select_race.hpp), and gives what take()
// gives for no value.
template <class Channel, bool IsResult = false>
class [[nodiscard]] receive_awaiter {
 public:
  explicit receive_awaiter(Channel& channel) noexcept : channel_(channel) {}
  receive_awaiter(const receive_awaiter&) = delete;
  receive_awaiter& operator=(const receive_awaiter&) = delete;
  // Reached while waiting only if the task is cancelled: withdraw.
  ~receive_awaiter() {
    if (!waiting_) return;
    std::lock_guard lock(channel_.lock);
    if (channel_.receiver.waiting == &node_) channel_.receiver.waiting = nullptr;
  }

  bool await_ready() const noexcept { return false; }

  bool await_suspend(std::coroutine_handle<> h) {
    frame_ = h.address();
    std::unique_lock lock(channel_.lock);
    if (channel_.can_receive()) {
      lock.unlock();
      return continue_or_yield(h);
    }
    node_.task = suspend_current(h);
    node_.status = waiter_status::queued;
    channel_.receiver.waiting = &node_;
    waiting_ = true;
    return true;
  }

  auto await_resume() {
    waiting_ = false;
    std::lock_guard lock(channel_.lock);
    if constexpr (IsResult) {
      // Under the channel's lock: a value is there, and no one else can
      // take it now.
      race_branch branch;
      if (channel_.can_receive_value() && find_race(frame_, branch)) {
        if (branch.race->claim(branch.index)) {
          branch.race->deferred.take = [&channel = channel_](void* out) {
            std::lock_guard lock(channel.lock);
            static_cast<std::optional<decltype(channel.take())>*>(out)->emplace(channel.take());
          };
        }
        return decltype(channel_.take()){};
      }
    }
    return channel_.take();
  }

 private:
  Channel& channel_;
  const void* frame_ = nullptr;
  waiter node_;
  bool waiting_ = false;
};

}  // namespace asyncrt::detail
