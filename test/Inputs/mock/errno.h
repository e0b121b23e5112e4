// Mock <errno.h>: the error codes a non-blocking descriptor returns.
#pragma once

extern "C" int *__errno_location(void);
#define errno (*__errno_location())
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define EINPROGRESS 115
