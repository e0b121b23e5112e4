// Mock cppcoro/sync_wait.hpp: blocks the calling thread until an awaitable
// completes.
#pragma once
#include <cppcoro/task.hpp>

namespace cppcoro {
template <class T> T sync_wait(task<T> &&awaitable);
template <class T> T sync_wait(task<T> &awaitable);
} // namespace cppcoro
