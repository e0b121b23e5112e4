// Mock folly/futures/Future.h: a SemiFuture's get() and wait() block.
#pragma once

namespace folly {
template <class T> class SemiFuture {
public:
  SemiFuture(SemiFuture &&) noexcept;
  T get() &&;
  SemiFuture &wait() &;
};
} // namespace folly
