//===--- Fixes.cpp - Applying and exporting the findings' fix-its ---------===//

#include "Fixes.h"
#include "Inputs.h"
#include "Paths.h"
#include "ResultCache.h"
#include "clang-tidy/ClangTidy.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using clang::tidy::ClangTidyError;
using clang::tooling::Replacement;
using clang::tooling::Replacements;

namespace async_lint {
namespace {

using EditsByFile = llvm::StringMap<Replacements>;

/// The fix to apply for \p Finding: its own, else with \p FixNotes the one
/// note's fix when exactly one note has one.
const llvm::StringMap<Replacements> *fixOf(const ClangTidyError &Finding,
                                           bool FixNotes) {
  if (const auto *Own = clang::tidy::getFixIt(Finding, /*AnyFix=*/false))
    return Own;
  if (!FixNotes || llvm::count_if(Finding.Notes, [](const auto &Note) {
                     return !Note.Fix.empty();
                   }) != 1)
    return nullptr;
  return clang::tidy::getFixIt(Finding, /*AnyFix=*/true);
}

/// Adds all the edits of \p Fix to \p Edits, or none of them when one
/// overlaps an edit already there: half a fix could break the code.
bool addWholeFix(const ClangTidyError &Finding,
                 const llvm::StringMap<Replacements> *Fix, EditsByFile &Edits) {
  if (!Fix)
    return true;
  EditsByFile WithFix;
  for (const auto &[File, FileEdits] : *Fix) {
    for (const Replacement &Edit : FileEdits) {
      // By the file's one name: the edits of a file reached by two paths
      // must meet to be checked for overlaps.
      std::string Path =
          realPath(absolutePath(Edit.getFilePath(), Finding.BuildDirectory));
      auto [Entry, IsNew] = WithFix.try_emplace(Path);
      if (IsNew)
        Entry->second = Edits.lookup(Path);
      if (llvm::Error Overlap = Entry->second.add(Replacement(
              Path, Edit.getOffset(), Edit.getLength(),
              Edit.getReplacementText()))) {
        llvm::consumeError(std::move(Overlap));
        return false;
      }
    }
  }
  for (auto &[Path, FileEdits] : WithFix)
    Edits[Path] = std::move(FileEdits);
  return true;
}

/// The text of \p Path with \p Edits applied, if the file may be fixed:
/// not read-only, and with the text it had when it was linted.
llvm::Expected<std::string> fixedText(llvm::StringRef Path,
                                      const Replacements &Edits,
                                      const llvm::StringMap<uint64_t> &Linted) {
  auto Refuse = [&](llvm::StringRef Why) {
    return llvm::createStringError("cannot fix '" + Path + "': " + Why);
  };
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return Refuse(reasonOf(EC));
  if ((Status.permissions() & llvm::sys::fs::all_write) == 0)
    return Refuse("it is read-only");
  auto Text = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!Text)
    return Refuse(reasonOf(Text.getError()));
  auto Digest = Linted.find(Path);
  if (Digest == Linted.end() ||
      Digest->second != digestOf((*Text)->getBuffer()))
    return Refuse("it changed since it was linted");
  return clang::tooling::applyAllReplacements((*Text)->getBuffer(), Edits);
}

/// Writes \p Text over the file \p Path, in place: its inode, and so its
/// mode, owner and hard links, stay.
llvm::Error overwrite(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code Failed;
  llvm::raw_fd_ostream OS(Path, Failed);
  if (!Failed) {
    OS << Text;
    OS.close();
    Failed = OS.error();
    OS.clear_error();
  }
  if (Failed)
    return llvm::createStringError("cannot write '" + Path +
                                   "': " + reasonOf(Failed));
  return llvm::Error::success();
}

/// Is \p Path named as C or C++ source or header is?
bool isSourceFileName(llvm::StringRef Path) {
  llvm::StringRef Extension = llvm::sys::path::extension(Path);
  return llvm::is_contained({".c", ".cc", ".cpp", ".cxx", ".c++", ".C", ".h",
                             ".hh", ".hpp", ".hxx", ".h++", ".H", ".inl",
                             ".ipp", ".tcc", ".cppm", ".ixx"},
                            Extension);
}

} // namespace

llvm::Expected<FixOutcome> applyFixes(llvm::ArrayRef<ClangTidyError> Findings,
                                      const llvm::StringMap<uint64_t> &Linted,
                                      bool FixNotes) {
  FixOutcome Outcome;
  EditsByFile Edits;
  for (const ClangTidyError &Finding : Findings) {
    const llvm::StringMap<Replacements> *Fix = fixOf(Finding, FixNotes);
    if (!addWholeFix(Finding, Fix, Edits))
      ++Outcome.Conflicting;
    else if (Fix)
      ++Outcome.Applied;
  }
  // Every file is checked before any is written: all fixed, or none.
  std::vector<std::pair<std::string, std::string>> Fixed;
  for (const auto &[Path, FileEdits] : Edits) {
    llvm::Expected<std::string> Text = fixedText(Path, FileEdits, Linted);
    if (!Text)
      return Text.takeError();
    Fixed.emplace_back(Path.str(), std::move(*Text));
  }
  for (const auto &[Path, Text] : Fixed) {
    if (llvm::Error Failed = overwrite(Path, Text))
      return Failed;
    ++Outcome.FilesChanged;
  }
  return Outcome;
}

llvm::Error checkExportTarget(llvm::StringRef Path,
                              llvm::ArrayRef<std::string> Inputs) {
  llvm::sys::fs::file_status Target;
  if (llvm::sys::fs::status(Path, Target))
    return llvm::Error::success(); // To be created.
  if (Target.type() != llvm::sys::fs::file_type::regular_file)
    return llvm::createStringError("cannot write fixes to '" + Path +
                                   "': not a regular file");
  for (const std::string &Input : Inputs) {
    llvm::sys::fs::file_status Linted;
    if (!llvm::sys::fs::status(Input, Linted) &&
        Linted.getUniqueID() == Target.getUniqueID())
      return llvm::createStringError("cannot write fixes to '" + Path +
                                     "': it is a file being linted");
  }
  // `--export-fixes b.cpp a.cpp` takes b.cpp for the fixes file.
  if (isSourceFileName(Path))
    return llvm::createStringError(
        "cannot write fixes to '" + Path +
        "': it is a source file; name a .yaml file (--export-fixes=fixes.yaml)");
  return llvm::Error::success();
}

llvm::Error exportFixes(llvm::StringRef Path, llvm::StringRef MainFile,
                        const std::vector<ClangTidyError> &Findings) {
  std::string Yaml;
  llvm::raw_string_ostream OS(Yaml);
  clang::tidy::exportReplacements(MainFile, Findings, OS);
  // Through the path, as clang-tidy writes it: a link stays a link to the
  // file written, and no other file ever takes its place.
  return overwrite(Path, Yaml);
}

} // namespace async_lint
