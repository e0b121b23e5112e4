//===--- Runner.h - Runs the checks over translation units ----------------===//

#ifndef ASYNC_LINT_DRIVER_RUNNER_H
#define ASYNC_LINT_DRIVER_RUNNER_H

#include "Compilations.h"
#include "Configuration.h"
#include "ResultCache.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace async_lint {

/// What linting one translation unit gave.
struct LintResult {
  const TranslationUnit *Unit = nullptr;
  /// The checks' findings and the compiler's errors, as clang-tidy's engine
  /// reports them (NOLINT, --checks and the header filter already applied).
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// False when a compile command failed: the compiler's errors are in
  /// Errors, or the compiler crashed.
  bool Compiled = false;
  bool Crashed = false;
  /// The files the compiler read (none when the result came from the
  /// cache).
  std::vector<InputFile> Inputs;
};

/// Makes a crash of the compiler on one translation unit (a stack overflow
/// too) a failure of that unit rather than of the run; once, in main().
void enableCrashRecovery();

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
