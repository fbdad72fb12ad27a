"""Render ``wrapper/src/genvideo/_specs.py``: the spec snapshots genvideo is built from.

The module is data only, written by ``nox -s generate`` and compared by the drift check.
It must stay ``ruff format`` stable and ``mypy --strict`` clean, so the text is laid out
here exactly as ruff would (double quotes, trailing commas, one argument per line).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from .config import Provider

_HEADER = '''"""The provider spec snapshots this genvideo was built from (``genvideo.SPECS``).

Written by the spec pipeline (``nox -s generate``) from ``specs/<provider>/``; never edit by
hand: the drift check (``nox -s drift``) fails when this file and the specs disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SPECS", "SpecSnapshot", "UpstreamFile"]


@dataclass(frozen=True, slots=True)
class UpstreamFile:
    """One vendored upstream document: its path under ``specs/<provider>/`` and its sha256."""

    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class SpecSnapshot:
    """One provider spec and the generated client built from it.

    ``title`` and ``info_version`` are ``info.title`` and ``info.version`` of the prepared
    document the client was generated from; ``upstream`` lists the upstream files behind it.
    """

    provider: str
    distribution: str
    version: str
    title: str
    info_version: str
    upstream: tuple[UpstreamFile, ...]

'''


def _s(value: str) -> str:
    """A double-quoted Python string literal (JSON escapes are valid Python escapes)."""
    return json.dumps(value)


def render_specs_module(
    providers: Sequence[Provider], versions: Mapping[str, str], prepared: Mapping[str, Mapping[str, Any]]
) -> str:
    """The module text for ``providers`` (``versions`` and ``prepared`` are keyed by provider name)."""
    lines = [_HEADER, "SPECS: tuple[SpecSnapshot, ...] = ("]
    for provider in providers:
        info = prepared[provider.name].get("info", {})
        lines += [
            "    SpecSnapshot(",
            f"        provider={_s(provider.name)},",
            f"        distribution={_s(provider.project_name)},",
            f"        version={_s(versions[provider.name])},",
            f"        title={_s(str(info.get('title', '')))},",
            f"        info_version={_s(str(info.get('version', '')))},",
            "        upstream=(",
        ]
        for name in provider.upstream:
            digest = hashlib.sha256((provider.folder / name).read_bytes()).hexdigest()
            lines += [
                "            UpstreamFile(",
                f"                path={_s(name)},",
                f"                sha256={_s(digest)},",
                "            ),",
            ]
        lines += ["        ),", "    ),"]
    lines.append(")")
    return "\n".join(lines) + "\n"
