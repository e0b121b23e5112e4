//===--- Cobalt.cpp - The profile of Boost.Cobalt -------------------------===//
//
// Boost.Cobalt (Boost 1.84 and later): cobalt::task (lazy), cobalt::promise
// and cobalt::generator (eager), cobalt::spawn, cobalt::run, cobalt::thread,
// on Asio's executors. Names verified against boostorg/cobalt's headers
// (include/boost/cobalt/); Debian 12 does not package it.
//
//===----------------------------------------------------------------------===//

#include "RuntimeProfile.h"

namespace clang::tidy::async {
namespace {

const ProfileRegistration Cobalt(RuntimeProfile{
    .Name = "cobalt",
    .Namespaces = "boost::cobalt",
    // Its promise starts with an awaitable of its own, not suspend_always.
    .TaskTypes = "boost::cobalt::task",
    .SpawnFunctions = "boost::cobalt::spawn",
    .OffloadFunctions = "boost::cobalt::spawn(boost::asio::thread_pool)",
    .OwnThreadTypes = "boost::cobalt::thread",
    .BlockingWaits = "boost::cobalt::run;boost::cobalt::thread::join",
    .SpawnAdvice = "cobalt::spawn",
    .BlockOnAdvice = "cobalt::run",
    .OffloadAdvice = "a cobalt::thread or cobalt::spawn on an asio::thread_pool",
    .SleepAdvice = "an asio::steady_timer and co_await "
                   "timer.async_wait(cobalt::use_op)",
    .AsyncIOAdvice = "its async_ form with co_await and cobalt::use_op",
    .JoinAdvice = "cobalt::spawn(pool, work, cobalt::use_op)",
    .MutexAdvice = "a cobalt::channel",
    .YieldAdvice = "co_await asio::post(co_await cobalt::this_coro::executor, "
                   "cobalt::use_op)",
});

} // namespace
} // namespace clang::tidy::async
