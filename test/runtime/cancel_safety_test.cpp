// Cancel safety: a message is never lost to a select, a timeout or an abort
// that races its arrival. Each stress test runs many rounds in which a
// sender sends one message at about the moment the receive is cancelled;
// the message must then arrive exactly once: from the receive, or from the
// channel afterwards.

#include "test_support.hpp"

#include <numeric>
#include <optional>
#include <variant>
#include <vector>

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

// The receive loop that docs/runtime.md gives for a select with a receive:
// the receive itself is the branch, and the message is handled after select
// returns. Here the other branch, a short idle timer, often finishes as a
// message arrives.
ASYNC_TEST(cancel_safety, the_documented_receive_loop_loses_no_message) {
  constexpr int jobs = sanitized ? 300 : 2'000;
  auto [tx, rx] = asyncrt::mpsc::channel<int>(8);
  auto producer = asyncrt::spawn([](asyncrt::mpsc::sender<int> tx) -> asyncrt::task<void> {
    for (int i = 0; i < jobs; ++i) {
      if (i % 100 == 0) co_await asyncrt::sleep_for(1ms);  // the consumer idles
      if (i % 3 == 0) spin_until(clock::now() + 20us);
      co_await tx.send(i);
    }
  }(std::move(tx)));
  std::vector<int> handled;
  auto handle = [&handled](int job) -> asyncrt::task<void> {
    handled.push_back(job);
    co_await asyncrt::yield_now();
  };
  int idle = 0;
  for (;;) {
    auto event = co_await asyncrt::select(rx.recv(), asyncrt::sleep_for(20us));
    if (event.index() == 1) {  // no job for a while
      ++idle;
      continue;
    }
    std::optional<int> job = std::get<0>(std::move(event));
    if (!job) break;  // closed and drained
    co_await handle(*job);
  }
  co_await producer;
  std::vector<int> expected(jobs);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(handled, expected);
  EXPECT_GT(idle, 0);
}

// docs/runtime.md's promises for the operations that wait, each cancelled
// while it waits in the three ways there are: by losing a select, by a
// timeout, by an abort.

namespace {

enum class cancelled_by { select, timeout, abort };
constexpr cancelled_by every_way[] = {cancelled_by::select, cancelled_by::timeout, cancelled_by::abort};

// Runs `t`, which must still be waiting 10 ms later, and cancels it then.
template <class T>
asyncrt::task<void> cancel_while_waiting(asyncrt::task<T> t, cancelled_by how) {
  switch (how) {
    case cancelled_by::select: {
      auto winner = co_await asyncrt::select(std::move(t), asyncrt::sleep_for(10ms));
      EXPECT_EQ(winner.index(), 1u);
      break;
    }
    case cancelled_by::timeout:
      EXPECT_THROW(co_await asyncrt::timeout(10ms, std::move(t)), asyncrt::elapsed);
      break;
    case cancelled_by::abort: {
      auto handle = asyncrt::spawn(std::move(t));
      co_await asyncrt::sleep_for(10ms);
      handle.abort();
      EXPECT_THROW(co_await handle, asyncrt::task_cancelled);
      break;
    }
  }
}

}  // namespace

ASYNC_TEST(cancel_safety, a_cancelled_send_waiting_for_room_drops_its_value) {
  for (cancelled_by how : every_way) {
    auto [tx, rx] = asyncrt::mpsc::channel<int>(1);
    co_await tx.send(1);
    co_await cancel_while_waiting(tx.send(2), how);
    EXPECT_EQ(rx.try_recv(), 1);
    co_await tx.send(3);  // the room went to this send, not to the cancelled one
    EXPECT_EQ(rx.try_recv(), 3);
    EXPECT_EQ(rx.try_recv(), std::nullopt);
  }
}

ASYNC_TEST(cancel_safety, a_cancelled_lock_leaves_the_mutex_to_the_next_task) {
  for (cancelled_by how : every_way) {
    asyncrt::mutex m;
    auto held = co_await m.lock();
    co_await cancel_while_waiting(m.lock(), how);
    held.unlock();
    EXPECT_TRUE(m.try_lock());
    m.unlock();
  }
}

ASYNC_TEST(cancel_safety, a_cancelled_acquire_leaves_the_permits_to_the_next_task) {
  for (cancelled_by how : every_way) {
    asyncrt::semaphore s(1);
    auto held = co_await s.acquire();
    co_await cancel_while_waiting(s.acquire(), how);
    held.release();
    EXPECT_EQ(s.available_permits(), 1u);
    EXPECT_TRUE(s.try_acquire().has_value());
  }
}

ASYNC_TEST(cancel_safety, a_cancelled_notified_leaves_the_next_notify_one_to_the_next_task) {
  for (cancelled_by how : every_way) {
    asyncrt::notify n;
    co_await cancel_while_waiting(n.notified(), how);
    n.notify_one();  // no one waits: a permit is stored
    const auto start = clock::now();
    co_await asyncrt::timeout(1s, n.notified());
    EXPECT_LT(elapsed_ms(start), 500ms);
  }
}

namespace {

// The rounds of lost_messages for notify: each round a notify_one() lands at
// about the moment the select's other branch wins; the permit must then
// have gone to the notified() branch (which won) or be stored for the next.
template <class Wait>
asyncrt::task<int> lost_permits(Wait wait) {
  asyncrt::notify n;
  int lost = 0;
  std::chrono::microseconds notify_delay = 50us;
  const auto end = clock::now() + stress_time;
  for (int i = 0; i < max_rounds && clock::now() < end; ++i) {
    const auto base = clock::now() + 30us;
    auto notifier = asyncrt::spawn([](asyncrt::notify& n, clock::time_point at) -> asyncrt::task<void> {
      spin_until(at);
      n.notify_one();
      co_return;
    }(n, base + notify_delay + std::chrono::microseconds(i % 21 - 10)));
    const bool woken = co_await wait(n, base);
    co_await notifier;
    notify_delay = woken ? notify_delay * 9 / 8 + 1us : notify_delay * 7 / 8;
    if (woken) continue;
    try {
      co_await asyncrt::timeout(0ms, n.notified());  // the stored permit, taken at once
    } catch (const asyncrt::elapsed&) {
      ++lost;
    }
  }
  co_return lost;
}

}  // namespace

ASYNC_TEST(cancel_safety, a_notified_branch_that_loses_as_it_is_notified_keeps_the_permit) {
  EXPECT_EQ(co_await lost_permits([](asyncrt::notify& n, clock::time_point base) -> asyncrt::task<bool> {
              auto winner = co_await asyncrt::select(n.notified(), asyncrt::sleep_until(base));
              co_return winner.index() == 0;
            }),
            0);
}

ASYNC_TEST_ON(3, cancel_safety, aborting_a_select_whose_notified_has_won_keeps_the_permit) {
  EXPECT_EQ(co_await lost_permits([](asyncrt::notify& n, clock::time_point base) -> asyncrt::task<bool> {
              auto handle = asyncrt::spawn(asyncrt::select(n.notified(), asyncrt::sleep_for(1h)));
              co_await asyncrt::yield_now();
              spin_until(base + 50us);
              handle.abort();
              try {
                co_await handle;
                co_return true;
              } catch (const asyncrt::task_cancelled&) {
                co_return false;
              }
            }),
            0);
}
