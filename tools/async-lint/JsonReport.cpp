//===--- JsonReport.cpp - One JSON document for scripts --------------------===//
//
// The shape is documented in docs/usage.md ("--format=json"); keep the two
// in step.
//
//===----------------------------------------------------------------------===//

#include "Report.h"
#include "llvm/Support/JSON.h"

namespace async_lint {
namespace {

void addPosition(llvm::json::Object &Object, const Message &Message) {
  if (!Message.Where)
    return;
  Object["file"] = Message.Where->Path;
  if (Message.Where->Line == 0)
    return;
  Object["line"] = Message.Where->Line;
  Object["column"] = Message.Where->Column;
}

llvm::json::Object message(const Message &Message) {
  llvm::json::Object Object{{"message", Message.Text}};
  addPosition(Object, Message);
  return Object;
}

llvm::json::Array notes(const Diagnostic &Diag) {
  llvm::json::Array Notes;
  for (const Message &Note : Diag.Notes)
    Notes.push_back(message(Note));
  return Notes;
}

llvm::json::Array fixes(const Diagnostic &Diag) {
  llvm::json::Array Fixes;
  for (const Edit &Fix : Diag.Fixes)
    Fixes.push_back(llvm::json::Object{
        {"file", Fix.Begin.Path},
        {"line", Fix.Begin.Line},
        {"column", Fix.Begin.Column},
        {"offset", Fix.Begin.Offset},
        {"length", Fix.End.Offset - Fix.Begin.Offset},
        {"replacement", Fix.Replacement}});
  return Fixes;
}

class JsonReport : public Report {
public:
  explicit JsonReport(llvm::raw_ostream &OS) : OS(OS) {}

  void add(const Diagnostic &Diag) override {
    llvm::json::Object Entry = message(Diag.Main);
    Entry["notes"] = notes(Diag);
    if (Diag.isCompilerError()) {
      CompileErrors.push_back(std::move(Entry));
      return;
    }
    Entry["check"] = Diag.Check;
    Entry["level"] = Diag.IsError ? "error" : "warning";
    Entry["fixes"] = fixes(Diag);
    Findings.push_back(std::move(Entry));
  }

  void finish(const RunSummary &Summary) override {
    llvm::json::Value Document = llvm::json::Object{
        {"version", ASYNC_LINT_VERSION},
        {"files", llvm::json::Array(Summary.Files)},
        {"checks", llvm::json::Array(Summary.Checks)},
        {"findings", std::move(Findings)},
        {"compileErrors", std::move(CompileErrors)},
        {"failures", llvm::json::Array(Summary.Failures)}};
    OS << llvm::formatv("{0:2}", Document) << "\n";
  }

private:
  llvm::raw_ostream &OS;
  llvm::json::Array Findings;
  llvm::json::Array CompileErrors;
};

} // namespace

std::unique_ptr<Report> makeJsonReport(llvm::raw_ostream &OS) {
  return std::make_unique<JsonReport>(OS);
}

} // namespace async_lint
