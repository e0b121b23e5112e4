#pragma once

#include "blocking_pool.hpp"
#include "owned_tasks.hpp"
#include "run_queue.hpp"
#include "timer_queue.hpp"

#include <asyncrt/detail/task_header.hpp>
#include <asyncrt/runtime.hpp>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace asyncrt::detail {

class scheduler;

// One worker thread: its local queue, its LIFO slot and its parking place.
struct worker {
  worker(scheduler& owner, std::size_t position) : sched(owner), index(position) {}

  scheduler& sched;
  const std::size_t index;
  local_queue queue;
  // The task most recently woken or spawned by the task running on this
  // worker runs next (tokio's LIFO slot): a message passed to a waiting task
  // is handled while it is hot in cache. Not stealable; owner only.
  task_header* lifo = nullptr;
  unsigned lifo_streak = 0;
  std::uint32_t tick = 0;
  std::uint64_t random = 0;
  std::thread thread;

  // Parking: a worker with nothing to do waits on its own condition variable
  // instead of spinning. `notified` means "there may be work for you",
  // `kicked` "the earliest timer changed"; they are atomics so that rousing
  // a worker that is not asleep yet costs no lock and no system call
  // (see scheduler::rouse). `sleeping` is set, under park_mutex, while the
  // worker waits on park_cv.
  std::mutex park_mutex;
  std::condition_variable park_cv;
  std::atomic<bool> notified{false};
  std::atomic<bool> kicked{false};
  std::atomic<bool> sleeping{false};
  bool idle = false;  // listed in the scheduler's idle list (guarded by its idle_mutex_)
};

class scheduler {
 public:
  explicit scheduler(const runtime_config& config);
  ~scheduler();
  scheduler(const scheduler&) = delete;
  scheduler& operator=(const scheduler&) = delete;

  task_header* spawn(task_header* task, bool blocking);

  // Queues a runnable task. `yielded` tasks go to the back of the local
  // queue; others (spawned, or woken by the running task) to the LIFO slot.
  void schedule(task_header* task, bool yielded) noexcept;

  // Runs a task popped from a queue until it suspends or completes.
  void run_task(task_header* task) noexcept;

  // Destroys the frame of a task that the caller owns exclusively (it holds
  // state_running, or the workers are gone) and completes it as cancelled.
  void cancel(task_header* task) noexcept;

  // Finishes a task whose final awaiter published its outcome: destroys the
  // frame, publishes completion, wakes the joiner.
  void complete(task_header* task) noexcept;

  void add_timer(timer_entry* entry);
  void remove_timer(timer_entry* entry) noexcept { timers_.remove(entry); }

  void shutdown() noexcept;
  [[nodiscard]] bool is_shut_down() const noexcept { return shutting_down_.load(std::memory_order_acquire); }

  // False once shutdown has emptied the queues for good: a task marked
  // scheduled is then in no queue.
  [[nodiscard]] bool queues_open() const noexcept { return queues_open_.load(std::memory_order_relaxed); }

  [[nodiscard]] std::size_t worker_count() const noexcept { return workers_.size(); }
  [[nodiscard]] std::size_t blocking_thread_count() noexcept { return blocking_.thread_count(); }

 private:
  void worker_main(worker& self) noexcept;
  task_header* next_task(worker& self) noexcept;
  task_header* take_from_inject(worker& self) noexcept;
  task_header* steal(worker& self) noexcept;
  void push_local(worker& self, task_header* task) noexcept;
  void after_run(task_header* task) noexcept;
  void park(worker& self) noexcept;
  void wait_until_roused(worker& self, std::optional<clock::time_point> deadline) noexcept;
  void rouse(worker& target, std::atomic<bool> worker::*flag) noexcept;
  bool fire_due_timers() noexcept;
  bool has_work() const noexcept;
  void forget_queued(task_header* task) noexcept;

  void notify_work() noexcept;
  bool unpark_one() noexcept;
  void register_idle(worker& self);
  void unregister_idle(worker& self) noexcept;

  std::vector<std::unique_ptr<worker>> workers_;
  inject_queue inject_;
  owned_tasks owned_;
  timer_queue timers_;
  blocking_pool blocking_;

  std::atomic<bool> shutting_down_{false};
  std::atomic<bool> queues_open_{true};
  bool shut_down_ = false;  // shutdown() has run (touched by the owning thread only)

  std::mutex idle_mutex_;
  std::vector<worker*> idle_;
  std::atomic<std::size_t> idle_count_{0};
  // The parked worker that waits for the earliest timer, if any.
  std::atomic<worker*> timer_driver_{nullptr};
};

}  // namespace asyncrt::detail
