#pragma once

#include <asyncrt/detail/task_header.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace asyncrt::detail {

// The threads that run spawn_blocking closures, apart from the workers so
// that blocking never stalls them. Like tokio's: a thread is started when a
// job arrives and none is idle (up to `max_threads`; beyond that jobs queue),
// and an idle thread exits after `keep_alive` without work.
class blocking_pool {
 public:
  blocking_pool(scheduler& owner, std::size_t max_threads, std::chrono::nanoseconds keep_alive);
  ~blocking_pool();
  blocking_pool(const blocking_pool&) = delete;
  blocking_pool& operator=(const blocking_pool&) = delete;

  // Queues a blocking task (its closure runs to completion on a pool thread).
  void submit(task_header* task);

  // Stops taking jobs, lets the running ones finish and joins every thread.
  // Jobs still queued are left for the runtime's shutdown to cancel.
  void shutdown() noexcept;

  [[nodiscard]] std::size_t thread_count() noexcept;

 private:
  void thread_main(std::list<std::thread>::iterator self);
  void join_exited() noexcept;

  scheduler& owner_;
  const std::size_t max_threads_;
  const std::chrono::nanoseconds keep_alive_;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::deque<task_header*> queue_;
  std::size_t idle_ = 0;     // threads waiting for a job
  std::size_t wakeups_ = 0;  // of those, already notified for a queued job
  bool shutting_down_ = false;
  std::list<std::thread> threads_;
  // Threads that exited after their keep-alive: a thread cannot join itself,
  // so the next one to start (or the shutdown) joins them.
  std::vector<std::thread> exited_;
};

}  // namespace asyncrt::detail
