"""Reading fields from provider JSON with type checks that name what was wrong."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ._exceptions import ResponseValidationError


def optional_str(provider: str, obj: Mapping[str, Any], key: str, where: str, index: int = 0) -> str | None:
    """``obj[key]`` if it is a string or null/missing. ``where`` may hold ``{}`` for ``index``:
    it is only formatted for the error message (this runs once per item of large replies)."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise ResponseValidationError(
        f"{provider}: {where.format(index)}{key} should be a string or null, got {type(value).__name__}",
        provider=provider,
    )


def optional_code(obj: Mapping[str, Any], key: str) -> str | None:
    """Error codes arrive as strings or numbers; '' means none."""
    value = obj.get(key)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        return str(value) or None
    return None


def optional_object(provider: str, obj: Mapping[str, Any], key: str, where: str) -> Mapping[str, Any] | None:
    value = obj.get(key)
    if value is None or isinstance(value, dict):
        return value
    raise ResponseValidationError(
        f"{provider}: {where}{key} should be an object or null, got {type(value).__name__}", provider=provider
    )


def optional_list(provider: str, obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise ResponseValidationError(
        f"{provider}: {where}{key} should be an array or null, got {type(value).__name__}", provider=provider
    )


def fraction(value: object, scale: float) -> float | None:
    """A progress value on ``0..scale`` as 0..1 (clamped); None when not a finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        result = float(value) / scale
    except OverflowError:  # an integer too large for a float
        return None
    if not math.isfinite(result):
        return None
    return min(max(result, 0.0), 1.0)
