//===--- ConfigCommands.h - --dump-config, --verify-config ----------------===//

#ifndef ASYNC_LINT_DRIVER_CONFIGCOMMANDS_H
#define ASYNC_LINT_DRIVER_CONFIGCOMMANDS_H

#include "Configuration.h"
#include "llvm/Support/raw_ostream.h"

namespace async_lint {

/// --dump-config: the options \p File is linted with, every enabled check's
/// options with their values, as the text of a .clang-tidy file, as
/// clang-tidy prints them.
void dumpConfig(const Configuration &Config, llvm::StringRef File,
                llvm::raw_ostream &OS);

/// The problems of the configuration of \p File, one line each as
/// clang-tidy's --verify-config writes them: an async- check glob that
/// matches no check, an unknown option of an async- check, each with the
/// closest known name ("did you mean"). Other checks and their options
/// belong to clang-tidy in a shared .clang-tidy or command line, and are not
/// async-lint's to judge.
std::vector<std::string> configurationProblems(const Configuration &Config,
                                               llvm::StringRef File);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CONFIGCOMMANDS_H
