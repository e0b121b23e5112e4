// Mock exec/async_scope.hpp: spawn() starts a sender detached within the
// scope; on_empty() is a sender that completes when all of them have.
#pragma once
#include <stdexec/execution.hpp>

namespace experimental::execution {
namespace __scope {
struct async_scope {
  template <class Sender> void spawn(Sender &&sndr);
  template <class Sender> stdexec::__sender spawn_future(Sender &&sndr);
  stdexec::__sender on_empty();
};
} // namespace __scope
using __scope::async_scope;
} // namespace experimental::execution

namespace exec = experimental::execution;
