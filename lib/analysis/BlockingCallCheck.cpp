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

// Functions that block the calling thread, by the asyncrt way to avoid them.
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
    // Running the runtime from inside itself.
    {"asyncrt::block_on", Remedy::BlockOn},
};

// Types whose construction with arguments opens a file or a directory.
constexpr BuiltinName BuiltinTypes[] = {
    {"std::basic_ifstream", Remedy::ReadFile},
    {"std::basic_ofstream", Remedy::WriteFile},
    {"std::basic_fstream", Remedy::FileIO},
    {"std::filesystem::directory_iterator", Remedy::FileSystem},
    {"std::filesystem::recursive_directory_iterator", Remedy::FileSystem},
};

llvm::StringRef remedyText(Remedy Fix) {
  switch (Fix) {
  case Remedy::ReadFile:
    return "use asyncrt::fs::read_to_string or asyncrt::spawn_blocking";
  case Remedy::WriteFile:
    return "use asyncrt::fs::write or asyncrt::spawn_blocking";
  case Remedy::FileIO:
    return "use asyncrt::fs::read_to_string, asyncrt::fs::write or "
           "asyncrt::spawn_blocking";
  case Remedy::FileSystem:
    return "use its asyncrt::fs counterpart or asyncrt::spawn_blocking";
  case Remedy::SpawnBlocking:
    return "move it to asyncrt::spawn_blocking";
  case Remedy::Sleep:
    return "use co_await asyncrt::sleep_for";
  case Remedy::Join:
    return "co_await an asyncrt::join_handle from asyncrt::spawn or "
           "asyncrt::spawn_blocking instead";
  case Remedy::BlockOn:
    return "co_await the task instead; block_on inside the runtime can "
           "deadlock it";
  }
  llvm_unreachable("unknown remedy");
}

template <class Map> void addBuiltins(Map &Names, llvm::ArrayRef<BuiltinName> Builtins) {
  for (const BuiltinName &Builtin : Builtins)
    Names[Builtin.Name] = {Builtin.Fix, !Builtin.Name.contains(':')};
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

/// The qualified name of \p Decl with template arguments left out:
/// `std::future::get` for `std::future<int>::get`.
std::string plainQualifiedName(const NamedDecl *Decl) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Decl))
    return plainQualifiedName(Spec->getSpecializedTemplate());
  if (const auto *Parent = dyn_cast<CXXRecordDecl>(Decl->getDeclContext()))
    return plainQualifiedName(Parent) + "::" + Decl->getNameAsString();
  return Decl->getQualifiedNameAsString();
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

bool declaresAsyncrtSleepFor(ASTContext &Ctx) {
  for (const NamedDecl *Found :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("asyncrt")))
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Found))
      if (!Namespace->lookup(&Ctx.Idents.get("sleep_for")).empty())
        return true;
  return false;
}

/// The replacement of a blocking call by its awaitable twin, where that is
/// one token swap that keeps the code valid: `std::this_thread::sleep_for(d);`
/// becomes `co_await asyncrt::sleep_for(d);` and `asyncrt::block_on(t)`
/// becomes `co_await t`, outside catch handlers (no co_await there) and
/// template instantiations (one fix per line of source).
std::vector<FixItHint> awaitableFix(const BlockingOp &Op,
                                    const CoroutineInfo &Coroutine,
                                    ASTContext &Ctx) {
  const auto *Call = dyn_cast<CallExpr>(Op.At);
  if (!Call || Op.Helper || Call->getBeginLoc().isMacroID() ||
      Call->getEndLoc().isMacroID() ||
      isInTemplateInstantiation(Coroutine.function()) ||
      Coroutine.isInCatchHandler(*Call))
    return {};
  bool IsStatement = Coroutine.isStatement(*Call);
  if (Op.Fix == Remedy::Sleep && Op.Name == "std::this_thread::sleep_for" &&
      IsStatement && declaresAsyncrtSleepFor(Ctx))
    return {FixItHint::CreateReplacement(Call->getCallee()->getSourceRange(),
                                         "co_await asyncrt::sleep_for")};
  bool IsValue = IsStatement || Coroutine.isInitializerOrReturnValue(*Call);
  if (Op.Fix == Remedy::BlockOn && IsValue && Call->getNumArgs() == 1) {
    const Expr *Task = Call->getArg(0);
    return {FixItHint::CreateReplacement(
                CharSourceRange::getCharRange(Call->getBeginLoc(),
                                              Task->getBeginLoc()),
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
  llvm::SmallVector<std::string, 2> Names{plainQualifiedName(Callee)};
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
  const FunctionDecl *Helper = followableHelper(Callee);
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
  return Call && runsNonBlocking(*Call, Around, Info);
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
    if (std::optional<BlockingOp> Op = blockingOp(Call, 0))
      Found.push_back(std::move(*Op));
  for (const CXXConstructExpr *Construct : Info.constructions())
    if (std::optional<BlockingOp> Op = blockingOp(Construct, 0))
      Found.push_back(std::move(*Op));

  for (const BlockingOp &Op : Found) {
    if (isNonBlockingIO(Op, Info))
      continue;
    if (!Op.Helper) {
      diag(Op.At->getBeginLoc(),
           "'%0' blocks the worker thread inside a coroutine; %1")
          << Op.Name << remedyText(Op.Fix)
          << awaitableFix(Op, Info, *Result.Context);
      continue;
    }
    diag(Op.At->getBeginLoc(),
         "'%0' blocks the worker thread inside a coroutine; call it through "
         "asyncrt::spawn_blocking")
        << Op.Name;
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
