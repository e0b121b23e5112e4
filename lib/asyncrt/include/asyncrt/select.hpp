#pragma once

// select(): run several tasks concurrently; the first to finish wins and the
// others are cancelled, as tokio::select!. The result is a variant whose
// index is the winner's position (std::monostate for a void task); if the
// winner threw, select rethrows. As with tokio::select!, the losers are gone
// (cancelled at their next suspension point, their locals destroyed) by the
// time select returns, and a channel receive (`rx.recv()` as a branch)
// loses no message: a losing one has taken none, even if it was ready at the
// same moment as the winner, and a winning one's message stays in the
// channel until select returns it, so cancelling the select (an abort, an
// outer timeout) leaves it there (see detail/select_race.hpp).

#include <asyncrt/detail/child_set.hpp>
#include <asyncrt/detail/select_race.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <array>
#include <coroutine>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace asyncrt {
namespace detail {

// The branches of one race in the race registry, from before their spawn
// until the race's coroutine frame is destroyed; each keeps a reference to
// its task, so that no other task can reuse a header still registered.
template <std::size_t N>
class race_entries {
 public:
  explicit race_entries(select_race& race) noexcept : race_(race) {}
  race_entries(const race_entries&) = delete;
  race_entries& operator=(const race_entries&) = delete;
  ~race_entries() {
    for (; count_ > 0; --count_) {
      leave_race(tasks_[count_ - 1]);
      release(tasks_[count_ - 1]);
    }
  }

  // Spawns `t` as branch `index`, registered first. The branch's value is
  // that of the coroutine `result_frame`, or of `t`'s own if null.
  template <class T>
  join_handle<T> spawn(scheduler& sched, std::size_t index, task<T> t, const void* result_frame) {
    task_header* header = task_access::release(t);
    enter_race(header, result_frame ? result_frame : frame_of(header), race_, index);
    try {
      spawn_frame(sched, header, false);
    } catch (...) {
      leave_race(header);
      throw;
    }
    header->refs.fetch_add(1, std::memory_order_relaxed);
    tasks_[count_++] = header;
    return handle_access::adopt<T>(header);
  }

 private:
  select_race& race_;
  std::array<task_header*, N> tasks_{};
  std::size_t count_ = 0;
};

// Awaiting it gives the address of the awaiting coroutine's frame.
struct this_frame {
  const void* frame = nullptr;
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> h) noexcept {
    frame = h.address();
    return false;
  }
  const void* await_resume() const noexcept { return frame; }
};

// Calls `f(std::integral_constant<std::size_t, I>{})` for I == `index`.
template <std::size_t I = 0, std::size_t N, class F>
decltype(auto) with_index(std::size_t index, F&& f) {
  if constexpr (I + 1 < N) {
    if (index != I) return with_index<I + 1, N>(index, std::forward<F>(f));
  }
  return std::forward<F>(f)(std::integral_constant<std::size_t, I>{});
}

// Makes the variant of a race whose branch `index` has not taken its value:
// `take` emplaces it into the std::optional it is given.
template <class Variant>
Variant take_deferred(const std::function<void(void*)>& take, std::size_t index) {
  return with_index<0, std::variant_size_v<Variant>>(index, [&take](auto i) {
    constexpr std::size_t I = decltype(i)::value;
    std::optional<std::variant_alternative_t<I, Variant>> value;
    take(&value);
    return Variant{std::in_place_index<I>, std::move(*value)};
  });
}

// The select of `tasks`, whose value is `Project::apply` of the winner's
// variant. `result_frames[i]`: the coroutine frame whose value is branch i's
// value, if not the root of its task (timeout's first_run_gate).
template <class Project, std::size_t... I, class... T>
task<typename Project::result_type> run_race(std::index_sequence<I...>,
                                             std::array<const void*, sizeof...(T)> result_frames, task<T>... tasks) {
  static_assert(sizeof...(T) > 0, "asyncrt::select needs at least one task");
  using values = std::variant<value_or_monostate_t<T>...>;
  using result_type = typename Project::result_type;
  scheduler& sched = current_scheduler_or_throw("asyncrt::select");
  select_race race;
  race_entries<sizeof...(T)> entries{race};
  child_set<T...> children{entries.spawn(sched, I, std::move(tasks), result_frames[I])...};
  // If this task is cancelled: no branch may win any more (a receive then
  // takes nothing), before the branches are dropped.
  struct close_first {
    select_race& race;
    ~close_first() { race.claim(select_race::cancelled); }
  } close_on_cancel{race};
  const std::array<task_header*, sizeof...(T)> all = children.headers();
  co_await any_complete(all);
  std::size_t first = 0;
  while (!is_complete(all[first])) ++first;
  // A receive may have won while taking its message; it completes without
  // suspending again, so settle() waits for it as for any loser.
  const std::size_t winner = race.claim(first) ? first : race.winner();
  children.abort_all();
  co_await children.settle();
  if (race.deferred) {
    race_branch outer;
    if (!find_race(co_await this_frame{}, outer)) {
      values value = take_deferred<values>(race.deferred.take, winner);
      race.deferred.give_back = nullptr;
      co_return Project::apply(std::move(value));
    }
    // This select is itself the value of a branch: its race takes the
    // value, if it is won (this select's own value is then not used); if it
    // is lost, `race` gives the value back when it is destroyed.
    if (outer.race->claim(outer.index)) {
      outer.race->deferred.take = [take = std::move(race.deferred.take), winner](void* out) {
        auto& slot = *static_cast<std::optional<value_or_monostate_t<result_type>>*>(out);
        if constexpr (std::is_void_v<result_type>) {
          Project::apply(take_deferred<values>(take, winner));
          slot.emplace();
        } else {
          slot.emplace(Project::apply(take_deferred<values>(take, winner)));
        }
      };
      outer.race->deferred.give_back = std::move(race.deferred.give_back);
      race.deferred = {};
    }
  }
  co_return Project::apply(children.take_one(winner));
}

template <class... T>
struct select_projection {
  using result_type = std::variant<value_or_monostate_t<T>...>;
  static result_type apply(result_type&& winner) { return std::move(winner); }
};

}  // namespace detail

template <class... T>
task<std::variant<detail::value_or_monostate_t<T>...>> select(task<T>... tasks) {
  return detail::run_race<detail::select_projection<T...>>(std::index_sequence_for<T...>{}, {}, std::move(tasks)...);
}

}  // namespace asyncrt
