// Mock cppcoro/io_service.hpp: the event loop, its schedule() and the timer
// schedule_after().
#pragma once
#include <chrono>
#include <coroutine>

namespace cppcoro {
class io_service {
public:
  class schedule_operation {
  public:
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<> awaiter) noexcept;
    void await_resume() const noexcept;
  };
  class timed_schedule_operation {
  public:
    bool await_ready() const noexcept;
    void await_suspend(std::coroutine_handle<> awaiter);
    void await_resume();
  };
  io_service();
  [[nodiscard]] schedule_operation schedule() noexcept;
  template <class Rep, long long Num, long long Den>
  [[nodiscard]] timed_schedule_operation
  schedule_after(std::chrono::duration<Rep, Num, Den> delay);
  unsigned long long process_events();
  void stop() noexcept;
};
} // namespace cppcoro
