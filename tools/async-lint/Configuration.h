//===--- Configuration.h - The clang-tidy options async-lint runs with ----===//

#ifndef ASYNC_LINT_DRIVER_CONFIGURATION_H
#define ASYNC_LINT_DRIVER_CONFIGURATION_H

#include "CommandLine.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

/// The options of a run, in clang-tidy's order of precedence: async-lint's
/// defaults (every async-* check), then the configuration file (the
/// .clang-tidy above each file, or --config-file), then the command line.
///
/// A configuration file's `Checks:` line is written for clang-tidy and its
/// hundreds of checks, so only its globs that name async- checks are kept:
/// a project's `-*,bugprone-*` must not silently turn async-lint off, while
/// its `-async-heavy-loop` still does what it says. Everything else in the
/// file (CheckOptions, WarningsAsErrors, HeaderFilterRegex, ExtraArgs...)
/// applies as in clang-tidy.
class Configuration {
public:
  static llvm::Expected<Configuration> fromInvocation(const Invocation &Args);

  /// A new provider of these options, reading configuration files through
  /// \p Files: a translation unit's own file system, whose working directory
  /// is its compile command's, against which the unit's relative file names
  /// resolve. Providers cache what they read and are not thread-safe: each
  /// thread of a run makes its own.
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
  makeProvider(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) const;

  /// Fails, saying which file and where, when a configuration file that
  /// \p File would be linted with (a .clang-tidy above it) is not valid:
  /// clang-tidy would pass over it, losing its `Checks:` line, and complain
  /// once per file linted. A directory is checked once per run.
  llvm::Error checkConfigurations(llvm::StringRef File);

  /// The options \p File is linted with.
  clang::tidy::ClangTidyOptions optionsFor(llvm::StringRef File) const;

  /// The options of \p File with where each layer came from (defaults, a
  /// .clang-tidy, the command line), for --verify-config.
  std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource>
  rawOptionsFor(llvm::StringRef File) const;

  /// The checks enabled for \p File, sorted.
  std::vector<std::string> enabledChecks(llvm::StringRef File) const;

  /// These options as \p File is linted with them now, read once through
  /// \p Files, for a unit whose findings in headers are not reported (the
  /// language server's): every provider of the result gives those options
  /// for every file, without reading a configuration file again.
  Configuration pinnedTo(llvm::StringRef File,
                         llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) const;

private:
  /// --line-filter.
  clang::tidy::ClangTidyGlobalOptions GlobalOptions;
  clang::tidy::ClangTidyOptions Defaults;
  clang::tidy::ClangTidyOptions Overrides;
  std::optional<clang::tidy::ClangTidyOptions> ConfigFile;
  llvm::StringSet<> CheckedDirectories;
  /// Set by pinnedTo: the layers of options every file gets.
  std::optional<std::vector<clang::tidy::ClangTidyOptionsProvider::OptionsSource>>
      Pinned;
};

/// The options of the configuration file \p Path, whose text is \p Text,
/// or why it is not one, in a line naming its line (and column): invalid
/// YAML, an option of the wrong type, a header filter that is not a regular
/// expression, a check option's value its check cannot take.
llvm::Expected<clang::tidy::ClangTidyOptions>
parseConfigFile(llvm::StringRef Path, const llvm::MemoryBuffer &Text);

/// The globs of a configuration file's `Checks:` line that name async-
/// checks, in order: "-*,bugprone-*,-async-heavy-loop" gives
/// "-async-heavy-loop".
std::string keepAsyncGlobs(llvm::StringRef Checks);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CONFIGURATION_H
