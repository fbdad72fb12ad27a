"""A YAML loader for OpenAPI documents with the YAML 1.2 core schema's plain scalars.

PyYAML implements YAML 1.1, where ``on``/``off``/``yes``/``no`` are booleans, ``16:9`` is the
sexagesimal integer 969, ``0755`` is octal 493 and ``2024-01-01`` is a date. OpenAPI documents are
YAML 1.2: only ``true``/``false`` are booleans, integers are decimal (or ``0o``/``0x``), and
everything else that is not a number or null stays a string. The Comfy document has
``enum: [on, off]`` and ``enum: [16:9, 9:16, 1:1]`` unquoted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

# YAML 1.2.2, 10.3.2 "Tag Resolution" (core schema).
_CORE_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_CORE_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_CORE_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_CORE_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)

_NULL, _BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float"))

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _Yaml12Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader with the YAML 1.2 core schema's resolvers and number constructors."""


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)  # "0755" is 755 in YAML 1.2


def _construct_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    text = str(loader.construct_scalar(node))
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(text)


# Only these implicit resolvers: no 1.1 sexagesimal numbers, octal "0755", yes/no/on/off, timestamps or "=".
_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    (_NULL, _CORE_NULL, ["~", "n", "N", ""]),
    (_BOOL, _CORE_BOOL, list("tTfF")),
    (_INT, _CORE_INT, list("-+0123456789")),
    (_FLOAT, _CORE_FLOAT, list("-+.0123456789")),
):
    _Yaml12Loader.add_implicit_resolver(_tag, _pattern, _first)
_Yaml12Loader.add_constructor(_INT, _construct_int)
_Yaml12Loader.add_constructor(_FLOAT, _construct_float)


def load_yaml(path: Path) -> Any:
    """Parse a YAML (or JSON) file with the YAML 1.2 core schema."""
    with path.open("rb") as f:
        return yaml.load(f, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def loads_yaml(data: bytes | str) -> Any:
    """Parse YAML (or JSON) text with the YAML 1.2 core schema."""
    return yaml.load(data, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
