#pragma once

// fs: file-system operations that run on the blocking pool, as tokio::fs, so
// a task waiting for the disk never blocks a worker. Errors are thrown as
// std::filesystem::filesystem_error, which carries the OS error
// (code()) and the path (path1(), and path2() for two-path operations).

#include <asyncrt/task.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace asyncrt::fs {

// The whole file as text.
task<std::string> read_to_string(std::filesystem::path p);

// The whole file as bytes.
task<std::vector<std::byte>> read(std::filesystem::path p);

// Creates or truncates the file and writes `contents`.
task<void> write(std::filesystem::path p, std::string contents);
task<void> write(std::filesystem::path p, std::vector<std::byte> contents);

// Creates the file if needed and writes `contents` at its end.
task<void> append(std::filesystem::path p, std::string contents);

// Removes a file or an empty directory; an error if it does not exist.
task<void> remove(std::filesystem::path p);

// Removes a file (tokio::fs::remove_file).
task<void> remove_file(std::filesystem::path p);

// Removes a directory and everything in it; an error (ENOENT) if it does not exist.
task<void> remove_dir_all(std::filesystem::path p);

task<void> create_dir(std::filesystem::path p);
task<void> create_dir_all(std::filesystem::path p);

// Renames `from` to `to`, replacing `to` if it is a file.
task<void> rename(std::filesystem::path from, std::filesystem::path to);

// Copies the contents of the file `from` to `to`; returns the bytes copied.
task<std::uint64_t> copy(std::filesystem::path from, std::filesystem::path to);

// Whether the path exists (tokio::fs::try_exists).
task<bool> exists(std::filesystem::path p);

// The size of a file in bytes.
task<std::uint64_t> file_size(std::filesystem::path p);

}  // namespace asyncrt::fs
