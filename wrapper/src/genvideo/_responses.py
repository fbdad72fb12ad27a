"""Turning an HTTP answer into a JSON object or a typed error (no I/O here)."""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_tz
from typing import Any

import httpx

from ._constants import ERROR_BODY_SNIPPET
from ._credentials import mask_secrets
from ._exceptions import (
    APIStatusError,
    AuthenticationError,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
)
from ._retry import is_retryable_status

# Patterns, compiled by ``re`` on first use: only error messages need them.
_TAGS = r"<[^>]*>"
_SPACE = r"\s+"
_CONTROL = r"[\x00-\x08\x0b-\x1f\x7f]"
_MAX_YEAR = 9999  # the last year a datetime holds
_DAY = 86_400


def scrub(text: str, secrets: Iterable[str] = ()) -> str:
    """Single-line, tag-free, bounded text with every known secret masked, in any of its renderings
    (plain, ``repr()``'d, JSON-escaped, percent-encoded: ``_credentials.secret_renderings``)."""
    secrets = tuple(secrets)
    # Masked before cleaning (dropping tags or collapsing spaces could split a secret, leaving its
    # pieces), and after (dropping control characters could join one), always before cutting.
    text = mask_secrets(text, secrets)
    text = mask_secrets(re.sub(_SPACE, " ", re.sub(_TAGS, " ", re.sub(_CONTROL, "", text))).strip(), secrets)
    if len(text) > ERROR_BODY_SNIPPET:
        text = text[:ERROR_BODY_SNIPPET] + "…"
    # A lone surrogate (a JSON "\ud800" in an error body) would make str(exc) unprintable as UTF-8.
    return text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (delta-seconds or HTTP-date); None if absent or unusable.

    Never raises. A value too large to represent (``99999…9`` digits, ``1e400``, a date past year
    9999) is ``math.inf``: absurdly long, so callers raise at once instead of sleeping (any hint
    over MAX_RETRY_AFTER is). Negative, NaN and malformed values are None; a date in the past is 0.
    """
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        found = _http_date_delay(value, time.time() if now is None else now)
        if found is None:
            return None
        seconds = found
    if math.isnan(seconds) or seconds < 0:
        return None
    return seconds


def _http_date_delay(value: str, now: float) -> float | None:
    """Seconds from ``now`` until an HTTP-date (0 if past); inf past year 9999; None if invalid.

    Reads the fields with ``parsedate_tz`` (plain integers, any size) and checks them before
    building a datetime, which would overflow on a huge year, hour or offset.
    """
    try:
        parsed = parsedate_tz(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    year, month, day, hour, minute, second = parsed[:6]
    offset = parsed[9] or 0  # an HTTP-date is GMT; "-0000" (zone unknown) too
    if year > _MAX_YEAR:
        return math.inf
    if abs(offset) >= _DAY:
        return None
    try:
        moment = datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC) - timedelta(seconds=offset)
    except (ValueError, OverflowError):
        return None
    return max(moment.timestamp() - now, 0.0)


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _error_fields(body: object) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(message, code, details) from whatever error envelope a provider used."""
    if not isinstance(body, dict):
        return None, None, ()
    message = _text(body.get("message")) or _text(body.get("detail")) or _text(body.get("error_message"))
    code = _text(body.get("code")) or _text(body.get("err_code"))
    error = body.get("error")
    if isinstance(error, dict):  # {"error": {"message", "type", ...}}
        message = message or _text(error.get("message"))
        code = code or _text(error.get("type")) or _text(error.get("code"))
    elif _text(error):  # the Comfy proxy's flat {"error": code, "message": text}
        code = code or _text(error)
        message = message or _text(error)
    raw_details = body.get("details")
    details: tuple[str, ...] = ()
    if isinstance(raw_details, list):
        details = tuple(
            d if isinstance(d, str) else json.dumps(d, ensure_ascii=False, default=str)[:200] for d in raw_details[:20]
        )
    elif _text(raw_details):
        details = (str(raw_details),)
    return message, code, details


def status_error(
    provider: str, response: httpx.Response, secrets: Iterable[str] = (), content: bytes | None = None
) -> APIStatusError:
    """The typed error for a non-2xx response, with its body (``content``, default: the
    response's) parsed leniently."""
    secrets = tuple(secrets)
    status = response.status_code
    raw = (response.content if content is None else content).decode("utf-8", "replace")
    try:
        body: object = json.loads(raw) if raw.strip() else None
    except (ValueError, RecursionError):
        body = None
    message, code, details = _error_fields(body)
    code = code or response.headers.get("x-comfy-error-type")
    snippet = scrub(raw, secrets)
    reason = scrub(message or snippet or response.reason_phrase or "no body", secrets)
    text = f"{provider}: HTTP {status}: {reason}"
    kwargs: dict[str, Any] = {
        "provider": provider,
        "status_code": status,
        "details": tuple(scrub(d, secrets) for d in details),
        "error_code": scrub(code, secrets) if code else None,
        "body": snippet,
        "retry_after": parse_retry_after(response.headers) if is_retryable_status(status) else None,
    }
    cls: type[APIStatusError]
    if status in (401, 403):
        cls = AuthenticationError
    elif status == 404:
        cls = NotFoundError
    elif status == 429:
        cls = RateLimitError
    elif 500 <= status <= 599:
        cls = ServerError
    else:
        cls = APIStatusError
        if 300 <= status < 400:
            text += " (redirects are not followed: credentials stay with the configured host)"
    return cls(text, **kwargs)


def json_object(
    provider: str, response: httpx.Response, secrets: Iterable[str] = (), content: bytes | None = None
) -> dict[str, Any]:
    """The 2xx body (``content``, default: the response's) as a JSON object, or ResponseValidationError."""
    content = response.content if content is None else content
    try:
        body = json.loads(content)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        kind = "an empty body" if not content.strip() else "a body that is not JSON"
        ctype = response.headers.get("content-type", "no content type")
        snippet = scrub(content[:1000].decode("utf-8", "replace"), secrets)
        raise ResponseValidationError(
            f"{provider}: HTTP {response.status_code} with {kind} ({ctype}): {snippet or '(empty)'}",
            provider=provider,
            body=snippet,
        ) from exc
    if not isinstance(body, dict):
        raise ResponseValidationError(
            f"{provider}: expected a JSON object, got {type(body).__name__}",
            provider=provider,
            body=scrub(content[:1000].decode("utf-8", "replace"), secrets),
        )
    return body
