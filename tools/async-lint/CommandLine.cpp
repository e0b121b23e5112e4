//===--- CommandLine.cpp - What the user asked async-lint to do -----------===//
//
// The options follow clang-tidy's names and meanings wherever clang-tidy has
// the option, so that build systems that call clang-tidy (CMake's
// CXX_CLANG_TIDY) can call async-lint the same way.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "clang/Options/Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace cl = llvm::cl;

namespace async_lint {
namespace {

cl::OptionCategory Category("async-lint options");

const char Overview[] = R"(finds the async mistakes of C++20 coroutine code

  async-lint [options] <file>... [-- <compiler flags>]
  async-lint -p <build-dir> [options] [<file>...]
  async-lint --lsp [options] [-- <compiler flags>]

Compiler flags come from the flags after `--`, else from the
compile_commands.json in <build-dir> (-p), else from a compilation
database found above each file, else `-std=c++20` and the bundled
asyncrt runtime's include directory. With -p and no file, every
translation unit of the database is linted.

Exit status: 0 nothing found, 1 findings reported, 2 the tool could
not do its job (bad arguments, an unreadable file, a file that does
not compile). See docs/usage.md.
)";

cl::list<std::string> Files(cl::Positional, cl::desc("<file>..."),
                            cl::cat(Category));

cl::opt<std::string> BuildPath(
    "p", cl::value_desc("build-dir"),
    cl::desc("Read compile commands from <build-dir>/compile_commands.json"),
    cl::cat(Category));

cl::opt<std::string> Checks(
    "checks", cl::value_desc("globs"),
    cl::desc("Comma-separated globs selecting checks, applied after the\n"
             "defaults (async-*) and the .clang-tidy file's async- globs:\n"
             "--checks='-*,async-lock-across-await'"),
    cl::cat(Category));

cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors", cl::value_desc("globs"),
    cl::desc("Report the findings of the matching checks as errors"),
    cl::cat(Category));

cl::opt<bool> ExitZeroOnWarnings(
    "exit-zero-on-warnings",
    cl::desc("Exit 0 when every finding is a warning: only the findings\n"
             "--warnings-as-errors makes errors give exit status 1 (for a\n"
             "build that shows findings without failing)"),
    cl::cat(Category));

cl::opt<std::string> HeaderFilter(
    "header-filter", cl::value_desc("regex"),
    cl::desc("Report findings in the headers whose path matches <regex>\n"
             "(default: '.*', every non-system header); findings in the\n"
             "main files are always reported"),
    cl::cat(Category));

cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter", cl::value_desc("regex"),
    cl::desc("Do not report findings in the headers matching <regex>"),
    cl::cat(Category));

cl::opt<std::string> ConfigFile(
    "config-file", cl::value_desc("path"),
    cl::desc("Read the configuration from <path> instead of the .clang-tidy\n"
             "files above each source file"),
    cl::cat(Category));

cl::list<std::string> ExtraArgs(
    "extra-arg", cl::value_desc("flag"),
    cl::desc("Append <flag> to every compile command"), cl::cat(Category));

cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before", cl::value_desc("flag"),
    cl::desc("Prepend <flag> to every compile command"), cl::cat(Category));

cl::opt<std::string> CacheDir(
    "cache-dir", cl::value_desc("dir"),
    cl::desc("Keep the results of each file in <dir>, reused while the file,\n"
             "its headers, its flags, the options and async-lint stay the\n"
             "same (default: $ASYNC_LINT_CACHE_DIR, else\n"
             "$XDG_CACHE_HOME/async-lint or ~/.cache/async-lint)"),
    cl::cat(Category));

cl::opt<bool> NoCache("no-cache",
                      cl::desc("Neither use nor fill the result cache"),
                      cl::cat(Category));

cl::opt<bool> CacheReadOnly(
    "cache-read-only",
    cl::desc("Use the result cache but add nothing to it (also\n"
             "ASYNC_LINT_CACHE_READ_ONLY=1), to share a cache in CI"),
    cl::cat(Category));

// --format and -j are read as text and parsed here, so that a bad value gets
// async-lint's one-line error rather than llvm::cl's.
cl::opt<std::string> Format(
    "format", cl::value_desc("text|json|sarif"),
    cl::desc("Output format: clang's diagnostics (default), one JSON\n"
             "document, or SARIF 2.1.0 (see docs/usage.md)"),
    cl::init("text"), cl::cat(Category));

cl::opt<bool> ShowSource(
    "show-source",
    cl::desc("Show the source line and a caret under each text diagnostic"),
    cl::cat(Category));

cl::opt<bool> Fix("fix", cl::desc("Apply the findings' fix-its in place"),
                  cl::cat(Category));

cl::opt<std::string> ExportFixes(
    "export-fixes", cl::value_desc("file.yaml"),
    cl::desc("Write the fix-its to <file.yaml> in clang-tidy's format\n"
             "(for clang-apply-replacements)"),
    cl::cat(Category));

cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks, one a line"),
                         cl::cat(Category));

cl::opt<std::string> Jobs(
    "j", cl::value_desc("N"),
    cl::desc("Lint <N> translation units at a time (default: one per core);\n"
             "-j4 and -j 4 both work, as in make"),
    cl::init("0"), cl::Prefix, cl::cat(Category));

cl::opt<bool> Lsp(
    "lsp",
    cl::desc("Serve the Language Server Protocol on standard input and\n"
             "output, for editors (see docs/editors.md)"),
    cl::cat(Category));

// clang-tidy's other options, with its meanings, so that tools that run
// clang-tidy (run-clang-tidy-22, editors, CI scripts) can run async-lint.
cl::opt<std::string> Config(
    "config", cl::value_desc("yaml"),
    cl::desc("The configuration as the text of a .clang-tidy file, in place\n"
             "of the .clang-tidy files: --config='{CheckOptions: {...}}'"),
    cl::cat(Category));

cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the configuration the first file (or the current\n"
             "directory) is linted with, every enabled check's options with\n"
             "their values, as a .clang-tidy file, and exit"),
    cl::cat(Category));

cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration: unknown async- checks and check\n"
             "options are reported with the closest known name; exit 1\n"
             "if any, else 0"),
    cl::cat(Category));

cl::opt<bool> UseColor(
    "use-color",
    cl::desc("Color the text diagnostics (default: when standard output is\n"
             "a terminal); --use-color=false never"),
    cl::cat(Category));

cl::opt<std::string> LineFilter(
    "line-filter", cl::value_desc("json"),
    cl::desc("Report findings only on these lines of these files:\n"
             "'[{\"name\":\"a.cpp\",\"lines\":[[1,3],[5,7]]},{\"name\":\"b.h\"}]'"),
    cl::cat(Category));

cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Report findings in system headers too"),
                            cl::cat(Category));

cl::opt<bool> FixErrors(
    "fix-errors",
    cl::desc("As --fix, even when a file does not compile"),
    cl::cat(Category));

cl::opt<bool> FixNotes(
    "fix-notes",
    cl::desc("As --fix, and a finding without a fix of its own gets the fix\n"
             "of its note, when exactly one note has one"),
    cl::cat(Category));

cl::opt<bool> AllowNoChecks(
    "allow-no-checks",
    cl::desc("With no check enabled, exit 0 instead of 2"),
    cl::cat(Category));

cl::opt<bool> Quiet(
    "quiet",
    cl::desc("Print nothing but the diagnostics and errors (no progress)"),
    cl::cat(Category));

cl::list<std::string> RemovedArgs(
    "removed-arg", cl::value_desc("flag"),
    cl::desc("Remove <flag> from every compile command (repeatable)"),
    cl::cat(Category));

/// libLLVM registers hundreds of options of its own (--stats,
/// --debug-counter, --print-options...), which llvm::cl would take from
/// async-lint's command line and act on: only async-lint's options are
/// options here, any other is an unknown argument.
void forgetLibraryOptions() {
  std::vector<cl::Option *> Foreign;
  for (const auto &Entry : cl::getRegisteredOptions())
    if (!llvm::is_contained(Entry.second->Categories, &Category))
      Foreign.push_back(Entry.second);
  for (cl::Option *Option : Foreign)
    Option->removeArgument();
}

/// --help, --help-list and --version in place of llvm::cl's, which print
/// and exit in the middle of parsing: these only record what was asked,
/// and main prints it, so that it can tell when standard output cannot
/// take it.
struct InformationOptions {
  cl::opt<bool> Help{"help", cl::desc("Print this help and exit"),
                     cl::cat(Category)};
  cl::alias ShortHelp{"h", cl::desc("Alias for --help"), cl::aliasopt(Help),
                      cl::Hidden};
  cl::opt<bool> HelpList{
      "help-list",
      cl::desc("Print the options as one list, without categories, and exit"),
      cl::cat(Category)};
  cl::opt<bool> Version{"version", cl::desc("Print the version and exit"),
                        cl::cat(Category)};
};

/// async-lint's options only; made on the first call, when libLLVM's
/// options (whose names the information options take) are forgotten.
InformationOptions &ownOptionsOnly() {
  static const bool Forgotten = (forgetLibraryOptions(), true);
  (void)Forgotten;
  static InformationOptions Options;
  return Options;
}

Information requestedInformation(const InformationOptions &Options) {
  if (Options.Help)
    return Information::Help;
  if (Options.HelpList)
    return Information::HelpList;
  if (Options.Version)
    return Information::Version;
  return Information::Nothing;
}

template <class T>
std::optional<std::string> givenValue(const cl::opt<T> &Option) {
  if (Option.getNumOccurrences() == 0)
    return std::nullopt;
  return Option.getValue();
}

/// An option's name as --help shows it: `--checks`, `-p`.
std::string dashed(const cl::Option &Option) {
  return ((Option.ArgStr.size() == 1 ? "-" : "--") + Option.ArgStr).str();
}

/// How an option is written with its value: `--checks=<globs>`,
/// `-p <build-dir>`.
std::string usage(const cl::Option &Option) {
  llvm::StringRef Value =
      Option.ValueStr.empty() ? llvm::StringRef("value") : Option.ValueStr;
  return dashed(Option) + (Option.ArgStr.size() == 1 ? " <" : "=<") +
         Value.str() + ">";
}

std::string needsValue(llvm::StringRef Typed, const cl::Option &Option) {
  return ("option '" + Typed + "' needs a value: " + usage(Option)).str();
}

/// The values llvm::cl takes for a boolean option (no value is true too).
bool isBooleanValue(llvm::StringRef Value) {
  return llvm::is_contained({"", "true", "TRUE", "True", "1", "false", "FALSE",
                             "False", "0"},
                            Value);
}

/// Whether \p Argument is one of clang's flags (-std=c++20, -Iinclude, -O2),
/// which belongs after the `--` that starts the compiler flags.
bool isCompilerFlag(llvm::StringRef Argument) {
  std::string Flag = Argument.str();
  const char *Flags[] = {Flag.c_str()};
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      clang::getDriverOptTable().ParseArgs(Flags, MissingIndex, MissingCount);
  return !Parsed.hasArg(clang::options::OPT_UNKNOWN) &&
         !Parsed.hasArg(clang::options::OPT_INPUT);
}

/// Whether \p Flag makes clang's driver print and compile nothing
/// (`--help`, `--version`, `-###`, `-print-search-dirs`): given after `--`,
/// the driver would print on standard output, into the report, while the
/// compiler flags are read.
bool isPrintingFlag(llvm::StringRef Flag) {
  std::string Copy = Flag.str();
  const char *Flags[] = {Copy.c_str()};
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      clang::getDriverOptTable().ParseArgs(Flags, MissingIndex, MissingCount);
  return llvm::any_of(Parsed, [](const llvm::opt::Arg *Arg) {
    llvm::StringRef Name = Arg->getOption().getName().ltrim('-');
    return llvm::is_contained({"help", "help-hidden", "version", "###",
                               "dumpmachine", "dumpversion"},
                              Name) ||
           Name.starts_with("print-");
  });
}

/// The option of async-lint that \p Name (an argument without its dashes)
/// is a slip of (`lis-checks`, `versoin`): the closest, a slip a quarter of
/// its length at most.
std::optional<std::string> slipOf(llvm::StringRef Name) {
  llvm::StringRef Key = Name.split('=').first;
  unsigned Fewest = Key.size() / 4 + 1;
  std::optional<std::string> Closest;
  for (const auto &Entry : cl::getRegisteredOptions()) {
    unsigned Slips = Key.edit_distance(Entry.first, /*AllowReplacements=*/true,
                                       /*MaxEditDistance=*/Fewest);
    if (Slips < Fewest &&
        Entry.second->getOptionHiddenFlag() == cl::NotHidden) {
      Fewest = Slips;
      Closest = dashed(*Entry.second);
    }
  }
  return Closest;
}

/// The mistake in \p Argument, which starts with '-' and is none of
/// async-lint's options by its whole \p Name (the argument without its
/// dashes): a file whose name starts with '-', a compiler flag before the
/// `--` that starts them, or a one-letter option with something glued to it
/// that llvm::cl would split in its own way (a group of one-letter options,
/// as `ls -la`) or take as the option's value.
std::optional<std::string>
unknownArgumentMistake(llvm::StringRef Argument, llvm::StringRef Name) {
  std::string Unknown =
      ("unknown command line argument '" + Argument + "'").str();
  if (llvm::sys::fs::exists(Argument))
    return Unknown + "; to lint the file so named, write './" +
           Argument.str() + "'";
  std::optional<std::string> Slip = slipOf(Name);
  if (isCompilerFlag(Argument) && !Slip)
    return Unknown + "; compiler flags go after '--': async-lint <file>... -- " +
           Argument.str();
  cl::Option *Letter = cl::getRegisteredOptions().lookup(Name.take_front(1));
  if (!Letter || Name.size() < 2)
    return std::nullopt;
  if (Letter->getFormattingFlag() != cl::Prefix) {
    if (Letter->getValueExpectedFlag() != cl::ValueRequired)
      return Slip ? Unknown + "; did you mean '" + *Slip + "'?" : Unknown;
    return Unknown + "; did you mean '-" + Name.take_front(1).str() + " " +
           Name.drop_front(1).str() + "'?";
  }
  if (!llvm::isDigit(Name[1]))
    return Unknown + "; did you mean '" + usage(*Letter) + "'?";
  return std::nullopt;
}

/// The mistakes that llvm::cl would report in its own words straight to
/// standard error (a missing value, a bad boolean, a group of one-letter
/// options), or take for an option (a file named `-name.cpp`), found first
/// by walking \p Arguments (those before `--`) as llvm::cl will: each
/// argument that starts with '-' is an option, `--name=value` or
/// `--name value` when the option takes a value.
std::optional<std::string>
mistakeBeforeParsing(llvm::ArrayRef<const char *> Arguments) {
  for (size_t I = 1; I < Arguments.size(); ++I) {
    llvm::StringRef Argument = Arguments[I];
    if (!Argument.starts_with("-") || Argument == "-")
      continue;
    llvm::StringRef Name =
        Argument.drop_front(Argument.starts_with("--") ? 2 : 1);
    auto [Key, Value] = Name.split('=');
    bool HasValue = Name.contains('=');
    cl::Option *Option = cl::getRegisteredOptions().lookup(Key);
    if (!Option) {
      if (std::optional<std::string> Mistake =
              unknownArgumentMistake(Argument, Name))
        return Mistake;
      continue;
    }
    llvm::StringRef Typed = Argument.split('=').first;
    switch (Option->getValueExpectedFlag()) {
    case cl::ValueRequired:
      if (HasValue)
        break;
      if (I + 1 == Arguments.size())
        return needsValue(Typed, *Option);
      ++I; // the next argument is its value, whatever it looks like
      break;
    case cl::ValueOptional: // a boolean option's
      if (HasValue && !isBooleanValue(Value))
        return ("invalid " + Typed + " '" + Value +
                "': expected true or false, or no value")
            .str();
      break;
    case cl::ValueDisallowed:
      break;
    }
  }
  return std::nullopt;
}

/// The arguments, each `@file` replaced by the arguments that file holds,
/// `--` and compiler flags too (as clang-tidy and gcc read them), so that
/// what is checked before parsing is what llvm::cl parses: it finds nothing
/// left to expand.
/// A response file that is not a regular file (`@/dev/stdin`, a FIFO,
/// `@/dev/zero`) is refused rather than read, maybe forever.
llvm::Expected<llvm::SmallVector<const char *, 0>>
expandResponseFiles(int Argc, const char **Argv,
                    llvm::BumpPtrAllocator &Storage) {
  llvm::SmallVector<const char *, 0> Arguments(Argv, Argv + Argc);
  for (llvm::StringRef File : llvm::drop_begin(Arguments)) {
    llvm::sys::fs::file_status Status;
    if (File.consume_front("@") && !llvm::sys::fs::status(File, Status) &&
        Status.type() != llvm::sys::fs::file_type::regular_file)
      return llvm::createStringError("cannot read response file '" + File +
                                     "': not a regular file");
  }
  cl::ExpansionContext Expansion(Storage, cl::TokenizeGNUCommandLine);
  if (llvm::Error Failed = Expansion.expandResponseFiles(Arguments))
    return Failed;
  return Arguments;
}

/// The options that name a file, a directory or a compiler flag, given an
/// empty value: a script's unset variable (`-p "$BUILD"`) rather than a
/// choice, which taken as no option would lint with other flags or another
/// configuration.
llvm::Error checkValuesNotEmpty() {
  for (const cl::opt<std::string> *Option :
       {&BuildPath, &ConfigFile, &ExportFixes, &CacheDir})
    if (Option->getNumOccurrences() != 0 && Option->getValue().empty())
      return llvm::createStringError(needsValue(dashed(*Option), *Option));
  for (const cl::list<std::string> *Option :
       {std::addressof(ExtraArgs), std::addressof(ExtraArgsBefore),
        std::addressof(RemovedArgs)})
    if (llvm::is_contained(*Option, ""))
      return llvm::createStringError(needsValue(dashed(*Option), *Option));
  return llvm::Error::success();
}

/// llvm::cl reports a mistake in several sentences on several lines
/// ("async-lint: Unknown command line argument '--x'.  Try: ..." then
/// "Did you mean ..."): keep what was wrong and the suggestion, on one line.
/// Its lines are told apart by the program's name that opens each: an
/// argument it quotes may hold a newline too.
std::string oneLineReason(llvm::StringRef ClMessage, llvm::StringRef Program) {
  std::string Reason;
  std::string NextLine = ("\n" + Program + ": ").str();
  for (llvm::StringRef Line : llvm::split(ClMessage.trim(), NextLine)) {
    Line = Line.trim();
    Line.consume_front(Program);
    Line = Line.ltrim(": ").split("  Try:").first.rtrim(". ");
    if (Line.empty())
      continue;
    if (!Reason.empty())
      Reason += "; ";
    Reason += llvm::toLower(Line.front());
    Reason += Line.drop_front();
  }
  return Reason;
}

llvm::Expected<OutputFormat> parseFormat(llvm::StringRef Name) {
  if (Name == "text")
    return OutputFormat::Text;
  if (Name == "json")
    return OutputFormat::Json;
  if (Name == "sarif")
    return OutputFormat::Sarif;
  return llvm::createStringError("unknown --format '" + Name +
                                 "': expected text, json or sarif");
}

llvm::Expected<unsigned> parseJobs(llvm::StringRef Count) {
  unsigned Jobs = 0;
  if (!llvm::to_integer(Count, Jobs, 10))
    return llvm::createStringError("invalid -j '" + Count +
                                   "': expected a number of jobs");
  return Jobs;
}

} // namespace

std::string escapeControlCharacters(llvm::StringRef Text) {
  std::string Escaped;
  for (char C : Text) {
    if (C == '\n')
      Escaped += "\\n";
    else if (C == '\t')
      Escaped += "\\t";
    else if (llvm::isPrint(C) || static_cast<unsigned char>(C) >= 0x80)
      Escaped += C;
    else
      Escaped += "\\x" + llvm::utohexstr(static_cast<unsigned char>(C),
                                          /*LowerCase=*/true, /*Width=*/2);
  }
  return Escaped;
}

void printInformation(Information What) {
  switch (What) {
  case Information::Help:
    cl::PrintHelpMessage(/*Hidden=*/false, /*Categorized=*/true);
    return;
  case Information::HelpList:
    cl::PrintHelpMessage(/*Hidden=*/false, /*Categorized=*/false);
    return;
  case Information::Version:
    llvm::outs() << "async-lint " ASYNC_LINT_VERSION "\n"
                 << "  on the clang-tidy engine of LLVM " LLVM_VERSION_STRING
                 << "\n";
    return;
  case Information::Nothing:
    return;
  }
}

namespace {

llvm::Expected<Invocation> parseArguments(int Argc, const char **Argv) {
  Invocation Result;
  llvm::BumpPtrAllocator Expanded;
  llvm::Expected<llvm::SmallVector<const char *, 0>> Arguments =
      expandResponseFiles(Argc, Argv, Expanded);
  if (!Arguments)
    return Arguments.takeError();
  // The options end where the compiler flags begin, at the first `--`.
  auto Flags = llvm::find_if(*Arguments, [](llvm::StringRef Argument) {
    return Argument == "--";
  });
  for (llvm::StringRef Flag : llvm::make_range(Flags, Arguments->end()))
    if (Flag != "--" && isPrintingFlag(Flag))
      return llvm::createStringError(
          ("the compiler flag '" + Flag +
           "' after '--' makes clang print, not compile; leave it out")
              .str());
  int Options = Arguments->size();
  std::string FlagsError;
  Result.Flags = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
      Options, Arguments->data(), FlagsError);
  // Its message may also carry the driver's complaints about the dummy
  // compilation it makes to find the positional arguments (CMake's whole
  // command gives "cannot specify -o when generating multiple output
  // files"); like clang-tidy, only a missing database is an error, which
  // clang words "warning: no compile jobs found" (`-- -x`: -x takes the
  // dummy file for a language).
  if (!Result.Flags && !FlagsError.empty())
    return llvm::createStringError(
        "the compiler flags after '--' make no compile job");

  Arguments->truncate(Options);

  InformationOptions &Asked = ownOptionsOnly();
  cl::ResetAllOptionOccurrences();
  if (std::optional<std::string> Mistake = mistakeBeforeParsing(*Arguments))
    return llvm::createStringError(*Mistake);
  std::string ClMessage;
  llvm::raw_string_ostream ClErrors(ClMessage);
  if (!cl::ParseCommandLineOptions(Arguments->size(), Arguments->data(),
                                   Overview, &ClErrors))
    return llvm::createStringError(
        oneLineReason(ClMessage, llvm::sys::path::filename(Argv[0])));
  Result.Print = requestedInformation(Asked);
  if (Result.Print != Information::Nothing)
    return Result;
  if (llvm::Error Empty = checkValuesNotEmpty())
    return Empty;

  Result.Files = Files;
  Result.BuildPath = BuildPath;
  Result.Checks = givenValue(Checks);
  Result.WarningsAsErrors = givenValue(WarningsAsErrors);
  Result.ExitZeroOnWarnings = ExitZeroOnWarnings;
  Result.HeaderFilter = givenValue(HeaderFilter);
  Result.ExcludeHeaderFilter = givenValue(ExcludeHeaderFilter);
  Result.ConfigFile = ConfigFile;
  Result.ExtraArgs = ExtraArgs;
  Result.ExtraArgsBefore = ExtraArgsBefore;
  llvm::Expected<OutputFormat> ParsedFormat = parseFormat(Format);
  if (!ParsedFormat)
    return ParsedFormat.takeError();
  Result.Format = *ParsedFormat;
  Result.ShowSource = ShowSource;
  Result.Fix = Fix;
  Result.ExportFixes = ExportFixes;
  Result.ListChecks = ListChecks;
  Result.CacheDir = CacheDir;
  Result.NoCache = NoCache;
  Result.CacheReadOnly = CacheReadOnly;
  Result.Config = givenValue(Config);
  Result.DumpConfig = DumpConfig;
  Result.VerifyConfig = VerifyConfig;
  if (UseColor.getNumOccurrences() != 0)
    Result.UseColor = UseColor;
  Result.LineFilter = LineFilter;
  Result.SystemHeaders = SystemHeaders;
  Result.FixErrors = FixErrors;
  Result.FixNotes = FixNotes;
  Result.Fix |= FixErrors || FixNotes;
  Result.AllowNoChecks = AllowNoChecks;
  Result.Quiet = Quiet;
  Result.RemovedArgs = RemovedArgs;
  if (Result.Config && !Result.ConfigFile.empty())
    return llvm::createStringError(
        "--config and --config-file cannot be used together");
  llvm::Expected<unsigned> ParsedJobs = parseJobs(Jobs);
  if (!ParsedJobs)
    return ParsedJobs.takeError();
  Result.Jobs = *ParsedJobs;
  Result.Lsp = Lsp;
  if (Result.Lsp && !Result.Files.empty())
    return llvm::createStringError(
        "--lsp takes no files: the editor names them as it opens them");
  return Result;
}

} // namespace

llvm::Expected<Invocation> parseCommandLine(int Argc, const char **Argv) {
  llvm::Expected<Invocation> Result = parseArguments(Argc, Argv);
  if (!Result)
    return llvm::createStringError(
        escapeControlCharacters(llvm::toString(Result.takeError())));
  return Result;
}

} // namespace async_lint
