#!/usr/bin/env python3
"""A minimal LSP client that drives `async-lint --lsp` over pipes.

Used by the protocol tests (test/lsp/*.test): it frames JSON-RPC messages
with Content-Length headers, reads the server's messages on a thread, and
lets a test wait for a notification or a response. Standard library only.
"""

import json
import os
import queue
import subprocess
import threading
import time

TIMEOUT = 60


class Failure(Exception):
    pass


def expect(condition, what):
    if not condition:
        raise Failure(what)


def uri(path):
    return "file://" + os.path.abspath(path)


class Server:
    def __init__(self, async_lint, cwd, extra_args=()):
        self.process = subprocess.Popen(
            [async_lint, "--lsp", *extra_args], cwd=cwd,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.pending = []
        self.next_id = 0
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr_reader = threading.Thread(target=self._drain_stderr, daemon=True)
        self.stderr_reader.start()

    # -- wire ---------------------------------------------------------------
    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        message = dict(message, jsonrpc="2.0")
        body = json.dumps(message).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length)))

    def _drain_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line.decode(errors="replace"))

    # -- messages -----------------------------------------------------------
    def request(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.next_id

    def notify(self, method, params=None):
        message = {"method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def wait_for(self, accept, what):
        """The first message (kept or new) for which accept() is true."""
        for index, message in enumerate(self.pending):
            if accept(message):
                return self.pending.pop(index)
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            expect(left > 0, "timed out waiting for " + what)
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            expect(message is not None,
                   "the server closed its output while waiting for %s; stderr: %s"
                   % (what, "".join(self.stderr)))
            if accept(message):
                return message
            self.pending.append(message)

    def response(self, request_id):
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m,
                             "the response to request %s" % request_id)

    def call(self, method, params=None):
        response = self.response(self.request(method, params))
        expect("result" in response, "%s failed: %s" % (method, response))
        return response["result"]

    def diagnostics(self, path, accept=lambda diagnostics: True):
        """The next diagnostics published for path that accept() takes."""
        target = uri(path)
        message = self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == target and accept(m["params"]["diagnostics"]),
            "diagnostics of " + path)
        return message["params"]["diagnostics"]

    # -- the lifecycle --------------------------------------------------------
    def initialize(self, capabilities=None, root=None):
        result = self.call("initialize", {
            "processId": os.getpid(),
            "rootUri": uri(root) if root else None,
            "capabilities": capabilities or {}})
        self.notify("initialized", {})
        return result

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8", newline="") as source:
                text = source.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": "cpp", "version": version, "text": text}})

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": changes})

    def stop(self):
        self.call("shutdown")
        self.notify("exit")
        status = self.process.wait(timeout=TIMEOUT)
        self.stderr_reader.join(timeout=TIMEOUT)
        return status


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions; the tests' files are ASCII)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position):
        return starts[position["line"]] + position["character"]

    for edit in sorted(edits, key=lambda e: offset(e["range"]["start"]), reverse=True):
        begin, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:begin] + edit["newText"] + text[end:]
    return text
