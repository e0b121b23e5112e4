//===--- CheckPages.cpp - The checks' documentation, built in -------------===//

#include "CheckPages.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <vector>

namespace async_lint {
namespace {

struct Page {
  llvm::StringLiteral Check;
  llvm::StringLiteral Markdown;
};

// Generated from docs/checks/*.md by EmbedCheckPages.cmake (a vector: there
// may be no page yet).
const std::vector<Page> Pages = {
#include "CheckPages.inc"
};

} // namespace

llvm::StringRef checkPage(llvm::StringRef Check) {
  auto Found =
      llvm::find_if(Pages, [&](const Page &P) { return P.Check == Check; });
  if (Found == Pages.end())
    return {};
  return Found->Markdown;
}

std::string checkSummary(llvm::StringRef Page) {
  llvm::SmallVector<llvm::StringRef> Paragraph;
  for (llvm::StringRef Line : llvm::split(Page, '\n')) {
    Line = Line.trim();
    bool IsTitleOrGap = Line.empty() || Line.starts_with("#");
    if (IsTitleOrGap && !Paragraph.empty())
      break;
    if (!IsTitleOrGap)
      Paragraph.push_back(Line);
  }
  return llvm::join(Paragraph, " ");
}

std::string checkPageUri(llvm::StringRef Check) {
  return (ASYNC_LINT_DOCS_URL "/checks/" + Check + ".md").str();
}

} // namespace async_lint
