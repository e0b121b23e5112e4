// Mock cppcoro/when_all.hpp and when_all_ready.hpp: combinators that run
// awaitables concurrently and are themselves lazy awaitables.
#pragma once
#include <cppcoro/task.hpp>

namespace cppcoro {
template <class... Awaitables> task<> when_all(Awaitables &&...awaitables);
template <class... Awaitables> task<> when_all_ready(Awaitables &&...awaitables);
} // namespace cppcoro
