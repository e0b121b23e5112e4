// fs: round trips and errors carrying the OS error and the path.

#include "test_support.hpp"

#include <cerrno>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace asyncrt_test;

namespace {

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("asyncrt-fs-test-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

ASYNC_TEST(fs, write_then_read_to_string_round_trips) {
  const auto p = scratch("round-trip");
  co_await asyncrt::fs::write(p, "hello\nworld");
  EXPECT_EQ(co_await asyncrt::fs::read_to_string(p), "hello\nworld");
  co_await asyncrt::fs::remove(p);
  EXPECT_FALSE(co_await asyncrt::fs::exists(p));
}

ASYNC_TEST(fs, append_adds_at_the_end) {
  const auto p = scratch("append");
  co_await asyncrt::fs::write(p, "a");
  co_await asyncrt::fs::append(p, "b");
  co_await asyncrt::fs::append(p, "c");
  EXPECT_EQ(co_await asyncrt::fs::read_to_string(p), "abc");
  EXPECT_EQ(co_await asyncrt::fs::file_size(p), 3u);
  const auto bytes = co_await asyncrt::fs::read(p);
  EXPECT_EQ(bytes.size(), 3u);
  EXPECT_EQ(bytes[0], std::byte{'a'});
  co_await asyncrt::fs::remove_file(p);
}

ASYNC_TEST(fs, reading_a_missing_file_throws_with_the_os_error_and_the_path) {
  const auto p = scratch("missing");
  bool caught = false;
  try {
    co_await asyncrt::fs::read_to_string(p);
  } catch (const std::filesystem::filesystem_error& e) {
    caught = true;
    EXPECT_EQ(e.code(), std::error_code(ENOENT, std::generic_category()));
    EXPECT_EQ(e.path1(), p);
  }
  EXPECT_TRUE(caught);
}

ASYNC_TEST(fs, directories_rename_and_copy) {
  const auto dir = scratch("dir");
  co_await asyncrt::fs::create_dir_all(dir / "a" / "b");
  co_await asyncrt::fs::write(dir / "a" / "b" / "f", "xyz");
  co_await asyncrt::fs::rename(dir / "a" / "b" / "f", dir / "g");
  EXPECT_EQ(co_await asyncrt::fs::copy(dir / "g", dir / "h"), 3u);
  EXPECT_EQ(co_await asyncrt::fs::read_to_string(dir / "h"), "xyz");
  EXPECT_THROW(co_await asyncrt::fs::create_dir(dir / "a"), std::filesystem::filesystem_error);
  co_await asyncrt::fs::remove_dir_all(dir);
  EXPECT_FALSE(co_await asyncrt::fs::exists(dir));
}

ASYNC_TEST(fs, remove_dir_all_of_a_missing_path_fails_with_not_found) {
  const auto p = scratch("missing-dir");
  bool caught = false;
  try {
    co_await asyncrt::fs::remove_dir_all(p);
  } catch (const std::filesystem::filesystem_error& e) {
    caught = true;
    EXPECT_EQ(e.code(), std::error_code(ENOENT, std::generic_category()));
    EXPECT_EQ(e.path1(), p);
  }
  EXPECT_TRUE(caught);
}
