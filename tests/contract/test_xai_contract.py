"""xAI Grok Imagine video's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and poll the xAI fake answers
  (200 and 202, a blocked request, the declared errors) must fit the spec, and so must genvideo's requests
  (path, security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _xai
from genvideo._responses import status_error
from genvideo.testing import Sandbox
from genvideo_comfy_client.api.api_nodes import xai_video_edit, xai_video_generate, xai_video_get_result
from genvideo_comfy_client.models import (
    ErrorResponse,
    XAIVideoEditRequest,
    XAIVideoGenerationRequest,
    XAIVideoResultResponse,
)
from tests.support.comfy_contract import comfy_client, comfy_configs, dynamic_runs
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "xai-contract-comfy-key"
COMFY_TOKEN = "xai-contract-comfy-token"
CREATION_ID = "string"
DYNAMIC_RUNS = 25
IMAGE_URL = "https://img.example/first-frame.png"
_BODY = {"prompt": "x", "model": "grok-imagine-video"}
POLL_PATH = xai_video_get_result._get_kwargs(CREATION_ID)["url"]
SUBMIT_PATH = xai_video_generate._get_kwargs(body=XAIVideoGenerationRequest.from_dict(_BODY))["url"]
VIDEO_URL = "https://v.example/clips/input.mp4"
_EDIT_BODY = {**_BODY, "video": {"url": VIDEO_URL}}
EDIT_PATH = xai_video_edit._get_kwargs(body=XAIVideoEditRequest.from_dict(_EDIT_BODY))["url"]

_P, _S, _F, _U = CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED, CreationState.UNKNOWN
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"pending": _P, "done": _S}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-xai")
    configs = [
        *comfy_configs(sandbox),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from an xAI result reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    status = body.get("status")
    video = body.get("video")
    url = video.get("url") if isinstance(video, dict) else None
    blocked = body.get("block_reason") or None
    if blocked:
        expected = _F
    elif status is None:
        expected = _S if url else _U
    else:
        expected = EXPECTED_STATES.get(status.strip().lower(), _U)
    assert (creation.state, creation.raw_state) == (expected, status), note
    assert [o.url for o in creation.outputs] == ([url] if url and not blocked else []), note
    assert (creation.error_code, creation.error_message) == (("blocked", blocked) if blocked else (None, None)), note
    assert creation.progress is None, note
    assert isinstance(creation.raw, XAIVideoResultResponse), note
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
    cid = f"xai-ok-{next(_ids)}"
    sandbox.add_creation("xai", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"xai:{cid}") for _ in range(2)]
    assert [(c.state, c.raw_state) for c in creations] == [(_P, "pending"), (_S, "done")]
    for creation in creations:
        _check(creation, CreationRef("xai", cid))
    assert proxy.violations(mark) == []
    seen = sandbox.requests_for(sandbox.fault_path("xai", cid))
    assert all(r.header_values(header) == [value] for r in seen)


def test_a_pending_202_and_a_blocked_reply_fit_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"xai-blocked-{next(_ids)}"
    sandbox.add_creation("xai", cid, states=["pending", "done"], failure_code="input moderation")
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        pending = http.get(f"/proxy/xai/v1/videos/{cid}")
        blocked = http.get(f"/proxy/xai/v1/videos/{cid}")
        missing = http.get("/proxy/xai/v1/videos/no-such-request")
        wrong_key = http.get(f"/proxy/xai/v1/videos/{cid}", headers={"X-API-Key": "not-the-key"})
    assert (pending.status_code, blocked.status_code, missing.status_code, wrong_key.status_code) == (
        202,
        200,
        404,
        401,
    )
    assert blocked.json()["block_reason"] == "input moderation"
    for response in (pending, blocked, missing, wrong_key):
        assert _violations(response) == []
        assert response.headers["server"] == "genvideo-sandbox"


def test_wait_through_the_proxy_ends_in_creation_failed(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"xai-wait-blocked-{next(_ids)}"
    sandbox.add_creation("xai", cid, states=["pending", "done"], failure_code="nsfw")
    mark = prism["proxy"].mark()
    with _client(prism["proxy"]) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"xai:{cid}", timeout=20, poll_interval=0.01)
    assert (info.value.creation.error_code, info.value.creation.error_message) == ("blocked", "nsfw")
    assert prism["proxy"].violations(mark) == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"aspect_ratio": "9:16", "duration": 15, "resolution": "720p"},
        {"image": IMAGE_URL, "model": "grok-imagine-video"},
    ],
    ids=["t2v", "i2v"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any]
) -> None:
    """Prism checks the request genvideo sends (body, Idempotency-Key, security) and the fake's reply."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("xai", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"POST {SUBMIT_PATH}"] + [f"GET /proxy/xai/v1/videos/{ref.id}"] * 2


def test_an_edit_through_the_proxy_fits_the_spec_both_ways(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """video= submits xaiVideoEdit (body, Idempotency-Key, security checked by Prism), then polls as usual."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("xai", prompt="make it snow", video=VIDEO_URL, user="contract")
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.endpoint == "edits"
    assert submission.idempotency_key
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"POST {EDIT_PATH}"] + [f"GET /proxy/xai/v1/videos/{ref.id}"] * 2


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_and_submit(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        _check(client.get(f"xai:{CREATION_ID}"), CreationRef("xai", CREATION_ID))
        assert client.create("xai", prompt="a fox", image=IMAGE_URL, duration=8) == CreationRef("xai", CREATION_ID)
        assert client.create("xai", prompt="snow", video=VIDEO_URL) == CreationRef("xai", CREATION_ID)
    assert server.received(mark, expect=3)[1:] == [f"POST {SUBMIT_PATH}", f"POST {EDIT_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            _check(client.get(f"xai:{CREATION_ID}"), CreationRef("xai", CREATION_ID))
    assert server.violations(mark) == []


@pytest.mark.parametrize("video", [None, VIDEO_URL], ids=["generation", "edit"])
def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(
    prism: dict[str, PrismServer], video: str | None
) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("xai", prompt="a fox", video=video)
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed request
                outcomes.add("refused")
                continue
            assert ref.provider == "xai"
            outcomes.add("ref")
    assert "ref" in outcomes


@pytest.mark.parametrize("code", [400, 500])
def test_declared_error_bodies_become_typed_errors(prism: dict[str, PrismServer], code: int) -> None:
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.post(prism["static"].url + SUBMIT_PATH, json=_BODY, headers=headers)
    assert response.status_code == code
    ErrorResponse.from_dict(response.json())
    error = status_error("xai", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code


def test_the_xai_operations_declare_no_security_of_their_own() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    operations = ((POLL_PATH.replace(CREATION_ID, "{request_id}"), "get"), (SUBMIT_PATH, "post"), (EDIT_PATH, "post"))
    for path, method in operations:
        assert "security" not in doc["paths"][path][method], path
    for path in (SUBMIT_PATH, EDIT_PATH):
        assert doc["paths"][path]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]
    assert doc["paths"][EDIT_PATH]["post"]["operationId"] == "xaiVideoEdit"
    assert doc["components"]["schemas"]["XAIVideoStatus"]["x-known-values"] == list(EXPECTED_STATES)
    assert _xai.map_state("done") is _S
