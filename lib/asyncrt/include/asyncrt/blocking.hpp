#pragma once

// spawn_blocking(): run a blocking closure on the runtime's blocking pool, a
// separate set of threads that grows on demand (up to a bound) and shrinks
// after an idle keep-alive, as tokio::task::spawn_blocking.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <functional>
#include <type_traits>
#include <utility>

namespace asyncrt {
namespace detail {

// The closure becomes the body of a task that the pool's thread runs from
// start to end without suspending.
template <class R, class F>
task<R> blocking_body(F f) {
  co_return std::invoke(std::move(f));
}

template <class F>
join_handle<std::invoke_result_t<F>> spawn_blocking_on(scheduler& sched, F f) {
  using R = std::invoke_result_t<F>;
  task<R> body = blocking_body<R>(std::move(f));
  return handle_access::adopt<R>(spawn_frame(sched, task_access::release(body), true));
}

}  // namespace detail

// Runs `f` on the blocking pool of the calling thread's runtime; awaiting the
// handle yields f's result or rethrows its exception.
template <class F>
join_handle<std::invoke_result_t<F>> spawn_blocking(F f) {
  return detail::spawn_blocking_on(detail::current_scheduler_or_throw("asyncrt::spawn_blocking"), std::move(f));
}

}  // namespace asyncrt
