"""PixVerse's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit (text, and an image upload then
  the image submit) and result poll the PixVerse fake answers (each state code, a failure, the proxy's
  errors) must fit the spec, and so must genvideo's requests (the integer id in the path, the required
  ``Ai-trace-id``, security, Idempotency-Key, the JSON body and the multipart upload).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- The patches: the state codes opened (180), the replies nullable (181), ``Ai-trace-id`` kept and submits
  taking an Idempotency-Key (182), the result poll declaring the proxy's errors (183).

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _pixverse
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import ErrorResponse, PixverseVideoResultResponse
from tests.support.comfy_contract import (
    comfy_client,
    comfy_configs,
    credential_configs,
    credential_params,
    refusal_params,
    spec_document,
)
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "pixverse-contract-comfy-key"
COMFY_TOKEN = "pixverse-contract-comfy-token"
CREATION_ID = "0"  # Prism's static Resp.id (and video_id)
DYNAMIC_RUNS = 25
PIXVERSE = "/proxy/pixverse"
TEXT = f"{PIXVERSE}/video/text/generate"
IMG = f"{PIXVERSE}/video/img/generate"
UPLOAD = f"{PIXVERSE}/image/upload"
RESULT = f"{PIXVERSE}/video/result/{{}}"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
ERROR_CODES = ["400", "401", "404", "429", "500"]  # what patch 183 declares for the result poll

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: the spec's codes ("1 - Generation successful, 5 -
# Generating, 6 - Deleted, 7 - Contents moderation failed, 8 - Generation failed"), as ComfyUI reads them.
EXPECTED_STATES = {1: _S, 5: _P, 6: _F, 7: _F, 8: _F}
FAILURES = {6: "deleted", 7: "moderation", 8: "failed"}
_ids = itertools.count(20_000_001)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-pixverse")
    with prism_fixture([*comfy_configs(sandbox), *credential_configs(folder)], folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _video_id() -> str:
    return str(next(_ids))


def _headers(**extra: str) -> dict[str, str]:
    return {"X-API-Key": COMFY_KEY, "Ai-trace-id": str(uuid.uuid4()), **extra}


# -- the oracle ----------------------------------------------------------------------------------------


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a PixverseVideoResultResponse agrees with the JSON, and ``raw`` is its generated model."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    resp = body.get("Resp") or {}
    assert creation.ref == ref
    assert resp.get("id") in (None, int(ref.id)), note
    status: Any = resp.get("status")
    assert creation.raw_state == (None if status is None else str(status)), note
    assert creation.state is EXPECTED_STATES.get(status, _U), note
    url = resp.get("url")
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == ([(url, None, None)] if url else [])
    refused = body.get("ErrCode") not in (None, 0)
    failed = creation.state is _F
    expected_code = FAILURES.get(status) if failed else None
    assert creation.error_code == (expected_code or (str(body["ErrCode"]) if refused else None)), note
    message = body.get("ErrMsg") or None
    assert creation.error_message == (message if refused or failed else None), note
    assert (creation.progress, creation.created_at, creation.updated_at) == (None, None, None), note
    assert isinstance(creation.raw, PixverseVideoResultResponse), note
    assert creation.raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = _video_id()
    sandbox.add_creation("pixverse", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"pixverse:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_P, "5"), (_P, "5"), (_S, "1")]
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/pixverse/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("pixverse", cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"GET {RESULT.format(cid)}"] * 3
    seen = sandbox.requests_for(f"/comfy{RESULT.format(cid)}")
    assert all(r.header_values(header) == [value] for r in seen)
    traces = [r.header("Ai-trace-id") or "" for r in seen]
    assert len(set(traces)) == 3  # a fresh one per request
    assert all(str(uuid.UUID(trace)) == trace for trace in traces)


@pytest.mark.parametrize(
    "states",
    [["5", "8"], ["5", "7"], ["6"], ["3", "1"]],
    ids=["failed", "moderated", "deleted", "undocumented"],
)
def test_every_state_code_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = _video_id()
    sandbox.add_creation("pixverse", cid, states=states, failure_code="Content moderation failed")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"pixverse:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [EXPECTED_STATES.get(int(code), _U) for code in states]
    for creation in creations:
        _check(creation, CreationRef("pixverse", cid))
        if creation.state is _F:
            assert creation.error_message == "Content moderation failed"
    assert proxy.violations(mark) == []


@pytest.mark.parametrize(
    ("arguments", "paths"),
    [
        (
            {"duration": 8, "resolution": 720, "aspect_ratio": "1:1", "seed": 3, "negative_prompt": "blur"},
            [f"POST {TEXT}"],
        ),
        ({"image": PNG, "resolution": "1080p", "motion_mode": "normal"}, [f"POST {UPLOAD}", f"POST {IMG}"]),
    ],
    ids=["text", "image-upload-then-img"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any], paths: list[str]
) -> None:
    """Prism checks the requests genvideo sends (JSON body, multipart upload, Ai-trace-id, Idempotency-Key,
    security) and the fake's replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("pixverse", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    if "image" in arguments:
        assert isinstance(submission.body["img_id"], int)
    _check(creation, ref)
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=len(paths) + 3) == [*paths, *[f"GET {RESULT.format(ref.id)}"] * 3]


def test_a_refused_submit_and_a_failure_fit_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "pixverse", Sandbox.submit_script(reject=Fault.error(400, error_code="invalid_request", message="bad"))
    )
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("pixverse", prompt="x")
    assert (refused.value.status_code, refused.value.error_code) == (400, "invalid_request")
    sandbox.script_submits("pixverse", Sandbox.submit_script(states=["5", "8"], failure_code="Generation failed"))
    with _client(proxy) as client, pytest.raises(genvideo.CreationFailed) as failed:
        client.wait(client.create("pixverse", prompt="x"), timeout=20, poll_interval=0.01)
    assert (failed.value.creation.error_code, failed.value.creation.error_message) == ("failed", "Generation failed")
    assert proxy.violations(mark) == []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """The fake's replies, and its errors: the result poll's 404 and 401 fit only with patch 183."""
    cid = _video_id()
    sandbox.add_creation("pixverse", cid, states=["5", "1"])
    with httpx.Client(base_url=prism["proxy"].url) as http:
        for code in (5, 1):
            response = http.get(RESULT.format(cid), headers=_headers())
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["Resp"]["status"] == code
        upload = http.post(UPLOAD, headers=_headers(), files={"image": ("a.png", PNG, "image/png")})
        assert upload.status_code == 200, upload.text
        assert isinstance(upload.json()["Resp"]["img_id"], int)
        missing = http.get(RESULT.format(9), headers=_headers())
        wrong_key = http.get(RESULT.format(cid), headers=_headers(**{"X-API-Key": "not-the-key"}))
    for response, status in ((missing, 404), (wrong_key, 401)):
        assert response.status_code == status
        ErrorResponse.from_dict(response.json())
    for response in (upload, missing, wrong_key):
        assert _violations(response) == []
        assert response.headers["server"] == "genvideo-sandbox"


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"ErrCode": 0, "ErrMsg": "success", "Resp": {"status": "five"}}', "status must be integer"),
        (b'{"ErrCode": "zero", "ErrMsg": "success", "Resp": null}', "ErrCode must be integer"),
        (b'{"ErrCode": 0, "ErrMsg": "success", "Resp": {"url": 3}}', "url must be string"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = _video_id()
    sandbox.add_creation("pixverse", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"pixverse:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + RESULT.format(cid), headers=_headers())
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_and_submits(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    ref = CreationRef("pixverse", CREATION_ID)
    with _client(server) as client:
        creation = _check(client.get(ref), ref)
        assert (creation.state, creation.raw_state, [o.url for o in creation.outputs]) == (_U, "0", ["string"])
        assert client.create("pixverse", prompt="a fox") == ref
        assert client.create("pixverse", prompt="a fox", image=PNG) == ref  # uploaded: img_id 0
    assert server.received(mark, expect=4) == [
        f"GET {RESULT.format(0)}",
        f"POST {TEXT}",
        f"POST {UPLOAD}",
        f"POST {IMG}",
    ]
    assert server.violations(mark) == []


def _refused_as_another_videos(error: object) -> bool:
    """Refused for its made-up ``Resp.id``: another video's, or no id at all (a negative integer)."""
    text = str(error)
    return isinstance(error, genvideo.ResponseValidationError) and (
        "but the reply is for" in text or "Resp.id should be" in text
    )


def test_any_schema_valid_result_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    ref = CreationRef("pixverse", CREATION_ID)
    bodies = []
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(ref)
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_videos(exc), exc  # noqa: PT017 - Prism makes up Resp.id
                continue
            bodies.append(_check(creation, ref).payload)
    # Prism --dynamic makes up Resp.id, so the replies above are mostly refused as another video's: read raw
    # ones too and check each as the reply for ours (a made-up id replaced by ours).
    with httpx.Client(base_url=server.url) as http:
        for _ in range(DYNAMIC_RUNS):
            body = http.get(RESULT.format(CREATION_ID), headers=_headers()).json()
            if isinstance(body.get("Resp"), dict):
                body["Resp"]["id"] = int(CREATION_ID)
            bodies.append(_check(_pixverse.to_creation(ref, body), ref).payload)
    assert bodies
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        arguments: list[dict[str, Any]] = [{}, {"image": PNG}]
        for extra in arguments * (DYNAMIC_RUNS // 2):
            try:
                ref = client.create("pixverse", prompt="a fox", **extra)
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed video
                outcomes.add("refused")
                continue
            except genvideo.CreationFailed as exc:
                assert exc.creation.error_code  # noqa: PT017 - a made-up non-zero ErrCode beside a video id
                outcomes.add("failed")
                continue
            except genvideo.UploadError:  # a made-up refusal of the image upload
                outcomes.add("upload refused")
                continue
            assert ref.provider == "pixverse"
            assert ref.id.isdigit()
            outcomes.add("ref")
    assert outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            gets = (c.get(f"pixverse:{CREATION_ID}") for _ in range(10))
            return list(await asyncio.gather(*gets, return_exceptions=True))

    for result in asyncio.run(main()):
        if isinstance(result, BaseException):
            assert _refused_as_another_videos(result), result
        else:
            _check(result, CreationRef("pixverse", CREATION_ID))


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("GET", RESULT.format(1), ERROR_CODES),
        ("POST", TEXT, ["400", "401", "402", "429", "500"]),
        ("POST", UPLOAD, ["400", "401", "402", "429", "500"]),
    ],
    ids=["result", "text", "upload"],
)
def test_declared_error_bodies_become_typed_errors(
    prism: dict[str, PrismServer], method: str, path: str, codes: list[str]
) -> None:
    for code in map(int, codes):
        headers = _headers(Prefer=f"code={code}")
        if path == UPLOAD:
            response = httpx.post(prism["static"].url + path, headers=headers, files={"image": ("a.png", PNG)})
        else:
            body = {"prompt": "x", "model": "v3.5", "duration": 5, "quality": "540p", "aspect_ratio": "16:9"}
            response = httpx.request(
                method, prism["static"].url + path, json=body if method == "POST" else None, headers=headers
            )
        assert response.status_code == code
        if response.content:
            ErrorResponse.from_dict(response.json())
        error = status_error("pixverse", response)
        assert isinstance(error, genvideo.APIStatusError)
        assert error.status_code == code


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_pixverse(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    ref = CreationRef("pixverse", CREATION_ID)
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(ref), ref)
            assert client.create("pixverse", prompt="a fox") == ref
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(ref)
    assert info.value.status_code == 401


# -- the selection and the patches ---------------------------------------------------------------------


def test_the_pixverse_selection_and_patches() -> None:
    doc = spec_document()
    kept = sorted((path, method) for path in doc["paths"] if path.startswith(PIXVERSE) for method in doc["paths"][path])
    assert kept == [(UPLOAD, "post"), (IMG, "post"), (RESULT.format("{id}"), "get"), (TEXT, "post")]
    trace = {"$ref": "#/components/parameters/PixverseAiTraceId"}
    idempotency = {"$ref": "#/components/parameters/IdempotencyKey"}
    assert doc["components"]["parameters"]["PixverseAiTraceId"]["required"] is True  # 182
    for path, method in kept:
        operation = doc["paths"][path][method]
        assert "security" not in operation, path
        assert trace in operation["parameters"], path
        assert (idempotency in operation["parameters"]) is (path in (TEXT, IMG)), path  # 182
    status = doc["components"]["schemas"]["PixverseVideoStatus"]  # 180
    assert "enum" not in status
    assert (status["type"], status["nullable"], status["x-known-values"]) == ("integer", True, [1, 5, 6, 7, 8])
    result = doc["components"]["schemas"]["PixverseVideoResultResponse"]
    assert result["properties"]["Resp"]["properties"]["status"] == {"$ref": "#/components/schemas/PixverseVideoStatus"}
    assert result["properties"]["Resp"]["nullable"] is True  # 181
    assert result["properties"]["Resp"]["properties"]["url"]["nullable"] is True
    responses = doc["paths"][RESULT.format("{id}")]["get"]["responses"]  # 183
    assert sorted(responses) == ["200", *ERROR_CODES]
    for code in ERROR_CODES:
        schema = responses[code]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorResponse"}


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    known = spec_document()["components"]["schemas"]["PixverseVideoStatus"]["x-known-values"]
    assert set(known) == set(EXPECTED_STATES)
    ref = CreationRef("pixverse", CREATION_ID)
    for code in known:
        creation = _check(
            _pixverse.to_creation(ref, {"ErrCode": 0, "ErrMsg": "success", "Resp": {"status": code}}), ref
        )
        assert creation.state is EXPECTED_STATES[code]
