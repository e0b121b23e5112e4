// The registry of select() branches that a receive, a notified() or a
// nested select consults (see detail/select_race.hpp): sharded by task, and
// skipped with one atomic load while no select() is running anywhere.

#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/detail/select_race.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace asyncrt::detail {
namespace {

struct branch {
  const task_header* task;
  const void* result_frame;
  select_race* race;
  std::size_t index;
};

struct shard {
  std::mutex lock;
  std::vector<branch> branches;
};

std::array<shard, 16> shards;
std::atomic<std::size_t> registered{0};

shard& shard_of(const task_header* task) noexcept {
  // Headers are 16-byte aligned: skip the bits that are always zero.
  return shards[(reinterpret_cast<std::uintptr_t>(task) >> 4) % shards.size()];
}

}  // namespace

void enter_race(const task_header* task, const void* result_frame, select_race& race, std::size_t index) {
  shard& s = shard_of(task);
  std::lock_guard lock(s.lock);
  s.branches.push_back({task, result_frame, &race, index});
  // The branch's first run, on whatever worker, happens after its spawn
  // (which publishes it with release/acquire), so it sees this count.
  registered.fetch_add(1, std::memory_order_relaxed);
}

void leave_race(const task_header* task) noexcept {
  shard& s = shard_of(task);
  std::lock_guard lock(s.lock);
  auto found = std::find_if(s.branches.begin(), s.branches.end(), [task](const branch& b) { return b.task == task; });
  if (found == s.branches.end()) return;
  *found = s.branches.back();
  s.branches.pop_back();
  registered.fetch_sub(1, std::memory_order_relaxed);
}

bool find_race(const void* frame, race_branch& found) noexcept {
  if (registered.load(std::memory_order_relaxed) == 0) return false;
  const task_header* task = current_task();
  if (!task) return false;
  shard& s = shard_of(task);
  std::lock_guard lock(s.lock);
  for (const branch& b : s.branches) {
    if (b.task != task) continue;
    if (b.result_frame != frame) return false;
    found = {b.race, b.index};
    return true;
  }
  return false;
}

}  // namespace asyncrt::detail
