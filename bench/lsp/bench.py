#!/usr/bin/env python3
"""Measures the language server against a cold command-line lint.

  python3 bench/lsp/bench.py [--async-lint build/bin/async-lint] [--reps 5]
                             [--edits 1000] [--database-entries N] [--doc]

On a generated coroutine file of about 500 lines that includes
<asyncrt/asyncrt.hpp> and the usual standard headers (bench/lint's
generator), with its flags in a compile_flags.txt (or, with
--database-entries, in a project's compile_commands.json of that many
entries), in one run, interleaved:

- cold: `async-lint --no-cache file.cpp`, the whole process;
- first open: didOpen until publishDiagnostics, on a fresh server;
- edit: a one-line edit in the middle of the file until publishDiagnostics,
  once the server has built the file's preamble.

Each repetition's first-open and edit times are divided by the same
repetition's cold time and the medians of those ratios are reported (the
machine is shared: ratios within one repetition hold where absolute times
drift). Then --edits one-line edits are sent to one server, waiting for each
one's diagnostics, and its resident memory is read after 10% of them and at
the end (VmRSS), with the peak (VmHWM). With --doc the table replaces the
"The language server" section's table in docs/performance.md.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "test", "lsp", "Inputs"))
from lsp_client import Server  # noqa: E402

BEGIN_MARK = "<!-- bench/lsp/bench.py: begin -->"
END_MARK = "<!-- bench/lsp/bench.py: end -->"


def generate(directory, coroutines, database_entries=0):
    source = os.path.join(directory, "server_bench.cpp")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "lint", "gen_coro_tu.py"),
                    "--coroutines", str(coroutines), "-o", source], check=True)
    flags = ["-std=c++20", "-I%s" % os.path.join(ROOT, "lib", "asyncrt", "include")]
    if database_entries:
        # A project's compile_commands.json: the file among many others.
        names = [source] + [os.path.join(directory, "src", "unit%d.cpp" % n)
                            for n in range(1, database_entries)]
        with open(os.path.join(directory, "compile_commands.json"), "w") as database:
            json.dump([{"directory": directory, "file": name,
                        "arguments": ["clang++", *flags, "-c", name]} for name in names], database)
    else:
        with open(os.path.join(directory, "compile_flags.txt"), "w") as flag_file:
            flag_file.write("\n".join(flags) + "\n")
    with open(source) as text:
        return source, text.read()


def cold_lint(async_lint, source):
    start = time.perf_counter()
    subprocess.run([async_lint, "--no-cache", source], cwd=os.path.dirname(source),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def wait_for_run_log(server, source):
    return server.wait_for(
        lambda m: m.get("method") == "window/logMessage"
        and m["params"]["message"].startswith("linted %s:" % source),
        "the run's log")["params"]["message"]


class Session:
    """One server with the file open and its preamble built."""

    def __init__(self, async_lint, source, text):
        self.server = Server(async_lint, os.path.dirname(source))
        self.server.initialize()
        self.source, self.text, self.version = source, text, 1
        start = time.perf_counter()
        self.server.open(source, text)
        self.server.diagnostics(source)
        self.first_open = time.perf_counter() - start
        wait_for_run_log(self.server, source)
        self.middle = text.count("\n") // 2

    def edit(self):
        """A one-line edit in the middle of the file (a comment line added or
        removed in turn), until its diagnostics arrive."""
        self.version += 1
        line = {"line": self.middle, "character": 0}
        if self.version % 2 == 0:
            change = {"range": {"start": line, "end": line}, "text": "// edited\n"}
        else:
            change = {"range": {"start": line, "end": {"line": self.middle + 1, "character": 0}},
                      "text": ""}
        start = time.perf_counter()
        self.server.change(self.source, self.version, [change])
        self.server.diagnostics(self.source)
        elapsed = time.perf_counter() - start
        log = wait_for_run_log(self.server, self.source)
        return elapsed, log

    def memory(self):
        with open("/proc/%d/status" % self.server.process.pid) as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return (int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024)

    def close(self):
        self.server.stop()


def measure(arguments, source, text):
    rows = []
    for rep in range(arguments.reps):
        cold = cold_lint(arguments.async_lint, source)
        session = Session(arguments.async_lint, source, text)
        edits = [session.edit() for _ in range(3)]
        session.close()
        reused = all(log.split(": ", 1)[1].startswith("preamble of") for _, log in edits)
        edit = statistics.median(elapsed for elapsed, _ in edits)
        rows.append((cold, session.first_open, edit, reused))
        print("rep %d: cold %.3f s, first open %.3f s, edit %.3f s (preamble reused: %s)"
              % (rep + 1, cold, session.first_open, edit, reused), file=sys.stderr)
    return rows


def memory_over_edits(arguments, source, text):
    session = Session(arguments.async_lint, source, text)
    early = None
    for index in range(arguments.edits):
        session.edit()
        if index + 1 == max(1, arguments.edits // 10):
            early = session.memory()
    late = session.memory()
    session.close()
    return early, late


def table(arguments, lines, rows, early, late):
    cold = statistics.median(r[0] for r in rows)
    first = statistics.median(r[1] / r[0] for r in rows)
    edit = statistics.median(r[2] / r[0] for r in rows)
    reused = sum(r[3] for r in rows)
    out = []
    out.append("Measured %s on %s (%d cores), `python3 bench/lsp/bench.py --reps %d --edits %d%s`, "
               "a %d-line file (bench/lint/gen_coro_tu.py) including `<asyncrt/asyncrt.hpp>` "
               "and standard headers%s; medians of per-repetition ratios."
               % (datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), platform.node() or "this machine",
                  os.cpu_count(), arguments.reps, arguments.edits,
                  " --database-entries %d" % arguments.database_entries if arguments.database_entries else "",
                  lines,
                  ", its flags in a compile_commands.json of %d entries" % arguments.database_entries
                  if arguments.database_entries else ""))
    out.append("")
    out.append("| measure | value | target |")
    out.append("|---|---|---|")
    out.append("| cold lint (`async-lint --no-cache`), median | %.2f s | |" % cold)
    out.append("| first open to diagnostics / cold lint | %.2fx | no slower (1.0x) |" % first)
    out.append("| one-line edit to diagnostics / cold lint | %.2fx | at most 0.2x |" % edit)
    out.append("| edits that reused the preamble | %d of %d repetitions | all |" % (reused, len(rows)))
    out.append("| resident memory after %d / %d edits | %d MiB / %d MiB | flat |"
               % (max(1, arguments.edits // 10), arguments.edits, early[0], late[0]))
    out.append("| peak resident memory over %d edits | %d MiB | |" % (arguments.edits, late[1]))
    return "\n".join(out)


def update_doc(text):
    path = os.path.join(ROOT, "docs", "performance.md")
    with open(path) as doc:
        content = doc.read()
    pattern = re.compile(re.escape(BEGIN_MARK) + ".*?" + re.escape(END_MARK), re.S)
    replacement = BEGIN_MARK + "\n" + text + "\n" + END_MARK
    if not pattern.search(content):
        sys.exit("docs/performance.md has no %s ... %s section" % (BEGIN_MARK, END_MARK))
    with open(path, "w") as doc:
        doc.write(pattern.sub(lambda _: replacement, content))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--async-lint", default=os.path.join(ROOT, "build", "bin", "async-lint"))
    parser.add_argument("--reps", type=int, default=5, help="interleaved repetitions (default 5)")
    parser.add_argument("--edits", type=int, default=1000, help="edits for the memory measure (default 1000)")
    parser.add_argument("--coroutines", type=int, default=50,
                        help="size of the generated file (default 50: about 500 lines)")
    parser.add_argument("--database-entries", type=int, default=0,
                        help="flags from a compile_commands.json of this many entries "
                        "(default 0: a compile_flags.txt)")
    parser.add_argument("--doc", action="store_true", help="write the table into docs/performance.md")
    arguments = parser.parse_args()
    arguments.async_lint = os.path.abspath(arguments.async_lint)
    with tempfile.TemporaryDirectory() as directory:
        source, text = generate(directory, arguments.coroutines, arguments.database_entries)
        rows = measure(arguments, source, text)
        early, late = memory_over_edits(arguments, source, text)
    result = table(arguments, text.count("\n"), rows, early, late)
    print(result)
    if arguments.doc:
        update_doc(result)


if __name__ == "__main__":
    main()
