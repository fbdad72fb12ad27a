"""Live progress on stderr: one updating line on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from ._models import Creation

_BAR_WIDTH = 30


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def _size(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    raise AssertionError("unreachable")


class ProgressReporter:
    """Reports wait and download progress to a stream (stderr by default); ``quiet``: not at all."""

    def __init__(self, stream: TextIO | None = None, *, interactive: bool | None = None, quiet: bool = False) -> None:
        self._quiet = quiet
        self._stream = stream if stream is not None else sys.stderr
        self._tty = self._stream.isatty() if interactive is None else interactive
        self._started = time.monotonic()
        self._last_line = ""
        self._last_key: object = None
        self._last_bucket = -1

    def _emit(self, line: str, key: object) -> None:
        if self._quiet:
            return
        if self._tty:
            pad = max(len(self._last_line) - len(line), 0)
            self._stream.write("\r" + line + " " * pad)
        elif key == self._last_key:
            return  # plain lines only when something changed
        else:
            self._stream.write(line + "\n")
        self._stream.flush()
        self._last_line = line
        self._last_key = key

    def creation(self, creation: Creation) -> None:
        """A poll result: state, progress and time elapsed."""
        percent = "   -" if creation.progress is None else f"{creation.progress * 100:3.0f}%"
        raw = f" ({printable(creation.raw_state)})" if creation.raw_state else ""
        elapsed = _clock(time.monotonic() - self._started)
        line = f"{creation.ref}  {creation.state.value:<10}{raw:<18} {percent}"
        self._emit(f"{line}  {elapsed}", key=line)

    def download(self, done: int, total: int | None) -> None:
        """Bytes received so far: a bar on a terminal, a line per 25 % otherwise."""
        if total:
            fraction = min(done / total, 1.0)
            if not self._tty:
                bucket = int(fraction * 4)
                if bucket == self._last_bucket:
                    return
                self._last_bucket = bucket
            filled = int(fraction * _BAR_WIDTH)
            bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
            self._emit(f"downloading [{bar}] {fraction * 100:3.0f}%  {_size(done)} / {_size(total)}", key=done)
        else:
            self._emit(f"downloading {_size(done)}", key=done)

    def done(self, message: str = "") -> None:
        """End the current line (and print a closing message, if any); the elapsed clock restarts."""
        self._started = time.monotonic()
        if self._tty and self._last_line:
            self._stream.write("\n")
        self._last_line = ""
        self._last_key = None
        self._last_bucket = -1
        if self._quiet:
            return
        if message:
            self._stream.write(message + "\n")
        self._stream.flush()


def printable(text: str, limit: int = 40) -> str:
    """``text`` safe for a terminal: control characters and escape sequences shown escaped, cut to
    ``limit`` characters (a provider's state word is data, not terminal commands)."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[: limit + 1])
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
