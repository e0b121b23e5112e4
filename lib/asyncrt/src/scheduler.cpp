#include "scheduler.hpp"

#include <asyncrt/detail/join_wait.hpp>
#include <asyncrt/detail/scheduler.hpp>
#include <asyncrt/task.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

namespace asyncrt::detail {
namespace {

// What the calling thread is doing for which runtime.
thread_local worker* tls_worker = nullptr;           // set on worker threads
thread_local scheduler* tls_scheduler = nullptr;     // set on worker and blocking-pool threads
thread_local task_header* tls_task = nullptr;        // the task being run
thread_local bool tls_task_completed = false;        // the running task reached its final suspend point
thread_local unsigned tls_budget = 0;                // coop budget left in this run
thread_local bool tls_destruction_failed = false;    // a destructor threw in the frame being destroyed

// tokio's numbers: a task gets 128 ready resource operations per run; a
// worker looks at the global queue (and the timers) every 61 tasks; a task
// woken by the running one may take the LIFO slot 3 times in a row.
constexpr unsigned coop_budget = 128;
constexpr std::uint32_t global_queue_interval = 61;
constexpr unsigned max_lifo_streak = 3;
constexpr std::uint32_t epoch_one = 1u << epoch_shift;

std::uint64_t next_random(std::uint64_t& state) noexcept {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

// Marks `task` to run again: scheduled if it is idle; notified if it is
// running, since its runner requeues it once it has suspended (resuming it
// here would race with the runner still inside resume()); nothing if it is
// already either, complete, or if `still_wanted(state)` says the wake is
// stale.
template <class StillWanted>
void wake_when(task_header* task, StillWanted still_wanted) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_relaxed);
  for (;;) {
    if ((s & state_complete) || !still_wanted(s)) return;
    std::uint32_t next;
    if (s & state_running) {
      if (s & state_notified) return;
      next = s | state_notified;
    } else if (s & state_scheduled) {
      return;
    } else {
      next = s | state_scheduled;
    }
    // release: what the waker did before (a value buffered, a lock handed
    // over) happens before the task runs again.
    if (task->state.compare_exchange_weak(s, next, std::memory_order_acq_rel, std::memory_order_relaxed)) {
      if (!(s & state_running)) task->sched->schedule(task, false);
      return;
    }
  }
}

// Like wake(), but only if `task` is still in the join wait that registered
// under `epoch` (see join_wait::finish).
void wake_if_epoch(task_header* task, std::uint32_t epoch) noexcept {
  wake_when(task, [epoch](std::uint32_t s) { return (s >> epoch_shift) == epoch; });
}

// A task just completed (old_state is its state before): wake the task
// awaiting it, and drop the reference that registration held.
void wake_joiner(task_header* task, std::uint32_t old_state) noexcept {
  if (!(old_state & state_join_waker)) return;
  task_header* waiter = task->join_waiter;
  wake_if_epoch(waiter, task->join_epoch);
  release(waiter);
}

// Marks a task complete (clearing the run bits and the join registration,
// which the caller consumes); returns the state before.
std::uint32_t mark_complete(task_header* task, std::uint32_t extra) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_relaxed);
  constexpr std::uint32_t cleared = state_running | state_notified | state_scheduled | state_join_waker;
  // acq_rel: release publishes the result to the join_handle; acquire pairs
  // with the joiner's registration (its join_waiter/join_epoch writes).
  while (!task->state.compare_exchange_weak(s, (s & ~cleared) | state_complete | extra, std::memory_order_acq_rel,
                                            std::memory_order_relaxed)) {
  }
  return s;
}

std::size_t default_worker_count() noexcept {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

}  // namespace

// ---------------------------------------------------------------------------
// Entry points used by the headers.

scheduler* current_scheduler() noexcept { return tls_scheduler; }

scheduler& current_scheduler_or_throw(const char* what) {
  if (!tls_scheduler)
    throw std::logic_error(std::string(what) +
                           " called outside of an asyncrt runtime (call it from a task, or use runtime::spawn)");
  return *tls_scheduler;
}

task_header* spawn_frame(scheduler& sched, task_header* task, bool blocking) { return sched.spawn(task, blocking); }

task_header* current_task() noexcept { return tls_task; }

task_header* suspend_current(std::coroutine_handle<> h) {
  task_header* task = tls_task;
  if (!task)
    throw std::logic_error("asyncrt: a runtime operation was awaited outside of a runtime task (use block_on)");
  task->leaf = h;
  return task;
}

void yield_current(std::coroutine_handle<> h) {
  task_header* task = suspend_current(h);
  // The task is running on this thread, so after_run sees the bit and
  // requeues it at the back.
  task->state.fetch_or(state_notified, std::memory_order_relaxed);
}

bool continue_or_yield(std::coroutine_handle<> h) {
  if (coop_consume()) return false;
  yield_current(h);
  return true;
}

void wake(task_header* task) noexcept {
  wake_when(task, [](std::uint32_t) { return true; });
}

void release(task_header* task) noexcept {
  // acq_rel: the last owner sees every other owner's writes before freeing.
  // The runtime's reference goes only after the frame is destroyed, so the
  // last reference always finds the frame gone.
  if (task->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) free_block(task);
}

void abort_task(task_header* task) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_relaxed);
  for (;;) {
    if (s & (state_complete | state_cancelled)) return;
    // A running or queued task sees the bit when it next stops or starts;
    // an idle one (suspended, waiting) is queued so that a worker cancels it.
    const bool idle = !(s & (state_running | state_scheduled));
    const std::uint32_t next = s | state_cancelled | (idle ? state_scheduled : 0u);
    if (task->state.compare_exchange_weak(s, next, std::memory_order_acq_rel, std::memory_order_relaxed)) {
      if (idle) task->sched->schedule(task, true);
      return;
    }
  }
}

void drop_task(task_header* task) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_acquire);
  for (;;) {
    if (s & state_complete) return;
    if (s & state_running) {
      // Another thread runs it (or is dropping it): it cancels the task
      // when the current run ends. Wait for that; a run ends at the task's
      // next suspension point.
      if (task->state.compare_exchange_weak(s, s | state_cancelled, std::memory_order_acq_rel,
                                            std::memory_order_acquire))
        break;
      continue;
    }
    // Idle or queued: take it, as a worker takes a task it runs.
    if (task->state.compare_exchange_weak(s, s | state_cancelled | state_running, std::memory_order_acq_rel,
                                          std::memory_order_acquire)) {
      // Still queued: the entry will find the task gone (see run_task).
      if ((s & state_scheduled) && task->sched->queues_open()) task->refs.fetch_add(1, std::memory_order_relaxed);
      task->sched->cancel(task);
      return;
    }
  }
  while (!(task->state.load(std::memory_order_acquire) & state_complete)) std::this_thread::yield();
}

void complete_root(task_header* task) noexcept {
  if (task == tls_task) tls_task_completed = true;
}

void report_unobserved(const std::exception_ptr& failure) noexcept {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asyncrt: a detached task threw an exception: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "asyncrt: a detached task threw an exception not derived from std::exception\n");
  }
}

bool coop_consume() noexcept {
  if (tls_budget == 0) return tls_task == nullptr;
  --tls_budget;
  return true;
}

void ensure_not_on_worker(const char* what) {
  if (tls_worker)
    throw std::logic_error(std::string(what) +
                           " called on a runtime worker thread: blocking it would deadlock the runtime "
                           "(co_await the task instead)");
}

// ---------------------------------------------------------------------------
// Task frames

void destroy_task_frame(std::coroutine_handle<> frame) noexcept {
  // Children first, as tokio drops a future tree: the innermost awaited task
  // goes first, so that no frame outlives a frame whose locals it borrows
  // (a lock() awaiting a mutex of its caller). Walking the links instead of
  // letting each frame destroy the one it awaits keeps a cancelled chain of
  // a million awaits off the stack.
  promise_base* const top = &promise_of(frame);
  promise_base* p = top;
  while (p->awaiting_) p = &promise_of(p->awaiting_->callee);
  for (;;) {
    // Below the top, every frame was reached from its caller's promise: the
    // caller is a task, awaiting it through `link`.
    promise_base* const caller = p == top ? nullptr : &promise_of(p->continuation_);
    task_await_link* const link = caller ? caller->awaiting_ : nullptr;
    const std::coroutine_handle<> h = link ? link->callee : frame;
    if (link) link->callee = {};  // its awaiter, destroyed with the caller's frame, must not destroy it again
    p->continuation_ = promise_base::destroying;
    const bool outer_failed = std::exchange(tls_destruction_failed, false);
    h.destroy();
    // A destructor threw: the frame caught the exception in its
    // unhandled_exception and stopped at its final suspend point instead of
    // freeing itself (g++ and clang alike). Destroy it from there.
    if (tls_destruction_failed) h.destroy();
    tls_destruction_failed = outer_failed;
    if (!caller) return;
    p = caller;
  }
}

void destruction_failed(std::exception_ptr failure) noexcept {
  report_unobserved(failure);
  tls_destruction_failed = true;
}

// ---------------------------------------------------------------------------
// join_wait

bool join_wait::suspend(std::span<task_header* const> children, std::coroutine_handle<> h) {
  task_header* self = suspend_current(h);
  // Open a new epoch for this wait. Only this thread changes the epoch.
  const std::uint32_t epoch = (self->state.fetch_add(epoch_one, std::memory_order_relaxed) + epoch_one) >> epoch_shift;
  self_ = self;
  children_ = children.data();
  registered_ = 0;
  bool one_complete = false;
  for (task_header* child : children) {
    if (is_complete(child)) {
      one_complete = true;
      break;
    }
    child->join_waiter = self;
    child->join_epoch = static_cast<std::uint16_t>(epoch);
    self->refs.fetch_add(1, std::memory_order_relaxed);
    // acq_rel: publishes join_waiter/join_epoch to the completer, whose CAS
    // reads this bit.
    const std::uint32_t old = child->state.fetch_or(state_join_waker, std::memory_order_acq_rel);
    if (old & state_complete) {
      // It completed first and did not see the bit: take the registration back.
      child->state.fetch_and(~std::uint32_t{state_join_waker}, std::memory_order_relaxed);
      self->refs.fetch_sub(1, std::memory_order_relaxed);
      one_complete = true;
      break;
    }
    ++registered_;
  }
  if (!one_complete) return true;
  finish();
  return continue_or_yield(h);
}

void join_wait::finish() noexcept {
  if (!self_) return;
  for (std::size_t i = 0; i < registered_; ++i) {
    task_header* child = children_[i];
    std::uint32_t s = child->state.load(std::memory_order_acquire);
    while (s & state_join_waker) {
      // Not consumed by a completion: withdraw it and its reference (never
      // the last one: the runtime still owns this running task).
      if (child->state.compare_exchange_weak(s, s & ~std::uint32_t{state_join_waker}, std::memory_order_acq_rel,
                                             std::memory_order_acquire)) {
        self_->refs.fetch_sub(1, std::memory_order_relaxed);
        break;
      }
    }
  }
  // Close the epoch. A completion that consumed a registration but has not
  // yet woken this task will find a newer epoch and do nothing; a wake-up
  // that already landed while the task runs (state_notified) belongs to the
  // wait that just ended, so it is dropped. Without this, a stale wake-up
  // could resume the task at its next, unrelated suspension point.
  std::uint32_t s = self_->state.load(std::memory_order_relaxed);
  while (!self_->state.compare_exchange_weak(s, (s + epoch_one) & ~std::uint32_t{state_notified},
                                             std::memory_order_acq_rel, std::memory_order_relaxed)) {
  }
  self_ = nullptr;
  registered_ = 0;
}

// ---------------------------------------------------------------------------
// scheduler

scheduler::scheduler(const runtime_config& config)
    : blocking_(*this, std::max<std::size_t>(1, config.max_blocking_threads), config.thread_keep_alive) {
  const std::size_t count = config.worker_threads ? config.worker_threads : default_worker_count();
  workers_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) workers_.push_back(std::make_unique<worker>(*this, i));
  try {
    for (auto& w : workers_) w->thread = std::thread([this, self = w.get()] { worker_main(*self); });
  } catch (...) {
    shutdown();
    throw;
  }
}

scheduler::~scheduler() { shutdown(); }

task_header* scheduler::spawn(task_header* task, bool blocking) {
  task->sched = this;
  task->leaf = std::coroutine_handle<>::from_address(frame_of(task));
  const std::uint32_t kind = blocking ? state_blocking : 0u;
  task->state.store(state_scheduled | state_join_interest | kind, std::memory_order_relaxed);
  bool owned = false;
  try {
    owned = owned_.insert(task);
  } catch (...) {
    task->leaf.destroy();  // refs is still 0: the block goes with it
    throw;
  }
  // The runtime's reference and the join_handle's.
  task->refs.store(2, std::memory_order_relaxed);
  if (!owned) {
    // The runtime is shutting down: the task never runs.
    task->state.store(state_running | state_join_interest | kind, std::memory_order_relaxed);
    cancel(task);
    return task;
  }
  schedule(task, false);
  return task;
}

void scheduler::schedule(task_header* task, bool yielded) noexcept {
  if (task->state.load(std::memory_order_relaxed) & state_blocking) {
    blocking_.submit(task);
    return;
  }
  worker* self = tls_worker;
  if (self && &self->sched == this) {
    if (!yielded && tls_task) {
      task_header* previous = std::exchange(self->lifo, task);
      if (!previous) return;  // this worker runs it next: no one else needs waking
      task = previous;
    }
    push_local(*self, task);
  } else {
    inject_.push(task);
  }
  notify_work();
}

void scheduler::push_local(worker& self, task_header* task) noexcept {
  if (self.queue.push(task)) return;
  // Full: move the older half and `task` to the global queue, where every
  // worker can find them.
  std::array<task_header*, local_queue::capacity / 2 + 1> batch;
  std::size_t count = self.queue.pop_half(batch.data(), local_queue::capacity / 2);
  batch[count++] = task;
  for (std::size_t i = 0; i + 1 < count; ++i) batch[i]->queue_next = batch[i + 1];
  inject_.push_batch(batch[0], batch[count - 1], count);
}

void scheduler::run_task(task_header* task) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_relaxed);
  // acquire: the frame and whatever the waker wrote are visible here.
  do {
    if (s & (state_running | state_complete)) {
      // A queue entry left behind by drop_task, which took the task while
      // it was queued and gave the entry a reference of its own.
      release(task);
      return;
    }
  } while (!task->state.compare_exchange_weak(s, (s & ~std::uint32_t{state_scheduled}) | state_running,
                                              std::memory_order_acq_rel, std::memory_order_relaxed));
  if (s & state_cancelled) {
    cancel(task);
    return;
  }
  tls_task = task;
  tls_task_completed = false;
  tls_budget = coop_budget;
  task->leaf.resume();
  // Still "running" the task while it completes: the joiner that its
  // completion wakes takes the LIFO slot of this worker, as a task woken by
  // the running one does, instead of the queue and a rousing of another
  // worker. A chain of tasks that each await the next then unwinds on one
  // thread (tokio's harness wakes the JoinHandle in the task's context too).
  if (tls_task_completed) complete(task);
  else after_run(task);
  tls_task = nullptr;
}

void scheduler::after_run(task_header* task) noexcept {
  std::uint32_t s = task->state.load(std::memory_order_relaxed);
  for (;;) {
    if (s & state_cancelled) {
      cancel(task);
      return;
    }
    const bool again = (s & state_notified) != 0;
    std::uint32_t next = s & ~std::uint32_t{state_running};
    if (again) next = (next & ~std::uint32_t{state_notified}) | state_scheduled;
    // release: this run's writes to the frame happen before the next run,
    // wherever it is.
    if (task->state.compare_exchange_weak(s, next, std::memory_order_acq_rel, std::memory_order_relaxed)) {
      if (again) schedule(task, true);
      return;
    }
  }
}

void scheduler::cancel(task_header* task) noexcept {
  owned_.remove(task);
  // Destroying the root destroys the whole chain of awaiting coroutines; the
  // awaiters' destructors withdraw them from timers, locks and channels. The
  // runtime's reference keeps the block (header and slot) alive.
  destroy_task_frame(std::coroutine_handle<>::from_address(frame_of(task)));
  const std::uint32_t old = mark_complete(task, state_aborted);
  wake_joiner(task, old);
  release(task);
}

void scheduler::complete(task_header* task) noexcept {
  owned_.remove(task);
  // The outcome is in the slot: drop the frame now, as tokio drops a
  // finished future, so that what the task owned (a channel's sender, a
  // guard passed by value) is released before anyone sees it complete.
  std::coroutine_handle<>::from_address(frame_of(task)).destroy();
  const std::uint32_t old = mark_complete(task, 0);
  // No handle left to rethrow it: the failure would be lost.
  result_slot_base* slot = slot_of(task);
  if (!(old & state_join_interest) && slot->failed()) report_unobserved(slot->failure());
  wake_joiner(task, old);
  release(task);
}

void scheduler::add_timer(timer_entry* entry) {
  if (!timers_.insert(entry)) return;
  // The earliest deadline moved closer: the parked worker waiting for the
  // previous one must wait again (a worker parks as the timer driver before
  // reading the deadline, so either it sees this entry or we see it).
  if (worker* driver = timer_driver_.load(std::memory_order_seq_cst)) {
    rouse(*driver, &worker::kicked);
  } else if (idle_count_.load(std::memory_order_relaxed) > 0) {
    unpark_one();
  }
}

void scheduler::worker_main(worker& self) noexcept {
  tls_worker = &self;
  tls_scheduler = this;
  self.random = 0x9E3779B97F4A7C15ull * (self.index + 1);
  while (!shutting_down_.load(std::memory_order_acquire)) {
    task_header* task = next_task(self);
    if (!task) task = steal(self);
    if (task) {
      run_task(task);
      continue;
    }
    park(self);
  }
  tls_worker = nullptr;
  tls_scheduler = nullptr;
}

task_header* scheduler::next_task(worker& self) noexcept {
  ++self.tick;
  if (self.tick % global_queue_interval == 0) {
    // Fairness: tasks in the global queue and expired timers are not starved
    // by a worker whose local queue never empties.
    fire_due_timers();
    if (task_header* task = take_from_inject(self)) return task;
  }
  if (self.lifo) {
    if (self.lifo_streak < max_lifo_streak) {
      ++self.lifo_streak;
      return std::exchange(self.lifo, nullptr);
    }
    // Two tasks waking each other through the LIFO slot would starve the
    // queue: send the slot's task to the back. Another worker is worth
    // rousing only if something is left to steal once this one has taken the
    // head of the queue (a lone chain of tasks would otherwise wake it for
    // nothing every few hops).
    push_local(self, std::exchange(self.lifo, nullptr));
    if (self.queue.size() > 1) notify_work();
  }
  self.lifo_streak = 0;
  if (task_header* task = self.queue.pop()) return task;
  return take_from_inject(self);
}

task_header* scheduler::take_from_inject(worker& self) noexcept {
  if (inject_.empty()) return nullptr;
  std::array<task_header*, local_queue::capacity / 2> batch;
  // A fair share, but no more than the local queue has room for (plus the
  // task run at once): the surplus would only overflow back to the global
  // queue, as tokio bounds it too. (Without the bound, a spawn_many-like
  // burst moved each task through the global queue nearly twice.)
  const std::size_t room = local_queue::capacity - self.queue.size();
  const std::size_t share = std::min({inject_.size() / workers_.size() + 1, batch.size(), room + 1});
  const std::size_t count = inject_.pop_batch(batch.data(), share);
  if (count == 0) return nullptr;
  for (std::size_t i = 1; i < count; ++i) push_local(self, batch[i]);
  return batch[0];
}

task_header* scheduler::steal(worker& self) noexcept {
  const std::size_t count = workers_.size();
  if (count < 2) return nullptr;
  const std::size_t start = static_cast<std::size_t>(next_random(self.random) % count);
  for (std::size_t i = 0; i < count; ++i) {
    worker& victim = *workers_[(start + i) % count];
    if (&victim == &self) continue;
    std::array<task_header*, local_queue::capacity / 2> batch;
    const std::size_t stolen = victim.queue.pop_half(batch.data(), batch.size());
    if (stolen == 0) continue;
    // Our own queue is empty (we steal only then), so there is room.
    for (std::size_t j = 1; j < stolen; ++j) self.queue.push(batch[j]);
    if (stolen > 1) notify_work();
    return batch[0];
  }
  return nullptr;
}

bool scheduler::fire_due_timers() noexcept {
  const clock::time_point now = clock::now();
  if (!timers_.has_due(now)) return false;
  return timers_.fire_due(now) > 0;
}

bool scheduler::has_work() const noexcept {
  if (!inject_.empty()) return true;
  return std::any_of(workers_.begin(), workers_.end(), [](const auto& w) { return w->queue.size() > 0; });
}

void scheduler::park(worker& self) noexcept {
  if (fire_due_timers()) return;
  register_idle(self);
  // Pairs with the fence in notify_work (see there).
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (has_work() || shutting_down_.load(std::memory_order_acquire)) {
    unregister_idle(self);
    return;
  }
  // One parked worker waits for the earliest timer; the others wait for work.
  worker* expected = nullptr;
  const bool driving = timer_driver_.compare_exchange_strong(expected, &self, std::memory_order_seq_cst);
  const std::optional<clock::time_point> deadline = driving ? timers_.next_deadline() : std::nullopt;
  wait_until_roused(self, deadline);
  const bool woken_for_work = self.notified.exchange(false, std::memory_order_acquire);
  self.kicked.store(false, std::memory_order_relaxed);
  if (driving) {
    timer_driver_.store(nullptr, std::memory_order_seq_cst);
    // Leaving to run tasks, perhaps long ones: hand the timers to another
    // parked worker so that they keep firing on time.
    if (woken_for_work && !timers_.empty()) unpark_one();
  }
  unregister_idle(self);
}

void scheduler::wait_until_roused(worker& self, std::optional<clock::time_point> deadline) noexcept {
  const auto roused = [&] {
    return self.notified.load(std::memory_order_seq_cst) || self.kicked.load(std::memory_order_seq_cst) ||
           shutting_down_.load(std::memory_order_acquire);
  };
  // A busy worker that overflows its queue or spawns often rouses an idle
  // one again within microseconds: give it a few chances before the system
  // calls of a real sleep, as tokio's parker does.
  for (int spin = 0; spin < 3; ++spin) {
    if (roused()) return;
    std::this_thread::yield();
  }
  std::unique_lock lock(self.park_mutex);
  // seq_cst: pairs with rouse(), which sets a flag and then reads `sleeping`
  // while we set `sleeping` and then read the flags: at least one side sees
  // the other's store, so a rousing is never lost.
  self.sleeping.store(true, std::memory_order_seq_cst);
  while (!roused()) {
    if (!deadline) {
      self.park_cv.wait(lock);
    } else if (self.park_cv.wait_until(lock, *deadline) == std::cv_status::timeout) {
      break;
    }
  }
  self.sleeping.store(false, std::memory_order_relaxed);
}

void scheduler::rouse(worker& target, std::atomic<bool> worker::*flag) noexcept {
  (target.*flag).store(true, std::memory_order_seq_cst);
  if (!target.sleeping.load(std::memory_order_seq_cst)) return;  // it will see the flag before it sleeps
  // It set `sleeping` under park_mutex and holds it until it waits: once we
  // have taken the mutex, it waits (or has already seen the flag), so the
  // notification cannot fall before its wait.
  { std::lock_guard lock(target.park_mutex); }
  target.park_cv.notify_one();
}

void scheduler::notify_work() noexcept {
  // Dekker-style handshake with park(): the pusher has published a task and
  // then reads idle_count_; a parking worker increments idle_count_ and then
  // looks at the queues. With a seq_cst fence on each side, at least one of
  // them sees the other's write, so a queued task never waits while every
  // worker sleeps.
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (idle_count_.load(std::memory_order_relaxed) == 0) return;
  unpark_one();
}

bool scheduler::unpark_one() noexcept {
  worker* chosen = nullptr;
  {
    std::lock_guard lock(idle_mutex_);
    if (idle_.empty()) return false;
    chosen = idle_.back();
    idle_.pop_back();
    chosen->idle = false;
    idle_count_.fetch_sub(1, std::memory_order_relaxed);
  }
  rouse(*chosen, &worker::notified);
  return true;
}

void scheduler::register_idle(worker& self) {
  std::lock_guard lock(idle_mutex_);
  idle_.push_back(&self);
  self.idle = true;
  idle_count_.fetch_add(1, std::memory_order_seq_cst);
}

void scheduler::unregister_idle(worker& self) noexcept {
  std::lock_guard lock(idle_mutex_);
  if (!self.idle) return;
  idle_.erase(std::find(idle_.begin(), idle_.end(), &self));
  self.idle = false;
  idle_count_.fetch_sub(1, std::memory_order_relaxed);
}

void scheduler::shutdown() noexcept {
  if (shut_down_) return;
  shut_down_ = true;
  shutting_down_.store(true, std::memory_order_seq_cst);
  for (auto& w : workers_) rouse(*w, &worker::notified);
  for (auto& w : workers_)
    if (w->thread.joinable()) w->thread.join();
  blocking_.shutdown();
  // No thread runs tasks any more. Empty the queues for good: a task woken
  // from now on stays unqueued, and is destroyed below with the others.
  queues_open_.store(false, std::memory_order_relaxed);
  for (task_header* task = inject_.close(); task;) {
    task_header* next = task->queue_next;
    forget_queued(task);
    task = next;
  }
  for (auto& w : workers_) {
    while (task_header* task = w->queue.pop()) forget_queued(task);
    if (w->lifo) forget_queued(std::exchange(w->lifo, nullptr));
  }
  // Destroy the tasks left, with this thread acting for the runtime: a
  // destructor that spawns gets a task cancelled at once (the list is
  // closed), one that wakes a task leaves it in the list.
  scheduler* const outer = std::exchange(tls_scheduler, this);
  while (task_header* task = owned_.close_and_pop()) {
    task->state.fetch_or(state_running, std::memory_order_relaxed);
    cancel(task);
  }
  tls_scheduler = outer;
}

void scheduler::forget_queued(task_header* task) noexcept {
  // An entry that drop_task left behind holds a reference (see run_task).
  if (task->state.load(std::memory_order_acquire) & state_complete) release(task);
}

// ---------------------------------------------------------------------------
// blocking_pool (here for the thread-locals it sets)

blocking_pool::blocking_pool(scheduler& owner, std::size_t max_threads, std::chrono::nanoseconds keep_alive)
    : owner_(owner), max_threads_(max_threads), keep_alive_(keep_alive) {}

blocking_pool::~blocking_pool() { shutdown(); }

void blocking_pool::submit(task_header* task) {
  std::lock_guard lock(mutex_);
  // After shutdown the task stays in the owned list, which cancels it.
  if (shutting_down_) return;
  queue_.push_back(task);
  if (idle_ > wakeups_) {
    ++wakeups_;  // that idle thread is spoken for: the next job needs another
    work_ready_.notify_one();
    return;
  }
  if (threads_.size() >= max_threads_) return;  // queued for the next free thread
  join_exited();
  threads_.emplace_back();
  const auto self = std::prev(threads_.end());
  // The new thread locks mutex_ first, so `*self` is assigned before it looks.
  *self = std::thread([this, self] { thread_main(self); });
}

void blocking_pool::thread_main(std::list<std::thread>::iterator self) {
  tls_scheduler = &owner_;
  std::unique_lock lock(mutex_);
  for (;;) {
    if (shutting_down_) break;
    if (!queue_.empty()) {
      task_header* task = queue_.front();
      queue_.pop_front();
      lock.unlock();
      owner_.run_task(task);
      lock.lock();
      continue;
    }
    ++idle_;
    const bool woken = work_ready_.wait_for(lock, keep_alive_, [this] { return !queue_.empty() || shutting_down_; });
    --idle_;
    if (wakeups_ > 0) --wakeups_;
    if (woken) continue;
    // Idle for the keep-alive: leave. (During a shutdown the shutting-down
    // thread owns the list and joins everyone; see the check above.)
    exited_.push_back(std::move(*self));
    threads_.erase(self);
    break;
  }
  tls_scheduler = nullptr;
}

void blocking_pool::join_exited() noexcept {
  for (std::thread& t : exited_) t.join();
  exited_.clear();
}

void blocking_pool::shutdown() noexcept {
  std::list<std::thread> threads;
  std::vector<std::thread> exited;
  {
    std::lock_guard lock(mutex_);
    shutting_down_ = true;
    threads.swap(threads_);
    exited.swap(exited_);
    queue_.clear();
  }
  work_ready_.notify_all();
  for (std::thread& t : threads) t.join();
  for (std::thread& t : exited) t.join();
}

std::size_t blocking_pool::thread_count() noexcept {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

}  // namespace asyncrt::detail
