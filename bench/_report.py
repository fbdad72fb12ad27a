"""Results: rows with targets, the markdown table, and bench/RESULTS.md."""

from __future__ import annotations

import operator
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

TIMES = "\N{MULTIPLICATION SIGN}"
"""The unit of a ratio."""

_OPS: dict[str, Callable[[float, float], bool]] = {
    "≤": operator.le,
    "<": operator.lt,
    "≥": operator.ge,
    ">": operator.gt,
}


@dataclass(frozen=True)
class Target:
    """``value OP limit``, e.g. ``Target("≤", 1.05)`` (a ratio) or ``Target("<", 64, "MiB")``."""

    op: str
    limit: float
    unit: str = TIMES

    def met(self, value: float) -> bool:
        return _OPS[self.op](value, self.limit)

    def __str__(self) -> str:
        if self.unit == TIMES:
            return f"{self.op} {self.limit:g}{TIMES}"
        return f"{self.op} {self.limit:g} {self.unit}"


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, against what, and the target for the compared value."""

    section: str
    case: str
    measured: str
    baseline: str = ""
    value: float | None = None
    """The number the target applies to (a ratio, or an absolute value)."""
    target: Target | None = None
    value_text: str = ""
    """How ``value`` is shown (default for ratios: two decimals and the times sign)."""

    @property
    def status(self) -> str:
        if self.target is None or self.value is None:
            return ""
        return "ok" if self.target.met(self.value) else "MISSED"

    def shown_value(self) -> str:
        if self.value_text:
            return self.value_text
        if self.value is None:
            return ""
        if self.target is None or self.target.unit == TIMES:
            return f"{self.value:.2f}{TIMES}"
        return f"{self.value:.3g}"


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def fmt_seconds(seconds: float) -> str:
    """A duration with a unit that keeps three significant digits."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def fmt_mib(nbytes: float) -> str:
    return f"{nbytes / 2**20:.1f} MiB"


HEADER = ("section", "case", "genvideo", "baseline", "ratio / value", "target", "status")


def table(sections: Sequence[Section]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for section in sections:
        for row in section.rows:
            target = str(row.target) if row.target else ""
            status = f"**{row.status}**" if row.status == "MISSED" else row.status
            cells = (row.section, row.case, row.measured, row.baseline, row.shown_value(), target, status)
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def notes(sections: Sequence[Section]) -> str:
    out = []
    for section in sections:
        for note in section.notes:
            out.append(f"- **{section.title}**: {note}")
    return "\n".join(out)


def missed(sections: Sequence[Section]) -> list[Row]:
    return [row for section in sections for row in section.rows if row.status == "MISSED"]


BEGIN = "<!-- bench:begin (written by `nox -s bench`; edit outside these markers) -->"
END = "<!-- bench:end -->"


def write_results(path: Path, generated: str) -> None:
    """Replace the generated block of ``path`` (creating the file if needed), keeping the handwritten rest."""
    block = f"{BEGIN}\n{generated.strip()}\n{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        head, sep, rest = text.partition(BEGIN)
        if sep:
            tail = rest.partition(END)[2]
            path.write_text(head + block + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip() + "\n\n" + block + "\n", encoding="utf-8")
        return
    path.write_text(f"# Benchmark results\n\n{block}\n", encoding="utf-8")
