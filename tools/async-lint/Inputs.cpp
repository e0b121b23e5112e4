//===--- Inputs.cpp - Which files async-lint can lint ----------------------===//

#include "Inputs.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace async_lint {
namespace {

llvm::Error notLintable(llvm::StringRef Path, llvm::StringRef Why) {
  return llvm::createStringError("cannot lint '" + Path + "': " + Why);
}

} // namespace

std::string reasonOf(std::error_code EC) {
  std::string Reason = EC.message();
  if (!Reason.empty())
    Reason[0] = llvm::toLower(Reason[0]);
  return Reason;
}

llvm::Error checkSmallRegularFile(llvm::StringRef Path, uint64_t MaxSize) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return llvm::createStringError(reasonOf(EC));
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return llvm::createStringError("not a regular file");
  if (Status.getSize() > MaxSize)
    return llvm::createStringError("larger than " +
                                   std::to_string(MaxSize >> 20) + " MiB");
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readSmallRegularFile(llvm::StringRef Path, uint64_t MaxSize) {
  if (llvm::Error Refused = checkSmallRegularFile(Path, MaxSize))
    return Refused;
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Text)
    return llvm::createStringError(reasonOf(Text.getError()));
  return std::move(*Text);
}

llvm::Error checkLintable(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return notLintable(Path, reasonOf(EC));
  if (Status.type() == llvm::sys::fs::file_type::directory_file)
    return notLintable(Path, "is a directory");
  // A named pipe with no writer would wait forever, and one with a writer
  // (`... | async-lint /dev/stdin`) gives its text once, where a file is
  // read more than once (here, by clang, for the report's positions).
  if (Status.type() == llvm::sys::fs::file_type::fifo_file)
    return notLintable(Path, "a pipe, not a regular file; save what it "
                             "gives to a file and lint that");
  if (Status.type() != llvm::sys::fs::file_type::regular_file)
    return notLintable(Path, "not a regular file");
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Path);
  if (!Text)
    return notLintable(Path, reasonOf(Text.getError()));
  // Source text never holds a NUL byte; object files and images do.
  if ((*Text)->getBuffer().contains('\0'))
    return notLintable(Path, "a binary file, not source code");
  return llvm::Error::success();
}

} // namespace async_lint
