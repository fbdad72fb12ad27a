"""Section 5: regenerating both clients (``python -m tools.pipeline generate``) with a warm venv.

Regeneration rewrites ``generated/`` and ``specs/*/prepared.json`` in the checkout, so every file
there is read before and compared after each run: the bytes must be identical. If they are not,
``RegenerationChangedError`` names the files and the run fails. Nothing is written back (another
change under specs/ made meanwhile would be lost): review them with ``git diff generated specs``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from ._child import ROOT
from ._report import Row, Section, Target, fmt_seconds

TARGET = Target("≤", 5, "s")
PATHS = ("generated", "specs")


class RegenerationChangedError(RuntimeError):
    """A pipeline run did not reproduce generated/ and specs/ byte for byte."""


def generator_python() -> Path:
    """The generate session's venv if nox made one, else the dev venv, else this interpreter."""
    for candidate in (ROOT / ".nox" / "generate" / "bin" / "python", ROOT / ".venv" / "bin" / "python"):
        if candidate.exists() and (candidate.parent / "openapi-python-client").exists():
            return candidate
    return Path(sys.executable)


def _git(*args: str) -> str:
    """A read-only git query."""
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _files() -> list[str]:
    """Tracked and untracked (not ignored) files under generated/ and specs/."""
    return sorted(
        set(_git("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", *PATHS).split("\0")) - {""}
    )


def _snapshot() -> dict[str, bytes]:
    return {name: (ROOT / name).read_bytes() for name in _files() if (ROOT / name).is_file()}


def _check(snapshot: dict[str, bytes], status: str) -> None:
    now = _snapshot()
    changed = sorted(name for name in snapshot.keys() | now.keys() if snapshot.get(name) != now.get(name))
    status_now = _git("status", "--porcelain", "--", *PATHS)
    if changed or status_now != status:
        raise RegenerationChangedError(
            "regeneration did not reproduce the checkout byte for byte (review: git diff generated specs). "
            f"Changed: {changed[:20]}; git status before:\n{status}after:\n{status_now}"
        )


def run(quick: bool) -> Section:
    runs = 1 if quick else 3
    python = generator_python()
    section = Section("5 regeneration")
    status = _git("status", "--porcelain", "--", *PATHS)
    snapshot = _snapshot()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [str(python), "-m", "tools.pipeline", "generate"], cwd=ROOT, capture_output=True, text=True, check=False
        )
        seconds.append(time.perf_counter() - start)
        _check(snapshot, status)
        if proc.returncode != 0:
            raise RuntimeError(f"tools.pipeline generate exited {proc.returncode}:\n{proc.stderr[-3000:]}")
    median = statistics.median(seconds)
    section.add(
        Row(
            "5 regenerate",
            f"`tools.pipeline generate`, both specs (n={runs})",
            fmt_seconds(median),
            "",
            median,
            TARGET,
            value_text=fmt_seconds(median),
        )
    )
    section.notes.append(
        f"with {python.relative_to(ROOT) if python.is_relative_to(ROOT) else python}; "
        f"{len(snapshot)} files under generated/ and specs/ byte-identical before and after every run."
    )
    return section
