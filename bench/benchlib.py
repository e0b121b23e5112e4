"""What the benchmark scripts share: the machine's description, medians,
idempotent installation of Debian packages, and rewriting a table between
markers in docs/performance.md."""

import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "performance.md"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def machine() -> str:
    model = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs (nproc), {model}, Linux {platform.release()}, load average at the start {load}"


def today() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def median(values):
    return statistics.median(values) if values else None


def ensure_debian_packages(packages) -> None:
    """apt-get installs the packages that are missing (as root); a no-op when all are there."""
    missing = [p for p in packages
               if subprocess.run(["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True)
               .stdout.strip() != "install ok installed"]
    if not missing:
        return
    if os.geteuid() != 0:
        sys.exit(f"missing Debian packages {' '.join(missing)}: run as root, or apt-get install them")
    log(f"installing {' '.join(missing)}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *missing], check=True, env=env)


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        sys.exit(f"{name} not found on PATH")
    return path


def replace_section(marker: str, text: str) -> None:
    """Replaces what lies between <!-- marker:begin --> and <!-- marker:end --> in docs/performance.md."""
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    doc = DOC.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if not pattern.search(doc):
        sys.exit(f"{DOC}: markers {begin} ... {end} not found")
    DOC.write_text(pattern.sub(lambda _: f"{begin}\n{text.rstrip()}\n{end}", doc), encoding="utf-8")
    log(f"updated the {marker} section of {DOC.relative_to(REPO)}")
