//===--- AsyncLint.cpp - The async-lint command-line driver ---------------===//
//
// Placeholder driver: lints the given files with the async-* checks through
// the clang-tidy engine. Being replaced by the full driver (CONTRACT §1).
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy {
extern volatile int AsyncModuleAnchorSource;
static int KeepAsyncModule = AsyncModuleAnchorSource;
} // namespace clang::tidy

using namespace clang;
using namespace clang::tidy;

int main(int argc, const char **argv) {
  std::vector<std::string> Files, Flags;
  bool AfterDashes = false;
  for (int I = 1; I < argc; ++I) {
    std::string Arg = argv[I];
    if (Arg == "--") { AfterDashes = true; continue; }
    (AfterDashes ? Flags : Files).push_back(Arg);
  }
  if (Files.empty()) {
    llvm::errs() << "async-lint: error: no input files\n";
    return 2;
  }
  Flags.push_back("-resource-dir=" ASYNC_LINT_CLANG_RESOURCE_DIR);
  tooling::FixedCompilationDatabase Db(".", Flags);
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,async-*";
  ClangTidyContext Context(std::make_unique<DefaultOptionsProvider>(Global, Defaults));
  auto Errors = runClangTidy(Context, Db, Files,
                             llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
                                 llvm::vfs::getRealFileSystem()),
                             false);
  unsigned WarningsAsErrors = 0;
  handleErrors(Errors, Context, FB_NoFix, WarningsAsErrors, llvm::vfs::getRealFileSystem());
  return Errors.empty() ? 0 : 1;
}
