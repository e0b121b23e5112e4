//===--- Fixes.h - Applying and exporting the findings' fix-its -----------===//

#ifndef ASYNC_LINT_DRIVER_FIXES_H
#define ASYNC_LINT_DRIVER_FIXES_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace async_lint {

struct FixOutcome {
  unsigned Applied = 0;
  /// Fixes left out, whole, because they overlap a fix already taken.
  unsigned Conflicting = 0;
  unsigned FilesChanged = 0;
};

/// Rewrites the files with the fix-its of \p Findings, in place, so that
/// each keeps its mode, owner and links. The fix-its of notes are
/// alternatives for the user to choose from, never applied, except with
/// \p FixNotes (clang-tidy's --fix-notes) for a finding without a fix of its
/// own and exactly one note with one. \p Linted holds the digest of the text
/// each file had when it was linted (by its real path): a file that has
/// changed since (an editor saved it) or is read-only is refused, and then
/// no file is changed.
llvm::Expected<FixOutcome>
applyFixes(llvm::ArrayRef<clang::tidy::ClangTidyError> Findings,
           const llvm::StringMap<uint64_t> &Linted, bool FixNotes = false);

/// Fails when --export-fixes=\p Path would replace something it must not:
/// a FIFO or device, or one of the \p Inputs (by identity, whatever the
/// path names it).
llvm::Error checkExportTarget(llvm::StringRef Path,
                              llvm::ArrayRef<std::string> Inputs);

/// Writes the fix-its of \p Findings to \p Path in clang-tidy's
/// --export-fixes format, for clang-apply-replacements.
llvm::Error exportFixes(llvm::StringRef Path, llvm::StringRef MainFile,
                        const std::vector<clang::tidy::ClangTidyError> &Findings);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_FIXES_H
