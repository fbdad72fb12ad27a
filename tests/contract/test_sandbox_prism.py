"""The sandbox cannot drift from the specs: Prism validates everything it says.

``prism proxy specs/<p>/prepared.json <sandbox base URL> --errors`` sits between genvideo and
``genvideo.testing.Sandbox``. Prism checks each request against the document (path, security) and
each of the sandbox's responses (status, content type, body schema); with ``--errors`` any violation
becomes a 500 problem+json instead of the sandbox's answer, logged as ``Violation:`` and listed in the
``sl-violations`` header (warnings, e.g. an undeclared status code, are passed through with the header).
Prism appends the request path to the upstream URL, so the sandbox's /comfy and /haiper prefixes work.

test_prism_proxy_turns_spec_violations_into_errors is the control: it shows the checks are not vacuous.
Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo.testing import Fault, RecordedRequest, Sandbox
from tests.support.prism import SPECS, PrismConfig, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "drift-comfy-key"
COMFY_TOKEN = "drift-comfy-token"
HAIPER_KEY = "drift-haiper-key"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN, haiper_api_key=HAIPER_KEY) as sb:
        yield sb


@pytest.fixture(scope="module")
def proxy(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    configs = [
        PrismConfig("comfy", SPECS["comfy"], mode="proxy", upstream=sandbox.comfy_base_url, errors=True),
        PrismConfig("haiper", SPECS["haiper"], mode="proxy", upstream=sandbox.haiper_base_url, errors=True),
    ]
    with prism_fixture(configs, tmp_path_factory.mktemp("prism-proxy")) as servers:
        yield servers


def _new_id(prefix: str) -> str:
    return f"{prefix}-{next(_ids)}"


def _client(proxy: dict[str, PrismServer], **credentials: Any) -> genvideo.Client:
    credentials = credentials or {"comfy_api_key": COMFY_KEY, "haiper_api_key": HAIPER_KEY}
    return genvideo.Client(
        comfy_base_url=proxy["comfy"].url,
        haiper_base_url=proxy["haiper"].url,
        max_retries=0,  # a violation (Prism's 500) must surface, not be retried away
        timeout=10.0,
        **credentials,
    )


def _polls(client: genvideo.Client, ref: str, times: int) -> list[genvideo.Creation]:
    return [client.get(ref) for _ in range(times)]


def _raw_roundtrip(creation: genvideo.Creation) -> None:
    """The generated model of each reply holds exactly what the sandbox sent."""
    raw = creation.raw
    if creation.provider == "vidu":
        assert raw.to_dict() == creation.payload
    else:
        assert raw.status.to_dict() == creation.payload["status"]
        detail = creation.payload["detail"]
        assert (raw.detail.to_dict() if raw.detail is not None else None) == detail


def _paths(requests: list[RecordedRequest]) -> list[str]:
    return [r.path for r in requests]


# -- Vidu through the Comfy proxy ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "header", "value"),
    [
        ({"comfy_api_key": COMFY_KEY}, "X-API-Key", COMFY_KEY),
        ({"comfy_auth_token": COMFY_TOKEN}, "Authorization", f"Bearer {COMFY_TOKEN}"),
    ],
    ids=["api-key", "auth-token"],
)
def test_vidu_creation_queued_processing_succeeded(
    sandbox: Sandbox, proxy: dict[str, PrismServer], credentials: dict[str, str], header: str, value: str
) -> None:
    cid = _new_id("vidu-ok")
    sandbox.add_creation("vidu", cid, outputs=2)
    prism, mark = proxy["comfy"], proxy["comfy"].mark()
    with _client(proxy, **credentials) as client:
        creations = _polls(client, f"vidu:{cid}", 3)
    assert [c.state for c in creations] == [_Q, _P, _S]
    assert [c.raw_state for c in creations] == ["queueing", "processing", "success"]
    assert [c.progress for c in creations] == [0.0, 0.5, 1.0]
    done = creations[-1]
    assert len(done.outputs) == 2
    assert all(o.url.startswith(f"{sandbox.base_url}/cdn/vidu/{cid}/") for o in done.outputs)
    assert all(o.cover_url and o.watermarked_url for o in done.outputs)
    for creation in creations:
        _raw_roundtrip(creation)

    assert prism.violations(mark) == []
    assert prism.received(mark, expect=3) == [f"GET /proxy/vidu/tasks/{cid}/creations"] * 3
    # Prism forwarded each request below the sandbox's /comfy prefix, with the credential genvideo sent.
    seen = sandbox.requests_for(sandbox.fault_path("vidu", cid))
    assert _paths(seen) == [f"/comfy/proxy/vidu/tasks/{cid}/creations"] * 3
    assert all(r.header_values(header) == [value] for r in seen)
    assert all(r.header_values("X-API-Key" if header == "Authorization" else "Authorization") == [] for r in seen)


def test_vidu_creation_queued_processing_failed(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    cid = _new_id("vidu-failed")
    blocked = [{"content_type": "image", "index": 0}]
    sandbox.add_creation("vidu", cid, states=["created", "queueing", "processing", "failed"], blocked_resources=blocked)
    prism, mark = proxy["comfy"], proxy["comfy"].mark()
    with _client(proxy) as client:
        creations = _polls(client, f"vidu:{cid}", 4)
    assert [c.state for c in creations] == [_Q, _Q, _P, _F]
    failed = creations[-1]
    assert failed.error_code == "CreationPolicyViolation"
    assert failed.outputs == ()
    assert [b.to_dict() for b in failed.raw.blocked_resources] == blocked
    for creation in creations:
        _raw_roundtrip(creation)
    assert prism.violations(mark) == []
    assert len(prism.received(mark, expect=4)) == 4


def test_vidu_wait_ends_in_creation_failed(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    cid = _new_id("vidu-wait-failed")
    sandbox.add_creation("vidu", cid, states=["queueing", "processing", "failed"], failure_code="AuditSubmitIllegal")
    mark = proxy["comfy"].mark()
    seen: list[CreationState] = []
    with _client(proxy) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"vidu:{cid}", timeout=20, poll_interval=0.01, on_progress=lambda c: seen.append(c.state))
    assert seen == [_Q, _P, _F]
    assert info.value.creation.error_code == "AuditSubmitIllegal"
    assert proxy["comfy"].violations(mark) == []


# -- Haiper --------------------------------------------------------------------------------------------


def test_haiper_creation_pending_processing_succeeded(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    cid = _new_id("haiper-ok")
    sandbox.add_creation("haiper", cid, states=["pending", "processing", "post_processing", "succeed"], outputs=2)
    prism, mark = proxy["haiper"], proxy["haiper"].mark()
    with _client(proxy) as client:
        creations = _polls(client, f"haiper:{cid}", 4)
    assert [c.state for c in creations] == [_Q, _P, _P, _S]
    assert [c.raw_state for c in creations] == ["pending", "processing", "post_processing", "succeed"]
    done = creations[-1]
    assert [o.url for o in done.outputs] == [
        item["media_url"] for item in done.payload["detail"]["value"]["outputs"]
    ]  # video_url repeats outputs[0]: deduplicated
    assert len(done.outputs) == 2
    assert all(o.url.startswith(f"{sandbox.base_url}/cdn/haiper/{cid}/") for o in done.outputs)
    assert done.created_at is not None
    assert done.updated_at is not None
    for creation in creations:
        _raw_roundtrip(creation)

    status, detail = f"/v1/jobs/{cid}/status", f"/v1/creation/{cid}"
    assert prism.violations(mark) == []
    assert prism.received(mark, expect=5) == [f"GET {status}"] * 4 + [f"GET {detail}"]
    seen = sandbox.requests_for(f"/haiper/v1/jobs/{cid}/") + sandbox.requests_for(f"/haiper/v1/creation/{cid}")
    assert _paths(seen) == [f"/haiper{status}"] * 4 + [f"/haiper{detail}"]
    assert all(r.header_values("Authorization") == [f"Bearer {HAIPER_KEY}"] for r in seen)


def test_haiper_creation_pending_processing_failed(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    cid = _new_id("haiper-failed")
    sandbox.add_creation("haiper", cid, states=["pending", "processing", "failed"])
    prism, mark = proxy["haiper"], proxy["haiper"].mark()
    with _client(proxy) as client:
        creations = _polls(client, f"haiper:{cid}", 3)
    assert [c.state for c in creations] == [_Q, _P, _F]
    assert creations[-1].outputs == ()
    for creation in creations:
        _raw_roundtrip(creation)
    assert prism.violations(mark) == []
    assert prism.received(mark, expect=3) == [f"GET /v1/jobs/{cid}/status"] * 3  # no detail for a failure


def test_async_client_waits_through_the_proxy(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    vidu, haiper = _new_id("vidu-async"), _new_id("haiper-async")
    sandbox.add_creation("vidu", vidu)
    sandbox.add_creation("haiper", haiper)
    marks = {name: server.mark() for name, server in proxy.items()}

    async def main() -> list[genvideo.Creation]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY,
            haiper_api_key=HAIPER_KEY,
            comfy_base_url=proxy["comfy"].url,
            haiper_base_url=proxy["haiper"].url,
            max_retries=0,
        ) as client:
            waits = (client.wait(ref, timeout=20, poll_interval=0.01) for ref in (f"vidu:{vidu}", f"haiper:{haiper}"))
            return list(await asyncio.gather(*waits))

    creations = asyncio.run(main())
    assert [(c.provider, c.state, len(c.outputs)) for c in creations] == [("vidu", _S, 1), ("haiper", _S, 1)]
    for name, server in proxy.items():
        assert server.violations(marks[name]) == []


def test_undocumented_states_pass_the_spec_and_stay_raw(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    """The specs list known states (x-known-values) but do not close them: a new one is no violation."""
    vidu, haiper = _new_id("vidu-odd"), _new_id("haiper-odd")
    sandbox.add_creation("vidu", vidu, faults=[Fault.state("rendering")])
    sandbox.add_creation("haiper", haiper, faults=[Fault.state("moderating")])
    marks = {name: server.mark() for name, server in proxy.items()}
    with _client(proxy) as client:
        odd = [client.get(f"vidu:{vidu}"), client.get(f"haiper:{haiper}")]
    assert [(c.state, c.raw_state) for c in odd] == [(_U, "rendering"), (_U, "moderating")]
    for name, server in proxy.items():
        assert server.violations(marks[name]) == []


# -- every reply the sandbox gives, checked header by header -------------------------------------------


def _violations(response: httpx.Response) -> list[dict[str, Any]]:
    header = response.headers.get("sl-violations")
    return json.loads(header) if header else []


def test_no_sandbox_reply_carries_a_violation(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    """Raw requests through the proxy, every state and every declared error: no ``sl-violations`` at all."""
    vidu_ok, vidu_failed = _new_id("vidu-raw"), _new_id("vidu-raw-failed")
    haiper_ok, haiper_failed = _new_id("haiper-raw"), _new_id("haiper-raw-failed")
    sandbox.add_creation("vidu", vidu_ok)
    sandbox.add_creation("vidu", vidu_failed, states=["queueing", "failed"], blocked_resources=[{"index": 1}])
    sandbox.add_creation("haiper", haiper_ok)
    sandbox.add_creation("haiper", haiper_failed, states=["pending", "failed"])
    comfy = httpx.Client(base_url=proxy["comfy"].url, headers={"X-API-Key": COMFY_KEY})
    haiper = httpx.Client(base_url=proxy["haiper"].url, headers={"Authorization": f"Bearer {HAIPER_KEY}"})
    expected = [
        (comfy, f"/proxy/vidu/tasks/{vidu_ok}/creations", 200, "queueing"),
        (comfy, f"/proxy/vidu/tasks/{vidu_ok}/creations", 200, "processing"),
        (comfy, f"/proxy/vidu/tasks/{vidu_ok}/creations", 200, "success"),
        (comfy, f"/proxy/vidu/tasks/{vidu_failed}/creations", 200, "queueing"),
        (comfy, f"/proxy/vidu/tasks/{vidu_failed}/creations", 200, "failed"),
        (comfy, "/proxy/vidu/tasks/no-such-task/creations", 404, None),  # the spec's default Error
        (haiper, f"/v1/creation/{haiper_ok}", 400, None),  # detail before success: the declared 400
        (haiper, f"/v1/jobs/{haiper_ok}/status", 200, "pending"),
        (haiper, f"/v1/jobs/{haiper_ok}/status", 200, "processing"),
        (haiper, f"/v1/jobs/{haiper_ok}/status", 200, "succeed"),
        (haiper, f"/v1/creation/{haiper_ok}", 200, "succeed"),
        (haiper, f"/v1/jobs/{haiper_failed}/status", 200, "pending"),
        (haiper, f"/v1/jobs/{haiper_failed}/status", 200, "failed"),
    ]
    with comfy, haiper:
        for http, path, status, state in expected:
            response = http.get(path)
            assert (path, response.status_code) == (path, status), response.text
            assert _violations(response) == [], path
            assert response.headers["server"] == "genvideo-sandbox", path  # the sandbox's own answer
            if state is not None:
                body = response.json()
                assert (body.get("state") or body["value"]["status"]) == state, path
        wrong_key = comfy.get(f"/proxy/vidu/tasks/{vidu_ok}/creations", headers={"X-API-Key": "not-the-key"})
        assert wrong_key.status_code == 401  # the sandbox's refusal, in the spec's Error shape
        assert _violations(wrong_key) == []
        assert wrong_key.headers["server"] == "genvideo-sandbox"


def test_haiper_undeclared_error_statuses_have_valid_bodies(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    """Haiper's document declares only 200 and 400. The sandbox's 401 and 404 (as the real API answers)
    are therefore undeclared codes -- a warning Prism passes through -- but nothing else is wrong with them.
    """
    with httpx.Client(base_url=proxy["haiper"].url) as http:
        unknown = http.get("/v1/jobs/no-such-creation/status", headers={"Authorization": f"Bearer {HAIPER_KEY}"})
        wrong_key = http.get("/v1/jobs/no-such-creation/status", headers={"Authorization": "Bearer not-the-key"})
    for response, status in ((unknown, 404), (wrong_key, 401)):
        assert response.status_code == status
        assert response.headers["server"] == "genvideo-sandbox"
        for violation in _violations(response):
            assert violation["severity"] == "Warning", violation
            assert violation["message"].startswith("Unable to match the returned status code"), violation
    with _client(proxy) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get("haiper:no-such-creation")
    assert info.value.error_code == "H-10002003"
    assert info.value.message == "haiper: HTTP 404: Generation does not exist or no permission"


def test_prism_proxy_refuses_requests_without_credentials(sandbox: Sandbox, proxy: dict[str, PrismServer]) -> None:
    cid = _new_id("vidu-anonymous")
    sandbox.add_creation("vidu", cid)
    response = httpx.get(proxy["comfy"].url + f"/proxy/vidu/tasks/{cid}/creations")
    assert response.status_code == 401
    assert "server" not in response.headers  # Prism answered itself...
    assert sandbox.requests_for(sandbox.fault_path("vidu", cid)) == []  # ...and forwarded nothing


# -- the control: a reply that breaks the spec does not get through --------------------------------------


@pytest.mark.parametrize(
    ("provider", "bad_body", "complaint"),
    [
        ("vidu", b'{"state": 5, "progress": 50, "creations": []}', "state must be string"),
        ("vidu", b'{"state": "success", "creations": [{"url": ["not", "a", "string"]}]}', "url must be string"),
        ("haiper", b'{"value": {"status": "pending", "progress": 0}}', "required property 'status'"),
        ("haiper", b'{"status": "success", "value": {"status": "pending", "progress": "half"}}', "progress must be"),
    ],
)
def test_prism_proxy_turns_spec_violations_into_errors(
    sandbox: Sandbox, proxy: dict[str, PrismServer], provider: str, bad_body: bytes, complaint: str
) -> None:
    cid = _new_id(f"{provider}-bad")
    sandbox.add_creation(provider, cid, faults=[Fault.body(bad_body, times=2)])
    prism = proxy["comfy" if provider == "vidu" else "haiper"]
    mark = prism.mark()
    with _client(proxy) as client, pytest.raises(genvideo.ServerError) as info:
        client.get(f"{provider}:{cid}")
    assert info.value.status_code == 500
    assert "not valid" in info.value.message  # Prism's problem+json, not the sandbox's body
    assert len(sandbox.requests_for(sandbox.fault_path(provider, cid))) == 1  # the sandbox did answer
    assert prism.violations(mark), prism.log_since(mark)
    # The same reply once more, by hand: Prism names the violation in its sl-violations header.
    path = sandbox.fault_path(provider, cid).removeprefix("/comfy" if provider == "vidu" else "/haiper")
    headers = {"X-API-Key": COMFY_KEY} if provider == "vidu" else {"Authorization": f"Bearer {HAIPER_KEY}"}
    response = httpx.get(prism.url + path, headers=headers)
    assert response.status_code == 500
    violations = _violations(response)
    assert any(v["severity"] == "Error" and complaint in v["message"] for v in violations), violations
