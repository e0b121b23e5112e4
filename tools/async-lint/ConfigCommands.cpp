//===--- ConfigCommands.cpp - --dump-config, --verify-config --------------===//
//
// What clang-tidy's ClangTidyMain does for the two options, for async-lint's
// configuration (its checks only; a .clang-tidy's other checks are left to
// clang-tidy).
//
//===----------------------------------------------------------------------===//

#include "ConfigCommands.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace clang::tidy;

namespace async_lint {
namespace {

/// The known name closest to \p Name, within clang-tidy's edit distance of
/// 5; empty when none is that close.
llvm::StringRef closest(llvm::StringRef Name, const llvm::StringSet<> &Known) {
  unsigned Best = 5;
  llvm::StringRef Closest;
  for (llvm::StringRef Candidate : Known.keys()) {
    unsigned Distance = Name.edit_distance_insensitive(
        Candidate, /*AllowReplacements=*/true, Best);
    if (Distance < Best) {
      Best = Distance;
      Closest = Candidate;
    }
  }
  return Closest;
}

std::string unknown(llvm::StringRef Source, llvm::StringRef What,
                    llvm::StringRef Name, const llvm::StringSet<> &Known) {
  std::string Line =
      (Source + ": warning: unknown " + What + " '" + Name + "'").str();
  llvm::StringRef Closest = closest(Name, Known);
  if (!Closest.empty())
    Line += ("; did you mean '" + Closest + "'").str();
  return Line;
}

bool globMatchesAny(llvm::StringRef Glob, const llvm::StringSet<> &Checks) {
  std::string Pattern = "^";
  for (char C : Glob)
    Pattern += C == '*' ? std::string(".*") : llvm::Regex::escape({&C, 1});
  llvm::Regex Matcher(Pattern + "$");
  return llvm::any_of(Checks.keys(), [&](llvm::StringRef Check) {
    return Matcher.match(Check);
  });
}

void checkGlobs(llvm::StringRef Globs, llvm::StringRef Source,
                const llvm::StringSet<> &Checks,
                std::vector<std::string> &Problems) {
  llvm::SmallVector<llvm::StringRef> Split;
  llvm::SplitString(Globs, Split, ",\n");
  for (llvm::StringRef Glob : Split) {
    Glob = Glob.trim();
    Glob.consume_front("-");
    Glob = Glob.trim();
    if (!Glob.starts_with("async"))
      continue;
    if (Glob.contains('*')) {
      if (!globMatchesAny(Glob, Checks))
        Problems.push_back((Source + ": warning: check glob '" + Glob +
                            "' doesn't match any known check")
                               .str());
    } else if (!Checks.contains(Glob)) {
      Problems.push_back(unknown(Source, "check", Glob, Checks));
    }
  }
}

} // namespace

void dumpConfig(const Configuration &Config, llvm::StringRef File,
                llvm::raw_ostream &OS) {
  ClangTidyOptions Options = Config.optionsFor(File);
  Options.CheckOptions = getCheckOptions(Options, false, false);
  OS << configurationAsText(
            ClangTidyOptions::getDefaults().merge(Options, 0))
     << "\n";
}

std::vector<std::string> configurationProblems(const Configuration &Config,
                                               llvm::StringRef File) {
  ChecksAndOptions Known = getAllChecksAndOptions(false, false);
  std::vector<std::string> Problems;
  for (const auto &[Options, Source] : Config.rawOptionsFor(File)) {
    if (Source == ClangTidyOptionsProvider::OptionsSourceTypeDefaultBinary)
      continue;
    if (Options.Checks)
      checkGlobs(*Options.Checks, Source, Known.Checks, Problems);
    for (const auto &Option : Options.CheckOptions) {
      llvm::StringRef Name = Option.getKey();
      if (Name.starts_with("async-") && !Known.Options.contains(Name))
        Problems.push_back(unknown(Source, "check option", Name, Known.Options));
    }
  }
  return Problems;
}

} // namespace async_lint
