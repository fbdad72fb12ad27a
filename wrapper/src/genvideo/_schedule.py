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
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(slots=True)
class PollSchedule:
    """The delays of one wait. ``floor``: the caller's poll interval; ``typical``: seconds a creation
    of this provider usually takes, None if unknown."""

    floor: float
    typical: float | None = None
    _readings: list[tuple[float, float]] = field(default_factory=list, init=False)
    """(age, progress) of each poll that showed progress move, oldest first."""

    def next_delay(self, age: float, progress: float | None) -> float:
        """Seconds until the next poll, after one at ``age`` seconds into the creation's run that
        showed ``progress`` (0..1, or None) and no finish."""
        return min(self._delay(age, progress), MAX_SLEEP * self.floor)

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
