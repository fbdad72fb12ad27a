"""MiniMax's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit, task poll (``?task_id=``) and
  file look-up (``GET files/retrieve?file_id=``) the MiniMax fake answers (each state, a failure, the
  declared errors) must fit the spec, and so must genvideo's requests (query parameters, method,
  security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- The patches: files/retrieve is a GET (172), either Comfy credential is accepted (173), submits take an
  Idempotency-Key (174).

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
from genvideo._providers import _minimax
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import ErrorResponse, MinimaxFileRetrieveResponse, MinimaxTaskResultResponse
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

COMFY_KEY = "minimax-contract-comfy-key"
COMFY_TOKEN = "minimax-contract-comfy-token"
CREATION_ID = "string"  # Prism's static task_id
DYNAMIC_RUNS = 25
IMAGE_URL = "https://img.example/first-frame.png"
SUBMIT = "/proxy/minimax/video_generation"
QUERY = "/proxy/minimax/query/video_generation"
RETRIEVE = "/proxy/minimax/files/retrieve"
FILE_BASE = 8 * 10**15  # the fake's file_id of task N is FILE_BASE + N
_BODY = {"model": "MiniMax-Hailuo-02", "prompt": "x"}
UNDECLARED_STATUS = (
    "Unable to match the returned status code with those defined in the document: 200,400,401,402,429,500,502,504"
)

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"queueing": _Q, "preparing": _P, "processing": _P, "success": _S, "fail": _F}
_ids = itertools.count(100000000000001)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-minimax")
    configs = [
        *comfy_configs(sandbox),
        *credential_configs(folder),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _task_id() -> str:
    return str(next(_ids))  # 15 digits, like MiniMax's (and so a file_id Prism reads exactly)


# -- the oracle ----------------------------------------------------------------------------------------


def _state(raw: object) -> CreationState:
    return EXPECTED_STATES.get(raw.strip().lower(), _U) if isinstance(raw, str) else _U


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from MiniMax's replies agrees with the JSON, and ``raw`` is the generated models of it."""
    assert isinstance(creation, genvideo.Creation)
    task, retrieve = creation.payload["task"], creation.payload["retrieve"]
    note = f"task: {json.dumps(task)[:1000]} retrieve: {json.dumps(retrieve)[:1000]}"
    assert creation.ref == ref
    assert task.get("task_id") in (None, "", ref.id), note
    assert creation.raw_state == task.get("status"), note
    assert creation.state is _state(task.get("status")), note
    file = (retrieve or {}).get("file") or {}
    url = file.get("download_url") or file.get("backup_download_url")
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == ([(url, None, None)] if url else [])
    codes = [reply.get("base_resp") or {} for reply in (task, retrieve or {})]
    failed = [base for base in codes if base.get("status_code") not in (None, 0)]
    expected_code = str(failed[0]["status_code"]) if failed else None
    assert creation.error_code == expected_code, note
    assert creation.error_message == ((failed[0].get("status_msg") or None) if failed else None), note
    assert creation.progress is None, note
    assert creation.created_at is None, note
    assert creation.updated_at is None or (
        isinstance(creation.updated_at, datetime) and creation.updated_at.tzinfo is not None
    ), note
    raw = creation.raw
    assert isinstance(raw, _minimax.MinimaxRaw), note
    assert isinstance(raw.task, MinimaxTaskResultResponse), note
    assert raw.task.to_dict() == task, note
    if retrieve is not None:
        assert isinstance(raw.retrieve, MinimaxFileRetrieveResponse), note
        assert raw.retrieve.to_dict() == retrieve, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = _task_id()
    sandbox.add_creation("minimax", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"minimax:{cid}") for _ in range(4)]
    assert [(c.state, c.raw_state) for c in creations] == [
        (_Q, "Queueing"),
        (_P, "Preparing"),
        (_P, "Processing"),
        (_S, "Success"),
    ]
    assert len(creations[-1].outputs) == 1
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/minimax/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("minimax", cid))
    assert proxy.violations(mark) == []
    file_id = FILE_BASE + int(cid)
    assert proxy.received(mark, expect=5) == [f"GET {QUERY}"] * 4 + [f"GET {RETRIEVE}"]  # Prism logs no query
    targets = [f"/comfy{QUERY}?task_id={cid}"] * 4 + [f"/comfy{RETRIEVE}?file_id={file_id}"]
    seen = [r for r in sandbox.requests if r.target in targets]
    assert [r.target for r in seen] == targets
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states",
    [["Queueing", "Processing", "Fail"], ["Preparing", "Fail"], ["Paused", "Success"]],
    ids=["failed", "failed-early", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = _task_id()
    sandbox.add_creation("minimax", cid, states=states, failure_code="1026")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"minimax:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, CreationRef("minimax", cid))
        if creation.state is _F:
            assert creation.error_code == "1026"
    assert proxy.violations(mark) == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"duration": 10, "resolution": "768P", "prompt_optimizer": False},
        {"image": IMAGE_URL, "model": "I2V-01-Director"},
        {"image": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "resolution": 1080},
    ],
    ids=["t2v", "i2v-url", "i2v-data-uri"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any]
) -> None:
    """Prism checks the request genvideo sends (body, Idempotency-Key, security) and the fake's replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("minimax", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    file_id = FILE_BASE + int(ref.id)
    assert proxy.received(mark, expect=6) == [f"POST {SUBMIT}", *[f"GET {QUERY}"] * 4, f"GET {RETRIEVE}"]
    targets = [f"/comfy{QUERY}?task_id={ref.id}"] * 4 + [f"/comfy{RETRIEVE}?file_id={file_id}"]
    assert [r.target for r in sandbox.requests if r.target in targets] == targets


def test_a_refused_submit_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "minimax", Sandbox.submit_script(reject=Fault.error(400, error_code="invalid_request", message="bad"))
    )
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("minimax", prompt="x")
    assert (refused.value.status_code, refused.value.error_code) == (400, "invalid_request")
    sandbox.script_submits("minimax", Sandbox.submit_script(states=["Fail"], failure_code="1008"))
    with _client(proxy) as client, pytest.raises(genvideo.CreationFailed) as failed:
        client.create("minimax", prompt="x")
    assert failed.value.creation.error_code == "1008"
    assert proxy.violations(mark) == []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = _task_id()
    sandbox.add_creation("minimax", cid, states=["Queueing", "Success"])
    file_id = FILE_BASE + int(cid)
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        early = http.get(RETRIEVE, params={"file_id": file_id})  # before the task succeeded: 404
        for word in ("Queueing", "Success"):
            response = http.get(QUERY, params={"task_id": cid})
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["status"] == word
        file = http.get(RETRIEVE, params={"file_id": file_id})
        assert file.status_code == 200, file.text
        assert _violations(file) == []
        assert file.json()["file"]["file_id"] == file_id
        missing = http.get(QUERY, params={"task_id": "no-such-task"})
        wrong_key = http.get(QUERY, params={"task_id": cid}, headers={"X-API-Key": "not-the-key"})
    # The proxy's 404 (the sandbox's, for every provider behind it) is an ErrorResponse, but the MiniMax
    # operations declare no 404: Prism warns about the status code, and about nothing else.
    undeclared = [{"location": ["response"], "severity": "Warning", "message": UNDECLARED_STATUS}]
    for response, status, expected in ((early, 404, undeclared), (missing, 404, undeclared), (wrong_key, 401, [])):
        assert response.status_code == status
        assert _violations(response) == expected
        assert response.headers["server"] == "genvideo-sandbox"
        ErrorResponse.from_dict(response.json())


def test_the_retrieve_is_declared_and_served_as_a_get(prism: dict[str, PrismServer]) -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    assert set(doc["paths"][RETRIEVE]) == {"get"}
    assert doc["paths"][RETRIEVE]["get"]["operationId"] == "retrieveMinimaxFile"
    headers = {"X-API-Key": COMFY_KEY}
    got = httpx.get(prism["static"].url + RETRIEVE, params={"file_id": 1}, headers=headers)
    assert got.status_code == 200
    posted = httpx.post(prism["static"].url + RETRIEVE, params={"file_id": 1}, headers=headers)
    assert posted.status_code in (404, 405)  # Prism knows no POST there any more


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"task_id": "t", "status": 5, "base_resp": {"status_code": 0, "status_msg": ""}}', "status must be string"),
        (b'{"task_id": "t", "status": "Processing"}', "must have required property 'base_resp'"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = _task_id()
    sandbox.add_creation("minimax", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"minimax:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + QUERY, params={"task_id": cid}, headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"minimax:{CREATION_ID}"), CreationRef("minimax", CREATION_ID))
    assert (creation.state, creation.raw_state, creation.outputs) == (_U, "string", ())
    assert server.received(mark, expect=1) == [f"GET {QUERY}"]
    assert server.violations(mark) == []


def test_a_static_file_reply_gives_the_output(prism: dict[str, PrismServer]) -> None:
    ref = CreationRef("minimax", CREATION_ID)
    task = {
        "task_id": CREATION_ID,
        "status": "Success",
        "file_id": "0",
        "base_resp": {"status_code": 0, "status_msg": ""},
    }
    with httpx.Client(base_url=prism["static"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        retrieve = http.get(_minimax.retrieve_path(0)).json()
    creation = _check(_minimax.to_creation(ref, task, retrieve), ref)
    assert [o.url for o in creation.outputs] == ["string"]


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = client.create("minimax", prompt="a fox", image=IMAGE_URL, duration=6, resolution="1080P")
    assert ref == CreationRef("minimax", CREATION_ID)
    assert server.received(mark, expect=1) == [f"POST {SUBMIT}"]
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
                creation = client.get(f"minimax:{CREATION_ID}")
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_tasks(exc), exc  # noqa: PT017 - some replies pass, some are refused
                continue
            bodies.append(_check(creation, CreationRef("minimax", CREATION_ID)).payload)
    # Prism --dynamic always makes up a task_id, so the replies above may all be refused as another task's:
    # read raw ones too and check each as the reply for our task (its made-up id replaced by ours), with a
    # file look-up made up the same way when the made-up state is a success.
    ref = CreationRef("minimax", CREATION_ID)
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for index in range(DYNAMIC_RUNS):
            task = {**http.get(_minimax.status_path(CREATION_ID)).json(), "task_id": CREATION_ID}
            if index % 2:  # as if it had succeeded, with the file that a retrieve of its id answers
                task.update(status="Success", file_id=str(index))
                retrieve = http.get(_minimax.retrieve_path(index)).json()
                retrieve["file"]["file_id"] = index
                bodies.append(_check(_minimax.to_creation(ref, task, retrieve), ref).payload)
            else:
                bodies.append(_check(_minimax.to_creation(ref, task, None), ref).payload)
    assert bodies
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                ref = client.create("minimax", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
                outcomes.add("refused")
                continue
            except genvideo.CreationFailed as exc:
                assert exc.creation.error_code  # noqa: PT017 - a made-up non-zero status_code
                outcomes.add("failed")
                continue
            assert ref.provider == "minimax"
            outcomes.add("ref")
    assert outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            gets = (c.get(f"minimax:{CREATION_ID}") for _ in range(10))
            return list(await asyncio.gather(*gets, return_exceptions=True))

    for result in asyncio.run(main()):
        if isinstance(result, BaseException):
            assert isinstance(result, genvideo.ResponseValidationError), result
        else:
            _check(result, CreationRef("minimax", CREATION_ID))


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", f"{QUERY}?task_id=t"), ("GET", f"{RETRIEVE}?file_id=1"), ("POST", SUBMIT)],
)
@pytest.mark.parametrize("code", [400, 401, 429, 500, 502, 504])
def test_declared_error_bodies_become_typed_errors(
    prism: dict[str, PrismServer], method: str, path: str, code: int
) -> None:
    body = _BODY if method == "POST" else None
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.request(method, prism["static"].url + path, json=body, headers=headers)
    assert response.status_code == code
    if code != 401:  # the spec declares no body for 401
        ErrorResponse.from_dict(response.json())
    error = status_error("minimax", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_minimax(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(f"minimax:{CREATION_ID}"), CreationRef("minimax", CREATION_ID))
            assert client.create("minimax", prompt="a fox") == CreationRef("minimax", CREATION_ID)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(f"minimax:{CREATION_ID}")
    assert info.value.status_code == 401


def test_only_the_three_operations_are_kept_and_they_declare_no_security() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    kept = sorted(
        (path, method) for path in doc["paths"] if path.startswith("/proxy/minimax/") for method in doc["paths"][path]
    )
    assert kept == [(RETRIEVE, "get"), (QUERY, "get"), (SUBMIT, "post")]
    for path, method in kept:
        assert "security" not in doc["paths"][path][method], path
    assert doc["paths"][SUBMIT]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]
    file = doc["components"]["schemas"]["MinimaxFileRetrieveResponse"]["properties"]["file"]["properties"]
    assert file["backup_download_url"] == {
        "type": "string",
        "nullable": True,
        "description": file["backup_download_url"]["description"],
    }


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["MinimaxTaskStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    ref = CreationRef("minimax", CREATION_ID)
    for word in known:
        task = {"task_id": CREATION_ID, "status": word, "base_resp": {"status_code": 0, "status_msg": "success"}}
        creation = _check(_minimax.to_creation(ref, task, None), ref)
        assert creation.state is EXPECTED_STATES[word.lower()]
