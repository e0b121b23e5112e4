// asyncrt::fs: each operation runs its POSIX calls on the blocking pool, as
// tokio::fs does, and reports failures as std::filesystem::filesystem_error
// with the errno and the path.

#include <asyncrt/blocking.hpp>
#include <asyncrt/fs.hpp>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

// Each closure is named before it is awaited: g++ 12 miscompiles a lambda
// with captures written inside a co_await expression (it copies the closure
// bitwise, so a moved std::string's small buffer is freed twice). See
// docs/runtime.md, "Known compiler issues".

namespace asyncrt::fs {
namespace {

namespace stdfs = std::filesystem;

[[noreturn]] void fail(const char* operation, const stdfs::path& p, int error) {
  throw stdfs::filesystem_error(operation, p, std::error_code(error, std::generic_category()));
}

[[noreturn]] void fail(const char* operation, const stdfs::path& p, const std::error_code& error) {
  throw stdfs::filesystem_error(operation, p, error);
}

// Closes the descriptor when the scope ends, whatever happens.
class file {
 public:
  file(const char* operation, const stdfs::path& p, int flags) : fd_(::open(p.c_str(), flags | O_CLOEXEC, 0666)) {
    if (fd_ < 0) fail(operation, p, errno);
  }
  file(const file&) = delete;
  file& operator=(const file&) = delete;
  ~file() { ::close(fd_); }
  [[nodiscard]] int fd() const noexcept { return fd_; }

 private:
  int fd_;
};

template <class Buffer>
Buffer read_all(const char* operation, const stdfs::path& p) {
  file f(operation, p, O_RDONLY);
  Buffer out;
  struct stat info {};
  if (::fstat(f.fd(), &info) == 0 && info.st_size > 0) out.reserve(static_cast<std::size_t>(info.st_size));
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(f.fd(), chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(operation, p, errno);
    }
    if (n == 0) break;
    const auto* bytes = reinterpret_cast<const typename Buffer::value_type*>(chunk);
    out.insert(out.end(), bytes, bytes + n);
  }
  return out;
}

void write_all(const char* operation, const stdfs::path& p, int flags, const void* data, std::size_t size) {
  file f(operation, p, O_WRONLY | O_CREAT | flags);
  const char* cursor = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(f.fd(), cursor, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(operation, p, errno);
    }
    cursor += n;
    size -= static_cast<std::size_t>(n);
  }
}

}  // namespace

task<std::string> read_to_string(std::filesystem::path p) {
  auto job = [p = std::move(p)] { return read_all<std::string>("asyncrt::fs::read_to_string", p); };
  co_return co_await spawn_blocking(std::move(job));
}

task<std::vector<std::byte>> read(std::filesystem::path p) {
  auto job = [p = std::move(p)] { return read_all<std::vector<std::byte>>("asyncrt::fs::read", p); };
  co_return co_await spawn_blocking(std::move(job));
}

task<void> write(std::filesystem::path p, std::string contents) {
  auto job = [p = std::move(p), contents = std::move(contents)] {
    write_all("asyncrt::fs::write", p, O_TRUNC, contents.data(), contents.size());
  };
  co_await spawn_blocking(std::move(job));
}

task<void> write(std::filesystem::path p, std::vector<std::byte> contents) {
  auto job = [p = std::move(p), contents = std::move(contents)] {
    write_all("asyncrt::fs::write", p, O_TRUNC, contents.data(), contents.size());
  };
  co_await spawn_blocking(std::move(job));
}

task<void> append(std::filesystem::path p, std::string contents) {
  auto job = [p = std::move(p), contents = std::move(contents)] {
    write_all("asyncrt::fs::append", p, O_APPEND, contents.data(), contents.size());
  };
  co_await spawn_blocking(std::move(job));
}

task<void> remove(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    if (::remove(p.c_str()) != 0) fail("asyncrt::fs::remove", p, errno);
  };
  co_await spawn_blocking(std::move(job));
}

task<void> remove_file(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    if (::unlink(p.c_str()) != 0) fail("asyncrt::fs::remove_file", p, errno);
  };
  co_await spawn_blocking(std::move(job));
}

task<void> remove_dir_all(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    // std::filesystem::remove_all of a missing path removes nothing and
    // succeeds; tokio (and std::fs::remove_dir_all) report NotFound.
    struct stat info {};
    if (::lstat(p.c_str(), &info) != 0) fail("asyncrt::fs::remove_dir_all", p, errno);
    std::error_code error;
    if (stdfs::remove_all(p, error) == static_cast<std::uintmax_t>(-1) || error)
      fail("asyncrt::fs::remove_dir_all", p, error);
  };
  co_await spawn_blocking(std::move(job));
}

task<void> create_dir(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    if (::mkdir(p.c_str(), 0777) != 0) fail("asyncrt::fs::create_dir", p, errno);
  };
  co_await spawn_blocking(std::move(job));
}

task<void> create_dir_all(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    std::error_code error;
    stdfs::create_directories(p, error);
    if (error) fail("asyncrt::fs::create_dir_all", p, error);
  };
  co_await spawn_blocking(std::move(job));
}

task<void> rename(std::filesystem::path from, std::filesystem::path to) {
  auto job = [from = std::move(from), to = std::move(to)] {
    if (::rename(from.c_str(), to.c_str()) != 0)
      throw stdfs::filesystem_error("asyncrt::fs::rename", from, to, std::error_code(errno, std::generic_category()));
  };
  co_await spawn_blocking(std::move(job));
}

task<std::uint64_t> copy(std::filesystem::path from, std::filesystem::path to) {
  auto job = [from = std::move(from), to = std::move(to)] {
    std::error_code error;
    stdfs::copy_file(from, to, stdfs::copy_options::overwrite_existing, error);
    if (error) throw stdfs::filesystem_error("asyncrt::fs::copy", from, to, error);
    const std::uintmax_t size = stdfs::file_size(to, error);
    if (error) fail("asyncrt::fs::copy", to, error);
    return static_cast<std::uint64_t>(size);
  };
  co_return co_await spawn_blocking(std::move(job));
}

task<bool> exists(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    std::error_code error;
    const bool found = stdfs::exists(p, error);
    if (error) fail("asyncrt::fs::exists", p, error);
    return found;
  };
  co_return co_await spawn_blocking(std::move(job));
}

task<std::uint64_t> file_size(std::filesystem::path p) {
  auto job = [p = std::move(p)] {
    std::error_code error;
    const std::uintmax_t size = stdfs::file_size(p, error);
    if (error) fail("asyncrt::fs::file_size", p, error);
    return static_cast<std::uint64_t>(size);
  };
  co_return co_await spawn_blocking(std::move(job));
}

}  // namespace asyncrt::fs
