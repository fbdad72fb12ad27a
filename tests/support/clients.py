"""Clients on a sandbox, with the tests' usual settings, and the sandbox's default credentials."""

from __future__ import annotations

from typing import Any

import genvideo
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox

MODES = ("sync", "async", "aiohttp")
"""The clients a test parametrized by ``mode`` runs with: ``Client``, ``AsyncClient``, and ``AsyncClient``
over aiohttp (for ``"aiohttp"``, tests/conftest.py sets ``GENVIDEO_HTTP_BACKEND``: the test's code is the
async one, every ``mode == "sync"`` test reads both asynchronous modes alike)."""

COMFY_KEY = "sandbox-comfy-key"
HAIPER_KEY = "sandbox-haiper-key"


def make_client(sb: Sandbox, **kwargs: object) -> genvideo.Client:
    return sb.client(**{"timeout": 5.0, **kwargs})


def make_async_client(sb: Sandbox, **kwargs: object) -> genvideo.AsyncClient:
    return sb.async_client(**{"timeout": 5.0, **kwargs})


def spec_base_urls(base_url: str) -> dict[str, Any]:
    """Every spec's base-URL argument, at `base_url` plus `/<spec>` as the sandbox serves them: for a scripted
    server answering the paths a sandbox would see (`tests.support.faultmatrix.replies`)."""
    return {spec.base_url_argument: f"{base_url}/{spec.name}" for spec in registry().specs.values()}
