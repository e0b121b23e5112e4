//===--- Compilations.cpp - Where each file's compiler flags come from ----===//

#include "Compilations.h"
#include "Inputs.h"
#include "Paths.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <set>

using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;
using clang::tooling::FixedCompilationDatabase;

namespace async_lint {
namespace {

/// A database as clangd reads one: response files expanded, and a command
/// guessed from the nearest listed file for a file it does not list (a
/// header, a new file).
std::unique_ptr<CompilationDatabase>
withGuesses(std::unique_ptr<CompilationDatabase> Database) {
  return clang::tooling::inferMissingCompileCommands(
      clang::tooling::expandResponseFiles(std::move(Database),
                                          llvm::vfs::getRealFileSystem()));
}

/// True if \p CommandLine asks for a C++ standard and names no language.
bool isCppWithoutLanguage(llvm::ArrayRef<std::string> CommandLine) {
  auto Is = [&](auto Predicate) { return llvm::any_of(CommandLine, Predicate); };
  return Is([](llvm::StringRef Arg) {
           return Arg.starts_with("-std=c++") || Arg.starts_with("-std=gnu++");
         }) &&
         !Is([](llvm::StringRef Arg) { return Arg.starts_with("-x"); });
}

/// Without `--` or -p: for each file, the compilation database found above
/// it (compile_commands.json or compile_flags.txt in its directory or a
/// parent, or compile_commands.json in the build/ of one, as clangd looks
/// for them), else C++20 with the bundled runtime's headers.
class DatabaseAboveEachFile : public CompilationDatabase {
public:
  DatabaseAboveEachFile() {
    std::vector<std::string> Flags = {"-std=c++20"};
    std::string RuntimeInclude = bundledRuntimeIncludeDir();
    if (!RuntimeInclude.empty())
      Flags.push_back("-I" + RuntimeInclude);
    Fallback = std::make_unique<FixedCompilationDatabase>(".", Flags);
  }

  std::vector<CompileCommand>
  getCompileCommands(llvm::StringRef File) const override {
    const CompilationDatabase *Source = databaseAbove(File);
    if (!Source)
      Source = Fallback.get();
    std::vector<CompileCommand> Commands = Source->getCompileCommands(File);
    // clang takes a .h for a C header, with which -std=c++20 is an error;
    // a .h async-lint is asked to lint with C++ flags that name no
    // language (the fallback's, a compile_flags.txt's) is a C++ one.
    if (llvm::sys::path::extension(File) == ".h")
      for (CompileCommand &Command : Commands)
        if (isCppWithoutLanguage(Command.CommandLine))
          Command.CommandLine.insert(Command.CommandLine.begin() + 1,
                                     "-xc++-header");
    return Commands;
  }

  /// The fallback flags \p File gets, or "" when a database gives its own.
  std::string fallbackFlagsOf(llvm::StringRef File) const {
    if (databaseAbove(File))
      return "";
    std::vector<CompileCommand> Commands = getCompileCommands(File);
    // The command is `clang-tool <flags> <file>`.
    llvm::ArrayRef<std::string> Flags(Commands.front().CommandLine);
    return llvm::join(Flags.drop_front().drop_back(), " ");
  }

private:
  const CompilationDatabase *databaseAbove(llvm::StringRef File) const {
    llvm::StringRef Directory = llvm::sys::path::parent_path(File);
    auto [Entry, IsNew] = FoundByDirectory.try_emplace(Directory);
    if (IsNew)
      if (auto Database = databaseIn(Directory))
        Entry->second = withGuesses(std::move(Database));
    return Entry->second.get();
  }

  static std::unique_ptr<CompilationDatabase>
  databaseIn(llvm::StringRef Directory) {
    std::string NotFound;
    for (; !Directory.empty();
         Directory = llvm::sys::path::parent_path(Directory)) {
      if (auto Here = CompilationDatabase::loadFromDirectory(Directory, NotFound))
        return Here;
      llvm::SmallString<256> Build(Directory);
      llvm::sys::path::append(Build, "build");
      if (auto InBuild = CompilationDatabase::loadFromDirectory(Build, NotFound))
        return InBuild;
    }
    return nullptr;
  }

  std::unique_ptr<FixedCompilationDatabase> Fallback;
  mutable llvm::StringMap<std::unique_ptr<CompilationDatabase>>
      FoundByDirectory;
};

/// The largest compilation database read: a big project's
/// compile_commands.json is tens of MiB.
constexpr uint64_t MaxDatabaseSize = 1 << 30;

/// Fails when the compilation database that clang's search would read for
/// \p Directory (the first compile_commands.json or compile_flags.txt in it
/// or above it) is not a regular file of at most MaxDatabaseSize bytes:
/// clang would wait forever on a FIFO and read /dev/zero until memory runs
/// out.
llvm::Error checkDatabaseAbove(llvm::StringRef Directory) {
  std::string Absolute = absolutePath(Directory);
  for (llvm::StringRef Dir = Absolute; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    bool Found = false;
    for (llvm::StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, Name);
      if (!llvm::sys::fs::exists(Path))
        continue;
      if (llvm::Error Refused = checkSmallRegularFile(Path, MaxDatabaseSize))
        return llvm::createStringError("cannot read compilation database '" +
                                       Path + "': " +
                                       llvm::toString(std::move(Refused)));
      Found = true;
    }
    if (Found)
      return llvm::Error::success();
  }
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<CompilationDatabase>>
loadBuildDatabase(llvm::StringRef BuildPath) {
  if (llvm::Error Unreadable = checkDatabaseAbove(BuildPath))
    return Unreadable;
  std::string Details;
  auto Database =
      CompilationDatabase::autoDetectFromDirectory(BuildPath, Details);
  if (!Database)
    return llvm::createStringError("no compilation database in '" + BuildPath +
                                   "' or above it (compile_commands.json)");
  return withGuesses(std::move(Database));
}

/// \p Files without the second name of any file (a path through a link to
/// its directory, a hard link, the same path twice): a file linted twice
/// would get each fix twice (`co_await co_await`).
std::vector<std::string> withoutSecondNames(std::vector<std::string> Files) {
  std::set<llvm::sys::fs::UniqueID> Seen;
  llvm::erase_if(Files, [&](const std::string &File) {
    llvm::sys::fs::UniqueID Identity;
    // A file that cannot be found stays, to be reported as missing.
    return !llvm::sys::fs::getUniqueID(File, Identity) &&
           !Seen.insert(Identity).second;
  });
  return Files;
}

/// The compile commands of a file, each once: a database may list a file
/// twice with the same command.
std::vector<CompileCommand>
withoutRepeats(std::vector<CompileCommand> Commands) {
  std::vector<CompileCommand> Distinct;
  for (CompileCommand &Command : Commands)
    if (llvm::none_of(Distinct, [&](const CompileCommand &Kept) {
          return Kept.Directory == Command.Directory &&
                 Kept.CommandLine == Command.CommandLine;
        }))
      Distinct.push_back(std::move(Command));
  return Distinct;
}

/// The files to lint: those the user named, else every file of -p's
/// database, in a stable order.
std::vector<std::string> filesToLint(const Invocation &Args,
                                     const CompilationDatabase *BuildDatabase) {
  std::vector<std::string> Files;
  if (Args.Files.empty() && BuildDatabase)
    Files = BuildDatabase->getAllFiles();
  for (const std::string &File : Args.Files)
    Files.push_back(absolutePath(File));
  if (Args.Files.empty())
    llvm::sort(Files);
  return withoutSecondNames(std::move(Files));
}

/// What async-lint adds to every command. Debian's clang cannot find its
/// builtin headers (stddef.h...) from a binary outside LLVM's tree: name
/// them unless the command already does. And a project's -Werror must not
/// turn clang's warnings, which async-lint does not report, into a failure
/// to lint.
void addLintingFlags(CompileCommand &Command) {
  using clang::tooling::ArgumentInsertPosition;
  using clang::tooling::getInsertArgumentAdjuster;
  bool NamesResourceDir =
      llvm::any_of(Command.CommandLine, [](llvm::StringRef Arg) {
        return Arg.starts_with("-resource-dir");
      });
  if (!NamesResourceDir)
    Command.CommandLine = getInsertArgumentAdjuster(
        "-resource-dir=" ASYNC_LINT_CLANG_RESOURCE_DIR,
        ArgumentInsertPosition::BEGIN)(Command.CommandLine, Command.Filename);
  Command.CommandLine = getInsertArgumentAdjuster(
      "-Wno-error", ArgumentInsertPosition::END)(Command.CommandLine,
                                                 Command.Filename);
}

/// A database entry of `"arguments": []` or `"command": ""` names no
/// compiler: there is nothing to run.
llvm::Error checkNotEmpty(llvm::ArrayRef<CompileCommand> Commands) {
  for (const CompileCommand &Command : Commands)
    if (Command.CommandLine.empty())
      return llvm::createStringError(
          "the compilation database's entry for '" + Command.Filename +
          "' in '" + Command.Directory + "' has an empty command");
  return llvm::Error::success();
}

} // namespace

llvm::Error prepareCommands(std::vector<CompileCommand> &Commands) {
  Commands = withoutRepeats(std::move(Commands));
  if (llvm::Error Empty = checkNotEmpty(Commands))
    return Empty;
  llvm::for_each(Commands, addLintingFlags);
  return llvm::Error::success();
}

llvm::Expected<std::vector<TranslationUnit>>
planTranslationUnits(Invocation &Args) {
  std::unique_ptr<CompilationDatabase> BuildDatabase;
  if (!Args.BuildPath.empty()) {
    auto Loaded = loadBuildDatabase(Args.BuildPath);
    if (!Loaded)
      return Loaded.takeError();
    BuildDatabase = std::move(*Loaded);
  }
  std::unique_ptr<DatabaseAboveEachFile> AboveEachFile;
  const CompilationDatabase *Commands = Args.Flags.get();
  if (!Commands)
    Commands = BuildDatabase.get();
  if (!Commands) {
    AboveEachFile = std::make_unique<DatabaseAboveEachFile>();
    Commands = AboveEachFile.get();
  }

  std::vector<TranslationUnit> Units;
  for (std::string &File : filesToLint(Args, BuildDatabase.get())) {
    if (AboveEachFile)
      if (llvm::Error Unreadable =
              checkDatabaseAbove(llvm::sys::path::parent_path(File)))
        return Unreadable;
    std::vector<CompileCommand> FileCommands =
        Commands->getCompileCommands(File);
    if (FileCommands.empty())
      return llvm::createStringError("no compile command for '" + File + "'");
    if (llvm::Error Unusable = prepareCommands(FileCommands))
      return Unusable;
    std::string FallbackFlags =
        AboveEachFile ? AboveEachFile->fallbackFlagsOf(File) : "";
    Units.push_back(
        {std::move(File), std::move(FileCommands), std::move(FallbackFlags)});
  }
  if (Units.empty())
    return llvm::createStringError(
        Args.BuildPath.empty()
            ? "no input files"
            : "the compilation database in '" + Args.BuildPath +
                  "' lists no file");
  return Units;
}

} // namespace async_lint
