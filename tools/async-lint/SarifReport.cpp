//===--- SarifReport.cpp - SARIF 2.1.0 for code scanning -------------------===//
//
// Validates against the OASIS schema and carries what GitHub code scanning
// reads: a rule per check with its descriptions and page, results with
// their locations, notes as related locations, fix-its as fixes. Files under
// the current directory are named relative to %SRCROOT% (the current
// directory), so that code scanning can match them to the repository.
//
//===----------------------------------------------------------------------===//

#include "CheckPages.h"
#include "Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace async_lint {
namespace {

constexpr llvm::StringLiteral SourceRoot = "%SRCROOT%";

/// \p Path percent-encoded as a URI path: RFC 3986's unreserved characters
/// and '/' as they are, everything else as %XX.
std::string uriPath(llvm::StringRef Path) {
  std::string Uri;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri += C;
    else
      Uri += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Uri;
}

class SarifReport : public Report {
public:
  explicit SarifReport(llvm::raw_ostream &OS)
      : OS(OS), CurrentDirectory(absolutePath(".")) {}

  void add(const Diagnostic &Diag) override { Diagnostics.push_back(Diag); }

  void finish(const RunSummary &Summary) override {
    llvm::json::Array Results;
    llvm::json::Array Notifications;
    for (const Diagnostic &Diag : Diagnostics) {
      if (Diag.isCompilerError())
        Notifications.push_back(notification(Diag));
      else
        Results.push_back(result(Diag, Summary.Checks));
    }
    for (const std::string &Failure : Summary.Failures)
      Notifications.push_back(llvm::json::Object{
          {"level", "error"}, {"message", text(Failure)}});

    llvm::json::Value Log = llvm::json::Object{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         llvm::json::Array{llvm::json::Object{
             {"tool", llvm::json::Object{{"driver", driver(Summary)}}},
             {"invocations",
              llvm::json::Array{llvm::json::Object{
                  {"executionSuccessful", Summary.Failures.empty()},
                  {"toolExecutionNotifications", std::move(Notifications)}}}},
             {"originalUriBaseIds",
              llvm::json::Object{
                  {SourceRoot,
                   llvm::json::Object{
                       {"uri", "file://" + uriPath(CurrentDirectory) + "/"}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", std::move(Results)}}}}};
    OS << llvm::formatv("{0:2}", Log) << "\n";
  }

private:
  /// A message object. (It takes a std::string: a json::Value made from a
  /// StringRef does not copy it.)
  static llvm::json::Object text(std::string Text) {
    return llvm::json::Object{{"text", std::move(Text)}};
  }

  static llvm::json::Object driver(const RunSummary &Summary) {
    llvm::json::Array Rules;
    for (const std::string &Check : Summary.Checks)
      Rules.push_back(rule(Check));
    return llvm::json::Object{{"name", "async-lint"},
                              {"version", ASYNC_LINT_VERSION},
                              {"semanticVersion", ASYNC_LINT_VERSION},
                              {"informationUri", ASYNC_LINT_HOMEPAGE_URL},
                              {"rules", std::move(Rules)}};
  }

  /// A rule as code scanning shows it: the page's summary as the
  /// descriptions, the whole page as the help, a link to the page.
  static llvm::json::Object rule(llvm::StringRef Check) {
    llvm::StringRef Page = checkPage(Check);
    std::string Summary = checkSummary(Page);
    if (Summary.empty())
      Summary = ("Findings of " + Check).str();
    llvm::json::Object Rule{
        {"id", Check.str()},
        {"shortDescription", text(Summary)},
        {"fullDescription", text(Summary)},
        {"help", Page.empty() ? text(Summary)
                              : llvm::json::Object{{"text", Page.str()},
                                                   {"markdown", Page.str()}}},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}}};
    if (Check.starts_with("async-"))
      Rule["helpUri"] = checkPageUri(Check);
    return Rule;
  }

  llvm::json::Object artifactLocation(llvm::StringRef AbsolutePath) const {
    llvm::StringRef Relative = AbsolutePath;
    if (Relative.consume_front(CurrentDirectory) &&
        Relative.consume_front(llvm::sys::path::get_separator()))
      return llvm::json::Object{{"uri", uriPath(Relative)},
                                {"uriBaseId", SourceRoot}};
    return llvm::json::Object{{"uri", "file://" + uriPath(AbsolutePath)}};
  }

  llvm::json::Object physicalLocation(const Position &Where) const {
    llvm::json::Object Location{
        {"artifactLocation", artifactLocation(Where.AbsolutePath)}};
    if (Where.Line != 0)
      Location["region"] = llvm::json::Object{
          {"startLine", Where.Line}, {"startColumn", Where.CharacterColumn}};
    return Location;
  }

  llvm::json::Array locations(const Message &Message) const {
    llvm::json::Array Locations;
    if (Message.Where)
      Locations.push_back(llvm::json::Object{
          {"physicalLocation", physicalLocation(*Message.Where)}});
    return Locations;
  }

  llvm::json::Array relatedLocations(const Diagnostic &Diag) const {
    llvm::json::Array Related;
    for (const Message &Note : Diag.Notes) {
      if (!Note.Where)
        continue;
      Related.push_back(llvm::json::Object{
          {"id", static_cast<int64_t>(Related.size())},
          {"message", text(Note.Text)},
          {"physicalLocation", physicalLocation(*Note.Where)}});
    }
    return Related;
  }

  /// The diagnostic's fix-its as one SARIF fix, a change per file.
  llvm::json::Array fixes(const Diagnostic &Diag) const {
    if (Diag.Fixes.empty())
      return {};
    std::vector<std::pair<std::string, llvm::json::Array>> ByFile;
    for (const Edit &Fix : Diag.Fixes) {
      if (Fix.Begin.Line == 0 || Fix.End.Line == 0)
        return {};
      auto File = llvm::find_if(ByFile, [&](const auto &Entry) {
        return Entry.first == Fix.Begin.AbsolutePath;
      });
      if (File == ByFile.end())
        File = ByFile.insert(File, {Fix.Begin.AbsolutePath, {}});
      File->second.push_back(llvm::json::Object{
          {"deletedRegion",
           llvm::json::Object{{"startLine", Fix.Begin.Line},
                              {"startColumn", Fix.Begin.CharacterColumn},
                              {"endLine", Fix.End.Line},
                              {"endColumn", Fix.End.CharacterColumn}}},
          {"insertedContent", text(Fix.Replacement)}});
    }
    llvm::json::Array Changes;
    for (auto &[File, Replacements] : ByFile)
      Changes.push_back(
          llvm::json::Object{{"artifactLocation", artifactLocation(File)},
                             {"replacements", std::move(Replacements)}});
    return llvm::json::Array{llvm::json::Object{
        {"description", text(Diag.Main.Text)},
        {"artifactChanges", std::move(Changes)}}};
  }

  llvm::json::Object result(const Diagnostic &Diag,
                            llvm::ArrayRef<std::string> Rules) const {
    llvm::json::Object Result{{"ruleId", Diag.Check},
                              {"level", Diag.IsError ? "error" : "warning"},
                              {"message", text(Diag.Main.Text)},
                              {"locations", locations(Diag.Main)}};
    auto Rule = llvm::find(Rules, Diag.Check);
    if (Rule != Rules.end())
      Result["ruleIndex"] = static_cast<int64_t>(Rule - Rules.begin());
    llvm::json::Array Related = relatedLocations(Diag);
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    llvm::json::Array Fixes = fixes(Diag);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    return Result;
  }

  llvm::json::Object notification(const Diagnostic &Diag) const {
    return llvm::json::Object{{"level", "error"},
                              {"message", text(Diag.Main.Text)},
                              {"locations", locations(Diag.Main)}};
  }

  llvm::raw_ostream &OS;
  std::string CurrentDirectory;
  std::vector<Diagnostic> Diagnostics;
};

} // namespace

std::unique_ptr<Report> makeSarifReport(llvm::raw_ostream &OS) {
  return std::make_unique<SarifReport>(OS);
}

} // namespace async_lint
