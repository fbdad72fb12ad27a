"""The sandbox's Luma fake on the wire: its routes, ids, replies and error shapes (raw HTTP, no SDK)."""

from __future__ import annotations

import uuid

import httpx
import pytest

from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from tests.support.clients import COMFY_KEY

SUBMIT = "/comfy/proxy/luma/generations"
BODY = {"prompt": "a lake", "aspect_ratio": "16:9", "model": "ray-2", "duration": "5s", "resolution": "540p"}


@pytest.fixture
def http(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(base_url=sandbox.base_url, headers={"X-API-Key": COMFY_KEY})


def test_the_fake_serves_the_prepared_spec_paths(sandbox: Sandbox) -> None:
    fake = fakes()["luma"]
    assert [(e.name, e.path, e.kind) for e in fake.endpoints] == [
        ("generations", "/proxy/luma/generations", "submit"),
        ("status", "/proxy/luma/generations/{id}", "poll"),
    ]
    assert sandbox.submit_path("luma", "generations") == SUBMIT
    assert sandbox.fault_path("luma", "abc") == "/comfy/proxy/luma/generations/abc"


def test_submit_answers_201_with_the_generation_and_its_request(sandbox: Sandbox, http: httpx.Client) -> None:
    with http:
        response = http.post(SUBMIT, json=BODY, headers={"Idempotency-Key": "k-1"})
        replay = http.post(SUBMIT, json=BODY, headers={"Idempotency-Key": "k-1"})
        conflict = http.post(SUBMIT, json={**BODY, "prompt": "other"}, headers={"Idempotency-Key": "k-1"})
    assert response.status_code == 201
    body = response.json()
    assert str(uuid.UUID(body["id"])) == body["id"]
    assert body["state"] == "queued"
    assert body["generation_type"] == "video"
    assert body["assets"] is None
    assert body["failure_reason"] is None
    assert body["model"] == "ray-2"
    assert body["request"] == {"generation_type": "video", **BODY}
    assert body["created_at"].endswith("Z")
    assert (replay.status_code, replay.json()["id"]) == (201, body["id"])  # Idempotency-Key honoured
    assert conflict.status_code == 409
    assert conflict.headers["X-Comfy-Error-Type"] == "idempotency_mismatch"
    assert [s.replayed for s in sandbox.submissions] == [False, True, False]


def test_poll_replies_through_the_default_lifecycle(sandbox: Sandbox, http: httpx.Client) -> None:
    with http:
        generation = http.post(SUBMIT, json=BODY).json()["id"]
        bodies = [http.get(f"/comfy/proxy/luma/generations/{generation}").json() for _ in range(3)]
        video = http.get(bodies[-1]["assets"]["video"])
        cover = http.get(bodies[-1]["assets"]["image"])
    assert [b["state"] for b in bodies] == ["queued", "dreaming", "completed"]
    assert [b["assets"] for b in bodies[:2]] == [None, None]
    assert bodies[-1]["assets"]["progress_video"] is None
    assert all("progress" not in b for b in bodies)  # Luma reports none
    assert video.content == sandbox.video("luma", generation)
    assert cover.content == sandbox.cover("luma", generation)


def test_a_failed_generation_says_why(sandbox: Sandbox, http: httpx.Client) -> None:
    cid = str(uuid.uuid4())
    sandbox.add_creation("luma", cid, states=["failed"], failure_code="Moderation failed")
    sandbox.add_creation("luma", other := str(uuid.uuid4()), states=["failed"])
    with http:
        failed = http.get(f"/comfy/proxy/luma/generations/{cid}").json()
        default = http.get(f"/comfy/proxy/luma/generations/{other}").json()
    assert (failed["state"], failed["failure_reason"], failed["assets"]) == ("failed", "Moderation failed", None)
    assert default["failure_reason"] == "The generation failed in the sandbox"


def test_errors_are_luma_errors_and_the_proxy_refusals_its_own(sandbox: Sandbox, http: httpx.Client) -> None:
    sandbox.script_submits("luma", Sandbox.submit_script(reject=Fault.error(429, error_code="limited", message="Slow")))
    with http:
        unknown = http.get("/comfy/proxy/luma/generations/no-such-generation")
        missing = http.post(SUBMIT, json={"prompt": "x"})
        limited = http.post(SUBMIT, json=BODY)
        image = http.post("/comfy/proxy/luma/generations/image", json=BODY)  # not served: images are no videos
        anonymous = http.get("/comfy/proxy/luma/generations/x", headers={"X-API-Key": ""})
    assert (unknown.status_code, unknown.json()) == (404, {"detail": "Generation no-such-generation not found"})
    assert (missing.status_code, missing.json()) == (400, {"detail": "aspect_ratio is required"})
    assert (limited.status_code, limited.json()) == (429, {"detail": "Slow", "error": "limited"})
    assert (image.status_code, image.headers["Allow"]) == (405, "GET, HEAD")
    assert anonymous.status_code == 401
    assert anonymous.json() == {"error": "unauthorized", "message": "Please login first", "details": []}
