// Mock <sys/socket.h>: socket calls that block on a blocking socket.
#pragma once
#include <sys/types.h>

#define SOCK_STREAM 1
#define SOCK_NONBLOCK 04000
#define MSG_DONTWAIT 0x40

extern "C" {
struct sockaddr;
typedef unsigned int socklen_t;
int socket(int domain, int type, int protocol);
ssize_t recv(int fd, void *buffer, size_t count, int flags);
ssize_t send(int fd, const void *buffer, size_t count, int flags);
ssize_t recvfrom(int fd, void *buffer, size_t count, int flags,
                 sockaddr *address, socklen_t *length);
int accept(int fd, sockaddr *address, socklen_t *length);
int connect(int fd, const sockaddr *address, socklen_t length);
}
