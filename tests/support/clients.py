"""Clients on a sandbox, with the tests' usual settings, and the sandbox's default credentials."""

from __future__ import annotations

import genvideo
from genvideo.testing import Sandbox

COMFY_KEY = "sandbox-comfy-key"
HAIPER_KEY = "sandbox-haiper-key"


def make_client(sb: Sandbox, **kwargs: object) -> genvideo.Client:
    return sb.client(**{"timeout": 5.0, **kwargs})


def make_async_client(sb: Sandbox, **kwargs: object) -> genvideo.AsyncClient:
    return sb.async_client(**{"timeout": 5.0, **kwargs})
