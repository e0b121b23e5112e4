//===--- Diagnostics.h - Findings and compiler errors, ready to print -----===//

#ifndef ASYNC_LINT_DRIVER_DIAGNOSTICS_H
#define ASYNC_LINT_DRIVER_DIAGNOSTICS_H

#include "Paths.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
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
  /// 1-based; 0 when the file could not be read back.
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

/// Turns clang-tidy's errors (paths and byte offsets) into Diagnostics
/// (lines, columns, printable paths), reading each file back once.
class SourceFiles {
public:
  explicit SourceFiles(const DisplayPaths &Paths) : Paths(Paths) {}

  Diagnostic describe(const clang::tidy::ClangTidyError &Error);

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Text;
    std::vector<unsigned> LineStarts;
  };
  Position position(llvm::StringRef Path, llvm::StringRef BuildDirectory,
                    unsigned Offset);
  Message message(const clang::tooling::DiagnosticMessage &Message,
                  llvm::StringRef BuildDirectory);
  const File &file(llvm::StringRef AbsolutePath);

  const DisplayPaths &Paths;
  llvm::StringMap<File> Files;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_DIAGNOSTICS_H
