"""Waiting for a creation: when to poll again, what counts as a change, when to give up."""

from __future__ import annotations

import dataclasses
import math
import numbers
import time
from typing import TYPE_CHECKING

from . import _constants as C
from ._constants import MAX_POLL_INTERVAL, MIN_POLL_INTERVAL
from ._exceptions import APIError, CreationFailed, InvalidOption, WaitTimeout
from ._logging import redactor
from ._models import Creation
from ._providers._text import shown
from ._refs import CreationRef
from ._retry import Deadline, backoff, hint_too_long, is_retryable
from ._states import CreationState

if TYPE_CHECKING:
    from ._schedule import ReplyHints


def _seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InvalidOption(f"{name}: expected a number of seconds, got {type(value).__name__}", option=name)
    try:
        return float(value)
    except (OverflowError, ValueError) as exc:  # an int too large for a float; an odd Real
        raise InvalidOption(f"{name}: expected a number of seconds, got {shown(value, 40)}", option=name) from exc


def wait_timeout(value: object) -> float | None:
    """``timeout`` of wait/watch/generate in seconds, None for no deadline; else InvalidOption.

    ``None`` and ``math.inf`` mean no deadline; 0 means "poll once" (see :class:`Poller`); negative and
    NaN are refused.
    """
    if value is None:
        return None
    seconds = _seconds("timeout", value)
    if math.isnan(seconds) or seconds < 0:
        raise InvalidOption(
            f"timeout: expected seconds >= 0 (or None: no deadline), got {shown(value, 40)}", option="timeout"
        )
    return None if math.isinf(seconds) else seconds


def poll_interval_seconds(value: object) -> float:
    """``poll_interval`` in seconds, at least MIN_POLL_INTERVAL; InvalidOption unless in (0, 1 day]."""
    seconds = _seconds("poll_interval", value)
    if not 0 < seconds <= MAX_POLL_INTERVAL:  # also NaN and inf
        raise InvalidOption(
            f"poll_interval: expected seconds > 0 and <= {MAX_POLL_INTERVAL:.0f}, got {shown(value, 40)}",
            option="poll_interval",
        )
    return max(seconds, MIN_POLL_INTERVAL)


_PLAUSIBLE_AGE = 86_400.0


def _fingerprint(creation: Creation) -> tuple[object, ...]:
    return (creation.state, creation.raw_state, creation.progress, creation._output_count())


class Poller:
    """The bookkeeping of one wait, shared by the sync and async clients (no I/O here).

    When to poll next is :class:`PollSchedule`'s say: never sooner than ``poll_interval``, later
    while the provider's typical duration says the creation cannot be done yet or its progress
    rate says when it will be. Retryable errors are absorbed with backoff (or the server's Retry-After) until
    the deadline; nothing ever sleeps past it. ``timeout`` None (or inf) means no deadline;
    both arguments are checked here (:func:`wait_timeout`, :func:`poll_interval_seconds`),
    so every client refuses the same values with the same :class:`InvalidOption`.

    ``timeout`` 0 polls once: a deadline of now would stop that poll before it sent anything, so the
    first poll runs under the client's own timeout (and retries) instead, as ``get()`` does
    (:meth:`poll_deadline`); then the creation is returned if it finished, else WaitTimeout.
    """

    def __init__(
        self, ref: CreationRef, timeout: float | None, poll_interval: float, typical_seconds: float | None = None
    ) -> None:
        seconds = wait_timeout(timeout)
        poll_interval = poll_interval_seconds(poll_interval)
        self.ref = ref
        self.deadline = Deadline.after(seconds)
        self._poll_once = seconds == 0
        self.started = time.monotonic()
        self.polls = 0
        self.last: Creation | None = None
        self._base = poll_interval
        from ._schedule import PollSchedule  # with the first wait: `import genvideo` and a get do without

        self._schedule = PollSchedule(poll_interval, typical_seconds)
        self._interval = poll_interval
        self._failures = 0
        self._last_error: APIError | None = None

    def poll_deadline(self) -> Deadline:
        """The deadline of the poll about to start: the wait's, except for the one poll of ``timeout=0``
        (none: the client's own timeout bounds it)."""
        return Deadline() if self._poll_once and self.polls == 0 else self.deadline

    def record(self, creation: Creation, hints: ReplyHints | None = None) -> bool:
        """Note a successful poll (and what its replies' headers said); True when it differs from the
        previous one."""
        self.polls += 1
        self._failures = 0
        self._last_error = None
        changed = self.last is None or _fingerprint(creation) != _fingerprint(self.last)
        self.last = creation
        self._interval = self._schedule.next_delay(self._age(creation), creation.progress, hints)
        return changed

    def _age(self, creation: Creation) -> float:
        """Seconds since the creation started: by its ``created_at`` when that is plausible (not in the
        future, not over a day ago), else since this wait started."""
        elapsed = time.monotonic() - self.started
        if creation.created_at is not None:
            age = time.time() - creation.created_at.timestamp()
            if elapsed <= age <= _PLAUSIBLE_AGE:
                return age
        return elapsed

    def delay(self) -> float:
        """Seconds until the next poll; raises WaitTimeout when no time is left."""
        return self._bounded(self._interval)

    def delay_after_error(self, error: APIError) -> float:
        """Seconds until the next poll after a failed one; re-raises what waiting cannot fix."""
        if not is_retryable(error):
            raise error
        self.polls += 1
        self._last_error = error
        hinted = getattr(error, "retry_after", None)
        if hint_too_long(hinted, self.deadline):
            raise error  # the server asks for longer than we may (or than is reasonable to) wait
        # A server answering Retry-After: 0 every time must not turn waiting into a busy loop.
        floor = min(self._base, C.INITIAL_RETRY_DELAY)
        delay = max(hinted, floor) if hinted is not None else max(backoff(self._failures), self._base)
        self._failures += 1
        return self._bounded(delay)

    def _bounded(self, delay: float) -> float:
        remaining = self.deadline.remaining()
        if remaining is not None and remaining <= 0:
            raise self.timeout()
        if remaining is not None and delay > remaining - C.MIN_POLL_WINDOW:
            return remaining  # no poll could finish in what would be left: sleep to the deadline, then stop
        return delay

    def check(self) -> None:
        """Raise WaitTimeout if the deadline has passed (called after each sleep)."""
        if self.expired():
            raise self.timeout()

    def timeout(self) -> WaitTimeout:
        elapsed = time.monotonic() - self.started
        state = f"; last state {self.last.state.value} ({self.last.raw_state!r})" if self.last else ""
        error = WaitTimeout(
            f"{self.ref} did not finish within {elapsed:.1f}s ({self.polls} polls{state})",
            creation=self.last,
            elapsed=elapsed,
            polls=self.polls,
        )
        error.__cause__ = self._last_error
        return error

    def expired(self) -> bool:
        remaining = self.deadline.remaining()
        return remaining is not None and remaining <= 0


def masked_failure(creation: Creation) -> Creation:
    """``creation`` with any key a client holds masked in the provider's failure words (``error_code``,
    ``error_message``): a provider may echo a request, key included, in its reason. The same object when
    there is nothing to mask (every poll passes here)."""
    code, message = creation.error_code, creation.error_message
    if code is None and message is None:
        return creation
    masked_code = redactor.redact(code) if code is not None else None
    masked_message = redactor.redact(message) if message is not None else None
    if masked_code == code and masked_message == message:
        return creation
    return dataclasses.replace(creation, error_code=masked_code, error_message=masked_message)


def check_finished(creation: Creation) -> Creation:
    """The creation if it delivered; CreationFailed if it failed or succeeded with no output."""
    if creation.state is CreationState.FAILED:
        code = f" (error code {shown(redactor.redact(creation.error_code[:1000]))})" if creation.error_code else ""
        # The provider's own words, quoted (bounded, control characters escaped, any key a client holds masked).
        said = f": {shown(redactor.redact(creation.error_message[:1000]), 200)}" if creation.error_message else ""
        raise CreationFailed(f"{creation.ref} failed{code}{said}", creation=creation)
    if not creation.outputs:
        raise CreationFailed(f"{creation.ref} succeeded but delivered no output", creation=creation)
    return creation
