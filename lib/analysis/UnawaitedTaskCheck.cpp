//===--- UnawaitedTaskCheck.cpp - async-unawaited-task ---===//

#include "UnawaitedTaskCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

UnawaitedTaskCheck::UnawaitedTaskCheck(llvm::StringRef Name, ClangTidyContext *Context,
                     std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)) {}

void UnawaitedTaskCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {}

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::async
