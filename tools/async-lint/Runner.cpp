//===--- Runner.cpp - Runs the checks over translation units --------------===//
//
// clang-tidy's runClangTidy() with what a multi-threaded driver needs: each
// translation unit gets its own context, checks and file system, a crash of
// the compiler is survived, and ClangTool prints nothing on its own.
//
//===----------------------------------------------------------------------===//

#include "Runner.h"
#include "CheckConsumer.h"
#include "Paths.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/PrecompiledPreamble.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Threading.h"
#include <atomic>
#include <csignal>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <tuple>

using namespace clang;
using namespace clang::tidy;

namespace async_lint {
namespace {

/// One command of a translation unit, as the database ClangTool reads: a
/// tool per command, for ClangTool prints "[1/2] Processing file" for a
/// file with several.
class OneCommand : public tooling::CompilationDatabase {
public:
  explicit OneCommand(const tooling::CompileCommand &Command)
      : Command(Command) {}
  std::vector<tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Command};
  }

private:
  const tooling::CompileCommand &Command;
};

/// The error clang is given for a file that is not a regular file, which it
/// words as "cannot open file 'fifo.h': not a regular file".
class NotRegularFileCategory : public std::error_category {
public:
  const char *name() const noexcept override { return "async-lint"; }
  std::string message(int) const override { return "not a regular file"; }
};

/// A unit's file system, which opens nothing but regular files (and
/// directories): the main file is checked before the run, but clang opens
/// `#include`d files (and -include's) on its own, and a FIFO among them
/// would have it wait for a writer forever, a device (/dev/zero) read
/// forever. The refusal is a compile error clang reports at the #include.
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  explicit RegularFilesOnly(
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files)
      : ProxyFileSystem(std::move(Files)) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Status = status(Path);
    if (Status && Status->isOther()) {
      llvm::ErrorOr<std::string> Directory = getCurrentWorkingDirectory();
      Refused.push_back(absolutePath(Path.str(), Directory ? *Directory : ""));
      static const NotRegularFileCategory Category;
      return std::error_code(1, Category);
    }
    return ProxyFileSystem::openFileForRead(Path);
  }

  /// The files refused, by absolute path, in the order clang asked for them.
  std::vector<std::string> Refused;
};

/// True if a glob of \p Checks may enable one of clang's own warnings
/// (`*`, `clang-*`, `clang-diagnostic-extra-semi`, ...).
bool mayEnableCompilerWarnings(llvm::StringRef Checks) {
  constexpr llvm::StringLiteral Prefix = "clang-diagnostic-";
  llvm::SmallVector<llvm::StringRef, 8> Globs;
  llvm::SplitString(Checks, Globs, ",\n");
  return llvm::any_of(Globs, [&](llvm::StringRef Glob) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-"))
      return false;
    llvm::StringRef Literal = Glob.take_until([](char C) { return C == '*'; });
    if (Literal.size() == Glob.size())
      return Glob.starts_with(Prefix);
    return Prefix.starts_with(Literal) || Literal.starts_with(Prefix);
  });
}

/// The RemovedArgs, ExtraArgsBefore and ExtraArgs of the file's
/// configuration, applied as clang-tidy applies them; and -w unless a
/// clang warning is among the enabled checks: the warnings' own analyses
/// cost about as much as all the checks, for output nobody sees.
tooling::ArgumentsAdjuster configuredArguments(ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
                    llvm::StringRef File) {
    using tooling::ArgumentInsertPosition;
    ClangTidyOptions Options = Context.getOptionsForFile(File);
    tooling::CommandLineArguments Adjusted = Args;
    if (Options.RemovedArgs)
      for (const std::string &Removed : *Options.RemovedArgs)
        llvm::erase(Adjusted, Removed);
    if (Options.ExtraArgsBefore)
      Adjusted = tooling::getInsertArgumentAdjuster(
          *Options.ExtraArgsBefore, ArgumentInsertPosition::BEGIN)(Adjusted,
                                                                   File);
    if (Options.ExtraArgs)
      Adjusted = tooling::getInsertArgumentAdjuster(
          *Options.ExtraArgs, ArgumentInsertPosition::END)(Adjusted, File);
    if (!mayEnableCompilerWarnings(Options.Checks.value_or("")))
      Adjusted = tooling::getInsertArgumentAdjuster(
          "-w", ArgumentInsertPosition::END)(Adjusted, File);
    return Adjusted;
  };
}

/// Moves the errors \p Reported holds to \p Result, with their places in the
/// text \p Sources holds (none for errors reported outside a compilation,
/// which have no place).
void takeErrors(ClangTidyDiagnosticConsumer &Reported,
                const SourceManager *Sources, LintResult &Result) {
  for (ClangTidyError &Error : Reported.take()) {
    if (Sources)
      Result.Places.add(Error, *Sources);
    Result.Errors.push_back(std::move(Error));
  }
}

/// Puts \p Errors, taken from one compilation after another, in the order
/// of their files and offsets, each once (a unit compiled with two commands
/// reports most things twice), and those with no place after those with
/// one: clang's "too many errors emitted, stopping now" follows the errors
/// it cut short, as clang prints it.
void orderErrors(std::vector<ClangTidyError> &Errors) {
  auto Key = [](const ClangTidyError &Error) {
    const tooling::DiagnosticMessage &Message = Error.Message;
    return std::make_tuple(Message.FilePath.empty(),
                           llvm::StringRef(Message.FilePath),
                           Message.FileOffset,
                           llvm::StringRef(Error.DiagnosticName),
                           llvm::StringRef(Message.Message));
  };
  auto Before = [&](const ClangTidyError &A, const ClangTidyError &B) {
    return Key(A) < Key(B);
  };
  auto Same = [&](const ClangTidyError &A, const ClangTidyError &B) {
    return Key(A) == Key(B);
  };
  llvm::stable_sort(Errors, Before);
  Errors.erase(llvm::unique(Errors, Same), Errors.end());
}

} // namespace

/// A preamble built, and what the next one is to be built from.
struct Preamble::State {
  std::optional<PrecompiledPreamble> Built;
  bool LastLintReused = false;
  struct Request {
    std::shared_ptr<CompilerInvocation> Invocation;
    std::unique_ptr<llvm::MemoryBuffer> MainFile;
    PreambleBounds Bounds{0, false};
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files;
    std::shared_ptr<PCHContainerOperations> PCHContainerOps;
  };
  std::optional<Request> Pending;
};

Preamble::Preamble() : Current(std::make_unique<State>()) {}
Preamble::~Preamble() = default;
size_t Preamble::size() const { return Current->Built ? Current->Built->getSize() : 0; }
bool Preamble::lastLintReused() const { return Current->LastLintReused; }

namespace {

/// Keeps every function body: the checks follow calls into helpers and
/// instantiate templates defined in headers (clang's default skips bodies).
class KeepBodies : public PreambleCallbacks {
  bool shouldSkipFunctionBody(Decl *) override { return false; }
};

/// With a preamble, the checks match only the main file's own top-level
/// declarations, as clangd's clang-tidy does: walking the AST from the
/// translation unit would deserialize every declaration of every header.
class MainFileDeclarations : public MultiplexConsumer {
public:
  explicit MainFileDeclarations(std::unique_ptr<ASTConsumer> Checks)
      : MultiplexConsumer(std::move(Checks)) {}

  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    Declarations.insert(Declarations.end(), Group.begin(), Group.end());
    return MultiplexConsumer::HandleTopLevelDecl(Group);
  }
  void HandleTranslationUnit(ASTContext &Context) override {
    Context.setTraversalScope(Declarations);
    MultiplexConsumer::HandleTranslationUnit(Context);
  }

private:
  std::vector<Decl *> Declarations;
};

} // namespace

bool Preamble::buildPending() {
  std::optional<State::Request> Request = std::exchange(Current->Pending, std::nullopt);
  if (!Request)
    return Current->Built.has_value();
  Current->Built.reset();
  IgnoringDiagConsumer Ignore;
  auto Diagnostics = CompilerInstance::createDiagnostics(
      *Request->Files, Request->Invocation->getDiagnosticOpts(), &Ignore,
      /*ShouldOwnClient=*/false);
  KeepBodies Callbacks;
  llvm::ErrorOr<PrecompiledPreamble> Built = PrecompiledPreamble::Build(
      *Request->Invocation, Request->MainFile.get(), Request->Bounds,
      Diagnostics, Request->Files, Request->PCHContainerOps,
      /*StoreInMemory=*/true, /*StoragePath=*/"", Callbacks);
  if (!Built)
    return false;
  Current->Built.emplace(std::move(*Built));
  return true;
}

/// Runs the enabled checks on each AST, like clang-tidy: __clang_analyzer__
/// is defined (code that hides itself from analyzers does so from async-lint
/// too), and the compiler's own "N warnings generated." is not printed.
/// Notes the files each compilation read, for the result cache, and takes
/// what it reported with its places in the text it compiled. With a
/// preamble cache, parses through its preamble when it fits.
class LintActionFactory : public tooling::FrontendActionFactory {
public:
  LintActionFactory(ClangTidyContext &Context,
                    ClangTidyDiagnosticConsumer &Reported, LintResult &Result,
                    Preamble *Cache)
      : Checks(Context), Reported(Reported), Result(Result), Cache(Cache) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Checks, Reported, Result, UsesPreamble);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *Diagnostics) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getDiagnosticOpts().ShowCarets = false;
    if (Cache)
      if (llvm::IntrusiveRefCntPtr<FileManager> WithPreamble =
              usePreamble(*Invocation, *Files, PCHContainerOps))
        return FrontendActionFactory::runInvocation(
            std::move(Invocation), WithPreamble.get(), std::move(PCHContainerOps),
            Diagnostics);
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), Diagnostics);
  }

private:
  /// Points \p Invocation at the cache's preamble when it still fits the
  /// main file's prefix, its flags and its headers, and returns the file
  /// manager that serves it; otherwise asks the cache for a new one.
  llvm::IntrusiveRefCntPtr<FileManager>
  usePreamble(CompilerInvocation &Invocation, FileManager &Files,
              const std::shared_ptr<PCHContainerOperations> &PCHContainerOps) {
    Preamble::State &State = *Cache->Current;
    State.LastLintReused = false;
    if (Invocation.getFrontendOpts().Inputs.size() != 1)
      return nullptr;
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS =
        Files.getVirtualFileSystemPtr();
    auto MainFile = VFS->getBufferForFile(
        Invocation.getFrontendOpts().Inputs.front().getFile());
    if (!MainFile)
      return nullptr;
    PreambleBounds Bounds = ComputePreambleBounds(
        Invocation.getLangOpts(), (*MainFile)->getMemBufferRef(), /*MaxLines=*/0);
    if (!State.Built ||
        !State.Built->CanReuse(Invocation, (*MainFile)->getMemBufferRef(), Bounds,
                               *VFS)) {
      State.Pending = Preamble::State::Request{
          std::make_shared<CompilerInvocation>(Invocation), std::move(*MainFile),
          Bounds, VFS, PCHContainerOps};
      return nullptr;
    }
    // The main file is remapped to this buffer, which the compiler then
    // owns (RetainRemappedFileBuffers is off) and frees.
    State.Built->AddImplicitPreamble(Invocation, VFS, MainFile->release());
    State.LastLintReused = UsesPreamble = true;
    return llvm::makeIntrusiveRefCnt<FileManager>(Files.getFileSystemOpts(), VFS);
  }

  class Action : public ASTFrontendAction {
  public:
    Action(CheckConsumerFactory &Checks, ClangTidyDiagnosticConsumer &Reported,
           LintResult &Result, bool UsesPreamble)
        : Checks(Checks), Reported(Reported), Result(Result),
          UsesPreamble(UsesPreamble) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                   llvm::StringRef File) override {
      std::unique_ptr<ASTConsumer> Consumer = Checks.createASTConsumer(Compiler, File);
      if (UsesPreamble)
        return std::make_unique<MainFileDeclarations>(std::move(Consumer));
      return Consumer;
    }
    /// Takes what the compilation reported while its SourceManager still
    /// holds the text it compiled, in which the reports' places are found.
    void EndSourceFileAction() override {
      const SourceManager &Sources = getCompilerInstance().getSourceManager();
      addInputFiles(Sources, Result.Inputs);
      takeErrors(Reported, &Sources, Result);
    }

  private:
    CheckConsumerFactory &Checks;
    ClangTidyDiagnosticConsumer &Reported;
    LintResult &Result;
    bool UsesPreamble;
  };

  CheckConsumerFactory Checks;
  ClangTidyDiagnosticConsumer &Reported;
  LintResult &Result;
  Preamble *Cache;
  bool UsesPreamble = false;
};

LintResult lintTranslationUnit(const TranslationUnit &Unit,
                               const Configuration &Config,
                               llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files,
                               Preamble *Cache) {
  ClangTidyContext Context(Config.makeProvider(Files));
  ClangTidyDiagnosticConsumer Consumer(Context);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(DiagnosticIDs::create(), *DiagOpts, &Consumer,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  LintResult Result;
  Result.Unit = &Unit;
  LintActionFactory Factory(Context, Consumer, Result,
                            Unit.Commands.size() == 1 ? Cache : nullptr);

  auto RegularFiles = llvm::makeIntrusiveRefCnt<RegularFilesOnly>(Files);
  int Status = 0;
  for (const tooling::CompileCommand &Command : Unit.Commands) {
    OneCommand Commands(Command);
    tooling::ClangTool Tool(Commands, {Unit.File},
                            std::make_shared<PCHContainerOperations>(),
                            RegularFiles);
    Tool.setPrintErrorMessage(false);
    Tool.appendArgumentsAdjuster(configuredArguments(Context));
    Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
    Tool.setDiagnosticConsumer(&Consumer);
    llvm::CrashRecoveryContext Recovery;
    if (!Recovery.RunSafely([&] { Status |= Tool.run(&Factory); })) {
      Result.Crashed = true;
      return Result;
    }
  }
  Result.Compiled = Status == 0;
  if (!Result.Compiled &&
      RegularFiles->status(Unit.File).getError() ==
          std::errc::no_such_file_or_directory) {
    // clang's errors about it ("no such file or directory", "no input
    // files", "expected exactly one compiler job") would only say so worse.
    Result.Missing = true;
    Result.Errors.clear();
    return Result;
  }
  Result.NotRegularFiles = std::move(RegularFiles->Refused);
  takeErrors(Consumer, /*Sources=*/nullptr, Result);
  orderErrors(Result.Errors);
  return Result;
}

namespace {

/// The unit's own view of the disk: ClangTool moves its working directory
/// to the compile command's, which the process-wide one would share with
/// every thread.
LintResult lintTranslationUnit(const TranslationUnit &Unit,
                               const Configuration &Config) {
  return lintTranslationUnit(Unit, Config, llvm::vfs::createPhysicalFileSystem());
}

/// The unit's findings from \p Cache when its entry is still valid, else
/// from linting it (and then kept, when it compiled).
LintResult lintOrRecall(const TranslationUnit &Unit,
                        const Configuration &Config, const ResultCache *Cache) {
  if (!Cache)
    return lintTranslationUnit(Unit, Config);
  std::string Key = Cache->keyOf(Unit, Config.optionsFor(Unit.File));
  if (std::optional<KeptFindings> Kept = Cache->lookup(Key)) {
    LintResult Recalled;
    Recalled.Unit = &Unit;
    Recalled.Errors = std::move(Kept->Errors);
    Recalled.Places = std::move(Kept->Places);
    Recalled.Compiled = true;
    return Recalled;
  }
  LintResult Result = lintTranslationUnit(Unit, Config);
  if (Result.Compiled)
    Cache->store(Key, Result.Inputs, Result.Errors, Result.Places);
  return Result;
}

/// Each translation unit is parsed on a thread with this much stack: clang's
/// parser recurses once per nesting level (of statements, lambdas, template
/// arguments), and what clang's own driver gives itself (8 MiB) is used up
/// by a few thousand levels. Only the pages touched are ever committed.
constexpr unsigned LintStackSize = 64 << 20;

/// The stack a thread's signal handlers run on, for as long as it lives: a
/// stack overflow's SIGSEGV cannot be handled on the stack that overflowed,
/// and without it the kernel kills the whole process instead of letting
/// CrashRecoveryContext recover the one translation unit.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(new char[Size]) {
    stack_t Stack = {};
    Stack.ss_sp = Memory.get();
    Stack.ss_size = Size;
    sigaltstack(&Stack, nullptr);
  }
  ~AlternateSignalStack() {
    stack_t Disabled = {};
    Disabled.ss_flags = SS_DISABLE;
    sigaltstack(&Disabled, nullptr);
  }

private:
  static constexpr size_t Size = 256 << 10;
  std::unique_ptr<char[]> Memory;
};

/// One job per core by default, and never more: linting is CPU-bound, so
/// more threads than cores only hold more ASTs in memory at once (and
/// `-j 10000` would ask for more threads than the system gives).
unsigned threadCount(unsigned Jobs, size_t Units) {
  unsigned Cores = std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  if (Jobs == 0 || Jobs > Cores)
    Jobs = Cores;
  return static_cast<unsigned>(std::min<size_t>(Jobs, Units));
}

/// Starts \p Work on a new thread with LintStackSize of stack; false when
/// the system refuses (no memory for the stack, too many threads), where
/// llvm::thread would abort the process.
bool startThread(std::function<void()> &Work, std::vector<pthread_t> &Started) {
  pthread_attr_t Attributes;
  if (pthread_attr_init(&Attributes) != 0)
    return false;
  pthread_t Thread;
  bool Created =
      pthread_attr_setstacksize(&Attributes, LintStackSize) == 0 &&
      pthread_create(
          &Thread, &Attributes,
          [](void *Work) -> void * {
            (*static_cast<std::function<void()> *>(Work))();
            return nullptr;
          },
          &Work) == 0;
  pthread_attr_destroy(&Attributes);
  if (Created)
    Started.push_back(Thread);
  return Created;
}

} // namespace

void enableCrashRecovery() {
  llvm::CrashRecoveryContext::Enable();
  // CrashRecoveryContext installs its handlers to run on the stack that
  // faulted; a stack overflow needs them on the alternate stack.
  for (int Signal : {SIGSEGV, SIGBUS}) {
    struct sigaction Handler;
    if (sigaction(Signal, nullptr, &Handler) == 0) {
      Handler.sa_flags |= SA_ONSTACK;
      sigaction(Signal, &Handler, nullptr);
    }
  }
}

LintThread::LintThread(std::function<void()> Body)
    : Work([Body = std::move(Body)] {
        AlternateSignalStack SignalStack;
        Body();
      }) {
  startThread(Work, Started);
}

LintThread::~LintThread() {
  for (pthread_t Thread : Started)
    pthread_join(Thread, nullptr);
}

void lintTranslationUnits(llvm::ArrayRef<TranslationUnit> Units,
                          const Configuration &Config, unsigned Jobs,
                          const ResultCache *Cache,
                          llvm::function_ref<void(LintResult)> Deliver) {
  std::atomic<size_t> NextToLint = 0;
  std::mutex DeliveryLock;
  std::vector<std::optional<LintResult>> Finished(Units.size());
  size_t NextToDeliver = 0;

  std::function<void()> Work = [&] {
    AlternateSignalStack SignalStack;
    for (size_t I = NextToLint++; I < Units.size(); I = NextToLint++) {
      LintResult Result = lintOrRecall(Units[I], Config, Cache);
      std::lock_guard<std::mutex> Guard(DeliveryLock);
      Finished[I] = std::move(Result);
      for (; NextToDeliver < Units.size() && Finished[NextToDeliver];
           ++NextToDeliver) {
        Deliver(std::move(*Finished[NextToDeliver]));
        Finished[NextToDeliver].reset();
      }
    }
  };
  std::vector<pthread_t> Threads;
  for (unsigned I = 0, N = threadCount(Jobs, Units.size()); I < N; ++I)
    if (!startThread(Work, Threads))
      break;
  // Not even one thread: lint on this one, with the stack it has.
  if (Threads.empty())
    Work();
  for (pthread_t Thread : Threads)
    pthread_join(Thread, nullptr);
}

} // namespace async_lint
