#!/usr/bin/env python3
"""Runs lit test files through all front ends and requires identical findings.

Every lint run on a RUN line of the given test files (or of every *.cpp under
the given directories) is run three times: through the async-lint driver,
through clang-tidy with the plugin loaded, and through the language server
(`async-lint --lsp`, the files opened as an editor opens them). A lint run is
an `%async-lint` invocation, or a `%clang-tidy` one that loads the plugin.
The driver and the plugin must report the same async-* warnings with the same
notes and, under --fix, leave the same fixed file; the server must publish
the driver's findings in the files it opened (it reports a file's own
findings only, and applies fixes only as a user's quick fixes, so runs with
--fix are not replayed through it). The RUN lines that prepare inputs (cp, echo >
file, ...) run too, in their order, in a scratch directory standing for %t.

Options are spelled the same in both front ends, except how checks are
chosen: async-lint starts from `async-*`, so the plugin run gets
`--checks=-*,async-*` followed by the run's own --checks, if any.
"""

import argparse
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "lsp", "Inputs"))
from lsp_client import Failure as LspFailure, Server as LspServer  # noqa: E402

DIAGNOSTIC = re.compile(
    r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<severity>warning|error|note): (?P<message>.*)$")
ASYNC_CHECK = re.compile(r"\[async-[^\]]*\]$")
# Printed by clang-tidy under each finding it fixed: a report of what --fix
# did, not a finding.
FIX_APPLIED_NOTE = "FIX-IT applied suggested code changes"
# Where a command stops: a pipe, a list operator or a redirection.
COMMAND_END = re.compile(r"^(\||\|\||&&|;|\d*>|<)")
# RUN lines that only prepare inputs; other commands (FileCheck, the
# compiler) check outputs and are not needed here.
SETUP_COMMANDS = {"cp", "echo", "printf", "mkdir", "rm", "touch", "sed", "cat", "ln"}
# Options that make a run print something other than findings.
NOT_LINTING = {"--dump-config", "-dump-config", "--list-checks", "-list-checks",
               "--explain-config", "-explain-config", "--verify-config",
               "-verify-config", "--help", "-help", "--version", "-version"}
FIX_OPTIONS = {"--fix", "-fix", "--fix-errors", "-fix-errors"}
# Options whose value may be the next argument.
TAKES_VALUE = {"-p", "--load", "-load"}
# Options of a lint run that the language server takes too; a run with any
# other option (an output format, exported fixes...) is not replayed there.
SERVER_OPTIONS = {"-p", "--p", "--checks", "-checks", "--config-file",
                  "-config-file", "--warnings-as-errors", "-warnings-as-errors",
                  "--extra-arg", "-extra-arg", "--extra-arg-before",
                  "-extra-arg-before", "--no-cache", "-no-cache", "--config",
                  "-config", "--removed-arg", "-removed-arg"}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--async-lint", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--fallback-flags", required=True,
                        help="the flags async-lint uses without -- or -p")
    parser.add_argument("--subst", action="append", default=[],
                        metavar="NAME=VALUE",
                        help="a lit substitution %%NAME used on RUN lines")
    parser.add_argument("paths", nargs="+")
    arguments = parser.parse_args()
    for tool in ("async_lint", "clang_tidy", "plugin"):
        setattr(arguments, tool, os.path.abspath(getattr(arguments, tool)))
    return arguments


def discover_test_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files.extend(os.path.join(path, name)
                         for name in sorted(os.listdir(path))
                         if name.endswith(".cpp"))
        else:
            files.append(path)
    return files


def run_lines(test_file):
    """The RUN commands of a lit test, continuation lines joined."""
    commands, pending = [], ""
    with open(test_file, encoding="utf-8") as source:
        for line in source:
            match = re.search(r"\bRUN:(.*)$", line)
            if not match:
                continue
            text = match.group(1).strip()
            if text.endswith("\\"):
                pending += text[:-1] + " "
                continue
            commands.append(pending + text)
            pending = ""
    return commands


def substitute(text, substitutions):
    # Longest names first: %s must not eat the start of %srcroot.
    for name in sorted(substitutions, key=len, reverse=True):
        text = text.replace(name, substitutions[name])
    return text


def tool_arguments(command, tool):
    """The argument lists given to `tool` in one RUN command."""
    tokens = shlex.split(command)
    invocations = []
    for index, token in enumerate(tokens):
        if token != tool:
            continue
        arguments = []
        for argument in tokens[index + 1:]:
            if COMMAND_END.match(argument):
                break
            arguments.append(argument)
        invocations.append(arguments)
    return invocations


class Invocation:
    """One lint run, split as both front ends read it."""

    def __init__(self, arguments):
        self.options, self.files, self.flags = [], [], None
        self.loads_plugin = False
        skip_value = False
        for position, argument in enumerate(arguments):
            if skip_value:
                skip_value = False
                if self.options and self.options[-1] == "-p":
                    self.options.append(argument)
                continue
            name = argument.partition("=")[0]
            if argument == "--":
                self.flags = arguments[position + 1:]
                break
            if name in ("--load", "-load"):
                self.loads_plugin = True
                skip_value = "=" not in argument
            elif argument.startswith("-"):
                self.options.append(argument)
                skip_value = argument in TAKES_VALUE
            else:
                self.files.append(argument)

    @property
    def lints(self):
        return bool(self.files) and not any(
            option.partition("=")[0] in NOT_LINTING for option in self.options)

    @property
    def fixes(self):
        return any(option in FIX_OPTIONS for option in self.options)

    def uses_compilation_database(self):
        return any(option.partition("=")[0] in ("-p", "--p")
                   for option in self.options)

    def driver_command(self, driver, files):
        command = [driver] + self.options + files
        if self.flags is not None:
            command += ["--"] + self.flags
        return command

    def server_arguments(self):
        """The server's command line for this run, or None when the run uses
        an option the server does not take."""
        arguments, options = [], iter(self.options)
        for option in options:
            if option.partition("=")[0] not in SERVER_OPTIONS:
                return None
            arguments.append(option)
            if option == "-p":
                arguments.append(next(options))
        if self.flags is not None:
            arguments += ["--"] + self.flags
        return arguments

    def plugin_command(self, clang_tidy, plugin, files, fallback_flags):
        checks = "-*,async-*"
        options = []
        for option in self.options:
            name, _, value = option.partition("=")
            if name in ("-checks", "--checks"):
                checks += "," + value
            else:
                options.append(option)
        command = ([clang_tidy, "--load=" + plugin, "--checks=" + checks]
                   + options + files)
        if self.flags is not None:
            command += ["--"] + self.flags
        elif not self.uses_compilation_database():
            command += ["--"] + fallback_flags
        return command


def findings(output, root):
    """Each async-* finding with its notes, paths made absolute, sorted.

    The second element tells whether the output has a compiler error."""
    groups, compile_error, in_async_group = [], False, False
    for line in output.splitlines():
        match = DIAGNOSTIC.match(line)
        if not match or match.group("message") == FIX_APPLIED_NOTE:
            continue
        path = os.path.normpath(os.path.join(root, match.group("file")))
        text = "%s:%s:%s: %s: %s" % (path, match.group("line"), match.group("col"),
                                     match.group("severity"), match.group("message"))
        if match.group("severity") == "note":
            if in_async_group:
                groups[-1].append(text)
            continue
        in_async_group = bool(ASYNC_CHECK.search(text))
        if in_async_group:
            groups.append([text])
        elif match.group("severity") == "error":
            compile_error = True
    return sorted(groups), compile_error


def run(command, cwd):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


class Comparison:
    def __init__(self, arguments):
        self.arguments = arguments
        self.failures = 0
        self.compared = 0
        self.served = 0
        self.substitutions = {"%" + name: value for name, _, value in
                              (item.partition("=") for item in arguments.subst)}

    def fail(self, where, message, *details):
        self.failures += 1
        print("FAIL %s: %s" % (where, message))
        for detail in details:
            print(detail.rstrip())

    def compare_file(self, test_file):
        test_file = os.path.abspath(test_file)
        with tempfile.TemporaryDirectory() as scratch:
            substitutions = dict(self.substitutions)
            substitutions.update({
                "%s": test_file, "%S": os.path.dirname(test_file),
                "%t": os.path.join(scratch, "t"), "%T": scratch})
            for command in run_lines(test_file):
                self.run_line(command, test_file, scratch, substitutions)

    def run_line(self, command, test_file, scratch, substitutions):
        where = "%s: RUN: %s" % (os.path.basename(test_file), command)
        tokens = shlex.split(command)
        if tokens and tokens[0] in SETUP_COMMANDS:
            code, stdout, stderr = run(["sh", "-c", substitute(command, substitutions)],
                                       scratch)
            if code != 0:
                self.fail(where, "the setup command failed", stdout, stderr)
            return
        runs = ([Invocation(arguments) for arguments in
                 tool_arguments(command, "%async-lint")]
                + [invocation for invocation in
                   (Invocation(arguments) for arguments in
                    tool_arguments(command, "%clang-tidy"))
                   if invocation.loads_plugin])
        for invocation in runs:
            invocation.options = [substitute(option, substitutions)
                                  for option in invocation.options]
            invocation.files = [substitute(name, substitutions)
                                for name in invocation.files]
            if invocation.flags is not None:
                invocation.flags = shlex.split(
                    substitute(" ".join(invocation.flags), substitutions))
            if invocation.lints:
                self.compare_invocation(invocation, test_file, scratch, where)

    def compare_invocation(self, invocation, test_file, scratch, where):
        self.compared += 1
        results, fixed = {}, {}
        for front_end in ("async-lint", "plugin"):
            files = invocation.files
            if invocation.fixes:
                # Each front end fixes its own copy of the test file, under
                # the same name so that the diagnostics' paths agree.
                copy = os.path.join(scratch, front_end, "fixed",
                                    os.path.basename(test_file))
                os.makedirs(os.path.dirname(copy), exist_ok=True)
                shutil.copyfile(test_file, copy)
                files = [copy]
            if front_end == "async-lint":
                command = invocation.driver_command(self.arguments.async_lint, files)
            else:
                command = invocation.plugin_command(
                    self.arguments.clang_tidy, self.arguments.plugin, files,
                    shlex.split(self.arguments.fallback_flags))
            code, stdout, stderr = run(command, scratch)
            if invocation.fixes:
                with open(files[0], encoding="utf-8") as fixed_file:
                    fixed[front_end] = fixed_file.read()
                stdout = stdout.replace(os.path.join(scratch, front_end), "<copy>")
            results[front_end] = (command, code, stdout, stderr)
        self.check_agreement(results, fixed, scratch, where)
        if not invocation.fixes:
            self.check_server(invocation, results["async-lint"], scratch, where)

    def check_server(self, invocation, driver_result, scratch, where):
        """The server, given the run's options, publishes for each file the
        driver's findings in that file."""
        arguments = invocation.server_arguments()
        command, code, stdout, _ = driver_result
        if arguments is None or code not in (0, 1):
            return
        files = [os.path.normpath(os.path.join(scratch, name)) for name in invocation.files]
        expected = [group for group in findings(stdout, scratch)[0]
                    if group[0].split(":")[0] in files]
        self.served += 1
        server = LspServer(self.arguments.async_lint, scratch, arguments)
        # Each file is linted twice: when opened (the whole file parsed), and
        # after an edit that changes nothing (through the preamble built
        # after the first run).
        published = {"opened": [], "edited": []}
        try:
            server.initialize()
            for path in files:
                with open(path, encoding="utf-8", errors="surrogateescape") as source:
                    text = source.read()
                server.open(path, text)
                for run in ("opened", "edited"):
                    if run == "edited":
                        server.change(path, 2, [{"text": text}])
                    for diagnostic in server.diagnostics(path):
                        if diagnostic.get("code", "").startswith("async-"):
                            published[run].append(server_finding(path, diagnostic, text))
            server.stop()
        except LspFailure as failure:
            self.fail(where, "the language server failed: %s" % failure,
                      "async-lint " + " ".join(["--lsp"] + arguments),
                      "".join(server.stderr))
            server.process.kill()
            return
        for run, found in published.items():
            if sorted(found) != expected:
                self.fail(where, "the language server (file %s) and the command line "
                          "disagree" % run,
                          "server: async-lint --lsp " + " ".join(arguments),
                          *describe_difference(expected, sorted(found),
                                               ("async-lint", "the server")))

    def check_agreement(self, results, fixed, scratch, where):
        found = {}
        for front_end, (command, code, stdout, stderr) in results.items():
            # 0 and 1 are both front ends' answers (1: findings, or findings
            # promoted to errors); anything else means a file left unlinted.
            if code not in (0, 1):
                self.fail(where, "%s could not lint the file (exit status %d)"
                          % (front_end, code), " ".join(command), stdout, stderr)
                return
            groups, compile_error = findings(stdout, scratch)
            if compile_error:
                self.fail(where, "the file does not compile under " + front_end,
                          " ".join(command), stdout, stderr)
                return
            found[front_end] = groups
        if found["async-lint"] != found["plugin"]:
            self.fail(where, "the front ends disagree",
                      "async-lint: " + " ".join(results["async-lint"][0]),
                      "plugin:     " + " ".join(results["plugin"][0]),
                      *describe_difference(found["async-lint"], found["plugin"]))
        if fixed and fixed["async-lint"] != fixed["plugin"]:
            self.fail(where, "the front ends fix the file differently",
                      *difflib.unified_diff(
                          fixed["async-lint"].splitlines(), fixed["plugin"].splitlines(),
                          "fixed by async-lint", "fixed by the plugin", lineterm=""))


def server_finding(path, diagnostic, text):
    """A published diagnostic in the command line's words (its columns are
    bytes, LSP's UTF-16 units: equal on the ASCII test files)."""
    severity = "error" if diagnostic["severity"] == 1 else "warning"
    start = diagnostic["range"]["start"]
    group = ["%s:%d:%d: %s: %s [%s]" % (path, start["line"] + 1, start["character"] + 1,
                                       severity, diagnostic["message"], diagnostic["code"])]
    for related in diagnostic.get("relatedInformation", []):
        where = related["location"]
        note_path = where["uri"][len("file://"):]
        note_start = where["range"]["start"]
        group.append("%s:%d:%d: note: %s" % (note_path, note_start["line"] + 1,
                                             note_start["character"] + 1, related["message"]))
    return group


def describe_difference(driver_findings, plugin_findings,
                        names=("async-lint", "the plugin")):
    lines = []
    for group in driver_findings:
        if group not in plugin_findings:
            lines.append("only %s: " % names[0] + "\n    ".join(group))
    for group in plugin_findings:
        if group not in driver_findings:
            lines.append("only %s: " % names[1] + "\n    ".join(group))
    return lines


def main():
    arguments = parse_arguments()
    comparison = Comparison(arguments)
    test_files = discover_test_files(arguments.paths)
    for test_file in test_files:
        comparison.compare_file(test_file)
    print("compared %d lint runs in %d files (%d also through the language server): "
          "%d failures" % (comparison.compared, len(test_files), comparison.served,
                           comparison.failures))
    return 1 if comparison.failures or not comparison.compared else 0


if __name__ == "__main__":
    sys.exit(main())
