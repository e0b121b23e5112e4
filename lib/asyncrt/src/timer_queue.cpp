#include "timer_queue.hpp"

#include <asyncrt/detail/scheduler.hpp>

namespace asyncrt::detail {

bool timer_queue::insert(timer_entry* entry) {
  std::lock_guard lock(mutex_);
  heap_.push_back(entry);
  entry->index = heap_.size() - 1;
  sift_up(entry->index);
  const bool earliest = heap_.front() == entry;
  if (earliest) publish_earliest();
  return earliest;
}

void timer_queue::remove(timer_entry* entry) noexcept {
  std::lock_guard lock(mutex_);
  const std::size_t index = entry->index;
  if (index == timer_entry::npos) return;  // fired meanwhile
  entry->index = timer_entry::npos;
  timer_entry* last = heap_.back();
  heap_.pop_back();
  if (last != entry) {
    place(index, last);
    sift_up(index);
    sift_down(last->index);
  }
  publish_earliest();
}

std::size_t timer_queue::fire_due(clock::time_point now) noexcept {
  std::lock_guard lock(mutex_);
  std::size_t fired = 0;
  while (!heap_.empty() && heap_.front()->deadline <= now) {
    timer_entry* entry = heap_.front();
    entry->index = timer_entry::npos;
    timer_entry* last = heap_.back();
    heap_.pop_back();
    if (last != entry) {
      place(0, last);
      sift_down(0);
    }
    wake(entry->task);
    ++fired;
  }
  publish_earliest();
  return fired;
}

std::optional<clock::time_point> timer_queue::next_deadline() noexcept {
  std::lock_guard lock(mutex_);
  if (heap_.empty()) return std::nullopt;
  return heap_.front()->deadline;
}

void timer_queue::sift_up(std::size_t index) noexcept {
  timer_entry* entry = heap_[index];
  while (index > 0) {
    const std::size_t parent = (index - 1) / 2;
    if (heap_[parent]->deadline <= entry->deadline) break;
    place(index, heap_[parent]);
    index = parent;
  }
  place(index, entry);
}

void timer_queue::sift_down(std::size_t index) noexcept {
  timer_entry* entry = heap_[index];
  const std::size_t size = heap_.size();
  for (;;) {
    std::size_t child = 2 * index + 1;
    if (child >= size) break;
    if (child + 1 < size && heap_[child + 1]->deadline < heap_[child]->deadline) ++child;
    if (entry->deadline <= heap_[child]->deadline) break;
    place(index, heap_[child]);
    index = child;
  }
  place(index, entry);
}

}  // namespace asyncrt::detail
