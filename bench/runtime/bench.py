#!/usr/bin/env python3
"""Runs the same workloads on asyncrt, tokio and Boost.Asio (two worker
threads each), interleaved, and rewrites the runtime table of
docs/performance.md.

    python3 bench/runtime/bench.py [--reps 3] [--workloads spawn_many,...] [--no-doc]

Installs what it needs (libboost1.81-dev, librust-tokio-dev) with apt-get
when run as root; builds libasyncrt.a in build-bench/ with CMake, the two C++
programs with g++ -O2 directly, and the tokio program with
cargo build --offline --release against Debian's crate directory. Each
workload runs in its own process (so its peak RSS is its own), under nice.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import benchlib  # noqa: E402

HERE = Path(__file__).resolve().parent
BUILD = benchlib.REPO / "build-bench"
OUT = BUILD / "bench"

# In the priority order. Asio has no asynchronous mutex.
WORKLOADS = ["spawn_many", "chained_spawn", "yield_many", "ping_pong", "mutex_contention", "spawn_blocking",
             "file_io", "sleep_1m"]
UNSUPPORTED = {("asio", "mutex_contention"): "Asio has no asynchronous mutex"}
RUNTIMES = ["asyncrt", "tokio", "asio"]
UNITS = {
    "spawn_many": "ns per spawned and joined task",
    "chained_spawn": "ns per hop (a task spawns and awaits the next)",
    "yield_many": "ns per yield (200 tasks x 1,000)",
    "ping_pong": "ns per round trip over two channels of capacity 1",
    "mutex_contention": "ns per lock (8 tasks x 20,000)",
    "spawn_blocking": "ns per closure (batches of 100)",
    "file_io": "ns per 1 MiB write + read",
    "sleep_1m": "ns per task; peak RSS of 1,000,000 tasks sleeping 2 s",
}


def run(cmd, **kw):
    benchlib.log("+ " + " ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kw)


def build() -> dict:
    benchlib.ensure_debian_packages(["libboost1.81-dev", "librust-tokio-dev"])
    OUT.mkdir(parents=True, exist_ok=True)
    if not (BUILD / "build.ninja").exists():
        run(["nice", "cmake", "-S", benchlib.REPO, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"])
    run(["nice", "ninja", "-C", BUILD, "asyncrt"])
    include = benchlib.REPO / "lib" / "asyncrt" / "include"
    programs = {
        "asyncrt": OUT / "asyncrt_bench",
        "asio": OUT / "asio_bench",
        "tokio": OUT / "tokio-target" / "release" / "tokio-bench",
    }
    sources = {
        "asyncrt": [HERE / "asyncrt_bench.cpp", f"-I{include}", BUILD / "lib" / "libasyncrt.a"],
        "asio": [HERE / "asio_bench.cpp"],
    }
    for name, args in sources.items():
        inputs = [HERE / "bench_common.hpp"] + [a for a in args if isinstance(a, Path) and a.exists()]
        if programs[name].exists() and all(p.stat().st_mtime < programs[name].stat().st_mtime for p in inputs):
            continue
        run(["nice", "g++", "-O2", "-std=c++20", *args, "-pthread", "-o", programs[name]])
    run(["nice", "cargo", "build", "--offline", "--release", "--quiet"], cwd=HERE / "tokio",
        env=dict(os.environ, CARGO_TARGET_DIR=str(OUT / "tokio-target")))
    return programs


def measure(program: Path, workload: str, timeout: int):
    """(ns per op, peak RSS KiB), or a short reason for a failure."""
    try:
        proc = subprocess.run(["nice", program, workload], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timeout ({timeout} s)"
    if proc.returncode != 0:
        reason = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        return f"failed (exit {proc.returncode}{': ' + reason if reason else ''})"
    name, ns, rss = proc.stdout.split()
    assert name == workload
    return float(ns), int(rss)


def fmt_ns(v) -> str:
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}"


def table(results: dict, workloads, reps: int, machine: str) -> str:
    command = " ".join(["python3", "bench/runtime/bench.py", *sys.argv[1:]])
    lines = [
        f"Machine: {machine}.  ",
        f"Date: {benchlib.today()}. Command: `{command}` "
        f"(median of {reps} interleaved runs per cell, each repetition starting with another runtime; "
        "the ratios are the medians of each repetition's own ratio; two worker threads each).",
        "",
        "| workload | unit | asyncrt | tokio 1.24 | Asio 1.26 | asyncrt / tokio | asyncrt / Asio |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for w in workloads:
        med = {}
        cells = []
        for rt in RUNTIMES:
            runs = results[(rt, w)]
            ok = [r for r in runs if isinstance(r, tuple)]
            failed = [r for r in runs if isinstance(r, str)]
            if (rt, w) in UNSUPPORTED:
                cells.append("n/a")
            elif failed:
                cells.append(failed[0])
            else:
                ns = benchlib.median([r[0] for r in ok])
                rss = benchlib.median([r[1] for r in ok]) / 1024
                med[rt] = (ns, rss)
                cells.append(f"{fmt_ns(ns)} ns, {rss:,.0f} MiB" if w == "sleep_1m" else fmt_ns(ns))
        ratios = []
        for peer in ("tokio", "asio"):
            if "asyncrt" in med and peer in med:
                # The median of each repetition's own ratio: the machine's
                # speed drifts between repetitions more than within one.
                paired = [a[0] / b[0] for a, b in zip(results[("asyncrt", w)], results[(peer, w)])]
                ratios.append(f"{benchlib.median(paired):.2f}x")
            else:
                ratios.append("-")
        lines.append(f"| {w} | {UNITS[w]} | " + " | ".join(cells + ratios) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3, help="interleaved runs per workload and runtime (default 3)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS), help="comma-separated subset, in this order")
    parser.add_argument("--timeout", type=int, default=180, help="seconds allowed per run (default 180)")
    parser.add_argument("--no-doc", action="store_true", help="print the table; leave docs/performance.md alone")
    args = parser.parse_args()
    workloads = [w for w in WORKLOADS if w in args.workloads.split(",")]
    machine = benchlib.machine()
    programs = build()
    results = {(rt, w): [] for rt in RUNTIMES for w in workloads}
    for rep in range(args.reps):
        # Each repetition starts with another runtime: the first run after a
        # big one (Asio's or tokio's sleep_1m frees a gigabyte) pays for the
        # kernel's reclaim, and that cost must not fall on one runtime only.
        order = RUNTIMES[rep % len(RUNTIMES):] + RUNTIMES[:rep % len(RUNTIMES)]
        for w in workloads:
            for rt in order:
                if (rt, w) in UNSUPPORTED:
                    continue
                r = measure(programs[rt], w, args.timeout)
                benchlib.log(f"[{rep + 1}/{args.reps}] {w:<16} {rt:<8} {r}")
                results[(rt, w)].append(r)
    text = table(results, workloads, args.reps, machine)
    print(text)
    if not args.no_doc:
        benchlib.replace_section("runtime-results", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
