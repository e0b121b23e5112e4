// Mock <sys/types.h>.
#pragma once

typedef long ssize_t;
typedef unsigned long size_t;
