// Mock folly/Executor.h: executors are held through KeepAlive tokens.
#pragma once

namespace folly {
class Executor {
public:
  template <class ExecutorT = Executor> class KeepAlive {
  public:
    KeepAlive(ExecutorT *executor);
    ExecutorT *get() const;
  };
  virtual ~Executor();
};
Executor::KeepAlive<> getGlobalCPUExecutor();
} // namespace folly
