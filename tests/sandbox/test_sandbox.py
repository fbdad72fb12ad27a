"""genvideo.testing.Sandbox, exercised over real HTTP with httpx."""

from __future__ import annotations

import gzip
import json
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from genvideo.testing import Fault, RecordedRequest, Sandbox

SPECS = Path(__file__).resolve().parents[2] / "specs"
COMFY_KEY = "sandbox-comfy-key"
COMFY_TOKEN = "sandbox-comfy-token"
HAIPER_KEY = "sandbox-haiper-key"
TASK = "902581991298326528"
VIDU_STATUS = "/proxy/vidu/tasks/{}/creations"


# Everything here is plain HTTP. One CA-less TLS context skips loading certifi (~100 ms per client)
# while still refusing any TLS peer.
PLAIN_HTTP = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
HTTP = httpx.Client(verify=PLAIN_HTTP, timeout=2)


def teardown_module() -> None:
    HTTP.close()


@pytest.fixture
def comfy(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(
        verify=PLAIN_HTTP, base_url=sandbox.comfy_base_url, headers={"X-API-Key": COMFY_KEY}, timeout=2
    ) as client:
        yield client


@pytest.fixture
def haiper(sandbox: Sandbox) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {HAIPER_KEY}"}
    with httpx.Client(verify=PLAIN_HTTP, base_url=sandbox.haiper_base_url, headers=headers, timeout=2) as client:
        yield client


def vidu_poll(comfy: httpx.Client, task_id: str = TASK) -> httpx.Response:
    return comfy.get(VIDU_STATUS.format(task_id))


def vidu_state(comfy: httpx.Client, task_id: str = TASK) -> str:
    response = vidu_poll(comfy, task_id)
    assert response.status_code == 200, response.text
    state: str = response.json()["state"]
    return state


def vidu_success(comfy: httpx.Client, task_id: str = TASK) -> dict[str, Any]:
    for _ in range(20):
        body: dict[str, Any] = vidu_poll(comfy, task_id).json()
        if body["state"] == "success":
            return body
    raise AssertionError("never succeeded")


def haiper_state(haiper: httpx.Client, creation_id: str) -> str:
    response = haiper.get(f"/v1/jobs/{creation_id}/status")
    assert response.status_code == 200, response.text
    state: str = response.json()["value"]["status"]
    return state


# -- lifecycle ---------------------------------------------------------------------------------------


def test_vidu_advances_once_per_poll_and_the_last_state_sticks(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK)
    bodies = [vidu_poll(comfy).json() for _ in range(4)]
    assert [b["state"] for b in bodies] == ["queueing", "processing", "success", "success"]
    assert [b["progress"] for b in bodies] == [0, 50, 100, 100]
    assert bodies[0]["creations"] == []
    assert bodies[1]["creations"] == []
    done = bodies[2]
    assert done["id"] == TASK
    assert done["err_code"] == ""
    assert done["credits"] == 4
    [creation] = done["creations"]
    assert set(creation) == {"id", "url", "cover_url", "watermarked_url", "moderation_url"}
    assert creation["moderation_url"] == []
    assert creation["url"].startswith(f"{sandbox.base_url}/cdn/vidu/{TASK}/creation-01/video.mp4?")
    assert sandbox.current_state("vidu", TASK) == "success"


def test_vidu_failure_reports_err_code_and_blocked_resources(sandbox: Sandbox, comfy: httpx.Client) -> None:
    blocked = [{"content_type": "image", "index": 1}]
    sandbox.add_creation(
        "vidu", "t1", states=["failed"], failure_code="TaskPromptPolicyViolation", blocked_resources=blocked
    )
    sandbox.add_creation("vidu", "t2", states=["created", "failed"])
    one = vidu_poll(comfy, "t1").json()
    assert (one["state"], one["err_code"], one["creations"]) == ("failed", "TaskPromptPolicyViolation", [])
    assert one["blocked_resources"] == blocked
    assert vidu_state(comfy, "t2") == "created"
    two = vidu_poll(comfy, "t2").json()
    assert (two["state"], two["err_code"]) == ("failed", "CreationPolicyViolation")
    assert "blocked_resources" not in two


def test_time_based_advance_ignores_polls(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, advance=0.25, progress=[1, 42, 100])
    assert [vidu_state(comfy) for _ in range(3)] == ["queueing"] * 3
    time.sleep(0.55)
    body = vidu_poll(comfy).json()
    assert (body["state"], body["progress"]) == ("success", 100)
    assert sandbox.current_state("vidu", TASK) == "success"


def test_unknown_raw_states_are_served_verbatim(sandbox: Sandbox, haiper: httpx.Client) -> None:
    sandbox.add_creation("haiper", "h1", states=["pending", "scheduled", "post_processing", "succeed"])
    assert [haiper_state(haiper, "h1") for _ in range(4)] == ["pending", "scheduled", "post_processing", "succeed"]


def test_haiper_detail_is_400_until_succeeded_then_complete(sandbox: Sandbox, haiper: httpx.Client) -> None:
    sandbox.add_creation("haiper", "abc123", outputs=2)
    early = haiper.get("/v1/creation/abc123")
    assert early.status_code == 400
    assert early.json() == {"message": "Generation content not found", "code": "H-10002001", "details": []}
    seen = [haiper.get("/v1/jobs/abc123/status").json()["value"] for _ in range(3)]
    assert seen == [
        {"status": "pending", "progress": 0.0},
        {"status": "processing", "progress": 0.5},
        {"status": "succeed", "progress": 1.0},
    ]
    detail = haiper.get("/v1/creation/abc123").json()
    assert detail["status"] == "success"
    value = detail["value"]
    assert (value["creation_id"], value["status"], value["type"], value["output_type"]) == (
        "abc123",
        "succeed",
        "video",
        "video",
    )
    assert value["create_time"].endswith("Z")
    assert value["update_time"].endswith("Z")
    assert datetime.fromisoformat(value["update_time"]) >= datetime.fromisoformat(value["create_time"])
    assert [o["id"] for o in value["outputs"]] == ["abc123-01", "abc123-02"]
    assert value["video_url"] == value["outputs"][0]["media_url"]
    assert "/cdn/haiper/abc123/output-02/video.mp4?" in value["outputs"][1]["media_url"]


# -- auth --------------------------------------------------------------------------------------------

COMFY_401 = {"error": "unauthorized", "message": "Please login first", "details": []}
HAIPER_401 = {"message": "Invalid API key", "code": "401", "details": []}


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"X-API-Key": "wrong"}, 401),
        ({"X-API-Key": COMFY_KEY}, 200),
        ({"x-api-key": COMFY_KEY}, 200),
        ({"X-API-KEY": COMFY_KEY}, 200),
        ({"Authorization": f"Bearer {COMFY_TOKEN}"}, 200),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": f"Bearer {COMFY_KEY}"}, 401),
        ({"Authorization": f"Token {COMFY_TOKEN}"}, 401),
    ],
)
def test_comfy_auth(sandbox: Sandbox, headers: dict[str, str], status: int) -> None:
    sandbox.add_creation("vidu", TASK)
    response = HTTP.get(sandbox.comfy_base_url + VIDU_STATUS.format(TASK), headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.json() == COMFY_401
        assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": HAIPER_KEY}, 401),
        ({"X-API-Key": HAIPER_KEY}, 401),
        ({"Authorization": f"Bearer {HAIPER_KEY}"}, 200),
        ({"authorization": f"bearer {HAIPER_KEY}"}, 200),
    ],
)
def test_haiper_auth(sandbox: Sandbox, headers: dict[str, str], status: int) -> None:
    sandbox.add_creation("haiper", "h1", states=["succeed"])
    for path in ("/v1/jobs/h1/status", "/v1/creation/h1"):
        response = HTTP.get(sandbox.haiper_base_url + path, headers=headers)
        assert response.status_code == status
        if status == 401:
            assert response.json() == HAIPER_401


def test_none_disables_a_credential_and_rejected_polls_do_not_advance() -> None:
    with Sandbox(comfy_auth_token=None, haiper_api_key=None) as sb:
        sb.add_creation("vidu", TASK)
        sb.add_creation("haiper", "h1")
        url = sb.comfy_base_url + VIDU_STATUS.format(TASK)
        assert HTTP.get(url, headers={"Authorization": f"Bearer {COMFY_TOKEN}"}).status_code == 401
        assert HTTP.get(url, headers={"Authorization": "Bearer None"}).status_code == 401
        for key in (HAIPER_KEY, "None"):
            headers = {"Authorization": f"Bearer {key}"}
            assert HTTP.get(sb.haiper_base_url + "/v1/jobs/h1/status", headers=headers).status_code == 401
        assert HTTP.get(url, headers={"X-API-Key": COMFY_KEY}).json()["state"] == "queueing"
        assert "HAIPER_API_KEY" not in sb.env()


def test_not_found_and_method_not_allowed(sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client) -> None:
    missing = vidu_poll(comfy, "nope")
    assert missing.status_code == 404
    assert missing.json()["error"] == "not_found"
    assert missing.json()["details"] == []
    assert "nope" in missing.json()["message"]
    gone = haiper.get("/v1/jobs/nope/status")
    assert gone.status_code == 404
    assert set(gone.json()) == {"message", "code", "details"}
    assert haiper.get("/v1/creation/nope").status_code == 404
    elsewhere = HTTP.get(sandbox.base_url + "/nothing/here")
    assert elsewhere.status_code == 404
    assert elsewhere.headers["content-type"] == "application/json"
    assert elsewhere.json()["error"] == "not_found"
    assert comfy.get("/proxy/vidu/unknown").status_code == 404
    sandbox.add_creation("vidu", TASK)
    post = comfy.post(VIDU_STATUS.format(TASK), json={})
    assert post.status_code == 405
    assert post.headers["allow"] == "GET, HEAD"
    assert vidu_state(comfy) == "queueing"


def test_head_does_not_advance(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK)
    head = comfy.head(VIDU_STATUS.format(TASK))
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) > 0
    assert vidu_state(comfy) == "queueing"


# -- CDN ---------------------------------------------------------------------------------------------


def test_outputs_download_byte_exact_without_credentials(sandbox: Sandbox, comfy: httpx.Client) -> None:
    videos = [b"first video bytes", b"second video bytes"]
    sandbox.add_creation("vidu", TASK, states=["success"], outputs=2, video=videos)
    creations = vidu_success(comfy)["creations"]
    assert len(creations) == 2
    with httpx.Client(verify=PLAIN_HTTP) as cdn:
        for creation, expected in zip(creations, videos, strict=True):
            response = cdn.get(creation["url"])
            assert response.status_code == 200
            assert response.content == expected
            assert response.headers["content-type"] == "video/mp4"
            assert response.headers["content-disposition"] == "attachment;filename=video.mp4"
            cover = cdn.get(creation["cover_url"])
            assert cover.status_code == 200
            assert cover.content.startswith(b"\x89PNG\r\n\x1a\n")
            watermarked = cdn.get(creation["watermarked_url"])
            assert watermarked.status_code == 200
            assert len(watermarked.content) == len(expected)
    assert sandbox.video("vidu", TASK, 1) == videos[1]
    downloads = sandbox.requests_for("/cdn/")
    assert len(downloads) == 6
    assert not any(r.sent_credentials for r in downloads)


def test_default_video_is_deterministic_mp4_of_configured_size() -> None:
    with Sandbox(video_size=4096) as sb, httpx.Client(verify=PLAIN_HTTP, headers={"X-API-Key": COMFY_KEY}) as client:
        sb.add_creation("vidu", TASK, states=["success"])
        url = client.get(sb.comfy_base_url + VIDU_STATUS.format(TASK)).json()["creations"][0]["url"]
        content = client.get(url).content
    assert len(content) == 4096
    assert content[4:12] == b"ftypisom"
    with Sandbox() as other:
        other.add_creation("vidu", TASK, video_size=4096)
        assert other.video("vidu", TASK) == content


def test_signature_is_checked_over_the_exact_bytes(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, states=["success"])
    url = vidu_success(comfy)["creations"][0]["url"]
    assert ";filename=" in url
    assert "&Expires=" in url
    assert "&Signature=" in url
    assert url.endswith("&Key-Pair-Id=SANDBOX")
    assert HTTP.get(url).status_code == 200
    tampered = [
        url.replace(";", "%3B"),
        url.replace("filename=video.mp4", "filename=other.mp4"),
        url.replace("&Signature=", "&Signature=0"),
        url.split("&Signature=")[0],
        url.replace("/creation-01/video.mp4", "/creation-01/cover.png"),
    ]
    for bad in tampered:
        response = HTTP.get(bad)
        assert response.status_code == 403, bad
        assert response.text.startswith("<?xml")
        assert "<Code>AccessDenied</Code>" in response.text
    assert "%3B" in sandbox.requests_for("/cdn/")[1].query  # the re-encoded form really reached the server


def test_expire_urls_then_a_fresh_poll_issues_working_urls(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, states=["success"])
    old = vidu_success(comfy)["creations"][0]
    assert HTTP.get(old["url"]).status_code == 200
    sandbox.expire_urls("vidu", TASK)
    for key in ("url", "cover_url"):
        expired = HTTP.get(old[key])
        assert expired.status_code == 403
        assert "expired" in expired.text
    new = vidu_success(comfy)["creations"][0]
    assert new["url"] != old["url"]
    assert new["url"].split("&Expires=")[1][:10] != old["url"].split("&Expires=")[1][:10]
    fresh = HTTP.get(new["url"])
    assert fresh.status_code == 200
    assert fresh.content == sandbox.video("vidu", TASK)


def test_urls_past_their_expires_are_refused() -> None:
    with Sandbox(url_ttl=-5) as sb:
        sb.add_creation("haiper", "h1", states=["succeed"])
        headers = {"Authorization": f"Bearer {HAIPER_KEY}"}
        url = HTTP.get(sb.haiper_base_url + "/v1/creation/h1", headers=headers).json()["value"]["video_url"]
        response = HTTP.get(url)
    assert response.status_code == 403
    assert "Request has expired" in response.text


def test_range_requests(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, states=["success"], video_size=10_000)
    url = vidu_success(comfy)["creations"][0]["url"]
    video = sandbox.video("vidu", TASK)
    tail = HTTP.get(url, headers={"Range": "bytes=1000-"})
    assert tail.status_code == 206
    assert tail.content == video[1000:]
    assert tail.headers["content-range"] == "bytes 1000-9999/10000"
    head = HTTP.get(url, headers={"Range": "bytes=0-99"})
    assert head.status_code == 206
    assert head.content == video[:100]
    assert HTTP.get(url, headers={"Range": "bytes=-10"}).content == video[-10:]
    beyond = HTTP.get(url, headers={"Range": "bytes=10000-"})
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == "bytes */10000"


def test_range_ignored_when_unsupported() -> None:
    with Sandbox(cdn_supports_range=False) as sb:
        sb.add_creation("vidu", TASK, states=["success"], video_size=5000)
        url = HTTP.get(sb.comfy_base_url + VIDU_STATUS.format(TASK), headers={"X-API-Key": COMFY_KEY}).json()
        response = HTTP.get(url["creations"][0]["url"], headers={"Range": "bytes=1000-"})
        assert response.status_code == 200
        assert response.content == sb.video("vidu", TASK)
        assert "content-range" not in response.headers


# -- faults ------------------------------------------------------------------------------------------


def test_status_faults_in_order_then_normal_without_advancing(sandbox: Sandbox, comfy: httpx.Client) -> None:
    faults = [
        Fault.status(429, headers={"Retry-After": "2"}, body=b"slow down", content_type="text/plain"),
        Fault.status(500),
        Fault.status(502, body=b""),
        Fault.status(520, times=2),
    ]
    sandbox.add_creation("vidu", TASK, faults=faults)
    limited = vidu_poll(comfy)
    assert (limited.status_code, limited.headers["retry-after"], limited.text) == (429, "2", "slow down")
    html = vidu_poll(comfy)
    assert html.status_code == 500
    assert html.headers["content-type"].startswith("text/html")
    assert "<html>" in html.text
    empty = vidu_poll(comfy)
    assert (empty.status_code, empty.content, empty.headers["content-length"]) == (502, b"", "0")
    assert [vidu_poll(comfy).status_code for _ in range(2)] == [520, 520]
    assert [vidu_state(comfy) for _ in range(2)] == ["queueing", "processing"]
    assert sandbox.pending_faults() == []


def test_delay_trips_the_client_timeout_and_is_dropped(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", TASK, faults=[Fault.delay(1.0)])
    with httpx.Client(
        verify=PLAIN_HTTP, base_url=sandbox.comfy_base_url, headers={"X-API-Key": COMFY_KEY}, timeout=0.1
    ) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            vidu_poll(client)
        assert time.monotonic() - started < 0.5
        assert vidu_state(client) == "queueing"  # the abandoned request did not count as a poll


def test_short_delay_is_answered_normally(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, faults=[Fault.delay(0.15)])
    started = time.monotonic()
    assert vidu_state(comfy) == "queueing"
    assert time.monotonic() - started >= 0.15
    assert vidu_state(comfy) == "processing"


def test_hang_never_answers(sandbox: Sandbox) -> None:
    sandbox.add_creation("haiper", "h1", faults=[Fault.hang()])
    headers = {"Authorization": f"Bearer {HAIPER_KEY}"}
    with httpx.Client(verify=PLAIN_HTTP, base_url=sandbox.haiper_base_url, headers=headers, timeout=0.2) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.get("/v1/jobs/h1/status")
        assert haiper_state(client, "h1") == "pending"


def test_truncate_and_reset_are_transport_errors(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, faults=[Fault.truncate(), Fault.reset(), Fault.reset(mid_response=True)])
    with pytest.raises(httpx.RemoteProtocolError, match=r"incomplete|complete message body"):
        vidu_poll(comfy)
    with pytest.raises(httpx.ReadError):  # an RST, not a clean close (that would be RemoteProtocolError)
        vidu_poll(comfy)
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        vidu_poll(comfy)
    assert vidu_state(comfy) == "queueing"


def test_body_faults_send_exact_bytes(sandbox: Sandbox, comfy: httpx.Client) -> None:
    garbage = b"\x1f\x8bnot really gzip"
    sandbox.add_creation(
        "vidu",
        TASK,
        faults=[
            Fault.body(b'{"state": "succ'),
            Fault.body(b'["not", "an", "object"]', status=200),
            Fault.body(b"\xff\xfe\xfd", content_type=None, status=418),
            Fault.body(garbage, headers={"Content-Encoding": "gzip"}),
            Fault.body(gzip.compress(b'{"state": "scheduled"}'), headers={"Content-Encoding": "gzip"}),
        ],
    )
    truncated = vidu_poll(comfy)
    assert truncated.content == b'{"state": "succ'
    assert truncated.headers["content-type"] == "application/json"
    with pytest.raises(json.JSONDecodeError):
        truncated.json()
    assert vidu_poll(comfy).json() == ["not", "an", "object"]
    binary = vidu_poll(comfy)
    assert (binary.status_code, binary.content) == (418, b"\xff\xfe\xfd")
    assert "content-type" not in binary.headers
    with pytest.raises(httpx.DecodingError):
        vidu_poll(comfy)
    assert vidu_poll(comfy).json() == {"state": "scheduled"}


def test_redirect_and_state_faults(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, faults=[Fault.redirect("/elsewhere", status=307), Fault.state("scheduled")])
    moved = vidu_poll(comfy)
    assert (moved.status_code, moved.headers["location"], moved.content) == (307, "/elsewhere", b"")
    odd = vidu_poll(comfy).json()
    assert odd["state"] == "scheduled"
    assert odd["id"] == TASK
    assert vidu_state(comfy) == "queueing"


def test_state_fault_can_force_success_with_urls(sandbox: Sandbox, haiper: httpx.Client) -> None:
    sandbox.add_creation("haiper", "h1")
    sandbox.add_fault(sandbox.fault_path("haiper", "h1", "detail"), Fault.state("succeed"))
    forced = haiper.get("/v1/creation/h1")
    assert forced.status_code == 200
    assert forced.json()["value"]["status"] == "succeed"
    assert HTTP.get(forced.json()["value"]["video_url"]).status_code == 200
    assert haiper.get("/v1/creation/h1").status_code == 400


def _download_into(url: str, received: bytearray) -> None:
    with HTTP.stream("GET", url) as response:
        assert response.headers["content-length"] == "20000"
        for chunk in response.iter_bytes():
            received += chunk


def test_download_faults_cut_and_path_faults(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation(
        "vidu", TASK, states=["success"], video_size=20_000, download_faults=[Fault.cut_download(0.25)]
    )
    url = vidu_success(comfy)["creations"][0]["url"]
    received = bytearray()
    with pytest.raises(httpx.RemoteProtocolError):
        _download_into(url, received)
    assert bytes(received) == sandbox.video("vidu", TASK)[:5000]
    sandbox.add_fault(sandbox.fault_path("vidu", TASK, "cdn"), Fault.status(503, headers={"Retry-After": "1"}))
    sandbox.add_fault("/cdn/", Fault.status(404, body=b""))
    assert HTTP.get(url).status_code == 503
    assert HTTP.get(url).status_code == 404
    assert HTTP.get(url).content == sandbox.video("vidu", TASK)
    assert sandbox.pending_faults() == []


def test_error_faults_use_the_shape_of_the_api_they_hit(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    sandbox.add_creation("vidu", TASK, states=["success"], faults=[Fault.error(429, headers={"Retry-After": "4"})])
    sandbox.add_creation("haiper", "h1", faults=[Fault.error(400, error_code="VB-100011", message="Too many tasks")])
    limited = vidu_poll(comfy)
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "4")
    assert limited.json() == {"error": "too_many_requests", "message": "Too Many Requests", "details": []}
    busy = haiper.get("/v1/jobs/h1/status")
    assert busy.json() == {"message": "Too many tasks", "code": "VB-100011", "details": []}
    assert haiper_state(haiper, "h1") == "pending"  # an error fault does not advance the creation
    url = vidu_success(comfy)["creations"][0]["url"]
    sandbox.add_fault("/cdn/", Fault.error(503))
    unavailable = HTTP.get(url)
    assert (unavailable.status_code, unavailable.headers["content-type"]) == (503, "application/xml")
    assert b"<Code>ServiceUnavailable</Code><Message>Service Unavailable</Message>" in unavailable.content
    assert HTTP.get(url).content == sandbox.video("vidu", TASK)


def test_fault_validation_and_repr() -> None:
    with pytest.raises(ValueError):
        Fault.status(429, times=0)
    with pytest.raises(ValueError):
        Fault.cut_download(1.5)
    assert repr(Fault.status(503, times=2)) == "Fault.status(503, times=2)"
    assert repr(Fault.cut_download(0.25)) == "Fault.cut_download(0.25)"


# -- recording, concurrency, lifecycle ---------------------------------------------------------------


def test_raw_request_target_is_recorded_exactly(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", "a/b")
    response = comfy.get("/proxy/vidu/tasks/a%2Fb/creations?x=1;y=%3B")
    assert response.status_code == 200
    assert response.json()["id"] == "a/b"
    assert vidu_poll(comfy, "a%252Fb").status_code == 404  # decoded exactly once
    first: RecordedRequest = sandbox.requests[0]
    assert first.method == "GET"
    assert first.target == "/comfy/proxy/vidu/tasks/a%2Fb/creations?x=1;y=%3B"
    assert (first.path, first.query) == ("/comfy/proxy/vidu/tasks/a%2Fb/creations", "x=1;y=%3B")
    assert first.header("x-api-key") == COMFY_KEY
    assert first.sent_credentials
    assert ("X-API-Key", COMFY_KEY) in first.headers
    assert first.body == b""
    assert abs(first.time - time.time()) < 5
    assert sandbox.requests[1].target == "/comfy/proxy/vidu/tasks/a%252Fb/creations"
    assert sandbox.fault_path("vidu", "a/b") == "/comfy/proxy/vidu/tasks/a%2Fb/creations"
    assert len(sandbox.requests_for(sandbox.fault_path("vidu", "a/b"))) == 1
    comfy.post("/proxy/vidu/text2video", content=b'{"prompt": "x"}')
    assert sandbox.requests[-1].body == b'{"prompt": "x"}'
    assert sandbox.requests[-1].method == "POST"
    sandbox.clear_requests()
    assert sandbox.requests == []


def test_concurrent_polls_each_see_a_distinct_state(sandbox: Sandbox) -> None:
    states = [f"s{i:02d}" for i in range(40)]
    sandbox.add_creation("vidu", TASK, states=states)
    seen: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with httpx.Client(verify=PLAIN_HTTP, headers={"X-API-Key": COMFY_KEY}) as client:
            for _ in range(5):
                state = client.get(sandbox.comfy_base_url + VIDU_STATUS.format(TASK)).json()["state"]
                with lock:
                    seen.append(state)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == states


def test_keep_alive_requests_do_not_stall(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_creation("vidu", TASK, states=["success"])
    vidu_poll(comfy)
    started = time.monotonic()
    for _ in range(30):
        assert vidu_poll(comfy).status_code == 200
    assert time.monotonic() - started < 0.6  # a 40 ms delayed-ACK stall per request would take > 1.2 s
    assert len(sandbox.connections()) == 1
    HTTP.get(sandbox.base_url + "/other")
    assert sandbox.connections() == [sandbox.requests[0].connection, sandbox.requests[-1].connection]
    assert sandbox.requests[-1].connection > sandbox.requests[0].connection


def test_close_is_prompt_with_hanging_and_idle_connections() -> None:
    sb = Sandbox().start()
    sb.add_creation("vidu", TASK, faults=[Fault.hang(), Fault.delay(30)])
    errors: list[BaseException] = []

    def stuck() -> None:
        try:
            HTTP.get(sb.comfy_base_url + VIDU_STATUS.format(TASK), headers={"X-API-Key": COMFY_KEY}, timeout=30)
        except httpx.HTTPError as error:
            errors.append(error)

    idle = httpx.Client(verify=PLAIN_HTTP, headers={"X-API-Key": COMFY_KEY})
    idle.get(sb.base_url + "/nothing")  # leaves a keep-alive connection open
    threads = [threading.Thread(target=stuck) for _ in range(2)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 2
    while len(sb.requests) < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    sb.close()
    for thread in threads:
        thread.join(timeout=2)
    assert time.monotonic() - started < 1.0
    assert len(errors) == 2
    assert not any(t.is_alive() for t in threads)
    with pytest.raises(httpx.TransportError):
        idle.get(sb.base_url + "/nothing")
    idle.close()
    sb.close()  # idempotent


def test_repr_env_and_addresses() -> None:
    sb = Sandbox(comfy_api_key="secret-comfy", haiper_api_key="secret-haiper")
    assert "not started" in repr(sb)
    with pytest.raises(RuntimeError):
        _ = sb.base_url
    with sb:
        text = repr(sb)
        assert sb.base_url in text
        assert "secret" not in text
        assert sb.base_url == f"http://127.0.0.1:{sb.port}"
        assert sb.port > 0
        assert sb.env() == {
            "GENVIDEO_COMFY_BASE_URL": f"{sb.base_url}/comfy",
            "GENVIDEO_HAIPER_BASE_URL": f"{sb.base_url}/haiper",
            "COMFY_API_KEY": "secret-comfy",
            "HAIPER_API_KEY": "secret-haiper",
        }
    with pytest.raises(RuntimeError):
        sb.start()


def test_add_creation_validation(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="provider"):
        sandbox.add_creation("acme", "x")
    with pytest.raises(ValueError):
        sandbox.add_creation("vidu", "x", states=[])
    with pytest.raises(ValueError):
        sandbox.add_creation("vidu", "x", progress=[0, 1])
    with pytest.raises(ValueError):
        sandbox.add_creation("vidu", "x", outputs=2, video=[b"one"])
    with pytest.raises(ValueError):
        sandbox.add_creation("vidu", "x", advance=0)
    sandbox.add_creation("vidu", "x")
    with pytest.raises(ValueError, match="already exists"):
        sandbox.add_creation("vidu", "x")
    with pytest.raises(KeyError):
        sandbox.expire_urls("haiper", "x")


# -- conformance to the prepared specs ---------------------------------------------------------------


def _spec(provider: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((SPECS / provider / "prepared.json").read_text())
    return document


def _schema_validator(provider: str, *parts: str) -> OAS30Validator:
    """A validator for the schema at `#/parts.../content/application~1json/schema` of the prepared spec."""
    uri = f"urn:genvideo-spec:{provider}"
    registry: Registry[Any] = Registry().with_resource(uri, Resource.from_contents(_spec(provider), DRAFT4))
    pointer = "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)
    return OAS30Validator({"$ref": f"{uri}#/{pointer}/content/application~1json/schema"}, registry=registry)


def _validator(provider: str, path: str, status: str, method: str = "get") -> OAS30Validator:
    return _schema_validator(provider, "paths", path, method, "responses", status)


def _request_validator(provider: str, path: str) -> OAS30Validator:
    return _schema_validator(provider, "paths", path, "post", "requestBody")


def _check_json(response: httpx.Response, validator: OAS30Validator) -> None:
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["content-length"]) == len(response.content)
    validator.validate(response.json())


def test_every_body_validates_against_the_prepared_specs(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    vidu_ok = _validator("comfy", "/proxy/vidu/tasks/{id}/creations", "200")
    vidu_error = _validator("comfy", "/proxy/vidu/tasks/{id}/creations", "default")
    status_ok = _validator("haiper", "/v1/jobs/{creation_id}/status", "200")
    detail_ok = _validator("haiper", "/v1/creation/{creation_id}", "200")
    haiper_error = _validator("haiper", "/v1/creation/{creation_id}", "400")
    assert not vidu_ok.is_valid({"state": 1})
    assert not status_ok.is_valid({"value": {}})

    vidu_scripts: dict[str, dict[str, Any]] = {
        "v-default": {},
        "v-all": {"states": ["created", "queueing", "processing", "scheduled", "success"], "outputs": 3},
        "v-failed": {"states": ["queueing", "failed"], "blocked_resources": [{"content_type": "image", "index": 0}]},
        "v-empty": {"states": ["success"], "outputs": 0},
        "v-timed": {"advance": 0.01},
    }
    haiper_scripts: dict[str, dict[str, Any]] = {
        "h-default": {},
        "h-all": {"states": ["pending", "processing", "post_processing", "queued?", "succeed"], "outputs": 2},
        "h-failed": {"states": ["pending", "failed"]},
        "h-empty": {"states": ["succeed"], "outputs": 0},
    }
    for creation_id, options in vidu_scripts.items():
        sandbox.add_creation("vidu", creation_id, **options)
    for creation_id, options in haiper_scripts.items():
        sandbox.add_creation("haiper", creation_id, **options)
    checked = 0
    for creation_id in vidu_scripts:
        for _ in range(6):
            _check_json(vidu_poll(comfy, creation_id), vidu_ok)
            checked += 1
    for creation_id in haiper_scripts:
        for _ in range(6):
            _check_json(haiper.get(f"/v1/jobs/{creation_id}/status"), status_ok)
            detail = haiper.get(f"/v1/creation/{creation_id}")
            _check_json(detail, detail_ok if detail.status_code == 200 else haiper_error)
            checked += 2
    # error bodies follow each spec's Error schema too
    _check_json(vidu_poll(comfy, "missing"), vidu_error)
    _check_json(HTTP.get(sandbox.comfy_base_url + VIDU_STATUS.format("v-default")), vidu_error)
    _check_json(haiper.get("/v1/creation/missing"), haiper_error)
    _check_json(HTTP.get(sandbox.haiper_base_url + "/v1/jobs/h-default/status"), haiper_error)
    _check_json(haiper.get("/v1/creation/h-failed"), haiper_error)
    assert checked == 78
    assert haiper.get("/v1/creation/h-all").status_code == 200


# -- submits against the prepared specs -------------------------------------------------------------

VIDU_SUBMITS = ("text2video", "img2video", "reference2video", "start-end2video", "extend", "multiframe")
HAIPER_SUBMITS = ("text2video", "image2video")
_FULL_VIDU_TASK = {
    "model": "viduq2-pro",
    "style": "general",
    "prompt": "a fox",
    "images": ["https://x/1.png"],
    "duration": 5,
    "seed": 7,
    "aspect_ratio": "16:9",
    "resolution": "720p",
    "movement_amplitude": "auto",
    "bgm": False,
    "payload": "p",
    "off_peak": True,
    "watermark": False,
    "callback_url": "https://example.invalid/hook",
    "unknown_field": {"kept": [1, 2]},
}
# Sample submit bodies: the sandbox must accept exactly those the spec's request schema accepts.
SUBMIT_SAMPLES: dict[tuple[str, str], list[Any]] = {
    ("vidu", "text2video"): [{}, _FULL_VIDU_TASK, {"duration": "5"}, {"style": "3d"}, {"seed": True}, [], "x"],
    ("vidu", "img2video"): [{"model": "viduq1", "images": ["https://x/1.png"]}, {"images": [1]}],
    ("vidu", "reference2video"): [{"images": ["a", "b"], "prompt": "p"}, {"images": "a"}],
    ("vidu", "start-end2video"): [{"images": ["a", "b"], "seed": 1}, {"movement_amplitude": "huge"}],
    ("vidu", "extend"): [
        {"model": "viduq2-pro", "video_creation_id": "1", "video_url": "https://x/v.mp4", "duration": 3},
        {"video_creation_id": "1"},
        {"model": 1},
    ],
    ("vidu", "multiframe"): [
        {"model": "m", "start_image": "s", "image_settings": [{"key_image": "k", "prompt": "p", "duration": 2}]},
        {"model": "m", "start_image": "s", "image_settings": [{"prompt": "p"}]},
        {"model": "m", "image_settings": []},
        {"model": "m", "start_image": "s", "image_settings": [{"key_image": "k", "duration": "2"}]},
    ],
    ("haiper", "text2video"): [
        {"prompt": "p"},
        {"prompt": "p", "gen_mode": "smooth", "settings": {"seed": -1, "aspect_ratio": "1:1", "duration": 4}},
        {},
        {"prompt": "p", "gen_mode": "turbo"},
        {"prompt": "p", "settings": {"duration": "4"}},
    ],
    ("haiper", "image2video"): [
        {"prompt": "p", "config": {"source_image": "data:image/png;base64,AAAA"}},
        {"prompt": "p", "config": {"source_image": "s"}, "settings": {"resolution": 720, "guidance_scale": 2.5}},
        {"prompt": "p"},
        {"prompt": "p", "config": {}},
        {"prompt": "p", "config": {"source_image": "s"}, "settings": {"resolution": "720p"}},
    ],
}


def _submit_path(provider: str, endpoint: str) -> str:
    return f"/proxy/vidu/{endpoint}" if provider == "vidu" else f"/v1/jobs/gen2/{endpoint}"


def test_submit_bodies_are_accepted_exactly_when_the_spec_allows_them(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    assert {e for p, e in SUBMIT_SAMPLES if p == "vidu"} == set(VIDU_SUBMITS)
    assert {e for p, e in SUBMIT_SAMPLES if p == "haiper"} == set(HAIPER_SUBMITS)
    outcomes = {True: 0, False: 0}
    for (provider, endpoint), samples in SUBMIT_SAMPLES.items():
        path = _submit_path(provider, endpoint)
        request_ok = _request_validator("comfy" if provider == "vidu" else "haiper", path)
        client = comfy if provider == "vidu" else haiper
        for sample in samples:
            valid = request_ok.is_valid(sample)
            response = client.post(path, json=sample)
            assert response.status_code == (200 if valid else 400), (endpoint, sample, response.text)
            outcomes[valid] += 1
    assert outcomes == {True: 11, False: 19}


def test_submit_replies_and_errors_validate_against_the_prepared_specs(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    comfy_error = _validator("comfy", "/proxy/vidu/text2video", "default", "post")
    haiper_error = _validator("haiper", "/v1/jobs/gen2/text2video", "400", "post")
    assert not comfy_error.is_valid({"details": "not an array"})
    checked = 0
    states: list[str] = []
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["failed"]), Sandbox.submit_script(states=["created"]))
    for endpoint in VIDU_SUBMITS:
        path = _submit_path("vidu", endpoint)
        ok = _validator("comfy", path, "200", "post")
        assert not ok.is_valid({"state": "queueing", "credits": 1})  # task_id is required
        request_ok = _request_validator("comfy", path)
        bodies = [sample for sample in SUBMIT_SAMPLES[("vidu", endpoint)] if request_ok.is_valid(sample)]
        if _FULL_VIDU_TASK not in bodies and request_ok.is_valid(_FULL_VIDU_TASK):
            bodies.append(_FULL_VIDU_TASK)
        for index, body in enumerate(bodies):
            replies = [
                comfy.post(path, json=body, headers={"Idempotency-Key": f"{endpoint}/{index}"}) for _ in range(2)
            ]
            assert replies[1].headers["idempotent-replayed"] == "true"
            for response in replies:
                _check_json(response, ok)
                assert datetime.fromisoformat(response.json()["created_at"]).tzinfo is not None
                checked += 1
            states.append(replies[0].json()["state"])
    assert states[:3] == ["failed", "created", "queueing"]
    # error answers of submits: bad credentials, bad bodies, rejections, idempotency conflicts, wrong method
    sandbox.script_submits("vidu", Sandbox.submit_script(reject=402), Sandbox.submit_script(reject=429))
    sandbox.script_submits("haiper", Sandbox.submit_script(reject=Fault.error(400, error_code="VB-100017")))
    comfy_errors = [
        HTTP.post(sandbox.comfy_base_url + "/proxy/vidu/text2video", json={}),
        comfy.post("/proxy/vidu/extend", json={}),
        comfy.post("/proxy/vidu/text2video", content=b"{"),
        comfy.post("/proxy/vidu/text2video", json={}),
        comfy.post("/proxy/vidu/text2video", json={}),
        comfy.post("/proxy/vidu/text2video", json={"prompt": "other"}, headers={"Idempotency-Key": "text2video/0"}),
        comfy.get("/proxy/vidu/text2video"),
    ]
    assert [r.status_code for r in comfy_errors] == [401, 400, 400, 402, 429, 409, 405]
    haiper_errors = [
        HTTP.post(sandbox.haiper_base_url + "/v1/jobs/gen2/text2video", json={"prompt": "p"}),
        haiper.post("/v1/jobs/gen2/image2video", json={"prompt": "p", "config": {}}),
        haiper.post("/v1/jobs/gen2/text2video", content=b"\xff"),
        haiper.post("/v1/jobs/gen2/text2video", json={"prompt": "p"}),
        haiper.get("/v1/jobs/gen2/text2video"),
    ]
    assert [r.status_code for r in haiper_errors] == [401, 400, 400, 400, 405]
    for response in comfy_errors:
        _check_json(response, comfy_error)
    for response in haiper_errors:
        _check_json(response, haiper_error)
    for endpoint in HAIPER_SUBMITS:
        path = _submit_path("haiper", endpoint)
        ok = _validator("haiper", path, "200", "post")
        for body in SUBMIT_SAMPLES[("haiper", endpoint)]:
            if _request_validator("haiper", path).is_valid(body):
                response = haiper.post(path, json=body)
                _check_json(response, ok)
                assert response.json()["value"]["generation_id"]
                checked += 1
    assert checked == 26
