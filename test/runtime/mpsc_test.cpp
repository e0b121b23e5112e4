// mpsc: order, back-pressure, closing from either side, many producers.

#include "test_support.hpp"

#include <numeric>
#include <optional>
#include <string>
#include <vector>

using namespace asyncrt_test;

ASYNC_TEST(mpsc, values_arrive_in_order) {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(4);
  auto producer = asyncrt::spawn([](asyncrt::mpsc::sender<int> tx) -> asyncrt::task<void> {
    for (int i = 0; i < 100; ++i) co_await tx.send(i);
  }(std::move(tx)));
  std::vector<int> got;
  while (auto v = co_await rx.recv()) got.push_back(*v);
  co_await producer;
  std::vector<int> expected(100);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(got, expected);
}

ASYNC_TEST(mpsc, a_full_bounded_channel_makes_send_wait) {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(1);
  co_await tx.send(1);
  int two = 2;
  EXPECT_FALSE(tx.try_send(two));
  auto blocked = asyncrt::spawn([](asyncrt::mpsc::sender<int>& tx) -> asyncrt::task<void> { co_await tx.send(2); }(tx));
  co_await asyncrt::sleep_for(20ms);
  EXPECT_FALSE(blocked.is_finished());
  EXPECT_EQ(co_await rx.recv(), 1);
  co_await blocked;
  EXPECT_EQ(co_await rx.recv(), 2);
}

ASYNC_TEST(mpsc, recv_returns_nullopt_once_every_sender_is_gone) {
  auto [tx, rx] = asyncrt::mpsc::unbounded_channel<std::string>();
  {
    auto tx2 = tx;
    co_await tx2.send("a");
  }
  co_await tx.send("b");
  { auto gone = std::move(tx); }
  EXPECT_EQ(co_await rx.recv(), std::optional<std::string>("a"));
  EXPECT_EQ(co_await rx.recv(), std::optional<std::string>("b"));
  EXPECT_EQ(co_await rx.recv(), std::nullopt);
}

ASYNC_TEST(mpsc, a_waiting_receiver_wakes_when_the_last_sender_drops) {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(2);
  auto receiver = asyncrt::spawn([](asyncrt::mpsc::receiver<int> rx) -> asyncrt::task<std::optional<int>> {
    co_return co_await rx.recv();
  }(std::move(rx)));
  co_await asyncrt::sleep_for(10ms);
  { auto gone = std::move(tx); }
  EXPECT_EQ(co_await receiver, std::nullopt);
}

ASYNC_TEST(mpsc, sending_to_a_closed_receiver_throws) {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(1);
  co_await tx.send(1);
  auto blocked = asyncrt::spawn([](asyncrt::mpsc::sender<int> tx) -> asyncrt::task<void> { co_await tx.send(2); }(tx));
  co_await asyncrt::sleep_for(10ms);
  rx.close();
  EXPECT_THROW(co_await blocked, asyncrt::mpsc::send_error);
  EXPECT_THROW(co_await tx.send(3), asyncrt::mpsc::send_error);
  EXPECT_TRUE(tx.is_closed());
  EXPECT_EQ(rx.try_recv(), std::optional<int>(1));  // what was buffered is still there
}

ASYNC_TEST(mpsc, many_producers_lose_nothing) {
  auto [tx, rx] = asyncrt::mpsc::channel<long>(8);
  constexpr int producers = 16;
  constexpr int each = 500;
  for (int p = 0; p < producers; ++p) {
    asyncrt::spawn([](asyncrt::mpsc::sender<long> tx, int p) -> asyncrt::task<void> {
      for (int i = 0; i < each; ++i) co_await tx.send(static_cast<long>(p) * each + i);
    }(tx, p));
  }
  { auto gone = std::move(tx); }
  long sum = 0;
  long count = 0;
  while (auto v = co_await rx.recv()) {
    sum += *v;
    ++count;
  }
  const long n = static_cast<long>(producers) * each;
  EXPECT_EQ(count, n);
  EXPECT_EQ(sum, n * (n - 1) / 2);
}

ASYNC_TEST(mpsc, recv_after_close_drains_then_gives_nullopt_with_a_sender_alive) {
  auto [tx, rx] = asyncrt::mpsc::channel<int>(4);
  co_await tx.send(1);
  rx.close();
  EXPECT_EQ(co_await asyncrt::timeout(2s, rx.recv()), std::optional<int>(1));
  EXPECT_EQ(co_await asyncrt::timeout(2s, rx.recv()), std::nullopt);
  EXPECT_TRUE(tx.is_closed());
}
