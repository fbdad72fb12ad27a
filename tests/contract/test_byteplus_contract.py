"""BytePlus' contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and poll the BytePlus fake
  answers (each state, a failure, the declared errors) must fit the spec, and so must genvideo's
  requests (path, security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo
  gives a ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- Security: the BytePlus operations accept either Comfy credential (``142-byteplus-auth``).

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _byteplus
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.api.api_nodes import byteplus_video_generation, byteplus_video_generation_query
from genvideo_comfy_client.models import (
    BytePlusVideoGenerationQueryResponse,
    BytePlusVideoGenerationRequest,
    ErrorResponse,
)
from tests.support.comfy_contract import (
    comfy_client,
    comfy_configs,
    credential_configs,
    credential_params,
    dynamic_runs,
    refusal_params,
)
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "byteplus-contract-comfy-key"
COMFY_TOKEN = "byteplus-contract-comfy-token"
CREATION_ID = "string"  # Prism's static id
DYNAMIC_RUNS = 25
IMAGE_URL = "https://img.example/first-frame.png"
_BODY = {"model": "seedance-1-0-pro-fast-251015", "content": [{"type": "text", "text": "x"}]}
POLL_PATH = byteplus_video_generation_query._get_kwargs(CREATION_ID)["url"]
SUBMIT_PATH = byteplus_video_generation._get_kwargs(body=BytePlusVideoGenerationRequest.from_dict(_BODY))["url"]
TASKS = "/proxy/byteplus/api/v3/contents/generations/tasks"

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"queued": _Q, "running": _P, "succeeded": _S, "failed": _F, "cancelled": _F}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-byteplus")
    configs = [
        *comfy_configs(sandbox),
        *credential_configs(folder),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


# -- the oracle ----------------------------------------------------------------------------------------


def _state(raw: object) -> CreationState:
    return EXPECTED_STATES.get(raw.strip().lower(), _U) if isinstance(raw, str) else _U


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a BytePlus task reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    assert body.get("id") in (None, "", ref.id), note
    assert creation.raw_state == body.get("status"), note
    assert creation.state is _state(body.get("status")), note
    url = (body.get("content") or {}).get("video_url")
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == (
        [(url, None, None)] if url else []
    ), note
    error = body.get("error") or {}
    assert creation.error_code == (error.get("code") or None), note
    assert creation.error_message == (error.get("message") or None), note
    assert creation.progress is None, note
    for moment in (creation.created_at, creation.updated_at):
        assert moment is None or (isinstance(moment, datetime) and moment.tzinfo is not None), note
    raw = creation.raw
    assert isinstance(raw, BytePlusVideoGenerationQueryResponse), note
    assert raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = f"bp-ok-{next(_ids)}"
    sandbox.add_creation("byteplus", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"byteplus:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "queued"), (_P, "running"), (_S, "succeeded")]
    assert len(creations[-1].outputs) == 1
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/byteplus/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("byteplus", cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"GET {TASKS}/{cid}"] * 3
    seen = sandbox.requests_for(sandbox.fault_path("byteplus", cid))
    assert [r.path for r in seen] == [f"/comfy{TASKS}/{cid}"] * 3
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states",
    [["queued", "running", "failed"], ["queued", "cancelled"], ["paused", "succeeded"]],
    ids=["failed", "cancelled", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = f"bp-states-{next(_ids)}"
    sandbox.add_creation("byteplus", cid, states=states, failure_code="InternalServiceError")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"byteplus:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, CreationRef("byteplus", cid))
        if creation.state is _F:
            assert creation.error_code == "InternalServiceError"
    assert proxy.violations(mark) == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"aspect_ratio": "9:16", "resolution": "1080p", "duration": 10, "seed": 3},
        {"image": IMAGE_URL, "resolution": 720, "model": "seedance-1-5-pro-251215", "generate_audio": False},
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
        ref = client.create("byteplus", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {SUBMIT_PATH}"] + [f"GET {TASKS}/{ref.id}"] * 3


def test_a_refused_submit_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "byteplus", Sandbox.submit_script(reject=Fault.error(400, error_code="InvalidParameter", message="bad"))
    )
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("byteplus", prompt="x")
    assert (refused.value.status_code, refused.value.error_code) == (400, "InvalidParameter")
    assert proxy.violations(mark) == []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"bp-raw-{next(_ids)}"
    sandbox.add_creation("byteplus", cid, states=["queued", "running", "succeeded"])
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for word in ("queued", "running", "succeeded"):
            response = http.get(f"{TASKS}/{cid}")
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["status"] == word
        missing = http.get(f"{TASKS}/no-such-task")
        assert missing.status_code == 404
        wrong_key = http.get(f"{TASKS}/{cid}", headers={"X-API-Key": "not-the-key"})
        assert wrong_key.status_code == 401
        for response in (missing, wrong_key):
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            ErrorResponse.from_dict(response.json())


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"id": "t", "status": 5}', "status must be string"),
        (b'{"id": "t", "status": "running", "created_at": "soon"}', "created_at must be integer"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = f"bp-bad-{next(_ids)}"
    sandbox.add_creation("byteplus", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"byteplus:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + f"{TASKS}/{cid}", headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"byteplus:{CREATION_ID}"), CreationRef("byteplus", CREATION_ID))
    assert (creation.state, creation.raw_state) == (_U, "string")
    assert [o.url for o in creation.outputs] == ["string"]
    assert creation.error_code == "string"
    assert server.received(mark, expect=1) == [f"GET {POLL_PATH}"]
    assert server.violations(mark) == []


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = client.create("byteplus", prompt="a fox", image=IMAGE_URL, duration=12, seed=-1)
    assert ref == CreationRef("byteplus", CREATION_ID)
    assert server.received(mark, expect=1) == [f"POST {SUBMIT_PATH}"]
    assert server.violations(mark) == []


def _refused_as_another_tasks(error: object) -> bool:
    return isinstance(error, genvideo.ResponseValidationError) and "but the reply is for" in str(error)


def test_any_schema_valid_task_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    bodies = []
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(f"byteplus:{CREATION_ID}")
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_tasks(exc), exc  # noqa: PT017 - some replies pass, some are refused
                continue
            bodies.append(_check(creation, CreationRef("byteplus", CREATION_ID)).payload)
    # Prism --dynamic always makes up an id, so the replies above may all be refused as another task's:
    # read raw ones too and check each as the reply for our task (its made-up id replaced by ours).
    ref = CreationRef("byteplus", CREATION_ID)
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            body = {**http.get(POLL_PATH).json(), "id": CREATION_ID}
            bodies.append(_check(_byteplus.to_creation(ref, body), ref).payload)
    assert bodies
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("byteplus", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
                outcomes.add("refused")
                continue
            assert ref.provider == "byteplus"
            outcomes.add("ref")
    assert "ref" in outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            gets = (c.get(f"byteplus:{CREATION_ID}") for _ in range(10))
            return list(await asyncio.gather(*gets, return_exceptions=True))

    for result in asyncio.run(main()):
        if isinstance(result, BaseException):
            assert _refused_as_another_tasks(result), result
        else:
            _check(result, CreationRef("byteplus", CREATION_ID))


@pytest.mark.parametrize(("method", "path"), [("GET", POLL_PATH), ("POST", SUBMIT_PATH)])
@pytest.mark.parametrize("code", [400, 401, 404, 429, 500])
def test_declared_error_bodies_become_typed_errors(
    prism: dict[str, PrismServer], method: str, path: str, code: int
) -> None:
    body = _BODY if method == "POST" else None
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.request(method, prism["static"].url + path, json=body, headers=headers)
    assert response.status_code == code
    ErrorResponse.from_dict(response.json())
    error = status_error("byteplus", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code
    assert error.error_code == "string"


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_byteplus(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(f"byteplus:{CREATION_ID}"), CreationRef("byteplus", CREATION_ID))
            assert client.create("byteplus", prompt="a fox") == CreationRef("byteplus", CREATION_ID)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(f"byteplus:{CREATION_ID}")
    assert info.value.status_code == 401


def test_only_the_video_task_operations_are_kept_and_they_declare_no_security() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    kept = sorted(path for path in doc["paths"] if path.startswith("/proxy/byteplus/"))
    assert kept == [TASKS, f"{TASKS}/{{task_id}}"]  # not images/generations (Seedream images)
    for path, method in ((f"{TASKS}/{{task_id}}", "get"), (SUBMIT_PATH, "post")):
        assert "security" not in doc["paths"][path][method], path
    assert doc["paths"][SUBMIT_PATH]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["BytePlusTaskStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    ref = CreationRef("byteplus", CREATION_ID)
    for word in known:
        creation = _check(_byteplus.to_creation(ref, {"status": word}), ref)
        assert creation.state is EXPECTED_STATES[word]
