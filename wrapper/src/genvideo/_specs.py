"""The spec snapshots this genvideo was built from (``genvideo.SPECS``).

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


SPECS: tuple[SpecSnapshot, ...] = (
    SpecSnapshot(
        spec="comfy",
        distribution="genvideo-comfy-client",
        version="1.0.19",
        title="Comfy API",
        info_version="1.0",
        upstream=(
            UpstreamFile(
                path="upstream/openapi.yml",
                sha256="2b07cdec42fc7752c9086f708c0c054cebe1641a887078113bac95c84e9a410e",
            ),
        ),
    ),
    SpecSnapshot(
        spec="haiper",
        distribution="genvideo-haiper-client",
        version="1.0.1",
        title="Haiper API",
        info_version="1.0.0",
        upstream=(
            UpstreamFile(
                path="upstream/get-creation-status.openapi.yml",
                sha256="7ffa7ef5a1784fdc7421a68f09ffbddb15026813b5bc04563524047d0ace10ee",
            ),
            UpstreamFile(
                path="upstream/get-creation-detail.openapi.yml",
                sha256="0725c362be032b2446eb656200dfa14221b76e439d4f486e780e43e71966668a",
            ),
        ),
    ),
)
