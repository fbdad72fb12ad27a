"""Wan's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and poll the Wan fake
  answers (each state, a failure, the declared errors) must fit the spec, and so must genvideo's
  requests (path, security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo
  gives a ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- Security: the Wan operations accept either Comfy credential (``132-wan-auth`` drops their own
  BearerAuth-only requirement, so the document's global one applies).

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
from genvideo._providers import _wan
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.api.api_nodes import wan_task_query_proxy, wan_video_generation
from genvideo_comfy_client.models import (
    ErrorResponse,
    WanTaskQueryResponse,
    WanVideoGenerationRequest,
    WanVideoGenerationResponse,
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

COMFY_KEY = "wan-contract-comfy-key"
COMFY_TOKEN = "wan-contract-comfy-token"
CREATION_ID = "string"  # Prism's static task_id
DYNAMIC_RUNS = 25
IMAGE_URL = "https://img.example/first-frame.png"
_BODY = {"model": "wan2.6-t2v", "input": {"prompt": "x"}}
POLL_PATH = wan_task_query_proxy._get_kwargs(CREATION_ID)["url"]
SUBMIT_PATH = wan_video_generation._get_kwargs(body=WanVideoGenerationRequest.from_dict(_BODY))["url"]

_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"pending": _Q, "running": _P, "succeeded": _S, "failed": _F, "canceled": _F, "unknown": _U}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-wan")
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
    """A Creation from a Wan task reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    output = body.get("output")
    if output is None:
        assert (creation.state, creation.raw_state, creation.outputs) == (_U, None, ()), note
    else:
        assert output.get("task_id") in (None, "", ref.id), note
        assert creation.raw_state == output.get("task_status"), note
        assert creation.state is _state(output.get("task_status")), note
        url = output.get("video_url")
        assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == (
            [(url, None, None)] if url else []
        ), note
        assert creation.error_code == (output.get("code") or None), note
    assert creation.progress is None, note
    for moment in (creation.created_at, creation.updated_at):
        assert moment is None or (isinstance(moment, datetime) and moment.tzinfo is not None), note
    raw = creation.raw
    assert isinstance(raw, WanTaskQueryResponse), note
    assert raw.to_dict() == body, note
    return creation


def _raw_roundtrip(creation: genvideo.Creation) -> None:
    assert creation.raw.to_dict() == creation.payload


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = f"wan-ok-{next(_ids)}"
    sandbox.add_creation("wan", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"wan:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "PENDING"), (_P, "RUNNING"), (_S, "SUCCEEDED")]
    assert len(creations[-1].outputs) == 1
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/wan/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("wan", cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"GET /proxy/wan/api/v1/tasks/{cid}"] * 3
    seen = sandbox.requests_for(sandbox.fault_path("wan", cid))
    assert [r.path for r in seen] == [f"/comfy/proxy/wan/api/v1/tasks/{cid}"] * 3
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states",
    [["PENDING", "RUNNING", "FAILED"], ["PENDING", "CANCELED"], ["UNKNOWN", "SUCCEEDED"], ["SUSPENDED"]],
    ids=["failed", "canceled", "unknown", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = f"wan-states-{next(_ids)}"
    sandbox.add_creation("wan", cid, states=states, failure_code="DataInspectionFailed")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"wan:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, CreationRef("wan", cid))
        if creation.state is _F:
            assert creation.error_code == "DataInspectionFailed"
    assert proxy.violations(mark) == []


def test_wait_through_the_proxy_ends_in_creation_failed(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"wan-wait-failed-{next(_ids)}"
    sandbox.add_creation("wan", cid, states=["PENDING", "RUNNING", "FAILED"], failure_code="InternalError")
    mark = prism["proxy"].mark()
    with _client(prism["proxy"]) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"wan:{cid}", timeout=20, poll_interval=0.01)
    assert info.value.creation.error_code == "InternalError"
    assert prism["proxy"].violations(mark) == []


@pytest.mark.parametrize(
    ("arguments", "model"),
    [
        ({"aspect_ratio": "9:16", "resolution": "1080p", "duration": 10, "seed": 3}, "wan2.6-t2v"),
        ({"image": IMAGE_URL, "resolution": 720, "negative_prompt": "blur"}, "wan2.6-i2v"),
        (
            {
                "model": "wan2.6-r2v",
                "input": {"reference_video_urls": ["https://v.example/a.mp4"]},
                "parameters": {"shot_type": "single", "prompt_extend": False, "watermark": False, "audio": True},
            },
            "wan2.6-r2v",
        ),
    ],
    ids=["t2v", "i2v", "r2v"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any], model: str
) -> None:
    """Prism checks the request genvideo sends (body, Idempotency-Key, security) and the fake's reply."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("wan", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.body["model"] == model
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {SUBMIT_PATH}"] + [f"GET /proxy/wan/api/v1/tasks/{ref.id}"] * 3


def test_refused_and_failed_submits_fit_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "wan",
        Sandbox.submit_script(states=["FAILED"]),
        Sandbox.submit_script(reject=Fault.error(400, error_code="InvalidParameter", message="bad size")),
    )
    mark = proxy.mark()
    with _client(proxy) as client:
        with pytest.raises(genvideo.CreationFailed, match="at submit") as failed:
            client.create("wan", prompt="x")
        with pytest.raises(genvideo.APIStatusError) as refused:
            client.create("wan", prompt="x")
    assert isinstance(failed.value.creation.raw, WanVideoGenerationResponse)
    assert (refused.value.status_code, refused.value.error_code) == (400, "InvalidParameter")
    assert proxy.violations(mark) == []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """Raw requests through the proxy: the fake's 200s, its 404 and its 401 have no ``sl-violations`` at all."""
    cid = f"wan-raw-{next(_ids)}"
    sandbox.add_creation("wan", cid, states=["PENDING", "RUNNING", "SUCCEEDED"])
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for word in ("PENDING", "RUNNING", "SUCCEEDED"):
            response = http.get(f"/proxy/wan/api/v1/tasks/{cid}")
            assert response.status_code == 200, response.text
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["output"]["task_status"] == word
        missing = http.get("/proxy/wan/api/v1/tasks/no-such-task")
        assert missing.status_code == 404
        wrong_key = http.get(f"/proxy/wan/api/v1/tasks/{cid}", headers={"X-API-Key": "not-the-key"})
        assert wrong_key.status_code == 401
        for response in (missing, wrong_key):
            assert _violations(response) == []
            assert response.headers["server"] == "genvideo-sandbox"
            ErrorResponse.from_dict(response.json())  # the spec's default error body


def test_the_proxy_refuses_requests_without_credentials(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = f"wan-anonymous-{next(_ids)}"
    sandbox.add_creation("wan", cid)
    response = httpx.get(prism["proxy"].url + f"/proxy/wan/api/v1/tasks/{cid}")
    assert response.status_code == 401
    assert "server" not in response.headers  # Prism answered itself...
    assert sandbox.requests_for(sandbox.fault_path("wan", cid)) == []  # ...and forwarded nothing


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"request_id": "r", "output": {"task_id": "t", "task_status": 5}}', "task_status must be string"),
        (b'{"request_id": "r", "output": {"task_status": "RUNNING"}}', "required property 'task_id'"),
        (b'{"output": {"task_id": "t", "task_status": "RUNNING"}}', "required property 'request_id'"),
    ],
)
def test_the_proxy_turns_a_broken_reply_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    """The control: the checks above are not vacuous."""
    cid = f"wan-bad-{next(_ids)}"
    sandbox.add_creation("wan", cid, faults=[Fault.body(bad_body, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"wan:{cid}")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + f"/proxy/wan/api/v1/tasks/{cid}", headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"wan:{CREATION_ID}"), CreationRef("wan", CREATION_ID))
    assert (creation.state, creation.raw_state) == (_U, "string")  # "string" is no documented word
    assert [o.url for o in creation.outputs] == ["string"]
    assert creation.error_code == "string"
    assert creation.created_at is None  # "string" is no time
    assert server.received(mark, expect=1) == [f"GET {POLL_PATH}"]
    assert server.violations(mark) == []


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = client.create("wan", prompt="a fox", image=IMAGE_URL, duration=15, seed=0)
    assert ref == CreationRef("wan", CREATION_ID)
    assert server.received(mark, expect=1) == [f"POST {SUBMIT_PATH}"]
    assert server.violations(mark) == []


def _refused_as_another_tasks(error: object) -> bool:
    return isinstance(error, genvideo.ResponseValidationError) and "but the reply is for" in str(error)


def test_any_schema_valid_task_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    """Or, when Prism made up another task's ``task_id``, a ResponseValidationError saying so."""
    server = prism["dynamic"]
    mark = server.mark()
    bodies = []
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(f"wan:{CREATION_ID}")
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_tasks(exc), exc  # noqa: PT017 - some replies pass, some are refused
                continue
            bodies.append(_check(creation, CreationRef("wan", CREATION_ID)).payload)
    assert bodies, "Prism --dynamic should sometimes leave output.task_id matching or out"
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    outcomes: set[str] = set()
    with _client(server) as client:
        # Most random replies are refused (a random task_id is seldom a usable id): go on until one is not.
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("wan", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
                outcomes.add("refused")
                continue
            except genvideo.CreationFailed as exc:  # a random word is never FAILED or CANCELED: a bug
                raise AssertionError(f"random words mean nothing: {exc.creation.raw_state!r}") from exc
            assert ref.provider == "wan"
            outcomes.add("ref")
    assert "ref" in outcomes


def test_the_async_client_on_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY, comfy_base_url=prism["dynamic"].url, max_retries=0
        ) as c:
            return list(await asyncio.gather(*(c.get(f"wan:{CREATION_ID}") for _ in range(10)), return_exceptions=True))

    for result in asyncio.run(main()):
        if isinstance(result, BaseException):
            assert _refused_as_another_tasks(result), result
        else:
            _check(result, CreationRef("wan", CREATION_ID))


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
    error = status_error("wan", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code
    assert error.message == f"wan: HTTP {code}: string"
    assert error.error_code == "string"


# -- security: either Comfy credential -----------------------------------------------------------------


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_wan(
    prism: dict[str, PrismServer], credentials: Mapping[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):  # the prepared document accepts either scheme on Wan's operations
        with _client(prism[name], **credentials) as client:
            _check(client.get(f"wan:{CREATION_ID}"), CreationRef("wan", CREATION_ID))
            assert client.create("wan", prompt="a fox") == CreationRef("wan", CREATION_ID)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(f"wan:{CREATION_ID}")
    assert info.value.status_code == 401


def test_the_wan_operations_declare_no_security_of_their_own() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    for path, method in ((POLL_PATH.replace(CREATION_ID, "{task_id}"), "get"), (SUBMIT_PATH, "post")):
        assert "security" not in doc["paths"][path][method], path  # the document's (either scheme) applies
    assert doc["paths"][SUBMIT_PATH]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    """Every word WanTaskStatus lists maps as the oracle says; only UNKNOWN maps to UNKNOWN, on purpose."""
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["WanTaskStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    ref = CreationRef("wan", CREATION_ID)
    for word in known:
        creation = _check(_wan.to_creation(ref, {"request_id": "r", "output": {"task_status": word}}), ref)
        assert creation.raw_state == word
        assert creation.state is EXPECTED_STATES[word.lower()]
        assert (creation.state is _U) == (word == "UNKNOWN")
