//===--- Compilations.h - Where each file's compiler flags come from ------===//

#ifndef ASYNC_LINT_DRIVER_COMPILATIONS_H
#define ASYNC_LINT_DRIVER_COMPILATIONS_H

#include "CommandLine.h"
#include "Configuration.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace async_lint {

/// A translation unit to lint: its main file (an absolute path) and the
/// commands that compile it (more than one when a database lists the file
/// with several configurations).
struct TranslationUnit {
  std::string File;
  std::vector<clang::tooling::CompileCommand> Commands;
  /// Set when no compilation database was found for the file and its flags
  /// are async-lint's fallback: those flags, for the message of a file that
  /// does not compile under them.
  std::string FallbackFlags;
};

/// The translation units of a run and their compile commands, from the flags
/// after `--`, else -p's compile_commands.json (every file it lists when the
/// user named none), else a compilation database found above each file (in
/// a directory or its build/, as clangd looks), else `-std=c++20` and the
/// bundled runtime's include directory; with the flags
/// async-lint adds to every command (clang's resource directory,
/// -Wno-error).
llvm::Expected<std::vector<TranslationUnit>>
planTranslationUnits(Invocation &Args);

/// Fails, saying how to lint it, when clang would compile nothing of
/// \p Unit's file (shown as \p ShownAs) with its commands and \p Config's
/// extra flags: a file whose language clang cannot tell from its name (no
/// C or C++ extension, /dev/stdin) is one to link.
llvm::Error checkLanguage(const TranslationUnit &Unit,
                          const Configuration &Config,
                          llvm::StringRef ShownAs);

/// What would make clang refuse the compile_commands.json whose text is
/// \p Text, or make its commands unusable, in one line that says where
/// (JSON's error with its line and column, or the entry); "" when clang
/// reads it all.
std::string compilationDatabaseProblem(llvm::StringRef Text);

/// A file's commands as a database gives them, made ready to lint: each
/// once, none empty and each run in a directory that exists (else an error
/// naming the entry), with the flags async-lint adds.
llvm::Error prepareCommands(std::vector<clang::tooling::CompileCommand> &Commands);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_COMPILATIONS_H
