//===--- HeavyLoopCheck.cpp - async-heavy-loop ---===//

#include "HeavyLoopCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

HeavyLoopCheck::HeavyLoopCheck(llvm::StringRef Name, ClangTidyContext *Context,
                     std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)) {}

void HeavyLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {}

void HeavyLoopCheck::registerMatchers(MatchFinder *Finder) {}

void HeavyLoopCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::async
