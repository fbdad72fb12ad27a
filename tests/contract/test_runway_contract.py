"""Runway against Prism serving the prepared Comfy spec: the sandbox's fake cannot drift from it, and
genvideo copes with anything it allows.

- ``prism proxy … --errors`` between genvideo and the sandbox: Prism checks each submit and poll genvideo
  sends (path, headers, security, body) and each of the fake's replies (status, content type, schema);
  a violation becomes Prism's 500 instead of the sandbox's answer.
- ``prism mock`` (static) and ``prism mock --dynamic``: genvideo's submit is valid for the spec, and every
  reply the schema allows gives a ``Creation`` or a ``GenvideoError``, never anything else.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _runway
from genvideo._responses import status_error
from genvideo.testing import Fault, Sandbox
from genvideo_comfy_client.api.api_nodes import runway_get_task_status, runway_image_to_video
from genvideo_comfy_client.models import ErrorResponse, RunwayImageToVideoRequest, RunwayTaskStatusResponse
from tests.support.comfy_contract import comfy_client, comfy_configs
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "runway-contract-key"
COMFY_TOKEN = "runway-contract-token"
IMAGE = "https://img.example/first.png"
CREATION_ID = "string"  # Prism's static bodies name their task "string"
DYNAMIC_RUNS = 25
# The smallest body the spec accepts (every required field), and the request shapes as the generated client builds them.
MINIMAL = {"promptImage": IMAGE, "seed": 1, "model": "gen4_turbo", "duration": 5, "ratio": "960:960"}
SUBMIT_PATH = runway_image_to_video._get_kwargs(body=RunwayImageToVideoRequest.from_dict(MINIMAL))["url"]
STATUS_PATH = runway_get_task_status._get_kwargs(CREATION_ID)["url"]
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
EXPECTED_STATES = {"pending": _Q, "throttled": _Q, "running": _P, "succeeded": _S, "failed": _F, "cancelled": _F}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    configs = [
        *comfy_configs(sandbox),
    ]
    with prism_fixture(configs, tmp_path_factory.mktemp("prism-runway")) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


# -- the oracle: what a Creation must say about a task reply, written independently of genvideo ------------


def _fraction(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return min(max(float(value), 0.0), 1.0)


def _check(creation: object, task_id: str = CREATION_ID) -> genvideo.Creation:
    assert isinstance(creation, genvideo.Creation)
    body: Mapping[str, Any] = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == genvideo.CreationRef("runway", task_id)
    assert body.get("id") in (None, "", task_id), note
    status = body.get("status")
    assert creation.raw_state == status, note
    expected = EXPECTED_STATES.get(status.strip().lower(), _U) if isinstance(status, str) else _U
    assert creation.state is expected, note
    assert creation.progress == _fraction(body.get("progress")), note
    assert [o.url for o in creation.outputs] == [url for url in body.get("output") or [] if url], note
    assert all(o.cover_url is None and o.watermarked_url is None for o in creation.outputs), note
    code = body.get("failureCode") or body.get("failure") or None
    assert creation.error_code == code, note
    raw = creation.raw
    assert isinstance(raw, RunwayTaskStatusResponse), note
    assert raw.id == body["id"], note
    assert raw.status == body["status"], note
    return creation


# -- through Prism's validating proxy, to the sandbox ---------------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "header", "value"),
    [
        ({"comfy_api_key": COMFY_KEY}, "X-API-Key", COMFY_KEY),
        ({"comfy_auth_token": COMFY_TOKEN}, "Authorization", f"Bearer {COMFY_TOKEN}"),
    ],
    ids=["api-key", "auth-token"],
)
def test_create_and_poll_through_the_proxy(
    sandbox: Sandbox, prism: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy, **credentials) as client:
        ref = client.create("runway", prompt="a fox", image=IMAGE, aspect_ratio="16:9", duration=10)
        creations = [client.get(ref) for _ in range(3)]
    assert [c.raw_state for c in creations] == ["PENDING", "RUNNING", "SUCCEEDED"]
    assert [c.progress for c in creations] == [None, 0.5, None]
    for creation in creations:
        _check(creation, ref.id)
    assert creations[-1].outputs[0].url.startswith(f"{sandbox.base_url}/cdn/runway/{ref.id}/")
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=4) == [f"POST {SUBMIT_PATH}"] + [f"GET /proxy/runway/tasks/{ref.id}"] * 3
    (submission,) = sandbox.submissions[before:]
    assert submission.created
    assert submission.request.header_values(header) == [value]
    assert submission.idempotency_key


def test_failed_and_cancelled_tasks_pass_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    sandbox.add_creation(
        "runway", "proxy-failed", states=["THROTTLED", "RUNNING", "FAILED"], failure_code="ASSET.INVALID"
    )
    sandbox.add_creation("runway", "proxy-cancelled", states=["PENDING", "CANCELLED"])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        with pytest.raises(genvideo.CreationFailed) as failed:
            client.wait("runway:proxy-failed", timeout=20, poll_interval=0.01)
        with pytest.raises(genvideo.CreationFailed) as cancelled:
            client.wait("runway:proxy-cancelled", timeout=20, poll_interval=0.01)
    assert _check(failed.value.creation, "proxy-failed").error_code == "ASSET.INVALID"
    assert _check(cancelled.value.creation, "proxy-cancelled").error_code is None
    assert proxy.violations(mark) == []


def test_undocumented_states_pass_the_spec_and_stay_raw(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    sandbox.add_creation("runway", "proxy-odd", faults=[Fault.state("ARCHIVED")])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client:
        odd = client.get("runway:proxy-odd")
    assert (odd.state, odd.raw_state) == (_U, "ARCHIVED")
    assert proxy.violations(mark) == []


def test_no_fake_reply_carries_a_violation(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """Raw requests through the proxy, every state word and the declared errors: no ``sl-violations``."""
    words = ["PENDING", "THROTTLED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"]
    sandbox.add_creation("runway", "proxy-raw", states=words)
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        for word in words:
            response = http.get("/proxy/runway/tasks/proxy-raw")
            assert response.status_code == 200, response.text
            assert _violations(response) == [], word
            assert response.headers["server"] == "genvideo-sandbox"
            assert response.json()["status"] == word
            RunwayTaskStatusResponse.from_dict(response.json())
        missing = http.get("/proxy/runway/tasks/no-such-task")
        assert missing.status_code == 404  # the spec's ErrorResponse
        assert _violations(missing) == []
        ErrorResponse.from_dict(missing.json())
        bad = http.post(SUBMIT_PATH, json={k: v for k, v in MINIMAL.items() if k != "ratio"})
        assert bad.status_code == 422  # Prism refuses the body itself: ratio is required
        assert "server" not in bad.headers
        sandbox.script_submits("runway", Sandbox.submit_script(reject=Fault.error(402)))
        refused = http.post(SUBMIT_PATH, json=MINIMAL)
        assert refused.status_code == 402  # the spec's ErrorResponse, from the fake
        assert _violations(refused) == []
        assert refused.headers["server"] == "genvideo-sandbox"
        assert ErrorResponse.from_dict(refused.json()).error == "payment_required"


def test_the_fakes_401_is_the_declared_status(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    """The spec declares 401 without a body; the fake answers the proxy's flat envelope: at most a warning."""
    sandbox.add_creation("runway", "proxy-401")
    response = httpx.get(prism["proxy"].url + "/proxy/runway/tasks/proxy-401", headers={"X-API-Key": "wrong"})
    assert response.status_code == 401
    assert response.headers["server"] == "genvideo-sandbox"
    assert all(v["severity"] != "Error" for v in _violations(response)), _violations(response)
    error = status_error("runway", response)
    assert isinstance(error, genvideo.AuthenticationError)
    assert error.message == "runway: HTTP 401: Please login first"


def test_prism_refuses_requests_without_credentials(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    sandbox.add_creation("runway", "proxy-anonymous")
    response = httpx.get(prism["proxy"].url + "/proxy/runway/tasks/proxy-anonymous")
    assert response.status_code == 401
    assert "server" not in response.headers  # Prism answered itself...
    assert sandbox.requests_for(sandbox.fault_path("runway", "proxy-anonymous")) == []  # ...and forwarded nothing


def test_prism_turns_a_reply_that_breaks_the_spec_into_an_error(
    sandbox: Sandbox, prism: dict[str, PrismServer]
) -> None:
    """The control: the checks above are not vacuous."""
    bad = b'{"id": "proxy-bad", "status": "RUNNING", "createdAt": "2025-06-01T10:00:00Z", "progress": "half"}'
    sandbox.add_creation("runway", "proxy-bad", faults=[Fault.body(bad, times=2)])
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get("runway:proxy-bad")
    assert info.value.status_code == 500
    assert proxy.violations(mark), proxy.log_since(mark)
    response = httpx.get(proxy.url + "/proxy/runway/tasks/proxy-bad", headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 500
    assert any(v["severity"] == "Error" and "progress" in v["message"] for v in _violations(response))


# -- Prism's own answers: static and dynamic ---------------------------------------------------------------


def test_the_submit_is_valid_for_the_spec(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        one = client.create("runway", prompt="a fox", image=IMAGE)
        two = client.create("runway", prompt=None, image=[IMAGE, IMAGE], aspect_ratio="5:3", duration=10, seed=0)
        three = client.create("runway", prompt="x", promptImage=IMAGE, model="gen3a_turbo", ratio="768:1280")
    assert one == two == three == genvideo.CreationRef("runway", CREATION_ID)  # Prism's static {"id": "string"}
    assert server.received(mark, expect=3) == [f"POST {SUBMIT_PATH}"] * 3
    assert server.violations(mark) == []


def test_static_task_reply(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        creation = _check(client.get(f"runway:{CREATION_ID}"))
    assert (creation.raw_state, creation.state) == ("string", _U)  # "string" is no documented state
    assert [o.url for o in creation.outputs] == ["string"]
    assert creation.error_code == "string"  # failureCode
    assert creation.created_at is not None
    assert server.received(mark, expect=1) == [f"GET {STATUS_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_task_reply_gives_a_creation_or_a_typed_error(prism: dict[str, PrismServer]) -> None:
    """Prism --dynamic makes up the task's id, so through the client nearly every reply is another task's
    (refused, typed). The same bodies are then read under the id asked for: every one is a Creation."""
    server = prism["dynamic"]
    mark = server.mark()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                _check(client.get(f"runway:{CREATION_ID}"))
            except genvideo.ResponseValidationError as exc:
                assert "but the reply is for" in str(exc), exc  # noqa: PT017 - some replies pass, some are refused
    ref = genvideo.CreationRef("runway", CREATION_ID)
    bodies = []
    with httpx.Client(base_url=server.url, headers={"X-API-Key": COMFY_KEY}) as http:
        for _ in range(DYNAMIC_RUNS):
            response = http.get(STATUS_PATH)
            assert response.status_code == 200
            body = {**response.json(), "id": CREATION_ID}
            bodies.append(_check(_runway.to_creation(ref, body)).payload)
    assert len({json.dumps(b, sort_keys=True) for b in bodies}) > 1, "Prism --dynamic should vary its bodies"
    assert server.violations(mark) == []


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_typed_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                ref = client.create("runway", prompt="a fox", image=IMAGE)
            except genvideo.ResponseValidationError as exc:
                assert "may have started" in str(exc), exc  # noqa: PT017 - a null id, or one no ref can hold
                continue
            assert ref.provider == "runway"
            assert _runway.submitted({"id": ref.id}) == ref


@pytest.mark.parametrize(
    ("code", "error_class"),
    [
        (400, genvideo.APIStatusError),
        (402, genvideo.APIStatusError),
        (404, genvideo.NotFoundError),
        (500, genvideo.ServerError),
    ],
)
def test_declared_task_errors_are_typed(
    prism: dict[str, PrismServer], code: int, error_class: type[genvideo.APIStatusError]
) -> None:
    headers = {"Prefer": f"code={code}", "X-API-Key": COMFY_KEY}
    response = httpx.get(prism["static"].url + STATUS_PATH, headers=headers)
    assert response.status_code == code
    ErrorResponse.from_dict(response.json())
    error = status_error("runway", response)
    assert type(error) is error_class
    assert error.message == f"runway: HTTP {code}: string"
    assert error.error_code == "string"  # ErrorResponse.error
