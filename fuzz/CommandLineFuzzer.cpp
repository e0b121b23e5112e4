//===--- CommandLineFuzzer.cpp - Fuzzes async-lint's command line ---------===//
//
// A libFuzzer target over parseCommandLine, the driver's own parsing of its
// arguments (response files, the checks before llvm::cl, llvm::cl, the
// values, the compiler flags after `--`): the input is the arguments after
// the program's name, separated by NUL bytes, which no argument can hold.
//
// Each command line must parse, or fail with an error of one non-empty line,
// and print nothing itself: llvm::cl's own words on standard error are what
// async-lint must never show (clang's driver may speak for the flags). Crashing, exiting (llvm::cl's --help used to)
// or hanging is a failure too; see fuzz/README.md.
//
//===----------------------------------------------------------------------===//

#include "CommandLine.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace async_lint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::vector<std::string> Arguments = {"async-lint"};
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (!Text.empty())
    for (llvm::StringRef Argument : llvm::split(Text, '\0'))
      Arguments.push_back(Argument.str());
  std::vector<const char *> Argv;
  for (const std::string &Argument : Arguments)
    Argv.push_back(Argument.c_str());
  Argv.push_back(nullptr);

  // llvm::cl prints its own words on llvm::errs(), which counts what it
  // writes. clang's driver, which runs on the compiler flags after `--`,
  // prints there what they ask for (-v), as it would compiling.
  uint64_t PrintedBefore = llvm::errs().tell();
  llvm::Expected<Invocation> Parsed =
      parseCommandLine(static_cast<int>(Arguments.size()), Argv.data());
  bool CompilerFlags = llvm::is_contained(Arguments, "--");
  if (!CompilerFlags && llvm::errs().tell() != PrintedBefore) {
    std::fprintf(stderr, "parseCommandLine printed on standard error\n");
    std::abort();
  }
  if (!Parsed) {
    std::string Reason = llvm::toString(Parsed.takeError());
    if (Reason.empty() || Reason.find('\n') != std::string::npos) {
      std::fprintf(stderr, "not a one-line error: '%s'\n", Reason.c_str());
      std::abort();
    }
  }
  return 0;
}
