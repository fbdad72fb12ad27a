"""Section 4: ``python -X importtime -c "import genvideo"`` against ``import httpx``, cold and warm.

- warm: the normal case, bytecode cached in ``__pycache__`` (a priming run writes any that is missing).
- cold: no usable bytecode anywhere: ``-X pycache_prefix=<empty dir>`` makes Python look for (and not
  find) every non-frozen module's ``.pyc`` there, stdlib included, and ``PYTHONDONTWRITEBYTECODE=1``
  keeps that dir empty, so every run compiles from source, as the first import after an install
  without precompiled bytecode would. The OS file cache is warm in both.

The number compared is the ``cumulative`` column of the top-level line (µs inside the import
statement, interpreter start-up excluded); runs are interleaved and the median taken.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import _bodies
from ._child import ROOT
from ._report import Row, Section, Target, fmt_seconds
from ._servers import ServerProcess

TARGET = Target("≤", 1.3)
FIRST_CALL_TARGET = Target("≤", 1.15)  # issue 16: import genvideo + first get vs raw httpx's
MODULES = ("genvideo", "httpx")


@dataclass(frozen=True)
class Entry:
    """One line of ``-X importtime``: a module, its own and its cumulative µs, and who imported it."""

    name: str
    self_us: int
    cumulative_us: int
    parent: str | None


def _warm_env() -> dict[str, str]:
    """The environment of a warm run: bytecode written (a priming run's) and read back. With
    ``PYTHONDONTWRITEBYTECODE`` inherited, every module edited since its ``.pyc`` was written would
    compile from source on every run."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def importtime(module: str, cold: bool, prefix: str) -> dict[str, Entry]:
    """Every module one fresh interpreter imported for ``import module``, by name."""
    env = _warm_env()
    args = [sys.executable, "-X", "importtime"]
    if cold:
        args += ["-X", f"pycache_prefix={prefix}"]
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [*args, "-c", f"import {module}"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    rows: list[tuple[str, int, int, int]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        level = (len(name) - len(name.lstrip())) // 2
        rows.append((name.strip(), int(own), int(cumulative), level))
    # The lines come in post-order: a module's importer is the next line one level up.
    table: dict[str, Entry] = {}
    for i, (name, self_us, cumulative_us, level) in enumerate(rows):
        parent = next((r[0] for r in rows[i + 1 :] if r[3] == level - 1), None) if level else None
        table[name] = Entry(name, self_us, cumulative_us, parent)
    return table


#: One fresh interpreter: the import and the first call, with asyncio (AsyncClient needs it) imported
#: first on both sides, timed together from inside (start-up excluded). genvideo's first get also
#: imports its adapter and the models of the reply; the raw side sends the same credential header.
_FIRST_CALL = {
    "genvideo": (
        "import time; t = time.perf_counter(); import asyncio, genvideo\n"
        "genvideo.Client(comfy_api_key='k', comfy_base_url={base!r}).get({ref!r})\n"
        "print(time.perf_counter() - t)"
    ),
    "httpx": (
        "import time; t = time.perf_counter(); import asyncio, httpx\n"
        "httpx.Client().get({url!r}, headers={{'X-API-Key': 'k'}}).json()\n"
        "print(time.perf_counter() - t)"
    ),
}


def first_call(side: str, base_url: str) -> float:
    """Seconds from the first import to the first call's parsed answer, in a fresh interpreter (warm)."""
    code = _FIRST_CALL[side].format(
        base=base_url, ref=f"vidu:{_bodies.VIDU_ID}small", url=base_url + _bodies.vidu_path("small")
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_warm_env(), capture_output=True, text=True, check=True
    )
    return float(proc.stdout.strip())


def run_first_calls(section: Section, rounds: int) -> None:
    times: dict[str, list[float]] = defaultdict(list)
    with ServerProcess("fixed") as server:
        for side in _FIRST_CALL:  # priming: bytecode of everything the first call loads
            first_call(side, server.base_url)
        for r in range(rounds):
            for side in ("genvideo", "httpx") if r % 2 == 0 else ("httpx", "genvideo"):
                times[side].append(first_call(side, server.base_url))
    g, h = statistics.median(times["genvideo"]), statistics.median(times["httpx"])
    section.add(
        Row(
            "4 import",
            f"import (with asyncio) + first Client.get vs httpx get + json, warm (n={rounds})",
            fmt_seconds(g),
            fmt_seconds(h),
            g / h,
            FIRST_CALL_TARGET,
        )
    )


def run(quick: bool) -> Section:
    rounds = 5 if quick else 15
    section = Section("4 import time")
    totals: dict[tuple[str, bool], list[float]] = defaultdict(list)
    self_times: dict[str, list[int]] = defaultdict(list)
    pulled_in: dict[str, list[int]] = defaultdict(list)
    httpx_modules: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="genvideo-bench-pycache-") as prefix:
        for module in MODULES:  # priming: write any missing bytecode for the warm runs
            importtime(module, False, prefix)
        cases = [(m, cold) for cold in (True, False) for m in MODULES]
        for r in range(rounds):
            for i in range(len(cases)):
                module, cold = cases[(r + i) % len(cases)]
                table = importtime(module, cold, prefix)
                totals[(module, cold)].append(table[module].cumulative_us / 1e6)
                if not cold and module == "genvideo":
                    for name, entry in table.items():
                        self_times[name].append(entry.self_us)
                        if entry.parent and entry.parent.startswith("genvideo") and not name.startswith("genvideo"):
                            pulled_in[f"{name} (by {entry.parent})"].append(entry.cumulative_us)
                if not cold and module == "httpx":
                    httpx_modules.update(table)
        leftovers = list(Path(prefix).iterdir())
    for cold in (True, False):
        g = statistics.median(totals[("genvideo", cold)])
        h = statistics.median(totals[("httpx", cold)])
        label = "cold (no bytecode)" if cold else "warm (bytecode cached)"
        section.add(
            Row(
                "4 import",
                f"import genvideo vs httpx, {label} (n={rounds})",
                fmt_seconds(g),
                fmt_seconds(h),
                g / h,
                TARGET,
            )
        )
    own = {name: statistics.median(v) for name, v in self_times.items() if name not in httpx_modules}
    top = sorted(own.items(), key=lambda kv: kv[1], reverse=True)[:10]
    listed = ", ".join(f"`{name}` {us / 1000:.1f} ms" for name, us in top)
    section.notes.append(
        f"warm, top self times among the modules `import genvideo` loads beyond `import httpx` "
        f"(together {sum(own.values()) / 1000:.1f} ms): {listed}."
    )
    direct = {
        name: statistics.median(v)
        for name, v in pulled_in.items()
        if name.partition(" ")[0] not in httpx_modules and statistics.median(v) >= 500
    }
    heavy = sorted(direct.items(), key=lambda kv: kv[1], reverse=True)[:6]
    section.notes.append(
        "warm, what genvideo's own modules import beyond httpx, cumulative (includes anything httpx would "
        "have loaded later, e.g. `ssl` under `asyncio`): " + ", ".join(f"`{n}` {us / 1000:.1f} ms" for n, us in heavy)
    )
    if leftovers:
        section.notes.append(f"cold runs left bytecode in the prefix dir ({len(leftovers)} entries): not fully cold")
    run_first_calls(section, rounds)
    return section
