#pragma once

#include <stdexcept>

namespace asyncrt {

// Thrown by awaiting the join_handle of a task that was cancelled (aborted,
// or destroyed by the runtime's shutdown): tokio's JoinError::Cancelled.
class task_cancelled : public std::runtime_error {
 public:
  task_cancelled() : std::runtime_error("asyncrt: the task was cancelled") {}
};

// Thrown by timeout() when the deadline passes first: tokio's time::error::Elapsed.
class elapsed : public std::runtime_error {
 public:
  elapsed() : std::runtime_error("asyncrt: deadline has elapsed") {}
};

}  // namespace asyncrt
