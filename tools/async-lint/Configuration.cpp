//===--- Configuration.cpp - The clang-tidy options async-lint runs with --===//

#include "Configuration.h"
#include "Inputs.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tidy;

namespace async_lint {
namespace {

/// clang-tidy's reader of a configuration, with the `Checks:` line narrowed
/// to its async- globs; the first problem found, if any, in \p Problem.
llvm::ErrorOr<ClangTidyOptions>
parseForAsyncLint(llvm::MemoryBufferRef Text, std::string &Problem) {
  llvm::ErrorOr<ClangTidyOptions> Options =
      parseConfigurationWithDiags(Text, [&](const llvm::SMDiagnostic &Diag) {
        if (Problem.empty() && Diag.getKind() == llvm::SourceMgr::DK_Error)
          Problem = "line " + std::to_string(Diag.getLineNo()) + ", column " +
                    std::to_string(Diag.getColumnNo() + 1) + ": " +
                    Diag.getMessage().str();
      });
  if (Options && Options->Checks)
    Options->Checks = keepAsyncGlobs(*Options->Checks);
  return Options;
}

/// The reader of the .clang-tidy files found during the run: quiet, for
/// every file it may read was checked before the run (checkConfigurations).
llvm::ErrorOr<ClangTidyOptions> parseQuietly(llvm::MemoryBufferRef Text) {
  std::string Ignored;
  return parseForAsyncLint(Text, Ignored);
}

/// Fails when \p Value, the value of the header filter \p Name, is not a
/// regular expression: clang-tidy would quietly match nothing with it.
llvm::Error checkRegex(llvm::StringRef Name,
                       const std::optional<std::string> &Value) {
  std::string Problem;
  if (!Value || llvm::Regex(*Value).isValid(Problem))
    return llvm::Error::success();
  return llvm::createStringError("invalid " + Name + " '" + *Value +
                                 "': " + Problem);
}

llvm::Error checkHeaderFilters(const ClangTidyOptions &Options,
                               llvm::StringRef HeaderFilterName,
                               llvm::StringRef ExcludeHeaderFilterName) {
  if (llvm::Error Invalid =
          checkRegex(HeaderFilterName, Options.HeaderFilterRegex))
    return Invalid;
  return checkRegex(ExcludeHeaderFilterName, Options.ExcludeHeaderFilterRegex);
}


/// clang-tidy's search for the .clang-tidy above each file, with async-lint's
/// reader. (The constructor that takes readers leaves the file system
/// unset, so the readers are replaced after construction.)
class AsyncLintFileOptionsProvider : public FileOptionsProvider {
public:
  AsyncLintFileOptionsProvider(
      const ClangTidyGlobalOptions &GlobalOptions,
      const ClangTidyOptions &Defaults, const ClangTidyOptions &Overrides,
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files)
      : FileOptionsProvider(GlobalOptions, Defaults, Overrides,
                            std::move(Files)) {
    ConfigHandlers = {{".clang-tidy", parseQuietly}};
  }
};

/// Where \p Option is set in the configuration text \p Text: "line 3: ",
/// or "" if its name is not there.
std::string lineOfOption(llvm::StringRef Text, llvm::StringRef Option) {
  size_t At = Text.find(Option);
  if (At == llvm::StringRef::npos)
    return "";
  return "line " + std::to_string(Text.take_front(At).count('\n') + 1) + ": ";
}

/// clang-tidy's "invalid configuration value '-5' for option
/// 'async-heavy-loop.TripCountThreshold'; expected an integer", said for
/// -5 where an integer is expected, worded as async-lint's one line: the
/// place, and what is expected. Only an unsigned option refuses a negative
/// integer, and only a type too small for it refuses a larger one.
std::string describeBadValue(llvm::StringRef Text, llvm::StringRef Message) {
  static const llvm::Regex Parts(
      "^invalid configuration value '(.*)' for option '([^']*)'(.*)$");
  llvm::SmallVector<llvm::StringRef, 4> Matched;
  if (!Parts.match(Message, &Matched))
    return Message.str();
  llvm::StringRef Value = Matched[1], Option = Matched[2], Why = Matched[3];
  if (Why == "; expected an integer") {
    llvm::StringRef Digits = Value;
    bool Negative = Digits.consume_front("-");
    if (!Digits.empty() && llvm::all_of(Digits, llvm::isDigit))
      Why = Negative ? "; expected a non-negative integer"
                     : "; the integer is too large";
  }
  return (lineOfOption(Text, Option) + "invalid value '" + Value + "' for '" +
          Option + "'" + Why)
      .str();
}

/// The first value of \p Options, read from the configuration text \p Text,
/// that an async check cannot take (not an integer where it wants one), in
/// a line naming where; "" if there is none. The checks say so when they
/// are made, as a warning, and go on with the default value: a user's
/// setting silently lost.
std::string badOptionValue(llvm::StringRef Text,
                           const ClangTidyOptions &Options) {
  if (Options.CheckOptions.empty())
    return "";
  ClangTidyOptions EveryCheck = ClangTidyOptions::getDefaults();
  EveryCheck.Checks = "-*,async-*";
  EveryCheck.CheckOptions = Options.CheckOptions;
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(
      ClangTidyGlobalOptions(), EveryCheck));
  ClangTidyDiagnosticConsumer Consumer(Context);
  auto DiagOpts = std::make_unique<clang::DiagnosticOptions>();
  clang::DiagnosticsEngine Engine(clang::DiagnosticIDs::create(), *DiagOpts,
                                  &Consumer, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  ClangTidyASTConsumerFactory(Context).getCheckOptions();
  for (const ClangTidyError &Error : Consumer.take())
    if (llvm::StringRef(Error.Message.Message)
            .starts_with("invalid configuration value '"))
      return describeBadValue(Text, Error.Message.Message);
  return "";
}

/// clang-tidy's search for .clang-tidy files, asked only about files in
/// directories that exist: for a file whose directory does not (a missing
/// file), clang-tidy's search prints "Error reading configuration from
/// <dir>: directory doesn't exist." each time it is asked, unprefixed,
/// while a missing directory holds no configuration to read. Such a file is
/// asked about as if it were in its closest existing parent, which gives the
/// same options; what is wrong with the file is said once, by the check of
/// the inputs ("cannot lint 'a.cpp': no such file or directory").
class ExistingDirectoriesOnly : public ClangTidyOptionsProvider {
public:
  ExistingDirectoriesOnly(std::unique_ptr<ClangTidyOptionsProvider> Search,
                          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files)
      : Search(std::move(Search)), Files(std::move(Files)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return Search->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    llvm::SmallString<256> Path(File);
    if (Files->makeAbsolute(Path))
      return Search->getRawOptions(File);
    llvm::StringRef Directory = llvm::sys::path::parent_path(Path);
    llvm::StringRef Existing = Directory;
    while (!Existing.empty() && !isDirectory(Existing))
      Existing = llvm::sys::path::parent_path(Existing);
    if (Existing == Directory || Existing.empty())
      return Search->getRawOptions(Path);
    llvm::SmallString<256> Moved(Existing);
    llvm::sys::path::append(Moved, llvm::sys::path::filename(Path));
    return Search->getRawOptions(Moved);
  }

private:
  bool isDirectory(llvm::StringRef Path) const {
    llvm::ErrorOr<llvm::vfs::Status> Status = Files->status(Path);
    return Status && Status->isDirectory();
  }

  std::unique_ptr<ClangTidyOptionsProvider> Search;
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files;
};

/// The layers of options read once for one file, given for every file.
class PinnedOptionsProvider : public ClangTidyOptionsProvider {
public:
  PinnedOptionsProvider(ClangTidyGlobalOptions GlobalOptions,
                        std::vector<OptionsSource> Sources)
      : GlobalOptions(std::move(GlobalOptions)), Sources(std::move(Sources)) {}

  const ClangTidyGlobalOptions &getGlobalOptions() override {
    return GlobalOptions;
  }
  std::vector<OptionsSource> getRawOptions(llvm::StringRef) override {
    return Sources;
  }

private:
  ClangTidyGlobalOptions GlobalOptions;
  std::vector<OptionsSource> Sources;
};

ClangTidyOptions defaultOptions() {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*,async-*";
  return Options;
}

ClangTidyOptions commandLineOptions(const Invocation &Args) {
  ClangTidyOptions Options;
  Options.Checks = Args.Checks;
  Options.WarningsAsErrors = Args.WarningsAsErrors;
  Options.HeaderFilterRegex = Args.HeaderFilter;
  Options.ExcludeHeaderFilterRegex = Args.ExcludeHeaderFilter;
  if (!Args.ExtraArgs.empty())
    Options.ExtraArgs = Args.ExtraArgs;
  if (!Args.ExtraArgsBefore.empty())
    Options.ExtraArgsBefore = Args.ExtraArgsBefore;
  if (!Args.RemovedArgs.empty())
    Options.RemovedArgs = Args.RemovedArgs;
  if (Args.SystemHeaders)
    Options.SystemHeaders = true;
  return Options;
}

/// A configuration is a screenful of YAML; a larger file is not one.
constexpr uint64_t MaxConfigFileSize = 1 << 20;

/// --config: the text of a .clang-tidy file given on the command line.
llvm::Expected<ClangTidyOptions> parseConfigText(llvm::StringRef Text) {
  std::string Problem;
  llvm::ErrorOr<ClangTidyOptions> Options =
      parseForAsyncLint(llvm::MemoryBufferRef(Text, "--config"), Problem);
  if (!Options || !Problem.empty())
    return llvm::createStringError(
        "invalid --config: " +
        (Problem.empty() ? reasonOf(Options.getError()) : Problem));
  if (std::string Bad = badOptionValue(Text, *Options); !Bad.empty())
    return llvm::createStringError("invalid --config: " + Bad);
  if (llvm::Error Invalid = checkHeaderFilters(*Options, "HeaderFilterRegex",
                                               "ExcludeHeaderFilterRegex"))
    return llvm::createStringError("invalid --config: " +
                                   llvm::toString(std::move(Invalid)));
  return *Options;
}

llvm::Expected<ClangTidyOptions> readConfigFile(llvm::StringRef Path) {
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Text =
      readSmallRegularFile(Path, MaxConfigFileSize);
  if (!Text)
    return llvm::createStringError("cannot read configuration file '" + Path +
                                   "': " + llvm::toString(Text.takeError()));
  return parseConfigFile(Path, **Text);
}

} // namespace

llvm::Expected<ClangTidyOptions>
parseConfigFile(llvm::StringRef Path, const llvm::MemoryBuffer &Text) {
  std::string Problem;
  llvm::ErrorOr<ClangTidyOptions> Options = parseForAsyncLint(Text, Problem);
  if (!Options)
    return llvm::createStringError(
        "invalid configuration file '" + Path + "': " +
        (Problem.empty() ? reasonOf(Options.getError()) : Problem));
  if (llvm::Error Invalid = checkHeaderFilters(*Options, "HeaderFilterRegex",
                                               "ExcludeHeaderFilterRegex"))
    return llvm::createStringError("invalid configuration file '" + Path +
                                   "': " + llvm::toString(std::move(Invalid)));
  if (std::string Bad = badOptionValue(Text.getBuffer(), *Options);
      !Bad.empty())
    return llvm::createStringError("invalid configuration file '" + Path +
                                   "': " + Bad);
  return *Options;
}

std::string keepAsyncGlobs(llvm::StringRef Checks) {
  llvm::SmallVector<llvm::StringRef> Kept;
  llvm::SmallVector<llvm::StringRef> Globs;
  llvm::SplitString(Checks, Globs, ",\n");
  for (llvm::StringRef Glob : Globs) {
    Glob = Glob.trim();
    if (Glob.ltrim('-').trim().starts_with("async"))
      Kept.push_back(Glob);
  }
  return llvm::join(Kept, ",");
}

llvm::Expected<Configuration>
Configuration::fromInvocation(const Invocation &Args) {
  Configuration Result;
  Result.Defaults = defaultOptions();
  Result.Overrides = commandLineOptions(Args);
  if (llvm::Error Invalid = checkHeaderFilters(
          Result.Overrides, "--header-filter", "--exclude-header-filter"))
    return Invalid;
  if (!Args.LineFilter.empty())
    if (std::error_code Invalid =
            parseLineFilter(Args.LineFilter, Result.GlobalOptions))
      return llvm::createStringError("invalid --line-filter: " +
                                     reasonOf(Invalid));
  if (Args.Config) {
    llvm::Expected<ClangTidyOptions> Given = parseConfigText(*Args.Config);
    if (!Given)
      return Given.takeError();
    Result.ConfigFile = std::move(*Given);
  }
  if (!Args.ConfigFile.empty()) {
    llvm::Expected<ClangTidyOptions> FromFile = readConfigFile(Args.ConfigFile);
    if (!FromFile)
      return FromFile.takeError();
    Result.ConfigFile = std::move(*FromFile);
  }
  return Result;
}

std::unique_ptr<ClangTidyOptionsProvider> Configuration::makeProvider(
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) const {
  if (Pinned)
    return std::make_unique<PinnedOptionsProvider>(GlobalOptions, *Pinned);
  std::unique_ptr<ClangTidyOptionsProvider> Search;
  if (ConfigFile)
    Search = std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, Defaults, *ConfigFile, Overrides, Files);
  else
    Search = std::make_unique<AsyncLintFileOptionsProvider>(
        GlobalOptions, Defaults, Overrides, Files);
  return std::make_unique<ExistingDirectoriesOnly>(std::move(Search),
                                                   std::move(Files));
}

llvm::Error Configuration::checkConfigurations(llvm::StringRef File) {
  if (ConfigFile)
    return llvm::Error::success();
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    if (!CheckedDirectories.insert(Dir).second)
      return llvm::Error::success();
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, ".clang-tidy");
    // clang-tidy passes over anything but a regular file.
    if (!llvm::sys::fs::is_regular_file(Path))
      continue;
    llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Text =
        readSmallRegularFile(Path, MaxConfigFileSize);
    if (!Text)
      return llvm::createStringError("cannot read configuration file '" +
                                     Path + "': " +
                                     llvm::toString(Text.takeError()));
    llvm::Expected<ClangTidyOptions> Options = parseConfigFile(Path, **Text);
    if (!Options)
      return Options.takeError();
    if (!Options->InheritParentConfig.value_or(false))
      return llvm::Error::success();
  }
  return llvm::Error::success();
}

ClangTidyOptions Configuration::optionsFor(llvm::StringRef File) const {
  return makeProvider(llvm::vfs::getRealFileSystem())->getOptions(File);
}

std::vector<ClangTidyOptionsProvider::OptionsSource>
Configuration::rawOptionsFor(llvm::StringRef File) const {
  return makeProvider(llvm::vfs::getRealFileSystem())->getRawOptions(File);
}

Configuration Configuration::pinnedTo(
    llvm::StringRef File,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) const {
  Configuration Result = *this;
  Result.Pinned = makeProvider(std::move(Files))->getRawOptions(File);
  return Result;
}

std::vector<std::string>
Configuration::enabledChecks(llvm::StringRef File) const {
  return getCheckNames(optionsFor(File),
                       /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                       /*ExperimentalCustomChecks=*/false);
}

} // namespace async_lint
