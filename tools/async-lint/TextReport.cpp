//===--- TextReport.cpp - clang's diagnostic format ------------------------===//

#include "Report.h"
#include "llvm/Support/Unicode.h"

namespace async_lint {
namespace {

class TextReport : public Report {
public:
  TextReport(llvm::raw_ostream &OS, bool ShowSource)
      : OS(OS), ShowSource(ShowSource) {}

  void add(const Diagnostic &Diag) override {
    print(Diag.Main, Diag.IsError ? "error" : "warning");
    if (!Diag.isCompilerError())
      OS << " [" << Diag.Check << "]";
    OS << "\n";
    printSource(Diag.Main);
    for (const Message &Note : Diag.Notes) {
      print(Note, "note");
      OS << "\n";
      printSource(Note);
    }
    OS.flush();
  }

  void finish(const RunSummary &) override {}

private:
  /// In clang's colors when the stream has colors enabled (--use-color):
  /// the place and the message bold, the level in its color.
  void print(const Message &Message, llvm::StringRef Level) {
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    if (Message.Where) {
      OS << Message.Where->Path << ":";
      if (Message.Where->Line != 0)
        OS << Message.Where->Line << ":" << Message.Where->Column << ":";
      OS << " ";
    }
    OS.changeColor(Level == "error"     ? llvm::raw_ostream::RED
                   : Level == "warning" ? llvm::raw_ostream::MAGENTA
                                        : llvm::raw_ostream::BLACK,
                   /*Bold=*/true);
    OS << Level << ": ";
    OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Message.Text;
    OS.resetColor();
  }

  /// The line and a caret under the column, tabs kept and each character
  /// as wide as a terminal shows it, so that the caret lines up, as clang
  /// draws it.
  void printSource(const Message &Message) {
    if (!ShowSource || !Message.Where || Message.Where->Line == 0)
      return;
    const Position &Where = *Message.Where;
    OS << Where.LineText << "\n";
    llvm::StringRef BeforeCaret =
        llvm::StringRef(Where.LineText).take_front(Where.Column - 1);
    llvm::SmallVector<llvm::StringRef, 4> BetweenTabs;
    BeforeCaret.split(BetweenTabs, '\t');
    for (size_t I = 0; I < BetweenTabs.size(); ++I) {
      if (I != 0)
        OS << '\t';
      int Width = llvm::sys::unicode::columnWidthUTF8(BetweenTabs[I]);
      OS.indent(Width < 0 ? BetweenTabs[I].size() : Width);
    }
    OS << "^\n";
  }

  llvm::raw_ostream &OS;
  bool ShowSource;
};

} // namespace

std::unique_ptr<Report> makeTextReport(llvm::raw_ostream &OS, bool ShowSource) {
  return std::make_unique<TextReport>(OS, ShowSource);
}

} // namespace async_lint
