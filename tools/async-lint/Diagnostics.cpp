//===--- Diagnostics.cpp - Findings and compiler errors, ready to print ---===//

#include "Diagnostics.h"
#include "llvm/ADT/STLExtras.h"

using clang::tidy::ClangTidyError;

namespace async_lint {
namespace {

bool isUtf8Continuation(char Byte) {
  return (static_cast<unsigned char>(Byte) & 0xC0) == 0x80;
}

} // namespace

bool isCompilerError(const ClangTidyError &Error) {
  return Error.DiagLevel == ClangTidyError::Error &&
         llvm::StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
}

bool isConfigurationProblem(const ClangTidyError &Error) {
  return Error.DiagnosticName == "clang-tidy-config";
}

const SourceFiles::File &SourceFiles::file(llvm::StringRef AbsolutePath) {
  auto [Entry, IsNew] = Files.try_emplace(AbsolutePath);
  File &Read = Entry->second;
  if (!IsNew)
    return Read;
  if (auto Text = llvm::MemoryBuffer::getFile(AbsolutePath, /*IsText=*/true)) {
    Read.Text = std::move(*Text);
    llvm::StringRef Content = Read.Text->getBuffer();
    Read.LineStarts.push_back(0);
    for (size_t I = 0; I < Content.size(); ++I)
      if (Content[I] == '\n')
        Read.LineStarts.push_back(I + 1);
  }
  return Read;
}

Position SourceFiles::position(llvm::StringRef Path,
                               llvm::StringRef BuildDirectory,
                               unsigned Offset) {
  Position Result;
  Result.AbsolutePath = absolutePath(Path, BuildDirectory);
  Result.Path = Paths.display(Result.AbsolutePath);
  Result.Offset = Offset;
  const File &Source = file(Result.AbsolutePath);
  if (!Source.Text || Offset > Source.Text->getBufferSize())
    return Result;
  llvm::StringRef Content = Source.Text->getBuffer();
  auto NextLine = llvm::upper_bound(Source.LineStarts, Offset);
  unsigned LineStart = *std::prev(NextLine);
  llvm::StringRef BeforeOffset = Content.slice(LineStart, Offset);
  Result.Line = std::distance(Source.LineStarts.begin(), NextLine);
  Result.Column = BeforeOffset.size() + 1;
  Result.CharacterColumn =
      llvm::count_if(BeforeOffset, [](char C) { return !isUtf8Continuation(C); }) +
      1;
  Result.LineText =
      Content.substr(LineStart).split('\n').first.rtrim('\r').str();
  return Result;
}

Message SourceFiles::message(const clang::tooling::DiagnosticMessage &Message,
                             llvm::StringRef BuildDirectory) {
  struct Message Result;
  Result.Text = Message.Message;
  if (!Message.FilePath.empty())
    Result.Where = position(Message.FilePath, BuildDirectory, Message.FileOffset);
  return Result;
}

Diagnostic SourceFiles::describe(const ClangTidyError &Error) {
  Diagnostic Result;
  if (!isCompilerError(Error))
    Result.Check = Error.DiagnosticName;
  Result.IsError = Error.DiagLevel == ClangTidyError::Error || Error.IsWarningAsError;
  Result.Main = message(Error.Message, Error.BuildDirectory);
  for (const clang::tooling::DiagnosticMessage &Note : Error.Notes)
    Result.Notes.push_back(message(Note, Error.BuildDirectory));
  for (const auto &[File, Replacements] : Error.Message.Fix)
    for (const clang::tooling::Replacement &Fix : Replacements)
      Result.Fixes.push_back(
          {position(Fix.getFilePath(), Error.BuildDirectory, Fix.getOffset()),
           position(Fix.getFilePath(), Error.BuildDirectory,
                    Fix.getOffset() + Fix.getLength()),
           Fix.getReplacementText().str()});
  return Result;
}

} // namespace async_lint
