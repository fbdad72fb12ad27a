"""What the Prism contract tests of the providers behind Comfy's proxy share: the Prism servers (the
sandbox's fake behind a validating proxy, the static and the dynamic mock, mocks narrowed to one auth
scheme), a client pointed at one, the credential parameters, and the violations Prism reports on a
response."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef
from genvideo.testing import Sandbox
from tests.support.prism import SPECS, PrismConfig, PrismServer


def dynamic_runs(outcomes: set[str], wanted: str, runs: int = 25, most: int = 100) -> Iterator[int]:
    """Run numbers for asking Prism's dynamic mock: ``runs`` of them, then more (up to ``most``) until
    ``wanted`` is among ``outcomes``. Random replies are mostly refused for some endpoints (a made-up id
    is seldom a usable one), and 25 in a row were, once, in a CI run."""
    for run in range(most):
        if run >= runs and wanted in outcomes:
            return
        yield run


def comfy_configs(sandbox: Sandbox) -> list[PrismConfig]:
    """``proxy`` (in front of ``sandbox``, ``--errors``), ``static`` and ``dynamic`` mocks of the comfy spec."""
    return [
        PrismConfig("proxy", SPECS["comfy"], mode="proxy", upstream=sandbox.comfy_base_url, errors=True),
        PrismConfig("static", SPECS["comfy"]),
        PrismConfig("dynamic", SPECS["comfy"], dynamic=True),
    ]


def credential_configs(folder: Path) -> list[PrismConfig]:
    """``api-key-only`` and ``bearer-only`` mocks: the comfy spec narrowed to each of its two auth schemes."""
    return [
        PrismConfig("api-key-only", narrowed_spec(folder, "ComfyApiKey")),
        PrismConfig("bearer-only", narrowed_spec(folder, "BearerAuth")),
    ]


def credential_params(key: str, token: str) -> list[Any]:
    """``(credentials, header, value)`` for each Comfy credential: the ``Client`` argument and what it sends."""
    return [
        pytest.param({"comfy_api_key": key}, "X-API-Key", key, id="api-key"),
        pytest.param({"comfy_auth_token": token}, "Authorization", f"Bearer {token}", id="auth-token"),
    ]


def refusal_params(key: str, token: str) -> list[Any]:
    """``(credentials, accepted_by, refused_by)``: which narrowed mock (`credential_configs`) takes each
    Comfy credential and which refuses it."""
    return [
        pytest.param({"comfy_api_key": key}, "api-key-only", "bearer-only", id="api-key-as-X-API-Key"),
        pytest.param({"comfy_auth_token": token}, "bearer-only", "api-key-only", id="auth-token-as-bearer"),
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


def undeclared_status(declared: str) -> list[dict[str, Any]]:
    """The one violation Prism reports for a status code an operation does not declare (``declared``: its
    codes, comma-separated, as Prism lists them): a warning, the response passed on as it is."""
    message = f"Unable to match the returned status code with those defined in the document: {declared}"
    return [{"location": ["response"], "severity": "Warning", "message": message}]


def spec_document() -> dict[str, Any]:
    """The prepared comfy spec, parsed."""
    document: dict[str, Any] = json.loads(SPECS["comfy"].read_text())
    return document


def dynamic_status_outcomes(
    client: genvideo.Client, ref: CreationRef, check: Callable[[object, CreationRef], object], runs: int
) -> list[str]:
    """``get(ref)`` ``runs`` times against a dynamic mock: each creation agrees with its reply (``check``:
    "creation"), or it is refused as another creation's reply (Prism made up an id: "another's"). Anything
    else raises."""
    outcomes: list[str] = []
    for _ in range(runs):
        try:
            creation = client.get(ref)
        except genvideo.ResponseValidationError as exc:
            assert "but the reply is for" in str(exc)  # noqa: PT017 - Prism made up another creation's id
            outcomes.append("another's")
            continue
        check(creation, ref)
        outcomes.append("creation")
    return outcomes


def dynamic_submit_outcomes(create: Callable[[], CreationRef], provider: str, runs: int) -> set[str]:
    """``create()`` ``runs`` times against a dynamic mock: a ref of ``provider`` ("ref"), or a refusal that
    keeps the reply, for finding a billed task ("refused"). Anything else raises."""
    outcomes: set[str] = set()
    for _ in range(runs):
        try:
            ref = create()
        except genvideo.ResponseValidationError as exc:
            assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
            outcomes.add("refused")
            continue
        assert ref.provider == provider
        outcomes.add("ref")
    return outcomes
