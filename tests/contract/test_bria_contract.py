"""Bria's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit (202) and poll the Bria fake
  answers (each state, a failure, its 404) must fit the spec, and so must genvideo's requests (path,
  security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo
  gives a ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.
- Security: the Bria operations accept either Comfy credential (``271-bria-auth``).

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
from genvideo._providers import _bria
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.models import BriaStatusResponse
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

COMFY_KEY = "bria-contract-comfy-key"
COMFY_TOKEN = "bria-contract-comfy-token"
STATIC_JOB = "string"  # Prism's static request_id (the spec gives no example)
STATIC_SUBMIT_JOB = "string"
DYNAMIC_RUNS = 25
VIDEO_URL = "https://v.example/input.mp4"
POLL_PATH = "/proxy/bria/v2/status/{}"
SUBMIT_PATH = "/proxy/bria/v2/video/edit/remove_background"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# The oracle, written independently of the registry: what each documented word means.
EXPECTED_STATES = {"in_progress": _P, "completed": _S, "error": _F, "unknown": _U}
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-bria")
    configs = [
        *comfy_configs(sandbox),
        *credential_configs(folder),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create("bria", **{"prompt": None, "video": VIDEO_URL, **arguments})


def _state(raw: object) -> CreationState:
    return EXPECTED_STATES.get(raw.strip().lower(), _U) if isinstance(raw, str) else _U


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a Bria status reply agrees with the JSON, and ``raw`` is the generated model of it."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    assert body.get("request_id") in (None, "", ref.id), note
    assert creation.raw_state == body.get("status"), note
    assert creation.state is _state(body.get("status")), note
    url = (body.get("result") or {}).get("video_url") if creation.state is _S else None
    assert [o.url for o in creation.outputs] == ([url] if url else []), note
    code = (body.get("error") or {}).get("code")
    assert creation.error_code == (str(code) if code is not None else None), note
    assert creation.progress is None, note
    raw = creation.raw
    assert isinstance(raw, BriaStatusResponse), note
    assert raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(("credentials", "header", "value"), credential_params(COMFY_KEY, COMFY_TOKEN))
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = f"bria-ok-{next(_ids)}"
    sandbox.add_creation("bria", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"bria:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_P, "IN_PROGRESS"), (_S, "COMPLETED"), (_S, "COMPLETED")]
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/bria/{cid}/")
    for creation in creations:
        _check(creation, CreationRef("bria", cid))
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"GET {POLL_PATH.format(cid)}"] * 3
    seen = sandbox.requests_for(sandbox.fault_path("bria", cid))
    assert len(seen) == 3
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize(
    "states",
    [["IN_PROGRESS", "ERROR"], ["UNKNOWN", "COMPLETED"], ["PAUSED", "COMPLETED"]],
    ids=["error", "unknown", "undocumented"],
)
def test_every_state_word_the_fake_sends_fits_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer], states: list[str]
) -> None:
    cid = f"bria-states-{next(_ids)}"
    sandbox.add_creation("bria", cid, states=states, failure_code="422")
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        creations = [client.get(f"bria:{cid}") for _ in states]
    assert [c.raw_state for c in creations] == states
    assert [c.state for c in creations] == [_state(word) for word in states]
    for creation in creations:
        _check(creation, CreationRef("bria", cid))
    assert proxy.violations(mark) == []


def test_a_submit_and_wait_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer]
) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy) as client:
        ref = _create(client, background_color="Transparent", output_container_and_codec="mov_proresks")
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.body["output_container_and_codec"] == "mov_proresks"
    assert submission.idempotency_key
    assert creation.state is _S
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=3) == [f"POST {SUBMIT_PATH}"] + [f"GET {POLL_PATH.format(ref.id)}"] * 2


def test_the_proxy_turns_a_broken_reply_into_an_error(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """The control: the checks above are not vacuous."""
    cid = f"bria-bad-{next(_ids)}"
    bad = b'{"request_id": "r", "status": 5}'
    sandbox.add_creation("bria", cid, faults=[Fault.body(bad, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError):
        client.get(f"bria:{cid}")
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + POLL_PATH.format(cid), headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    assert any(v["severity"] == "Error" and "status must be string" in v["message"] for v in _violations(response))


def test_an_unknown_request_is_brias_404(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    response = httpx.get(prism["proxy"].url + POLL_PATH.format("no-such-request"), headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 404
    assert response.json() == {"status": "NOT_FOUND"}
    assert _violations(response) == []


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"bria:{STATIC_JOB}"), CreationRef("bria", STATIC_JOB))
    assert server.received(mark, expect=1) == [f"GET {POLL_PATH.format(STATIC_JOB)}"]
    assert server.violations(mark) == []
    assert creation.raw_state is not None


def test_a_static_submit_gives_a_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        ref = _create(client)
    assert ref == CreationRef("bria", STATIC_SUBMIT_JOB)
    assert server.received(mark, expect=1) == [f"POST {SUBMIT_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_status_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    with _client(server) as client:
        outcomes = dynamic_status_outcomes(client, CreationRef("bria", STATIC_JOB), _check, DYNAMIC_RUNS)
    assert len(outcomes) == DYNAMIC_RUNS  # Prism's random request_id rarely matches: mostly refusals
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    with _client(prism["dynamic"]) as client:
        assert dynamic_submit_outcomes(lambda: _create(client), "bria", DYNAMIC_RUNS)


@pytest.mark.parametrize(("credentials", "accepted_by", "refused_by"), refusal_params(COMFY_KEY, COMFY_TOKEN))
def test_each_comfy_credential_is_accepted_for_bria(
    prism: dict[str, PrismServer], credentials: dict[str, str], accepted_by: str, refused_by: str
) -> None:
    for name in ("static", accepted_by):
        with _client(prism[name], **credentials) as client:
            _check(client.get(f"bria:{STATIC_JOB}"), CreationRef("bria", STATIC_JOB))
            assert _create(client) == CreationRef("bria", STATIC_SUBMIT_JOB)
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError):
        client.get(f"bria:{STATIC_JOB}")


def test_the_bria_operations_declare_no_security_of_their_own() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    assert "security" not in doc["paths"][POLL_PATH.format("{request_id}")]["get"]
    assert "security" not in doc["paths"][SUBMIT_PATH]["post"]
    assert doc["paths"][SUBMIT_PATH]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]


def test_known_states_are_all_mapped_through_the_adapter() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    known = doc["components"]["schemas"]["BriaStatus"]["x-known-values"]
    assert {word.lower() for word in known} == set(EXPECTED_STATES)
    ref = CreationRef("bria", "r")
    for word in known:
        creation = _check(_bria.to_creation(ref, {"status": word}), ref)
        assert creation.state is EXPECTED_STATES[word.lower()]
