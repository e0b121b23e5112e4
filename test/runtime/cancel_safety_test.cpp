// Cancel safety: a message is never lost to a select, a timeout or an abort
// that races its arrival. Each stress test runs many rounds in which a
// sender sends one message at about the moment the receive is cancelled;
// the message must then arrive exactly once: from the receive, or from the
// channel afterwards.

#include "test_support.hpp"

#include <optional>
#include <variant>

using namespace asyncrt_test;

namespace {

// Each stress test runs rounds for this long (fewer under the sanitizers or
// on a loaded machine) or until this many rounds.
constexpr auto stress_time = 500ms;
constexpr int max_rounds = 5'000;

void spin_until(clock::time_point t) {
  while (clock::now() < t) {
  }
}

// A message whose moves take a few microseconds, as a large one's would:
// it stays longer on its way from the channel through the frames of the
// tasks that pass it on, where a cancellation would lose it.
struct message {
  explicit message(int n) : id(n) {}
  message(message&& other) noexcept : id(other.id) { spin_until(clock::now() + 5us); }
  message& operator=(message&& other) noexcept = default;
  int id;
};

using receiver = asyncrt::mpsc::receiver<message>;
using received = std::optional<message>;

// Sends `value` at `at` (spinning, so that the send lands within
// microseconds of it).
asyncrt::task<void> send_at(asyncrt::mpsc::sender<message> tx, int value, clock::time_point at) {
  spin_until(at);
  EXPECT_TRUE(tx.try_send(message{value}));
  co_return;
}

// Runs the rounds: each spawns a sender of `i`, runs `receive(rx, base)`
// (its message, or nullopt if it was cancelled at about `base`), and counts
// the messages that neither the receive nor the channel has afterwards.
// The sends track the moment of the cancellation, which comes tens to
// hundreds of microseconds after `base` depending on the machine's load
// (a timer's wake-up): each round that received moves the send later, each
// that did not moves it earlier, so that about half the rounds race.
template <class Receive>
asyncrt::task<int> lost_messages(Receive receive) {
  auto [tx, rx] = asyncrt::mpsc::unbounded_channel<message>();
  int lost = 0;
  std::chrono::microseconds send_delay = 50us;
  const auto end = clock::now() + stress_time;
  for (int i = 0; i < max_rounds && clock::now() < end; ++i) {
    const auto base = clock::now() + 30us;
    auto sender = asyncrt::spawn(send_at(tx, i, base + send_delay + std::chrono::microseconds(i % 21 - 10)));
    received got = co_await receive(rx, base);
    co_await sender;
    send_delay = got ? send_delay * 9 / 8 + 1us : send_delay * 7 / 8;
    if (!got) got = rx.try_recv();
    if (!got || got->id != i) ++lost;
    EXPECT_EQ(rx.try_recv(), std::nullopt);
  }
  co_return lost;
}

// `rx.recv()` under a timeout that expires at `base`.
asyncrt::task<received> recv_with_deadline(receiver& rx, clock::time_point base) {
  try {
    co_return co_await asyncrt::timeout(base - clock::now(), rx.recv());
  } catch (const asyncrt::elapsed&) {
    co_return std::nullopt;
  }
}

// `task`, spawned and aborted at `base`: its value, or nullopt if cancelled.
template <class T>
asyncrt::task<received> aborted_at(asyncrt::task<T> task, clock::time_point base) {
  auto handle = asyncrt::spawn(std::move(task));
  // Lets the task start on this worker (a spawn waits in its LIFO slot).
  co_await asyncrt::yield_now();
  spin_until(base + 50us);
  handle.abort();
  try {
    auto value = co_await handle;
    if constexpr (std::is_same_v<T, received>) co_return value;
    else co_return std::get<0>(std::move(value));
  } catch (const asyncrt::task_cancelled&) {
    co_return std::nullopt;
  }
}

}  // namespace

ASYNC_TEST(cancel_safety, a_recv_under_a_timeout_that_expires_as_the_message_arrives_loses_nothing) {
  EXPECT_EQ(co_await lost_messages(recv_with_deadline), 0);
}

ASYNC_TEST(cancel_safety, a_select_of_recvs_under_a_timeout_that_expires_as_the_message_arrives_loses_nothing) {
  auto [other_tx, other_rx] = asyncrt::mpsc::unbounded_channel<message>();
  EXPECT_EQ(co_await lost_messages([&other_rx](receiver& rx, clock::time_point base) -> asyncrt::task<received> {
              try {
                auto both = asyncrt::select(rx.recv(), other_rx.recv());
                auto winner = co_await asyncrt::timeout(base - clock::now(), std::move(both));
                co_return std::get<0>(std::move(winner));
              } catch (const asyncrt::elapsed&) {
                co_return std::nullopt;
              }
            }),
            0);
}

// The recv's value passes through an inner select, or a timeout, to the
// outer select, whose other branch wins at `base`.
ASYNC_TEST(cancel_safety, a_select_in_a_select_whose_other_branch_wins_as_the_message_arrives_loses_nothing) {
  EXPECT_EQ(co_await lost_messages([](receiver& rx, clock::time_point base) -> asyncrt::task<received> {
              auto inner = asyncrt::select(rx.recv(), asyncrt::sleep_for(1h));
              auto winner = co_await asyncrt::select(std::move(inner), asyncrt::sleep_until(base));
              if (winner.index() == 1) co_return std::nullopt;
              co_return std::get<0>(std::get<0>(std::move(winner)));
            }),
            0);
}

ASYNC_TEST(cancel_safety, a_timeout_in_a_select_whose_other_branch_wins_as_the_message_arrives_loses_nothing) {
  EXPECT_EQ(co_await lost_messages([](receiver& rx, clock::time_point base) -> asyncrt::task<received> {
              auto winner = co_await asyncrt::select(asyncrt::timeout(1h, rx.recv()), asyncrt::sleep_until(base));
              if (winner.index() == 1) co_return std::nullopt;
              co_return std::get<0>(std::move(winner));
            }),
            0);
}

ASYNC_TEST_ON(3, cancel_safety, aborting_a_select_whose_recv_has_taken_a_message_loses_nothing) {
  EXPECT_EQ(co_await lost_messages([](receiver& rx, clock::time_point base) {
              return aborted_at(asyncrt::select(rx.recv(), asyncrt::sleep_for(1h)), base);
            }),
            0);
}

ASYNC_TEST_ON(3, cancel_safety, aborting_a_task_in_a_recv_loses_nothing) {
  EXPECT_EQ(co_await lost_messages([](receiver& rx, clock::time_point base) { return aborted_at(rx.recv(), base); }),
            0);
}
