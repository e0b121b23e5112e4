#pragma once

// Who wins a select() (or a timeout()), and where the winner's message is.
//
// tokio's select! polls its branches in one task, so only one can finish,
// and what a branch received reaches the caller in the same poll: a recv is
// cancel safe there. asyncrt's branches run as tasks, concurrently, so two
// of them may finish at once, and the task running the select may be
// cancelled between a branch's end and its own resumption. So a branch that
// is a channel receive claims the race before it takes anything, takes
// nothing if another branch has won, and when it wins leaves its message in
// the channel too: it records in the race how to take it (`deferred`), and
// the select takes it when it resumes, in the task that consumes it. Until
// then a cancellation loses nothing. A select whose own value is a branch of
// an outer race hands the deferred receive on to that race in the same way
// (select in select, select under timeout). Any other branch is claimed for
// by the select when it has finished.
//
// The receive finds its race through the registry: by the spawned task it
// runs in, and the coroutine frame whose value is that branch's value (the
// branch's root frame, or the task that timeout wraps; see
// race_entries::spawn in select.hpp).

#include <asyncrt/detail/task_header.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <limits>

namespace asyncrt::detail {

// What a race's winner has not taken yet: its message, still in the channel
// (a receive), or the notification it was given (a notified()).
struct deferred_value {
  // Emplaces the value into the std::optional<V> at `out`, V being the
  // winning branch's value type (std::monostate for void).
  std::function<void(void* out)> take;
  // Gives back what the winner holds, if `take` is never called (the select
  // was cancelled, or lost the race it is a branch of); may be empty.
  std::function<void()> give_back;

  explicit operator bool() const noexcept { return static_cast<bool>(take); }
};

class select_race {
 public:
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  // The winner of a race whose select is being cancelled: no branch wins.
  static constexpr std::size_t cancelled = none - 1;

  select_race() noexcept = default;
  select_race(const select_race&) = delete;
  select_race& operator=(const select_race&) = delete;
  ~select_race() {
    if (deferred.give_back) deferred.give_back();
  }

  // Whether branch `index` wins (or had already won).
  bool claim(std::size_t index) noexcept {
    std::size_t expected = none;
    return winner_.compare_exchange_strong(expected, index, std::memory_order_acq_rel) || expected == index;
  }

  [[nodiscard]] std::size_t winner() const noexcept { return winner_.load(std::memory_order_acquire); }

  // Set by the winner before it completes, when it has not taken its value;
  // read by the select once the winner has completed.
  deferred_value deferred;

 private:
  std::atomic<std::size_t> winner_{none};
};

// Registers the spawned task `branch` (before it is spawned) as branch
// `index` of `race`, its value being that of the coroutine `result_frame`;
// leave_race() withdraws it before the race is gone.
void enter_race(const task_header* branch, const void* result_frame, select_race& race, std::size_t index);
void leave_race(const task_header* branch) noexcept;

// A branch of a race, as find_race() gives it.
struct race_branch {
  select_race* race = nullptr;
  std::size_t index = 0;
};

// Whether the value of coroutine `frame`, running in the current task, is
// the value of a select() branch; if so, which (`found`). The race stays
// valid while the task runs: the select waits for its branches to complete
// before it is gone.
bool find_race(const void* frame, race_branch& found) noexcept;

}  // namespace asyncrt::detail
