#!/usr/bin/env python3
"""Protocol scenarios for `async-lint --lsp`, each a function run by name.

  protocol.py --async-lint BIN --mock DIR --work DIR SCENARIO...

Each scenario writes its files under --work (a compile_flags.txt there gives
the mock headers' flags, found as the command line finds them), starts the
server, plays its part of the protocol and raises Failure on the first
difference from what LSP and docs/editors.md promise.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Failure, Server, apply_edits, expect, uri  # noqa: E402

# The four mistakes on the mock runtime: the file Neovim's test opens too.
with open(os.path.join(os.path.dirname(__file__), "four_mistakes.cpp"), encoding="utf-8") as _file:
    FOUR_MISTAKES = _file.read()

CLEAN = """\
#include <asyncrt/asyncrt.hpp>

asyncrt::task<int> fetch(int id);

asyncrt::task<int> app() {
  co_return co_await fetch(1);
}
"""


class Scenario:
    def __init__(self, arguments, name):
        self.async_lint = os.path.abspath(arguments.async_lint)
        self.work = os.path.join(os.path.abspath(arguments.work), name)
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.write("compile_flags.txt", "\n".join([
            "-std=c++20", "-nostdinc++", "-nostdlibinc", "-isystem", os.path.abspath(arguments.mock)]) + "\n")

    def path(self, name):
        return os.path.join(self.work, name)

    def write(self, name, text):
        with open(self.path(name), "w", encoding="utf-8", newline="") as out:
            out.write(text)
        return self.path(name)

    def server(self, *extra_args):
        return Server(self.async_lint, self.work, extra_args)

    def cli(self, name):
        """The command line's findings: (line, column, check) with 1-based columns."""
        run = subprocess.run([self.async_lint, "--no-cache", name], cwd=self.work,
                             capture_output=True, text=True)
        found = []
        for line in run.stdout.splitlines():
            match = re.match(r"^[^:]+:(\d+):(\d+): warning: .* \[([\w-]+)\]$", line)
            if match:
                found.append((int(match[1]), int(match[2]), match[3]))
        return found


def checks_of(diagnostics):
    return sorted(d.get("code") for d in diagnostics)


def four_checks(diagnostics):
    return len(diagnostics) == 4


def scenario_findings_match_the_command_line(s):
    source = s.write("mistakes.cpp", FOUR_MISTAKES)
    server = s.server()
    result = server.initialize(root=s.work)
    capabilities = result["capabilities"]
    expect(capabilities["textDocumentSync"]["change"] == 2, "incremental sync offered")
    expect(capabilities["codeActionProvider"], "code actions offered")
    expect(result["serverInfo"]["name"] == "async-lint", "serverInfo names the tool")
    server.open(source)
    diagnostics = server.diagnostics(source, four_checks)
    from_lsp = sorted((d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1,
                       d["code"]) for d in diagnostics)
    from_cli = sorted(s.cli("mistakes.cpp"))
    expect(from_lsp == from_cli, "server %s == command line %s" % (from_lsp, from_cli))
    for d in diagnostics:
        expect(d["severity"] == 2 and d["source"] == "async-lint", "a warning from async-lint")
        expect(d["codeDescription"]["href"].endswith("/checks/%s.md" % d["code"]),
               "codeDescription links the check's page: %s" % d)
    lock = next(d for d in diagnostics if d["code"] == "async-lock-across-await")
    related = lock["relatedInformation"]
    expect(len(related) == 1 and related[0]["location"]["uri"] == uri(source)
           and related[0]["location"]["range"]["start"]["line"] == 12
           and "taken here" in related[0]["message"],
           "the note is relatedInformation at the lock: %s" % related)
    expect(server.stop() == 0, "exit after shutdown is status 0")


def scenario_unsaved_buffers_are_linted_not_the_disk(s):
    source = s.write("buffer.cpp", CLEAN)
    server = s.server()
    server.initialize()
    server.open(source, FOUR_MISTAKES)
    expect(len(server.diagnostics(source, four_checks)) == 4,
           "the buffer's four mistakes, though the file on disk is clean")
    # Incremental edit: `fetch(1);` on line 10 becomes `co_await fetch(1);`.
    server.change(source, 2, [{"range": {"start": {"line": 10, "character": 2},
                                         "end": {"line": 10, "character": 2}},
                               "text": "co_await "}])
    after = server.diagnostics(source, lambda d: len(d) == 3)
    expect("async-unawaited-task" not in checks_of(after), "the awaited task is fine now")
    # Full-text change back to the clean code.
    server.change(source, 3, [{"text": CLEAN}])
    expect(server.diagnostics(source, lambda d: not d) == [], "clean text, no findings")
    with open(source, encoding="utf-8") as disk:
        expect(disk.read() == CLEAN, "the file on disk is never written")
    expect(server.stop() == 0, "clean exit")


def scenario_quick_fix_and_suppression(s):
    source = s.write("fix.cpp", FOUR_MISTAKES)
    server = s.server()
    server.initialize()
    server.open(source)
    diagnostics = server.diagnostics(source, four_checks)
    unawaited = next(d for d in diagnostics if d["code"] == "async-unawaited-task")
    actions = server.call("textDocument/codeAction", {
        "textDocument": {"uri": uri(source)}, "range": unawaited["range"],
        "context": {"diagnostics": [unawaited]}})
    titles = [a["title"] for a in actions]
    expect(titles == ["Fix: insert 'co_await'",
                      "Suppress with NOLINTNEXTLINE(async-unawaited-task)"],
           "a fix and a suppression: %s" % titles)
    fix, suppress = actions
    expect(fix["kind"] == "quickfix" and fix["isPreferred"], "the fix is the preferred quick fix")
    expect(fix["diagnostics"][0]["code"] == "async-unawaited-task", "the fix names its diagnostic")
    fixed = apply_edits(FOUR_MISTAKES, fix["edit"]["changes"][uri(source)])
    expect("  co_await fetch(1);\n" in fixed, "the fix inserts co_await:\n" + fixed)
    server.change(source, 2, [{"text": fixed}])
    after = server.diagnostics(source, lambda d: len(d) == 3)
    expect("async-unawaited-task" not in checks_of(after), "the fixed warning goes")

    heavy = next(d for d in after if d["code"] == "async-heavy-loop")
    actions = server.call("textDocument/codeAction", {
        "textDocument": {"uri": uri(source)}, "range": heavy["range"],
        "context": {"diagnostics": [heavy]}})
    expect([a["title"] for a in actions] == ["Suppress with NOLINTNEXTLINE(async-heavy-loop)"],
           "no fix-it for a heavy loop, only the suppression: %s" % actions)
    suppressed = apply_edits(fixed, actions[0]["edit"]["changes"][uri(source)])
    expect("  // NOLINTNEXTLINE(async-heavy-loop)\n  for (long i" in suppressed,
           "the comment goes above the loop, indented:\n" + suppressed)
    server.change(source, 3, [{"text": suppressed}])
    after = server.diagnostics(source, lambda d: len(d) == 2)
    expect("async-heavy-loop" not in checks_of(after), "the suppressed warning goes")
    # Actions for a range with no finding: none.
    expect(server.call("textDocument/codeAction", {
        "textDocument": {"uri": uri(source)},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}) == [], "no action where nothing is found")
    expect(server.stop() == 0, "clean exit")


def scenario_compile_errors_are_errors_and_serving_goes_on(s):
    source = s.write("broken.cpp", "int main() { return missing; }\n")
    server = s.server()
    server.initialize()
    server.open(source)
    diagnostics = server.diagnostics(source, lambda d: len(d) > 0)
    expect(all(d["severity"] == 1 and "code" not in d for d in diagnostics),
           "clang's errors are Error diagnostics: %s" % diagnostics)
    expect(any("missing" in d["message"] for d in diagnostics), "clang's own words")
    server.change(source, 2, [{"text": FOUR_MISTAKES}])
    expect(len(server.diagnostics(source, four_checks)) == 4, "the server keeps serving")
    # An error in no line of any file (compile_flags.txt's -std=c++20 for a
    # C file): at the top of the file, in clang's words.
    c_source = s.write("plain.c", "int x;\n")
    server.open(c_source)
    found = server.diagnostics(c_source)
    expect(len(found) == 1 and found[0]["severity"] == 1
           and found[0]["range"]["start"] == {"line": 0, "character": 0}
           and found[0]["message"] == "invalid argument '-std=c++20' not allowed with 'C'",
           "the compiler's error about the whole file: %s" % found)
    expect(server.stop() == 0, "clean exit")


def scenario_a_crash_is_logged_and_serving_goes_on(s):
    # Deeper than the lint thread's 64 MiB stack: clang's parser overflows it.
    deep = s.write("deep.cpp", "void f() {\n" + "for (;;)\n" * 200000 + "  ;\n}\n")
    server = s.server()
    server.initialize()
    server.open(deep)
    logged = server.wait_for(lambda m: m.get("method") == "window/logMessage"
                             and m["params"]["type"] == 2, "the crash's log")
    expect(logged["params"]["message"] == "clang crashed while parsing " + deep,
           "the crash is logged as a warning: %s" % logged)
    source = s.write("after.cpp", FOUR_MISTAKES)
    server.open(source)
    expect(len(server.diagnostics(source, four_checks)) == 4, "the server keeps serving")
    server.change(deep, 2, [{"text": "void f() {\n  for (;;)\n    ;\n}\n"}])
    expect(server.diagnostics(deep) == [], "and lints the crashed file once it parses")
    expect(server.stop() == 0, "clean exit")
    expect(any("clang crashed while parsing " + deep in line for line in server.stderr),
           "on standard error too")


def scenario_configuration_changes_apply_without_a_restart(s):
    source = s.write("config.cpp", FOUR_MISTAKES)
    server = s.server()
    server.initialize()
    server.open(source)
    server.diagnostics(source, four_checks)
    s.write(".clang-tidy", "Checks: '-async-heavy-loop'\n")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": uri(s.path(".clang-tidy")), "type": 1}]})
    after = server.diagnostics(source, lambda d: len(d) == 3)
    expect("async-heavy-loop" not in checks_of(after), "the new .clang-tidy applies")
    os.remove(s.path(".clang-tidy"))
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri(source)}})
    expect(len(server.diagnostics(source, four_checks)) == 4, "and so does its removal, on save")
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri(source)}})
    expect(server.diagnostics(source) == [], "closing clears the document's diagnostics")
    expect(server.stop() == 0, "clean exit")
    expect(not any(m.get("method") == "client/registerCapability" for m in server.pending),
           "no watchers asked of a client that cannot register them")


def scenario_edits_reuse_the_plan_until_a_file_it_came_from_changes(s):
    flags = s.path("compile_flags.txt")
    text = FOUR_MISTAKES + "#ifdef LATE_FLAG\nasyncrt::task<int> flagged() { fetch(3); co_return 0; }\n#endif\n"
    source = s.write("plan.cpp", text)
    server = s.server()
    server.initialize(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
    register = server.wait_for(lambda m: m.get("method") == "client/registerCapability",
                               "the request to watch the files plans are read from")
    registration = register["params"]["registrations"][0]
    globs = sorted(w["globPattern"] for w in registration["registerOptions"]["watchers"])
    expect(registration["method"] == "workspace/didChangeWatchedFiles"
           and globs == ["**/.clang-tidy", "**/compile_commands.json", "**/compile_flags.txt"],
           "the .clang-tidy files and databases are watched: %s" % registration)
    server.send({"id": register["id"], "result": None})
    server.open(source)
    first = server.diagnostics(source, four_checks)
    unawaited_line = next(d["range"]["start"]["line"] for d in first if d["code"] == "async-unawaited-task")
    version = [1]

    def edit():
        """A comment line added at the top: the plan is all that could differ."""
        version[0] += 1
        server.change(source, version[0], [{"range": {"start": {"line": 0, "character": 0},
                                                      "end": {"line": 0, "character": 0}},
                                            "text": "// edit\n"}])
        found = server.diagnostics(source)
        line = next((d["range"]["start"]["line"] for d in found if d["code"] == "async-unawaited-task"), None)
        expect(line == unawaited_line + version[0] - 1, "the edit's findings: %s" % found)
        return found

    s.write(".clang-tidy", "Checks: '-async-heavy-loop'\n")
    expect(len(edit()) == 4, "an edit keeps the plan: the .clang-tidy is not read again")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": uri(s.path(".clang-tidy")), "type": 1}]})
    after = server.diagnostics(source, lambda d: len(d) == 3)
    expect("async-heavy-loop" not in checks_of(after), "the watched .clang-tidy's change applies")
    with open(flags, "a", encoding="utf-8") as out:
        out.write("-DLATE_FLAG\n")
    expect(len(edit()) == 3, "an edit keeps the plan: the compile flags are not read again")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(flags), "type": 2}]})
    after = server.diagnostics(source, lambda d: len(d) == 4)
    expect(checks_of(after).count("async-unawaited-task") == 2, "the new flags apply: %s" % after)
    # A save re-plans too: a client that watches no files tells of a
    # changed configuration only so.
    os.remove(s.path(".clang-tidy"))
    expect(len(edit()) == 4, "the removed .clang-tidy is not seen before a save or an event")
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri(source)}})
    expect(len(server.diagnostics(source, lambda d: len(d) == 5)) == 5, "a save re-plans")
    # A .clang-tidy open in the editor: its unsaved text is the
    # configuration, and it is not linted as C++.
    config = s.path(".clang-tidy")
    server.open(config, "Checks: '-async-lock-across-await'\n")
    after = server.diagnostics(source, lambda d: len(d) == 4)
    expect("async-lock-across-await" not in checks_of(after), "the open .clang-tidy's text applies")
    server.change(config, 2, [{"text": "Checks: '-async-blocking-call'\n"}])
    after = server.diagnostics(source, lambda d: len(d) == 4)
    expect("async-blocking-call" not in checks_of(after), "and its edits, unsaved")
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri(config)}})
    expect(len(server.diagnostics(source, lambda d: len(d) == 5)) == 5,
           "closed unsaved, the disk's (no .clang-tidy) applies again")
    expect(server.stop() == 0, "clean exit")
    expect(not any(m.get("method") == "textDocument/publishDiagnostics"
                   and m["params"]["uri"] == uri(config) and m["params"]["diagnostics"]
                   for m in server.pending), "the .clang-tidy is not linted")


def scenario_open_headers_are_seen_by_their_includers(s):
    header = s.write("helpers.h", "#pragma once\ninline void pause() {}\n")
    text = FOUR_MISTAKES.replace("#include <mutex>\n", "#include <mutex>\n#include \"helpers.h\"\n")
    text = text.replace("  long sum = 0;\n", "  pause();\n  long sum = 0;\n")
    source = s.write("includer.cpp", text)
    server = s.server()
    server.initialize()
    # The header open with unsaved text that blocks: its includer sees it.
    server.open(header, "#pragma once\n#include <thread>\n#include <chrono>\n"
                "inline void pause() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }\n")
    server.open(source)
    found = server.diagnostics(source, lambda d: len(d) == 5)
    expect("'pause' blocks" in " ".join(d["message"] for d in found),
           "the open header's unsaved text is what the includer sees: %s" % found)
    # The header itself, under compile_flags.txt's C++ flags, is C++ (clang
    # alone would take a .h for C and refuse -std=c++20).
    expect(server.diagnostics(header) == [], "the header is linted as C++, and clean")
    # Edited back in the editor, unsaved: the includer's next run (through
    # its preamble, whose header changed) sees the edit.
    server.change(header, 2, [{"text": "#pragma once\ninline void pause() {}\n"}])
    server.change(source, 2, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}}, "text": "// edit\n"}])
    found = server.diagnostics(source, lambda d: len(d) == 4)
    expect("'pause' blocks" not in " ".join(d["message"] for d in found), "the edited header is seen")
    # A compile error in the open header: shown once, at the top of the
    # includer, naming the header, and as the includer's only diagnostic.
    server.change(header, 3, [{"text": "#pragma once\ninline int pause() { return missing_name; }\n"}])
    server.change(source, 3, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}}, "text": "// edit\n"}])
    found = server.diagnostics(source, lambda d: any(x["severity"] == 1 for x in d))
    errors = [d for d in found if d["severity"] == 1]
    expect(len(errors) == 1 and errors[0]["range"]["start"] == {"line": 0, "character": 0}
           and errors[0]["message"].startswith("in included file '%s': " % header)
           and "missing_name" in errors[0]["message"] and "code" not in errors[0],
           "the header's error at the top of the includer: %s" % found)
    # Fixed, unsaved: the includer's error goes.
    server.change(header, 4, [{"text": "#pragma once\ninline void pause() {}\n"}])
    server.change(source, 4, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}}, "text": "// edit\n"}])
    found = server.diagnostics(source, lambda d: len(d) == 4)
    expect(all(d["severity"] == 2 for d in found), "the header's error is gone: %s" % found)
    with open(header, encoding="utf-8") as disk:
        expect(disk.read() == "#pragma once\ninline void pause() {}\n", "the header on disk is never written")
    expect(server.stop() == 0, "clean exit")


def scenario_positions_are_utf16_code_units(s):
    # é is 2 bytes and 1 UTF-16 code unit, 😀 4 bytes and 2 units; the file's
    # lines end in \r\n.
    text = FOUR_MISTAKES.replace("  fetch(1);\n", "  /* é😀 */ fetch(1);\n").replace("\n", "\r\n")
    source = s.write("utf16.cpp", text)
    server = s.server()
    server.initialize()
    server.open(source)
    diagnostics = server.diagnostics(source, four_checks)
    unawaited = next(d for d in diagnostics if d["code"] == "async-unawaited-task")
    expect(unawaited["range"] == {"start": {"line": 10, "character": 12},
                                  "end": {"line": 10, "character": 17}},
           "the finding at UTF-16 column 12 (byte column 15): %s" % unawaited["range"])
    expect((11, 16, "async-unawaited-task") in s.cli("utf16.cpp"),
           "where the command line says byte column 16 (1-based): %s" % s.cli("utf16.cpp"))
    # An incremental edit at a UTF-16 position: co_await lands before fetch.
    server.change(source, 2, [{"range": {"start": {"line": 10, "character": 12},
                                         "end": {"line": 10, "character": 12}},
                               "text": "co_await "}])
    after = server.diagnostics(source, lambda d: len(d) == 3)
    expect("async-unawaited-task" not in checks_of(after), "the edit awaited the task: %s" % after)
    # The suppression's comment ends as the file's lines do.
    heavy = next(d for d in after if d["code"] == "async-heavy-loop")
    actions = server.call("textDocument/codeAction", {
        "textDocument": {"uri": uri(source)}, "range": heavy["range"],
        "context": {"diagnostics": [heavy]}})
    edit = actions[0]["edit"]["changes"][uri(source)][0]
    expect(edit["newText"] == "  // NOLINTNEXTLINE(async-heavy-loop)\r\n"
           and edit["range"]["start"] == {"line": 15, "character": 0},
           "a CRLF comment above the loop: %s" % edit)
    # Lines that end in a lone \r are lines too, for clang and for LSP.
    old_mac = s.write("cr.cpp", FOUR_MISTAKES.replace("\n", "\r"))
    server.open(old_mac)
    found = server.diagnostics(old_mac, four_checks)
    expect(sorted((d["range"]["start"]["line"], d["code"]) for d in found)
           == [(10, "async-unawaited-task"), (11, "async-blocking-call"),
               (13, "async-lock-across-await"), (15, "async-heavy-loop")],
           "the findings on their lines in a CR-only file: %s" % found)
    expect(server.stop() == 0, "clean exit")


def scenario_the_servers_options_apply_to_every_file(s):
    with open(s.path("compile_flags.txt"), encoding="utf-8") as flag_file:
        mock_flags = flag_file.read().split()
    text = ("#ifdef DROPPED\n#error the removed flag was passed\n#endif\n" + FOUR_MISTAKES
            + "#ifdef EXTRA\nasyncrt::task<int> extra() { fetch(3); co_return 0; }\n#endif\n")
    # -p: a database elsewhere, which compile_flags.txt above the file
    # does not override; its flags define EXTRA and DROPPED.
    os.makedirs(s.path("build"))
    source = s.write("options.cpp", text)
    with open(s.path("build/compile_commands.json"), "w", encoding="utf-8") as database:
        json.dump([{"directory": s.work, "file": source,
                    "arguments": ["clang++", *mock_flags, "-DEXTRA", "-DDROPPED", "-c", source]}], database)
    server = s.server("-p", "build", "--removed-arg=-DDROPPED", "--warnings-as-errors=async-unawaited-task",
                      "--config={CheckOptions: {async-heavy-loop.TripCountThreshold: 1000000000}}")
    server.initialize()
    server.open(source)
    found = server.diagnostics(source)
    expect(checks_of(found) == ["async-blocking-call", "async-lock-across-await",
                                "async-unawaited-task", "async-unawaited-task"],
           "-p's flags (EXTRA), --removed-arg (no DROPPED) and --config (no heavy loop): %s" % found)
    expect(all((d["severity"] == 1) == (d["code"] == "async-unawaited-task") for d in found),
           "--warnings-as-errors makes the unawaited tasks errors: %s" % found)
    expect(server.stop() == 0, "clean exit")
    # `--lsp -- <flags>`: those flags for every file, over compile_flags.txt;
    # --extra-arg and --checks too.
    server = s.server("--checks=-async-lock-across-await", "--extra-arg=-DEXTRA", "--", *mock_flags)
    server.initialize()
    server.open(source)
    found = server.diagnostics(source)
    expect(checks_of(found) == ["async-blocking-call", "async-heavy-loop",
                                "async-unawaited-task", "async-unawaited-task"],
           "the -- flags, --extra-arg and --checks: %s" % found)
    expect(server.stop() == 0, "clean exit")


def scenario_fallback_flags_without_a_database(s):
    # No compilation database anywhere above: the work directory of this
    # scenario lies in the build tree, which has one.
    work = tempfile.mkdtemp(prefix="async-lint-fallback-")
    try:
        source = os.path.join(work, "alone.cpp")
        with open(source, "w", encoding="utf-8") as out:
            out.write("#if __cplusplus >= 202002L && __has_include(<asyncrt/asyncrt.hpp>)\n"
                      "#error C++20 with the bundled runtime\n#endif\n")
        server = Server(s.async_lint, work, ())
        server.initialize()
        server.open(source)
        found = server.diagnostics(source)
        expect([d["message"] for d in found] == ["C++20 with the bundled runtime"],
               "the fallback flags are -std=c++20 and the runtime's headers: %s" % found)
        expect(server.stop() == 0, "clean exit")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def scenario_a_headers_findings_show_where_it_is_open(s):
    header = s.write("dropping.h", "#pragma once\n#include <asyncrt/asyncrt.hpp>\n"
                     "asyncrt::task<int> fetch(int id);\n"
                     "inline asyncrt::task<int> in_header() {\n  fetch(0);\n  co_return 0;\n}\n")
    source = s.write("includes.cpp", "#include \"dropping.h\"\n"
                     "asyncrt::task<int> own() {\n  fetch(1);\n  co_return 0;\n}\n")
    server = s.server()
    server.initialize()
    server.open(source)

    def own_only(found):
        return [(d["range"]["start"]["line"], d["code"]) for d in found] == [(2, "async-unawaited-task")]

    expect(own_only(server.diagnostics(source)), "the includer's own finding only, on open")
    server.change(source, 2, [{"range": {"start": {"line": 5, "character": 0},
                                         "end": {"line": 5, "character": 0}}, "text": "\n"}])
    expect(own_only(server.diagnostics(source)), "and through its preamble")
    server.open(header)
    found = server.diagnostics(header)
    expect([(d["range"]["start"]["line"], d["code"]) for d in found] == [(4, "async-unawaited-task")],
           "the header's finding, in the header, once it is open: %s" % found)
    expect(server.stop() == 0, "clean exit")


def scenario_configuration_problems_are_logged_once(s):
    s.write(".clang-tidy", "CheckOptions:\n  async-heavy-loop.TripCountTreshold: 10\n")
    source = s.write("configured.cpp", FOUR_MISTAKES)
    server = s.server()
    server.initialize()
    server.open(source)
    server.diagnostics(source, four_checks)

    def warnings():
        return [m["params"]["message"] for m in server.pending
                if m.get("method") == "window/logMessage" and m["params"]["type"] == 2]

    misspelled = "unknown check option 'async-heavy-loop.TripCountTreshold'; " \
                 "did you mean 'async-heavy-loop.TripCountThreshold'"
    expect(any(misspelled in w for w in warnings()), "the misspelled option is told: %s" % warnings())
    server.change(source, 2, [{"text": FOUR_MISTAKES + "// edited\n"}])
    server.diagnostics(source, four_checks)
    expect(sum(misspelled in w for w in warnings()) == 1, "once, not again on an edit: %s" % warnings())
    # A .clang-tidy that is not YAML: the file is not linted (its findings
    # stay as they were), and why is told.
    def refused(configuration, problem, where):
        s.write(".clang-tidy", configuration)
        server.notify("workspace/didChangeWatchedFiles", {"changes": [
            {"uri": uri(s.path(".clang-tidy")), "type": 2}]})
        told = server.wait_for(lambda m: m.get("method") == "window/logMessage" and m["params"]["type"] == 2
                               and problem in m["params"]["message"], "the log of " + problem)
        expect(told["params"]["message"].startswith("cannot lint %s: invalid configuration file '%s': %s"
                                                    % (source, s.path(".clang-tidy"), where)),
               "which file, and where: %s" % told["params"]["message"])

    refused("Checks: [\n", "invalid configuration file", "line ")
    # Nor is that told again on an edit: only a change of the file mends it.
    # (The runs' logs read so far are older runs'; the next is this one's.)
    server.pending = [m for m in server.pending if not (
        m.get("method") == "window/logMessage" and m["params"]["type"] == 4)]
    preamble_log(server, source)
    server.change(source, 3, [{"text": FOUR_MISTAKES}])
    preamble_log(server, source)
    expect(not any("cannot lint" in w for w in warnings()), "told once: %s" % warnings())
    s.write(".clang-tidy", "Checks: '-async-heavy-loop'\n")
    server.notify("workspace/didChangeWatchedFiles", {"changes": [
        {"uri": uri(s.path(".clang-tidy")), "type": 2}]})
    after = server.diagnostics(source)
    expect(len(after) == 3 and "async-heavy-loop" not in checks_of(after), "fixed, it applies: %s" % after)
    # A value the check cannot take is refused as the command line refuses
    # it, naming the option, not told as a warning and dropped.
    refused("CheckOptions:\n  async-heavy-loop.TripCountThreshold: -5\n", "invalid value '-5'", "line 2: ")
    expect(server.stop() == 0, "clean exit")


def scenario_newest_edit_wins(s):
    source = s.write("typing.cpp", CLEAN)
    server = s.server()
    server.initialize()
    server.open(source)
    expect(server.diagnostics(source) == [], "clean at first")
    # A burst of edits: a finding appears and goes; only the last text counts.
    for version in range(2, 40):
        text = FOUR_MISTAKES if version % 2 == 0 else CLEAN
        server.change(source, version, [{"text": text}])
    server.change(source, 40, [{"text": FOUR_MISTAKES}])
    expect(len(server.diagnostics(source, four_checks)) == 4, "the last edit's findings")
    # Nothing published after that is stale: the next publication, after a
    # final clean edit, is clean.
    server.change(source, 41, [{"text": CLEAN}])
    expect(server.diagnostics(source, lambda d: not d) == [], "then the clean text's")
    expect(server.stop() == 0, "clean exit")


def scenario_progress_for_the_first_lint(s):
    source = s.write("progress.cpp", FOUR_MISTAKES)
    server = s.server()
    server.initialize(capabilities={"window": {"workDoneProgress": True}})
    server.open(source)
    create = server.wait_for(lambda m: m.get("method") == "window/workDoneProgress/create",
                             "the progress token's creation")
    token = create["params"]["token"]
    server.send({"id": create["id"], "result": None})
    begin = server.wait_for(lambda m: m.get("method") == "$/progress", "progress begin")
    expect(begin["params"]["token"] == token and begin["params"]["value"]["kind"] == "begin",
           "begin with the created token: %s" % begin)
    end = server.wait_for(lambda m: m.get("method") == "$/progress", "progress end")
    expect(end["params"]["value"]["kind"] == "end", "then end")
    server.diagnostics(source, four_checks)
    expect(server.stop() == 0, "clean exit")


def preamble_log(server, path):
    """What the run of path did with its preamble, from the server's log."""
    message = server.wait_for(
        lambda m: m.get("method") == "window/logMessage" and m["params"]["type"] == 4
        and m["params"]["message"].startswith("linted %s:" % path), "the run's log")
    return message["params"]["message"].split(": ", 1)[1]


def scenario_edits_reuse_the_preamble_until_it_changes(s):
    s.write("helpers.h", "#pragma once\ninline void pause() {}\n")
    text = FOUR_MISTAKES.replace("#include <mutex>\n", "#include <mutex>\n#include \"helpers.h\"\n")
    text = text.replace("  long sum = 0;\n", "  pause();\n  long sum = 0;\n")
    source = s.write("preamble.cpp", text)
    server = s.server()
    server.initialize()
    server.open(source)
    first = server.diagnostics(source, four_checks)
    expect(preamble_log(server, source).startswith("whole file parsed; preamble of"),
           "the first run parses everything, then builds the preamble")
    # An edit below the #include lines: the preamble is reused, same findings.
    server.change(source, 2, [{"range": {"start": {"line": 10, "character": 0},
                                         "end": {"line": 10, "character": 0}},
                               "text": "// a comment\n"}])
    second = server.diagnostics(source, four_checks)
    expect(preamble_log(server, source).startswith("preamble of"), "the preamble is reused")
    expect([d["message"] for d in second] == [d["message"] for d in first],
           "the same findings through the preamble")
    expect([d["range"]["start"]["line"] for d in second]
           == [d["range"]["start"]["line"] + 1 for d in first], "one line further down")
    # A header in the preamble changes on disk: the preamble no longer fits,
    # and the helper's new blocking call is found.
    s.write("helpers.h", "#pragma once\n#include <thread>\n#include <chrono>\n"
            "inline void pause() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }\n")
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri(s.path("helpers.h"))}})
    third = server.diagnostics(source, lambda d: len(d) == 5)
    expect("'pause' blocks" in " ".join(d["message"] for d in third), "the header's change is seen")
    expect(preamble_log(server, source).startswith("whole file parsed; preamble of"),
           "a changed header means a new preamble")
    # An edit of the #include lines themselves: a new preamble again.
    server.change(source, 3, [{"range": {"start": {"line": 0, "character": 0},
                                         "end": {"line": 0, "character": 0}},
                               "text": "#include <vector>\n"}])
    server.diagnostics(source, lambda d: len(d) == 5)
    expect(preamble_log(server, source).startswith("whole file parsed; preamble of"),
           "an edited prefix means a new preamble")
    server.change(source, 4, [{"text": "#include <vector>\n" + text.replace("  fetch(1);\n", "")}])
    after = server.diagnostics(source, lambda d: len(d) == 4)
    expect("async-unawaited-task" not in checks_of(after), "the new text's findings")
    expect(preamble_log(server, source).startswith("preamble of"), "and that one is reused")
    expect(server.stop() == 0, "clean exit")


def scenario_bad_messages_get_errors_not_crashes(s):
    server = s.server()
    # Before initialize, a request is refused.
    early = server.response(server.request("textDocument/codeAction", {}))
    expect(early["error"]["code"] == -32002, "ServerNotInitialized: %s" % early)
    server.initialize()
    # A body that is not JSON.
    server.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    error = server.wait_for(lambda m: "error" in m, "the parse error")
    expect(error["error"]["code"] == -32700 and error["id"] is None, "ParseError: %s" % error)
    # A header without a length.
    server.send_raw(b"Content-Length: lots\r\n\r\n")
    error = server.wait_for(lambda m: "error" in m, "the header error")
    expect(error["error"]["code"] == -32700, "a bad header is a ParseError: %s" % error)
    # JSON that is not a message.
    server.send_raw(b"Content-Length: 7\r\n\r\n[1,2,3]")
    error = server.wait_for(lambda m: "error" in m, "the invalid request")
    expect(error["error"]["code"] == -32600, "InvalidRequest: %s" % error)
    unknown = server.response(server.request("textDocument/hover", {}))
    expect(unknown["error"]["code"] == -32601, "MethodNotFound: %s" % unknown)
    bad = server.response(server.request("textDocument/codeAction", {"range": 3}))
    expect(bad["error"]["code"] == -32602, "InvalidParams: %s" % bad)
    # Notifications about documents that are not open, or malformed, are
    # logged and ignored.
    server.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nowhere.cpp"},
                                             "contentChanges": [{"text": ""}]})
    server.notify("textDocument/didOpen", {"textDocument": {"uri": "http://x/y.cpp", "text": ""}})
    server.notify("$/cancelRequest", {"id": 99})
    # Still serving.
    source = s.write("after.cpp", FOUR_MISTAKES)
    server.open(source)
    expect(len(server.diagnostics(source, four_checks)) == 4, "still linting")
    expect(server.stop() == 0, "clean exit")
    expect(any("not open" in line for line in server.stderr), "the ignored change is logged")
    expect(any(m.get("method") == "window/logMessage" and m["params"]["type"] == 2
               and "not open" in m["params"]["message"] for m in server.pending),
           "and told to the client as a warning")


def scenario_exit_without_shutdown_is_status_1(s):
    server = s.server()
    server.initialize()
    server.notify("exit")
    expect(server.process.wait(timeout=60) == 1, "exit without shutdown: status 1")
    server = s.server()
    server.initialize()
    server.process.stdin.close()
    expect(server.process.wait(timeout=60) == 1, "end of input without exit: status 1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--async-lint", required=True)
    parser.add_argument("--mock", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("scenarios", nargs="+")
    arguments = parser.parse_args()
    failed = 0
    for name in arguments.scenarios:
        try:
            globals()["scenario_" + name](Scenario(arguments, name))
            print("PASS: " + name)
        except Failure as failure:
            failed += 1
            print("FAIL: %s: %s" % (name, failure))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
