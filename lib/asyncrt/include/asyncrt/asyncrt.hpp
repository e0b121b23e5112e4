#pragma once

// asyncrt: a multi-threaded runtime for C++20 coroutines with tokio's
// semantics. This header includes all of it.

#include <asyncrt/blocking.hpp>
#include <asyncrt/errors.hpp>
#include <asyncrt/fs.hpp>
#include <asyncrt/join.hpp>
#include <asyncrt/runtime.hpp>
#include <asyncrt/select.hpp>
#include <asyncrt/spawn.hpp>
#include <asyncrt/sync/mpsc.hpp>
#include <asyncrt/sync/mutex.hpp>
#include <asyncrt/sync/notify.hpp>
#include <asyncrt/sync/oneshot.hpp>
#include <asyncrt/sync/semaphore.hpp>
#include <asyncrt/task.hpp>
#include <asyncrt/time.hpp>
#include <asyncrt/yield.hpp>
