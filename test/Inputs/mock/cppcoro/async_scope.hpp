// Mock cppcoro/async_scope.hpp: spawn() starts an awaitable detached within
// the scope; join() is awaited to wait for all of them.
#pragma once
#include <coroutine>

namespace cppcoro {
class async_scope {
public:
  struct join_operation {
    bool await_ready() noexcept;
    bool await_suspend(std::coroutine_handle<> continuation) noexcept;
    void await_resume() noexcept;
  };
  async_scope() noexcept;
  ~async_scope();
  template <class Awaitable> void spawn(Awaitable &&awaitable);
  [[nodiscard]] join_operation join() noexcept;
};
} // namespace cppcoro
