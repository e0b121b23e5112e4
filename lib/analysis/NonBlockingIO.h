//===--- NonBlockingIO.h - Descriptor calls that do not block --------------===//
//
// A POSIX socket or descriptor call (`recv`, `send`, `accept`, `connect`,
// `read`, ...) blocks only on a blocking descriptor. Event-loop runtimes
// (libcoro, Asio's reactor, hand-written epoll loops) make every descriptor
// non-blocking and await its readiness instead; the code around such a call
// says so, and this file reads it.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_NONBLOCKINGIO_H
#define ASYNC_LINT_NONBLOCKINGIO_H

#include "CoroutineModel.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang::tidy::async {

/// True if \p Call is a descriptor call that returns at once on a
/// non-blocking descriptor, and the code around it shows the descriptor is
/// one: `MSG_DONTWAIT` in its arguments; the descriptor reached through an
/// object or a member of one of \p NonBlockingTypes (a runtime's sockets);
/// `O_NONBLOCK`, `SOCK_NONBLOCK`, `EAGAIN`, `EWOULDBLOCK` or `EINPROGRESS`
/// named in one of \p Around (the function that makes the call, and the
/// helpers and coroutine that lead to it); or a `co_await` of a readiness
/// operation (`poll`, `wait_readable`, ...) in \p Coroutine.
bool runsNonBlocking(const CallExpr &Call,
                     llvm::ArrayRef<const FunctionDecl *> Around,
                     const CoroutineInfo &Coroutine,
                     llvm::ArrayRef<std::string> NonBlockingTypes);

} // namespace clang::tidy::async

#endif // ASYNC_LINT_NONBLOCKINGIO_H
