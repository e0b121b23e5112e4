//===--- DriverInputsFuzzer.cpp - Fuzzes async-lint's untrusted inputs -----===//
//
// A libFuzzer target over the files async-lint reads and does not control:
// the first byte of an input chooses the reader, the rest is the file.
//
//   'e'  a result cache entry          (isSoundEntry)
//   'c'  a .clang-tidy / --config-file (parseConfigFile)
//   'd'  a compile_commands.json       (compilationDatabaseProblem, then, as
//                                       the driver does, clang's reader and
//                                       prepareCommands)
//
// Each reader must return (a result or an error), never crash, hang or
// leak; see fuzz/README.md for how it is built and run.
//
//===----------------------------------------------------------------------===//

#include "Compilations.h"
#include "Configuration.h"
#include "ResultCache.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstddef>
#include <cstdint>

using namespace async_lint;

namespace {

void readDatabase(llvm::StringRef Text) {
  if (!compilationDatabaseProblem(Text).empty())
    return;
  std::string Error;
  std::unique_ptr<clang::tooling::JSONCompilationDatabase> Database =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return;
  for (const std::string &File : Database->getAllFiles()) {
    std::vector<clang::tooling::CompileCommand> Commands =
        Database->getCompileCommands(File);
    llvm::consumeError(prepareCommands(Commands));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0]) {
  case 'e':
    isSoundEntry(Text);
    break;
  case 'c': {
    std::unique_ptr<llvm::MemoryBuffer> Buffer =
        llvm::MemoryBuffer::getMemBufferCopy(Text, ".clang-tidy");
    llvm::Expected<clang::tidy::ClangTidyOptions> Options =
        parseConfigFile(".clang-tidy", *Buffer);
    if (!Options)
      llvm::consumeError(Options.takeError());
    break;
  }
  case 'd':
    readDatabase(Text);
    break;
  }
  return 0;
}
