"""What the benchmarks ran on."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _mem_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _checkout() -> str:
    """HEAD, and whether genvideo's sources differ from it (read-only git queries)."""
    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "wrapper", "generated"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (" plus uncommitted changes under wrapper/ or generated/" if dirty else "")


def describe() -> list[tuple[str, str]]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", _cpu_model()),
        ("cores", f"{os.cpu_count()} ({usable} usable)"),
        ("memory", _mem_total()),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("load average at start", " ".join(f"{x:.2f}" for x in os.getloadavg())),
        ("checkout", _checkout()),
        ("Python", f"{platform.python_implementation()} {sys.version.split()[0]}"),
        (
            "packages",
            ", ".join(f"{d} {_version(d)}" for d in ("genvideo", "httpx", "httpcore", "anyio", "h11", "sniffio")),
        ),
    ]


def markdown() -> str:
    return "\n".join(f"- **{key}**: {value}" for key, value in describe())
