#pragma once

// semaphore: a counting, FIFO-fair asynchronous semaphore, as
// tokio::sync::Semaphore. acquire() yields a semaphore_permit that gives its
// permits back on destruction.

#include <asyncrt/detail/waiter_list.hpp>
#include <asyncrt/task.hpp>

#include <cstddef>
#include <mutex>
#include <optional>

namespace asyncrt {

class semaphore;

namespace detail {
template <class Policy>
class resource_awaiter;
struct semaphore_policy;
}

class semaphore_permit {
 public:
  semaphore_permit(semaphore& owner, std::size_t count) noexcept : semaphore_(&owner), count_(count) {}
  semaphore_permit(semaphore_permit&& other) noexcept : semaphore_(other.semaphore_), count_(other.count_) {
    other.semaphore_ = nullptr;
  }
  semaphore_permit& operator=(semaphore_permit&& other) noexcept;
  semaphore_permit(const semaphore_permit&) = delete;
  semaphore_permit& operator=(const semaphore_permit&) = delete;
  ~semaphore_permit() { release(); }

  // Gives the permits back now.
  void release() noexcept;
  // Keeps the permits out of the semaphore for good.
  void forget() noexcept { semaphore_ = nullptr; }

  [[nodiscard]] std::size_t count() const noexcept { return semaphore_ ? count_ : 0; }

 private:
  semaphore* semaphore_;
  std::size_t count_;
};

class semaphore {
 public:
  explicit semaphore(std::size_t permits) noexcept : permits_(permits) {}
  semaphore(const semaphore&) = delete;
  semaphore& operator=(const semaphore&) = delete;

  // Completes when `count` permits are available to the calling task. FIFO:
  // a large request at the head is not overtaken by smaller ones behind it.
  [[nodiscard]] task<semaphore_permit> acquire(std::size_t count = 1);

  // The permits if they are available now and no one is waiting.
  [[nodiscard]] std::optional<semaphore_permit> try_acquire(std::size_t count = 1) noexcept;

  // Adds permits (to give back permits taken with forget(), or to grow).
  void add_permits(std::size_t count) noexcept;

  [[nodiscard]] std::size_t available_permits() noexcept;

 private:
  template <class Policy>
  friend class detail::resource_awaiter;
  friend struct detail::semaphore_policy;

  void grant_waiters() noexcept;

  std::mutex state_lock_;
  std::size_t permits_;
  detail::waiter_list waiters_;
};

inline void semaphore_permit::release() noexcept {
  if (semaphore_) {
    semaphore_->add_permits(count_);
    semaphore_ = nullptr;
  }
}

inline semaphore_permit& semaphore_permit::operator=(semaphore_permit&& other) noexcept {
  if (this != &other) {
    release();
    semaphore_ = other.semaphore_;
    count_ = other.count_;
    other.semaphore_ = nullptr;
  }
  return *this;
}

}  // namespace asyncrt
