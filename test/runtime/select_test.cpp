// select: the first to finish wins; the others are gone when it returns.

#include "test_support.hpp"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <variant>

using namespace asyncrt_test;

namespace {

asyncrt::task<std::string> after(std::chrono::milliseconds d, std::string value) {
  co_await asyncrt::sleep_for(d);
  co_return value;
}

asyncrt::task<int> number_after(std::chrono::milliseconds d, int value) {
  co_await asyncrt::sleep_for(d);
  co_return value;
}

}  // namespace

ASYNC_TEST(select, the_first_to_finish_wins) {
  const auto start = clock::now();
  auto winner = co_await asyncrt::select(after(300ms, "slow"), number_after(10ms, 7));
  EXPECT_EQ(winner.index(), 1u);
  EXPECT_EQ(std::get<1>(winner), 7);
  EXPECT_LT(elapsed_ms(start), 250ms);
}

ASYNC_TEST(select, the_losers_are_cancelled_before_select_returns) {
  auto destroyed = std::make_shared<std::atomic<bool>>(false);
  auto finished = std::make_shared<std::atomic<bool>>(false);
  auto loser = [](std::shared_ptr<std::atomic<bool>> gone,
                  std::shared_ptr<std::atomic<bool>> done) -> asyncrt::task<void> {
    struct on_destroy {
      std::shared_ptr<std::atomic<bool>> flag;
      ~on_destroy() { flag->store(true); }
    } guard{gone};
    co_await asyncrt::sleep_for(10s);
    done->store(true);
  };
  auto winner = co_await asyncrt::select(loser(destroyed, finished), number_after(10ms, 1));
  EXPECT_EQ(winner.index(), 1u);
  EXPECT_TRUE(destroyed->load());
  EXPECT_FALSE(finished->load());
}

ASYNC_TEST(select, a_failing_winner_rethrows) {
  auto failing = []() -> asyncrt::task<int> {
    co_await asyncrt::sleep_for(5ms);
    throw std::runtime_error("winner failed");
  };
  EXPECT_THROW(co_await asyncrt::select(failing(), number_after(1s, 2)), std::runtime_error);
}

ASYNC_TEST(select, void_branches_give_monostate) {
  auto winner = co_await asyncrt::select(asyncrt::sleep_for(5ms), after(1s, "late"));
  static_assert(std::is_same_v<decltype(winner), std::variant<std::monostate, std::string>>);
  EXPECT_EQ(winner.index(), 0u);
}

ASYNC_TEST(select, a_single_branch_is_returned) {
  auto only = co_await asyncrt::select(number_after(1ms, 3));
  EXPECT_EQ(std::get<0>(only), 3);
}

// A producer feeds two channels in pairs, so that both receives of a select
// are often woken at once and complete on the two workers together: the
// one that loses must leave its message in its channel (tokio's recv is
// cancel safe), or the consumer ends up waiting for a message that is gone.
ASYNC_TEST(select, a_losing_recv_leaves_its_message_in_the_channel) {
  constexpr int each = 5000;
  auto [tx1, rx1] = asyncrt::mpsc::unbounded_channel<int>();
  auto [tx2, rx2] = asyncrt::mpsc::unbounded_channel<int>();
  // Open until the consumer is done: a receive never ends with nullopt.
  const auto open1 = tx1;
  const auto open2 = tx2;
  auto producer = asyncrt::spawn([](asyncrt::mpsc::sender<int> tx1, asyncrt::mpsc::sender<int> tx2) -> asyncrt::task<void> {
    for (int i = 0; i < each; ++i) {
      co_await tx1.send(i);
      co_await tx2.send(each + i);
    }
  }(std::move(tx1), std::move(tx2)));
  long received = 0;
  long sum = 0;
  while (received < 2 * each) {
    std::optional<int> value;
    try {
      auto winner = co_await asyncrt::timeout(1s, asyncrt::select(rx1.recv(), rx2.recv()));
      value = winner.index() == 0 ? std::get<0>(winner) : std::get<1>(winner);
    } catch (const asyncrt::elapsed&) {
      break;  // a message was lost: nothing more will come
    }
    CO_ASSERT_TRUE(value.has_value());
    ++received;
    sum += *value;
  }
  co_await producer;
  EXPECT_EQ(received, 2 * each);
  EXPECT_EQ(sum, 2L * each * (2 * each - 1) / 2);
}
