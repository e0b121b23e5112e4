#pragma once

// join(): run several tasks concurrently and wait for all of them, as
// tokio::join!. The result is a tuple of their values (std::monostate for
// void). If one of them throws, the others are cancelled and, once they are
// gone, the exception propagates to the awaiter; what the others gave (a
// value, a second exception) is dropped quietly, as tokio::try_join! does.

#include <asyncrt/detail/child_set.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <utility>

namespace asyncrt {
namespace detail {

// Drops the outcome of every child but the one at `kept`, without reporting
// an exception as a detached task's.
template <class... T, std::size_t... I>
void drop_outcomes_except(child_set<T...>& children, std::size_t kept, std::index_sequence<I...>) noexcept {
  const auto drop = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) noexcept {
    if (J == kept) return;
    try {
      (void)children.template take<J>();
    } catch (...) {
    }
  };
  (drop(std::integral_constant<std::size_t, I>{}), ...);
}

}  // namespace detail

template <class... T>
task<std::tuple<detail::value_or_monostate_t<T>...>> join(task<T>... tasks) {
  constexpr std::size_t count = sizeof...(T);
  detail::child_set<T...> children{spawn(std::move(tasks))...};
  if constexpr (count > 0) {
    const std::array<detail::task_header*, count> all = children.headers();
    for (;;) {
      std::array<detail::task_header*, count> pending{};
      std::size_t pending_count = 0;
      for (std::size_t i = 0; i < count; ++i) {
        if (!detail::is_complete(all[i])) {
          pending[pending_count++] = all[i];
        } else if (children.failed(i)) {
          children.abort_all();
          co_await children.settle();
          // Another child may have failed too before it could be cancelled:
          // only the first failure seen is the join's.
          detail::drop_outcomes_except(children, i, std::index_sequence_for<T...>{});
          children.rethrow_failure(i);
        }
      }
      if (pending_count == 0) break;
      co_await detail::any_complete({pending.data(), pending_count});
    }
  }
  co_return children.take_all();
}

}  // namespace asyncrt
