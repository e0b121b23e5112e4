//===--- Runner.h - Runs the checks over translation units ----------------===//

#ifndef ASYNC_LINT_DRIVER_RUNNER_H
#define ASYNC_LINT_DRIVER_RUNNER_H

#include "Compilations.h"
#include "Configuration.h"
#include "Diagnostics.h"
#include "ResultCache.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <pthread.h>

namespace async_lint {

/// What linting one translation unit gave.
struct LintResult {
  const TranslationUnit *Unit = nullptr;
  /// The checks' findings and the compiler's errors, as clang-tidy's engine
  /// reports them (NOLINT, --checks and the header filter already applied),
  /// in the order of their files and offsets, those without a place last
  /// (clang's "too many errors emitted" follows the errors it cut short).
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Where in the compiled text each of Errors' offsets is.
  PlaceTable Places;
  /// False when a compile command failed: the compiler's errors are in
  /// Errors, or the compiler crashed.
  bool Compiled = false;
  bool Crashed = false;
  /// True when the main file was gone when its turn came (deleted after the
  /// run checked its inputs): then there are no Errors.
  bool Missing = false;
  /// The files clang was refused for not being regular files (a FIFO or a
  /// device `#include`d: clang would wait on it, or read it, forever), by
  /// absolute path.
  std::vector<std::string> NotRegularFiles;
  /// The files the compiler read (none when the result came from the
  /// cache).
  std::vector<InputFile> Inputs;
};

/// One file's preamble, for a language server that lints the same file
/// after every edit: the file's `#include` prefix parsed once (clang's
/// PrecompiledPreamble, in memory, as clangd keeps one), so that an edit
/// below it re-parses only the rest of the file. A lint that finds no
/// reusable preamble parses the whole file as usual and leaves the building
/// of a new one to buildPending(), run after its findings are out: a first
/// lint costs no more than a cold one.
class Preamble {
public:
  Preamble();
  ~Preamble();
  Preamble(const Preamble &) = delete;
  Preamble &operator=(const Preamble &) = delete;

  /// Builds the preamble the last lint found missing or stale, if any;
  /// false if it could not be built (the prefix does not compile: lints go
  /// on parsing the whole file).
  bool buildPending();
  /// The size of the preamble built, 0 if none.
  size_t size() const;
  /// True if the last lint reused this preamble.
  bool lastLintReused() const;

  struct State;

private:
  friend class LintActionFactory;
  std::unique_ptr<State> Current;
};

/// Lints one translation unit, reading its files through \p Files (the
/// disk, or the language server's unsaved buffers over it), with \p Cache's
/// preamble when there is one that still fits. \p Files must be the unit's
/// own: linting moves its working directory to the compile command's. With
/// a preamble, the checks look only at the main file's own declarations:
/// findings in headers are not reported.
LintResult lintTranslationUnit(const TranslationUnit &Unit,
                               const Configuration &Config,
                               llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files,
                               Preamble *Cache = nullptr);
/// Makes a crash of the compiler on one translation unit (a stack overflow
/// too) a failure of that unit rather than of the run; once, in main().
void enableCrashRecovery();

/// A thread to lint on outside lintTranslationUnits (the language server's):
/// it has the stack a parse needs and an alternate signal stack, so that a
/// stack overflow in clang's parser is a crash of the unit it parses, as on
/// lintTranslationUnits' threads. Joined on destruction.
class LintThread {
public:
  explicit LintThread(std::function<void()> Work);
  ~LintThread();
  /// False if the system refused the thread: the work never runs.
  bool started() const { return !Started.empty(); }
  LintThread(const LintThread &) = delete;
  LintThread &operator=(const LintThread &) = delete;

private:
  std::function<void()> Work;
  std::vector<pthread_t> Started;
};

/// Lints \p Units, \p Jobs at a time (0: one per core), each on its own
/// thread with its own ClangTidyContext and file system, and hands each
/// result to \p Deliver, one at a time and in the order of \p Units. With
/// a \p Cache, a unit whose entry is still valid is not parsed again, and
/// each unit parsed that compiled is kept in it.
void lintTranslationUnits(llvm::ArrayRef<TranslationUnit> Units,
                          const Configuration &Config, unsigned Jobs,
                          const ResultCache *Cache,
                          llvm::function_ref<void(LintResult)> Deliver);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_RUNNER_H
