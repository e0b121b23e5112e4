// Mock folly/coro/Sleep.h: an awaitable sleep on the executor's timekeeper.
#pragma once
#include <chrono>
#include <folly/coro/Task.h>

namespace folly::coro {
Task<void> sleep(std::chrono::nanoseconds d);
} // namespace folly::coro
