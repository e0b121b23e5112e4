// Mock exec/task.hpp: stdexec's older exec::task, a lazy coroutine type
// declared, as in current stdexec, in namespace experimental::execution
// with exec as its alias.
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
namespace __task {
template <class T> struct default_task_context {};

template <class T, class Context> class [[nodiscard]] basic_task {
public:
  struct promise_type : stdexec::__promise_base<T> {
    basic_task get_return_object() noexcept;
    std::suspend_always initial_suspend() noexcept;
    std::suspend_always final_suspend() noexcept;
    void unhandled_exception() noexcept;
    template <class Awaitable>
    stdexec::__sender_awaiter<Awaitable> await_transform(Awaitable &&a);
  };
  basic_task(basic_task &&) noexcept;
  ~basic_task();
  template <class ParentPromise>
  stdexec::__sender_awaiter<basic_task> as_awaitable(ParentPromise &parent) && noexcept;
  stdexec::__sender_awaiter<basic_task> operator co_await() && noexcept;
};
} // namespace __task

template <class T> using task = __task::basic_task<T, __task::default_task_context<T>>;

namespace __resched {
struct reschedule_t {
  stdexec::__sender operator()() const;
};
} // namespace __resched
inline constexpr auto reschedule = __resched::reschedule_t{};
} // namespace experimental::execution

namespace exec = experimental::execution;
