//===--- AsyncLint.cpp - The async-lint command-line driver ---------------===//
//
// async-lint [options] <file>... [-- <compiler flags>]
// async-lint -p <build-dir> [options] [<file>...]
//
// Reads the command line, plans the translation units and their compile
// commands, lints them in parallel with the clang-tidy engine (only the
// async-* checks are registered), prints what was found once in the chosen
// format, applies or exports fix-its, and exits 0 (nothing found), 1
// (findings) or 2 (the tool could not do its job). See docs/usage.md.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "Compilations.h"
#include "ConfigCommands.h"
#include "Configuration.h"
#include "Diagnostics.h"
#include "Fixes.h"
#include "Inputs.h"
#include "LanguageServer.h"
#include "Report.h"
#include "ResultCache.h"
#include "Runner.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <tuple>

namespace clang::tidy {
extern volatile int AsyncModuleAnchorSource;
static int KeepAsyncModule = AsyncModuleAnchorSource;
} // namespace clang::tidy

using clang::tidy::ClangTidyError;

namespace async_lint {
namespace {

enum ExitStatus { NothingFound = 0, FindingsReported = 1, CouldNotLint = 2 };

/// Says why on one line, unless llvm::cl already has (the error is empty).
void sayWhy(llvm::Error Reason) {
  std::string Why = llvm::toString(std::move(Reason));
  if (!Why.empty())
    llvm::errs() << "async-lint: error: " << escapeControlCharacters(Why)
                 << "\n";
}

int couldNotLint(llvm::Error Reason) {
  sayWhy(std::move(Reason));
  return CouldNotLint;
}

/// "[3/120] src/net.cpp" on standard error while a long run goes on, only
/// when standard error is a terminal; cleared before anything else prints.
class Progress {
public:
  Progress(size_t Total, bool Quiet)
      : Total(Total), Enabled(!Quiet && Total > 1 &&
                              llvm::sys::Process::StandardErrIsDisplayed()) {}

  void show(size_t Done, llvm::StringRef File) {
    if (Enabled)
      llvm::errs() << "\r\x1b[K[" << Done << "/" << Total << "] " << File;
  }
  void clear() {
    if (Enabled)
      llvm::errs() << "\r\x1b[K";
  }

private:
  size_t Total;
  bool Enabled;
};

/// For a file linted with the fallback flags (no compilation database was
/// found for it): which flags those were, and where the right ones come from.
std::string fallbackAdvice(llvm::StringRef FallbackFlags) {
  if (FallbackFlags.empty())
    return "";
  return (" with the fallback flags '" + FallbackFlags +
          "' (no compilation database above it, nor in a build/ beside one); "
          "name its build with -p build, or give its flags after --")
      .str();
}

/// Why clang was refused a file of \p Result's unit: the main file (made a
/// FIFO after the inputs were checked), or a file it includes.
std::string notRegularFile(const LintResult &Result, const DisplayPaths &Paths) {
  const std::string &Refused = Result.NotRegularFiles.front();
  if (Refused == Result.Unit->File)
    return "not a regular file";
  return "it includes '" + Paths.display(Refused) +
         "', which is not a regular file";
}

/// Receives each translation unit's result: prints each diagnostic once
/// (a header's finding is found again by every file that includes it), and
/// keeps what decides the fixes and the exit status.
class Recorder {
public:
  /// \p Fixing: whether the files' digests are kept for --fix.
  Recorder(Report &Out, const DisplayPaths &Paths, bool Fixing)
      : Out(Out), Paths(Paths), Fixing(Fixing) {}

  void record(const LintResult &Result) {
    for (const ClangTidyError &Error : Result.Errors)
      record(Error, Result.Places);
    if (Fixing)
      for (const InputFile &Input : Result.Inputs)
        LintedDigests[realPath(Input.Path)] = Input.Digest;
    std::string File = "'" + Paths.display(Result.Unit->File) + "'";
    if (Result.Crashed)
      Failures.push_back("clang crashed while parsing " + File);
    else if (Result.Missing)
      Failures.push_back("cannot lint " + File + ": no such file or directory");
    else if (!Result.NotRegularFiles.empty())
      Failures.push_back("cannot lint " + File + ": " +
                         notRegularFile(Result, Paths));
    else if (!Result.Compiled)
      Failures.push_back(File + " does not compile" +
                         fallbackAdvice(Result.Unit->FallbackFlags));
  }

  std::vector<ClangTidyError> Findings;
  bool AnyErrorFinding = false;
  std::vector<std::string> Failures;
  llvm::StringSet<> ChecksReported;
  /// The digest of the text each file had when it was linted, by real path
  /// (with --fix only: a realpath() for each header costs).
  llvm::StringMap<uint64_t> LintedDigests;

private:
  void record(const ClangTidyError &Error, const PlaceTable &Places) {
    if (isConfigurationProblem(Error)) {
      if (ConfigurationProblems.insert(Error.Message.Message).second)
        llvm::errs() << "async-lint: warning: " << Error.Message.Message
                     << "\n";
      return;
    }
    // A header reached through two paths (a link to its directory) is one
    // file: its findings, and their fixes, count once. An error with no
    // place (clang's "too many errors emitted") is its unit's own.
    if (!Error.Message.FilePath.empty() &&
        !Seen.emplace(Error.DiagnosticName,
                      realPath(absolutePath(Error.Message.FilePath,
                                            Error.BuildDirectory)),
                      Error.Message.FileOffset, Error.Message.Message)
             .second)
      return;
    Out.add(describe(Error, Places, Paths));
    if (isCompilerError(Error))
      return;
    Findings.push_back(Error);
    AnyErrorFinding |= Error.IsWarningAsError;
    ChecksReported.insert(Error.DiagnosticName);
  }

  Report &Out;
  const DisplayPaths &Paths;
  bool Fixing;
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  llvm::StringSet<> ConfigurationProblems;
};

std::unique_ptr<Report> makeReport(const Invocation &Args) {
  switch (Args.Format) {
  case OutputFormat::Json:
    return makeJsonReport(llvm::outs());
  case OutputFormat::Sarif:
    return makeSarifReport(llvm::outs());
  case OutputFormat::Text:
    break;
  }
  llvm::outs().enable_colors(Args.UseColor.value_or(llvm::outs().has_colors()));
  return makeTextReport(llvm::outs(), Args.ShowSource);
}

/// The file whose configuration --list-checks shows and whose enabled
/// checks must not be none: the first file named, as in clang-tidy.
std::string representativeFile(const Invocation &Args) {
  return Args.Files.empty() ? "dummy" : Args.Files.front();
}

/// Applies (--fix) or exports (--export-fixes) the findings' fix-its; false
/// when that failed.
bool handleFixes(const Invocation &Args, const Recorder &Run,
                 llvm::StringRef MainFile) {
  if (!Args.ExportFixes.empty())
    if (llvm::Error Failed =
            exportFixes(Args.ExportFixes, MainFile, Run.Findings)) {
      sayWhy(std::move(Failed));
      return false;
    }
  if (!Args.Fix)
    return true;
  if (!Run.Failures.empty() && !Args.FixErrors) {
    llvm::errs() << "async-lint: no fix applied: the code does not compile\n";
    return true;
  }
  llvm::Expected<FixOutcome> Fixed =
      applyFixes(Run.Findings, Run.LintedDigests, Args.FixNotes);
  if (!Fixed) {
    sayWhy(Fixed.takeError());
    return false;
  }
  if (Fixed->Applied != 0)
    llvm::errs() << "async-lint: applied " << Fixed->Applied << " fix"
                 << (Fixed->Applied == 1 ? "" : "es") << " in "
                 << Fixed->FilesChanged << " file"
                 << (Fixed->FilesChanged == 1 ? "" : "s") << "\n";
  if (Fixed->Conflicting != 0)
    llvm::errs() << "async-lint: warning: " << Fixed->Conflicting
                 << " fix(es) overlap another and were not applied\n";
  return true;
}

/// \p Status, unless standard output could not take the report (a full
/// disk, a closed pipe, /dev/full): then status 2, for a report lost is no
/// clean run, and the stream's error is cleared so that LLVM does not abort
/// on it at exit.
int checkReportWritten(int Status) {
  llvm::outs().flush();
  std::error_code Failed = llvm::outs().error();
  if (!Failed)
    return Status;
  llvm::outs().clear_error();
  return couldNotLint(llvm::createStringError("cannot write the report: " +
                                              reasonOf(Failed)));
}

int run(Invocation &Args) {
  llvm::Expected<Configuration> Config = Configuration::fromInvocation(Args);
  if (!Config)
    return couldNotLint(Config.takeError());
  if (llvm::Error Invalid = Config->checkConfigurations(
          absolutePath(representativeFile(Args))))
    return couldNotLint(std::move(Invalid));
  if (Args.DumpConfig) {
    dumpConfig(*Config, representativeFile(Args), llvm::outs());
    return NothingFound;
  }
  std::vector<std::string> Problems =
      configurationProblems(*Config, representativeFile(Args));
  for (const std::string &Problem : Problems)
    llvm::errs() << Problem << "\n";
  if (Args.VerifyConfig) {
    if (!Problems.empty())
      return FindingsReported;
    llvm::outs() << "No config errors detected.\n";
    return NothingFound;
  }
  std::vector<std::string> Checks =
      Config->enabledChecks(representativeFile(Args));
  if (Checks.empty() && Args.AllowNoChecks) {
    if (!Args.Quiet)
      llvm::errs() << "async-lint: no check is enabled\n";
    return NothingFound;
  }
  if (Checks.empty())
    return couldNotLint(llvm::createStringError(
        Args.ListChecks ? "no check is enabled"
                        : "no check is enabled; see --list-checks"));
  if (Args.ListChecks) {
    for (const std::string &Check : Checks)
      llvm::outs() << Check << "\n";
    return NothingFound;
  }

  llvm::Expected<std::vector<TranslationUnit>> Units =
      planTranslationUnits(Args);
  if (!Units)
    return couldNotLint(Units.takeError());
  DisplayPaths Paths(Args.Files);
  for (const TranslationUnit &Unit : *Units)
    if (llvm::Error Unlintable = checkLintable(Paths.display(Unit.File)))
      return couldNotLint(std::move(Unlintable));
  for (const TranslationUnit &Unit : *Units)
    if (llvm::Error Invalid = Config->checkConfigurations(Unit.File))
      return couldNotLint(std::move(Invalid));
  for (const TranslationUnit &Unit : *Units)
    if (llvm::Error Unknown =
            checkLanguage(Unit, *Config, Paths.display(Unit.File)))
      return couldNotLint(std::move(Unknown));
  if (!Args.ExportFixes.empty()) {
    std::vector<std::string> Linted;
    for (const TranslationUnit &Unit : *Units)
      Linted.push_back(Unit.File);
    if (llvm::Error Refused = checkExportTarget(Args.ExportFixes, Linted))
      return couldNotLint(std::move(Refused));
  }

  std::unique_ptr<Report> Out = makeReport(Args);
  Recorder Run(*Out, Paths, Args.Fix);
  Progress Shown(Units->size(), Args.Quiet);
  size_t Done = 0;
  auto Receive = [&](LintResult Result) {
    Shown.clear();
    Run.record(Result);
    Shown.show(++Done, Paths.display(Result.Unit->File));
  };
  std::optional<ResultCache> Cache = ResultCache::forInvocation(Args);
  lintTranslationUnits(*Units, *Config, Args.Jobs, Cache ? &*Cache : nullptr,
                       Receive);
  Shown.clear();

  RunSummary Summary;
  for (const TranslationUnit &Unit : *Units)
    Summary.Files.push_back(Paths.display(Unit.File));
  Summary.Checks = Checks;
  for (const auto &Reported : Run.ChecksReported)
    if (!llvm::is_contained(Checks, Reported.getKey()))
      Summary.Checks.push_back(Reported.getKey().str());
  Summary.Failures = Run.Failures;
  Out->finish(Summary);
  llvm::outs().flush();

  for (const std::string &Failure : Run.Failures)
    llvm::errs() << "async-lint: error: " << escapeControlCharacters(Failure)
                 << "\n";
  bool FixesHandled = handleFixes(Args, Run, Units->front().File);
  if (!Run.Failures.empty() || !FixesHandled)
    return CouldNotLint;
  bool Failing = Args.ExitZeroOnWarnings ? Run.AnyErrorFinding
                                         : !Run.Findings.empty();
  return Failing ? FindingsReported : NothingFound;
}

} // namespace
} // namespace async_lint

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  async_lint::enableCrashRecovery();
  llvm::Expected<async_lint::Invocation> Args =
      async_lint::parseCommandLine(Argc, Argv);
  if (!Args)
    return async_lint::couldNotLint(Args.takeError());
  if (Args->Print != async_lint::Information::Nothing) {
    async_lint::printInformation(Args->Print);
    return async_lint::checkReportWritten(async_lint::NothingFound);
  }
  if (Args->Lsp)
    return async_lint::runLanguageServer(*Args, stdin, stdout);
  int Status = async_lint::run(*Args);
  return async_lint::checkReportWritten(Status);
}
