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

from .config import Spec

_HEADER = '''"""The spec snapshots this genvideo was built from (``genvideo.SPECS``).

Written by the spec pipeline (``nox -s generate``) from ``specs/<spec>/``; never edit by
hand: the drift check (``nox -s drift``) fails when this file and the specs disagree.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

__all__ = ["SPECS", "SpecSnapshot", "UpstreamFile"]


@dataclass(frozen=True, slots=True)
class UpstreamFile:
    """One vendored upstream document: its path under ``specs/<spec>/`` and its sha256."""

    path: str
    sha256: str


@dataclass(frozen=True, slots=True)
class SpecSnapshot:
    """One spec (an API document) and the generated client built from it.

    ``spec`` names it (``"comfy"``). A spec is not a provider: every provider behind Comfy's API
    proxy (Vidu today) shares the ``comfy`` spec. ``title`` and ``info_version`` are ``info.title``
    and ``info.version`` of the prepared document the client was generated from; ``upstream`` lists
    the upstream files behind it.
    """

    spec: str
    distribution: str
    version: str
    title: str
    info_version: str
    upstream: tuple[UpstreamFile, ...]

    @property
    def provider(self) -> str:
        """Deprecated alias of :attr:`spec` (a spec is not a provider); warns ``DeprecationWarning``."""
        warnings.warn("SpecSnapshot.provider is deprecated: use SpecSnapshot.spec", DeprecationWarning, stacklevel=2)
        return self.spec

'''


def _s(value: str) -> str:
    """A double-quoted Python string literal (JSON escapes are valid Python escapes)."""
    return json.dumps(value)


def render_specs_module(
    specs: Sequence[Spec], versions: Mapping[str, str], prepared: Mapping[str, Mapping[str, Any]]
) -> str:
    """The module text for ``specs`` (``versions`` and ``prepared`` are keyed by spec name)."""
    lines = [_HEADER, "SPECS: tuple[SpecSnapshot, ...] = ("]
    for spec in specs:
        info = prepared[spec.name].get("info", {})
        lines += [
            "    SpecSnapshot(",
            f"        spec={_s(spec.name)},",
            f"        distribution={_s(spec.project_name)},",
            f"        version={_s(versions[spec.name])},",
            f"        title={_s(str(info.get('title', '')))},",
            f"        info_version={_s(str(info.get('version', '')))},",
            "        upstream=(",
        ]
        for name in spec.upstream:
            digest = hashlib.sha256((spec.folder / name).read_bytes()).hexdigest()
            lines += [
                "            UpstreamFile(",
                f"                path={_s(name)},",
                f"                sha256={_s(digest)},",
                "            ),",
            ]
        lines += ["        ),", "    ),"]
    lines.append(")")
    return "\n".join(lines) + "\n"
