"""The sandbox's Kling fake on the wire: its routes, ids, replies, task kinds and error shapes (raw HTTP, no SDK)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from tests.support.clients import COMFY_KEY

VIDEOS = "/comfy/proxy/kling/v1/videos"


@pytest.fixture
def http(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(base_url=sandbox.base_url, headers={"X-API-Key": COMFY_KEY})


def test_the_fake_serves_the_prepared_spec_paths(sandbox: Sandbox) -> None:
    fake = fakes()["kling"]
    assert [(e.name, e.path, e.kind) for e in fake.endpoints] == [
        ("text2video", "/proxy/kling/v1/videos/text2video", "submit"),
        ("image2video", "/proxy/kling/v1/videos/image2video", "submit"),
        ("status", "/proxy/kling/v1/videos/text2video/{id}", "poll"),
        ("image2video-status", "/proxy/kling/v1/videos/image2video/{id}", "poll"),
        ("motion-control", "/proxy/kling/v1/videos/motion-control", "submit"),
        ("motion-control-status", "/proxy/kling/v1/videos/motion-control/{id}", "poll"),
    ]
    assert sandbox.submit_path("kling", "image2video") == f"{VIDEOS}/image2video"
    assert sandbox.fault_path("kling", "abc") == f"{VIDEOS}/text2video/abc"


@pytest.mark.parametrize(("kind", "body"), [("text2video", {"prompt": "a lake"}), ("image2video", {"image": "AAAA"})])
def test_submit_answers_the_task_and_honours_the_idempotency_key(
    sandbox: Sandbox, http: httpx.Client, kind: str, body: dict[str, str]
) -> None:
    with http:
        response = http.post(f"{VIDEOS}/{kind}", json=body, headers={"Idempotency-Key": "k-1"})
        replay = http.post(f"{VIDEOS}/{kind}", json=body, headers={"Idempotency-Key": "k-1"})
        conflict = http.post(f"{VIDEOS}/{kind}", json={**body, "mode": "pro"}, headers={"Idempotency-Key": "k-1"})
    assert response.status_code == 200
    reply = response.json()
    assert (reply["code"], reply["message"]) == (0, "SUCCEED")
    assert str(uuid.UUID(reply["request_id"])) == reply["request_id"]
    data = reply["data"]
    assert data["task_id"].isdigit()
    assert len(data["task_id"]) == 18
    assert data["task_status"] == "submitted"
    assert "task_result" not in data
    assert "task_status_msg" not in data  # Kling sends the failure reason on lookups only
    assert data["created_at"] == data["updated_at"] > 10**12  # UNIX milliseconds
    assert (replay.status_code, replay.json()["data"]["task_id"]) == (200, data["task_id"])
    assert conflict.status_code == 409
    assert conflict.headers["X-Comfy-Error-Type"] == "idempotency_mismatch"
    assert [(s.endpoint, s.replayed) for s in sandbox.submissions] == [(kind, False), (kind, True), (kind, False)]


def test_a_task_is_served_at_its_own_kinds_lookup_only(sandbox: Sandbox, http: httpx.Client) -> None:
    with http:
        image_task = http.post(f"{VIDEOS}/image2video", json={"image": "AAAA"}).json()["data"]["task_id"]
        bodies = [http.get(f"{VIDEOS}/image2video/{image_task}").json() for _ in range(3)]
        elsewhere = http.get(f"{VIDEOS}/text2video/{image_task}")
        sandbox.add_creation("kling", "added-i", scope=["image2video"], states=["processing"])
        sandbox.add_creation("kling", "added-t", states=["processing"])
        added = [http.get(f"{VIDEOS}/{kind}/added-{kind[0]}") for kind in ("image2video", "text2video")]
        crossed = [http.get(f"{VIDEOS}/text2video/added-i"), http.get(f"{VIDEOS}/image2video/added-t")]
        video = http.get(bodies[-1]["data"]["task_result"]["videos"][0]["url"])
        watermarked = http.get(bodies[-1]["data"]["task_result"]["videos"][0]["watermark_url"])
    assert [b["data"]["task_status"] for b in bodies] == ["submitted", "processing", "succeed"]
    assert elsewhere.status_code == 404
    assert elsewhere.json() == {
        "code": 1203,
        "message": "Requested resource does not exist",
        "request_id": elsewhere.json()["request_id"],
    }
    assert [r.json()["data"]["task_status"] for r in added] == ["processing", "processing"]
    assert [r.status_code for r in crossed] == [404, 404]
    assert video.content == sandbox.video("kling", image_task)
    assert watermarked.status_code == 200
    assert watermarked.content != video.content


def test_a_failed_task_says_why(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.add_creation("kling", "f-1", states=["failed"])
    sandbox.add_creation("kling", "f-2", states=["failed"], failure_code="Failure to pass the risk control system")
    with http:
        first, second = (http.get(f"{VIDEOS}/text2video/{cid}").json()["data"] for cid in ("f-1", "f-2"))
    assert first["task_status_msg"] == "The task failed in the sandbox"
    assert second["task_status_msg"] == "Failure to pass the risk control system"
    assert "task_result" not in first


def test_errors_come_in_klings_shape_and_the_proxys_401_in_its_own(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.add_creation("kling", "e-1", faults=[Fault.error(429), Fault.error(400, error_code="1201")])
    sandbox.add_creation("kling", "e-2", faults=[Fault.error(402, error_code="insufficient_credits")])
    with http:
        limited = http.get(f"{VIDEOS}/text2video/e-1")
        invalid = http.get(f"{VIDEOS}/text2video/e-1")
        credits = http.get(f"{VIDEOS}/text2video/e-2")
        bad_body = http.post(f"{VIDEOS}/text2video", json={"prompt": 3})
        wrong_method = http.get(f"{VIDEOS}/text2video")
        no_route = http.get("/comfy/proxy/kling/v1/videos/omni-video")
        anonymous = httpx.post(sandbox.base_url + f"{VIDEOS}/text2video", json={"prompt": "x"})
    assert (limited.status_code, limited.json()["code"]) == (429, 1302)
    assert (invalid.status_code, invalid.json()["code"]) == (400, 1201)
    assert (credits.status_code, credits.json()["code"], credits.json()["error"]) == (402, 1102, "insufficient_credits")
    assert (bad_body.status_code, bad_body.json()["code"]) == (400, 1200)
    assert bad_body.json()["details"] == ["prompt"]
    assert (wrong_method.status_code, wrong_method.json()["code"]) == (405, 1202)
    assert wrong_method.headers["Allow"] == "POST"
    assert (no_route.status_code, no_route.json()["code"]) == (404, 1203)
    assert anonymous.status_code == 401
    assert anonymous.json() == {"error": "unauthorized", "message": "Please login first", "details": []}
    for response in (limited, invalid, credits, bad_body, wrong_method, no_route):
        assert set(response.json()) >= {"code", "message", "request_id"}


MOTION_BODY = {
    "image_url": "https://img.example/a.png",
    "video_url": "https://clips.example/a.mp4",
    "character_orientation": "video",
    "mode": "std",
}


def test_motion_control_checks_its_body_and_is_served_at_its_own_lookup(sandbox: Sandbox, http: httpx.Client) -> None:
    with http:
        missing = http.post(f"{VIDEOS}/motion-control", json={"prompt": "x", "image_url": "https://img.example/a.png"})
        task = http.post(f"{VIDEOS}/motion-control", json=MOTION_BODY).json()["data"]["task_id"]
        bodies = [http.get(f"{VIDEOS}/motion-control/{task}").json() for _ in range(3)]
        elsewhere = [http.get(f"{VIDEOS}/{kind}/{task}") for kind in ("text2video", "image2video")]
        sandbox.add_creation("kling", "added-m", scope=["motion-control"], states=["processing"])
        added = http.get(f"{VIDEOS}/motion-control/added-m")
        crossed = http.get(f"{VIDEOS}/text2video/added-m")
    assert (missing.status_code, missing.json()["code"]) == (400, 1200)
    assert set(missing.json()["details"]) >= {"video_url"}
    assert [b["data"]["task_status"] for b in bodies] == ["submitted", "processing", "succeed"]
    assert bodies[-1]["data"]["task_result"]["videos"][0]["url"]
    assert [r.status_code for r in elsewhere] == [404, 404]
    assert added.json()["data"]["task_status"] == "processing"
    assert crossed.status_code == 404
    assert [s.endpoint for s in sandbox.submissions if s.created] == ["motion-control"]
