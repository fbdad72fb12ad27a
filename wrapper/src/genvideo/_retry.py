"""When to retry a GET, and how long to wait first (no I/O here)."""

from __future__ import annotations

import random
import time
from typing import NamedTuple

import httpx

from . import _constants as C
from ._exceptions import APIConnectionError, APIError, APIStatusError

_RETRYABLE_STATUS = frozenset({408, 429})


def is_retryable_status(status: int) -> bool:
    """408, 429 and every 5xx: the statuses worth another attempt (and whose Retry-After counts)."""
    return status in _RETRYABLE_STATUS or 500 <= status <= 599


def is_retryable(error: APIError) -> bool:
    """Connection errors, timeouts, 408, 429 and every 5xx (safe for GETs and keyed submits).

    Also Comfy's 409 ``idempotency_in_flight``: the first submit with that key is still running.
    """
    if isinstance(error, APIConnectionError):
        return True
    if isinstance(error, APIStatusError):
        if error.status_code == 409:
            return error.error_code == "idempotency_in_flight"
        return is_retryable_status(error.status_code)
    return False


def never_sent(exc: BaseException | None) -> bool:
    """True for transport errors that prove the request never reached the server.

    Only these may be retried for a submit without an idempotency key: a lost
    answer to a request that did arrive could mean a second, billed generation.
    """
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def backoff(attempt: int, initial: float = C.INITIAL_RETRY_DELAY, cap: float = C.MAX_RETRY_DELAY) -> float:
    """Exponential backoff with jitter that only ever shortens the wait (at most by 25 %)."""
    return min(initial * 2.0 ** min(attempt, 30), cap) * (1.0 - 0.25 * random.random())


class Deadline(NamedTuple):  # a named tuple: a dataclass costs every program ~0.3 ms to define
    """An absolute point on the monotonic clock (or none)."""

    at: float | None = None

    @classmethod
    def after(cls, seconds: float | None) -> Deadline:
        return cls(None if seconds is None else time.monotonic() + seconds)

    def remaining(self) -> float | None:
        return None if self.at is None else self.at - time.monotonic()


def hint_too_long(hinted: float | None, deadline: Deadline) -> bool:
    """True when a server's Retry-After cannot be waited for: longer than MAX_RETRY_AFTER, or
    than the time left before ``deadline``. ``math.inf`` (an absurd hint) always is."""
    if hinted is None:
        return False
    if hinted > C.MAX_RETRY_AFTER:
        return True
    remaining = deadline.remaining()
    return remaining is not None and hinted >= remaining


def retry_delay(error: APIError, attempt: int, max_retries: int, deadline: Deadline) -> float | None:
    """Seconds to sleep before retry number ``attempt + 1``, or None to give up now.

    A server's Retry-After is honoured exactly, unless it is too long (:func:`hint_too_long`):
    then waiting cannot help, and the error is raised at once rather than sleeping past the
    caller's deadline.
    """
    if attempt >= max_retries or not is_retryable(error):
        return None
    hinted = getattr(error, "retry_after", None)
    if hint_too_long(hinted, deadline):
        return None
    delay = hinted if hinted is not None else backoff(attempt)
    remaining = deadline.remaining()
    if remaining is not None and delay >= remaining:
        return None
    return delay
