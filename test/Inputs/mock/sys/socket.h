// Mock <sys/socket.h>: socket calls that block on a blocking socket.
#pragma once
#include <sys/types.h>

extern "C" {
struct sockaddr;
typedef unsigned int socklen_t;
int socket(int domain, int type, int protocol);
ssize_t recv(int fd, void *buffer, size_t count, int flags);
ssize_t send(int fd, const void *buffer, size_t count, int flags);
int accept(int fd, sockaddr *address, socklen_t *length);
int connect(int fd, const sockaddr *address, socklen_t length);
}
