//===--- NonBlockingIO.cpp - Descriptor calls that do not block ------------===//

#include "NonBlockingIO.h"
#include "RuntimeProfile.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async {
namespace {

/// The C library's descriptor calls that a non-blocking descriptor makes
/// return at once with EAGAIN (or EINPROGRESS). Not pread, pwrite or fsync:
/// regular files ignore O_NONBLOCK.
constexpr llvm::StringLiteral DescriptorCalls[] = {
    "read", "write",    "readv",    "writev",  "recv",   "recvfrom", "recvmsg",
    "send", "sendto",   "sendmsg",  "accept",  "accept4", "connect"};

/// Names that only code written for non-blocking descriptors uses.
constexpr llvm::StringLiteral NonBlockingNames[] = {
    "O_NONBLOCK", "SOCK_NONBLOCK", "EAGAIN", "EWOULDBLOCK", "EINPROGRESS"};

constexpr llvm::StringLiteral DontWaitFlag[] = {"MSG_DONTWAIT"};

/// Awaited operations that wait for a descriptor to become ready, by the
/// called function's name (libcoro's `scheduler::poll`, `client::poll`).
constexpr llvm::StringLiteral ReadinessOperations[] = {
    "poll", "wait_readable", "wait_writable", "readable", "writable"};

bool isDescriptorCall(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->isExternC() && Callee->getIdentifier() &&
         llvm::is_contained(DescriptorCalls, Callee->getName());
}

/// True if the source text of \p Range has one of \p Names as an identifier
/// token (macros are seen as written, not expanded).
bool spellsAnyOf(SourceRange Range, llvm::ArrayRef<llvm::StringLiteral> Names,
                 const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Chars = SM.getExpansionRange(Range);
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Chars, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return false;
  // The lexer stops at a null character: lex a terminated copy.
  std::string Code = Text.str();
  Lexer Raw(SourceLocation(), Ctx.getLangOpts(), Code.data(), Code.data(),
            Code.data() + Code.size());
  Token Tok;
  do {
    Raw.LexFromRawLexer(Tok);
    if (Tok.is(tok::raw_identifier) &&
        llvm::is_contained(Names, Tok.getRawIdentifier()))
      return true;
  } while (Tok.isNot(tok::eof));
  return false;
}

/// The source a function's code covers: its body, and a lambda's whole
/// enclosing function, where the descriptor it uses is usually made.
SourceRange codeOf(const FunctionDecl &Function) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Function);
  if (Method && Method->getParent()->isLambda())
    if (const auto *Enclosing = dyn_cast_or_null<FunctionDecl>(
            Method->getParent()->getParentFunctionOrMethod()))
      if (Enclosing->getBody())
        return codeOf(*Enclosing);
  return Function.getSourceRange();
}

/// True if the descriptor \p Call works on (its first argument) is reached
/// through an object of one of \p Types or a member of one:
/// `m_socket.native_handle()` in a libcoro client's own code, or
/// `client.socket().native_handle()` in its user's.
bool descriptorHeldBy(const CallExpr &Call, llvm::ArrayRef<std::string> Types) {
  if (Types.empty() || Call.getNumArgs() == 0)
    return false;
  auto IsListed = [&](const CXXRecordDecl *Class) {
    return Class && llvm::is_contained(Types, plainQualifiedName(Class));
  };
  llvm::SmallVector<const Stmt *, 8> Work{Call.getArg(0)};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Member = dyn_cast<MemberExpr>(S))
      if (IsListed(dyn_cast<CXXRecordDecl>(Member->getMemberDecl()->getDeclContext())))
        return true;
    if (const auto *E = dyn_cast<Expr>(S)) {
      QualType T = E->getType().getNonReferenceType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (IsListed(T->getAsCXXRecordDecl()))
        return true;
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
  }
  return false;
}

bool awaitsReadiness(const CoroutineInfo &Coroutine) {
  return llvm::any_of(Coroutine.suspensions(), [](const Stmt *Suspension) {
    const CallExpr *Call = awaitedCall(*Suspension);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    return Callee && Callee->getIdentifier() &&
           llvm::is_contained(ReadinessOperations, Callee->getName());
  });
}

} // namespace

bool runsNonBlocking(const CallExpr &Call,
                     llvm::ArrayRef<const FunctionDecl *> Around,
                     const CoroutineInfo &Coroutine,
                     llvm::ArrayRef<std::string> NonBlockingTypes) {
  if (!isDescriptorCall(Call))
    return false;
  const ASTContext &Ctx = Coroutine.function().getASTContext();
  if (spellsAnyOf(Call.getSourceRange(), DontWaitFlag, Ctx) ||
      descriptorHeldBy(Call, NonBlockingTypes))
    return true;
  if (llvm::any_of(Around, [&](const FunctionDecl *Function) {
        return spellsAnyOf(codeOf(*Function), NonBlockingNames, Ctx);
      }))
    return true;
  return awaitsReadiness(Coroutine);
}

} // namespace clang::tidy::async
