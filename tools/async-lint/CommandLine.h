//===--- CommandLine.h - What the user asked async-lint to do -------------===//

#ifndef ASYNC_LINT_DRIVER_COMMANDLINE_H
#define ASYNC_LINT_DRIVER_COMMANDLINE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

enum class OutputFormat { Text, Json, Sarif };

/// What to print instead of linting, when the user asked for it.
enum class Information { Nothing, Help, HelpList, Version };

/// The parsed command line: `async-lint [options] <file>... [-- <flags>]`.
struct Invocation {
  std::vector<std::string> Files;
  /// The compiler flags after `--`, if the user gave them.
  std::unique_ptr<clang::tooling::FixedCompilationDatabase> Flags;
  std::string BuildPath;
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  bool ExitZeroOnWarnings = false;
  std::optional<std::string> HeaderFilter;
  std::optional<std::string> ExcludeHeaderFilter;
  std::string ConfigFile;
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  OutputFormat Format = OutputFormat::Text;
  bool ShowSource = false;
  bool Fix = false;
  std::string ExportFixes;
  bool ListChecks = false;
  /// The result cache's directory, when given on the command line.
  std::string CacheDir;
  bool NoCache = false;
  bool CacheReadOnly = false;
  /// 0: one job per core.
  unsigned Jobs = 0;
  /// Serve the Language Server Protocol on standard input and output.
  bool Lsp = false;
  /// clang-tidy's options of the same names.
  std::optional<std::string> Config;
  bool DumpConfig = false;
  bool VerifyConfig = false;
  std::optional<bool> UseColor;
  std::string LineFilter;
  bool SystemHeaders = false;
  bool FixErrors = false;
  bool FixNotes = false;
  bool AllowNoChecks = false;
  bool Quiet = false;
  std::vector<std::string> RemovedArgs;
  /// --help, --help-list or --version: print that and do nothing else.
  Information Print = Information::Nothing;
};

/// Parses the command line; a mistake in it is an error whose message is
/// one line. Never exits, and may be called again (the fuzz target does).
llvm::Expected<Invocation> parseCommandLine(int Argc, const char **Argv);

/// Prints the help or the version on standard output.
void printInformation(Information What);

/// \p Text with its control characters written as C writes them (`\n`,
/// `\x1b`), so that an error quoting what the user gave (an argument, a file
/// name, which may hold a newline) stays one line and prints nothing a
/// terminal would act on.
std::string escapeControlCharacters(llvm::StringRef Text);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_COMMANDLINE_H
