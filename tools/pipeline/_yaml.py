"""A YAML loader for OpenAPI documents that keeps ``on``/``off``/``yes``/``no`` as strings.

PyYAML implements YAML 1.1, where those words are booleans; OpenAPI documents are
YAML 1.2, where only ``true``/``false`` are. The Comfy document has ``enum: [on, off]``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_YAML12_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _Yaml12Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader with YAML 1.2 core-schema booleans."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _Yaml12Loader.yaml_implicit_resolvers.setdefault(_first, []).insert(0, ("tag:yaml.org,2002:bool", _YAML12_BOOL))


def load_yaml(path: Path) -> Any:
    """Parse a YAML (or JSON) file with YAML 1.2 booleans."""
    with path.open("rb") as f:
        return yaml.load(f, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass


def loads_yaml(data: bytes | str) -> Any:
    """Parse YAML (or JSON) text with YAML 1.2 booleans."""
    return yaml.load(data, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
