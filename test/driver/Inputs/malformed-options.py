"""malformed-options.py ASYNC_LINT FILE -- FLAGS...: gives each option that
`ASYNC_LINT --help-list` lists the mistakes a command line can make with it,
on FILE (which must lint clean with FLAGS), and checks that each gets one
line on standard error, "async-lint: error: ...", and exit status 2:

  - an option that takes a value, last and without one (`... -p`);
  - the same with an empty value (`-p=`), but for the options whose empty
    value means "none", as clang-tidy's do: those must lint as usual;
  - a switch with a value that is not a boolean (`--fix=maybe`).

Prints each mistake that is not so treated, and a count. Run by lit
(test/driver/malformed-options.test); a new option is covered as it is
added to --help."""
import re
import subprocess
import sys

EMPTY_MEANS_NONE = {"--checks", "--config", "--line-filter",
                    "--warnings-as-errors"}

async_lint, file = sys.argv[1], sys.argv[2]
flags = sys.argv[3:]
listed = subprocess.run([async_lint, "--help-list"], capture_output=True,
                        text=True, check=True).stdout
valued = re.findall(r"^  (-{1,2}[a-z][a-z-]*)(?:=| )<", listed, re.M)
switches = [option for option in re.findall(r"^  (-{1,2}[a-z][a-z-]*) ", listed, re.M)
            if option not in valued]


def run(*arguments):
    result = subprocess.run([async_lint, *arguments], capture_output=True, text=True)
    return result.returncode, result.stderr


def one_line_error(case, arguments):
    status, stderr = run(*arguments)
    lines = stderr.splitlines()
    if status != 2 or len(lines) != 1 or not lines[0].startswith("async-lint: error: "):
        print(f"BAD {case}: exit status {status}, standard error {stderr!r}")
        return False
    return True


def lints_as_usual(case, arguments):
    status, stderr = run(*arguments)
    if status != 0 or stderr:
        print(f"BAD {case}: exit status {status}, standard error {stderr!r}")
        return False
    return True


results = []
for option in valued:
    results.append(one_line_error(f"{option} without a value", [file, option]))
    if option in EMPTY_MEANS_NONE:
        results.append(lints_as_usual(f"{option}=", [f"{option}=", file, *flags]))
    else:
        results.append(one_line_error(f"{option}=", [f"{option}=", file, *flags]))
for option in switches:
    results.append(one_line_error(f"{option}=maybe", [f"{option}=maybe", file, *flags]))
print(f"{len(valued)} options with a value, {len(switches)} switches: "
      f"{results.count(False)} of {len(results)} mistakes mistreated")
sys.exit(0 if all(results) else 1)
