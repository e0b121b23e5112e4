//===--- Report.h - The output formats -------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_REPORT_H
#define ASYNC_LINT_DRIVER_REPORT_H

#include "Diagnostics.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>

namespace async_lint {

/// What a report says besides the diagnostics.
struct RunSummary {
  /// The main files linted, as printed.
  std::vector<std::string> Files;
  /// The checks that ran, and any other that reported (the SARIF rules).
  std::vector<std::string> Checks;
  /// Why the run could not do its job, one line each (exit status 2).
  std::vector<std::string> Failures;
};

/// Prints diagnostics in one format (docs/usage.md describes each).
class Report {
public:
  virtual ~Report() = default;
  /// Diagnostics arrive in order, each once.
  virtual void add(const Diagnostic &Diag) = 0;
  virtual void finish(const RunSummary &Summary) = 0;
};

/// clang's format, a diagnostic per line as it arrives, notes under it:
/// `file.cpp:14:3: warning: message [check]`.
std::unique_ptr<Report> makeTextReport(llvm::raw_ostream &OS, bool ShowSource);
/// One JSON document, at the end.
std::unique_ptr<Report> makeJsonReport(llvm::raw_ostream &OS);
/// One SARIF 2.1.0 log, at the end.
std::unique_ptr<Report> makeSarifReport(llvm::raw_ostream &OS);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_REPORT_H
