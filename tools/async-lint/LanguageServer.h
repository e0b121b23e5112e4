//===--- LanguageServer.h - async-lint --lsp ------------------------------===//

#ifndef ASYNC_LINT_DRIVER_LANGUAGESERVER_H
#define ASYNC_LINT_DRIVER_LANGUAGESERVER_H

#include "CommandLine.h"
#include <cstdio>

namespace async_lint {

/// Serves the Language Server Protocol on \p In and \p Out until the client
/// says `exit` or closes the input: each open document is linted from its
/// unsaved contents, with the compile flags and configuration the command
/// line would use for it, and its findings are published as diagnostics
/// with their fix-its as quick fixes (docs/editors.md). Returns the process
/// exit status: 0 after `shutdown` then `exit`, 1 otherwise, as LSP says;
/// 2, before serving, for an option only the command line takes (--fix,
/// --format...) or a configuration that is not valid.
int runLanguageServer(const Invocation &Args, std::FILE *In, std::FILE *Out);

} // namespace async_lint

#endif // ASYNC_LINT_DRIVER_LANGUAGESERVER_H
