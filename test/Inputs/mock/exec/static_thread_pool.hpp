// Mock exec/static_thread_pool.hpp: a pool of worker threads with a
// scheduler to start work on them.
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
struct static_thread_pool {
  struct scheduler {
    bool operator==(const scheduler &) const noexcept;
  };
  static_thread_pool();
  explicit static_thread_pool(unsigned thread_count);
  scheduler get_scheduler() noexcept;
};
} // namespace experimental::execution

namespace exec = experimental::execution;
