//===--- Configuration.cpp - The clang-tidy options async-lint runs with --===//

#include "Configuration.h"
#include "Inputs.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tidy;

namespace async_lint {
namespace {

/// The .clang-tidy reader of async-lint: clang-tidy's, with the `Checks:`
/// line narrowed to its async- globs.
llvm::ErrorOr<ClangTidyOptions> parseForAsyncLint(llvm::MemoryBufferRef Text) {
  llvm::ErrorOr<ClangTidyOptions> Options = parseConfiguration(Text);
  if (Options && Options->Checks)
    Options->Checks = keepAsyncGlobs(*Options->Checks);
  return Options;
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
    ConfigHandlers = {{".clang-tidy", parseForAsyncLint}};
  }
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

/// --config: the text of a .clang-tidy file given on the command line.
llvm::Expected<ClangTidyOptions> parseConfigText(llvm::StringRef Text) {
  llvm::ErrorOr<ClangTidyOptions> Options =
      parseForAsyncLint(llvm::MemoryBufferRef(Text, "--config"));
  if (!Options)
    return llvm::createStringError("invalid --config: " +
                                   reasonOf(Options.getError()));
  return *Options;
}

llvm::Expected<ClangTidyOptions> readConfigFile(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Text)
    return llvm::createStringError("cannot read configuration file '" + Path +
                                   "': " + reasonOf(Text.getError()));
  llvm::ErrorOr<ClangTidyOptions> Options = parseForAsyncLint(**Text);
  if (!Options)
    return llvm::createStringError("invalid configuration file '" + Path +
                                   "': " + reasonOf(Options.getError()));
  return *Options;
}

} // namespace

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
  if (ConfigFile)
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, Defaults, *ConfigFile, Overrides, std::move(Files));
  return std::make_unique<AsyncLintFileOptionsProvider>(
      GlobalOptions, Defaults, Overrides, std::move(Files));
}

ClangTidyOptions Configuration::optionsFor(llvm::StringRef File) const {
  return makeProvider(llvm::vfs::getRealFileSystem())->getOptions(File);
}

std::vector<ClangTidyOptionsProvider::OptionsSource>
Configuration::rawOptionsFor(llvm::StringRef File) const {
  return makeProvider(llvm::vfs::getRealFileSystem())->getRawOptions(File);
}

std::vector<std::string>
Configuration::enabledChecks(llvm::StringRef File) const {
  return getCheckNames(optionsFor(File),
                       /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                       /*ExperimentalCustomChecks=*/false);
}

} // namespace async_lint
