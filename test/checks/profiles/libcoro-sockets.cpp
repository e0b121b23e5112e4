// RUN: not %async-lint --checks='-*,async-blocking-call' %s -- %mock-flags | FileCheck %s --implicit-check-not='{{warning|error|note}}:'

// libcoro's networking classes (tcp::client and server, tls::client and
// server, udp::peer) make every socket they hold non-blocking
// (blocking_t::no, in their constructors, in another file) and await its
// readiness: a descriptor call on one of their sockets returns at once.
// A coro::net::socket of the user's own may block (blocking_t::yes), and
// stays reported. The libcoro profile lists the classes (NonBlockingTypes).

#include <coro/coro.hpp>
#include <sys/socket.h>
#include <unistd.h>

// ---- Positives -------------------------------------------------------------

coro::task<int> accept_on_a_socket_of_the_users_own(coro::net::socket &listener) {
  co_return ::accept(listener.native_handle(), nullptr, nullptr);
  // CHECK: :[[@LINE-1]]:13: warning: 'accept' blocks the worker thread inside a coroutine; move it to a coro::thread_pool (co_await pool->schedule()) [async-blocking-call]
}

coro::task<long> recv_on_a_socket_made_blocking(coro::net::tcp::client &client) {
  coro::net::socket own = coro::net::make_socket({1, coro::net::socket::blocking_t::yes});
  char buffer[64];
  co_return ::recv(own.native_handle(), buffer, sizeof buffer, 0);
  // CHECK: :[[@LINE-1]]:13: warning: 'recv' blocks the worker thread inside a coroutine; move it to a coro::thread_pool (co_await pool->schedule()) [async-blocking-call]
}

coro::task<long> read_of_a_descriptor_beside_a_client(coro::net::tcp::client &client, int fd) {
  char buffer[64];
  co_return ::read(fd, buffer, sizeof buffer);
  // CHECK: :[[@LINE-1]]:13: warning: 'read' blocks the worker thread inside a coroutine; move it to a coro::thread_pool (co_await pool->schedule()) [async-blocking-call]
}

struct connection {
  coro::net::socket sock;
  coro::task<long> send_on_its_own_socket(const char *data, unsigned long size) {
    co_return ::send(sock.native_handle(), data, size, 0);
    // CHECK: :[[@LINE-1]]:15: warning: 'send' blocks the worker thread inside a coroutine; move it to a coro::thread_pool (co_await pool->schedule()) [async-blocking-call]
  }
};

// ---- Negatives -------------------------------------------------------------

// libcoro's own tls::server::accept, as src/net/tls/server.cpp writes it.
coro::task<coro::net::tls::client> coro::net::tls::server::accept(std::chrono::milliseconds timeout) {
  net::socket s{::accept(m_accept_socket.native_handle(), nullptr, nullptr)};
  auto client = tls::client{m_scheduler, static_cast<net::socket &&>(s)};
  co_await client.handshake(timeout);
  co_return client;
}

coro::task<long> recv_on_a_tcp_clients_socket(coro::net::tcp::client &client) {
  char buffer[64];
  co_return ::recv(client.socket().native_handle(), buffer, sizeof buffer, 0);
}

coro::task<long> send_on_a_tls_clients_socket(coro::net::tls::client &client) {
  co_return ::send(client.socket().native_handle(), "hi", 2, 0);
}

coro::task<int> accept_on_a_tcp_servers_socket(coro::net::tcp::server &server) {
  co_return ::accept(server.accept_socket().native_handle(), nullptr, nullptr);
}

coro::task<long> write_to_a_udp_peers_socket(coro::net::udp::peer *peer) {
  co_return ::write(peer->socket().native_handle(), "hi", 2);
}
