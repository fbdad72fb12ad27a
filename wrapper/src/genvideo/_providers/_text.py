"""Text from provider JSON made safe to hand on: valid Unicode, and bounded, escaped quoting."""

from __future__ import annotations

import re
from typing import overload

_SURROGATE = re.compile(r"[\ud800-\udfff]")


@overload
def valid_text(value: str) -> str: ...
@overload
def valid_text(value: None) -> None: ...
@overload
def valid_text(value: str | None) -> str | None: ...
def valid_text(value: str | None) -> str | None:
    """``value`` with each lone surrogate replaced by U+FFFD (None stays None).

    JSON can carry ``"\\ud800"``, which decodes to a str that no UTF-8 stream can encode: writing it
    anywhere (a file, the CLI's stdout, a database) would raise UnicodeEncodeError. Everything else
    is kept exactly; the creation's ``payload`` keeps the original.
    """
    if value is None or value.isascii():
        return value
    return _SURROGATE.sub("\ufffd", value)


def has_surrogate(value: str) -> bool:
    """True if ``value`` holds a lone surrogate (it cannot be encoded as UTF-8)."""
    return not value.isascii() and _SURROGATE.search(value) is not None


def shown(value: object, limit: int = 80) -> str:
    """``value`` quoted for a message: the ``repr`` of a string's first ``limit`` characters
    (control characters, surrogates and invisible format characters escaped), ``…`` when cut;
    other values by their ``repr``, cut the same way. Never raises."""
    if isinstance(value, str):
        return repr(value[:limit]) + ("…" if len(value) > limit else "")
    try:
        text = repr(value)
    except Exception:  # e.g. an int too long to print raises ValueError
        return f"<{type(value).__name__}>"
    return text[:limit] + ("…" if len(text) > limit else "")
