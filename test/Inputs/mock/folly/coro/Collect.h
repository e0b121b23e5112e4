// Mock folly/coro/Collect.h: combinators that await several tasks at once.
#pragma once
#include <folly/coro/Task.h>

namespace folly::coro {
template <class... SemiAwaitables> Task<void> collectAll(SemiAwaitables... awaitables);
template <class... SemiAwaitables> Task<void> collectAny(SemiAwaitables &&...awaitables);
} // namespace folly::coro
