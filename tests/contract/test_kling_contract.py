"""Kling's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and lookup the Kling fake
  answers (each task kind, motion control included, each state, a failure, the declared errors, the proxy's
  401) must fit the spec, and so must genvideo's requests (path, security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo
  gives a ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- Security: the Kling operations declare none, so the document's (either Comfy credential) applies.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _kling
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo.testing._media import sample_video
from genvideo_comfy_client.models import (
    ErrorResponse,
    KlingErrorResponse,
    KlingImage2VideoResponse,
    KlingMotionControlResponse,
    KlingText2VideoResponse,
)
from tests.support.comfy_contract import (
    comfy_client,
    comfy_configs,
    credential_configs,
    credential_params,
    refusal_params,
)
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "kling-contract-comfy-key"
COMFY_TOKEN = "kling-contract-comfy-token"
CREATION_ID = "string"  # Prism's static id
DYNAMIC_RUNS = 25
VIDEOS = "/proxy/kling/v1/videos"
KINDS = ("text2video", "image2video", "motion-control")
IMAGE_URL = "https://img.example/first-frame.png"
VIDEO_URL = "https://clips.example/reference.mp4"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
REPLY_MODELS: dict[str, type[KlingText2VideoResponse | KlingImage2VideoResponse | KlingMotionControlResponse]] = {
    "text2video": KlingText2VideoResponse,
    "image2video": KlingImage2VideoResponse,
    "motion-control": KlingMotionControlResponse,
}
ARGUMENTS: dict[str, dict[str, Any]] = {
    "text2video": {"duration": 10, "aspect_ratio": "9:16", "mode": "pro", "sound": "on"},
    "image2video": {"image": [PNG, IMAGE_URL], "model": "kling-v2-1", "cfg_scale": 0.5, "negative_prompt": "blur"},
    "motion-control": {
        "video": VIDEO_URL,
        "image": IMAGE_URL,
        "character_orientation": "video",
        "keep_original_sound": "no",
        "model": "kling-v3",
    },
}
# A request body each submit's schema takes (motion control's has required fields).
MINIMAL_BODIES: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "x"},
    "image2video": {"prompt": "x"},
    "motion-control": {"image_url": IMAGE_URL, "video_url": VIDEO_URL, "character_orientation": "video", "mode": "std"},
}

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"submitted": _Q, "processing": _P, "succeed": _S, "failed": _F}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-kling")
    configs = [
        *comfy_configs(sandbox),
        *credential_configs(folder),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _ref(kind: str, task_id: str = CREATION_ID) -> CreationRef:
    return CreationRef("kling", task_id, (kind,))


# -- the oracle ----------------------------------------------------------------------------------------


def _state(raw: object) -> CreationState:
    return EXPECTED_STATES.get(raw.strip().lower(), _U) if isinstance(raw, str) else _U


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a Kling task reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    data = body.get("data") or {}
    assert creation.ref == ref
    assert data.get("task_id") in (None, "", ref.id), note
    assert creation.raw_state == data.get("task_status"), note
    assert creation.state is _state(data.get("task_status")), note
    videos = (data.get("task_result") or {}).get("videos") or []
    expected = [(v["url"], None, v.get("watermark_url") or None) for v in videos if v.get("url")]
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == expected, note
    code = body.get("code")
    assert creation.error_code == (None if code in (None, 0) else str(code)), note
    assert creation.error_message == (data.get("task_status_msg") or None), note
    assert creation.progress is None, note
    for moment in (creation.created_at, creation.updated_at):
        assert moment is None or (isinstance(moment, datetime) and moment.tzinfo is not None), note
    raw = creation.raw
    assert isinstance(raw, REPLY_MODELS[ref.scope[0]]), note
    assert raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox,
    prism: dict[str, PrismServer],
    kind: str,
    credentials: dict[str, str],
    header: str,
    value: str,
) -> None:
    cid = f"kl-ok-{next(_ids)}"
    sandbox.add_creation("kling", cid, scope=[kind], outputs=2)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"kling:{kind}:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "submitted"), (_P, "processing"), (_S, "succeed")]
    assert len(creations[-1].outputs) == 2
    assert creations[-1].outputs[1].url.startswith(f"{sandbox.base_url}/cdn/kling/{cid}/video-02/")
    for creation in creations:
        _check(creation, _ref(kind, cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"GET {VIDEOS}/{kind}/{cid}"] * 3
    seen = sandbox.requests_for(f"/comfy{VIDEOS}/{kind}/{cid}")
    assert len(seen) == 3
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states",
    [["submitted", "processing", "failed"], ["submitted", "failed"], ["paused", "succeed"]],
    ids=["failed", "failed-at-once", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = f"kl-states-{next(_ids)}"
    sandbox.add_creation("kling", cid, states=states, failure_code="Failure to pass the risk control system")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"kling:text2video:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, _ref("text2video", cid))
        if creation.state is _F:
            assert creation.error_message == "Failure to pass the risk control system"
    assert proxy.violations(mark) == []


@pytest.mark.parametrize("kind", KINDS)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], kind: str
) -> None:
    """Prism checks the request genvideo sends (body, Idempotency-Key, security) and the fake's reply."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("kling", prompt="a fox in the snow", **ARGUMENTS[kind])
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert (submission.endpoint, submission.creation_id) == (kind, ref.id)
    assert ref.scope == (kind,)
    if kind == "image2video":
        assert (submission.body["image"], submission.body["image_tail"]) == (base64.b64encode(PNG).decode(), IMAGE_URL)
    _check(creation, ref)
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {VIDEOS}/{kind}"] + [f"GET {VIDEOS}/{kind}/{ref.id}"] * 3


def test_a_motion_control_video_file_goes_through_storage_and_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], tmp_path: Path
) -> None:
    """A video and an image as file and bytes: storage slots asked for through the proxy (checked), the bytes
    PUT to the signed URLs (not the API), then the submit with their download URLs."""
    video = tmp_path / "reference.mp4"
    video.write_bytes(sample_video())
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    # The auth token: the spec declares /customers/storage for BearerAuth only.
    with _client(proxy, comfy_auth_token=COMFY_TOKEN) as client:
        ref = client.create("kling", prompt="a fox", video=video, image=PNG, character_orientation="image")
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.endpoint == "motion-control"
    for key in ("video_url", "image_url"):
        assert submission.body[key].startswith(f"{sandbox.base_url}/storage/")
    _check(creation, ref)
    assert proxy.violations(mark) == []
    assert (
        proxy.received(mark, expect=6)
        == ["POST /customers/storage"] * 2
        + [f"POST {VIDEOS}/motion-control"]
        + [f"GET {VIDEOS}/motion-control/{ref.id}"] * 3
    )


def test_a_refused_submit_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    reject = Fault.error(400, error_code="1201", message="Invalid parameters")
    sandbox.script_submits("kling", Sandbox.submit_script(reject=reject))
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("kling", prompt="x")
    assert (refused.value.status_code, refused.value.error_code) == (400, "1201")
    assert proxy.violations(mark) == []


@pytest.mark.parametrize("kind", KINDS)
def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer], kind: str) -> None:
    cid = f"kl-raw-{next(_ids)}"
    sandbox.add_creation("kling", cid, scope=[kind], states=["submitted", "processing", "succeed"])
    other = next(k for k in KINDS if k != kind)
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for word in ("submitted", "processing", "succeed"):
            response = http.get(f"{VIDEOS}/{kind}/{cid}")
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["data"]["task_status"] == word
            REPLY_MODELS[kind].from_dict(response.json())
        missing = http.get(f"{VIDEOS}/{kind}/no-such-task")
        elsewhere = http.get(f"{VIDEOS}/{other}/{cid}")  # the task, at the other kind's lookup
        for response in (missing, elsewhere):
            assert response.status_code == 404
            assert response.json()["code"] == 1203
            KlingErrorResponse.from_dict(response.json())
        wrong_key = http.post(f"{VIDEOS}/{kind}", json=MINIMAL_BODIES[kind], headers={"X-API-Key": "not-the-key"})
        assert wrong_key.status_code == 401
        ErrorResponse.from_dict(wrong_key.json())  # the proxy's own envelope (patch 163 declares it)
        for response in (missing, elsewhere, wrong_key):
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"code": 0, "data": {"task_id": "t", "task_status": 5}}', "task_status must be string"),
        (b'{"code": "zero", "data": null}', "code must be integer"),
        (b'{"code": 0, "data": {"task_result": {"videos": [{"url": 3}]}}}', "url must be string"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = f"kl-bad-{next(_ids)}"
    sandbox.add_creation("kling", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"kling:text2video:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + f"{VIDEOS}/text2video/{cid}", headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer], kind: str) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"kling:{kind}:{CREATION_ID}"), _ref(kind))
    assert (creation.state, creation.raw_state) == (_U, "string")
    # Motion control's video result declares no format: uri (KlingMotionControlVideoResult), so Prism sends "string".
    url = "string" if kind == "motion-control" else "http://example.com"
    assert [(o.url, o.watermarked_url) for o in creation.outputs] == [(url, url)]
    assert creation.error_message == "string"
    assert server.received(mark, expect=1) == [f"GET {VIDEOS}/{kind}/{CREATION_ID}"]
    assert server.violations(mark) == []


@pytest.mark.parametrize("kind", KINDS)
def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer], kind: str) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = client.create("kling", prompt="a fox", **ARGUMENTS[kind])
    assert ref == _ref(kind)
    assert server.received(mark, expect=1) == [f"POST {VIDEOS}/{kind}"]
    assert server.violations(mark) == []


def _refused_as_another_tasks(error: object) -> bool:
    return isinstance(error, genvideo.ResponseValidationError) and "but the reply is for" in str(error)


@pytest.mark.parametrize("kind", KINDS)
def test_any_schema_valid_task_reply_gives_a_creation(prism: dict[str, PrismServer], kind: str) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    ref = _ref(kind)
    bodies = []
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(ref)
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_tasks(exc), exc  # noqa: PT017 - some replies pass, some are refused
                continue
            bodies.append(_check(creation, ref).payload)
    # Prism --dynamic makes up a task id, so the replies above may all be refused as another task's: read
    # raw ones too and check each as the reply for our task (a made-up id replaced by ours).
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            body = http.get(f"{VIDEOS}/{kind}/{CREATION_ID}").json()
            if isinstance(body.get("data"), dict):
                body["data"]["task_id"] = CREATION_ID
            bodies.append(_check(_kling.to_creation(ref, body), ref).payload)
    assert bodies
    assert server.violations(mark) == []


@pytest.mark.parametrize("kind", KINDS)
def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(
    prism: dict[str, PrismServer], kind: str
) -> None:
    server = prism["dynamic"]
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                ref = client.create("kling", prompt="a fox", **ARGUMENTS[kind])
            except genvideo.CreationFailed as exc:  # a non-zero code, or task_status failed, with a task id
                assert exc.creation.ref.scope == (kind,)  # noqa: PT017
                outcomes.add("failed")
                continue
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
                outcomes.add("refused")
                continue
            assert (ref.provider, ref.scope) == ("kling", (kind,))
            outcomes.add("ref")
    assert outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            gets = (c.get(f"kling:{kind}:{CREATION_ID}") for kind in KINDS * 5)
            return list(await asyncio.gather(*gets, return_exceptions=True))

    for kind, result in zip(KINDS * 5, asyncio.run(main()), strict=True):
        if isinstance(result, BaseException):
            assert _refused_as_another_tasks(result), result
        else:
            _check(result, _ref(kind))


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("code", [400, 401, 403, 404, 429, 500, 503, 504])
def test_declared_error_bodies_become_typed_errors(
    prism: dict[str, PrismServer], kind: str, method: str, code: int
) -> None:
    path = f"{VIDEOS}/{kind}" + (f"/{CREATION_ID}" if method == "GET" else "")
    body = MINIMAL_BODIES[kind] if method == "POST" else None
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.request(method, prism["static"].url + path, json=body, headers=headers)
    assert response.status_code == code
    KlingErrorResponse.from_dict(response.json())
    error = status_error("kling", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code
    assert error.error_code == str(response.json()["code"])


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_kling(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            for kind in KINDS:
                _check(client.get(f"kling:{kind}:{CREATION_ID}"), _ref(kind))
                assert client.create("kling", prompt="a fox", **ARGUMENTS[kind]) == _ref(kind)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(f"kling:text2video:{CREATION_ID}")
    assert info.value.status_code == 401


def test_only_the_three_submits_and_their_lookups_are_kept() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    kept = {path: sorted(item) for path, item in doc["paths"].items() if path.startswith("/proxy/kling/")}
    assert kept == {
        f"{VIDEOS}/text2video": ["post"],  # not the task list (patch 161)
        f"{VIDEOS}/text2video/{{id}}": ["get"],
        f"{VIDEOS}/image2video": ["post"],
        f"{VIDEOS}/image2video/{{id}}": ["get"],
        f"{VIDEOS}/motion-control": ["post"],  # patch 320: Idempotency-Key, the proxy's 401, nullable replies
        f"{VIDEOS}/motion-control/{{id}}": ["get"],
    }
    for path, methods in kept.items():
        operation = doc["paths"][path][methods[0]]
        assert "security" not in operation, path
        if methods == ["post"]:
            assert operation["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]
        assert operation["responses"]["401"]["content"]["application/json"]["schema"] == {
            "anyOf": [
                {"$ref": "#/components/schemas/KlingErrorResponse"},
                {"$ref": "#/components/schemas/ErrorResponse"},
            ]
        }
    request = doc["components"]["schemas"]["KlingText2VideoRequest"]["properties"]
    assert request["sound"]["enum"] == ["on", "off"]  # strings: the pipeline reads YAML 1.2
    motion = doc["components"]["schemas"]["KlingMotionControlRequest"]
    assert motion["properties"]["keep_original_sound"]["enum"] == ["yes", "no"]  # so here (YAML 1.1: booleans)
    assert motion["required"] == ["image_url", "video_url", "character_orientation", "mode"]


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["KlingTaskStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    for kind in KINDS:
        ref = _ref(kind)
        for word in known:
            creation = _check(_kling.to_creation(ref, {"data": {"task_status": word}}), ref)
            assert creation.state is EXPECTED_STATES[word]
