#pragma once

// Who wins a select(). Its branches run as tasks, concurrently: two of them
// may finish at once, and the one that loses must not have taken a message
// from a channel (tokio's recv is cancel safe; its select! polls the branches
// in one task, so that there only one can finish). So a branch that is a
// channel receive claims the race when it takes its value, and takes nothing
// if another branch has won already; any other branch is claimed for by
// select() when it has finished. The receive finds its race by the address
// of its coroutine frame, which select() registered before spawning it.

#include <atomic>
#include <cstddef>
#include <limits>

namespace asyncrt::detail {

class select_race {
 public:
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

  // Whether branch `index` wins (or had already won).
  bool claim(std::size_t index) noexcept {
    std::size_t expected = none;
    return winner_.compare_exchange_strong(expected, index, std::memory_order_acq_rel) || expected == index;
  }

  [[nodiscard]] std::size_t winner() const noexcept { return winner_.load(std::memory_order_acquire); }

 private:
  std::atomic<std::size_t> winner_{none};
};

// Registers the root coroutine frame of branch `index` of `race`, before the
// branch is spawned; leave_race() withdraws it before the race is gone.
void enter_race(const void* frame, select_race& race, std::size_t index);
void leave_race(const void* frame) noexcept;

// For a receive whose value is the whole result of the coroutine `frame`:
// false if that coroutine is a select() branch and another branch has won
// (the receive then takes nothing); true otherwise, the race now won by it.
bool claim_race(const void* frame) noexcept;

}  // namespace asyncrt::detail
