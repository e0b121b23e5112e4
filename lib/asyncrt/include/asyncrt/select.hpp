#pragma once

// select(): run several tasks concurrently; the first to finish wins and the
// others are cancelled, as tokio::select!. The result is a variant whose
// index is the winner's position (std::monostate for a void task); if the
// winner threw, select rethrows. As with tokio::select!, the losers are gone
// (cancelled at their next suspension point, their locals destroyed) by the
// time select returns.

#include <asyncrt/detail/child_set.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <array>
#include <cstddef>
#include <utility>
#include <variant>

namespace asyncrt {

template <class... T>
task<std::variant<detail::value_or_monostate_t<T>...>> select(task<T>... tasks) {
  static_assert(sizeof...(T) > 0, "asyncrt::select needs at least one task");
  detail::child_set<T...> children{spawn(std::move(tasks))...};
  const std::array<detail::task_header*, sizeof...(T)> all = children.headers();
  co_await detail::any_complete(all);
  std::size_t winner = 0;
  while (!detail::is_complete(all[winner])) ++winner;
  children.abort_all();
  co_await children.settle();
  co_return children.take_one(winner);
}

}  // namespace asyncrt
