#pragma once

// select(): run several tasks concurrently; the first to finish wins and the
// others are cancelled, as tokio::select!. The result is a variant whose
// index is the winner's position (std::monostate for a void task); if the
// winner threw, select rethrows. As with tokio::select!, the losers are gone
// (cancelled at their next suspension point, their locals destroyed) by the
// time select returns, and a losing channel receive (`rx.recv()` as a
// branch) has taken no message, even if it was ready at the same moment as
// the winner (see detail/select_race.hpp).

#include <asyncrt/detail/child_set.hpp>
#include <asyncrt/detail/select_race.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <array>
#include <cstddef>
#include <utility>
#include <variant>

namespace asyncrt {
namespace detail {

// The branches of one select() in the race registry, from before their
// spawn until leave() (or the destruction): that must come before select
// lets go of their tasks, whose blocks another coroutine may then reuse.
template <std::size_t N>
class race_entries {
 public:
  explicit race_entries(select_race& race) noexcept : race_(race) {}
  race_entries(const race_entries&) = delete;
  race_entries& operator=(const race_entries&) = delete;
  ~race_entries() { leave(); }

  void leave() noexcept {
    for (; count_ > 0; --count_) leave_race(frames_[count_ - 1]);
  }

  // Spawns `t` as branch `index`, registered first.
  template <class T>
  join_handle<T> spawn(scheduler& sched, std::size_t index, task<T> t) {
    task_header* header = task_access::release(t);
    enter_race(frame_of(header), race_, index);
    frames_[count_++] = frame_of(header);
    return handle_access::adopt<T>(spawn_frame(sched, header, false));
  }

 private:
  select_race& race_;
  std::array<const void*, N> frames_{};
  std::size_t count_ = 0;
};

template <std::size_t... I, class... T>
task<std::variant<value_or_monostate_t<T>...>> select_branches(std::index_sequence<I...>, task<T>... tasks) {
  static_assert(sizeof...(T) > 0, "asyncrt::select needs at least one task");
  scheduler& sched = current_scheduler_or_throw("asyncrt::select");
  select_race race;
  race_entries<sizeof...(T)> entries{race};
  child_set<T...> children{entries.spawn(sched, I, std::move(tasks))...};
  // Destroyed before `children` if this task is cancelled.
  struct leave_first {
    race_entries<sizeof...(T)>& entries;
    ~leave_first() { entries.leave(); }
  } leave_on_cancel{entries};
  const std::array<task_header*, sizeof...(T)> all = children.headers();
  co_await any_complete(all);
  std::size_t first = 0;
  while (!is_complete(all[first])) ++first;
  // A receive may have won while taking its message; it completes without
  // suspending again, so settle() waits for it as for any loser.
  const std::size_t winner = race.claim(first) ? first : race.winner();
  children.abort_all();
  co_await children.settle();
  entries.leave();
  co_return children.take_one(winner);
}

}  // namespace detail

template <class... T>
task<std::variant<detail::value_or_monostate_t<T>...>> select(task<T>... tasks) {
  return detail::select_branches(std::index_sequence_for<T...>{}, std::move(tasks)...);
}

}  // namespace asyncrt
