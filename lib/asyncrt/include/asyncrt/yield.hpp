#pragma once

// yield_now(): give the other tasks of the worker a turn, as
// tokio::task::yield_now. The task goes to the back of its run queue.

#include <asyncrt/task.hpp>

namespace asyncrt {

// A leaf operation, not a coroutine: yielding allocates nothing.
inline task<void> yield_now() { return detail::task_access::leaf(detail::leaf_operation::kind::yield, 0); }

}  // namespace asyncrt
