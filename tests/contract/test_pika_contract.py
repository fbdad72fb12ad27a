"""Pika's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit (a form-urlencoded one and a
  multipart one) and poll the Pika fake answers must fit the spec, and so must genvideo's requests (path,
  security, Idempotency-Key, body and its content type).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._fields import fraction
from genvideo._providers import _pika
from genvideo.testing import Sandbox
from genvideo_comfy_client.models import PikaVideoResponse
from tests.support.comfy_contract import comfy_client, comfy_configs, dynamic_runs
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "pika-contract-comfy-key"
COMFY_TOKEN = "pika-contract-comfy-token"
CREATION_ID = "string"
DYNAMIC_RUNS = 25
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
T2V = "/proxy/pika/generate/2.2/t2v"
I2V = "/proxy/pika/generate/2.2/i2v"

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: the spec's words, and ComfyUI's failed.
EXPECTED_STATES = {"queued": _Q, "started": _P, "finished": _S, "failed": _F}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    with prism_fixture(comfy_configs(sandbox), tmp_path_factory.mktemp("prism-pika")) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a PikaVideoResponse agrees with the JSON, and ``raw`` is its generated model."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    status = body.get("status")
    expected = EXPECTED_STATES.get(status.strip().lower(), _U) if isinstance(status, str) else _U
    assert (creation.state, creation.raw_state) == (expected, status), note
    url = body.get("url")
    assert [o.url for o in creation.outputs] == ([url] if url else []), note
    assert creation.progress == fraction(body.get("progress"), 100.0), note
    assert (creation.error_code, creation.error_message) == (None, None), note
    assert isinstance(creation.raw, PikaVideoResponse), note
    assert creation.raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "header", "value"),
    [
        ({"comfy_api_key": COMFY_KEY}, "X-API-Key", COMFY_KEY),
        ({"comfy_auth_token": COMFY_TOKEN}, "Authorization", f"Bearer {COMFY_TOKEN}"),
    ],
    ids=["api-key", "auth-token"],
)
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = f"pika-ok-{next(_ids)}"
    sandbox.add_creation("pika", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"pika:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "queued"), (_P, "started"), (_S, "finished")]
    for creation in creations:
        _check(creation, CreationRef("pika", cid))
    assert proxy.violations(mark) == []
    seen = sandbox.requests_for(sandbox.fault_path("pika", cid))
    assert all(r.header_values(header) == [value] for r in seen)


def test_a_failed_video_through_the_proxy(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"pika-failed-{next(_ids)}"
    sandbox.add_creation("pika", cid, states=["started", "failed"])
    mark = prism["proxy"].mark()
    with _client(prism["proxy"]) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"pika:{cid}", timeout=20, poll_interval=0.01)
    assert info.value.creation.raw_state == "failed"
    # "failed" is ComfyUI's word, not the upstream enum's: the prepared spec opened the enum (patch 210), so the
    # reply fits it.
    assert prism["proxy"].violations(mark) == []


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"aspect_ratio": "1:1", "seed": 3, "negative_prompt": "blur", "duration": 5, "resolution": 720}, T2V),
        ({"image": PNG, "resolution": "1080p"}, I2V),
    ],
    ids=["t2v-urlencoded", "i2v-multipart"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any], path: str
) -> None:
    """Prism checks the request genvideo sends (form, content type, Idempotency-Key, security) and the replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("pika", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {path}"] + [f"GET /proxy/pika/videos/{ref.id}"] * 3


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_and_submits(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        _check(client.get(f"pika:{CREATION_ID}"), CreationRef("pika", CREATION_ID))
        assert client.create("pika", prompt="a fox") == CreationRef("pika", CREATION_ID)
        assert client.create("pika", prompt="a fox", image=PNG) == CreationRef("pika", CREATION_ID)
    assert server.violations(mark) == []


def test_any_schema_valid_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                _check(client.get(f"pika:{CREATION_ID}"), CreationRef("pika", CREATION_ID))
            except genvideo.ResponseValidationError:  # Prism's random id names another video
                outcomes.add("refused")
                continue
            outcomes.add("creation")
    assert server.violations(mark) == []
    assert outcomes


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("pika", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed request
                outcomes.add("refused")
                continue
            assert ref.provider == "pika"
            outcomes.add("ref")
    assert "ref" in outcomes


def test_the_pika_selection_and_patches() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    assert "application/x-www-form-urlencoded" in doc["paths"][T2V]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in doc["paths"][I2V]["post"]["requestBody"]["content"]
    for path in (T2V, I2V):
        assert doc["paths"][path]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]
    assert not [p for p in doc["paths"] if p.startswith("/proxy/pika/generate/") and p not in (T2V, I2V)]
    status = doc["components"]["schemas"]["PikaStatusEnum"]
    assert "enum" not in status
    assert status["x-known-values"] == ["queued", "started", "finished"]
    assert _pika.map_state("failed") is _F
