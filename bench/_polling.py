"""Section 6: the poll schedule in a simulation (a fake clock, seeded), against fixed 5 s polling and the
backoff genvideo used before (x1.25 per unchanged poll, up to 2x the interval, reset by any change).

Per provider: its typical duration (the registry's ``typical_seconds``) and whether it reports progress
(those whose adapters read it). A creation's duration is log-normal around the typical one (sigma 0.35:
95 % within 0.5 to 2x); one that reports progress spends a random 0 to 15 % queued at 0, then follows
``((t - queued) / run) ** gamma`` with gamma from 0.8 to 1.25 (early or late finishers), floored to whole
percent and held at 99 % until done. The wait starts at submission and polls at once. Measured per
creation: seconds from its finish to the poll that sees it, and the polls sent.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from genvideo._providers._registry import registry
from genvideo._schedule import PollSchedule, ReplyHints

from ._report import TIMES, Row, Section, Target

FLOOR = 5.0
SIGMA = 0.35
SEED = 20261204
#: Providers whose adapters read the progress they report (README's States section).
REPORTS_PROGRESS = frozenset({"vidu", "runway", "openai", "pika", "topaz"})
LATENCY_TARGET = Target("≤", 1.0)
POLLS_TARGET = Target("≤", 0.6)

Progress = Callable[[float], float | None]


class Schedule:
    def next_delay(self, age: float, progress: float | None) -> float:
        raise NotImplementedError


class Fixed(Schedule):
    def __init__(self, interval: float) -> None:
        self.interval = interval

    def next_delay(self, age: float, progress: float | None) -> float:
        return self.interval


class OldBackoff(Schedule):
    """genvideo's schedule before issue 16 (``_polling.Poller`` at 0.1.0)."""

    def __init__(self, interval: float) -> None:
        self.base = self.interval = interval
        self.last: object = object()

    def next_delay(self, age: float, progress: float | None) -> float:
        if progress != self.last:
            self.interval = self.base
        else:
            self.interval = min(self.interval * 1.25, 2 * self.base)
        self.last = progress
        return self.interval


class Estimated:
    """genvideo's schedule told the creation's duration by the provider (Comfy's
    ``X-Comfy-Estimated-Duration-Seconds``) on every reply, as an estimate with ``ESTIMATE_SIGMA`` noise."""

    def __init__(self, typical: float, estimate: float) -> None:
        self.schedule = PollSchedule(FLOOR, typical)
        self.hints = ReplyHints(estimate=estimate)

    def next_delay(self, age: float, progress: float | None) -> float:
        return self.schedule.next_delay(age, progress, self.hints)


ESTIMATE_SIGMA = 0.2
"""Log-normal noise of a simulated estimate (an assumption: Comfy does not say how good its estimate is)."""


@dataclass(frozen=True)
class Outcome:
    latency: float
    polls: int


def progress_curve(rng: random.Random, duration: float) -> Progress:
    queued = rng.uniform(0.0, 0.15) * duration
    gamma = rng.uniform(0.8, 1.25)

    def progress(age: float) -> float:
        if age < queued:
            return 0.0
        done: float = ((age - queued) / (duration - queued)) ** gamma
        return min(0.99, math.floor(done * 100) / 100)

    return progress


def wait(schedule: Schedule | PollSchedule | Estimated, duration: float, progress: Progress | None) -> Outcome:
    age, polls = 0.0, 0
    while True:
        polls += 1
        if age >= duration:
            return Outcome(age - duration, polls)
        age += schedule.next_delay(age, progress(age) if progress is not None else None)


@dataclass(frozen=True)
class Totals:
    latency: float
    polls: float


def simulate(creations: int, seed: int = SEED) -> dict[str, dict[str, Totals]]:
    """Per provider with a typical duration, per schedule: mean latency and mean polls."""
    rng = random.Random(seed)
    results: dict[str, dict[str, Totals]] = {}
    for name, entry in registry().providers.items():
        typical = entry.typical_seconds
        if typical is None:
            continue
        sums = {label: [0.0, 0.0] for label in ("fixed 5 s", "backoff (before)", "genvideo", "genvideo + estimate")}
        for _ in range(creations):
            duration = typical * math.exp(rng.gauss(0.0, SIGMA))
            progress = progress_curve(rng, duration) if name in REPORTS_PROGRESS else None
            estimate = duration * math.exp(rng.gauss(0.0, ESTIMATE_SIGMA))
            schedules: dict[str, Schedule | PollSchedule | Estimated] = {
                "fixed 5 s": Fixed(FLOOR),
                "backoff (before)": OldBackoff(FLOOR),
                "genvideo": PollSchedule(FLOOR, typical),
                "genvideo + estimate": Estimated(typical, estimate),
            }
            for label, schedule in schedules.items():
                outcome = wait(schedule, duration, progress)
                sums[label][0] += outcome.latency
                sums[label][1] += outcome.polls
        results[name] = {label: Totals(s[0] / creations, s[1] / creations) for label, s in sums.items()}
    return results


def overall(results: dict[str, dict[str, Totals]], label: str) -> Totals:
    """Means over every provider, each weighted alike."""
    rows = [by_label[label] for by_label in results.values()]
    return Totals(sum(r.latency for r in rows) / len(rows), sum(r.polls for r in rows) / len(rows))


def run(quick: bool) -> Section:
    creations = 500 if quick else 5000
    results = simulate(creations)
    section = Section("6 polling (simulation)")
    fixed, old, new = (overall(results, label) for label in ("fixed 5 s", "backoff (before)", "genvideo"))
    section.add(
        Row(
            "6 polling",
            f"mean finish-to-return over {len(results)} providers x {creations} creations, vs fixed 5 s",
            f"{new.latency:.2f} s",
            f"{fixed.latency:.2f} s (backoff before: {old.latency:.2f} s)",
            new.latency / fixed.latency,
            LATENCY_TARGET,
        )
    )
    section.add(
        Row(
            "6 polling",
            "mean polls per creation, vs fixed 5 s",
            f"{new.polls:.1f}",
            f"{fixed.polls:.1f} (backoff before: {old.polls:.1f})",
            new.polls / fixed.polls,
            POLLS_TARGET,
        )
    )
    told = overall(results, "genvideo + estimate")
    section.add(
        Row(
            "6 polling",
            f"told each creation's duration (X-Comfy-Estimated-Duration-Seconds, ±{ESTIMATE_SIGMA:.0%} noise): "
            "latency / polls vs fixed 5 s",
            f"{told.latency:.2f} s / {told.polls:.1f}",
            f"{fixed.latency:.2f} s / {fixed.polls:.1f}",
            told.polls / fixed.polls,
            value_text=f"{told.latency / fixed.latency:.2f}{TIMES} / {told.polls / fixed.polls:.2f}{TIMES}",
        )
    )
    for name, by_label in results.items():
        f, o, g = by_label["fixed 5 s"], by_label["backoff (before)"], by_label["genvideo"]
        section.notes.append(
            f"{name} (typical {registry().providers[name].typical_seconds:g} s"
            f"{', progress' if name in REPORTS_PROGRESS else ''}): genvideo {g.latency:.2f} s / {g.polls:.1f} polls; "
            f"fixed {f.latency:.2f} s / {f.polls:.1f}; backoff before {o.latency:.2f} s / {o.polls:.1f}"
        )
    return section
