// Mock corral/asio.h: corral's Asio adapter, whose sleepFor() is an
// awaitable timer on an io_context.
#pragma once
#include <chrono>
#include <corral/corral.h>

namespace boost::asio {
class io_context;
} // namespace boost::asio

namespace corral {
namespace detail {
struct AsioTimer {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>);
  void await_resume();
};
} // namespace detail
template <class Rep, long long Num, long long Den>
detail::AsioTimer sleepFor(boost::asio::io_context &io,
                           std::chrono::duration<Rep, Num, Den> delay);
} // namespace corral
