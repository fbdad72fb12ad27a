"""Google Veo's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and POST poll the Veo fake
  answers (pending, done with base64 videos, an error, an RAI-filtered result) must fit the spec, and so
  must genvideo's requests (path, method, security, Idempotency-Key on the submit, the poll's body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- The patches: the submit takes an Idempotency-Key (220); the poll reply's shape is guarded (221).

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _veo
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import VeoGenVidPollResponse
from tests.support.comfy_contract import comfy_client, comfy_configs
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "veo-contract-comfy-key"
COMFY_TOKEN = "veo-contract-comfy-token"
MODEL = _veo.DEFAULT_MODEL
SUBMIT = f"/proxy/veo/{MODEL}/generate"
POLL = f"/proxy/veo/{MODEL}/poll"
STATIC_NAME = "string"  # Prism's static operation name in a poll reply
# The spec's example operation name, which the static mock answers a submit with.
EXAMPLE_NAME = (
    "projects/PROJECT_ID/locations/us-central1/publishers/google/models/MODEL_ID/operations/"
    "a1b07c8e-7b5a-4aba-bb34-3e1ccb8afcc8"
)
DYNAMIC_RUNS = 25

_P, _S, _F, _U = CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED, CreationState.UNKNOWN


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-veo")
    with prism_fixture(comfy_configs(sandbox), folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


# -- the oracle, written independently of the registry -------------------------------------------------


def _expected(body: Mapping[str, Any]) -> tuple[CreationState, str]:
    done = body.get("done")
    if isinstance(done, str):
        return _U, done
    if not done:
        return _P, "pending"
    if body.get("error") is not None:
        return _F, "error"
    count = (body.get("response") or {}).get("raiMediaFilteredCount")
    if isinstance(count, int) and count > 0:
        return _F, "filtered"
    return _S, "done"


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = json.dumps(body)[:1000]
    assert creation.ref == ref
    assert (creation.state, creation.raw_state) == _expected(body), note
    assert creation.progress is None, note
    if creation.state is _S:
        videos = (body.get("response") or {}).get("videos") or []
        kinds = ["base64" if v.get("bytesBase64Encoded") else "url" for v in videos if isinstance(v, dict)]
        kinds = [k for k, v in zip(kinds, videos, strict=True) if v.get("bytesBase64Encoded") or v.get("gcsUri")]
        assert [o.kind for o in creation.outputs] == kinds, note
    else:
        assert creation.outputs == (), note
    assert isinstance(creation.raw, VeoGenVidPollResponse), note
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
    name = f"lifecycle-{header}"
    ref = _veo.ref_for(MODEL, name)
    sandbox.add_creation("veo", ref.id, states=["pending", "done"], scope=ref.scope)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(ref) for _ in range(2)]
    assert [(c.state, c.raw_state) for c in creations] == [(_P, "pending"), (_S, "done")]
    assert [o.kind for o in creations[-1].outputs] == ["base64"]
    for creation in creations:
        _check(creation, ref)
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=2) == [f"POST {POLL}"] * 2
    seen = [r for r in sandbox.requests if r.path == f"/comfy{POLL}" and json.loads(r.body) == {"operationName": name}]
    assert len(seen) == 2
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize("word", ["error", "filtered"])
def test_every_failure_the_fake_sends_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer], word: str) -> None:
    ref = _veo.ref_for(MODEL, f"failure-{word}")
    sandbox.add_creation("veo", ref.id, states=[word], failure_code="3", scope=ref.scope)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creation = _check(client.get(ref), ref)
    assert (creation.state, creation.raw_state) == (_F, word)
    assert proxy.violations(mark) == []


@pytest.mark.parametrize(
    "arguments",
    [
        {"negative_prompt": "blur", "duration": 8, "aspect_ratio": "16:9", "seed": 5, "generateAudio": True},
        {"image": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32},
        {"image": [b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, b"\x89PNG\r\n\x1a\n" + b"\x01" * 32], "sampleCount": 1},
    ],
    ids=["t2v", "first-frame", "first-and-last-frame"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any]
) -> None:
    """Prism checks the request genvideo sends (body, Idempotency-Key, security) and the fake's replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = client.create("veo", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is _S
    assert proxy.violations(mark) == []
    received = proxy.received(mark, expect=3)
    assert received == [f"POST {SUBMIT}", f"POST {POLL}", f"POST {POLL}"]


def test_a_refused_submit_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    proxy = prism["proxy"]
    sandbox.script_submits(
        "veo", Sandbox.submit_script(reject=Fault.error(400, error_code="invalid_request", message="bad"))
    )
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.APIStatusError) as refused:
        client.create("veo", prompt="x")
    assert refused.value.status_code == 400
    assert proxy.violations(mark) == []


def test_the_proxy_turns_a_broken_reply_into_an_error(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """The control: the checks above are not vacuous."""
    ref = _veo.ref_for(MODEL, "broken")
    sandbox.add_creation("veo", ref.id, scope=ref.scope, faults=[Fault.body(b'{"done": "yes", "name": 5}', times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(ref)
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.post(proxy.url + POLL, json={"operationName": "broken"}, headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    assert any(v["severity"] == "Error" for v in _violations(response))


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = client.create("veo", prompt="a fox", duration=5)
    assert ref == _veo.ref_for(MODEL, EXAMPLE_NAME)
    assert "/" not in ref.id
    assert server.received(mark, expect=1) == [f"POST {SUBMIT}"]
    assert server.violations(mark) == []


def test_a_static_poll_reply_gives_a_creation_or_is_refused_as_another_operations(
    prism: dict[str, PrismServer],
) -> None:
    server = prism["static"]
    ref = _veo.ref_for(MODEL, STATIC_NAME)
    with _client(server) as client:
        _check(client.get(ref), ref)
    assert server.violations(server.mark()) == []


def test_any_schema_valid_poll_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    ref = _veo.ref_for(MODEL, STATIC_NAME)
    checked = 0
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            body = http.post(POLL, json={"operationName": STATIC_NAME}).json()
            body["name"] = STATIC_NAME  # Prism makes a name up: read it as the reply for ours
            try:
                creation = _veo.to_creation(ref, body)
            except genvideo.GenvideoError:
                continue
            _check(creation, ref)
            checked += 1
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            with contextlib.suppress(genvideo.ResponseValidationError):
                _check(client.get(ref), ref)
    assert checked


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                ref = client.create("veo", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed operation
                outcomes.add("refused")
                continue
            assert ref.provider == "veo"
            outcomes.add("ref")
    assert outcomes


@pytest.mark.parametrize(("method", "path"), [("POST", POLL), ("POST", SUBMIT)])
@pytest.mark.parametrize("code", [400, 401, 500])
def test_declared_error_statuses_become_typed_errors(
    prism: dict[str, PrismServer], method: str, path: str, code: int
) -> None:
    body = {"operationName": "x"} if path == POLL else {"instances": [{"prompt": "x"}]}
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.request(method, prism["static"].url + path, json=body, headers=headers)
    if response.status_code != code:
        pytest.skip(f"the spec declares no {code} for {path}")
    error = status_error("veo", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code


def test_only_the_model_scoped_operations_are_kept() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    kept = sorted(
        (path, method) for path in doc["paths"] if path.startswith("/proxy/veo/") for method in doc["paths"][path]
    )
    assert kept == [("/proxy/veo/{modelId}/generate", "post"), ("/proxy/veo/{modelId}/poll", "post")]
    submit = doc["paths"]["/proxy/veo/{modelId}/generate"]["post"]
    assert {"$ref": "#/components/parameters/IdempotencyKey"} in submit["parameters"]
    poll = doc["paths"]["/proxy/veo/{modelId}/poll"]["post"]
    assert all("IdempotencyKey" not in json.dumps(p) for p in poll.get("parameters", []))
