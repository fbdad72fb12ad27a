"""Topaz's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: the create, accept, complete-upload and status
  calls the Topaz fake answers must fit the spec, and so must genvideo's requests (the part PUTs go to the signed
  URLs, outside the spec and outside Prism).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid status reply the spec allows, genvideo gives a
  ``Creation`` whose fields agree with the JSON, or a ``GenvideoError``. (No create against the mock: its accept
  example names S3 URLs, and tests talk to 127.0.0.1 only.)

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo.testing import Sandbox
from genvideo.testing._media import sample_video
from genvideo_comfy_client.models import TopazVideoStatusResponse
from tests.support.comfy_contract import comfy_client, comfy_configs
from tests.support.prism import PrismServer, prism_fixture

pytestmark = pytest.mark.prism

COMFY_KEY = "topaz-contract-comfy-key"
DYNAMIC_RUNS = 25
TOPAZ = "/proxy/topaz/video"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry.
EXPECTED_STATES = {
    "requested": _Q,
    "accepted": _Q,
    "initializing": _Q,
    "preprocessing": _P,
    "processing": _P,
    "postprocessing": _P,
    "complete": _S,
    "canceling": _F,
    "canceled": _F,
    "failed": _F,
}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-topaz")
    with prism_fixture(comfy_configs(sandbox), folder) as servers:
        yield servers


def _client(server: PrismServer) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY)


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    assert isinstance(creation, genvideo.Creation)
    body: dict[str, Any] = dict(creation.payload)
    status = body.get("status")
    assert creation.ref == ref
    assert creation.raw_state == status
    assert creation.state is (EXPECTED_STATES.get(status, _U) if isinstance(status, str) else _U)
    url = (body.get("download") or {}).get("url")
    assert [o.url for o in creation.outputs] == ([url] if url and creation.state is _S else [])
    progress = body.get("progress")
    if isinstance(progress, int | float) and not isinstance(progress, bool):
        assert creation.progress == pytest.approx(min(max(progress / 100, 0.0), 1.0))
    else:
        assert creation.progress is None
    assert creation.error_message == (body.get("message") or None if creation.state is _F else None)
    assert isinstance(creation.raw, TopazVideoStatusResponse)
    return creation


@pytest.mark.parametrize(
    "states",
    [
        ["initializing", "preprocessing", "processing", "postprocessing", "complete"],
        ["requested", "accepted", "canceling", "canceled"],
        ["processing", "failed"],
        ["paused", "complete"],
    ],
    ids=["complete", "canceled", "failed", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = str(uuid.uuid4())
    sandbox.add_creation("topaz", cid, states=states, failure_code="source unreadable")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"topaz:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    for creation in creations:
        _check(creation, CreationRef("topaz", cid))
    violations = [line for line in proxy.violations(mark) if "paused" not in line]
    assert violations == []  # an undocumented word is the only violation (the spec's closed enum)


def test_a_create_through_the_proxy_fits_the_spec_both_ways(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        ref = client.create("topaz", prompt=None, video=sample_video(), resolution=1080)
    assert proxy.violations(mark) == []
    received = proxy.received(mark, expect=3)
    assert received == [
        f"POST {TOPAZ}/",
        f"PATCH {TOPAZ}/{ref.id}/accept",
        f"PATCH {TOPAZ}/{ref.id}/complete-upload",
    ]


def test_a_static_status_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    ref = CreationRef("topaz", "c1f96dc2-c448-00e6-82ed-14ecb6403c62")
    with _client(server) as client:
        creation = _check(client.get(ref), ref)
    assert (creation.state, creation.raw_state) == (_U, "string")  # the open TopazVideoStatus (patch 240)
    assert server.received(mark, expect=1) == [f"GET {TOPAZ}/{ref.id}/status"]
    assert server.violations(mark) == []


def test_any_schema_valid_status_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    ref = CreationRef("topaz", "c1f96dc2-c448-00e6-82ed-14ecb6403c62")
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(ref)
            except genvideo.GenvideoError:
                continue
            _check(creation, ref)
