"""Checks on provider replies that both adapters share: whose creation a lookup answered, which id a
submit reply names, and the error for a submit reply that cannot be used (after it may have been billed)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from .._exceptions import ResponseValidationError
from .._logging import redactor
from .._refs import CreationRef, Provider
from ._text import shown

# What a refused submit reply keeps in the error's ``.body``: enough to find the generation (ids are
# short), bounded whatever the provider echoes (prompts, base64 images, a 1 MB ``payload``).
_BODY_STRING = 200
_BODY_ITEMS = 20
_BODY_DEPTH = 6
_ID_KEYS = ("task_id", "id", "generation_id", "creation_id")


def id_text(value: object) -> str | None:
    """An id as the provider sent it: a string as is, a non-negative integer as its decimal string.

    None for anything else (a float could have lost digits, a bool or an object is no id).
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        try:
            return str(value)
        except ValueError:  # more digits than Python will print: no usable id either
            return None
    return None


def check_reply_id(provider: Provider, ref: CreationRef, reply: Mapping[str, Any] | None, keys: Iterable[str]) -> None:
    """ResponseValidationError unless every id the reply names under ``keys`` is ``ref``'s id.

    A reply for another creation must never pass for this one: it is what a connection pool shared
    across ``os.fork()`` (two processes reading each other's answers) or a confused proxy produces.
    Absent, null and empty ids are not checked (the specs make every field optional).
    """
    if reply is None:
        return
    for key in keys:
        value = reply.get(key)
        if value is None or value == "":
            continue
        text = id_text(value)
        if text is None:
            raise ResponseValidationError(
                f"{provider}: the reply's {key} should be a string or null, got {type(value).__name__}",
                provider=provider,
            )
        if text != ref.id:
            raise ResponseValidationError(
                f"{provider}: asked for {ref} but the reply is for {key} {shown(text)}: another creation's "
                "answer was refused (is a client shared across os.fork(), or a proxy mixing up replies?)",
                provider=provider,
            )


def refused_submit(provider: Provider, reason: str, body: Mapping[str, Any]) -> ResponseValidationError:
    """The error for a 2xx submit reply that cannot be turned into a ref.

    The generation may already exist (and be billed), so the error carries what is needed to find
    it: every id the reply names in its message, and the reply itself (as compact JSON, long
    strings and arrays cut, every credential a client holds masked) in ``.body``.
    """
    found = [f"{key}={_named(body[key])}" for key in _ID_KEYS if body.get(key) not in (None, "")]
    value = body.get("value")
    if isinstance(value, Mapping):
        found += [f"value.{key}={_named(value[key])}" for key in _ID_KEYS if value.get(key) not in (None, "")]
    names = f"it names {', '.join(found)}" if found else "it names no id"
    return ResponseValidationError(
        f"{provider}: {reason}. The generation may have started (and be billed): {names}; "
        "the whole reply is in this error's .body",
        provider=provider,
        body=compact_json(body),
    )


def _named(value: object) -> str:
    return shown(redactor.redact(value[:1000]) if isinstance(value, str) else value, 100)


def compact_json(document: object) -> str:
    """``document`` as ASCII-only JSON with credentials masked and long strings, arrays, objects cut."""
    return json.dumps(_compact(document, _BODY_DEPTH), ensure_ascii=True, allow_nan=True, default=str)


def _compact(value: object, depth: int) -> object:
    if isinstance(value, str):
        text = redactor.redact(value[: _BODY_STRING * 20])  # mask before cutting: no half-secret is left
        return text if len(text) <= _BODY_STRING else text[:_BODY_STRING] + "…"
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        return value if value.bit_length() <= 64 else f"<integer of {value.bit_length()} bits>"
    if depth <= 0:
        return "…"
    if isinstance(value, Mapping):
        items = list(value.items())
        result = {str(_compact(str(k), 0)): _compact(v, depth - 1) for k, v in items[:_BODY_ITEMS]}
        if len(items) > _BODY_ITEMS:
            result["…"] = f"{len(items) - _BODY_ITEMS} more"
        return result
    if isinstance(value, list | tuple):
        cut = [_compact(v, depth - 1) for v in value[:_BODY_ITEMS]]
        return [*cut, f"… {len(value) - _BODY_ITEMS} more"] if len(value) > _BODY_ITEMS else cut
    return f"<{type(value).__name__}>"
