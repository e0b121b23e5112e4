#pragma once

// The spawned children of join() and select(). They belong to the parent
// task as the futures of tokio::join!/select! belong to theirs: if the parent
// is cancelled, destroying the set drops the children (and theirs) at once,
// before the parent's other locals, which they may borrow.

#include <asyncrt/detail/join_wait.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/task.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

namespace asyncrt::detail {

// The value of a child in the result of join()/select(): void becomes
// std::monostate so that it fits in a tuple or a variant.
template <class T>
using value_or_monostate_t = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

template <class... T>
class child_set {
 public:
  static constexpr std::size_t size = sizeof...(T);

  explicit child_set(join_handle<T>... handles) noexcept : handles_(std::move(handles)...) {}
  child_set(const child_set&) = delete;
  child_set& operator=(const child_set&) = delete;
  ~child_set() {
    std::apply([](const auto&... h) { (drop(handle_access::header(h)), ...); }, handles_);
  }

  std::array<task_header*, size> headers() const noexcept {
    return std::apply([](const auto&... h) { return std::array<task_header*, size>{handle_access::header(h)...}; },
                      handles_);
  }

  void abort_all() const noexcept {
    std::apply([](const auto&... h) { (h.abort(), ...); }, handles_);
  }

  // Whether the child at `index` (complete) threw or was cancelled.
  bool failed(std::size_t index) const noexcept {
    return failed_impl(index, std::index_sequence_for<T...>{});
  }

  // Waits until every child has completed.
  task<void> settle() {
    const std::array<task_header*, size> all = headers();
    for (;;) {
      std::array<task_header*, size> pending{};
      std::size_t count = 0;
      for (task_header* child : all)
        if (!is_complete(child)) pending[count++] = child;
      if (count == 0) co_return;
      co_await any_complete({pending.data(), count});
    }
  }

  // Takes every child's value, in order (all must have completed successfully).
  std::tuple<value_or_monostate_t<T>...> take_all() { return take_all_impl(std::index_sequence_for<T...>{}); }

  // Takes the value of the child at `index` as the alternative `index` of a variant.
  std::variant<value_or_monostate_t<T>...> take_one(std::size_t index) { return take_one_from<0>(index); }

  // Rethrows the failure of the child at `index` (task_cancelled if it was cancelled).
  void rethrow_failure(std::size_t index) { take_one(index); }

  template <std::size_t I>
  value_or_monostate_t<std::tuple_element_t<I, std::tuple<T...>>> take() {
    using U = std::tuple_element_t<I, std::tuple<T...>>;
    task_header* header = handle_access::forget(std::get<I>(handles_));
    if constexpr (std::is_void_v<U>) {
      take_result<void>(header);
      return {};
    } else {
      return take_result<U>(header);
    }
  }

 private:
  template <std::size_t... I>
  std::tuple<value_or_monostate_t<T>...> take_all_impl(std::index_sequence<I...>) {
    // A braced list evaluates left to right.
    return std::tuple<value_or_monostate_t<T>...>{take<I>()...};
  }

  template <std::size_t I>
  std::variant<value_or_monostate_t<T>...> take_one_from(std::size_t index) {
    if constexpr (I + 1 < size) {
      if (index != I) return take_one_from<I + 1>(index);
    }
    return std::variant<value_or_monostate_t<T>...>{std::in_place_index<I>, take<I>()};
  }

  template <std::size_t... I>
  bool failed_impl(std::size_t index, std::index_sequence<I...>) const noexcept {
    bool result = false;
    ((index == I ? (result = failed_one(std::get<I>(handles_))) : false), ...);
    return result;
  }

  // A child whose result was taken has completed already.
  static void drop(task_header* child) noexcept {
    if (child) drop_task(child);
  }

  template <class U>
  static bool failed_one(const join_handle<U>& handle) noexcept {
    task_header* header = handle_access::header(handle);
    if (header->state.load(std::memory_order_acquire) & state_aborted) return true;
    return slot_of(header)->failed();
  }

  std::tuple<join_handle<T>...> handles_;
};

}  // namespace asyncrt::detail
