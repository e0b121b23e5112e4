//===--- Diagnostics.cpp - Findings and compiler errors, ready to print ---===//

#include "Diagnostics.h"
#include "clang/Basic/FileManager.h"
#include "llvm/ADT/STLExtras.h"

using clang::tidy::ClangTidyError;

namespace async_lint {
namespace {

bool isUtf8Continuation(char Byte) {
  return (static_cast<unsigned char>(Byte) & 0xC0) == 0x80;
}

/// The place at \p Offset of the file clang knows as \p FilePath, as
/// \p Sources counts lines and columns in the text it compiled ("\n",
/// "\r\n" and a lone "\r" each end a line).
std::optional<Place> placeIn(const clang::SourceManager &Sources,
                             llvm::StringRef FilePath, unsigned Offset) {
  clang::OptionalFileEntryRef File =
      Sources.getFileManager().getOptionalFileRef(FilePath);
  if (!File)
    return std::nullopt;
  clang::FileID ID = Sources.translateFile(*File);
  bool Invalid = ID.isInvalid();
  llvm::StringRef Text = Invalid ? "" : Sources.getBufferData(ID, &Invalid);
  if (Invalid || Offset > Text.size())
    return std::nullopt;
  Place Where;
  Where.Line = Sources.getLineNumber(ID, Offset);
  Where.Column = Sources.getColumnNumber(ID, Offset);
  Where.LineText = lineAt(Text, Offset, Where.Column).str();
  llvm::StringRef BeforeOffset =
      llvm::StringRef(Where.LineText).take_front(Where.Column - 1);
  Where.CharacterColumn =
      llvm::count_if(BeforeOffset,
                     [](char C) { return !isUtf8Continuation(C); }) +
      1;
  return Where;
}

} // namespace

llvm::StringRef lineAt(llvm::StringRef Text, unsigned Offset,
                       unsigned Column) {
  if (Column == 0 || Column - 1 > Offset || Offset > Text.size())
    return "";
  auto IsLineBreak = [](char C) { return C == '\n' || C == '\r'; };
  return Text.substr(Offset - (Column - 1)).take_until(IsLineBreak);
}

bool isCompilerError(const ClangTidyError &Error) {
  return Error.DiagLevel == ClangTidyError::Error &&
         llvm::StringRef(Error.DiagnosticName).starts_with("clang-diagnostic-");
}

bool isConfigurationProblem(const ClangTidyError &Error) {
  return Error.DiagnosticName == "clang-tidy-config";
}

void PlaceTable::add(llvm::StringRef FilePath, llvm::StringRef BuildDirectory,
                     unsigned Offset, const clang::SourceManager &Sources) {
  if (FilePath.empty())
    return;
  if (std::optional<Place> Where = placeIn(Sources, FilePath, Offset))
    add(absolutePath(FilePath, BuildDirectory), Offset, std::move(*Where));
}

void PlaceTable::add(const clang::tooling::DiagnosticMessage &Message,
                     llvm::StringRef BuildDirectory,
                     const clang::SourceManager &Sources) {
  add(Message.FilePath, BuildDirectory, Message.FileOffset, Sources);
  for (const auto &[File, Replacements] : Message.Fix)
    for (const clang::tooling::Replacement &Fix : Replacements) {
      add(Fix.getFilePath(), BuildDirectory, Fix.getOffset(), Sources);
      add(Fix.getFilePath(), BuildDirectory, Fix.getOffset() + Fix.getLength(),
          Sources);
    }
}

void PlaceTable::add(const ClangTidyError &Error,
                     const clang::SourceManager &Sources) {
  add(Error.Message, Error.BuildDirectory, Sources);
  for (const clang::tooling::DiagnosticMessage &Note : Error.Notes)
    add(Note, Error.BuildDirectory, Sources);
}

void PlaceTable::add(llvm::StringRef AbsolutePath, unsigned Offset,
                     Place Where) {
  Places.try_emplace({AbsolutePath.str(), Offset}, std::move(Where));
}

const Place *PlaceTable::find(llvm::StringRef AbsolutePath,
                              unsigned Offset) const {
  auto Found = Places.find({AbsolutePath.str(), Offset});
  return Found == Places.end() ? nullptr : &Found->second;
}

void PlaceTable::forEach(
    llvm::function_ref<void(llvm::StringRef, unsigned, const Place &)> Visit)
    const {
  for (const auto &[Key, Where] : Places)
    Visit(Key.first, Key.second, Where);
}

namespace {

Position position(llvm::StringRef Path, llvm::StringRef BuildDirectory,
                  unsigned Offset, const PlaceTable &Places,
                  const DisplayPaths &Paths) {
  Position Result;
  Result.AbsolutePath = absolutePath(Path, BuildDirectory);
  Result.Path = Paths.display(Result.AbsolutePath);
  Result.Offset = Offset;
  if (const Place *Where = Places.find(Result.AbsolutePath, Offset)) {
    Result.Line = Where->Line;
    Result.Column = Where->Column;
    Result.CharacterColumn = Where->CharacterColumn;
    Result.LineText = Where->LineText;
  }
  return Result;
}

Message message(const clang::tooling::DiagnosticMessage &Message,
                llvm::StringRef BuildDirectory, const PlaceTable &Places,
                const DisplayPaths &Paths) {
  struct Message Result;
  Result.Text = Message.Message;
  if (!Message.FilePath.empty())
    Result.Where = position(Message.FilePath, BuildDirectory,
                            Message.FileOffset, Places, Paths);
  return Result;
}

} // namespace

Diagnostic describe(const ClangTidyError &Error, const PlaceTable &Places,
                    const DisplayPaths &Paths) {
  Diagnostic Result;
  if (!isCompilerError(Error))
    Result.Check = Error.DiagnosticName;
  Result.IsError = Error.DiagLevel == ClangTidyError::Error || Error.IsWarningAsError;
  Result.Main = message(Error.Message, Error.BuildDirectory, Places, Paths);
  for (const clang::tooling::DiagnosticMessage &Note : Error.Notes)
    Result.Notes.push_back(message(Note, Error.BuildDirectory, Places, Paths));
  for (const auto &[File, Replacements] : Error.Message.Fix)
    for (const clang::tooling::Replacement &Fix : Replacements)
      Result.Fixes.push_back(
          {position(Fix.getFilePath(), Error.BuildDirectory, Fix.getOffset(),
                    Places, Paths),
           position(Fix.getFilePath(), Error.BuildDirectory,
                    Fix.getOffset() + Fix.getLength(), Places, Paths),
           Fix.getReplacementText().str()});
  return Result;
}

} // namespace async_lint
