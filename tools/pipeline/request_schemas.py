"""``wrapper/src/genvideo/testing/_request_schemas.json``: the submit request schemas the sandbox checks.

The sandbox (``genvideo.testing``) ships in genvideo's wheel, away from ``specs/``, yet must refuse
exactly the submit bodies the prepared specs refuse. So the pipeline writes, per spec, each POST
path's JSON request-body schema with its ``$ref``\\ s inlined and only the keywords the sandbox's
validator reads (``genvideo.testing._schemas.problem``); ``generate`` writes the file and ``drift``
compares it. Other keywords (``format``, ``description``, ``allOf``...) are left out, so where a spec
uses them the sandbox accepts more than the spec, never less.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REQUEST_SCHEMAS = Path("wrapper/src/genvideo/testing/_request_schemas.json")
KEYWORDS = ("type", "properties", "required", "items", "enum", "nullable", "anyOf")
_JSON = "application/json"
_WIDTH = 100


class RecursiveSchema(ValueError):
    """A request schema refers to itself: it cannot be inlined."""


def _inline(document: Mapping[str, Any], schema: Mapping[str, Any], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    ref = schema.get("$ref")
    if isinstance(ref, str):
        if ref in seen:
            raise RecursiveSchema(f"{ref} refers to itself ({' -> '.join((*seen, ref))})")
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        return _inline(document, target, (*seen, ref))
    result: dict[str, Any] = {}
    for key in KEYWORDS:
        if key not in schema:
            continue
        value = schema[key]
        if key == "properties":
            value = {name: _inline(document, sub, seen) for name, sub in value.items()}
        elif key == "items":
            value = _inline(document, value, seen)
        elif key == "anyOf":
            value = [_inline(document, sub, seen) for sub in value]
        result[key] = value
    return result


def request_schemas(prepared: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Spec name -> POST path -> request-body schema, for every POST with a JSON body in ``prepared``
    (spec name -> prepared document)."""
    result: dict[str, dict[str, Any]] = {}
    for spec, document in prepared.items():
        paths: dict[str, Any] = {}
        for path, item in document.get("paths", {}).items():
            content = item.get("post", {}).get("requestBody", {}).get("content", {})
            if _JSON in content:
                paths[path] = _inline(document, content[_JSON].get("schema", {}))
        result[spec] = paths
    return result


def render_request_schemas(prepared: Mapping[str, Mapping[str, Any]]) -> str:
    """The file's text: sorted keys, each value on one line when it fits in ``_WIDTH`` columns."""
    return _render(request_schemas(prepared), 0) + "\n"


def _render(value: Any, indent: int) -> str:
    flat = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(", ", ": "))
    if indent + len(flat) <= _WIDTH or not isinstance(value, dict | list) or not value:
        return flat
    inner = " " * (indent + 1)
    if isinstance(value, list):
        items = [inner + _render(item, indent + 1) for item in value]
        opening, closing = "[", "]"
    else:
        items = [
            f"{inner}{json.dumps(key, ensure_ascii=False)}: {_render(value[key], indent + 1)}" for key in sorted(value)
        ]
        opening, closing = "{", "}"
    return opening + "\n" + ",\n".join(items) + "\n" + " " * indent + closing
