//===--- Asio.cpp - The profile of Boost.Asio and standalone Asio ---------===//
//
// Asio's C++20 coroutine API: asio::awaitable, asio::co_spawn,
// asio::use_awaitable, its synchronous operations and runners. Names
// verified against Boost 1.81's headers (/usr/include/boost/asio, Asio
// 1.26); standalone Asio declares the same names in namespace asio.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async {
namespace {

/// Each name of \p Names, written in standalone Asio's namespace `asio::`,
/// and again in Boost.Asio's, `boost::asio::` (conditions included).
std::string inBothAsios(llvm::ArrayRef<llvm::StringRef> Names) {
  std::vector<std::string> Both;
  for (llvm::StringRef Name : Names) {
    Both.push_back(Name.str());
    llvm::SmallVector<llvm::StringRef, 2> Parts;
    Name.split(Parts, "asio::");
    Both.push_back(llvm::join(Parts, "boost::asio::"));
  }
  return llvm::join(Both, ";");
}

const ProfileRegistration Asio(RuntimeProfile{
    .Name = "asio",
    .Namespaces = "asio;boost::asio",
    .TaskTypes = inBothAsios({"asio::awaitable", "asio::deferred_async_operation"}),
    .SpawnFunctions = inBothAsios({"asio::co_spawn"}),
    .OffloadFunctions = inBothAsios({"asio::post(asio::thread_pool)",
                                     "asio::dispatch(asio::thread_pool)",
                                     "asio::defer(asio::thread_pool)"}),
    .BlockingWaits = inBothAsios(
        {"asio::io_context::run", "asio::io_context::run_one",
         "asio::io_context::run_for", "asio::io_context::run_until",
         "asio::io_context::run_one_for", "asio::io_context::run_one_until",
         "asio::thread_pool::join", "asio::thread_pool::wait",
         "asio::system_context::join"}),
    .BlockingSleeps = inBothAsios({"asio::basic_waitable_timer::wait",
                                   "asio::basic_deadline_timer::wait"}),
    .BlockingIO = inBothAsios(
        {"asio::read", "asio::write", "asio::read_until", "asio::read_at",
         "asio::write_at", "asio::connect", "asio::basic_socket::connect",
         "asio::basic_socket::wait", "asio::basic_stream_socket::read_some",
         "asio::basic_stream_socket::write_some",
         "asio::basic_stream_socket::send", "asio::basic_stream_socket::receive",
         "asio::basic_datagram_socket::send",
         "asio::basic_datagram_socket::receive",
         "asio::basic_datagram_socket::send_to",
         "asio::basic_datagram_socket::receive_from",
         "asio::basic_socket_acceptor::accept",
         "asio::basic_socket_acceptor::wait", "asio::ip::basic_resolver::resolve",
         "asio::ssl::stream::handshake", "asio::ssl::stream::read_some",
         "asio::ssl::stream::write_some", "asio::ssl::stream::shutdown",
         "asio::basic_serial_port::read_some",
         "asio::basic_serial_port::write_some",
         "asio::posix::basic_stream_descriptor::read_some",
         "asio::posix::basic_stream_descriptor::write_some",
         "asio::posix::basic_descriptor::wait"}),
    .SpawnAdvice = "asio::co_spawn",
    .BlockOnAdvice = "asio::co_spawn and io_context::run",
    .OffloadAdvice = "an asio::thread_pool (asio::post(pool, ...))",
    .SleepAdvice =
        "an asio::steady_timer and co_await timer.async_wait(asio::use_awaitable)",
    .AsyncIOAdvice = "its async_ form with co_await and asio::use_awaitable",
    .JoinAdvice = "asio::co_spawn(pool, work, asio::use_awaitable)",
    .MutexAdvice = "an asio::strand",
    .YieldAdvice = "co_await asio::post(asio::use_awaitable)",
});

} // namespace
} // namespace clang::tidy::async
