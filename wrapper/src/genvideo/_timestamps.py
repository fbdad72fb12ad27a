"""Lenient timestamp parsing: providers do not document (or keep to) one format."""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

_FRACTION = re.compile(r"(\.\d{6})\d+")  # Vidu mirrors show nanoseconds; datetime holds micro
_MS_THRESHOLD = 1e11  # epoch values above this are milliseconds (year 5138 in seconds)


def parse_timestamp(value: object) -> datetime | None:
    """An aware datetime (UTC when the value names no zone), or None if unparseable.

    Accepts ISO 8601 with or without zone and with any fraction length, other
    common date strings (via python-dateutil), and numeric epochs in s or ms.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        try:
            return _from_epoch(float(value))
        except OverflowError:  # an integer too large for a float
            return None
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    text = value.strip()
    try:
        return _aware(datetime.fromisoformat(_FRACTION.sub(r"\1", text)))
    except ValueError:
        pass
    try:
        return _from_epoch(float(text))
    except ValueError:
        pass
    from dateutil import parser

    try:
        return _aware(parser.parse(text))
    except (ValueError, OverflowError):
        return None


def _from_epoch(seconds: float) -> datetime | None:
    if not math.isfinite(seconds) or seconds < 0:
        return None
    if seconds > _MS_THRESHOLD:
        seconds /= 1000.0
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
