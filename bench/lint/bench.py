#!/usr/bin/env python3
"""Times async-lint against the parse floor (clang++-22 -fsyntax-only) and
clang-tidy-22's own coroutine checks on the same inputs, interleaved, with
callgrind instruction counts; rewrites the lint table of docs/performance.md.

    python3 bench/lint/bench.py [--reps 3] [--coroutines 2000] [--no-tests] [--no-build] [--no-callgrind] [--no-doc]

Inputs: a unit from gen_coro_tu.py, and the project's own C++ (docs/examples,
the runtime's sources and tests) with -std=c++20 -Ilib/asyncrt/include
-Itest/runtime. Builds build-bench/bin/async-lint first (CMake, Release).
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import benchlib  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = benchlib.REPO
BUILD = REPO / "build-bench"
OUT = BUILD / "bench" / "lint"
ASYNC_LINT = BUILD / "bin" / "async-lint"
FLAGS = ["-std=c++20", f"-I{REPO / 'lib/asyncrt/include'}", f"-I{REPO / 'test/runtime'}"]
TIDY_CHECKS = ",".join([
    "-*",
    "misc-coroutine-hostile-raii",
    "cppcoreguidelines-no-suspend-with-lock",
    "cppcoreguidelines-avoid-capturing-lambda-coroutines",
    "cppcoreguidelines-avoid-reference-coroutine-parameters",
    "bugprone-unused-return-value",
])
PROJECT_GLOBS = ["docs/examples/*.cpp", "docs/examples/mistakes/*.cpp", "lib/asyncrt/src/*.cpp"]
TEST_GLOBS = ["test/runtime/*.cpp"]


def tools(files):
    """Each tool's command on `files`, in the order they are interleaved."""
    names = [str(f) for f in files]
    return {
        "clang++ -fsyntax-only": ["clang++-22", "-fsyntax-only", "-w", *FLAGS, *names],
        "clang++ -E (cache hit)": ["clang++-22", "-E", *FLAGS, *names],
        "clang-tidy coroutine checks": ["clang-tidy-22", "--quiet", f"--checks={TIDY_CHECKS}", *names, "--", *FLAGS],
        # Without the result cache (a re-run would only read files) and on
        # one thread, as the other tools run.
        "async-lint": [str(ASYNC_LINT), "--no-cache", "-j", "1", *names, "--", *FLAGS],
    }


def run_timed(cmd):
    """(wall seconds, CPU seconds of the children), or exits when the tool could not do its job."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(["nice", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # async-lint exits 1 on findings; 2 (or clang's 1 on a compile error) means no result.
    if proc.returncode not in (0, 1) or (proc.returncode == 1 and "async-lint" not in cmd[0]):
        errors = [line for line in proc.stderr.decode(errors="replace").splitlines() if "error" in line]
        sys.exit(f"{cmd[0]} failed ({proc.returncode}):\n" + "\n".join(errors[:10]))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def build(rebuild: bool) -> str:
    """Brings async-lint up to date (unless told not to); says which binary is
    measured. While the tree is mid-change and does not build, the last binary
    built is measured."""
    if not rebuild:
        if not ASYNC_LINT.exists():
            sys.exit(f"{ASYNC_LINT} not found: build it, or drop --no-build")
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(ASYNC_LINT.stat().st_mtime))
        return f"async-lint: the binary of build-bench/ as it was (--no-build), built at {stamp} UTC"
    if not (BUILD / "build.ninja").exists():
        subprocess.run(["nice", "cmake", "-S", REPO, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"],
                       check=True)
    built = subprocess.run(["nice", "ninja", "-C", BUILD, "async-lint"]).returncode == 0
    if not ASYNC_LINT.exists():
        sys.exit("async-lint did not build")
    stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(ASYNC_LINT.stat().st_mtime))
    if built:
        return f"async-lint built from the working tree at {stamp} UTC"
    benchlib.log("async-lint does not build now: measuring the last binary built")
    return f"async-lint: the working tree did not build; the binary measured was built at {stamp} UTC"


def generate(coroutines: int, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    subprocess.run([sys.executable, HERE / "gen_coro_tu.py", "--coroutines", str(coroutines), "-o", path], check=True)
    return path


def project_files(with_tests: bool):
    """The project's C++ files that compile now (colleagues' work in progress may not)."""
    files = []
    for pattern in PROJECT_GLOBS + (TEST_GLOBS if with_tests else []):
        for f in sorted(REPO.glob(pattern)):
            ok = subprocess.run(["nice", "clang++-22", "-fsyntax-only", "-w", *FLAGS, f],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
            if ok:
                files.append(f)
            else:
                benchlib.log(f"skipped (does not compile): {f.relative_to(REPO)}")
    return files


def interleave(inputs: dict, reps: int) -> dict:
    """{(input, tool): [(wall, cpu), ...]}, runs ordered A B C A B C ..."""
    results = {}
    for rep in range(reps):
        for label, files in inputs.items():
            for tool, cmd in tools(files).items():
                r = run_timed(cmd)
                results.setdefault((label, tool), []).append(r)
                benchlib.log(f"[{rep + 1}/{reps}] {label:<10} {tool:<28} wall {r[0]:.2f} s, cpu {r[1]:.2f} s")
    return results


def parallel_project(files, gen_units, reps: int):
    """Wall time of async-lint -p over a compilation database with -j 1 and -j 2, interleaved."""
    db_dir = OUT / "project"
    db_dir.mkdir(parents=True, exist_ok=True)
    entries = [{"directory": str(REPO), "file": str(f), "arguments": ["clang++-22", *FLAGS, "-c", str(f)]}
               for f in [*files, *gen_units]]
    (db_dir / "compile_commands.json").write_text(json.dumps(entries, indent=1), encoding="utf-8")
    results = {}
    for rep in range(reps):
        for jobs in (1, 2):
            r = run_timed([str(ASYNC_LINT), "--no-cache", "-p", str(db_dir), "-j", str(jobs)])
            results.setdefault(jobs, []).append(r)
            benchlib.log(f"[{rep + 1}/{reps}] -p -j {jobs}: wall {r[0]:.2f} s, cpu {r[1]:.2f} s")
    return len(entries), results


def callgrind(cmd, name: str) -> Path:
    out = OUT / f"callgrind.{name}.%p"
    for old in OUT.glob(f"callgrind.{name}.*"):
        old.unlink()
    subprocess.run(["nice", "valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={out}",
                    *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return OUT


def callgrind_total(name: str) -> int:
    """Instructions of every process of the run."""
    total = 0
    for f in OUT.glob(f"callgrind.{name}.*"):
        m = re.search(r"^(?:summary|totals):\s+(\d+)", f.read_text(errors="replace"), re.M)
        if m:
            total += int(m.group(1))
    return total


def callgrind_inclusive(name: str, function: str) -> int:
    """Inclusive instructions of the run's functions whose names contain `function`."""
    files = sorted(OUT.glob(f"callgrind.{name}.*"), key=lambda f: f.stat().st_size)
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(files[-1])],
                         capture_output=True, text=True).stdout
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+\S*?:(.*?)(?:\s+\[.*\])?$", line)
        if m and function in m.group(2) and not re.search(r"'\d+$", m.group(2).strip()):
            return int(m.group(1).replace(",", ""))
    return 0


def callgrind_self(name: str) -> dict:
    """Instructions spent in each function itself (exclusive) in the run's largest process."""
    files = sorted(OUT.glob(f"callgrind.{name}.*"), key=lambda f: f.stat().st_size)
    out = subprocess.run(["callgrind_annotate", "--threshold=100", str(files[-1])],
                         capture_output=True, text=True).stdout
    costs = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?)(?:\s+\[(.*)\])?$", line)
        if not m or "PROGRAM TOTALS" in line:
            continue
        function = re.sub(r"'\d+$", "", m.group(2).split(":", 1)[-1].strip())
        if function.startswith("0x"):  # a local symbol of a stripped library: name the library
            function = f"(unnamed, in {Path(m.group(3) or '?').name})"
        costs[function] = costs.get(function, 0) + int(m.group(1).replace(",", ""))
    return costs


def callgrind_excess(name: str, floor_name: str, count: int):
    """The `count` functions whose own instructions grow most from the floor's
    run to `name`'s: where the instructions above the floor go."""
    tool, floor = callgrind_self(name), callgrind_self(floor_name)
    growth = sorted(((tool[f] - floor.get(f, 0), f) for f in tool), reverse=True)
    return [(ir, f) for ir, f in growth[:count] if ir > 0]


def summary(results, label, tool):
    runs = results[(label, tool)]
    return benchlib.median([r[0] for r in runs]), benchlib.median([r[1] for r in runs])


def table(args, machine, binary, inputs, results, parallel, grind) -> str:
    command = " ".join(["python3", "bench/lint/bench.py", *sys.argv[1:]])
    lines = [
        f"Machine: {machine}.  ",
        f"Date: {benchlib.today()}. Command: `{command}` (median of {args.reps} interleaved runs; "
        "wall time, and CPU time (user + sys) of the tool's process, which the other users of the machine disturb less; "
        "the ratios are the medians of each repetition's own ratio, since the machine's speed drifts "
        f"between repetitions more than between neighbouring runs). {binary}.",
        "",
        "| input | tool | wall (s) | CPU (s) | wall / floor | CPU / floor |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for label, files in inputs.items():
        floor = results[(label, "clang++ -fsyntax-only")]
        for tool in tools(files):
            wall, cpu = summary(results, label, tool)
            runs = results[(label, tool)]
            wall_ratio = benchlib.median([r[0] / f[0] for r, f in zip(runs, floor)])
            cpu_ratio = benchlib.median([r[1] / f[1] for r, f in zip(runs, floor)])
            lines.append(f"| {label} ({len(files)} file{'s' if len(files) > 1 else ''}) | {tool} | {wall:.2f} | "
                         f"{cpu:.2f} | {wall_ratio:.3f}x | {cpu_ratio:.3f}x |")
    if parallel:
        count, runs = parallel
        j1 = benchlib.median([r[0] for r in runs[1]])
        j2 = benchlib.median([r[0] for r in runs[2]])
        speedup = benchlib.median([a[0] / b[0] for a, b in zip(runs[1], runs[2])])
        lines += ["", f"`async-lint -p` over {count} translation units: -j 1 {j1:.2f} s, -j 2 {j2:.2f} s wall "
                      f"(median of {args.reps}); speed-up **{speedup:.2f}x** (median of each repetition's; "
                      "target at least 1.8x)."]
    if grind:
        totals, phases, top = grind
        floor = totals["clang++ -fsyntax-only"]
        lines += ["", f"Callgrind, the generated unit with {args.callgrind_coroutines} coroutines "
                      "(instructions of the whole run, all processes):", "",
                  "| tool | instructions | / floor |", "|---|---:|---:|"]
        for tool, total in totals.items():
            lines.append(f"| {tool} | {total:,} | {total / floor:.3f}x |")
        lines += ["", "The check phase alone (`MatchFinder::matchAST`, inclusive: the matchers' walk of the AST "
                      "and every check's work; the rest of a run is parsing, which the floor also does): "
                      + "; ".join(f"{tool} {ir:,} ({ir / floor:.1%} of the floor)" for tool, ir in phases.items())
                      + "."]
        lines += ["", f"async-lint minus the floor: {totals['async-lint'] - floor:,} instructions "
                      f"({(totals['async-lint'] - floor) / floor:.1%} of the floor). "
                      "Where they go: the functions whose own (exclusive) instructions grow most "
                      "from the floor's run to async-lint's:", "",
                  "| instructions above the floor | function |", "|---:|---|"]
        for ir, fn in top:
            lines.append(f"| {ir:,} | `{fn[:140]}` |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="interleaved runs of each tool on each input (default 3)")
    parser.add_argument("--coroutines", type=int, default=2000, help="size of the generated unit (default 2000)")
    parser.add_argument("--callgrind-coroutines", type=int, default=300,
                        help="size of the generated unit for callgrind (default 300)")
    parser.add_argument("--no-callgrind", action="store_true", help="skip the instruction counts")
    parser.add_argument("--no-parallel", action="store_true", help="skip the -p -j 1 / -j 2 comparison")
    parser.add_argument("--no-tests", action="store_true",
                        help="leave test/runtime out of the project input (gtest makes it 3x bigger)")
    parser.add_argument("--no-build", action="store_true", help="measure build-bench/bin/async-lint as it is")
    parser.add_argument("--no-doc", action="store_true", help="print the table; leave docs/performance.md alone")
    args = parser.parse_args()
    for tool in ("clang++-22", "clang-tidy-22"):
        benchlib.require_tool(tool)
    machine = benchlib.machine()
    binary = build(not args.no_build)
    inputs = {"generated": [generate(args.coroutines, "gen_coro.cpp")], "project": project_files(not args.no_tests)}
    results = interleave(inputs, args.reps)

    parallel = None
    if not args.no_parallel:
        gen_units = [generate(args.coroutines // 4, f"gen_unit_{i}.cpp") for i in range(4)]
        parallel = parallel_project(inputs["project"], gen_units, args.reps)

    grind = None
    if not args.no_callgrind:
        benchlib.require_tool("valgrind")
        small = [generate(args.callgrind_coroutines, "gen_small.cpp")]
        totals = {}
        for tool, cmd in tools(small).items():
            if tool == "clang++ -E (cache hit)":
                continue
            name = re.sub(r"\W+", "_", tool)
            callgrind(cmd, name)
            totals[tool] = callgrind_total(name)
            benchlib.log(f"callgrind {tool}: {totals[tool]:,} instructions")
        phases = {tool: callgrind_inclusive(re.sub(r"\W+", "_", tool), "MatchFinder::matchAST")
                  for tool in ("clang-tidy coroutine checks", "async-lint")}
        top = callgrind_excess("async_lint", "clang_fsyntax_only", 12)
        grind = (totals, phases, top)

    text = table(args, machine, binary, inputs, results, parallel, grind)
    print(text)
    if not args.no_doc:
        benchlib.replace_section("lint-results", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
