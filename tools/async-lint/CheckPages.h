//===--- CheckPages.h - The checks' documentation, built in ---------------===//

#ifndef ASYNC_LINT_DRIVER_CHECKPAGES_H
#define ASYNC_LINT_DRIVER_CHECKPAGES_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace async_lint {

/// The page docs/checks/<Check>.md as it was at build time (Markdown), or
/// empty when the check has none.
llvm::StringRef checkPage(llvm::StringRef Check);

/// What the page says the check finds: its first paragraph after the title,
/// the one sentence the check's class comment repeats. Empty for no page.
std::string checkSummary(llvm::StringRef Page);

/// Where the page is published (for SARIF's helpUri).
std::string checkPageUri(llvm::StringRef Check);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_CHECKPAGES_H
