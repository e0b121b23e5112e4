//===--- Compilations.cpp - Where each file's compiler flags come from ----===//

#include "Compilations.h"
#include "Inputs.h"
#include "Paths.h"
#include "clang/Driver/Types.h"
#include "clang/Options/Options.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/YAMLParser.h"
#include <cstdio>
#include <optional>
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

/// The largest compilation database read: a big project's
/// compile_commands.json is tens of MiB.
constexpr uint64_t MaxDatabaseSize = 1 << 30;

/// A compile_commands.json is at most three levels deep (the list, an
/// entry, its "arguments"); text nested deeper than this is not one, and is
/// not handed to a recursive parser.
constexpr unsigned MaxDatabaseNesting = 64;

/// True if \p Text never nests brackets or braces deeper than \p Limit
/// (strings aside).
bool nestsAtMost(llvm::StringRef Text, unsigned Limit) {
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I;
      else if (C == '"')
        InString = false;
    } else if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > Limit)
        return false;
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return true;
}

/// What JSON's parser says is wrong with \p Text ("line 3, column 14:
/// expected , or ] after array element"), or "" when \p Text is JSON.
std::string jsonProblem(llvm::StringRef Text) {
  if (!nestsAtMost(Text, MaxDatabaseNesting))
    return "nested deeper than " + std::to_string(MaxDatabaseNesting) +
           " levels";
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (Parsed)
    return "";
  // llvm::json words its errors "[<line>:<column>, byte=<offset>]: <why>".
  std::string Logged = llvm::toString(Parsed.takeError());
  unsigned Line = 0, Column = 0, Offset = 0;
  int Consumed = 0;
  if (std::sscanf(Logged.c_str(), "[%u:%u, byte=%u]: %n", &Line, &Column,
                  &Offset, &Consumed) != 3 ||
      Consumed == 0)
    return Logged;
  std::string Why = Logged.substr(Consumed);
  if (!Why.empty())
    Why[0] = llvm::toLower(Why[0]);
  if (Offset >= Text.size())
    return "the file ends early, at line " + std::to_string(Line) + ": " + Why;
  return "line " + std::to_string(Line) + ", column " +
         std::to_string(Column) + ": " + Why;
}

/// Reads a compile_commands.json as clang's JSONCompilationDatabase does
/// (with llvm::yaml, which takes JSON and some more: a trailing comma), and
/// says in one line what would make clang refuse it, or make its commands
/// unusable, naming the entry. clang itself would print the YAML parser's
/// error, or none, and go on as if there were no database.
class DatabaseChecker {
public:
  explicit DatabaseChecker(llvm::StringRef Text) : Text(Text) {
    Sources.setDiagHandler(
        [](const llvm::SMDiagnostic &Diag, void *Context) {
          std::string &Problem = *static_cast<std::string *>(Context);
          if (Problem.empty())
            Problem = "line " + std::to_string(Diag.getLineNo()) +
                      ", column " + std::to_string(Diag.getColumnNo() + 1) +
                      ": " + Diag.getMessage().str();
        },
        &SyntaxProblem);
  }

  /// What is wrong, or "" when clang will read every entry.
  std::string problem() {
    if (Text.trim().empty())
      return "the file is empty; " + NotAList.str();
    llvm::yaml::Stream Stream(Text, Sources);
    std::string Problem = checkEntries(Stream);
    if (Problem.empty() && !Stream.failed())
      return "";
    // When the text is not JSON either, JSON's own words say it best: a
    // missing comma makes the YAML reader see a strange key, not a comma.
    if (std::string Json = jsonProblem(Text); !Json.empty())
      return Json;
    return Stream.failed() && !SyntaxProblem.empty() ? SyntaxProblem
                                                      : Problem;
  }

private:
  static constexpr llvm::StringLiteral NotAList =
      "expected a list of entries, [{\"directory\": ..., \"file\": ..., "
      "\"command\": ...}, ...]";

  std::string checkEntries(llvm::yaml::Stream &Stream) {
    llvm::yaml::document_iterator Document = Stream.begin();
    if (Document == Stream.end() || !Document->getRoot())
      return NotAList.str();
    auto *Entries = llvm::dyn_cast<llvm::yaml::SequenceNode>(Document->getRoot());
    if (!Entries)
      return NotAList.str();
    unsigned Index = 0;
    for (llvm::yaml::Node &Entry : *Entries) {
      if (Stream.failed())
        return "";
      std::string Problem = checkEntry(Entry, ++Index);
      if (!Problem.empty())
        return Problem;
    }
    return "";
  }

  /// Checks one entry as clang reads it, without reading past a value that
  /// is wrong (skipping it would recurse through whatever it nests).
  std::string checkEntry(llvm::yaml::Node &Entry, unsigned Index) {
    std::string Name = "entry " + std::to_string(Index) + " (" +
                       lineOf(Entry) + ")";
    auto *Fields = llvm::dyn_cast<llvm::yaml::MappingNode>(&Entry);
    if (!Fields)
      return Name + " is not an object";
    std::optional<std::string> File, Directory;
    bool HasCommand = false;
    for (llvm::yaml::KeyValueNode &Field : *Fields) {
      auto *Key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(Field.getKey());
      if (!Key)
        return Name + " has a key that is not a string";
      llvm::SmallString<16> KeyStorage;
      llvm::StringRef KeyName = Key->getValue(KeyStorage);
      llvm::yaml::Node *Value = Field.getValue();
      if (KeyName == "arguments") {
        auto *Arguments = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Value);
        if (!Arguments)
          return Name + " has \"arguments\" that are not a list of strings";
        for (llvm::yaml::Node &Argument : *Arguments)
          if (!llvm::isa<llvm::yaml::ScalarNode>(Argument))
            return Name + " has \"arguments\" that are not a list of strings";
        HasCommand = true;
        continue;
      }
      if (!llvm::is_contained({"directory", "command", "file", "output"}, KeyName))
        return Name + " has an unknown key \"" + KeyName.str() + "\"";
      auto *Scalar = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(Value);
      if (!Scalar)
        return Name + " has a \"" + KeyName.str() + "\" that is not a string";
      llvm::SmallString<128> Storage;
      std::string String = Scalar->getValue(Storage).str();
      if (KeyName == "file")
        File = String;
      else if (KeyName == "directory")
        Directory = String;
      else if (KeyName == "command")
        HasCommand = true;
    }
    if (!File)
      return Name + " has no \"file\"";
    Name = "entry " + std::to_string(Index) + " ('" + *File + "', " +
           lineOf(Entry) + ")";
    if (!HasCommand)
      return Name + " has no \"command\" or \"arguments\"";
    if (!Directory)
      return Name + " has no \"directory\"";
    // clang resolves the file against the directory and runs the command
    // there: relative to what, the database does not say.
    if (!llvm::sys::path::is_absolute(*Directory))
      return Name + " has a \"directory\" that is not an absolute path: '" +
             *Directory + "'";
    return "";
  }

  /// "line 3", where \p Node starts; "line unknown" for a node the parser
  /// made up without a place in the text (after an error it recovered from).
  std::string lineOf(llvm::yaml::Node &Node) {
    llvm::SMLoc Start = Node.getSourceRange().Start;
    if (!Start.isValid() || Sources.FindBufferContainingLoc(Start) == 0)
      return "line unknown";
    return "line " + std::to_string(Sources.getLineAndColumn(Start).first);
  }

  llvm::StringRef Text;
  llvm::SourceMgr Sources;
  std::string SyntaxProblem;
};

/// Whether \p Directory holds a compilation database (compile_commands.json
/// or compile_flags.txt); fails, naming it, when one there cannot be used:
/// it is not a regular file of at most MaxDatabaseSize bytes (clang would
/// wait forever on a FIFO and read /dev/zero until memory runs out), or,
/// for compile_commands.json, clang would not read it all (DatabaseChecker).
llvm::Expected<bool> checkDatabasesIn(llvm::StringRef Directory) {
  bool Found = false;
  for (llvm::StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
    llvm::SmallString<256> Path(Directory);
    llvm::sys::path::append(Path, Name);
    if (!llvm::sys::fs::exists(Path))
      continue;
    Found = true;
    llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Text =
        readSmallRegularFile(Path, MaxDatabaseSize);
    if (!Text)
      return llvm::createStringError("cannot read compilation database '" +
                                     Path + "': " +
                                     llvm::toString(Text.takeError()));
    if (Name != "compile_commands.json")
      continue;
    std::string Problem = compilationDatabaseProblem((*Text)->getBuffer());
    if (!Problem.empty())
      return llvm::createStringError("invalid compilation database '" + Path +
                                     "': " + Problem);
  }
  return Found;
}

/// Fails when the compilation database that clang's search would read for
/// \p Directory (the first compile_commands.json or compile_flags.txt in it
/// or above it) cannot be used (checkDatabasesIn): clang would go on
/// looking above it, or report that there is none.
llvm::Error checkDatabaseAbove(llvm::StringRef Directory) {
  std::string Absolute = absolutePath(Directory);
  for (llvm::StringRef Dir = Absolute; !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::Expected<bool> Found = checkDatabasesIn(Dir);
    if (!Found)
      return Found.takeError();
    if (*Found)
      return llvm::Error::success();
  }
  return llvm::Error::success();
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

  /// Finds the compilation database above \p File, once per directory, and
  /// loads it, once per run; fails, naming it, when the one found cannot be
  /// used (checkDatabasesIn), rather than lint with the wrong flags.
  llvm::Error findDatabaseAbove(llvm::StringRef File) {
    llvm::StringRef Directory = llvm::sys::path::parent_path(File);
    if (FoundByDirectory.contains(Directory))
      return llvm::Error::success();
    llvm::Expected<const CompilationDatabase *> Database =
        databaseIn(Directory);
    if (!Database)
      return Database.takeError();
    FoundByDirectory[Directory] = *Database;
    return llvm::Error::success();
  }

  /// The commands of \p File, whose database findDatabaseAbove() found.
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
    auto Found = FoundByDirectory.find(llvm::sys::path::parent_path(File));
    return Found == FoundByDirectory.end() ? nullptr : Found->second;
  }

  /// The first database in \p Directory, in its build/, or above them; null
  /// when there is none.
  llvm::Expected<const CompilationDatabase *>
  databaseIn(llvm::StringRef Directory) {
    for (; !Directory.empty();
         Directory = llvm::sys::path::parent_path(Directory)) {
      llvm::SmallString<256> Build(Directory);
      llvm::sys::path::append(Build, "build");
      for (llvm::StringRef Candidate : {Directory, llvm::StringRef(Build)}) {
        if (auto Known = LoadedByDirectory.find(Candidate);
            Known != LoadedByDirectory.end())
          return Known->second.get();
        llvm::Expected<bool> Found = checkDatabasesIn(Candidate);
        if (!Found)
          return Found.takeError();
        if (!*Found)
          continue;
        std::string Why;
        auto Loaded = CompilationDatabase::loadFromDirectory(Candidate, Why);
        if (!Loaded)
          return llvm::createStringError(
              "cannot load the compilation database in '" + Candidate +
              "': " + Why);
        return (LoadedByDirectory[Candidate] = withGuesses(std::move(Loaded)))
            .get();
      }
    }
    return nullptr;
  }

  std::unique_ptr<FixedCompilationDatabase> Fallback;
  /// Each database read, by the directory it is in: the files of a project
  /// in a hundred directories share one (tens of MiB to read and check).
  llvm::StringMap<std::unique_ptr<CompilationDatabase>> LoadedByDirectory;
  /// The database above each file's directory; null for none.
  llvm::StringMap<const CompilationDatabase *> FoundByDirectory;
};

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

/// Whether clang's driver compiles \p File in the command \p CommandLine,
/// where \p Before comes first and \p Removed is taken out: the language of
/// the last -x before the file, else of its extension, is one clang parses.
/// A file of no such language (a.txt, /dev/stdin) is taken for one to link,
/// and nothing is compiled ("expected exactly one compiler job"). True when
/// it cannot tell: clang-cl's own flags, or no argument naming the file.
bool compilesAsSource(llvm::ArrayRef<std::string> CommandLine,
                      llvm::ArrayRef<std::string> Before,
                      llvm::ArrayRef<std::string> Removed,
                      llvm::StringRef File) {
  std::vector<const char *> Argv;
  for (const std::string &Arg : Before)
    Argv.push_back(Arg.c_str());
  for (const std::string &Arg : CommandLine.drop_front())
    if (!llvm::is_contained(Removed, Arg))
      Argv.push_back(Arg.c_str());
  if (llvm::any_of(Argv, [](llvm::StringRef Arg) {
        return Arg.starts_with("--driver-mode=cl");
      }))
    return true;
  unsigned MissingIndex = 0, MissingCount = 0;
  // As clang's driver parses them (not clang-cl's, whose /w would take
  // /work/a.cpp for an option).
  llvm::opt::InputArgList Args = clang::getDriverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::options::ClangOption));
  const char *Language = nullptr;
  for (const llvm::opt::Arg *Arg : Args) {
    if (Arg->getOption().matches(clang::options::OPT_x)) {
      Language = Arg->getValue();
      continue;
    }
    if (!Arg->getOption().matches(clang::options::OPT_INPUT) ||
        llvm::sys::path::filename(Arg->getValue()) !=
            llvm::sys::path::filename(File))
      continue;
    if (Language && llvm::StringRef(Language) != "none")
      return true;
    llvm::StringRef Extension = llvm::sys::path::extension(File);
    return clang::driver::types::isAcceptedByClang(
        clang::driver::types::lookupTypeForExtension(Extension.drop_front()));
  }
  return true;
}

/// clang runs each command in its directory, and ends the process when it
/// cannot ("LLVM ERROR: Cannot chdir into ..."): a database written on
/// another machine, or for a build tree since deleted.
llvm::Error checkDirectoriesExist(llvm::ArrayRef<CompileCommand> Commands) {
  for (const CompileCommand &Command : Commands)
    if (!llvm::sys::fs::is_directory(Command.Directory))
      return llvm::createStringError(
          "the compilation database's entry for '" + Command.Filename +
          "' has a \"directory\" that does not exist: '" + Command.Directory +
          "'");
  return llvm::Error::success();
}

} // namespace

llvm::Error checkLanguage(const TranslationUnit &Unit,
                          const Configuration &Config,
                          llvm::StringRef ShownAs) {
  auto CompilesAll = [&](llvm::ArrayRef<std::string> Before,
                         llvm::ArrayRef<std::string> Removed) {
    return llvm::all_of(Unit.Commands, [&](const CompileCommand &Command) {
      return compilesAsSource(Command.CommandLine, Before, Removed, Unit.File);
    });
  };
  if (CompilesAll({}, {}))
    return llvm::Error::success();
  // Only now read what the configuration adds: --extra-arg-before=-xc++.
  clang::tidy::ClangTidyOptions Options = Config.optionsFor(Unit.File);
  if (CompilesAll(Options.ExtraArgsBefore.value_or(std::vector<std::string>()),
                  Options.RemovedArgs.value_or(std::vector<std::string>())))
    return llvm::Error::success();
  llvm::StringRef Extension = llvm::sys::path::extension(Unit.File);
  return llvm::createStringError(
      "cannot lint '" + ShownAs + "': clang does not compile " +
      (Extension.empty() ? std::string("a file with no extension")
                         : "a '" + Extension.str() + "' file") +
      " (it takes it for one to link); name its language with "
      "--extra-arg-before=-xc++, or with -xc++ before it in its compile "
      "command");
}

std::string compilationDatabaseProblem(llvm::StringRef Text) {
  return DatabaseChecker(Text).problem();
}

llvm::Error prepareCommands(std::vector<CompileCommand> &Commands) {
  Commands = withoutRepeats(std::move(Commands));
  if (llvm::Error Empty = checkNotEmpty(Commands))
    return Empty;
  if (llvm::Error Missing = checkDirectoriesExist(Commands))
    return Missing;
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
      if (llvm::Error Unusable = AboveEachFile->findDatabaseAbove(File))
        return Unusable;
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
