"""documented_commands.py SOURCE_DIR BUILD_DIR: runs every command a user can
copy from README.md and docs/**/*.md, so that a doc that drifts from the
tool fails the suite. The convention (docs/README.md):

- A fenced block whose info string is `sh` is run, line by line (a line
  ending in a backslash continues), with bash, in a small user project
  (test/install/Inputs/docs-project: src/fetch.cpp, src/cache.cpp,
  src/net/socket.cpp, file.cpp, configured in build/ with
  compile_commands.json, a git repository), with this build installed on
  PATH. In the
  project, build/bin/async-lint, build/lib/AsyncLintPlugin.so and
  lib/asyncrt/include are this build's, as in a checkout. The blocks run
  one after the other in the same project, in the order of the documents.
- Placeholders are replaced: /path/to/AsyncLintPlugin.so and
  /path/to/async-lint (the installed files), /path/to/checkout (this
  source tree).
- A command passes with exit status 0; async-lint, pre-commit and
  run-clang-tidy-22 (running async-lint), which say 1 for findings, also
  with 1 when they printed findings (or sent them to a file).
- A `console` block is a transcript: each `$ ` line is run as above, and
  what it prints (standard output and error) must be the lines under it,
  exactly; `$ echo $?` prints the status of the command before.
- `sh no-run: <why>` marks a block shown but not run here; the reason must
  say why (it installs into the system, it is the suite itself, ...).
- A `yaml` block is checked for what it is: a pre-commit configuration
  (it has `repo:`) with `pre-commit validate-config`, a .clang-tidy (it has
  `Checks:` or `CheckOptions:`) with `async-lint --verify-config`; a
  .clang-tidy then stays in the project for the commands after it, as the
  documents mean it.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

source, build = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2]).resolve()
FINDINGS_ARE_NOT_FAILURES = ("async-lint", "pre-commit", "run-clang-tidy-22")


def documents():
    yield source / "README.md"
    yield from sorted((source / "docs").rglob("*.md"))


def blocks(path):
    text = path.read_text()
    for match in re.finditer(r"^```([^\n]*)\n(.*?)^```", text, re.M | re.S):
        line = text.count("\n", 0, match.start()) + 1
        yield line, match.group(1).strip(), match.group(2)


def commands(body):
    joined = re.sub(r"\\\n\s*", " ", body)
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def run(command, cwd, env):
    return subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def allowed(command, result):
    """Status 0; or 1 from a tool that says 1 for findings, with findings
    printed in clang's format."""
    program = os.path.basename(command.split()[0])
    findings = " > " in command or re.search(r"^\S+:\d+:\d+: (warning|error): .*\[",
                                             result.stdout, re.M)
    return result.returncode == 0 or (
        result.returncode == 1 and program in FINDINGS_ARE_NOT_FAILURES and findings)


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="async-lint-docs."))
    prefix = work / "prefix"
    subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)],
                   check=True, capture_output=True)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(prefix / "bin"), "/usr/lib/llvm-22/bin", env["PATH"]])
    env.update(HOME=str(work / "home"), PRE_COMMIT_HOME=str(work / "pre-commit-home"),
               ASYNC_LINT_CACHE_DIR=str(work / "cache"), CMAKE_PREFIX_PATH=str(prefix),
               CMAKE_GENERATOR="Ninja", GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="docs", GIT_AUTHOR_EMAIL="docs@example.invalid",
               GIT_COMMITTER_NAME="docs", GIT_COMMITTER_EMAIL="docs@example.invalid")
    (work / "home").mkdir()
    placeholders = {
        "/path/to/AsyncLintPlugin.so": str(prefix / "lib" / "AsyncLintPlugin.so"),
        "/path/to/async-lint": str(prefix / "bin" / "async-lint"),
        "/path/to/checkout": str(source),
    }

    project = work / "project"
    shutil.copytree(source / "test/install/Inputs/docs-project", project)
    setup = subprocess.run(["cmake", "-S", ".", "-B", "build", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"],
                           cwd=project, env=env, capture_output=True, text=True)
    if setup.returncode != 0:
        sys.exit("documented_commands.py: the project does not configure:\n" + setup.stderr)
    (project / "build" / "bin").mkdir()
    (project / "build" / "bin" / "async-lint").symlink_to(build / "bin" / "async-lint")
    (project / "build" / "lib").mkdir()
    (project / "build" / "lib" / "AsyncLintPlugin.so").symlink_to(build / "lib" / "AsyncLintPlugin.so")
    (project / "lib" / "asyncrt").mkdir(parents=True)
    (project / "lib" / "asyncrt" / "include").symlink_to(source / "lib" / "asyncrt" / "include")
    for git in (["init", "-q"], ["add", "src", "file.cpp", "CMakeLists.txt"], ["commit", "-q", "-m", "project"]):
        subprocess.run(["git", *git], cwd=project, env=env, check=True)

    failures, ran, shown = [], 0, 0
    for document in documents():
        name = document.relative_to(source)
        for line, info, body in blocks(document):
            where = f"{name}:{line}"
            language = info.split()[0] if info else ""
            if language == "sh" and info != "sh":
                if not re.fullmatch(r"sh no-run: .{10,}", info):
                    failures.append(f"{where}: a block not run says why: ```sh no-run: <why>")
                shown += 1
                continue
            if language == "console":
                failures += check_transcript(where, body, project, env, placeholders)
                ran += 1
                continue
            if language == "yaml":
                failures += check_yaml(where, body, project, env)
                continue
            if language != "sh":
                continue
            for command in commands(body):
                for placeholder, real in placeholders.items():
                    command = command.replace(placeholder, real)
                result = run(command, project, env)
                ran += 1
                if not allowed(command, result):
                    failures.append(f"{where}: `{command}` exited {result.returncode}:\n"
                                    f"{result.stdout[-2000:]}{result.stderr[-2000:]}")
    for failure in failures:
        print("FAILED:", failure)
    print(f"{ran} documented commands run, {shown} blocks shown only, {len(failures)} failures")
    if failures:
        sys.exit(1)
    shutil.rmtree(work)


def check_transcript(where, body, project, env, placeholders):
    failures, status = [], 0
    for step in re.split(r"^\$ ", body, flags=re.M)[1:]:
        command, _, shown = step.partition("\n")
        if command == "echo $?":
            printed = f"{status}\n"
        else:
            for placeholder, real in placeholders.items():
                command = command.replace(placeholder, real)
            result = subprocess.run(["bash", "-c", command], cwd=project, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True, timeout=600)
            status, printed = result.returncode, result.stdout
        if printed != shown:
            failures.append(f"{where}: `$ {command}` printed:\n{printed}instead of:\n{shown}")
    return failures


def check_yaml(where, body, project, env):
    if re.search(r"^\s*-?\s*repo:", body, re.M):
        config = project.parent / "pre-commit-config.yaml"
        command = ["pre-commit", "validate-config", str(config)]
    elif re.search(r"^(Checks|CheckOptions):", body, re.M):
        config = project / ".clang-tidy"
        command = ["async-lint", "--verify-config", f"--config-file={config}"]
    else:
        return []
    config.write_text(body)
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0 or "warning:" in result.stderr:
        return [f"{where}: {' '.join(command[:2])} rejects the block:\n{result.stdout}{result.stderr}"]
    return []


main()
