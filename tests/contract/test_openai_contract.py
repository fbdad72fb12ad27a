"""OpenAI Sora 2's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every multipart submit, job poll and
  ``/content`` download the Sora fake answers (each state, a failure, the proxy's errors) must fit the spec,
  and so must genvideo's requests (the form and its parts, security, Idempotency-Key); the download sends
  the key to the proxy and nothing goes to a CDN.
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- The patches: the state opened (190), the job's fields nullable (191), either Comfy credential (192),
  submits taking an Idempotency-Key (193), ``/content``'s binary body left to genvideo's download (194),
  the job's ``object`` a plain string, so that a null one parses (195).

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._fields import fraction
from genvideo._providers import _openai
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import ErrorResponse, OpenAIVideoJob
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

COMFY_KEY = "openai-contract-comfy-key"
COMFY_TOKEN = "openai-contract-comfy-token"
CREATION_ID = "video_123"  # Prism's static job id (the spec's example)
DYNAMIC_RUNS = 25
VIDEOS = "/proxy/openai/v1/videos"
JOB = f"{VIDEOS}/{{}}"
CONTENT = f"{VIDEOS}/{{}}/content"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: OpenAIVideoStatus's words, as ComfyUI reads them.
EXPECTED_STATES = {"queued": _Q, "in_progress": _P, "completed": _S, "failed": _F}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-openai")
    with prism_fixture([*comfy_configs(sandbox), *credential_configs(folder)], folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _video_id() -> str:
    return f"video_contract{next(_ids):04d}"


# -- the oracle ----------------------------------------------------------------------------------------


def _moment(value: object) -> datetime | None:
    """UNIX seconds in this century (the spec's `created_at`, `completed_at`) as a moment; None otherwise (a made-up
    negative or tiny number is no moment genvideo must read; whatever it reads of one must be aware)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not 1e9 <= value < 1e10:
        return None
    return datetime.fromtimestamp(value, tz=UTC)


def _check(creation: object, ref: CreationRef, base_url: str = "") -> genvideo.Creation:
    """A Creation from an OpenAIVideoJob agrees with the JSON, and ``raw`` is its generated model; a completed
    job's one output is the proxy's ``/content`` of the id (under ``base_url``, the client's)."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    assert body.get("id") in (None, "", ref.id), note
    status = body.get("status")
    assert creation.raw_state == status, note
    assert creation.state is (EXPECTED_STATES.get(status.strip().lower(), _U) if isinstance(status, str) else _U)
    expected = [base_url + CONTENT.format(ref.id)] if creation.state is _S else []
    assert [o.url for o in creation.outputs] == expected, note
    assert all((o.cover_url, o.watermarked_url) == (None, None) for o in creation.outputs)
    error = body.get("error") or {}
    assert (creation.error_code, creation.error_message) == (error.get("code") or None, error.get("message") or None)
    assert creation.progress == fraction(body.get("progress"), 100.0), note
    for moment, field in ((creation.created_at, "created_at"), (creation.updated_at, "completed_at")):
        expected_moment = _moment(body.get(field))
        assert moment is None or moment.tzinfo is not None, note
        if expected_moment is not None:
            assert moment == expected_moment, note
        elif not isinstance(body.get(field), int | float):
            assert moment is None, note
    assert isinstance(creation.raw, OpenAIVideoJob), note
    assert creation.raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_and_download_fit_the_spec(
    sandbox: Sandbox,
    prism: dict[str, PrismServer],
    tmp_path: Path,
    credentials: dict[str, str],
    header: str,
    value: str,
) -> None:
    cid = _video_id()
    sandbox.add_creation("openai", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"openai:{cid}") for _ in range(3)]
        path = client.download(creations[-1], tmp_path / "v.mp4")
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "queued"), (_P, "in_progress"), (_S, "completed")]
    assert [c.progress for c in creations] == [0.0, 0.5, 1.0]
    for creation in creations:
        _check(creation, CreationRef("openai", cid), proxy.url)
    assert path.stat().st_size > 0  # (Prism re-encodes a binary body as text: the bytes are not the sandbox's)
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"GET {JOB.format(cid)}"] * 3 + [f"GET {CONTENT.format(cid)}"]
    seen = [*sandbox.requests_for(f"/comfy{JOB.format(cid)}")]
    assert len(seen) == 4  # the three polls and /content (under the job's path)
    assert all(r.header_values(header) == [value] for r in seen)  # the key goes to the proxy's /content too
    assert not sandbox.requests_for("/cdn/openai/")  # and nothing to a CDN


@pytest.mark.parametrize(
    "states",
    [["queued", "in_progress", "failed"], ["failed"], ["cancelled", "completed"]],
    ids=["failed", "failed-at-once", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = _video_id()
    sandbox.add_creation("openai", cid, states=states, failure_code="moderation_blocked")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"openai:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [EXPECTED_STATES.get(word, _U) for word in states]
    for creation in creations:
        _check(creation, CreationRef("openai", cid), proxy.url)
        if creation.state is _F:
            assert creation.error_code == "moderation_blocked"
            assert creation.error_message
    assert proxy.violations(mark) == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"duration": 8, "aspect_ratio": "9:16"},
        {"image": PNG, "model": "sora-2-pro", "resolution": 1024, "duration": 12},
        {"size": "1280x720", "duration": 4},
    ],
    ids=["t2v", "i2v-pro-1024", "size-option"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any]
) -> None:
    """Prism checks the form genvideo sends (its parts, Idempotency-Key, security) and the fake's replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("openai", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert submission.body["prompt"] == "a fox in the snow"
    assert ("input_reference" in submission.body) is ("image" in arguments)
    _check(creation, ref, proxy.url)
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {VIDEOS}"] + [f"GET {JOB.format(ref.id)}"] * 3


def test_a_refused_submit_and_a_failure_at_submit_fit_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "openai", Sandbox.submit_script(reject=Fault.error(400, error_code="invalid_request", message="bad"))
    )
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("openai", prompt="x")
    assert (refused.value.status_code, refused.value.error_code) == (400, "invalid_request")
    sandbox.script_submits("openai", Sandbox.submit_script(states=["failed"], failure_code="moderation_blocked"))
    with _client(proxy) as client, pytest.raises(genvideo.CreationFailed) as failed:
        client.create("openai", prompt="x")
    assert failed.value.creation.error_code == "moderation_blocked"
    assert proxy.violations(mark) == []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = _video_id()
    sandbox.add_creation("openai", cid, states=["in_progress", "completed"])
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        early = http.get(CONTENT.format(cid))  # before the job completed: 404
        for word in ("in_progress", "completed"):
            response = http.get(JOB.format(cid))
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["status"] == word
            OpenAIVideoJob.from_dict(response.json())
        video = http.get(CONTENT.format(cid))
        assert (video.status_code, video.headers["content-type"]) == (200, "video/mp4")
        missing = http.get(JOB.format("video_none"))
        missing_content = http.get(CONTENT.format("video_none"))
        wrong_key = http.get(JOB.format(cid), headers={"X-API-Key": "not-the-key"})
    for response, status in ((early, 404), (missing, 404), (missing_content, 404), (wrong_key, 401)):
        assert response.status_code == status
        ErrorResponse.from_dict(response.json())
    for response in (video, early, missing, missing_content, wrong_key):
        assert _violations(response) == []
        assert response.headers["server"] == "genvideo-sandbox"


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"id": "x", "object": "video", "status": 5}', "status must be string"),
        (b'{"id": "x", "object": "video", "progress": "half"}', "progress must be integer"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = _video_id()
    sandbox.add_creation("openai", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"openai:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + JOB.format(cid), headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_a_submit_and_a_download(prism: dict[str, PrismServer], tmp_path: Path) -> None:
    server = prism["static"]
    mark = server.mark()
    ref = CreationRef("openai", CREATION_ID)
    with _client(server) as client:
        creation = _check(client.get(ref), ref, server.url)
        assert (creation.state, creation.raw_state, creation.outputs) == (_U, "string", ())
        assert (creation.error_code, creation.error_message) == ("string", "string")
        with pytest.raises(genvideo.CreationFailed) as info:  # the static job carries an error.message
            client.create("openai", prompt="a fox", image=PNG)
        assert info.value.creation.ref == ref
        output = genvideo.VideoOutput(server.url + CONTENT.format(CREATION_ID), None, None, ref, 0)
        with pytest.raises(genvideo.DownloadError):  # the static /content is an empty 200: not a video
            client.download(output, tmp_path / "v.mp4")
    assert not list(tmp_path.iterdir())
    assert server.received(mark, expect=3) == [
        f"GET {JOB.format(CREATION_ID)}",
        f"POST {VIDEOS}",
        f"GET {CONTENT.format(CREATION_ID)}",
    ]
    assert server.violations(mark) == []


def _refused_as_another_jobs(error: object) -> bool:
    return isinstance(error, genvideo.ResponseValidationError) and "but the reply is for" in str(error)


def test_any_schema_valid_job_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    ref = CreationRef("openai", CREATION_ID)
    bodies = []
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(ref)
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_jobs(exc), exc  # noqa: PT017 - Prism makes up the id
                continue
            bodies.append(_check(creation, ref, server.url).payload)
    # The made-up id may refuse most replies above: read raw ones too, each checked as our job's reply.
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            body = {**http.get(JOB.format(CREATION_ID)).json(), "id": CREATION_ID}
            bodies.append(_check(_openai.to_creation(ref, body), ref).payload)
    assert bodies
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                ref = client.create("openai", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed job
                outcomes.add("refused")
                continue
            except genvideo.CreationFailed as exc:
                assert exc.creation.state is _F  # noqa: PT017 - a made-up failed status or error message
                outcomes.add("failed")
                continue
            assert ref.provider == "openai"
            outcomes.add("ref")
    assert outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            gets = (c.get(f"openai:{CREATION_ID}") for _ in range(10))
            return list(await asyncio.gather(*gets, return_exceptions=True))

    for result in asyncio.run(main()):
        if isinstance(result, BaseException):
            assert isinstance(result, genvideo.ResponseValidationError), result
        else:
            _check(result, CreationRef("openai", CREATION_ID), prism["dynamic"].url)


@pytest.mark.parametrize(
    ("method", "path", "codes"),
    [
        ("GET", JOB.format("v"), [400, 401, 404, 500]),
        ("GET", CONTENT.format("v"), [400, 401, 404, 500]),
        ("POST", VIDEOS, [400, 401, 402, 500]),
    ],
    ids=["job", "content", "submit"],
)
def test_declared_error_bodies_become_typed_errors(
    prism: dict[str, PrismServer], method: str, path: str, codes: list[int]
) -> None:
    for code in codes:
        headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
        files = {"prompt": (None, "x")} if method == "POST" else None
        response = httpx.request(method, prism["static"].url + path, files=files, headers=headers)
        assert response.status_code == code
        if response.content:
            ErrorResponse.from_dict(response.json())
        error = status_error("openai", response)
        assert isinstance(error, genvideo.APIStatusError)
        assert error.status_code == code


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_openai(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    ref = CreationRef("openai", CREATION_ID)
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(ref), ref, prism[name].url)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(ref)
    assert info.value.status_code == 401


# -- the selection and the patches ---------------------------------------------------------------------


def test_the_openai_selection_and_patches() -> None:
    doc = spec_document()
    kept = sorted((path, method) for path in doc["paths"] if path.startswith(VIDEOS) for method in doc["paths"][path])
    job, content = JOB.format("{video_id}"), CONTENT.format("{video_id}")
    assert kept == [(VIDEOS, "post"), (job, "get"), (content, "get")]
    for path, method in kept:
        assert "security" not in doc["paths"][path][method], path  # 192: the document's, either credential
    submit = doc["paths"][VIDEOS]["post"]
    assert submit["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]  # 193
    assert "multipart/form-data" in submit["requestBody"]["content"]
    assert "content" not in doc["paths"][content]["get"]["responses"]["200"]  # 194: genvideo streams it
    status = doc["components"]["schemas"]["OpenAIVideoStatus"]  # 190
    assert "enum" not in status
    assert status["x-known-values"] == ["queued", "in_progress", "completed", "failed"]
    job_schema = doc["components"]["schemas"]["OpenAIVideoJob"]["properties"]  # 191
    assert [name for name in ("completed_at", "expires_at", "error") if job_schema[name].get("nullable")] == [
        "completed_at",
        "expires_at",
        "error",
    ]
    assert job_schema["object"]["nullable"] is True
    assert "enum" not in job_schema["object"]  # 195: the generated model parses a null object


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    known = spec_document()["components"]["schemas"]["OpenAIVideoStatus"]["x-known-values"]
    assert set(known) == set(EXPECTED_STATES)
    ref = CreationRef("openai", CREATION_ID)
    for word in known:
        creation = _check(_openai.to_creation(ref, {"id": CREATION_ID, "status": word}), ref)
        assert creation.state is EXPECTED_STATES[word]
