// Mock cppcoro/static_thread_pool.hpp: co_await pool.schedule() resumes the
// coroutine on one of the pool's threads.
#pragma once
#include <coroutine>

namespace cppcoro {
class static_thread_pool {
public:
  class schedule_operation {
  public:
    bool await_ready() noexcept;
    void await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept;
  };
  static_thread_pool();
  explicit static_thread_pool(unsigned threadCount);
  [[nodiscard]] schedule_operation schedule() noexcept;
};
} // namespace cppcoro
