"""What the Prism contract tests of the providers behind Comfy's proxy share: the Prism servers (the
sandbox's fake behind a validating proxy, the static and the dynamic mock), a client pointed at one,
a spec narrowed to one auth scheme, and the violations Prism reports on a response."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

import genvideo
from genvideo.testing import Sandbox
from tests.support.prism import SPECS, PrismConfig, PrismServer


def comfy_configs(sandbox: Sandbox) -> list[PrismConfig]:
    """``proxy`` (in front of ``sandbox``, ``--errors``), ``static`` and ``dynamic`` mocks of the comfy spec."""
    return [
        PrismConfig("proxy", SPECS["comfy"], mode="proxy", upstream=sandbox.comfy_base_url, errors=True),
        PrismConfig("static", SPECS["comfy"]),
        PrismConfig("dynamic", SPECS["comfy"], dynamic=True),
    ]


def narrowed_spec(folder: Path, scheme: str) -> Path:
    """The prepared comfy spec with ``scheme`` as its only security scheme, written into ``folder``."""
    doc = json.loads(SPECS["comfy"].read_text())
    doc["security"] = [{scheme: []}]
    path = folder / f"comfy-{scheme}.json"
    path.write_text(json.dumps(doc))
    return path


def comfy_client(server: PrismServer, key: str, **credentials: Any) -> genvideo.Client:
    """A client of ``server`` with ``key`` as its Comfy API key (or ``credentials``), retrying nothing."""
    return genvideo.Client(
        comfy_base_url=server.url,
        max_retries=0,  # a violation (Prism's 500) must surface, not be retried away
        timeout=10.0,
        **(credentials or {"comfy_api_key": key}),
    )


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    """The violations Prism reports in a response's ``sl-violations`` header."""
    header = response.headers.get("sl-violations")
    return json.loads(header) if header else []
