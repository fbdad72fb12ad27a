"""Render ``wrapper/src/genvideo/_id_paths.json``: the path of every generated endpoint that takes one id.

genvideo's adapters name a generated endpoint module (``genvideo_comfy_client.api.api_nodes.vidu_get_creations``)
and ask it for the path of an id (``_get_kwargs(id)["url"]``). Importing that module imports its whole
generated package (its client, attrs, the reply's models): ~17 ms on a program's first call. This table
holds the same answer, read from the generated code itself (so it is exactly what ``_get_kwargs`` does:
the id quoted with ``quote(str(id), safe="")`` between a fixed prefix and suffix), and genvideo falls
back to the module for any endpoint not in it. Written by ``nox -s generate``, checked by the drift check.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

ID_PATHS = Path("wrapper/src/genvideo/_id_paths.json")

# The shape openapi-python-client 0.29 writes for an endpoint whose only argument is one path parameter.
_ONE_ID = re.compile(
    r"\ndef _get_kwargs\(\n    (?P<name>[a-z_][a-z0-9_]*): str,\n\) -> dict\[str, Any\]:\n\n"
    r"    _kwargs: dict\[str, Any\] = \{\n"
    r'        "method": "[a-z]+",\n'
    r'        "url": "(?P<url>[^"{}]*\{(?P=name)\}[^"{}]*)"\.format\(\n'
    r'            (?P=name)=quote\(str\((?P=name)\), safe=""\),\n'
    r"        \),\n"
    r"    \}\n\n"
    r"    return _kwargs\n"
)


def id_paths(packages: Iterable[Path]) -> dict[str, list[str]]:
    """Endpoint module (dotted) -> [prefix, suffix] of its path around the quoted id, for every endpoint
    module under ``<package>/api/`` of each generated package folder whose ``_get_kwargs`` takes one id."""
    table: dict[str, list[str]] = {}
    for package in packages:
        for source in sorted((package / "api").rglob("*.py")):
            found = _ONE_ID.search(source.read_text(encoding="utf-8"))
            if found is None:
                continue
            module = ".".join((package.name, *source.relative_to(package).with_suffix("").parts))
            prefix, _, suffix = found["url"].partition("{" + found["name"] + "}")
            table[module] = [prefix, suffix]
    return table


def render_id_paths(packages: Iterable[Path]) -> str:
    return json.dumps(id_paths(packages), indent=1, sort_keys=True) + "\n"
