#pragma once

// task<T>: the lazy coroutine type of asyncrt. Calling a coroutine that
// returns task<T> allocates its frame and runs nothing; `co_await`-ing the task
// runs it on the awaiting thread and yields its value or rethrows its
// exception. Dropping a task that was never awaited destroys it unrun.
//
// A task<void> may also stand for one of the runtime's leaf operations
// (yield_now, sleep_for, sleep_until) without any coroutine frame: awaiting
// it runs the operation in place, with its state (a timer entry) in the
// awaiter, inside the awaiting coroutine's frame. A million sleeping tasks
// then cost a million frames, not two million, and a yield allocates
// nothing. Spawning such a task wraps it in a coroutine first.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/task_header.hpp>
#include <asyncrt/detail/timer.hpp>

#include <algorithm>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace asyncrt {

template <class T = void>
class task;

namespace detail {

class promise_base;

// The await of a task by a coroutine (the task_awaiter, in the awaiting
// frame). It owns the awaited frame from the start of the await to its end.
// The two frames are linked both ways: the awaited task's promise keeps the
// awaiting coroutine, which its final awaiter resumes, and the awaiting
// task's promise keeps this link while the await lasts, so that
// cancellation can walk a chain of awaits and destroy it innermost first,
// without recursion (see destroy_task_frame).
struct task_await_link {
  std::coroutine_handle<> callee;          // the awaited frame; null once it is gone
  promise_base* caller_promise = nullptr;  // the awaiting coroutine's promise, when it is a task's
};

// Destroys a task's frame (the caller owns it) and, innermost first, the
// chain of tasks it is awaiting. Out of line, and the only way a task frame
// is destroyed: were the destruction visible where a task is awaited in
// place, clang would allocate the awaited frame inside the awaiting one
// (coroutine elision, -Rpass=coro-elide) without calling the promise's
// operator new, and the task header in front of the frame would not exist.
void destroy_task_frame(std::coroutine_handle<> frame) noexcept;

// Called by a task's unhandled_exception when the exception comes from a
// destructor run by destroy_task_frame (a cancelled task's locals): reports
// it as a detached task's exception is reported (no one can observe it any
// more), and tells destroy_task_frame that the frame stopped at its final
// suspend point instead of freeing itself.
void destruction_failed(std::exception_ptr failure) noexcept;

class promise_base {
 public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }

    // Symmetric transfer: returning the awaiter's handle makes the compiler
    // resume it as a tail call, so a chain of tasks that complete one after
    // another without suspending runs in constant stack space.
    template <class Promise>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> h) noexcept {
      Promise& promise = h.promise();
      if (promise.continuation_) return promise.continuation_;
      // No awaiter: this is the root of a spawned task. Its outcome is
      // already in the result slot; the thread running it destroys the frame
      // once resume() has returned (not here: the frame must outlive this call).
      complete_root(header_of<typename Promise::value_type>(h.address()));
      return std::noop_coroutine();
    }

    void await_resume() const noexcept {}
  };

  // Lazy: the body starts only when the task is awaited or spawned. (The
  // analyzer recognises task types by exactly this return type.)
  std::suspend_always initial_suspend() const noexcept { return {}; }
  final_awaiter final_suspend() const noexcept { return {}; }

  // The await of this task by `caller` has begun (see task_await::start).
  void set_awaited_by(std::coroutine_handle<> caller, task_await_link* link) noexcept {
    continuation_ = caller;
    if (link->caller_promise) link->caller_promise->awaiting_ = link;
  }

  // The await has ended: the awaiting frame awaits nothing now.
  static void end_await(task_await_link& link) noexcept {
    if (link.caller_promise) link.caller_promise->awaiting_ = nullptr;
  }

 protected:
  // Whether the frame is being destroyed by destroy_task_frame: a destructor
  // that throws then reaches unhandled_exception, and the final awaiter.
  [[nodiscard]] bool being_destroyed() const noexcept { return continuation_ == destroying; }

 private:
  friend void destroy_task_frame(std::coroutine_handle<> frame) noexcept;

  // Where the final awaiter of a frame being destroyed goes: nowhere. (One
  // object for the whole program: the standard leaves it open whether two
  // noop_coroutine() handles compare equal.)
  static inline const std::coroutine_handle<> destroying = std::noop_coroutine();

  std::coroutine_handle<> continuation_;   // the coroutine awaiting this task, if any (null: a spawned task's root)
  task_await_link* awaiting_ = nullptr;    // the await of a task in progress in this frame, if any
};

// The promise keeps no outcome of its own: every task<T> frame has a header
// and a result slot in front of it (see allocate_frame), and the value or
// exception goes straight there. An awaiting coroutine takes it from the
// slot; for a spawned task it simply stays there, for the join_handle, once
// the frame is gone. (One copy of the value, and a smaller frame.)
template <class T>
class task_promise final : public promise_base {
 public:
  using value_type = T;

  static void* operator new(std::size_t size) { return allocate_frame<T>(size); }
  static void operator delete(void* frame) noexcept { deallocate_frame<T>(frame); }

  task<T> get_return_object() noexcept;
  void unhandled_exception() noexcept {
    if (being_destroyed()) destruction_failed(std::current_exception());
    else slot()->set_failure(std::current_exception());
  }

  template <class U = T>
    requires std::is_constructible_v<T, U&&>
  void return_value(U&& value) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    slot()->store(std::forward<U>(value));
  }

  T take() {
    result_slot<T>* s = slot();
    if (s->failed()) std::rethrow_exception(s->failure());
    return std::move(*s->value());
  }

 private:
  result_slot<T>* slot() noexcept {
    return typed_slot_of<T>(header_of<T>(std::coroutine_handle<task_promise>::from_promise(*this).address()));
  }
};

template <>
class task_promise<void> final : public promise_base {
 public:
  using value_type = void;

  static void* operator new(std::size_t size) { return allocate_frame<void>(size); }
  static void operator delete(void* frame) noexcept { deallocate_frame<void>(frame); }

  task<void> get_return_object() noexcept;
  void unhandled_exception() noexcept {
    if (being_destroyed()) destruction_failed(std::current_exception());
    else slot()->set_failure(std::current_exception());
  }
  void return_void() noexcept {}
  void take() {
    if (slot()->failed()) std::rethrow_exception(slot()->failure());
  }

 private:
  result_slot<void>* slot() noexcept {
    return typed_slot_of<void>(header_of<void>(std::coroutine_handle<task_promise>::from_promise(*this).address()));
  }
};

// The frame walk of destroy_task_frame sees every task's promise as a
// promise_base: the promise's place in a frame depends on its alignment only.
static_assert(alignof(task_promise<int>) == alignof(promise_base) &&
              alignof(task_promise<void>) == alignof(promise_base));

inline promise_base& promise_of(std::coroutine_handle<> frame) noexcept {
  return std::coroutine_handle<promise_base>::from_address(frame.address()).promise();
}

struct task_access;

// The leaf operation a frameless task<void> stands for. Packed into 8 bytes:
// the task<void> that a sleep returns stays in the awaiting frame until the
// await ends, and a million sleeping tasks are a million such frames.
struct leaf_operation {
  enum class kind : std::uint8_t { none, yield, sleep_for, sleep_until };
  // About 73 years of nanoseconds, and of steady_clock ticks since boot:
  // ticks at or beyond it mean "forever", at or below its negation "now".
  static constexpr std::int64_t max_ticks = (std::int64_t{1} << 61) - 1;

  kind op : 2 = kind::none;
  std::int64_t ticks : 62 = 0;  // sleep_for: nanoseconds to sleep; sleep_until: the deadline's clock ticks

  // The deadline of a sleep that starts now.
  [[nodiscard]] clock::time_point deadline() const noexcept {
    if (ticks == max_ticks) return clock::time_point::max();
    if (op == kind::sleep_for) return deadline_after(std::chrono::nanoseconds(ticks));
    return clock::time_point(clock::duration(ticks));
  }
};
static_assert(sizeof(leaf_operation) == 8);

// task<T>'s storage for a leaf operation: only task<void> has one, so every
// other task stays a single pointer.
template <class T>
struct leaf_storage {
  explicit operator bool() const noexcept { return false; }
};
template <>
struct leaf_storage<void> : leaf_operation {
  explicit operator bool() const noexcept { return op != kind::none; }
};

// The part of awaiting a task<T> that is the same for every T: the awaiter
// takes the frame over from the task, starts its coroutine by symmetric
// transfer (its final awaiter transfers back) and destroys it at the end of
// the await.
class task_await : private task_await_link {
 public:
  explicit task_await(std::coroutine_handle<> frame) noexcept : task_await_link{frame, nullptr} {}
  task_await(const task_await&) = delete;
  task_await& operator=(const task_await&) = delete;
  ~task_await() {
    promise_base::end_await(*this);
    if (callee) destroy_task_frame(callee);
  }

  // The caller's promise type tells whether it is a task's, whose frame is
  // then linked to the awaited one.
  template <class Promise>
  std::coroutine_handle<> start(std::coroutine_handle<Promise> awaiting) noexcept {
    if constexpr (std::is_base_of_v<promise_base, Promise>) caller_promise = &awaiting.promise();
    promise_of(callee).set_awaited_by(awaiting, this);
    return callee;
  }

  // The awaited task's value, or its exception rethrown.
  template <class T>
  T take() {
    return std::coroutine_handle<task_promise<T>>::from_address(callee.address()).promise().take();
  }
};

// Awaits a task<T>.
template <class T>
class [[nodiscard]] task_awaiter : private task_await {
 public:
  task_awaiter(std::coroutine_handle<task_promise<T>> h, const leaf_storage<T>&) noexcept : task_await(h) {}
  bool await_ready() const noexcept { return false; }
  template <class Promise>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> awaiting) noexcept {
    return start(awaiting);
  }
  T await_resume() { return take<T>(); }
};

// Awaits a task<void>: a coroutine as above, or a leaf operation run here.
// An await is one or the other, so the coroutine's link and the sleep's
// timer entry share their storage: a sleeping frame holds the entry only.
template <>
class [[nodiscard]] task_awaiter<void> {
 public:
  task_awaiter(std::coroutine_handle<task_promise<void>> h, const leaf_operation& leaf) noexcept : leaf_(leaf) {
    if (leaf_.op == leaf_operation::kind::none) ::new (static_cast<void*>(&frame_)) task_await(h);
    else if (sleeps()) ::new (static_cast<void*>(&entry_)) timer_entry{};
  }
  task_awaiter(const task_awaiter&) = delete;
  task_awaiter& operator=(const task_awaiter&) = delete;
  // Reached with the timer still registered only when the sleeping task is
  // cancelled; after a normal wake-up the timer has already removed it.
  ~task_awaiter() {
    if (leaf_.op == leaf_operation::kind::none) frame_.~task_await();
    else if (sleeps() && entry_.task) timer_cancel(entry_);
  }

  bool await_ready() noexcept {
    if (!sleeps()) return false;
    // A task is lazy: the sleep is counted from here, not from the call.
    entry_.deadline = leaf_.deadline();
    return entry_.deadline <= clock::now() && coop_consume();
  }

  template <class Promise>
  std::coroutine_handle<> await_suspend(std::coroutine_handle<Promise> awaiting) {
    if (leaf_.op == leaf_operation::kind::none) return frame_.start(awaiting);
    // Sets entry_.task: the sleep is registered until it resumes.
    if (sleeps()) timer_register(entry_, awaiting);
    else yield_current(awaiting);
    // Back to the worker, which requeues the task (a yield) or leaves it to
    // the timer.
    return std::noop_coroutine();
  }

  void await_resume() {
    if (leaf_.op == leaf_operation::kind::none) frame_.take<void>();
    else if (sleeps()) entry_.task = nullptr;
  }

 private:
  [[nodiscard]] bool sleeps() const noexcept {
    return leaf_.op == leaf_operation::kind::sleep_for || leaf_.op == leaf_operation::kind::sleep_until;
  }

  union {
    task_await frame_;   // leaf_ is none: the awaited coroutine
    timer_entry entry_;  // leaf_ is a sleep
  };
  leaf_operation leaf_;
};

}  // namespace detail

template <class T>
class [[nodiscard]] task {
  static_assert(!std::is_reference_v<T>, "asyncrt::task<T&> is not supported; return a pointer or a value");

 public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  task() noexcept = default;
  task(task&& other) noexcept
      : handle_(std::exchange(other.handle_, {})), leaf_(std::exchange(other.leaf_, detail::leaf_storage<T>())) {}
  task& operator=(task&& other) noexcept {
    if (this != &other) {
      if (handle_) detail::destroy_task_frame(handle_);
      handle_ = std::exchange(other.handle_, {});
      leaf_ = std::exchange(other.leaf_, detail::leaf_storage<T>());
    }
    return *this;
  }
  task(const task&) = delete;
  task& operator=(const task&) = delete;
  ~task() {
    if (handle_) detail::destroy_task_frame(handle_);
  }

  // False for a moved-from, awaited or default-constructed task.
  [[nodiscard]] bool valid() const noexcept { return handle_ || leaf_; }

  using awaiter = detail::task_awaiter<T>;

  awaiter operator co_await() & { return take_awaiter(); }
  awaiter operator co_await() && { return take_awaiter(); }

 private:
  friend promise_type;
  friend struct detail::task_access;

  explicit task(std::coroutine_handle<promise_type> h) noexcept : handle_(h) {}
  explicit task(detail::leaf_storage<T> leaf) noexcept : leaf_(leaf) {}

  // Awaiting consumes the task: its frame (or leaf operation) moves into
  // the awaiter, and awaiting the task again is an error.
  awaiter take_awaiter() {
    if (leaf_) return awaiter{handle_, std::exchange(leaf_, detail::leaf_storage<T>())};
    if (!handle_) throw std::logic_error("asyncrt::task: awaited an empty or finished task");
    return awaiter{std::exchange(handle_, {}), leaf_};
  }

  std::coroutine_handle<promise_type> handle_;
  [[no_unique_address]] detail::leaf_storage<T> leaf_;
};

namespace detail {

template <class T>
task<T> task_promise<T>::get_return_object() noexcept {
  return task<T>{std::coroutine_handle<task_promise<T>>::from_promise(*this)};
}

inline task<void> task_promise<void>::get_return_object() noexcept {
  return task<void>{std::coroutine_handle<task_promise<void>>::from_promise(*this)};
}

// The coroutine that a spawned leaf operation runs in.
inline task<void> leaf_in_frame(task<void> leaf) { co_await std::move(leaf); }

struct task_access {
  // Takes the frame out of `t`: the caller becomes its owner. Returns the
  // header in front of it.
  template <class T>
  static task_header* release(task<T>& t) {
    if constexpr (std::is_void_v<T>) {
      if (t.leaf_) {
        task<void> framed = leaf_in_frame(std::move(t));
        return release(framed);
      }
    }
    if (!t.handle_) throw std::logic_error("asyncrt: spawned an empty task");
    return header_of<T>(std::exchange(t.handle_, {}).address());
  }

  // The frame of `t`'s coroutine (null for a leaf operation): it stays
  // where it is when `t` is moved, awaited or spawned.
  template <class T>
  static const void* frame(const task<T>& t) noexcept {
    return t.handle_.address();
  }

  static task<void> leaf(leaf_operation::kind op, std::int64_t ticks) noexcept {
    leaf_storage<void> storage;
    storage.op = op;
    storage.ticks = std::clamp(ticks, -leaf_operation::max_ticks, leaf_operation::max_ticks);
    return task<void>{storage};
  }
};

}  // namespace detail
}  // namespace asyncrt
