"""Lenient, never-inventing timestamp parsing: providers do not document (or keep to) one format.

The rules (``Creation.created_at`` / ``updated_at``; the payload always keeps what was sent):

- An ISO 8601 / RFC 3339 date and time (any fraction length, with or without a zone; none means
  UTC). A date alone is partial: None.
- Other common date-time strings (``Thu, 05 Dec 2024 15:48:53 GMT``, ``2025/01/02 10:11``...) if
  they name a full date with a four-digit year and a time of day (hours and minutes): nothing is
  filled in from today's date or from defaults, so ``"12:00"`` or ``"may"`` are None, and nothing
  is read into two-digit years (``5/6/7 1:02``). A zone given by name must be UTC
  (``UTC``, ``GMT``, ``Z``); other names and ``GMT+3`` (whose sign differs between conventions) are
  None rather than a guess.
- A numeric epoch (a number, or a string of one), in whichever unit puts it between 2001-09-09 and
  2286-11-20: seconds (10 integer digits), milliseconds (13), microseconds (16) or nanoseconds (19).
  Anything else (0, negative, 2e11 — a year-8000 second or a 1976 millisecond?) is ambiguous: None.
- A UTC offset must be less than 24 h, and the moment must be representable in UTC; else None.

Unparseable values give None, never an exception.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

_FRACTION = re.compile(r"(\.\d{6})\d+")  # Vidu mirrors show nanoseconds; datetime holds micro
_SIGN_AMBIGUOUS_ZONE = re.compile(r"(?:GMT|UTC|UT)\s*[+-]", re.IGNORECASE)  # POSIX "GMT+3" is UTC-3
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MAX_LENGTH = 64

# Epoch units, tried in order: (divisor to seconds). A value is read in the unit that puts it in
# [EPOCH_MIN, EPOCH_MAX) seconds; these windows do not overlap, so the unit is never a guess.
EPOCH_MIN = 1e9  # 2001-09-09T01:46:40Z
EPOCH_MAX = 1e10  # 2286-11-20T17:46:40Z
_EPOCH_DIVISORS = (1, 10**3, 10**6, 10**9)

# Two different fillers for what a string leaves out: if the two parses differ, it left something out.
_DEFAULTS = (datetime(2000, 1, 1, 0, 0), datetime(2001, 2, 2, 1, 1))


class _Refused(Exception):
    """A zone we will not guess."""


def parse_timestamp(value: object) -> datetime | None:
    """An aware datetime (UTC when the value names no zone), or None; never raises.

    See the module docstring for what is accepted.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_LENGTH:
        return None
    moment = _from_iso(text)
    if moment is None:
        try:
            return _from_epoch(float(text))
        except ValueError:
            pass
        moment = _from_other(text)
    return _checked(moment) if moment is not None else None


def _from_iso(text: str) -> datetime | None:
    candidate = _FRACTION.sub(r"\1", text)
    try:
        moment = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    try:
        date.fromisoformat(candidate)
    except ValueError:
        return moment
    return None  # a date without a time of day is partial


def _from_other(text: str) -> datetime | None:
    if _SIGN_AMBIGUOUS_ZONE.search(text) or not _YEAR.search(text):
        return None
    from dateutil import parser

    try:
        first, second = (parser.parse(text, default=d, tzinfos=_zone) for d in _DEFAULTS)
    except Exception:  # a third-party parser fed hostile text: any failure means "unparseable"
        return None
    return first if first == second else None  # unequal: a field came from the defaults


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    """dateutil's ``tzinfos`` hook: numeric offsets and UTC names only (never the machine's local zone)."""
    if offset is not None:
        if abs(offset) >= 86_400:
            raise _Refused(f"offset {offset}")
        return timezone(timedelta(seconds=offset))
    if name is None:
        return None  # no zone at all: UTC, like every other zone-less value
    raise _Refused(f"zone {name!r}")  # a name dateutil does not know as UTC (EST, CET...): not guessed


def _from_epoch(value: float) -> datetime | None:
    try:
        if not math.isfinite(value) or value < 0:
            return None
        for divisor in _EPOCH_DIVISORS:
            seconds = value / divisor
            if EPOCH_MIN <= seconds < EPOCH_MAX:
                return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):  # an integer too large for a float
        return None
    return None


def _checked(moment: datetime) -> datetime | None:
    """``moment`` (naive: as UTC) if its offset is valid and it converts to UTC, else None.

    A tzinfo whose offset is 24 h or more only fails when the offset is first asked for (by
    ``isoformat()``, comparisons, ``astimezone``...): ask now, so that it never fails later.
    """
    try:
        offset = moment.utcoffset()
        if offset is None:
            return moment.replace(tzinfo=UTC)
        fixed = moment.replace(tzinfo=timezone(offset))  # also refuses |offset| >= 24 h
        fixed.astimezone(UTC)  # year 1 at +01:00, year 9999 at -01:00: out of range
    except (ValueError, OverflowError, TypeError):
        return None
    return fixed
