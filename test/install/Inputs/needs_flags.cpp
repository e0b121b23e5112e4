#include <coroutine>
#include <mutex>
#include "test_generator.h"

#ifndef FROM_BUILD_DIR
#error needs the flags of build/compile_commands.json
#endif

std::mutex m;
generator held_lock() {
  std::lock_guard g(m);
  co_yield 1;
}
