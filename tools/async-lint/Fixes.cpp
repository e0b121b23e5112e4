//===--- Fixes.cpp - Applying and exporting the findings' fix-its ---------===//

#include "Fixes.h"
#include "Inputs.h"
#include "Paths.h"
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

/// Adds all the edits of \p Finding's fix to \p Edits, or none of them when
/// one overlaps an edit already there: half a fix could break the code.
bool addWholeFix(const ClangTidyError &Finding, EditsByFile &Edits) {
  const llvm::StringMap<Replacements> *Fix =
      clang::tidy::getFixIt(Finding, /*AnyFix=*/false);
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

/// Writes \p Path through a temporary file, so that a failure leaves it as
/// it was.
llvm::Error write(llvm::StringRef Path,
                  llvm::function_ref<void(llvm::raw_ostream &)> Contents) {
  llvm::Error Failed = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
    Contents(OS);
    return llvm::Error::success();
  });
  if (Failed)
    return llvm::createStringError(
        "cannot write '" + Path +
        "': " + reasonOf(llvm::errorToErrorCode(std::move(Failed))));
  return llvm::Error::success();
}

llvm::Error rewrite(llvm::StringRef Path, const Replacements &Edits) {
  auto Text = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Text)
    return llvm::createStringError("cannot read '" + Path +
                                   "': " + reasonOf(Text.getError()));
  llvm::Expected<std::string> Fixed =
      clang::tooling::applyAllReplacements((*Text)->getBuffer(), Edits);
  if (!Fixed)
    return Fixed.takeError();
  return write(Path, [&](llvm::raw_ostream &OS) { OS << *Fixed; });
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

llvm::Expected<FixOutcome> applyFixes(llvm::ArrayRef<ClangTidyError> Findings) {
  FixOutcome Outcome;
  EditsByFile Edits;
  for (const ClangTidyError &Finding : Findings) {
    if (!addWholeFix(Finding, Edits))
      ++Outcome.Conflicting;
    else if (clang::tidy::getFixIt(Finding, /*AnyFix=*/false))
      ++Outcome.Applied;
  }
  for (const auto &[Path, FileEdits] : Edits) {
    if (llvm::Error Failed = rewrite(Path, FileEdits))
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
  // Written through the path, as clang-tidy writes it: a symbolic link
  // stays a link to the file written, and no other file ever takes its
  // place.
  std::error_code Failed;
  llvm::raw_fd_ostream OS(Path, Failed);
  if (!Failed) {
    clang::tidy::exportReplacements(MainFile, Findings, OS);
    OS.close();
    Failed = OS.error();
    OS.clear_error();
  }
  if (Failed)
    return llvm::createStringError("cannot write '" + Path +
                                   "': " + reasonOf(Failed));
  return llvm::Error::success();
}

} // namespace async_lint
