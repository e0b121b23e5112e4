#pragma once

// mpsc: multi-producer, single-consumer channels, as tokio::sync::mpsc.
//
//   auto [tx, rx] = asyncrt::mpsc::channel<int>(16);   // bounded: send waits for room
//   auto [tx, rx] = asyncrt::mpsc::unbounded_channel<int>();
//   co_await tx.send(1);                               // mpsc::send_error once the receiver is gone
//   std::optional<int> v = co_await rx.recv();         // nullopt once the channel is closed and drained
//
// Senders are copyable; the channel closes when the last one is destroyed or
// when the receiver closes it. Closing or destroying the receiver fails
// pending and later sends; what is buffered can still be received.

#include <asyncrt/detail/receive_awaiter.hpp>
#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/waiter_list.hpp>
#include <asyncrt/task.hpp>

#include <coroutine>
#include <cstddef>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

namespace asyncrt::mpsc {

class send_error : public std::runtime_error {
 public:
  send_error() : std::runtime_error("asyncrt::mpsc: the receiver is closed") {}
};

template <class T>
class sender;
template <class T>
class receiver;

namespace detail {

using asyncrt::detail::waiter;
using asyncrt::detail::waiter_list;
using asyncrt::detail::waiter_status;

template <class T>
struct send_waiter : waiter {
  std::optional<T> value;
};

// Shared by the senders and the receiver; every member is guarded by `lock`,
// which is never held across a suspension.
template <class T>
struct channel_state {
  explicit channel_state(std::size_t cap) : capacity(cap) {}

  // Moves the first blocked sender's value into the buffer, if there is room.
  void admit_waiting_sender() {
    if (send_waiters.empty() || buffer.size() >= capacity) return;
    auto* w = static_cast<send_waiter<T>*>(send_waiters.pop_front());
    buffer.push_back(std::move(*w->value));
    w->status = waiter_status::granted;
    asyncrt::detail::wake(w->task);
  }

  // A value, or none will ever come (no sender left, or the receiver closed).
  bool can_receive() const noexcept { return !buffer.empty() || senders == 0 || receiver_closed; }

  bool can_receive_value() const noexcept { return !buffer.empty(); }

  // The first buffered value, letting a blocked sender in; nullopt if empty.
  std::optional<T> take() {
    if (buffer.empty()) return std::nullopt;
    std::optional<T> value{std::move(buffer.front())};
    buffer.pop_front();
    admit_waiting_sender();
    return value;
  }

  // The receiver closed: fail every blocked sender.
  void reject_senders() noexcept {
    while (waiter* w = send_waiters.pop_front()) {
      w->status = waiter_status::closed;
      asyncrt::detail::wake(w->task);
    }
  }

  std::mutex lock;
  std::deque<T> buffer;
  const std::size_t capacity;
  std::size_t senders = 1;
  bool receiver_closed = false;
  waiter_list send_waiters;
  asyncrt::detail::receiver_wait receiver;
};

template <class T>
class [[nodiscard]] send_awaiter {
 public:
  send_awaiter(channel_state<T>& state, T value) : state_(state) { node_.value.emplace(std::move(value)); }
  send_awaiter(const send_awaiter&) = delete;
  send_awaiter& operator=(const send_awaiter&) = delete;
  ~send_awaiter() {
    if (!waiting_) return;
    std::lock_guard lock(state_.lock);
    if (node_.status == waiter_status::queued) state_.send_waiters.remove(&node_);
  }

  bool await_ready() const noexcept { return false; }

  bool await_suspend(std::coroutine_handle<> h) {
    std::unique_lock lock(state_.lock);
    if (state_.receiver_closed) {
      node_.status = waiter_status::closed;
      return false;
    }
    if (state_.send_waiters.empty() && state_.buffer.size() < state_.capacity) {
      state_.buffer.push_back(std::move(*node_.value));
      node_.status = waiter_status::granted;
      state_.receiver.wake();
      lock.unlock();
      return asyncrt::detail::continue_or_yield(h);
    }
    node_.task = asyncrt::detail::suspend_current(h);
    node_.status = waiter_status::queued;
    state_.send_waiters.push_back(&node_);
    waiting_ = true;
    return true;
  }

  void await_resume() {
    waiting_ = false;
    if (node_.status == waiter_status::closed) throw send_error{};
  }

 private:
  channel_state<T>& state_;
  send_waiter<T> node_;
  bool waiting_ = false;
};

}  // namespace detail

template <class T>
class sender {
 public:
  sender(const sender& other) : state_(other.state_) {
    if (state_) {
      std::lock_guard lock(state_->lock);
      ++state_->senders;
    }
  }
  sender(sender&&) noexcept = default;
  sender& operator=(const sender& other) {
    if (this != &other) *this = sender(other);
    return *this;
  }
  sender& operator=(sender&& other) noexcept {
    if (this != &other) {
      drop();
      state_ = std::move(other.state_);
    }
    return *this;
  }
  ~sender() { drop(); }

  // Waits for room in the buffer, then sends; throws send_error if the
  // receiver is (or becomes, while waiting) closed.
  [[nodiscard]] task<void> send(T value) {
    co_await detail::send_awaiter<T>{*state_, std::move(value)};
  }

  // Sends if there is room now. On false (full or closed) `value` is left as it was.
  [[nodiscard]] bool try_send(T& value) { return try_send_impl(value); }
  [[nodiscard]] bool try_send(T&& value) { return try_send_impl(value); }

  [[nodiscard]] bool is_closed() const {
    std::lock_guard lock(state_->lock);
    return state_->receiver_closed;
  }

 private:
  template <class U>
  friend std::pair<sender<U>, receiver<U>> channel(std::size_t);
  template <class U>
  friend std::pair<sender<U>, receiver<U>> unbounded_channel();

  explicit sender(std::shared_ptr<detail::channel_state<T>> state) noexcept : state_(std::move(state)) {}

  bool try_send_impl(T& value) {
    std::lock_guard lock(state_->lock);
    if (state_->receiver_closed || !state_->send_waiters.empty() || state_->buffer.size() >= state_->capacity)
      return false;
    state_->buffer.push_back(std::move(value));
    state_->receiver.wake();
    return true;
  }

  void drop() noexcept {
    if (!state_) return;
    {
      std::lock_guard lock(state_->lock);
      if (--state_->senders == 0) state_->receiver.wake();
    }
    state_.reset();
  }

  std::shared_ptr<detail::channel_state<T>> state_;
};

template <class T>
class receiver {
 public:
  receiver(receiver&&) noexcept = default;
  receiver& operator=(receiver&& other) noexcept {
    if (this != &other) {
      drop();
      state_ = std::move(other.state_);
    }
    return *this;
  }
  receiver(const receiver&) = delete;
  receiver& operator=(const receiver&) = delete;
  ~receiver() { drop(); }

  // The next value; nullopt once the channel is closed (every sender gone,
  // or close() called) and drained. Cancel-safe: a value is taken only when
  // the receive completes, and a receive that loses a select() takes none.
  [[nodiscard]] task<std::optional<T>> recv() {
    co_return co_await asyncrt::detail::receive_awaiter<detail::channel_state<T>, true>{*state_};
  }

  // The next value if one is buffered now.
  [[nodiscard]] std::optional<T> try_recv() {
    std::lock_guard lock(state_->lock);
    return state_->take();
  }

  // Refuses further sends; what is buffered can still be received, and then
  // recv() gives nullopt even while senders are alive.
  void close() {
    std::lock_guard lock(state_->lock);
    state_->receiver_closed = true;
    state_->reject_senders();
    state_->receiver.wake();
  }

 private:
  template <class U>
  friend std::pair<sender<U>, receiver<U>> channel(std::size_t);
  template <class U>
  friend std::pair<sender<U>, receiver<U>> unbounded_channel();

  explicit receiver(std::shared_ptr<detail::channel_state<T>> state) noexcept : state_(std::move(state)) {}

  void drop() noexcept {
    if (!state_) return;
    std::deque<T> dropped;
    {
      std::lock_guard lock(state_->lock);
      state_->receiver_closed = true;
      state_->reject_senders();
      dropped.swap(state_->buffer);
    }
    state_.reset();
  }

  std::shared_ptr<detail::channel_state<T>> state_;
};

// A channel whose buffer holds at most `capacity` values (at least 1).
template <class T>
std::pair<sender<T>, receiver<T>> channel(std::size_t capacity) {
  if (capacity == 0) throw std::invalid_argument("asyncrt::mpsc::channel: capacity must be at least 1");
  auto state = std::make_shared<detail::channel_state<T>>(capacity);
  return {sender<T>{state}, receiver<T>{state}};
}

// A channel whose sends never wait.
template <class T>
std::pair<sender<T>, receiver<T>> unbounded_channel() {
  auto state = std::make_shared<detail::channel_state<T>>(std::numeric_limits<std::size_t>::max());
  return {sender<T>{state}, receiver<T>{state}};
}

}  // namespace asyncrt::mpsc
