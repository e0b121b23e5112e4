// Mock <fcntl.h>: descriptor flags, to make a descriptor non-blocking.
#pragma once

extern "C" int fcntl(int fd, int command, ...);
#define F_GETFL 3
#define F_SETFL 4
#define O_NONBLOCK 04000
