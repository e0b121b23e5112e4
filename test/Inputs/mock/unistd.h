// Mock <unistd.h>: POSIX descriptor I/O and sleeps.
#pragma once
#include <sys/types.h>

extern "C" {
ssize_t read(int fd, void *buffer, size_t count);
ssize_t write(int fd, const void *buffer, size_t count);
ssize_t pread(int fd, void *buffer, size_t count, long offset);
ssize_t pwrite(int fd, const void *buffer, size_t count, long offset);
int fsync(int fd);
int close(int fd);
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int microseconds);
int getpid(void);
}
