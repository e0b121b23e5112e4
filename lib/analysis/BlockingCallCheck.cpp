//===--- BlockingCallCheck.cpp - async-blocking-call ---===//

#include "BlockingCallCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name, ClangTidyContext *Context,
                     std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)) {}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {}

} // namespace clang::tidy::async
