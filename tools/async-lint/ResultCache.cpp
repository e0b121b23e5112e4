//===--- ResultCache.cpp - The findings of earlier runs, kept on disk -----===//
//
// An entry is a YAML file, <dir>/<first two hex digits of the key>/<rest of
// the key>, holding the files the unit read and its findings in clang-tidy's
// own YAML (the one --export-fixes writes), so that every output format,
// every note and every fix-it comes back as the engine reported it.
//
//===----------------------------------------------------------------------===//

#include "ResultCache.h"
#include "Inputs.h"
#include "Paths.h"
#include "clang/Basic/FileManager.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using clang::tidy::ClangTidyError;

namespace async_lint {
namespace {

/// A finding as an entry keeps it: clang-tidy's Diagnostic, and whether
/// --warnings-as-errors made it an error.
struct KeptError {
  clang::tooling::Diagnostic Diagnostic;
  bool IsWarningAsError = false;
};

/// A place of PlaceTable, by the absolute path of its file; without its
/// LineText, which is read from the file when the entry is used (its
/// digest then says it is the text clang compiled), for YAML does not keep
/// text that is not UTF-8.
struct KeptPlace {
  std::string Path;
  unsigned Offset = 0;
  Place Where;
};

struct Entry {
  std::vector<InputFile> Inputs;
  std::vector<KeptError> Errors;
  std::vector<KeptPlace> Places;
};

} // namespace
} // namespace async_lint

LLVM_YAML_IS_SEQUENCE_VECTOR(async_lint::InputFile)
LLVM_YAML_IS_SEQUENCE_VECTOR(async_lint::KeptError)
LLVM_YAML_IS_SEQUENCE_VECTOR(async_lint::KeptPlace)

namespace llvm::yaml {

template <> struct MappingTraits<async_lint::InputFile> {
  static void mapping(IO &Io, async_lint::InputFile &File) {
    Io.mapRequired("Path", File.Path);
    Io.mapRequired("Digest", File.Digest);
  }
};

template <> struct MappingTraits<async_lint::KeptError> {
  static void mapping(IO &Io, async_lint::KeptError &Error) {
    Io.mapRequired("Diagnostic", Error.Diagnostic);
    Io.mapRequired("IsWarningAsError", Error.IsWarningAsError);
  }
};

template <> struct MappingTraits<async_lint::KeptPlace> {
  static void mapping(IO &Io, async_lint::KeptPlace &Kept) {
    Io.mapRequired("Path", Kept.Path);
    Io.mapRequired("Offset", Kept.Offset);
    Io.mapRequired("Line", Kept.Where.Line);
    Io.mapRequired("Column", Kept.Where.Column);
    Io.mapRequired("CharacterColumn", Kept.Where.CharacterColumn);
  }
};

template <> struct MappingTraits<async_lint::Entry> {
  static void mapping(IO &Io, async_lint::Entry &Entry) {
    Io.mapRequired("Inputs", Entry.Inputs);
    Io.mapRequired("Errors", Entry.Errors);
    Io.mapRequired("Places", Entry.Places);
  }
};

} // namespace llvm::yaml

namespace async_lint {
namespace {

/// Changes whenever an entry's meaning or layout does.
constexpr llvm::StringLiteral EntryFormat = "async-lint result cache 3";

/// An entry is a few KiB; anything much larger is not one of ours.
constexpr uint64_t MaxEntrySize = 64 << 20;

/// How deep an entry's YAML nests (flow brackets, indentation columns):
/// ours nest a few levels; the YAML parser recurses once per level, and a
/// damaged or planted entry of 30,000 `[` must not overflow the stack.
constexpr unsigned MaxEntryNesting = 64;

/// The variables clang reads include directories from: a header they
/// bring in is not among the files an entry lists until it is read.
constexpr llvm::StringLiteral CompilerEnvironment[] = {
    "CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH"};


/// Is \p Variable set to something other than "" or "0"?
bool isSet(const char *Variable) {
  std::optional<std::string> Value = llvm::sys::Process::GetEnv(Variable);
  return Value && !Value->empty() && *Value != "0";
}

/// The directory the user asked for, or the default; empty for none.
std::string cacheDirectory(const Invocation &Args) {
  if (!Args.CacheDir.empty())
    return absolutePath(Args.CacheDir);
  std::optional<std::string> FromEnvironment =
      llvm::sys::Process::GetEnv("ASYNC_LINT_CACHE_DIR");
  if (FromEnvironment && !FromEnvironment->empty())
    return absolutePath(*FromEnvironment);
  llvm::SmallString<256> UserCache;
  if (!llvm::sys::path::cache_directory(UserCache))
    return "";
  llvm::sys::path::append(UserCache, "async-lint");
  return absolutePath(UserCache);
}

/// Which build of async-lint runs: its version, LLVM's, and the executable's
/// path, size and modification time, so that rebuilding the checks (same
/// version number) misses the entries of the build before, as ccache's
/// compiler_check=mtime does.
std::string toolBuild() {
  std::string Build =
      "async-lint " ASYNC_LINT_VERSION " LLVM " LLVM_VERSION_STRING;
  std::string Executable = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Executable, Status))
    Build += " " + Executable + " " + std::to_string(Status.getSize()) + " " +
             std::to_string(
                 Status.getLastModificationTime().time_since_epoch().count());
  return Build;
}

/// Feeds \p Field to \p Hash so that no two lists of fields feed the same
/// bytes.
void addField(llvm::SHA256 &Hash, llvm::StringRef Field) {
  Hash.update(std::to_string(Field.size()));
  Hash.update(":");
  Hash.update(Field);
}

/// The text of \p File, if it still has the text it had.
std::unique_ptr<llvm::MemoryBuffer> unchangedText(const InputFile &File) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
      llvm::MemoryBuffer::getFile(File.Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Text || digestOf((*Text)->getBuffer()) != File.Digest)
    return nullptr;
  return std::move(*Text);
}

/// The first line of an entry: "# <length> <SHA-256>" of the YAML under
/// it, so that an entry cut short (by a full disk, a killed writer), or
/// damaged in any other way, is a miss even when what is left is valid YAML.
std::string sealOf(llvm::StringRef Yaml) {
  return "# " + std::to_string(Yaml.size()) + " " +
         llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Yaml)),
                     /*LowerCase=*/true) +
         "\n";
}

/// The YAML of an entry's \p Text, if its seal matches it.
std::optional<llvm::StringRef> unsealed(llvm::StringRef Text) {
  auto [Seal, Yaml] = Text.split('\n');
  if (Seal.size() + 1 >= Text.size() || (Seal.str() + "\n") != sealOf(Yaml))
    return std::nullopt;
  return Yaml;
}

/// Does \p Yaml nest no deeper than MaxEntryNesting? (Brackets inside
/// quoted text count too: at worst a miss.)
bool isShallow(llvm::StringRef Yaml) {
  unsigned Depth = 0;
  for (llvm::StringRef Line : llvm::split(Yaml, '\n')) {
    if (Line.size() - Line.ltrim(' ').size() > MaxEntryNesting)
      return false;
    for (char C : Line) {
      if (C == '[' || C == '{')
        ++Depth;
      else if ((C == ']' || C == '}') && Depth > 0)
        --Depth;
      if (Depth > MaxEntryNesting)
        return false;
    }
  }
  return true;
}

std::optional<Entry> parseEntry(llvm::StringRef Text) {
  std::optional<llvm::StringRef> Yaml = unsealed(Text);
  if (!Yaml || !isShallow(*Yaml))
    return std::nullopt;
  auto Quiet = [](const llvm::SMDiagnostic &, void *) {};
  llvm::yaml::Input In(*Yaml, /*Ctxt=*/nullptr, Quiet);
  Entry Read;
  In >> Read;
  if (In.error())
    return std::nullopt;
  return Read;
}

std::optional<Entry> readEntry(llvm::StringRef Path) {
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> Text =
      readSmallRegularFile(Path, MaxEntrySize);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return std::nullopt;
  }
  return parseEntry((*Text)->getBuffer());
}

ClangTidyError restore(const KeptError &Kept) {
  const clang::tooling::Diagnostic &Diag = Kept.Diagnostic;
  ClangTidyError Error(Diag.DiagnosticName, Diag.DiagLevel, Diag.BuildDirectory,
                       Kept.IsWarningAsError);
  Error.Message = Diag.Message;
  Error.Notes = Diag.Notes;
  return Error;
}

} // namespace

uint64_t digestOf(llvm::StringRef Text) { return llvm::xxh3_64bits(Text); }

bool isSoundEntry(llvm::StringRef Text) {
  return parseEntry(Text).has_value();
}

void addInputFiles(const clang::SourceManager &Sources,
                   std::vector<InputFile> &Inputs) {
  for (auto It = Sources.fileinfo_begin(); It != Sources.fileinfo_end(); ++It) {
    std::optional<llvm::StringRef> Text = It->second->getBufferDataIfLoaded();
    if (!Text)
      continue;
    llvm::SmallString<256> Path(It->first.getName());
    Sources.getFileManager().makeAbsolutePath(Path);
    Inputs.push_back({absolutePath(Path), digestOf(*Text)});
  }
}

std::optional<ResultCache> ResultCache::forInvocation(const Invocation &Args) {
  // Findings outside --line-filter are dropped before they reach the cache,
  // so such a run's results are not the file's.
  if (Args.NoCache || Args.Fix || !Args.LineFilter.empty())
    return std::nullopt;
  std::string Directory = cacheDirectory(Args);
  if (Directory.empty())
    return std::nullopt;
  bool ReadOnly = Args.CacheReadOnly || isSet("ASYNC_LINT_CACHE_READ_ONLY");
  return ResultCache(std::move(Directory), ReadOnly, toolBuild());
}

std::string
ResultCache::keyOf(const TranslationUnit &Unit,
                   const clang::tidy::ClangTidyOptions &Options) const {
  llvm::SHA256 Hash;
  addField(Hash, EntryFormat);
  addField(Hash, ToolBuild);
  for (llvm::StringRef Variable : CompilerEnvironment)
    addField(Hash, llvm::sys::Process::GetEnv(Variable).value_or("(unset)"));
  addField(Hash, Unit.File);
  for (const clang::tooling::CompileCommand &Command : Unit.Commands) {
    addField(Hash, Command.Directory);
    addField(Hash, Command.Filename);
    addField(Hash, std::to_string(Command.CommandLine.size()));
    for (const std::string &Arg : Command.CommandLine)
      addField(Hash, Arg);
  }
  addField(Hash, clang::tidy::configurationAsText(Options));
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, Key.take_front(2), Key.drop_front(2));
  return std::string(Path);
}

std::optional<KeptFindings> ResultCache::lookup(llvm::StringRef Key) const {
  std::optional<Entry> Found = readEntry(entryPath(Key));
  if (!Found || Found->Inputs.empty())
    return std::nullopt;
  // The text of the files the places are in, which is the text clang
  // compiled once its digest matches.
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> PlacesTexts;
  for (const KeptPlace &Kept : Found->Places)
    PlacesTexts.try_emplace(Kept.Path);
  for (const InputFile &File : Found->Inputs) {
    std::unique_ptr<llvm::MemoryBuffer> Text = unchangedText(File);
    if (!Text)
      return std::nullopt;
    if (auto PlacesText = PlacesTexts.find(File.Path);
        PlacesText != PlacesTexts.end())
      PlacesText->second = std::move(Text);
  }
  KeptFindings Findings;
  for (const KeptError &Kept : Found->Errors)
    Findings.Errors.push_back(restore(Kept));
  for (KeptPlace &Kept : Found->Places) {
    const std::unique_ptr<llvm::MemoryBuffer> &Text = PlacesTexts[Kept.Path];
    if (Text)
      Kept.Where.LineText =
          lineAt(Text->getBuffer(), Kept.Offset, Kept.Where.Column).str();
    Findings.Places.add(Kept.Path, Kept.Offset, std::move(Kept.Where));
  }
  return Findings;
}

void ResultCache::store(llvm::StringRef Key, llvm::ArrayRef<InputFile> Inputs,
                        llvm::ArrayRef<ClangTidyError> Errors,
                        const PlaceTable &Places) const {
  if (ReadOnly || Inputs.empty())
    return;
  Entry Kept;
  Kept.Inputs = Inputs;
  for (const ClangTidyError &Error : Errors)
    Kept.Errors.push_back({Error, Error.IsWarningAsError});
  Places.forEach(
      [&](llvm::StringRef Path, unsigned Offset, const Place &Where) {
        Kept.Places.push_back({Path.str(), Offset, Where});
      });
  std::string Path = entryPath(Key);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)))
    return;
  std::string Yaml;
  llvm::raw_string_ostream YamlStream(Yaml);
  llvm::yaml::Output Out(YamlStream);
  Out << Kept;
  // writeToOutput writes a temporary file beside Path and renames it.
  llvm::consumeError(llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    OS << sealOf(Yaml) << Yaml;
    return llvm::Error::success();
  }));
}

} // namespace async_lint
