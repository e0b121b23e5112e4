//===--- Paths.cpp - How async-lint names files ----------------------------===//

#include "Paths.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace async_lint {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> Absolute(Path);
  if (Directory.empty() || llvm::sys::path::is_absolute(Path))
    llvm::sys::fs::make_absolute(Absolute);
  else
    llvm::sys::path::make_absolute(Directory, Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

std::string bundledRuntimeIncludeDir() {
  llvm::SmallString<256> Include(llvm::sys::fs::getMainExecutable(
      "async-lint", reinterpret_cast<void *>(&bundledRuntimeIncludeDir)));
  llvm::sys::path::remove_filename(Include); // bin/
  llvm::sys::path::remove_filename(Include); // <prefix>/
  llvm::sys::path::append(Include, "include");
  llvm::SmallString<256> Umbrella(Include);
  llvm::sys::path::append(Umbrella, "asyncrt", "asyncrt.hpp");
  return llvm::sys::fs::exists(Umbrella) ? std::string(Include) : "";
}

std::string realPath(llvm::StringRef Path) {
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real))
    return Path.str();
  return std::string(Real);
}

DisplayPaths::DisplayPaths(llvm::ArrayRef<std::string> GivenPaths)
    : CurrentDirectory(absolutePath(".")) {
  for (const std::string &Given : GivenPaths)
    GivenByAbsolutePath.try_emplace(absolutePath(Given), Given);
}

std::string DisplayPaths::display(llvm::StringRef AbsolutePath) const {
  auto Given = GivenByAbsolutePath.find(AbsolutePath);
  if (Given != GivenByAbsolutePath.end())
    return Given->second;
  llvm::StringRef Relative = AbsolutePath;
  if (Relative.consume_front(CurrentDirectory) &&
      Relative.consume_front(llvm::sys::path::get_separator()))
    return Relative.str();
  return AbsolutePath.str();
}

} // namespace async_lint
