// The registry of select() branches that a receive consults (see
// detail/select_race.hpp): sharded by frame address, and skipped with one
// atomic load while no select() is running anywhere.

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
  const void* frame;
  select_race* race;
  std::size_t index;
};

struct shard {
  std::mutex lock;
  std::vector<branch> branches;
};

std::array<shard, 16> shards;
std::atomic<std::size_t> registered{0};

shard& shard_of(const void* frame) noexcept {
  // Frames are at least 16-byte aligned: skip the bits that are always zero.
  return shards[(reinterpret_cast<std::uintptr_t>(frame) >> 4) % shards.size()];
}

}  // namespace

void enter_race(const void* frame, select_race& race, std::size_t index) {
  shard& s = shard_of(frame);
  std::lock_guard lock(s.lock);
  s.branches.push_back({frame, &race, index});
  // The branch's first run, on whatever worker, happens after its spawn
  // (which publishes it with release/acquire), so it sees this count.
  registered.fetch_add(1, std::memory_order_relaxed);
}

void leave_race(const void* frame) noexcept {
  shard& s = shard_of(frame);
  std::lock_guard lock(s.lock);
  auto found = std::find_if(s.branches.begin(), s.branches.end(), [frame](const branch& b) { return b.frame == frame; });
  if (found == s.branches.end()) return;
  *found = s.branches.back();
  s.branches.pop_back();
  registered.fetch_sub(1, std::memory_order_relaxed);
}

bool claim_race(const void* frame) noexcept {
  if (registered.load(std::memory_order_relaxed) == 0) return true;
  shard& s = shard_of(frame);
  // Under the shard's lock, so that the race cannot go away meanwhile.
  std::lock_guard lock(s.lock);
  for (const branch& b : s.branches)
    if (b.frame == frame) return b.race->claim(b.index);
  return true;
}

}  // namespace asyncrt::detail
