"""Submit body checks against the prepared specs' request schemas (`_request_schemas.json`).

The sandbox ships in the wheel, away from `specs/`, so the spec pipeline
(`tools/pipeline/request_schemas.py`) writes each spec's submit request schemas next to this module:
spec name -> path in the prepared document -> the JSON request-body schema, `$ref`s inlined, with only
the keywords `problem` reads.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any

SCHEMAS_FILE = "_request_schemas.json"

Schema = Mapping[str, Any]
"""A subset of an OpenAPI schema: `type`, `properties`, `required`, `items`, `enum`, `nullable`, `anyOf`."""


@functools.cache
def request_schemas() -> Mapping[str, Mapping[str, Schema]]:
    """Every spec's submit request schemas (read once, on the first submit)."""
    text = resources.files(__package__).joinpath(SCHEMAS_FILE).read_text(encoding="utf-8")
    schemas: dict[str, dict[str, Schema]] = json.loads(text)
    return schemas


def request_schema(spec: str, path: str) -> Schema:
    """The request schema of the submit at `path` (as the prepared spec spells it) of `spec`."""
    try:
        return request_schemas()[spec][path]
    except KeyError:
        raise LookupError(
            f"no request schema for {spec} {path} in genvideo/testing/{SCHEMAS_FILE}: is the path in the "
            "prepared spec? `python -m tools.pipeline generate` rewrites the file"
        ) from None


def problem(value: object, schema: Schema, path: str = "") -> tuple[str, str] | None:
    """The first way `value` breaks `schema`, as (field path, message), or None.

    Unknown fields are accepted; a null counts as absent (so a null required field is missing).
    """
    where = path or "body"
    if value is None and schema.get("nullable"):
        return None
    if "anyOf" in schema:
        found = [problem(value, option, path) for option in schema["anyOf"]]
        if all(found):
            return where, f"{where} matches none of its allowed shapes"
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return where, f"{where} must be a JSON object"
        for name in schema.get("required", ()):
            if value.get(name) is None:
                field = f"{path}.{name}" if path else name
                return field, f"{field} is required"
        for name, sub in schema.get("properties", {}).items():
            if value.get(name) is not None:
                found_here = problem(value[name], sub, f"{path}.{name}" if path else name)
                if found_here is not None:
                    return found_here
        return None
    if kind == "array":
        if not isinstance(value, list):
            return where, f"{where} must be an array"
        for index, item in enumerate(value):
            found_here = problem(item, schema.get("items", {}), f"{where}[{index}]")
            if found_here is not None:
                return found_here
        return None
    checks = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
    }
    if not checks.get(str(kind), True):
        return where, f"{where} must be a{'n' if str(kind)[0] in 'aeiou' else ''} {kind}"
    if "enum" in schema and value not in schema["enum"]:
        return where, f"{where} must be one of: {', '.join(map(str, schema['enum']))}"
    return None
