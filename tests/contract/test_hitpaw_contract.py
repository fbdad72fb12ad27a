"""HitPaw's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit and POST poll the HitPaw fake
  answers (each state, a failure) must fit the spec, and so must genvideo's requests (path, method,
  security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo
  gives a ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- Security: the HitPaw operations accept either Comfy credential (``261-hitpaw-auth``).

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
from genvideo._providers import _hitpaw
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import HitPawTaskStatusResponse
from tests.support.comfy_contract import (
    comfy_client,
    comfy_configs,
    credential_configs,
    credential_params,
    dynamic_status_outcomes,
    dynamic_submit_outcomes,
    refusal_params,
)
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "hitpaw-contract-comfy-key"
COMFY_TOKEN = "hitpaw-contract-comfy-token"
STATIC_JOB = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"  # the spec's example job_id of a status reply
STATIC_SUBMIT_JOB = "f5007c0b-e902-4070-8c75-f337d896168f"  # ...and of a submit reply
DYNAMIC_RUNS = 25
VIDEO_URL = "https://v.example/input.mp4"
POLL_PATH = "/proxy/hitpaw/api/task-status"
SUBMIT_PATH = "/proxy/hitpaw/api/video-enhancer"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"waiting": _Q, "converting": _P, "completed": _S, "error": _F}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-hitpaw")
    configs = [
        *comfy_configs(sandbox),
        *credential_configs(folder),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create("hitpaw", **{"prompt": None, "video": VIDEO_URL, "resolution": "1920x1080", **arguments})


def _state(raw: object) -> CreationState:
    return EXPECTED_STATES.get(raw.strip().lower(), _U) if isinstance(raw, str) else _U


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a HitPaw status reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    data = body.get("data")
    if data is None:
        assert (creation.state, creation.raw_state, creation.outputs) == (_U, None, ()), note
    else:
        assert data.get("job_id") in (None, "", ref.id), note
        assert creation.raw_state == data.get("status"), note
        assert creation.state is _state(data.get("status")), note
        url = data.get("res_url") if creation.state is _S else None
        assert [o.url for o in creation.outputs] == ([url] if url else []), note
    code = body.get("code")
    assert creation.error_code == (str(code) if code is not None and code != 200 else None), note
    assert creation.progress is None, note
    raw = creation.raw
    assert isinstance(raw, HitPawTaskStatusResponse), note
    assert raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = f"hitpaw-ok-{next(_ids)}"
    sandbox.add_creation("hitpaw", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"hitpaw:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "WAITING"), (_P, "CONVERTING"), (_S, "COMPLETED")]
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/hitpaw/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("hitpaw", cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"POST {POLL_PATH}"] * 3
    seen = [r for r in sandbox.requests if r.path == "/comfy" + POLL_PATH and json.loads(r.body) == {"job_id": cid}]
    assert len(seen) == 3
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states", [["WAITING", "CONVERTING", "ERROR"], ["PAUSED", "COMPLETED"]], ids=["error", "undocumented"]
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = f"hitpaw-states-{next(_ids)}"
    sandbox.add_creation("hitpaw", cid, states=states, failure_code="4003")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"hitpaw:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, CreationRef("hitpaw", cid))
    assert proxy.violations(mark) == []


def test_a_submit_and_wait_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer]
) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = _create(client, model="general_restore_4x", original_resolution=[960, 540])
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.body["model_name"] == "general_restore_4x"
    assert submission.idempotency_key
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {SUBMIT_PATH}"] + [f"POST {POLL_PATH}"] * 3


def test_the_proxy_turns_a_broken_reply_into_an_error(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """The control: the checks above are not vacuous."""
    cid = f"hitpaw-bad-{next(_ids)}"
    bad = b'{"code": 200, "data": {"job_id": "j", "status": 5}}'
    sandbox.add_creation("hitpaw", cid, faults=[Fault.body(bad, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError):
        client.get(f"hitpaw:{cid}")
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.post(proxy.url + POLL_PATH, json={"job_id": cid}, headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    assert any(v["severity"] == "Error" and "status must be string" in v["message"] for v in _violations(response))


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"hitpaw:{STATIC_JOB}"), CreationRef("hitpaw", STATIC_JOB))
    assert server.received(mark, expect=1) == [f"POST {POLL_PATH}"]
    assert server.violations(mark) == []
    assert creation.raw_state is not None


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = _create(client)
    assert ref == CreationRef("hitpaw", STATIC_SUBMIT_JOB)
    assert server.received(mark, expect=1) == [f"POST {SUBMIT_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_status_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    with _client(server) as client:
        outcomes = dynamic_status_outcomes(client, CreationRef("hitpaw", STATIC_JOB), _check, DYNAMIC_RUNS)
    assert len(outcomes) == DYNAMIC_RUNS  # Prism's random job_id rarely matches: mostly refusals
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    with _client(prism["dynamic"]) as client:
        assert dynamic_submit_outcomes(lambda: _create(client), "hitpaw", DYNAMIC_RUNS)


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_hitpaw(
    prism: dict[str, PrismServer], credentials: dict[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(f"hitpaw:{STATIC_JOB}"), CreationRef("hitpaw", STATIC_JOB))
            assert _create(client) == CreationRef("hitpaw", STATIC_SUBMIT_JOB)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError):
        client.get(f"hitpaw:{STATIC_JOB}")


def test_the_hitpaw_operations_declare_no_security_of_their_own() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    for path in (POLL_PATH, SUBMIT_PATH):
        assert "security" not in doc["paths"][path]["post"], path
        assert doc["paths"][path]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["HitPawTaskStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    ref = CreationRef("hitpaw", "j")
    for word in known:
        creation = _check(_hitpaw.to_creation(ref, {"code": 200, "data": {"status": word}}), ref)
        assert creation.state is EXPECTED_STATES[word.lower()]
