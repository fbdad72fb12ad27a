"""Running one measurement in a fresh child process (so its peak RSS and CPU time are its own)."""

from __future__ import annotations

import contextlib
import json
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def run_child(module: str, *args: str, timeout: float = 600) -> dict[str, Any]:
    """``python -m MODULE ARGS`` from the repo root; its last stdout line is a JSON object."""
    proc = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} exited {proc.returncode}:\n{proc.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


class Conversation:
    """A child that answers each line sent to its stdin with one JSON line (a server being measured)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdin is not None
        assert proc.stdout is not None
        self._proc, self._stdin, self._stdout = proc, proc.stdin, proc.stdout
        self.hello: dict[str, Any] = json.loads(self._stdout.readline())
        """Its first line, sent unasked (where it listens)."""

    def ask(self, command: str) -> dict[str, Any]:
        self._stdin.write(command + "\n")
        self._stdin.flush()
        reply: dict[str, Any] = json.loads(self._stdout.readline())
        return reply


@contextlib.contextmanager
def conversation(module: str, *args: str) -> Iterator[Conversation]:
    """``python -m MODULE ARGS`` from the repo root, to talk to; ended (stdin closed, else killed) on exit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", module, *args], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        yield Conversation(proc)
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def emit(result: dict[str, Any]) -> None:
    """What a child ends with: its result as one JSON line."""
    print(json.dumps(result), flush=True)


def _status_kib(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def peak_rss_bytes() -> int:
    """This process's peak resident set size.

    ``VmHWM``, not ``ru_maxrss``: Linux carries ``ru_maxrss`` over ``fork`` + ``exec``, so a child
    would report at least its parent's RSS at the time of the fork.
    """
    hwm = _status_kib("VmHWM")
    if hwm is not None:
        return hwm * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def current_rss_bytes() -> int:
    """This process's resident set size now (VmRSS)."""
    return (_status_kib("VmRSS") or 0) * 1024
