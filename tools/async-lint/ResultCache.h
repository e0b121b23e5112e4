//===--- ResultCache.h - The findings of earlier runs, kept on disk -------===//

#ifndef ASYNC_LINT_DRIVER_RESULTCACHE_H
#define ASYNC_LINT_DRIVER_RESULTCACHE_H

#include "CommandLine.h"
#include "Compilations.h"
#include "Diagnostics.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/SourceManager.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace async_lint {

/// A file a translation unit read, with a digest of the text it read.
struct InputFile {
  std::string Path;
  uint64_t Digest = 0;
};

/// The digest of a file's text that InputFile keeps.
uint64_t digestOf(llvm::StringRef Text);

/// Is \p Text a sound cache entry, by the reader lookups use? (For the fuzz
/// target over entries, which are untrusted input.)
bool isSoundEntry(llvm::StringRef Text);

/// Adds to \p Inputs the files whose text \p Sources loaded, with a digest of
/// the text the compiler saw (not of the file as it is now: it may have been
/// edited during the run).
void addInputFiles(const clang::SourceManager &Sources,
                   std::vector<InputFile> &Inputs);

/// What an entry keeps of a translation unit's lint: its findings, and
/// where they are in the text it compiled.
struct KeptFindings {
  std::vector<clang::tidy::ClangTidyError> Errors;
  PlaceTable Places;
};

/// The findings of translation units linted before, kept on disk so that
/// linting an unchanged unit again costs reading its files, not parsing them
/// (ccache's "direct mode"). An entry is found by a key made of everything
/// but the files' text: the tool's build, the main file, its compile
/// commands and its clang-tidy options. It lists every file the unit read
/// with a digest of its text, and is used only while all of them still have
/// that text. A unit that did not compile is never kept; an entry that
/// cannot be read or understood is a miss.
class ResultCache {
public:
  /// The cache \p Args asks for: --cache-dir, else $ASYNC_LINT_CACHE_DIR,
  /// else async-lint/ in the user's cache directory ($XDG_CACHE_HOME or
  /// ~/.cache). None with --no-cache, or with --fix (fixes rewrite files
  /// during the run), or when there is no user cache directory.
  static std::optional<ResultCache> forInvocation(const Invocation &Args);

  /// The key of \p Unit's entry when linted with \p Options (the options of
  /// its main file).
  std::string keyOf(const TranslationUnit &Unit,
                    const clang::tidy::ClangTidyOptions &Options) const;

  /// The findings kept under \p Key, if every file they came from still has
  /// the text it had.
  std::optional<KeptFindings> lookup(llvm::StringRef Key) const;

  /// Keeps \p Errors and their \p Places under \p Key with the files they
  /// came from; does
  /// nothing when the cache is read-only or cannot be written. The entry is
  /// written whole or not at all, so that other runs may read it meanwhile.
  void store(llvm::StringRef Key, llvm::ArrayRef<InputFile> Inputs,
             llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
             const PlaceTable &Places) const;

private:
  ResultCache(std::string Directory, bool ReadOnly, std::string ToolBuild)
      : Directory(std::move(Directory)), ReadOnly(ReadOnly),
        ToolBuild(std::move(ToolBuild)) {}
  std::string entryPath(llvm::StringRef Key) const;

  std::string Directory;
  bool ReadOnly;
  /// Which build of async-lint made the entries this run may use.
  std::string ToolBuild;
};

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_RESULTCACHE_H
