//===--- LspTransport.cpp - JSON-RPC messages over a byte stream ----------===//

#include "LspTransport.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cerrno>

namespace async_lint::lsp {
namespace {

/// No document a client sends is this large; a header asking for more is
/// a broken or hostile client, not a reason to allocate.
constexpr size_t MaxBodySize = 256u << 20;

/// One header line without its line break; std::nullopt at the end of the
/// input.
std::optional<std::string> readLine(std::FILE *In) {
  std::string Line;
  for (int C; (C = std::fgetc(In)) != EOF;) {
    if (C == '\n') {
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return Line;
    }
    // A header line is short; a stream of bytes without a line break is
    // not a header, and is skipped rather than kept.
    if (Line.size() < 4096)
      Line.push_back(static_cast<char>(C));
  }
  if (Line.empty())
    return std::nullopt;
  return Line;
}

} // namespace

std::optional<Incoming> Transport::read() {
  std::optional<size_t> Length;
  bool BadHeader = false;
  for (;;) {
    std::optional<std::string> Line = readLine(In);
    if (!Line)
      return std::nullopt;
    if (Line->empty()) {
      if (Length || BadHeader)
        break;
      continue; // Blank lines between messages.
    }
    auto [Name, Value] = llvm::StringRef(*Line).split(':');
    if (!Name.trim().equals_insensitive("content-length"))
      continue; // Content-Type and unknown headers are allowed.
    size_t Parsed = 0;
    if (llvm::to_integer(Value.trim(), Parsed, 10) && Parsed <= MaxBodySize)
      Length = Parsed;
    else
      BadHeader = true;
  }
  if (!Length)
    return Incoming{llvm::createStringError(
        "a message without a valid Content-Length header")};
  std::string Body(*Length, '\0');
  if (std::fread(Body.data(), 1, Body.size(), In) != Body.size())
    return std::nullopt;
  return Incoming{llvm::json::parse(Body)};
}

void Transport::write(llvm::json::Object Message) {
  Message["jsonrpc"] = "2.0";
  std::string Body;
  llvm::raw_string_ostream(Body) << llvm::json::Value(std::move(Message));
  std::lock_guard<std::mutex> Guard(Writing);
  errno = 0;
  std::fprintf(Out, "Content-Length: %zu\r\n\r\n", Body.size());
  std::fwrite(Body.data(), 1, Body.size(), Out);
  if ((std::fflush(Out) != 0 || std::ferror(Out)) && WriteFailure == 0)
    WriteFailure = errno ? errno : EIO;
}

int Transport::writeFailure() {
  std::lock_guard<std::mutex> Guard(Writing);
  return WriteFailure;
}

void Transport::notify(llvm::StringRef Method, llvm::json::Value Params) {
  write(llvm::json::Object{{"method", Method}, {"params", std::move(Params)}});
}

void Transport::request(llvm::json::Value Id, llvm::StringRef Method,
                        llvm::json::Value Params) {
  write(llvm::json::Object{
      {"id", std::move(Id)}, {"method", Method}, {"params", std::move(Params)}});
}

void Transport::reply(llvm::json::Value Id, llvm::json::Value Result) {
  write(llvm::json::Object{{"id", std::move(Id)}, {"result", std::move(Result)}});
}

void Transport::replyError(llvm::json::Value Id, ErrorCode Code,
                           llvm::StringRef Message) {
  write(llvm::json::Object{
      {"id", std::move(Id)},
      {"error", llvm::json::Object{{"code", static_cast<int>(Code)},
                                   {"message", Message}}}});
}

} // namespace async_lint::lsp
