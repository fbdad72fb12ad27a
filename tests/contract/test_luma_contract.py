"""Luma through Prism: the sandbox's Luma fake checked against the prepared Comfy spec, and genvideo against
the spec's own static and dynamic responses.

Two ways, as ``test_sandbox_prism.py`` and ``test_contract_prism.py`` do for Vidu and Haiper:

* ``prism proxy specs/comfy/prepared.json <sandbox> --errors`` between genvideo and the sandbox: every
  request (path, body, security) and every answer of the fake (status, body schema: the submit's 201
  LumaGeneration with its ``request`` echo, the poll's LumaGeneration, LumaError) is validated, and a
  violation becomes a 500 instead of the fake's answer;
* ``prism mock`` (static: the spec's LumaGeneration example; ``--dynamic``: random schema-valid bodies):
  genvideo turns every answer into a ``Creation`` that agrees with the JSON, or a ``GenvideoError``.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _luma
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.api.api_nodes import luma_create_generation, luma_get_generation
from genvideo_comfy_client.models import LumaError, LumaGeneration, LumaGenerationRequest
from tests.support.comfy_contract import comfy_client, comfy_configs, dynamic_runs
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "luma-contract-comfy-key"
COMFY_TOKEN = "luma-contract-comfy-token"
# The id of the spec's LumaGeneration example, which Prism's static mode answers with.
EXAMPLE_ID = "123e4567-e89b-12d3-a456-426614174000"
SUBMIT_BODY = {"prompt": "x", "aspect_ratio": "1:1", "model": "ray-2"}
SUBMIT_PATH = luma_create_generation._get_kwargs(body=LumaGenerationRequest.from_dict(SUBMIT_BODY))["url"]
EXAMPLE_PATH = luma_get_generation._get_kwargs(EXAMPLE_ID)["url"]
DYNAMIC_RUNS = 25
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# What each documented raw state means (LumaState's x-known-values), written independently of genvideo.
EXPECTED_STATES = {"queued": _Q, "dreaming": _P, "completed": _S, "failed": _F}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    configs = [
        *comfy_configs(sandbox),
    ]
    with prism_fixture(configs, tmp_path_factory.mktemp("prism-luma")) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _new_id() -> str:
    return str(uuid.uuid4())  # LumaGeneration.id is a uuid: Prism checks the format


# -- the oracle: what a Creation must say about a LumaGeneration ------------------------------------------


def _state(raw: object) -> CreationState:
    if not isinstance(raw, str):
        return _U
    return EXPECTED_STATES.get(raw.strip().lower(), _U)


def _check(creation: object, ref: genvideo.CreationRef, body: Mapping[str, Any] | None = None) -> genvideo.Creation:
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload if body is None else body
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.payload == body, note
    assert creation.ref == ref
    assert body.get("id") in (None, "", ref.id), note  # another generation's reply is refused
    assert creation.raw_state == body.get("state"), note
    assert creation.state is _state(body.get("state")), note
    assert creation.progress is None, note  # Luma reports none
    assets = body.get("assets") or {}
    expected = [(assets["video"], assets.get("image") or None)] if assets.get("video") else []
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == [(u, c, None) for u, c in expected]
    reason = body.get("failure_reason")
    assert creation.error_code == (reason if isinstance(reason, str) and reason.strip() else None), note
    raw = creation.raw
    assert isinstance(raw, LumaGeneration), note
    assert raw.state == body.get("state", raw.state), note
    assert raw.failure_reason == body.get("failure_reason", raw.failure_reason), note
    if "id" in body:
        assert str(raw.id) == body["id"], note
    return creation


# -- the sandbox's Luma fake, validated by Prism --------------------------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "header"),
    [({"comfy_api_key": COMFY_KEY}, "X-API-Key"), ({"comfy_auth_token": COMFY_TOKEN}, "Authorization")],
    ids=["api-key", "auth-token"],
)
def test_create_and_poll_through_the_validating_proxy(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, tmp_path: Path
) -> None:
    server, mark = prism["proxy"], prism["proxy"].mark()
    with _client(server, **credentials) as client:
        ref = client.create(
            "luma",
            prompt="a lake at dawn",
            image=["https://img.example/a.png", "https://img.example/b.png"],
            duration=9,
            resolution="720p",
            loop=True,
        )
        creations = [client.get(ref) for _ in range(3)]
        path = client.download(creations[-1], tmp_path / "lake.mp4")
    assert [c.state for c in creations] == [_Q, _P, _S]
    assert [c.raw_state for c in creations] == ["queued", "dreaming", "completed"]
    for creation in creations:
        _check(creation, ref)
    assert path == tmp_path / "lake.mp4"
    assert path.read_bytes() == sandbox.video("luma", ref.id)
    assert server.violations(mark) == []
    poll = luma_get_generation._get_kwargs(ref.id)["url"]
    assert server.received(mark, expect=4) == [f"POST {SUBMIT_PATH}"] + [f"GET {poll}"] * 3
    (submission,) = [s for s in sandbox.submissions if s.creation_id == ref.id]
    assert submission.status == 201
    assert submission.idempotency_key
    seen = sandbox.requests_for(sandbox.fault_path("luma", ref.id))
    assert len(seen) == 3
    assert all(r.header_values(header) for r in seen)


def test_ray_1_6_without_duration_and_resolution_passes_the_request_check(
    sandbox: Sandbox, prism: dict[str, PrismServer]
) -> None:
    """113-luma-optional-duration-resolution: the request genvideo builds for ray-1-6 is spec-valid."""
    server, mark = prism["proxy"], prism["proxy"].mark()
    with _client(server) as client:
        ref = client.create("luma", prompt="a lake", model="ray-1-6")
    assert server.violations(mark) == []
    (submission,) = [s for s in sandbox.submissions if s.creation_id == ref.id]
    assert submission.body == {"prompt": "a lake", "aspect_ratio": "16:9", "model": "ray-1-6"}


def test_a_failed_generation_and_an_unknown_state_pass_the_spec(
    sandbox: Sandbox, prism: dict[str, PrismServer]
) -> None:
    failed, odd = _new_id(), _new_id()
    sandbox.add_creation("luma", failed, states=["queued", "dreaming", "failed"], failure_code="Moderation failed")
    sandbox.add_creation("luma", odd, faults=[Fault.state("upscaling")])
    server, mark = prism["proxy"], prism["proxy"].mark()
    seen: list[CreationState] = []
    with _client(server) as client:
        with pytest.raises(genvideo.CreationFailed) as info:
            client.wait(f"luma:{failed}", timeout=20, poll_interval=0.01, on_progress=lambda c: seen.append(c.state))
        unknown = client.get(f"luma:{odd}")
    assert seen == [_Q, _P, _F]
    _check(info.value.creation, genvideo.CreationRef("luma", failed))
    assert info.value.creation.error_code == "Moderation failed"
    assert (unknown.state, unknown.raw_state) == (_U, "upscaling")  # the state enum is open: no violation
    assert server.violations(mark) == []


def test_a_generation_refused_at_submit_passes_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    sandbox.script_submits("luma", Sandbox.submit_script(states=["failed"], failure_code="Prompt not allowed"))
    server, mark = prism["proxy"], prism["proxy"].mark()
    with _client(server) as client, pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        client.create("luma", prompt="forbidden")
    assert info.value.creation.error_code == "Prompt not allowed"
    assert server.violations(mark) == []


def test_no_fake_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """Raw requests through the proxy, every state and every error the fake gives: no ``sl-violations``."""
    ok, failed = _new_id(), _new_id()
    sandbox.add_creation("luma", ok)
    sandbox.add_creation("luma", failed, states=["queued", "failed"])
    poll = luma_get_generation._get_kwargs
    expected = [
        (poll(ok)["url"], 200, "queued"),
        (poll(ok)["url"], 200, "dreaming"),
        (poll(ok)["url"], 200, "completed"),
        (poll(failed)["url"], 200, "queued"),
        (poll(failed)["url"], 200, "failed"),
        (poll(_new_id())["url"], 404, None),  # LumaError, the spec's default response
    ]
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for path, status, state in expected:
            response = http.get(path)
            assert (path, response.status_code) == (path, status), response.text
            assert _violations(response) == [], path
            assert response.headers["server"] == "genvideo-sandbox", path
            body = response.json()
            if state is not None:
                assert body["state"] == state
                assert (body["assets"] is not None) is (state == "completed")
            else:
                LumaError.from_dict(body)
        submit = http.post(SUBMIT_PATH, json=SUBMIT_BODY)
        assert submit.status_code == 201
        assert _violations(submit) == []
        assert submit.json()["request"]["generation_type"] == "video"  # echoed with Luma's default
        wrong_key = http.get(poll(ok)["url"], headers={"X-API-Key": "not-the-key"})
    assert wrong_key.status_code == 401  # the proxy's refusal, still a valid LumaError-shaped default body
    assert _violations(wrong_key) == []
    assert wrong_key.headers["server"] == "genvideo-sandbox"


def test_prism_refuses_requests_without_credentials(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    cid = _new_id()
    sandbox.add_creation("luma", cid)
    response = httpx.get(prism["proxy"].url + luma_get_generation._get_kwargs(cid)["url"])
    assert response.status_code == 401
    assert "server" not in response.headers  # Prism answered itself...
    assert sandbox.requests_for(sandbox.fault_path("luma", cid)) == []  # ...and forwarded nothing


@pytest.mark.parametrize(
    ("bad_body", "complaint"),
    [
        (b'{"id": "%s", "state": 5}', "state must be string"),
        (b'{"id": "%s", "state": "completed", "assets": {"video": ["x"]}}', "video must be string"),
        (b'{"id": "%s", "state": "failed", "failure_reason": 7}', "failure_reason must be string"),
    ],
)
def test_the_control_a_reply_that_breaks_the_spec_is_stopped(
    sandbox: Sandbox, prism: dict[str, PrismServer], bad_body: bytes, complaint: str
) -> None:
    cid = _new_id()
    sandbox.add_creation("luma", cid, faults=[Fault.body(bad_body % cid.encode(), times=2)])
    server, mark = prism["proxy"], prism["proxy"].mark()
    with _client(server) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"luma:{cid}")
    assert info.value.status_code == 500
    assert server.violations(mark)
    response = httpx.get(server.url + luma_get_generation._get_kwargs(cid)["url"], headers={"X-API-Key": COMFY_KEY})
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations


# -- genvideo against the spec's own responses ---------------------------------------------------------------


def test_static_example_is_a_completed_generation(prism: dict[str, PrismServer]) -> None:
    server, mark = prism["static"], prism["static"].mark()
    with _client(server) as client:
        ref = client.create("luma", prompt="a lake")  # the example again, as a 201
        creation = client.get(f"luma:{EXAMPLE_ID}")
    assert ref == genvideo.CreationRef("luma", EXAMPLE_ID)
    _check(creation, ref)
    assert creation.state is _S
    assert [(o.url, o.cover_url) for o in creation.outputs] == [("https://example.com/video.mp4", None)]
    assert creation.error_code is None
    assert creation.created_at is not None
    assert creation.created_at.year == 2023
    assert server.received(mark, expect=2) == [f"POST {SUBMIT_PATH}", f"GET {EXAMPLE_PATH}"]
    # Prism checked genvideo's request against the spec: no violation names it. The spec's own example
    # breaks its schema (its `request` echo lacks `model`, so it fits none of the oneOf), which Prism
    # reports about its own answer: upstream's, left alone (genvideo does not read `request`).
    violations = server.violations(mark)
    assert all("Violation: response.body.request " in line for line in violations), violations


def test_any_schema_valid_poll_reply_gives_a_creation_or_a_typed_error(prism: dict[str, PrismServer]) -> None:
    """Prism --dynamic makes up an id for most bodies: a reply for another generation is refused, typed."""
    ref = genvideo.CreationRef("luma", EXAMPLE_ID)
    outcomes: set[str] = set()
    bodies = []
    with _client(prism["dynamic"]) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(ref)
            except genvideo.ResponseValidationError as exc:
                assert "but the reply is for" in str(exc)  # noqa: PT017 - some replies pass, some are refused
                outcomes.add("refused")
                continue
            bodies.append(_check(creation, ref).payload)
            outcomes.add("creation")
    # Bodies without an id (it is optional) are this generation's; feed the refused kind to the adapter too.
    with httpx.Client(base_url=prism["dynamic"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            body = http.get(EXAMPLE_PATH).json()
            body.pop("id", None)
            bodies.append(_check(_luma.to_creation(ref, body), ref, body).payload)
    assert len({json.dumps(b, sort_keys=True) for b in bodies}) > 1, "Prism --dynamic should vary its bodies"
    assert outcomes <= {"refused", "creation"}


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_typed_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("luma", prompt="a lake")
            except genvideo.CreationFailed as exc:
                assert exc.creation.state is _F  # noqa: PT017
                outcomes.add("failed")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply, for finding a generation that may be billed
                outcomes.add("refused")
            else:
                assert ref.provider == "luma"
                outcomes.add("ref")
    assert "ref" in outcomes


@pytest.mark.parametrize(
    ("code", "error_class"),
    [
        (400, genvideo.APIStatusError),
        (404, genvideo.NotFoundError),
        (429, genvideo.RateLimitError),
        (500, genvideo.ServerError),
    ],
)
def test_declared_error_bodies_parse_into_typed_errors(
    prism: dict[str, PrismServer], code: int, error_class: type[genvideo.APIStatusError]
) -> None:
    headers = {"Prefer": f"code={code}", "X-API-Key": COMFY_KEY}
    for method, path in (("GET", EXAMPLE_PATH), ("POST", SUBMIT_PATH)):
        kwargs: dict[str, Any] = {"json": SUBMIT_BODY} if method == "POST" else {}
        response = httpx.request(method, prism["static"].url + path, headers=headers, **kwargs)
        assert response.status_code == code
        LumaError.from_dict(response.json())  # the spec's default: LumaError's example
        error = status_error("luma", response)
        assert type(error) is error_class
        assert error.message == f"luma: HTTP {code}: Invalid API key is provided"


def test_any_schema_valid_error_body_gives_a_message(prism: dict[str, PrismServer]) -> None:
    prefix = "luma: HTTP 400: "
    headers = {"Prefer": "code=400, dynamic=true", "X-API-Key": COMFY_KEY}
    with httpx.Client(base_url=prism["static"].url, headers=headers) as http:
        for _ in range(DYNAMIC_RUNS):
            response = http.get(EXAMPLE_PATH)
            assert response.status_code == 400
            detail = response.json().get("detail")
            error = status_error("luma", response)
            assert type(error) is genvideo.APIStatusError
            if isinstance(detail, str) and detail.strip():
                assert error.message == prefix + " ".join(detail.split())
            else:
                assert error.message == prefix + error.body


def test_known_states_are_all_mapped() -> None:
    """Every LumaState word maps to a definite state (never UNKNOWN) through the real adapter."""
    document: Any = json.loads(SPECS["comfy"].read_text())
    known = document["components"]["schemas"]["LumaState"]["x-known-values"]
    assert set(known) == set(EXPECTED_STATES)
    ref = genvideo.CreationRef("luma", EXAMPLE_ID)
    for raw in known:
        creation = _check(_luma.to_creation(ref, {"state": raw}), ref, {"state": raw})
        assert creation.state is EXPECTED_STATES[raw]
