//===--- Diagnostics.h - Findings and compiler errors, ready to print -----===//

#ifndef ASYNC_LINT_DRIVER_DIAGNOSTICS_H
#define ASYNC_LINT_DRIVER_DIAGNOSTICS_H

#include "Paths.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

/// A place in a source file, resolved for every output format.
struct Position {
  /// The path to print (see DisplayPaths).
  std::string Path;
  std::string AbsolutePath;
  unsigned Offset = 0;
  /// 1-based; 0 when no place was found for the offset.
  unsigned Line = 0;
  /// 1-based, in bytes, as clang counts columns.
  unsigned Column = 0;
  /// 1-based, in Unicode code points, as SARIF counts them.
  unsigned CharacterColumn = 0;
  std::string LineText;
};

struct Message {
  std::optional<Position> Where;
  std::string Text;
};

/// A fix-it: replace [Begin, End) with Replacement.
struct Edit {
  Position Begin;
  Position End;
  std::string Replacement;
};

/// A check's finding, or an error of the compiler (no Check).
struct Diagnostic {
  std::string Check;
  bool IsError = false;
  Message Main;
  std::vector<Message> Notes;
  std::vector<Edit> Fixes;

  bool isCompilerError() const { return Check.empty(); }
};

/// Is \p Error the compiler's (the input does not compile) rather than a
/// check's?
bool isCompilerError(const clang::tidy::ClangTidyError &Error);

/// Is \p Error about the configuration (an invalid check option), which is
/// no finding in the code?
bool isConfigurationProblem(const clang::tidy::ClangTidyError &Error);

/// Where a byte offset of a source file is, as clang counts it.
struct Place {
  /// 1-based.
  unsigned Line = 0;
  /// 1-based, in bytes (a tab is one).
  unsigned Column = 0;
  /// 1-based, in Unicode code points.
  unsigned CharacterColumn = 0;
  /// The line, without its line break.
  std::string LineText;
};

/// The line of \p Text that \p Offset is in, at \p Column of it, without
/// its line break; empty when they do not fit \p Text.
llvm::StringRef lineAt(llvm::StringRef Text, unsigned Offset, unsigned Column);

/// The places a translation unit's diagnostics point at (their messages,
/// notes and fix-its), found with the compiler's SourceManager while it
/// still holds the text it compiled: a file edited or deleted after it was
/// compiled, or with line breaks other than "\n", is still reported where
/// clang saw the code.
class PlaceTable {
public:
  /// Adds the places of \p Error, reported in the text \p Sources holds.
  void add(const clang::tidy::ClangTidyError &Error,
           const clang::SourceManager &Sources);
  void add(llvm::StringRef AbsolutePath, unsigned Offset, Place Where);
  /// The place at \p Offset of \p AbsolutePath, if one was added.
  const Place *find(llvm::StringRef AbsolutePath, unsigned Offset) const;
  /// Each place added, in path and offset order.
  void forEach(llvm::function_ref<void(llvm::StringRef AbsolutePath,
                                       unsigned Offset, const Place &Where)>
                   Visit) const;

private:
  void add(const clang::tooling::DiagnosticMessage &Message,
           llvm::StringRef BuildDirectory, const clang::SourceManager &Sources);
  void add(llvm::StringRef FilePath, llvm::StringRef BuildDirectory,
           unsigned Offset, const clang::SourceManager &Sources);

  std::map<std::pair<std::string, unsigned>, Place> Places;
};

/// Turns one of clang-tidy's errors (paths and byte offsets) into a
/// Diagnostic (lines, columns, printable paths), with the places \p Places
/// found for it; a position without one has no line.
Diagnostic describe(const clang::tidy::ClangTidyError &Error,
                    const PlaceTable &Places, const DisplayPaths &Paths);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_DIAGNOSTICS_H
