//===--- Paths.h - How async-lint names files ------------------------------===//

#ifndef ASYNC_LINT_DRIVER_PATHS_H
#define ASYNC_LINT_DRIVER_PATHS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include <string>

namespace async_lint {

/// The absolute, dot-free form of \p Path, a relative path being taken from
/// \p Directory (the current directory when empty).
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Directory = "");

/// The include directory of the asyncrt runtime bundled with async-lint,
/// found relative to the executable: `<prefix>/include` for
/// `<prefix>/bin/async-lint`, in an install as in a build tree (where the
/// build links `include/asyncrt` to the sources). Empty when it is not there.
std::string bundledRuntimeIncludeDir();

/// \p Path with its symbolic links resolved, the one name of a file that
/// two paths may reach (through a link to its directory); \p Path itself
/// when it cannot be resolved.
std::string realPath(llvm::StringRef Path);

/// How paths are printed: a file named on the command line as the user
/// named it; any other file (a header, a file of a compilation database)
/// relative to the current directory when it is under it, else absolute.
class DisplayPaths {
public:
  explicit DisplayPaths(llvm::ArrayRef<std::string> GivenPaths);
  std::string display(llvm::StringRef AbsolutePath) const;

private:
  std::string CurrentDirectory;
  llvm::StringMap<std::string> GivenByAbsolutePath;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_PATHS_H
