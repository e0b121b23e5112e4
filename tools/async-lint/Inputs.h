//===--- Inputs.h - Which files async-lint can lint ------------------------===//

#ifndef ASYNC_LINT_DRIVER_INPUTS_H
#define ASYNC_LINT_DRIVER_INPUTS_H

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstdint>
#include <memory>
#include <string>
#include <system_error>

namespace async_lint {

/// Succeeds when \p Path is a readable text file; otherwise says in one line
/// why it is not (missing, a directory, a FIFO or device, unreadable,
/// binary). Checked before any parsing, so that no input can make the tool
/// hang (a FIFO) or drown the user in compile errors (an object file).
llvm::Error checkLintable(llvm::StringRef Path);

/// Succeeds when \p Path is a regular file of at most \p MaxSize bytes;
/// otherwise says in one line why not.
llvm::Error checkSmallRegularFile(llvm::StringRef Path, uint64_t MaxSize);

/// The text of \p Path, a regular file of at most \p MaxSize bytes: a FIFO
/// (whose opening would wait for a writer forever), a device (/dev/zero
/// never ends) or a huge file is refused with a one-line reason.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readSmallRegularFile(llvm::StringRef Path, uint64_t MaxSize);

/// Why a file operation failed, as clang words it: "no such file or
/// directory", lower-case.
std::string reasonOf(std::error_code EC);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_INPUTS_H
