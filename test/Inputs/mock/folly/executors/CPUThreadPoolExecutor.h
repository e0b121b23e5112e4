// Mock folly/executors/CPUThreadPoolExecutor.h: the pool for CPU-bound work.
#pragma once
#include <folly/Executor.h>

namespace folly {
class CPUThreadPoolExecutor : public Executor {
public:
  explicit CPUThreadPoolExecutor(unsigned numThreads);
};
} // namespace folly
