#pragma once

// oneshot: a channel for a single value, as tokio::sync::oneshot.
//
//   auto [tx, rx] = asyncrt::oneshot::channel<int>();
//   tx.send(42);              // false if the receiver is gone
//   int v = co_await rx;      // oneshot::recv_error if the sender was dropped unsent, or rx closed first

#include <asyncrt/detail/receive_awaiter.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

namespace asyncrt::oneshot {

class recv_error : public std::runtime_error {
 public:
  recv_error() : std::runtime_error("asyncrt::oneshot: the channel closed without a value") {}
};

template <class T>
class sender;
template <class T>
class receiver;

namespace detail {

template <class T>
struct oneshot_state {
  // The value is there, or it never will be.
  bool can_receive() const noexcept { return sender_done || receiver_closed; }

  // Takes the value; recv_error if there is none.
  T take() {
    if (!value) throw recv_error{};
    T taken = std::move(*value);
    value.reset();
    return taken;
  }

  std::mutex lock;
  std::optional<T> value;
  bool sender_done = false;      // sent, or dropped without sending
  bool receiver_closed = false;  // closed or dropped
  asyncrt::detail::receiver_wait receiver;
};

}  // namespace detail

template <class T>
class sender {
 public:
  sender(sender&&) noexcept = default;
  sender& operator=(sender&& other) noexcept {
    if (this != &other) {
      drop();
      state_ = std::move(other.state_);
    }
    return *this;
  }
  sender(const sender&) = delete;
  sender& operator=(const sender&) = delete;
  ~sender() { drop(); }

  // Delivers the value; false (the value is dropped) if the receiver is gone
  // or a value was already sent.
  bool send(T value) {
    if (!state_) return false;
    std::lock_guard lock(state_->lock);
    if (state_->receiver_closed || state_->sender_done) return false;
    state_->value.emplace(std::move(value));
    state_->sender_done = true;
    state_->receiver.wake();
    return true;
  }

  [[nodiscard]] bool is_closed() const {
    std::lock_guard lock(state_->lock);
    return state_->receiver_closed;
  }

 private:
  template <class U>
  friend std::pair<sender<U>, receiver<U>> channel();

  explicit sender(std::shared_ptr<detail::oneshot_state<T>> state) noexcept : state_(std::move(state)) {}

  void drop() noexcept {
    if (!state_) return;
    {
      std::lock_guard lock(state_->lock);
      state_->sender_done = true;
      state_->receiver.wake();
    }
    state_.reset();
  }

  std::shared_ptr<detail::oneshot_state<T>> state_;
};

template <class T>
class receiver {
 public:
  receiver(receiver&&) noexcept = default;
  receiver& operator=(receiver&& other) noexcept {
    if (this != &other) {
      close();
      state_ = std::move(other.state_);
    }
    return *this;
  }
  receiver(const receiver&) = delete;
  receiver& operator=(const receiver&) = delete;
  ~receiver() { close(); }

  using awaiter = asyncrt::detail::receive_awaiter<detail::oneshot_state<T>>;

  // The value, once sent; recv_error if the sender is dropped without
  // sending, or if close() came first (at once, as tokio's).
  awaiter operator co_await() & { return awaiter{checked_state()}; }
  awaiter operator co_await() && { return awaiter{checked_state()}; }

  // The value if it has been sent (taking it).
  [[nodiscard]] std::optional<T> try_recv() {
    std::lock_guard lock(checked_state().lock);
    return std::exchange(state_->value, std::nullopt);
  }

  // Refuses the value: a later send() returns false. A value sent before
  // can still be received.
  void close() noexcept {
    if (!state_) return;
    std::lock_guard lock(state_->lock);
    state_->receiver_closed = true;
    state_->receiver.wake();
  }

 private:
  template <class U>
  friend std::pair<sender<U>, receiver<U>> channel();

  explicit receiver(std::shared_ptr<detail::oneshot_state<T>> state) noexcept : state_(std::move(state)) {}

  detail::oneshot_state<T>& checked_state() const {
    if (!state_) throw std::logic_error("asyncrt::oneshot::receiver: used after move");
    return *state_;
  }

  std::shared_ptr<detail::oneshot_state<T>> state_;
};

template <class T>
std::pair<sender<T>, receiver<T>> channel() {
  auto state = std::make_shared<detail::oneshot_state<T>>();
  return {sender<T>{state}, receiver<T>{state}};
}

}  // namespace asyncrt::oneshot
