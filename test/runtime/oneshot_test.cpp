// oneshot: one value; errors when either side goes away.

#include "test_support.hpp"

#include <string>

using namespace asyncrt_test;

ASYNC_TEST(oneshot, the_value_reaches_the_receiver) {
  auto [tx, rx] = asyncrt::oneshot::channel<std::string>();
  asyncrt::spawn([](asyncrt::oneshot::sender<std::string> tx) -> asyncrt::task<void> {
    co_await asyncrt::sleep_for(10ms);
    tx.send("hello");
  }(std::move(tx)));
  EXPECT_EQ(co_await rx, "hello");
}

ASYNC_TEST(oneshot, a_dropped_sender_fails_the_receiver) {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  asyncrt::spawn([](asyncrt::oneshot::sender<int> tx) -> asyncrt::task<void> {
    co_await asyncrt::sleep_for(5ms);
    (void)tx;
  }(std::move(tx)));
  EXPECT_THROW(co_await rx, asyncrt::oneshot::recv_error);
}

ASYNC_TEST(oneshot, send_to_a_dropped_receiver_returns_false) {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  EXPECT_FALSE(tx.is_closed());
  { auto gone = std::move(rx); }
  EXPECT_TRUE(tx.is_closed());
  EXPECT_FALSE(tx.send(1));
  co_return;
}

ASYNC_TEST(oneshot, try_recv_takes_a_sent_value) {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  EXPECT_EQ(rx.try_recv(), std::nullopt);
  EXPECT_TRUE(tx.send(9));
  EXPECT_EQ(rx.try_recv(), std::optional<int>(9));
  co_return;
}

ASYNC_TEST(oneshot, awaiting_after_close_fails_at_once) {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  rx.close();
  EXPECT_THROW(co_await asyncrt::timeout(2s, [](asyncrt::oneshot::receiver<int>& rx) -> asyncrt::task<int> {
                 co_return co_await rx;
               }(rx)),
               asyncrt::oneshot::recv_error);
  EXPECT_FALSE(tx.send(1));
}

ASYNC_TEST(oneshot, a_value_sent_before_close_can_still_be_received) {
  auto [tx, rx] = asyncrt::oneshot::channel<int>();
  EXPECT_TRUE(tx.send(4));
  rx.close();
  EXPECT_EQ(co_await rx, 4);
}
