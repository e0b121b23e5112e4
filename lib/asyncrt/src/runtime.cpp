#include "scheduler.hpp"

#include <asyncrt/runtime.hpp>

#include <stdexcept>
#include <string>

namespace asyncrt {

runtime::builder& runtime::builder::worker_threads(std::size_t count) {
  config_.worker_threads = count;
  return *this;
}

runtime::builder& runtime::builder::max_blocking_threads(std::size_t count) {
  config_.max_blocking_threads = count;
  return *this;
}

runtime::builder& runtime::builder::thread_keep_alive(std::chrono::nanoseconds keep_alive) {
  config_.thread_keep_alive = keep_alive;
  return *this;
}

runtime runtime::builder::build() const { return runtime{config_}; }

runtime::runtime() : runtime(detail::runtime_config{}) {}

runtime::runtime(const detail::runtime_config& config) : core_(std::make_unique<detail::scheduler>(config)) {}

runtime::~runtime() = default;
runtime::runtime(runtime&&) noexcept = default;
runtime& runtime::operator=(runtime&&) noexcept = default;

std::size_t runtime::worker_threads() const noexcept { return core_->worker_count(); }

void runtime::ensure_not_shut_down(const char* what) const {
  if (!core_ || core_->is_shut_down())
    throw std::logic_error(std::string(what) + " called on a runtime that has been shut down");
}

void runtime::shutdown() noexcept {
  if (core_) core_->shutdown();
}

}  // namespace asyncrt
