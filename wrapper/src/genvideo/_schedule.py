"""When to poll a running creation again: sans I/O, a pure function of what the polls have shown.

Fixed polling every ``p`` seconds returns a finished creation ``p / 2`` seconds after it finished, on
average, and sends one request per ``p`` seconds of its whole run. This schedule keeps that latency or
beats it with far fewer requests, using two things fixed polling ignores:

- **how long the provider usually takes** (its prior, ``typical_seconds`` in the registry, from the
  averages ComfyUI's API nodes show; overridable per wait): nothing is polled before
  ``EARLIEST_FRACTION`` of it has passed, where few creations have finished;
- **the progress the provider reports**: once two polls a floor apart show it moving, the finish is
  extrapolated from its rate, and the next poll is aimed at it (slightly after, by ``AIM_LAG`` of the
  floor), approaching in steps of at most ``APPROACH`` of what is left, so that a wrong rate is
  corrected on the way.

The caller's ``poll_interval`` is a floor the schedule never goes under, no sleep is longer than
``MAX_SLEEP`` floors, and without a prior or progress it is exactly fixed polling at that interval.

Two hints a poll's reply may carry in its headers (:class:`ReplyHints`) refine it:

- ``X-Comfy-Estimated-Duration-Seconds``, Comfy's estimate for this very creation, replaces the
  provider's prior for the rest of the wait (the latest estimate counts). Its P90 sibling is not
  used: the schedule's prior is a typical time, and a P90 would only make polls later.
- ``Retry-After`` (seconds or an HTTP date) on a successful poll: the next poll is no sooner than it
  asks (and never sooner than the floor), up to ``MAX_RETRY_AFTER`` seconds; a longer hint is
  taken as that long. The wait's own deadline still ends the wait (``Poller``).

A value that is not a finite number of seconds in range is ignored, never an error.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ._constants import MAX_RETRY_AFTER
from ._responses import parse_retry_after

EARLIEST_FRACTION = 0.4
"""Of a provider's typical duration: before this much of it has passed nothing is polled."""
APPROACH = 0.5
"""Of the time the progress rate says is left: the most one sleep covers, until little is left."""
AIM_LAG = 0.1
"""Of the floor: how far after the extrapolated finish the last poll is aimed (a rate read from
rounded progress is slightly optimistic as often as not)."""
MIN_PROGRESS_SPAN = 1.0
"""In floors: how far apart two progress readings must be for their rate to count."""
MAX_SLEEP = 12.0
"""In floors: the longest one sleep may be (a minute at the default 5 s), so that a wrong prior or
rate costs little, and a sandbox whose creations finish in a second is polled as often as before."""


ESTIMATE_HEADER = "x-comfy-estimated-duration-seconds"
MAX_ESTIMATE = 86_400.0
"""Seconds: a longer estimate is no estimate (nothing genvideo waits for takes a day)."""


@dataclass(slots=True)
class ReplyHints:
    """What the replies of one poll said about the next one, read from their headers."""

    retry_after: float | None = None
    """Seconds the server asked to wait before asking again (a successful reply's ``Retry-After``)."""
    estimate: float | None = None
    """Seconds the provider expects this creation to take in all (``X-Comfy-Estimated-Duration-Seconds``)."""

    def read(self, headers: Mapping[str, str]) -> None:
        """Note the hints of one reply's ``headers`` (a later reply of the same poll overrides)."""
        if "retry-after" in headers:
            self.retry_after = parse_retry_after(headers)
        if ESTIMATE_HEADER in headers:
            self.estimate = _seconds(headers[ESTIMATE_HEADER])


def _seconds(text: str) -> float | None:
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and 0 < value <= MAX_ESTIMATE else None


@dataclass(slots=True)
class PollSchedule:
    """The delays of one wait. ``floor``: the caller's poll interval; ``typical``: seconds a creation
    of this provider usually takes, None if unknown."""

    floor: float
    typical: float | None = None
    _readings: list[tuple[float, float]] = field(default_factory=list, init=False)
    """(age, progress) of each poll that showed progress move, oldest first."""

    def next_delay(self, age: float, progress: float | None, hints: ReplyHints | None = None) -> float:
        """Seconds until the next poll, after one at ``age`` seconds into the creation's run that
        showed ``progress`` (0..1, or None), no finish, and ``hints`` in its replies' headers."""
        if hints is not None and hints.estimate is not None:
            self.typical = hints.estimate
        delay = min(self._delay(age, progress), MAX_SLEEP * self.floor)
        if hints is not None and hints.retry_after is not None and hints.retry_after > delay:
            return min(hints.retry_after, MAX_RETRY_AFTER)
        return delay

    def _delay(self, age: float, progress: float | None) -> float:
        remaining = self._remaining(age, progress)
        if remaining is not None:
            if remaining * APPROACH > self.floor:
                return remaining * APPROACH
            return max(self.floor, remaining + AIM_LAG * self.floor)
        if self.typical is not None and age < EARLIEST_FRACTION * self.typical:
            return max(self.floor, EARLIEST_FRACTION * self.typical - age)
        return self.floor

    def _remaining(self, age: float, progress: float | None) -> float | None:
        """Seconds to the finish the recent progress rate points at, once it can be read: from the
        latest reading and the newest one at least ``MIN_PROGRESS_SPAN`` floors before it."""
        if progress is None or not 0.0 < progress < 1.0:
            return None
        readings = self._readings
        if not readings or progress > readings[-1][1]:
            readings.append((age, progress))
        last_age, last_progress = readings[-1]
        for earlier_age, earlier_progress in reversed(readings[:-1]):
            if last_age - earlier_age >= MIN_PROGRESS_SPAN * self.floor:
                rate = (last_progress - earlier_progress) / (last_age - earlier_age)
                return max(0.0, last_age + (1.0 - last_progress) / rate - age)
        return None
