//===--- LanguageServer.cpp - async-lint --lsp ----------------------------===//
//
// A Language Server Protocol 3.17 server over standard input and output, in
// the manner of clangd but thin: the reading thread keeps the open
// documents and answers requests; one linting thread lints the newest
// contents of each changed document through the same code the command line
// uses (the same compile flags, configuration and checks; only the file
// system differs: unsaved buffers lie over the disk) and publishes the
// findings. An edit that arrives while a document is being linted makes
// that run's result stale: it is dropped, not published, and the document
// is linted again with everything typed meanwhile. What a file is linted
// with besides its text (its compile command and configuration) is planned
// once and kept until a file it was read from may have changed.
//
//===----------------------------------------------------------------------===//

#include "LanguageServer.h"
#include "CheckPages.h"
#include "Compilations.h"
#include "ConfigCommands.h"
#include "Configuration.h"
#include "Diagnostics.h"
#include "LspTransport.h"
#include "Paths.h"
#include "Runner.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>

using clang::tidy::ClangTidyError;
namespace json = llvm::json;

namespace async_lint {
namespace {

using lsp::ErrorCode;

//===-- Positions ---------------------------------------------------------===//

/// The lines of a text as LSP counts them (a line ends at \n, \r\n or \r)
/// and its columns in UTF-16 code units, LSP's default position encoding.
class LineTable {
public:
  explicit LineTable(llvm::StringRef Text) : Text(Text) {
    Starts.push_back(0);
    for (size_t I = 0; I < Text.size(); ++I)
      if (Text[I] == '\n' || (Text[I] == '\r' && (I + 1 == Text.size() ||
                                                  Text[I + 1] != '\n')))
        Starts.push_back(I + 1);
  }

  json::Object position(size_t Offset) const {
    Offset = std::min(Offset, Text.size());
    size_t Line = std::prev(llvm::upper_bound(Starts, Offset)) - Starts.begin();
    return json::Object{
        {"line", static_cast<int64_t>(Line)},
        {"character", static_cast<int64_t>(
                          utf16Length(Text.slice(Starts[Line], Offset)))}};
  }

  /// The byte offset of a position; past the end of its line means the
  /// line's end, past the last line the text's end (as LSP says).
  size_t offset(int64_t Line, int64_t Character) const {
    if (Line < 0)
      return 0;
    if (static_cast<size_t>(Line) >= Starts.size())
      return Text.size();
    size_t Begin = Starts[Line];
    size_t End = lineEnd(Line);
    size_t At = Begin;
    for (int64_t Units = 0; At < End && Units < Character;) {
      unsigned char Lead = Text[At];
      size_t Length = Lead < 0x80 ? 1 : Lead >= 0xF0 ? 4 : Lead >= 0xE0 ? 3 : 2;
      Units += Length == 4 ? 2 : 1;
      At = std::min(End, At + Length);
    }
    return At;
  }

  size_t lineStart(size_t Line) const { return Starts[std::min(Line, Starts.size() - 1)]; }
  size_t lineOf(size_t Offset) const {
    return std::prev(llvm::upper_bound(Starts, std::min(Offset, Text.size()))) -
           Starts.begin();
  }

private:
  /// Where line \p Line's text ends, before its line break.
  size_t lineEnd(size_t Line) const {
    size_t End = Line + 1 < Starts.size() ? Starts[Line + 1] : Text.size();
    while (End > Starts[Line] && (Text[End - 1] == '\n' || Text[End - 1] == '\r'))
      --End;
    return End;
  }

  static size_t utf16Length(llvm::StringRef Bytes) {
    size_t Units = 0;
    for (unsigned char Byte : Bytes)
      if ((Byte & 0xC0) != 0x80)
        Units += Byte >= 0xF0 ? 2 : 1;
    return Units;
  }

  llvm::StringRef Text;
  std::vector<size_t> Starts;
};

json::Object range(const LineTable &Lines, size_t Begin, size_t End) {
  return json::Object{{"start", Lines.position(Begin)},
                      {"end", Lines.position(End)}};
}

/// Where a diagnostic at \p Offset ends: the end of the identifier or
/// keyword it points at (`fetch`, `co_await`), else the one character.
size_t tokenEnd(llvm::StringRef Text, size_t Offset) {
  size_t End = Offset;
  while (End < Text.size() && (llvm::isAlnum(Text[End]) || Text[End] == '_'))
    ++End;
  if (End == Offset && End < Text.size() && Text[End] != '\n' && Text[End] != '\r')
    ++End;
  return End;
}

//===-- URIs --------------------------------------------------------------===//

std::optional<std::string> pathOfUri(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() + 0 &&
        llvm::to_integer(Uri.substr(I + 1, 2), Byte, 16)) {
      Path.push_back(static_cast<char>(Byte));
      I += 2;
    } else {
      Path.push_back(Uri[I]);
    }
  }
  if (Path.empty() || Path.front() != '/')
    return std::nullopt;
  return Path;
}

std::string uriOfPath(llvm::StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C)) {
      Uri.push_back(C);
    } else {
      Uri.push_back('%');
      Uri += llvm::hexdigit(C >> 4);
      Uri += llvm::hexdigit(C & 15);
    }
  }
  return Uri;
}

//===-- Documents and findings --------------------------------------------===//

/// A fix-it or the suppression, as a code action offers it.
struct Action {
  std::string Title;
  json::Array Edits;
  bool Preferred = false;
};

/// A published diagnostic and the code actions that act on it.
struct Finding {
  json::Object Diagnostic;
  size_t FirstLine = 0;
  size_t LastLine = 0;
  std::vector<Action> Actions;
};

/// What linting a file takes besides its text, found as the command line
/// finds it: its compile command (read from a compilation database) and its
/// configuration (from the .clang-tidy files above it, read once); or why
/// the file cannot be linted, which only a change of those files mends.
struct LintPlan {
  TranslationUnit Unit;
  Configuration Config;
  std::string Unlintable;
};

/// The files a plan is read from, by name: a change of one may change
/// every open file's plan.
bool isPlanInput(llvm::StringRef Path) {
  llvm::StringRef Name = llvm::sys::path::filename(Path);
  return Name == ".clang-tidy" || Name == "compile_commands.json" ||
         Name == "compile_flags.txt";
}

struct Document {
  std::string Path;
  std::string Text;
  /// Counts the server's own changes to Text (the client's version
  /// numbers are optional on didSave).
  uint64_t Revision = 0;
  bool NeedsLint = true;
  bool EverLinted = false;
  /// The findings of Text at LintedRevision.
  uint64_t LintedRevision = UINT64_MAX;
  std::vector<Finding> Findings;
  /// The parsed #include prefix, reused while it still fits.
  std::shared_ptr<Preamble> Prefix = std::make_shared<Preamble>();
  /// The plan of the last run, until plans are forgotten.
  std::shared_ptr<const LintPlan> Plan;
};

/// A copy of the open documents' contents, taken for one run.
struct Snapshot {
  std::string Uri;
  std::string Path;
  uint64_t Revision = 0;
  bool FirstLint = false;
  std::shared_ptr<Preamble> Prefix;
  /// The document's plan, or null to make one; and which generation of
  /// plans it belongs to.
  std::shared_ptr<const LintPlan> Plan;
  uint64_t PlanGeneration = 0;
  /// Every open document's unsaved text, by path: a header being edited
  /// is seen as the editor shows it, too.
  std::map<std::string, std::string> Buffers;
};

/// Applies one change of textDocument/didChange: the whole text, or a
/// range replaced.
bool applyChange(std::string &Text, const json::Object &Change) {
  std::optional<llvm::StringRef> NewText = Change.getString("text");
  if (!NewText)
    return false;
  const json::Object *Range = Change.getObject("range");
  if (!Range) {
    Text = NewText->str();
    return true;
  }
  LineTable Lines(Text);
  auto Where = [&](llvm::StringRef Name) -> std::optional<size_t> {
    const json::Object *At = Range->getObject(Name);
    if (!At)
      return std::nullopt;
    std::optional<int64_t> Line = At->getInteger("line");
    std::optional<int64_t> Character = At->getInteger("character");
    if (!Line || !Character)
      return std::nullopt;
    return Lines.offset(*Line, *Character);
  };
  std::optional<size_t> Begin = Where("start"), End = Where("end");
  if (!Begin || !End || *End < *Begin)
    return false;
  Text.replace(*Begin, *End - *Begin, NewText->str());
  return true;
}

std::string describeEdits(const std::vector<clang::tooling::Replacement> &Edits) {
  std::vector<std::string> Parts;
  for (const clang::tooling::Replacement &Edit : Edits) {
    std::string Text = Edit.getReplacementText().trim().str();
    if (Edit.getLength() == 0)
      Parts.push_back("insert '" + Text + "'");
    else if (Text.empty())
      Parts.push_back("remove code");
    else
      Parts.push_back("replace with '" + Text + "'");
  }
  return llvm::join(Parts, ", ");
}

//===-- The server --------------------------------------------------------===//

class Server {
public:
  Server(const Invocation &Args, lsp::Transport &Client)
      : Args(Args), Client(Client) {}

  int serve();

private:
  // The reading thread.
  void handle(json::Value Message);
  void onRequest(llvm::StringRef Method, json::Value Id,
                 const json::Object *Params);
  void onNotification(llvm::StringRef Method, const json::Object *Params);
  json::Value initializeResult(const json::Object *Params);
  llvm::Expected<json::Value> codeActions(const json::Object *Params);
  llvm::Error openDocument(const json::Object *Params);
  llvm::Error changeDocument(const json::Object *Params);
  llvm::Error saveDocument(const json::Object *Params);
  llvm::Error closeDocument(const json::Object *Params);
  llvm::Expected<std::string> documentUri(const json::Object *Params);
  void watchPlanInputs();
  /// Every open file is planned and linted again: a file a plan is read
  /// from may have changed. Called with Lock held.
  void forgetPlans();

  // The linting thread.
  void lintLoop();
  std::optional<Snapshot> nextSnapshot();
  std::optional<std::vector<Finding>> lint(const Snapshot &Run);
  std::shared_ptr<const LintPlan>
  plan(const Snapshot &Run, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files);
  llvm::Expected<std::shared_ptr<const LintPlan>>
  makePlan(const Snapshot &Run, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files);
  Finding describe(const ClangTidyError &Error, const Snapshot &Run,
                   const LineTable &Lines);
  json::Array relatedInformation(const ClangTidyError &Error, const Snapshot &Run);
  void publish(const std::string &Uri, const std::vector<Finding> &Findings);
  void beginProgress(const Snapshot &Run, std::string &Token);
  /// Says something worth a warning: on standard error and to the client.
  void log(llvm::StringRef Message);
  /// Says what a run did, at LSP's Log level (for the client's log).
  void trace(llvm::StringRef Message);

  const Invocation &Args;
  lsp::Transport &Client;
  bool Initialized = false;
  bool ShutdownRequested = false;
  bool ClientShowsProgress = false;
  bool ClientWatchesFiles = false;

  std::mutex Lock;
  std::condition_variable Changed;
  bool Stopping = false;
  std::map<std::string, Document> Documents;
  /// Counts forgetPlans(): a plan made from an older generation is not kept.
  uint64_t PlanGeneration = 0;
  /// The server's own requests waiting for an answer, by id: true once the
  /// client has answered.
  std::map<std::string, bool> Pending;
  unsigned NextRequest = 0;
};

int Server::serve() {
  std::optional<LintThread> Linter(std::in_place, [this] { lintLoop(); });
  if (!Linter->started()) {
    llvm::errs() << "async-lint: error: cannot start the linting thread\n";
    return 1;
  }
  int Status = 1;
  while (std::optional<lsp::Incoming> Message = Client.read()) {
    if (!Message->Body) {
      Client.replyError(nullptr, ErrorCode::ParseError,
                        llvm::toString(Message->Body.takeError()));
      continue;
    }
    json::Object *Object = Message->Body->getAsObject();
    if (Object && Object->getString("method") == "exit") {
      Status = ShutdownRequested ? 0 : 1;
      break;
    }
    handle(std::move(*Message->Body));
    if (int Failure = Client.writeFailure()) {
      std::string Why = std::strerror(Failure);
      Why[0] = llvm::toLower(Why[0]);
      llvm::errs() << "async-lint: error: cannot write to the editor: " << Why
                   << "\n";
      Status = 2;
      break;
    }
  }
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
  }
  Changed.notify_all();
  Linter.reset();
  return Status;
}

void Server::handle(json::Value Message) {
  json::Object *Object = Message.getAsObject();
  if (!Object)
    return Client.replyError(nullptr, ErrorCode::InvalidRequest,
                             "a message must be a JSON object");
  json::Value *Id = Object->get("id");
  json::Value *Method = Object->get("method");
  if (!Method) {
    // A response to one of the server's requests.
    if (Id)
      if (std::optional<llvm::StringRef> Answer = Id->getAsString()) {
        std::lock_guard<std::mutex> Guard(Lock);
        if (auto Request = Pending.find(Answer->str()); Request != Pending.end())
          Request->second = true;
        Changed.notify_all();
        return;
      }
    return Client.replyError(Id ? *Id : nullptr, ErrorCode::InvalidRequest,
                             "a message without a method");
  }
  std::optional<llvm::StringRef> Name = Method->getAsString();
  const json::Value *Params = Object->get("params");
  if (!Name || (Params && !Params->getAsObject() && !Params->getAsArray()))
    return Client.replyError(Id ? *Id : nullptr, ErrorCode::InvalidRequest,
                             "a method must be a string, params an object");
  const json::Object *ParamsObject = Params ? Params->getAsObject() : nullptr;
  if (Id)
    onRequest(*Name, *Id, ParamsObject);
  else
    onNotification(*Name, ParamsObject);
}

void Server::onRequest(llvm::StringRef Method, json::Value Id,
                       const json::Object *Params) {
  if (Method == "initialize") {
    if (Initialized)
      return Client.replyError(Id, ErrorCode::InvalidRequest,
                               "initialize was already received");
    Initialized = true;
    return Client.reply(Id, initializeResult(Params));
  }
  if (!Initialized)
    return Client.replyError(Id, ErrorCode::ServerNotInitialized,
                             "the first request must be initialize");
  if (ShutdownRequested)
    return Client.replyError(Id, ErrorCode::InvalidRequest,
                             "the server is shutting down");
  if (Method == "shutdown") {
    ShutdownRequested = true;
    return Client.reply(Id, nullptr);
  }
  if (Method == "textDocument/codeAction") {
    llvm::Expected<json::Value> Actions = codeActions(Params);
    if (!Actions)
      return Client.replyError(Id, ErrorCode::InvalidParams,
                               llvm::toString(Actions.takeError()));
    return Client.reply(Id, std::move(*Actions));
  }
  Client.replyError(Id, ErrorCode::MethodNotFound,
                    ("unknown method '" + Method + "'").str());
}

void Server::onNotification(llvm::StringRef Method, const json::Object *Params) {
  if (!Initialized || ShutdownRequested)
    return; // LSP: notifications before initialize are dropped.
  llvm::Error Failed = llvm::Error::success();
  if (Method == "initialized")
    watchPlanInputs();
  else if (Method == "textDocument/didOpen")
    Failed = openDocument(Params);
  else if (Method == "textDocument/didChange")
    Failed = changeDocument(Params);
  else if (Method == "textDocument/didSave")
    Failed = saveDocument(Params);
  else if (Method == "textDocument/didClose")
    Failed = closeDocument(Params);
  else if (Method == "workspace/didChangeWatchedFiles" ||
           Method == "workspace/didChangeConfiguration") {
    std::lock_guard<std::mutex> Guard(Lock);
    forgetPlans();
  }
  // Anything else ($/cancelRequest, $/setTrace...) needs no action:
  // requests are answered as they arrive, so none is pending when its
  // cancellation comes.
  if (Failed)
    log(("ignored " + Method + ": " + llvm::toString(std::move(Failed))).str());
}

json::Value Server::initializeResult(const json::Object *Params) {
  const json::Object *Capabilities =
      Params ? Params->getObject("capabilities") : nullptr;
  if (Capabilities) {
    if (const json::Object *Window = Capabilities->getObject("window"))
      ClientShowsProgress =
          Window->getBoolean("workDoneProgress").value_or(false);
    if (const json::Object *Workspace = Capabilities->getObject("workspace"))
      if (const json::Object *Watched =
              Workspace->getObject("didChangeWatchedFiles"))
        ClientWatchesFiles =
            Watched->getBoolean("dynamicRegistration").value_or(false);
  }
  return json::Object{
      {"capabilities",
       json::Object{
           {"textDocumentSync",
            json::Object{{"openClose", true},
                         {"change", 2}, // Incremental.
                         {"save", json::Object{{"includeText", false}}}}},
           {"codeActionProvider",
            json::Object{{"codeActionKinds", json::Array{"quickfix"}}}}}},
      {"serverInfo",
       json::Object{{"name", "async-lint"}, {"version", ASYNC_LINT_VERSION}}}};
}

/// Asks the client to tell of changes to the files plans are read from,
/// when it can watch files for the server; a client that cannot tells of
/// them only by saving a file.
void Server::watchPlanInputs() {
  if (!ClientWatchesFiles)
    return;
  json::Array Watchers;
  for (llvm::StringRef Name :
       {".clang-tidy", "compile_commands.json", "compile_flags.txt"})
    Watchers.push_back(json::Object{{"globPattern", ("**/" + Name).str()}});
  std::string Id;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Id = "async-lint-register-" + std::to_string(++NextRequest);
  }
  Client.request(
      Id, "client/registerCapability",
      json::Object{{"registrations",
                    json::Array{json::Object{
                        {"id", "async-lint-watched-files"},
                        {"method", "workspace/didChangeWatchedFiles"},
                        {"registerOptions",
                         json::Object{{"watchers", std::move(Watchers)}}}}}}});
}

void Server::forgetPlans() {
  ++PlanGeneration;
  for (auto &[Uri, Doc] : Documents) {
    Doc.Plan.reset();
    Doc.NeedsLint = !isPlanInput(Doc.Path);
  }
  Changed.notify_all();
}

llvm::Expected<std::string> Server::documentUri(const json::Object *Params) {
  const json::Object *Document = Params ? Params->getObject("textDocument") : nullptr;
  std::optional<llvm::StringRef> Uri = Document ? Document->getString("uri") : std::nullopt;
  if (!Uri)
    return llvm::createStringError("params.textDocument.uri is missing");
  return Uri->str();
}

llvm::Error Server::openDocument(const json::Object *Params) {
  llvm::Expected<std::string> Uri = documentUri(Params);
  if (!Uri)
    return Uri.takeError();
  std::optional<std::string> Path = pathOfUri(*Uri);
  if (!Path)
    return llvm::createStringError("only file:// URIs can be linted: " + *Uri);
  std::optional<llvm::StringRef> Text =
      Params->getObject("textDocument")->getString("text");
  if (!Text)
    return llvm::createStringError("params.textDocument.text is missing");
  std::lock_guard<std::mutex> Guard(Lock);
  Document &Doc = Documents[*Uri];
  Doc.Path = absolutePath(*Path);
  Doc.Text = Text->str();
  ++Doc.Revision;
  // A configuration or database open in the editor is not C++ to lint:
  // its text is what the open files' plans are read from.
  if (isPlanInput(Doc.Path))
    forgetPlans();
  else
    Doc.NeedsLint = true;
  Changed.notify_all();
  return llvm::Error::success();
}

llvm::Error Server::changeDocument(const json::Object *Params) {
  llvm::Expected<std::string> Uri = documentUri(Params);
  if (!Uri)
    return Uri.takeError();
  const json::Array *Changes = Params->getArray("contentChanges");
  if (!Changes)
    return llvm::createStringError("params.contentChanges is missing");
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto Found = Documents.find(*Uri);
    if (Found == Documents.end())
      return llvm::createStringError("the document is not open: " + *Uri);
    Document &Doc = Found->second;
    bool Applied = llvm::all_of(*Changes, [&](const json::Value &Change) {
      const json::Object *Object = Change.getAsObject();
      return Object && applyChange(Doc.Text, *Object);
    });
    if (Applied) {
      ++Doc.Revision;
      if (isPlanInput(Doc.Path))
        forgetPlans();
      else
        Doc.NeedsLint = true;
      Changed.notify_all();
      return llvm::Error::success();
    }
    // The text is now unknown: lint nothing rather than a wrong text.
    Documents.erase(Found);
  }
  publish(*Uri, {});
  return llvm::createStringError(
      "a malformed change; the document is closed until it is opened again");
}

llvm::Error Server::saveDocument(const json::Object *Params) {
  llvm::Expected<std::string> Uri = documentUri(Params);
  if (!Uri)
    return Uri.takeError();
  std::lock_guard<std::mutex> Guard(Lock);
  // Saving changes nothing in the document, but a saved header changes
  // what every other open document sees, and a saved configuration or
  // database (which a client that watches no files tells of only by
  // saving) their plans.
  forgetPlans();
  return llvm::Error::success();
}

llvm::Error Server::closeDocument(const json::Object *Params) {
  llvm::Expected<std::string> Uri = documentUri(Params);
  if (!Uri)
    return Uri.takeError();
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto Found = Documents.find(*Uri);
    // An open configuration's unsaved text goes: the disk's applies again.
    bool WasPlanInput = Found != Documents.end() && isPlanInput(Found->second.Path);
    if (Found != Documents.end())
      Documents.erase(Found);
    if (WasPlanInput)
      forgetPlans();
  }
  publish(*Uri, {});
  return llvm::Error::success();
}

/// Whether two ranges of lines overlap.
bool overlaps(int64_t FirstA, int64_t LastA, int64_t FirstB, int64_t LastB) {
  return FirstA <= LastB && FirstB <= LastA;
}

llvm::Expected<json::Value> Server::codeActions(const json::Object *Params) {
  llvm::Expected<std::string> Uri = documentUri(Params);
  if (!Uri)
    return Uri.takeError();
  const json::Object *Range = Params->getObject("range");
  const json::Object *Start = Range ? Range->getObject("start") : nullptr;
  const json::Object *End = Range ? Range->getObject("end") : nullptr;
  int64_t FirstLine = Start ? Start->getInteger("line").value_or(-1) : -1;
  int64_t LastLine = End ? End->getInteger("line").value_or(-1) : -1;
  if (FirstLine < 0 || LastLine < FirstLine)
    return llvm::createStringError("params.range is missing or malformed");

  json::Array Actions;
  std::lock_guard<std::mutex> Guard(Lock);
  auto Found = Documents.find(*Uri);
  // Findings of an older text would edit the wrong places: none until the
  // current text is linted.
  if (Found == Documents.end() ||
      Found->second.LintedRevision != Found->second.Revision)
    return Actions;
  for (const Finding &Finding : Found->second.Findings) {
    if (!overlaps(Finding.FirstLine, Finding.LastLine, FirstLine, LastLine))
      continue;
    for (const Action &Action : Finding.Actions)
      Actions.push_back(json::Object{
          {"title", Action.Title},
          {"kind", "quickfix"},
          {"isPreferred", Action.Preferred},
          {"diagnostics", json::Array{json::Object(Finding.Diagnostic)}},
          {"edit", json::Object{{"changes",
                                 json::Object{{*Uri, json::Array(Action.Edits)}}}}}});
  }
  return Actions;
}

//===-- The linting thread ------------------------------------------------===//

std::optional<Snapshot> Server::nextSnapshot() {
  std::unique_lock<std::mutex> Guard(Lock);
  for (;;) {
    if (Stopping)
      return std::nullopt;
    for (auto &[Uri, Doc] : Documents) {
      if (!Doc.NeedsLint)
        continue;
      Doc.NeedsLint = false;
      Snapshot Run{Uri, Doc.Path, Doc.Revision, !Doc.EverLinted,
                   Doc.Prefix, Doc.Plan, PlanGeneration, {}};
      Doc.EverLinted = true;
      for (const auto &[OtherUri, Other] : Documents)
        Run.Buffers[Other.Path] = Other.Text;
      return Run;
    }
    Changed.wait(Guard);
  }
}

void Server::lintLoop() {
  while (std::optional<Snapshot> Run = nextSnapshot()) {
    std::string ProgressToken;
    if (Run->FirstLint && ClientShowsProgress)
      beginProgress(*Run, ProgressToken);
    std::optional<std::vector<Finding>> Findings = lint(*Run);
    if (!ProgressToken.empty())
      Client.notify("$/progress",
                    json::Object{{"token", ProgressToken},
                                 {"value", json::Object{{"kind", "end"}}}});
    bool Current = false;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      auto Found = Documents.find(Run->Uri);
      // A newer edit supersedes this run: drop its result; the document
      // is linted again with the newer text.
      Current = Findings && Found != Documents.end() &&
                Found->second.Revision == Run->Revision;
      if (Current) {
        Found->second.LintedRevision = Run->Revision;
        Found->second.Findings = *Findings;
      }
    }
    if (Current)
      publish(Run->Uri, *Findings);
    // After the findings are out, so that a first lint costs no more than
    // a cold one: the preamble the next edit will reuse.
    bool Reused = Run->Prefix->lastLintReused();
    bool Built = !Reused && Run->Prefix->buildPending();
    trace(llvm::formatv("linted {0}: {1}", Run->Path,
                        Reused ? llvm::formatv("preamble of {0} KiB reused",
                                               Run->Prefix->size() / 1024).str()
                        : Built ? llvm::formatv("whole file parsed; preamble of {0} KiB built",
                                                Run->Prefix->size() / 1024).str()
                                : std::string("whole file parsed; no preamble"))
              .str());
  }
}

/// Announces a file's first lint (the one that parses its headers) as LSP
/// work-done progress, once the client has accepted the token.
void Server::beginProgress(const Snapshot &Run, std::string &Token) {
  std::string Id;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Id = "async-lint-progress-" + std::to_string(++NextRequest);
    Pending[Id] = false;
  }
  Client.request(Id, "window/workDoneProgress/create",
                 json::Object{{"token", Id}});
  std::unique_lock<std::mutex> Guard(Lock);
  bool Accepted = Changed.wait_for(Guard, std::chrono::seconds(2), [&] {
    return Pending[Id] || Stopping;
  }) && !Stopping;
  Pending.erase(Id);
  Guard.unlock();
  if (!Accepted)
    return;
  Token = Id;
  Client.notify("$/progress",
                json::Object{{"token", Token},
                             {"value", json::Object{
                                           {"kind", "begin"},
                                           {"title", "async-lint"},
                                           {"message", "linting " +
                                                           llvm::sys::path::filename(Run.Path).str()}}}});
}

/// The command line's invocation for one file: the same options, the file's
/// own compile command (the server's `--` flags, -p, a database above the
/// file, or the fallback).
Invocation invocationFor(const Invocation &Server, const std::string &Path) {
  Invocation Args;
  Args.Files = {Path};
  Args.BuildPath = Server.BuildPath;
  Args.Checks = Server.Checks;
  Args.WarningsAsErrors = Server.WarningsAsErrors;
  Args.HeaderFilter = Server.HeaderFilter;
  Args.ExcludeHeaderFilter = Server.ExcludeHeaderFilter;
  Args.ConfigFile = Server.ConfigFile;
  Args.ExtraArgs = Server.ExtraArgs;
  Args.ExtraArgsBefore = Server.ExtraArgsBefore;
  Args.RemovedArgs = Server.RemovedArgs;
  Args.Config = Server.Config;
  Args.SystemHeaders = Server.SystemHeaders;
  if (Server.Flags) {
    // The server's `-- <flags>` for every file: the command line of a
    // fixed database is the tool's name, the flags, then the file.
    clang::tooling::CompileCommand Command =
        Server.Flags->getCompileCommands(Path).front();
    std::vector<std::string> Flags(Command.CommandLine.begin() + 1,
                                   Command.CommandLine.end() - 1);
    Args.Flags = std::make_unique<clang::tooling::FixedCompilationDatabase>(
        Command.Directory, Flags);
  }
  return Args;
}

/// The plan of \p Run's file, made as the command line makes it, with its
/// configuration read through \p Files (the open buffers over the disk).
llvm::Expected<std::shared_ptr<const LintPlan>>
Server::makePlan(const Snapshot &Run,
                 llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) {
  Invocation Args = invocationFor(this->Args, Run.Path);
  llvm::Expected<Configuration> Config = Configuration::fromInvocation(Args);
  if (!Config)
    return Config.takeError();
  // A malformed .clang-tidy would be passed over, its Checks: lost.
  if (llvm::Error Invalid = Config->checkConfigurations(Run.Path))
    return Invalid;
  llvm::Expected<std::vector<TranslationUnit>> Units = planTranslationUnits(Args);
  if (!Units)
    return Units.takeError();
  auto Made = std::make_shared<const LintPlan>(
      LintPlan{std::move(Units->front()), Config->pinnedTo(Run.Path, Files)});
  // An unknown check or option, as the command line tells it on each run.
  for (const std::string &Problem : configurationProblems(Made->Config, Run.Path))
    log(Problem);
  return Made;
}

/// The plan of \p Run's file, or why it has none; either is logged once,
/// here, and kept in the document until a file it was read from changes.
std::shared_ptr<const LintPlan>
Server::plan(const Snapshot &Run,
             llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Files) {
  llvm::Expected<std::shared_ptr<const LintPlan>> Made = makePlan(Run, Files);
  std::shared_ptr<const LintPlan> Plan;
  if (Made) {
    Plan = std::move(*Made);
  } else {
    auto Failed = std::make_shared<LintPlan>();
    Failed->Unlintable = llvm::toString(Made.takeError());
    log("cannot lint " + Run.Path + ": " + Failed->Unlintable);
    Plan = std::move(Failed);
  }
  std::lock_guard<std::mutex> Guard(Lock);
  auto Found = Documents.find(Run.Uri);
  if (Found != Documents.end() && PlanGeneration == Run.PlanGeneration)
    Found->second.Plan = Plan;
  return Plan;
}

/// The findings of a run; none (nothing to publish: the editor keeps what
/// it shows) when the file could not be linted at all.
std::optional<std::vector<Finding>> Server::lint(const Snapshot &Run) {
  auto Buffers = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto &[Path, Text] : Run.Buffers)
    Buffers->addFile(Path, 0, llvm::MemoryBuffer::getMemBufferCopy(Text, Path));
  auto Files = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  Files->pushOverlay(Buffers);

  std::shared_ptr<const LintPlan> Plan = Run.Plan;
  // What is wrong with the configuration is told once, with its plan, not
  // on every edit.
  bool NewPlan = !Plan;
  if (!Plan)
    Plan = plan(Run, Files);
  if (!Plan->Unlintable.empty())
    return std::nullopt;

  LintResult Result =
      lintTranslationUnit(Plan->Unit, Plan->Config, Files, Run.Prefix.get());
  if (Result.Crashed) {
    log("clang crashed while parsing " + Run.Path);
    return std::nullopt;
  }
  const std::string &Text = Run.Buffers.at(Run.Path);
  LineTable Lines(Text);
  std::vector<Finding> Findings;
  // A compile error that lies in no line of this file, shown at its top.
  auto AtTop = [&](const ClangTidyError &Error, std::string Message) {
    ClangTidyError Moved = Error;
    Moved.Message.FilePath = Run.Path;
    Moved.Message.FileOffset = 0;
    Moved.Message.Message = std::move(Message);
    Moved.Notes.clear();
    return describe(Moved, Run, Lines);
  };
  bool ReportedForeignError = false;
  for (const ClangTidyError &Error : Result.Errors) {
    if (isConfigurationProblem(Error)) {
      if (NewPlan)
        log(Error.Message.Message);
      continue;
    }
    // An error in no file (a flag the compiler refuses) is the whole
    // unit's, in the compiler's words.
    if (Error.Message.FilePath.empty()) {
      if (isCompilerError(Error))
        Findings.push_back(AtTop(Error, Error.Message.Message));
      continue;
    }
    std::string Path = absolutePath(Error.Message.FilePath, Error.BuildDirectory);
    if (Path == Run.Path) {
      Findings.push_back(describe(Error, Run, Lines));
      continue;
    }
    // A header's finding is the header's own, shown when it is open; a
    // header's compile error stops this file's lint, so it is shown once,
    // at the top of this file.
    if (!isCompilerError(Error) || ReportedForeignError)
      continue;
    ReportedForeignError = true;
    Findings.push_back(
        AtTop(Error, "in included file '" + Path + "': " + Error.Message.Message));
  }
  return Findings;
}

Finding Server::describe(const ClangTidyError &Error, const Snapshot &Run,
                         const LineTable &Lines) {
  const std::string &Text = Run.Buffers.at(Run.Path);
  size_t Offset = std::min<size_t>(Error.Message.FileOffset, Text.size());
  bool IsError = Error.DiagLevel == ClangTidyError::Error || Error.IsWarningAsError;
  Finding Result;
  Result.FirstLine = Result.LastLine = Lines.lineOf(Offset);
  json::Object &Diag = Result.Diagnostic;
  Diag["range"] = range(Lines, Offset, tokenEnd(Text, Offset));
  Diag["severity"] = IsError ? 1 : 2;
  Diag["source"] = "async-lint";
  Diag["message"] = Error.Message.Message;
  if (!isCompilerError(Error)) {
    Diag["code"] = Error.DiagnosticName;
    Diag["codeDescription"] = json::Object{{"href", checkPageUri(Error.DiagnosticName)}};
  }
  json::Array Related = relatedInformation(Error, Run);
  if (!Related.empty())
    Diag["relatedInformation"] = std::move(Related);
  if (isCompilerError(Error))
    return Result;

  // The check's fix-its, all in this file, as one quick fix.
  std::vector<clang::tooling::Replacement> Edits;
  bool EditsElsewhere = false;
  for (const auto &[File, Replacements] : Error.Message.Fix)
    for (const clang::tooling::Replacement &Edit : Replacements) {
      if (absolutePath(Edit.getFilePath(), Error.BuildDirectory) != Run.Path)
        EditsElsewhere = true;
      Edits.push_back(Edit);
    }
  if (!Edits.empty() && !EditsElsewhere) {
    Action Fix{"Fix: " + describeEdits(Edits), {}, true};
    for (const clang::tooling::Replacement &Edit : Edits) {
      Fix.Edits.push_back(json::Object{
          {"range", range(Lines, Edit.getOffset(), Edit.getOffset() + Edit.getLength())},
          {"newText", Edit.getReplacementText().str()}});
      Result.LastLine = std::max(Result.LastLine,
                                 Lines.lineOf(Edit.getOffset() + Edit.getLength()));
    }
    Result.Actions.push_back(std::move(Fix));
  }

  // The suppression: a NOLINTNEXTLINE comment above the line, indented as
  // the line is, with the file's own line ending.
  size_t LineStart = Lines.lineStart(Result.FirstLine);
  llvm::StringRef Line = llvm::StringRef(Text).substr(LineStart);
  llvm::StringRef Indent = Line.take_while([](char C) { return C == ' ' || C == '\t'; });
  llvm::StringRef Newline = llvm::StringRef(Text).contains("\r\n") ? "\r\n" : "\n";
  Action Suppress{"Suppress with NOLINTNEXTLINE(" + Error.DiagnosticName + ")", {}, false};
  Suppress.Edits.push_back(json::Object{
      {"range", range(Lines, LineStart, LineStart)},
      {"newText", (Indent + "// NOLINTNEXTLINE(" + Error.DiagnosticName + ")" + Newline).str()}});
  Result.Actions.push_back(std::move(Suppress));
  return Result;
}

/// The notes of \p Error as related locations, placed in the text the run
/// linted: the snapshot's buffers, else the file on disk.
json::Array Server::relatedInformation(const ClangTidyError &Error,
                                       const Snapshot &Run) {
  json::Array Related;
  for (const clang::tooling::DiagnosticMessage &Note : Error.Notes) {
    if (Note.FilePath.empty())
      continue;
    std::string Path = absolutePath(Note.FilePath, Error.BuildDirectory);
    std::string Text;
    if (auto Buffer = Run.Buffers.find(Path); Buffer != Run.Buffers.end())
      Text = Buffer->second;
    else if (auto Read = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false))
      Text = (*Read)->getBuffer().str();
    LineTable Lines(Text);
    size_t Offset = std::min<size_t>(Note.FileOffset, Text.size());
    Related.push_back(json::Object{
        {"location", json::Object{{"uri", uriOfPath(Path)},
                                  {"range", range(Lines, Offset, tokenEnd(Text, Offset))}}},
        {"message", Note.Message}});
  }
  return Related;
}

void Server::publish(const std::string &Uri, const std::vector<Finding> &Findings) {
  json::Array Diagnostics;
  for (const Finding &Finding : Findings)
    Diagnostics.push_back(json::Object(Finding.Diagnostic));
  Client.notify("textDocument/publishDiagnostics",
                json::Object{{"uri", Uri}, {"diagnostics", std::move(Diagnostics)}});
}

void Server::trace(llvm::StringRef Message) {
  Client.notify("window/logMessage", json::Object{{"type", 4}, {"message", Message}});
}

void Server::log(llvm::StringRef Message) {
  llvm::errs() << "async-lint: " << Message << "\n";
  Client.notify("window/logMessage",
                json::Object{{"type", 2}, {"message", Message}});
}

/// Refuses what a server cannot do with its options: it writes no file and
/// prints no report, so the options for those are the command line's; and
/// a configuration given on the command line that would fail every file.
llvm::Error checkServerOptions(const Invocation &Args) {
  std::optional<llvm::StringRef> CommandLineOnly =
      Args.FixErrors                       ? "--fix-errors"
      : Args.FixNotes                      ? "--fix-notes"
      : Args.Fix                           ? "--fix"
      : !Args.ExportFixes.empty()          ? "--export-fixes"
      : Args.Format != OutputFormat::Text ? "--format"
      : Args.ListChecks                    ? "--list-checks"
      : Args.DumpConfig                    ? "--dump-config"
      : Args.VerifyConfig                  ? "--verify-config"
                                           : std::optional<llvm::StringRef>();
  if (CommandLineOnly)
    return llvm::createStringError(
        "--lsp cannot be used with " + *CommandLineOnly +
        ": the server writes no file and prints no report");
  return Configuration::fromInvocation(Args).takeError();
}

} // namespace

int runLanguageServer(const Invocation &Args, std::FILE *In, std::FILE *Out) {
  if (llvm::Error Refused = checkServerOptions(Args)) {
    llvm::errs() << "async-lint: error: " << llvm::toString(std::move(Refused))
                 << "\n";
    return 2;
  }
  lsp::Transport Client(In, Out);
  Server Instance(Args, Client);
  return Instance.serve();
}

} // namespace async_lint
