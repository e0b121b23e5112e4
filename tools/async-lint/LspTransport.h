//===--- LspTransport.h - JSON-RPC messages over a byte stream ------------===//
//
// The language server's wire: LSP's base protocol (a `Content-Length:`
// header, a blank line, a JSON body) on a pair of file descriptors, and
// JSON-RPC's shapes for requests, responses and notifications. It knows
// nothing of linting.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_DRIVER_LSPTRANSPORT_H
#define ASYNC_LINT_DRIVER_LSPTRANSPORT_H

#include "llvm/Support/JSON.h"
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

namespace async_lint::lsp {

/// JSON-RPC's and LSP's error codes.
enum class ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};

/// One framed message read from the client.
struct Incoming {
  /// The body parsed, or why it could not be (the body was not JSON, or the
  /// header had no usable Content-Length).
  llvm::Expected<llvm::json::Value> Body;
};

/// Reads and writes framed messages. Writing is thread-safe: the reading
/// thread answers requests while the linting thread publishes diagnostics.
class Transport {
public:
  Transport(std::FILE *In, std::FILE *Out) : In(In), Out(Out) {}

  /// The next message; std::nullopt at the end of the input.
  std::optional<Incoming> read();

  void notify(llvm::StringRef Method, llvm::json::Value Params);
  void request(llvm::json::Value Id, llvm::StringRef Method,
               llvm::json::Value Params);
  void reply(llvm::json::Value Id, llvm::json::Value Result);
  void replyError(llvm::json::Value Id, ErrorCode Code, llvm::StringRef Message);

  /// Why a message could not be written to the client (the errno of the
  /// first failure: a full disk, a closed pipe), or 0.
  int writeFailure();

private:
  void write(llvm::json::Object Message);

  std::FILE *In;
  std::FILE *Out;
  std::mutex Writing;
  int WriteFailure = 0;
};

} // namespace async_lint::lsp

#endif // ASYNC_LINT_DRIVER_LSPTRANSPORT_H
