"""Render ``wrapper/src/genvideo/_providers/providers.json``: the provider registry as JSON.

``providers.toml`` is the registry's source (commented, edited by hand). genvideo reads this JSON copy
instead: the standard library parses TOML in pure Python (``tomllib``: ~2.5 ms with its import, on every
program's first client), JSON in C (~0.05 ms). Written by ``nox -s generate``, checked by the drift check;
a test also compares what genvideo loads with the TOML itself.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

REGISTRY_TOML = Path("wrapper/src/genvideo/_providers/providers.toml")
REGISTRY_JSON = Path("wrapper/src/genvideo/_providers/providers.json")

NOTICE = "Written by `nox -s generate` from providers.toml (the source: edit that file)."


def render_registry_json(toml_text: str) -> str:
    """The JSON copy of a ``providers.toml`` text: its tables in order, plus a notice naming the source."""
    document = tomllib.loads(toml_text)
    return json.dumps({"_notice": NOTICE, **document}, indent=1, ensure_ascii=False) + "\n"
