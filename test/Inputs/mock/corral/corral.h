// Mock corral/corral.h: the shape of corral's (hudson-trading/corral) public
// API that the profile tests use: the lazy Task, run(), the combiners,
// nurseries, the Semaphore and yield.
#pragma once
#include <coroutine>
#include <utility>

namespace corral {
template <class T = void> class [[nodiscard]] Task;

namespace detail {
template <class T> struct TaskAwaiter {
  bool await_ready() const noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<>);
  T await_resume();
};
template <class T> struct Promise {
  Task<T> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  template <class V> void return_value(V &&);
  void unhandled_exception();
};
template <> struct Promise<void> {
  Task<void> get_return_object();
  std::suspend_always initial_suspend() noexcept;
  std::suspend_always final_suspend() noexcept;
  void return_void();
  void unhandled_exception();
};
struct AllOf {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
} // namespace detail

template <class T> class [[nodiscard]] Task {
public:
  using promise_type = detail::Promise<T>;
  Task() = default;
  Task(Task &&) noexcept;
  detail::TaskAwaiter<T> operator co_await() noexcept;
};

template <class EventLoop, class T> T run(EventLoop &eventLoop, Task<T> &&awaitable);

template <class... Awaitables> detail::AllOf anyOf(Awaitables &&...awaitables);
template <class... Awaitables> detail::AllOf allOf(Awaitables &&...awaitables);

template <class Policy> class BasicNursery {
public:
  template <class Callable, class... Args> void start(Callable callable, Args... args) {}
  void cancel();
};
struct DefaultPolicy {};
using Nursery = BasicNursery<DefaultPolicy>;

namespace detail {
struct NurseryOpener {
  Task<void> operator()(Nursery *&ptr) const;
};
} // namespace detail
static constexpr detail::NurseryOpener openNursery{};

class Semaphore {
public:
  class [[nodiscard]] Lock {
  public:
    Lock(Lock &&) noexcept;
    ~Lock();
  };
  struct LockAwaiter {
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<>);
    Lock await_resume();
  };
  explicit Semaphore(unsigned initial = 1);
  detail::AllOf acquire();
  bool tryAcquire() noexcept;
  LockAwaiter lock();
  void release();
};

namespace detail {
struct Yield {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const;
  void await_resume() const;
};
} // namespace detail
static constexpr detail::Yield yield{};
} // namespace corral
