// Mock <time.h>: nanosleep.
#pragma once

extern "C" {
struct timespec {
  long tv_sec;
  long tv_nsec;
};
int nanosleep(const timespec *request, timespec *remaining);
}
