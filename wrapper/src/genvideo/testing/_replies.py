"""Complete HTTP replies and the JSON helpers every fake shares: dumping, timestamps, reason phrases."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

from ._faults import Fault

Headers = tuple[tuple[str, str], ...]
JsonObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Reply:
    """A complete response; the handler adds Content-Length, Date, Server and Connection."""

    status: int
    headers: Headers
    body: bytes | memoryview


def dump(document: object) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def json_reply(status: int, document: object, headers: Headers = ()) -> Reply:
    """`document` as `application/json`."""
    return Reply(status, (("Content-Type", "application/json"), *headers), dump(document))


def fault_reply(fault: Fault) -> Reply:
    """The reply of a `status`, `body` or `redirect` fault."""
    headers = list(fault.headers)
    if fault.kind == "redirect":
        headers.append(("Location", fault.location))
    elif fault.content_type is not None:
        headers.insert(0, ("Content-Type", fault.content_type))
    return Reply(fault.status_code, tuple(headers), fault.payload)


def flat_error(
    status: int,
    *,
    code: str | None = None,
    message: str | None = None,
    details: Sequence[str] = (),
    headers: Headers = (),
) -> Reply:
    """api.comfy.org's flat envelope (`error`, `message`, `details`), also the sandbox's own for paths no
    fake owns. `code` defaults to the reason phrase in snake case (`payment_required`), `message` to the
    reason phrase."""
    code = code or "_".join(reason_phrase(status).lower().replace("-", " ").split())
    document = {"error": code, "message": message or reason_phrase(status), "details": list(details)}
    return json_reply(status, document, headers)


def iso_utc(epoch: float) -> str:
    """ISO-8601 with milliseconds and a `Z`, e.g. `2025-01-01T12:00:00.000Z`."""
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def reason_phrase(status: int) -> str:
    """The standard reason phrase, or a generic one for non-standard codes such as 520."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown Error" if status >= 500 else "Unknown"


def xml_error(status: int, code: str | None = None, message: str | None = None, headers: Headers = ()) -> Reply:
    """A CloudFront/S3/GCS-style XML error (the CDN's and storage's); `code` defaults to the reason phrase
    in CamelCase, `message` to the phrase."""
    code = code or "".join(reason_phrase(status).title().split())
    message = message or reason_phrase(status)
    document = f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    return Reply(status, (("Content-Type", "application/xml"), *headers), document.encode())
