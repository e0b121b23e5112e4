// Mock cppcoro/generator.hpp: a synchronous, lazily started generator.
#pragma once
#include <coroutine>

namespace cppcoro {
template <class T> class [[nodiscard]] generator {
public:
  struct iterator {
    iterator &operator++();
    T &operator*() const noexcept;
    bool operator!=(const iterator &) const noexcept;
  };
  struct promise_type {
    generator get_return_object() noexcept;
    std::suspend_always initial_suspend() const noexcept;
    std::suspend_always final_suspend() const noexcept;
    std::suspend_always yield_value(T &value) noexcept;
    void return_void() noexcept;
    void unhandled_exception();
  };
  generator(generator &&) noexcept;
  ~generator();
  iterator begin();
  iterator end() noexcept;
};
} // namespace cppcoro
