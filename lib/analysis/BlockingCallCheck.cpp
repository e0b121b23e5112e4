//===--- BlockingCallCheck.cpp - async-blocking-call -----------------------===//

#include "BlockingCallCheck.h"
#include "HelperCalls.h"
#include "NonBlockingIO.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {
namespace {

using Remedy = BlockingCallCheck::Remedy;
using BlockingOp = BlockingCallCheck::BlockingOp;

struct BuiltinName {
  llvm::StringLiteral Name;
  Remedy Fix;
};

// Functions of the standard and C libraries that block the calling thread,
// by the kind of fix; a runtime's own blocking calls are in its profile.
// Console output (printf, puts, std::cout) is deliberately not here.
constexpr BuiltinName BuiltinFunctions[] = {
    // C stdio on files. Writes to stdout/stderr are exempt (see below).
    {"fopen", Remedy::FileIO},
    {"freopen", Remedy::FileIO},
    {"fclose", Remedy::FileIO},
    {"fflush", Remedy::FileIO},
    {"fseek", Remedy::FileIO},
    {"ftell", Remedy::FileIO},
    {"rewind", Remedy::FileIO},
    {"remove", Remedy::FileIO},
    {"rename", Remedy::FileIO},
    {"tmpfile", Remedy::FileIO},
    {"fread", Remedy::ReadFile},
    {"fgets", Remedy::ReadFile},
    {"fgetc", Remedy::ReadFile},
    {"getc", Remedy::ReadFile},
    {"fscanf", Remedy::ReadFile},
    {"getline", Remedy::ReadFile},
    {"fwrite", Remedy::WriteFile},
    {"fputs", Remedy::WriteFile},
    {"fputc", Remedy::WriteFile},
    {"putc", Remedy::WriteFile},
    {"fprintf", Remedy::WriteFile},
    // File streams opened after construction.
    {"std::basic_ifstream::open", Remedy::ReadFile},
    {"std::basic_ofstream::open", Remedy::WriteFile},
    {"std::basic_fstream::open", Remedy::FileIO},
    // I/O through an open file stream, named by the stream's own class: the
    // same calls on std::cout or a std::stringstream do not block. The
    // operators and std::getline are named by the stream they take first.
    {"std::basic_ifstream::read", Remedy::ReadFile},
    {"std::basic_ifstream::get", Remedy::ReadFile},
    {"std::basic_ifstream::getline", Remedy::ReadFile},
    {"std::basic_ifstream::ignore", Remedy::ReadFile},
    {"std::basic_ifstream::operator>>", Remedy::ReadFile},
    {"std::basic_ifstream::seekg", Remedy::ReadFile},
    {"std::basic_ifstream::close", Remedy::ReadFile},
    {"std::basic_ofstream::write", Remedy::WriteFile},
    {"std::basic_ofstream::put", Remedy::WriteFile},
    {"std::basic_ofstream::operator<<", Remedy::WriteFile},
    {"std::basic_ofstream::flush", Remedy::WriteFile},
    {"std::basic_ofstream::seekp", Remedy::WriteFile},
    {"std::basic_ofstream::close", Remedy::WriteFile},
    {"std::basic_fstream::read", Remedy::FileIO},
    {"std::basic_fstream::get", Remedy::FileIO},
    {"std::basic_fstream::getline", Remedy::FileIO},
    {"std::basic_fstream::ignore", Remedy::FileIO},
    {"std::basic_fstream::operator>>", Remedy::FileIO},
    {"std::basic_fstream::seekg", Remedy::FileIO},
    {"std::basic_fstream::write", Remedy::FileIO},
    {"std::basic_fstream::put", Remedy::FileIO},
    {"std::basic_fstream::operator<<", Remedy::FileIO},
    {"std::basic_fstream::flush", Remedy::FileIO},
    {"std::basic_fstream::seekp", Remedy::FileIO},
    {"std::basic_fstream::close", Remedy::FileIO},
    // std::filesystem operations that touch the disk.
    {"std::filesystem::exists", Remedy::FileSystem},
    {"std::filesystem::status", Remedy::FileSystem},
    {"std::filesystem::symlink_status", Remedy::FileSystem},
    {"std::filesystem::is_regular_file", Remedy::FileSystem},
    {"std::filesystem::is_directory", Remedy::FileSystem},
    {"std::filesystem::is_symlink", Remedy::FileSystem},
    {"std::filesystem::is_empty", Remedy::FileSystem},
    {"std::filesystem::file_size", Remedy::FileSystem},
    {"std::filesystem::last_write_time", Remedy::FileSystem},
    {"std::filesystem::create_directory", Remedy::FileSystem},
    {"std::filesystem::create_directories", Remedy::FileSystem},
    {"std::filesystem::create_symlink", Remedy::FileSystem},
    {"std::filesystem::create_hard_link", Remedy::FileSystem},
    {"std::filesystem::copy", Remedy::FileSystem},
    {"std::filesystem::copy_file", Remedy::FileSystem},
    {"std::filesystem::remove", Remedy::FileSystem},
    {"std::filesystem::remove_all", Remedy::FileSystem},
    {"std::filesystem::rename", Remedy::FileSystem},
    {"std::filesystem::resize_file", Remedy::FileSystem},
    {"std::filesystem::permissions", Remedy::FileSystem},
    {"std::filesystem::canonical", Remedy::FileSystem},
    {"std::filesystem::weakly_canonical", Remedy::FileSystem},
    {"std::filesystem::read_symlink", Remedy::FileSystem},
    {"std::filesystem::equivalent", Remedy::FileSystem},
    {"std::filesystem::space", Remedy::FileSystem},
    // POSIX I/O on descriptors, sockets and names.
    {"read", Remedy::SpawnBlocking},
    {"write", Remedy::SpawnBlocking},
    {"pread", Remedy::SpawnBlocking},
    {"pwrite", Remedy::SpawnBlocking},
    {"readv", Remedy::SpawnBlocking},
    {"writev", Remedy::SpawnBlocking},
    {"fsync", Remedy::SpawnBlocking},
    {"recv", Remedy::SpawnBlocking},
    {"recvfrom", Remedy::SpawnBlocking},
    {"recvmsg", Remedy::SpawnBlocking},
    {"send", Remedy::SpawnBlocking},
    {"sendto", Remedy::SpawnBlocking},
    {"sendmsg", Remedy::SpawnBlocking},
    {"accept", Remedy::SpawnBlocking},
    {"accept4", Remedy::SpawnBlocking},
    {"connect", Remedy::SpawnBlocking},
    {"getaddrinfo", Remedy::SpawnBlocking},
    {"gethostbyname", Remedy::SpawnBlocking},
    {"system", Remedy::SpawnBlocking},
    // Sleeps.
    {"std::this_thread::sleep_for", Remedy::Sleep},
    {"std::this_thread::sleep_until", Remedy::Sleep},
    {"sleep", Remedy::Sleep},
    {"usleep", Remedy::Sleep},
    {"nanosleep", Remedy::Sleep},
    {"clock_nanosleep", Remedy::Sleep},
    // Waiting for another thread's result.
    {"std::future::get", Remedy::Join},
    {"std::future::wait", Remedy::Join},
    {"std::shared_future::get", Remedy::Join},
    {"std::shared_future::wait", Remedy::Join},
    {"std::thread::join", Remedy::Join},
    {"std::jthread::join", Remedy::Join},
    // Waiting for another thread's signal.
    {"std::condition_variable::wait", Remedy::SpawnBlocking},
    {"std::condition_variable::wait_for", Remedy::SpawnBlocking},
    {"std::condition_variable::wait_until", Remedy::SpawnBlocking},
    {"std::condition_variable_any::wait", Remedy::SpawnBlocking},
    {"std::condition_variable_any::wait_for", Remedy::SpawnBlocking},
    {"std::condition_variable_any::wait_until", Remedy::SpawnBlocking},
    {"std::latch::wait", Remedy::SpawnBlocking},
    {"std::latch::arrive_and_wait", Remedy::SpawnBlocking},
    {"std::barrier::arrive_and_wait", Remedy::SpawnBlocking},
    {"std::counting_semaphore::acquire", Remedy::SpawnBlocking},
};

// Types whose construction with arguments opens a file or a directory.
constexpr BuiltinName BuiltinTypes[] = {
    {"std::basic_ifstream", Remedy::ReadFile},
    {"std::basic_ofstream", Remedy::WriteFile},
    {"std::basic_fstream", Remedy::FileIO},
    {"std::filesystem::directory_iterator", Remedy::FileSystem},
    {"std::filesystem::recursive_directory_iterator", Remedy::FileSystem},
};

/// The namespace-scope function object \p Call is made through
/// (`stdexec::sync_wait(s)`, `folly::coro::blockingWait(t)`): libraries that
/// define their algorithms as customisation point objects are listed, and
/// named in messages, by the object, not by its type's operator().
const VarDecl *functionObject(const CallExpr &Call) {
  const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call);
  if (!Operator || Operator->getOperator() != OO_Call)
    return nullptr;
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Operator->getArg(0)->IgnoreParenImpCasts());
  const auto *Object = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Object && Object->hasGlobalStorage() ? Object : nullptr;
}

/// How a message names the blocking wait \p Call runs: `block_on`, or
/// `io_context::run` for a member.
std::string waitName(const Stmt &At) {
  const auto *Call = dyn_cast<CallExpr>(&At);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return "it";
  if (const VarDecl *Object = functionObject(*Call))
    return Object->getNameAsString();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee))
    return Method->getParent()->getNameAsString() + "::" +
           Method->getNameAsString();
  return Callee->getNameAsString();
}

/// The fix of \p Op in the words of \p Runtime.
std::string remedyText(const BlockingOp &Op, const RuntimeProfile &Runtime) {
  const std::string &Offload = Runtime.OffloadAdvice;
  auto UseOrOffload = [&](const std::string &Advice) {
    return Advice.empty() ? "move it to " + Offload
                          : "use " + Advice + " or " + Offload;
  };
  switch (Op.Fix) {
  case Remedy::ReadFile:
    return UseOrOffload(Runtime.ReadFileAdvice);
  case Remedy::WriteFile:
    return UseOrOffload(Runtime.WriteFileAdvice);
  case Remedy::FileIO:
    if (Runtime.ReadFileAdvice.empty() || Runtime.WriteFileAdvice.empty())
      return UseOrOffload(Runtime.ReadFileAdvice + Runtime.WriteFileAdvice);
    return "use " + Runtime.ReadFileAdvice + ", " + Runtime.WriteFileAdvice +
           " or " + Offload;
  case Remedy::FileSystem:
    return UseOrOffload(Runtime.FileSystemAdvice);
  case Remedy::SpawnBlocking:
    return "move it to " + Offload;
  case Remedy::AsyncIO:
    return UseOrOffload(Runtime.AsyncIOAdvice);
  case Remedy::Sleep:
    return "use " + Runtime.SleepAdvice;
  case Remedy::Join:
    return "co_await " + Runtime.JoinAdvice + " instead";
  case Remedy::BlockOn:
    return "co_await the task instead; " + waitName(*Op.At) +
           " inside the runtime can deadlock it";
  }
  llvm_unreachable("unknown remedy");
}

template <class Map> void addBuiltins(Map &Names, llvm::ArrayRef<BuiltinName> Builtins) {
  for (const BuiltinName &Builtin : Builtins)
    Names[Builtin.Name] = {Builtin.Fix, !Builtin.Name.contains(':')};
}

template <class Map>
void addProfileNames(Map &Names, llvm::ArrayRef<std::string> List, Remedy Fix) {
  for (const std::string &Name : List)
    Names[Name] = {Fix, false};
}

template <class Map> void addUserNames(Map &Names, llvm::StringRef List) {
  for (const std::string &Name : parseNameList(List))
    Names[llvm::StringRef(Name).ltrim(':')] = {Remedy::SpawnBlocking, false};
}

bool isCLibraryFunction(const FunctionDecl &Function) {
  return Function.isExternC() ||
         Function.getASTContext().getSourceManager().isInSystemHeader(
             Function.getLocation());
}

/// The class of the object a member is called on, as the caller names it
/// (`std::future` for `f.wait()`, a member `std::future` inherits).
const CXXRecordDecl *objectClass(const CallExpr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member)
    return nullptr;
  QualType Object =
      Member->getImplicitObjectArgument()->IgnoreParenImpCasts()->getType();
  if (Object->isPointerType())
    Object = Object->getPointeeType();
  return Object->getAsCXXRecordDecl();
}

/// The class of the stream a stream operator or `std::getline` works on, as
/// the caller names it: `std::basic_ofstream` for `out << x` on a
/// `std::ofstream &out`, whether the operator is a member or not.
const CXXRecordDecl *streamArgumentClass(const CallExpr &Call,
                                         const FunctionDecl &Callee) {
  bool IsStreamOperator = Callee.getOverloadedOperator() == OO_LessLess ||
                          Callee.getOverloadedOperator() == OO_GreaterGreater;
  bool IsGetline = Callee.getIdentifier() && Callee.getName() == "getline" &&
                   Callee.isInStdNamespace();
  if ((!IsStreamOperator && !IsGetline) || Call.getNumArgs() == 0 ||
      isa<CXXMemberCallExpr>(Call))
    return nullptr;
  const Expr *Stream = Call.getArg(0)->IgnoreParenImpCasts();
  // `out << a << b` is one finding, at the innermost call, which names `out`.
  if (const auto *Inner = dyn_cast<CXXOperatorCallExpr>(Stream);
      Inner && (Inner->getOperator() == OO_LessLess ||
                Inner->getOperator() == OO_GreaterGreater))
    return nullptr;
  return Stream->getType()->getAsCXXRecordDecl();
}

/// The calls an awaitable or a promise answers for the coroutine machinery:
/// their blocking is the awaitable's business, not the coroutine's.
bool isCoroutineProtocolCall(const FunctionDecl &Callee) {
  if (Callee.getOverloadedOperator() == OO_Coawait)
    return true;
  if (!Callee.getIdentifier())
    return false;
  return llvm::is_contained(
      {"await_ready", "await_suspend", "await_resume", "yield_value",
       "return_value", "return_void"},
      Callee.getName());
}

bool isStandardOutput(const Expr *Arg) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts());
  if (!Ref)
    return false;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  return Var && Var->hasGlobalStorage() && Var->getIdentifier() &&
         llvm::is_contained({"stdout", "stderr"}, Var->getName());
}

bool isFilesystemPath(QualType T) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && plainQualifiedName(Record) == "std::filesystem::path";
}

/// True if \p Name is I/O through an open file stream (a table entry of a
/// file stream's class other than its open()).
bool isFileStreamIO(llvm::StringRef Name) {
  return (Name.starts_with("std::basic_ifstream::") ||
          Name.starts_with("std::basic_ofstream::") ||
          Name.starts_with("std::basic_fstream::")) &&
         !Name.ends_with("::open");
}

/// True if the stream a call works on was made by the calling function: a
/// temporary or a local stream variable (not a reference or a parameter).
/// Its opening there is the finding; its reads and writes add nothing.
bool isOwnStream(const CallExpr &Call) {
  const Expr *Stream = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Stream = Member->getImplicitObjectArgument();
  else if (Call.getNumArgs() > 0)
    Stream = Call.getArg(0);
  if (!Stream)
    return false;
  Stream = Stream->IgnoreParenImpCasts()->IgnoreImplicit();
  if (isa<CXXConstructExpr, CXXFunctionalCastExpr>(Stream))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Stream);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         !Var->getType()->isReferenceType();
}

/// False for the calls of a blocking function's family that do not block:
/// stdio writes to stdout and stderr (console output, like printf), and the
/// std::filesystem overloads that only inspect a file_status; and not
/// reported again: I/O on a file stream the function opened itself.
bool blocksForTheseArguments(llvm::StringRef Name, Remedy Fix,
                             const CallExpr &Call) {
  if (isFileStreamIO(Name))
    return !isOwnStream(Call);
  if (Name.starts_with("std::filesystem::")) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    return llvm::any_of(Callee->parameters(), [](const ParmVarDecl *Param) {
      return isFilesystemPath(Param->getType());
    });
  }
  if (!Name.contains(':') && (Fix == Remedy::WriteFile || Fix == Remedy::FileIO))
    return llvm::none_of(Call.arguments(), isStandardOutput);
  return true;
}

bool isInTemplateInstantiation(const FunctionDecl &Function) {
  for (const DeclContext *Context = &Function; Context;
       Context = Context->getParent()) {
    if (const auto *F = dyn_cast<FunctionDecl>(Context);
        F && F->isTemplateInstantiation())
      return true;
    if (isa<ClassTemplateSpecializationDecl>(Context))
      return true;
  }
  return false;
}

/// True if the translation unit declares the function \p Qualified
/// (`asyncrt::sleep_for`), so that a fix-it may call it.
bool declaresFunction(ASTContext &Ctx, llvm::StringRef Qualified) {
  if (Qualified.empty())
    return false;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Qualified.split(Parts, "::");
  const DeclContext *Scope = Ctx.getTranslationUnitDecl();
  for (llvm::StringRef Namespace : llvm::ArrayRef(Parts).drop_back()) {
    const DeclContext *Inner = nullptr;
    for (const NamedDecl *Found : Scope->lookup(&Ctx.Idents.get(Namespace)))
      if (const auto *Decl = dyn_cast<NamespaceDecl>(Found))
        Inner = Decl;
    if (!Inner)
      return false;
    Scope = Inner;
  }
  return !Scope->lookup(&Ctx.Idents.get(Parts.back())).empty();
}

/// A template argument of \p Specialization that is an integer.
std::optional<llvm::APSInt> integerArgument(const TemplateArgumentList &Args,
                                            unsigned I) {
  if (I >= Args.size() || Args[I].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return Args[I].getAsIntegral();
}

/// Does \p Arg, a std::chrono::duration, convert implicitly to
/// std::chrono::nanoseconds, the parameter of asyncrt::sleep_for (and of
/// the other runtimes' sleeps, or a duration at least as fine)? Only an
/// integral count of a period that is a whole number of nanoseconds does:
/// `duration<double>(s)`, `0.5s` or thirds of a second need a
/// duration_cast. The period is a std::ratio, or two integers.
bool convertsToNanoseconds(const Expr &Arg) {
  const auto *Duration = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Arg.getType()->getAsCXXRecordDecl());
  if (!Duration || Duration->getName() != "duration")
    return false;
  const TemplateArgumentList &Args = Duration->getTemplateArgs();
  if (Args.size() < 2 || Args[0].getKind() != TemplateArgument::Type ||
      !Args[0].getAsType()->isIntegerType())
    return false;
  std::optional<llvm::APSInt> Num = integerArgument(Args, 1);
  std::optional<llvm::APSInt> Den = integerArgument(Args, 2);
  if (Args[1].getKind() == TemplateArgument::Type)
    if (const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
            Args[1].getAsType()->getAsCXXRecordDecl())) {
      Num = integerArgument(Ratio->getTemplateArgs(), 0);
      Den = integerArgument(Ratio->getTemplateArgs(), 1);
    }
  if (!Num || !Den || Den->isZero())
    return false;
  // Num/Den seconds is whole nanoseconds when Num * 10^9 divides by Den.
  llvm::APInt Nanos = Num->sext(128) * llvm::APInt(128, 1000000000);
  return Nanos.srem(Den->sext(128)).isZero();
}

/// How the fix spells \p Qualified (`asyncrt::sleep_for`) inside
/// \p Function: with a leading `::` when a namespace or class around
/// \p Function declares a name like its first one (an `asyncrt` of its own),
/// which the plain spelling would name instead of the runtime's.
std::string unshadowedSpelling(llvm::StringRef Qualified,
                               const FunctionDecl &Function, ASTContext &Ctx) {
  IdentifierInfo &Name = Ctx.Idents.get(Qualified.split("::").first);
  for (const DeclContext *Context = Function.getDeclContext();
       Context && !Context->isTranslationUnit();
       Context = Context->getParent())
    if ((Context->isNamespace() || Context->isRecord()) &&
        !Context->lookup(&Name).empty())
      return ("::" + Qualified).str();
  return Qualified.str();
}

/// What a blocking wait waits for, when `co_await` can take its place: the
/// only argument of `block_on(t)`, `rt.block_on(t)` or a function object's
/// `stdexec::sync_wait(s)`, if \p Coroutine can await that (`r.wait_for(10ms)`
/// waits for a result, not for its argument).
const Expr *awaitedArgument(const CallExpr &Call, const CoroutineInfo &Coroutine,
                            CoroutineModel &Model) {
  unsigned First = functionObject(Call) ? 1 : 0;
  if (Call.getNumArgs() != First + 1)
    return nullptr;
  const Expr *Arg = Call.getArg(First);
  return Model.isAwaitableIn(Arg->getType(), &Coroutine) ? Arg : nullptr;
}

/// True if the blocking wait \p Wait returns what `co_await` of \p Task
/// gives: the task's first template argument (`block_on(task<int>)` is an
/// int; `stdexec::sync_wait(s)` wraps the value in an optional), so that
/// the fix keeps the type of the value it initialises or returns.
bool givesTheTasksValue(const CallExpr &Wait, const Expr &Task, ASTContext &Ctx) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Task.getType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  return Ctx.hasSameUnqualifiedType(Spec->getTemplateArgs()[0].getAsType(),
                                    Wait.getType());
}

/// The replacement of a blocking call by its awaitable twin, where that is
/// one token swap that keeps the code valid: `std::this_thread::sleep_for(d);`
/// becomes `co_await asyncrt::sleep_for(d);` (the profile's SleepFunction)
/// and `asyncrt::block_on(t)` becomes `co_await t`, outside catch handlers (no co_await there) and
/// template instantiations (one fix per line of source).
std::vector<FixItHint> awaitableFix(const BlockingOp &Op,
                                    const CoroutineInfo &Coroutine,
                                    CoroutineModel &Model, ASTContext &Ctx) {
  const RuntimeProfile &Runtime = Model.profile(Coroutine).Text;
  const auto *Call = dyn_cast<CallExpr>(Op.At);
  if (!Call || Op.Helper || Call->getBeginLoc().isMacroID() ||
      Call->getEndLoc().isMacroID() ||
      isInTemplateInstantiation(Coroutine.function()) ||
      Coroutine.isInCatchHandler(*Call))
    return {};
  bool IsStatement = Coroutine.isStatement(*Call);
  if (Op.Fix == Remedy::Sleep && Op.Name == "std::this_thread::sleep_for" &&
      IsStatement && declaresFunction(Ctx, Runtime.SleepFunction) &&
      Call->getNumArgs() == 1 && convertsToNanoseconds(*Call->getArg(0)))
    return {FixItHint::CreateReplacement(
        Call->getCallee()->getSourceRange(),
        "co_await " + unshadowedSpelling(Runtime.SleepFunction,
                                         Coroutine.function(), Ctx))};
  const Expr *Task =
      Op.Fix == Remedy::BlockOn ? awaitedArgument(*Call, Coroutine, Model) : nullptr;
  bool IsValue = IsStatement || (Coroutine.isInitializerOrReturnValue(*Call) &&
                                 Task && givesTheTasksValue(*Call, *Task, Ctx));
  if (Task && IsValue) {
    // Asked through Stmt: a function object's call (`stdexec::sync_wait(s)`)
    // begins at the object, not at the `(` of its operator().
    SourceLocation Begin = Call->getSourceRange().getBegin();
    return {FixItHint::CreateReplacement(
                CharSourceRange::getCharRange(Begin, Task->getBeginLoc()),
                "co_await "),
            FixItHint::CreateRemoval(CharSourceRange::getTokenRange(
                Lexer::getLocForEndOfToken(Task->getEndLoc(), 0,
                                           Ctx.getSourceManager(),
                                           Ctx.getLangOpts()),
                Call->getRParenLoc()))};
  }
  return {};
}

} // namespace

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     ClangTidyContext *Context,
                                     std::shared_ptr<CoroutineModel> Model)
    : CoroutineCheck(Name, Context, std::move(Model)),
      BlockingFunctions(Options.get(BlockingFunctionsOption, "")),
      BlockingTypes(Options.get(BlockingTypesOption, "")),
      AllowedFunctions(Options.get(AllowedFunctionsOption, "")) {
  addBuiltins(Functions, BuiltinFunctions);
  addBuiltins(Types, BuiltinTypes);
  for (const Profile *Runtime : model().profiles().all()) {
    addProfileNames(Functions, Runtime->BlockingWaits, Remedy::BlockOn);
    addProfileNames(Functions, Runtime->BlockingSleeps, Remedy::Sleep);
    addProfileNames(Functions, Runtime->BlockingIO, Remedy::AsyncIO);
  }
  addUserNames(Functions, BlockingFunctions);
  addUserNames(Types, BlockingTypes);
  for (const std::string &Name : parseNameList(AllowedFunctions))
    Allowed[llvm::StringRef(Name).ltrim(':')] = true;
}

void BlockingCallCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, BlockingFunctionsOption, BlockingFunctions);
  Options.store(Opts, BlockingTypesOption, BlockingTypes);
  Options.store(Opts, AllowedFunctionsOption, AllowedFunctions);
}

void BlockingCallCheck::onStartOfTranslationUnit() {
  CoroutineCheck::onStartOfTranslationUnit();
  Summaries.clear();
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(coroutineBodyStmt().bind("coroutine"), this);
}

std::optional<BlockingOp> BlockingCallCheck::blockingOp(const Stmt *S,
                                                        unsigned Depth) {
  if (const auto *Call = dyn_cast<CallExpr>(S))
    return blockingCall(Call, Depth);
  return blockingConstruction(cast<CXXConstructExpr>(S), Depth);
}

std::optional<BlockingOp> BlockingCallCheck::blockingCall(const CallExpr *Call,
                                                          unsigned Depth) {
  const FunctionDecl *Callee = certainCallee(*Call);
  if (!Callee || isCoroutineProtocolCall(*Callee))
    return std::nullopt;
  llvm::SmallVector<std::string, 3> Names;
  if (const VarDecl *Object = functionObject(*Call))
    Names.push_back(Object->getQualifiedNameAsString());
  Names.push_back(plainQualifiedName(Callee));
  if (const CXXRecordDecl *Object = objectClass(*Call))
    Names.push_back(plainQualifiedName(Object) + "::" + Callee->getNameAsString());
  if (const CXXRecordDecl *Stream = streamArgumentClass(*Call, *Callee))
    Names.push_back(plainQualifiedName(Stream) + "::" + Callee->getNameAsString());
  for (const std::string &Name : Names)
    if (Allowed.contains(Name))
      return std::nullopt;
  for (const std::string &Name : Names) {
    auto It = Functions.find(Name);
    if (It == Functions.end() ||
        (It->second.CLibrary && !isCLibraryFunction(*Callee)))
      continue;
    if (!blocksForTheseArguments(Name, It->second.Fix, *Call))
      return std::nullopt;
    return BlockingOp{Call, Name, It->second.Fix, nullptr};
  }
  return blockingHelperCall(Call, Callee, Depth);
}

std::optional<BlockingOp>
BlockingCallCheck::blockingConstruction(const CXXConstructExpr *Construct,
                                        unsigned Depth) {
  const CXXConstructorDecl *Constructor = Construct->getConstructor();
  if (Constructor->isCopyOrMoveConstructor())
    return std::nullopt;
  auto It = Types.find(plainQualifiedName(Constructor->getParent()));
  if (It == Types.end())
    return blockingHelperCall(Construct, Constructor, Depth);
  // A default-constructed stream or iterator has opened nothing yet.
  if (Construct->getNumArgs() == 0 || isa<CXXDefaultArgExpr>(Construct->getArg(0)))
    return std::nullopt;
  PrintingPolicy Policy(Constructor->getASTContext().getLangOpts());
  Policy.SuppressScope = false;
  Policy.FullyQualifiedName = false;
  std::string Type = Construct->getType().getUnqualifiedType().getAsString(Policy);
  return BlockingOp{Construct, Type, It->second.Fix, nullptr};
}

std::optional<BlockingOp>
BlockingCallCheck::blockingHelperCall(const Stmt *At, const FunctionDecl *Callee,
                                      unsigned Depth) {
  const FunctionDecl *Helper = followableHelper(Callee, model().profiles());
  if (!Helper || Allowed.contains(plainQualifiedName(Helper)))
    return std::nullopt;
  if (!helperSummary(Helper, Depth))
    return std::nullopt;
  return BlockingOp{At, helperName(*At, *Helper), Remedy::SpawnBlocking, Helper};
}

std::optional<BlockingOp> BlockingCallCheck::helperSummary(const FunctionDecl *Helper,
                                                           unsigned Depth) {
  return Summaries.get(
      Helper, Depth,
      [this](const FunctionDecl &Code, unsigned Deeper) -> std::optional<BlockingOp> {
        for (const Stmt *S : helperCode(Code))
          if (std::optional<BlockingOp> Found = blockingOp(S, Deeper))
            return Found;
        return std::nullopt;
      });
}

bool BlockingCallCheck::isNonBlockingIO(const BlockingOp &Op,
                                        const CoroutineInfo &Info) {
  // The call that blocks, at the end of the helper chain, and the functions
  // on the way to it.
  llvm::SmallVector<const FunctionDecl *, 4> Around{&Info.function()};
  const Stmt *Blocking = Op.At;
  for (const FunctionDecl *Helper = Op.Helper; Helper;) {
    Around.push_back(Helper);
    std::optional<BlockingOp> Inner = helperSummary(Helper, 0);
    Blocking = Inner->At;
    Helper = Inner->Helper;
  }
  const auto *Call = dyn_cast<CallExpr>(Blocking);
  return Call && runsNonBlocking(*Call, Around, Info,
                                 model().profiles().allNonBlockingTypes());
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Body = Result.Nodes.getNodeAs<CoroutineBodyStmt>("coroutine");
  const CoroutineInfo &Info = model().info(*Body);
  // A template's own body is checked in its instantiations, where calls are
  // resolved and discarded `if constexpr` branches are gone.
  if (Info.function().isDependentContext())
    return;
  std::vector<BlockingOp> Found;
  for (const CallExpr *Call : Info.calls())
    if (std::optional<BlockingOp> Op = blockingOp(Call, 0);
        Op && !(Op->Helper && callsHandedCallable(*Call, Info, model().profiles())))
      Found.push_back(std::move(*Op));
  for (const CXXConstructExpr *Construct : Info.constructions())
    if (std::optional<BlockingOp> Op = blockingOp(Construct, 0))
      Found.push_back(std::move(*Op));
  // Where the coroutine runs is only asked about when something blocks.
  ProfileSet &Profiles = model().profiles();
  if (Found.empty() || Profiles.runsWhereItMayBlock(Info, *Result.Context))
    return;
  const RuntimeProfile &Runtime = model().profile(Info).Text;

  for (const BlockingOp &Op : Found) {
    if (Profiles.isAfterOffloadAwait(Info, *Op.At) || isNonBlockingIO(Op, Info))
      continue;
    if (!Op.Helper) {
      diag(Op.At->getBeginLoc(),
           "'%0' blocks the worker thread inside a coroutine; %1")
          << Op.Name << remedyText(Op, Runtime)
          << awaitableFix(Op, Info, model(), *Result.Context);
      continue;
    }
    diag(Op.At->getBeginLoc(),
         "'%0' blocks the worker thread inside a coroutine; call it through %1")
        << Op.Name << Runtime.OffloadAdvice;
    // Follow the chain down to what blocks; every link is memoised.
    for (const FunctionDecl *Helper = Op.Helper; Helper;) {
      std::optional<BlockingOp> Inner = helperSummary(Helper, 0);
      diag(Inner->At->getBeginLoc(), "'%0' blocks here", DiagnosticIDs::Note)
          << Inner->Name;
      Helper = Inner->Helper;
    }
  }
}

} // namespace clang::tidy::async
