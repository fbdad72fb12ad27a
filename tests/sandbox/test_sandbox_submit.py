"""genvideo.testing.Sandbox submits (POSTs that start a generation), exercised over real HTTP with httpx."""

from __future__ import annotations

import json
import re
import ssl
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from genvideo.testing import Fault, Sandbox, Submission

COMFY_KEY = "sandbox-comfy-key"
COMFY_TOKEN = "sandbox-comfy-token"
HAIPER_KEY = "sandbox-haiper-key"
PLAIN_HTTP = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # plain HTTP only: skip loading certifi
HTTP = httpx.Client(verify=PLAIN_HTTP, timeout=2)

# A minimal valid body for every submit endpoint.
VIDU_BODIES: dict[str, dict[str, Any]] = {
    "text2video": {"model": "viduq1", "prompt": "a fox"},
    "img2video": {"model": "viduq1", "images": ["https://x/1.png"], "prompt": "a fox"},
    "reference2video": {"model": "viduq1", "images": ["https://x/1.png", "https://x/2.png"], "prompt": "a fox"},
    "start-end2video": {"model": "viduq1", "images": ["https://x/1.png", "https://x/2.png"]},
    "extend": {"model": "viduq2-pro", "video_creation_id": "123", "video_url": "https://x/v.mp4"},
    "multiframe": {
        "model": "viduq2-turbo",
        "start_image": "https://x/0.png",
        "image_settings": [{"key_image": "https://x/1.png", "duration": 3}],
    },
}
HAIPER_BODIES: dict[str, dict[str, Any]] = {
    "text2video": {"prompt": "a fox", "settings": {"duration": 4}},
    "image2video": {"prompt": "a fox", "config": {"source_image": "https://x/1.png"}},
}
VIDU_ID = re.compile(r"[1-9]\d{17}")
HAIPER_ID = re.compile(r"[0-9a-f]{24}")


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(video_size=4096) as sandbox:
        yield sandbox


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


def vidu_submit(comfy: httpx.Client, endpoint: str = "text2video", body: Any = None, **kwargs: Any) -> httpx.Response:
    return comfy.post(f"/proxy/vidu/{endpoint}", json=VIDU_BODIES[endpoint] if body is None else body, **kwargs)


def haiper_submit(
    haiper: httpx.Client, endpoint: str = "text2video", body: Any = None, **kwargs: Any
) -> httpx.Response:
    return haiper.post(f"/v1/jobs/gen2/{endpoint}", json=HAIPER_BODIES[endpoint] if body is None else body, **kwargs)


def vidu_task(comfy: httpx.Client, **kwargs: Any) -> str:
    response = vidu_submit(comfy, **kwargs)
    assert response.status_code == 200, response.text
    task_id: str = response.json()["task_id"]
    return task_id


def vidu_poll(comfy: httpx.Client, task_id: str) -> dict[str, Any]:
    response = comfy.get(f"/proxy/vidu/tasks/{task_id}/creations")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def haiper_generation(haiper: httpx.Client, **kwargs: Any) -> str:
    response = haiper_submit(haiper, **kwargs)
    assert response.status_code == 200, response.text
    generation_id: str = response.json()["value"]["generation_id"]
    return generation_id


def haiper_state(haiper: httpx.Client, generation_id: str) -> str:
    response = haiper.get(f"/v1/jobs/{generation_id}/status")
    assert response.status_code == 200, response.text
    state: str = response.json()["value"]["status"]
    return state


def created(sb: Sandbox) -> list[Submission]:
    return [s for s in sb.submissions if s.created]


# -- each endpoint starts a creation that runs its lifecycle -----------------------------------------


@pytest.mark.parametrize("endpoint", list(VIDU_BODIES))
def test_vidu_submit_starts_a_creation_that_advances_on_polls(
    sandbox: Sandbox, comfy: httpx.Client, endpoint: str
) -> None:
    before = time.time()
    response = vidu_submit(comfy, endpoint)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    assert "idempotent-replayed" not in response.headers
    reply = response.json()
    task_id = reply["task_id"]
    assert VIDU_ID.fullmatch(task_id)
    assert reply["state"] == "queueing"
    assert reply["credits"] == 4
    assert reply["model"] == VIDU_BODIES[endpoint]["model"]
    assert reply["created_at"].endswith("Z")
    created_at = datetime.fromisoformat(reply["created_at"]).timestamp()
    assert before - 1 <= created_at <= time.time() + 1
    [submission] = sandbox.submissions
    assert (submission.provider, submission.endpoint, submission.creation_id) == ("vidu", endpoint, task_id)
    assert (submission.body, submission.status, submission.replayed) == (VIDU_BODIES[endpoint], 200, False)
    assert submission.idempotency_key is None
    assert submission.request.method == "POST"

    polls = [vidu_poll(comfy, task_id) for _ in range(3)]
    assert [p["state"] for p in polls] == ["queueing", "processing", "success"]
    assert sandbox.current_state("vidu", task_id) == "success"
    [output] = polls[-1]["creations"]
    download = HTTP.get(output["url"])
    assert download.status_code == 200
    assert download.content == sandbox.video("vidu", task_id)
    assert len(download.content) == 4096


@pytest.mark.parametrize(("endpoint", "input_type"), [("text2video", "text"), ("image2video", "image")])
def test_haiper_submit_starts_a_generation_that_advances_on_polls(
    sandbox: Sandbox, haiper: httpx.Client, endpoint: str, input_type: str
) -> None:
    response = haiper_submit(haiper, endpoint)
    assert response.status_code == 200, response.text
    body = response.json()
    generation_id = body["value"]["generation_id"]
    assert body == {"status": "success", "value": {"generation_id": generation_id}}
    assert HAIPER_ID.fullmatch(generation_id)
    assert [s.creation_id for s in sandbox.submissions] == [generation_id]
    assert haiper.get(f"/v1/creation/{generation_id}").status_code == 400  # not done yet
    assert [haiper_state(haiper, generation_id) for _ in range(3)] == ["pending", "processing", "succeed"]
    detail = haiper.get(f"/v1/creation/{generation_id}").json()["value"]
    assert (detail["creation_id"], detail["prompt"], detail["input_type"]) == (generation_id, "a fox", input_type)
    assert HTTP.get(detail["video_url"]).content == sandbox.video("haiper", generation_id)


def test_ids_are_unique_and_deterministic_per_sandbox(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    vidu_ids = [vidu_task(comfy) for _ in range(3)]
    haiper_ids = [haiper_generation(haiper) for _ in range(3)]
    assert len(set(vidu_ids)) == 3
    assert len(set(haiper_ids)) == 3
    with Sandbox() as other:
        headers = {"X-API-Key": COMFY_KEY}
        url = other.comfy_base_url + "/proxy/vidu/text2video"
        again = [HTTP.post(url, json={}, headers=headers).json()["task_id"] for _ in range(3)]
    assert again == vidu_ids


def test_an_id_taken_by_add_creation_is_skipped(sandbox: Sandbox, comfy: httpx.Client) -> None:
    with Sandbox() as probe:
        first = HTTP.post(
            probe.comfy_base_url + "/proxy/vidu/text2video", json={}, headers={"X-API-Key": COMFY_KEY}
        ).json()["task_id"]
    sandbox.add_creation("vidu", first, states=["failed"])
    task_id = vidu_task(comfy)
    assert task_id != first
    assert vidu_poll(comfy, first)["state"] == "failed"
    assert vidu_poll(comfy, task_id)["state"] == "queueing"


def test_vidu_reply_echoes_the_request_fields_its_schema_has(sandbox: Sandbox, comfy: httpx.Client) -> None:
    request = {
        "model": "viduq2-pro",
        "prompt": "a fox",
        "images": ["https://x/1.png"],
        "duration": 5,
        "seed": 7,
        "aspect_ratio": "16:9",
        "resolution": "720p",
        "style": "anime",
        "callback_url": "https://example.invalid/hook",  # not in ViduTaskReply
        "brand_new_field": {"nested": [1, 2]},  # unknown: accepted and recorded, not echoed
    }
    reply = vidu_submit(comfy, "img2video", request).json()
    assert set(reply) == {
        "task_id",
        "state",
        "credits",
        "created_at",
        "model",
        "prompt",
        "images",
        "duration",
        "seed",
        "aspect_ratio",
        "resolution",
        "style",
    }
    for name in ("model", "prompt", "images", "duration", "seed", "aspect_ratio", "resolution", "style"):
        assert reply[name] == request[name]
    assert sandbox.submissions[0].body == request
    extend = vidu_submit(comfy, "extend", {**VIDU_BODIES["extend"], "duration": 3, "callback_url": "x"}).json()
    assert (extend["video_creation_id"], extend["video_url"], extend["duration"]) == ("123", "https://x/v.mp4", 3)
    assert "callback_url" not in extend
    frames = vidu_submit(comfy, "multiframe").json()
    assert frames["image_settings"] == VIDU_BODIES["multiframe"]["image_settings"]
    assert frames["start_image"] == "https://x/0.png"


def test_scripts_are_used_in_order_then_the_default(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits(
        "vidu",
        Sandbox.submit_script(states=["created", "success"], outputs=2, video=[b"one", b"two"], credits=9),
        Sandbox.submit_script(advance=0.05, progress=[3, 60, 100]),
    )
    first = vidu_submit(comfy).json()
    assert (first["state"], first["credits"]) == ("created", 9)
    timed = vidu_task(comfy)
    default = vidu_task(comfy)
    assert sandbox.pending_submit_scripts("vidu") == []
    assert [vidu_poll(comfy, first["task_id"])["state"] for _ in range(2)] == ["created", "success"]
    assert [sandbox.video("vidu", first["task_id"], i) for i in (0, 1)] == [b"one", b"two"]
    assert vidu_poll(comfy, timed)["state"] == "queueing"
    time.sleep(0.12)
    done = vidu_poll(comfy, timed)
    assert (done["state"], done["progress"]) == ("success", 100)
    assert [vidu_poll(comfy, default)["state"] for _ in range(3)] == ["queueing", "processing", "success"]


def test_scripts_are_per_provider(sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client) -> None:
    sandbox.script_submits("haiper", Sandbox.submit_script(states=["succeed"]))
    task_id = vidu_task(comfy)
    assert len(sandbox.pending_submit_scripts("haiper")) == 1
    generation_id = haiper_generation(haiper)
    assert haiper_state(haiper, generation_id) == "succeed"
    assert vidu_poll(comfy, task_id)["state"] == "queueing"


def test_script_faults_apply_to_the_created_creation(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits(
        "vidu",
        Sandbox.submit_script(
            states=["success"],
            faults=[Fault.status(503)],
            download_faults=[Fault.status(404, body=b"")],
        ),
    )
    task_id = vidu_task(comfy)
    assert comfy.get(f"/proxy/vidu/tasks/{task_id}/creations").status_code == 503
    url = vidu_poll(comfy, task_id)["creations"][0]["url"]
    assert HTTP.get(url).status_code == 404
    assert HTTP.get(url).content == sandbox.video("vidu", task_id)


# -- immediate failure -------------------------------------------------------------------------------


def test_vidu_can_fail_at_once(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["failed"], failure_code="TaskPromptPolicyViolation"))
    response = vidu_submit(comfy)
    assert response.status_code == 200
    reply = response.json()
    assert reply["state"] == "failed"
    task_id = reply["task_id"]
    assert sandbox.current_state("vidu", task_id) == "failed"
    poll = vidu_poll(comfy, task_id)
    assert (poll["state"], poll["err_code"], poll["creations"]) == ("failed", "TaskPromptPolicyViolation", [])
    assert created(sandbox)[0].creation_id == task_id


def test_haiper_failure_shows_on_the_first_poll(sandbox: Sandbox, haiper: httpx.Client) -> None:
    sandbox.script_submits("haiper", Sandbox.submit_script(states=["failed"]))
    generation_id = haiper_generation(haiper)
    assert haiper_state(haiper, generation_id) == "failed"
    assert haiper.get(f"/v1/creation/{generation_id}").status_code == 400


# -- credentials, bodies, methods --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"X-API-Key": "wrong"}, 401),
        ({"Authorization": f"Bearer {COMFY_KEY}"}, 401),
        ({"Authorization": f"Bearer {COMFY_TOKEN}"}, 200),
        ({"x-api-key": COMFY_KEY}, 200),
    ],
)
def test_vidu_submit_auth(sandbox: Sandbox, headers: dict[str, str], status: int) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["success"]))
    response = HTTP.post(sandbox.comfy_base_url + "/proxy/vidu/text2video", json={"prompt": "x"}, headers=headers)
    assert response.status_code == status
    [submission] = sandbox.submissions
    assert submission.status == status
    if status == 401:
        assert response.json() == {"error": "unauthorized", "message": "Please login first", "details": []}
        assert submission.creation_id is None
        assert len(sandbox.pending_submit_scripts("vidu")) == 1  # a rejected submit takes no script
    else:
        assert submission.creation_id == response.json()["task_id"]
        assert sandbox.pending_submit_scripts("vidu") == []


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"Authorization": "Bearer wrong"}, 401),
        ({"Authorization": HAIPER_KEY}, 401),
        ({"X-API-Key": HAIPER_KEY}, 401),
        ({"Authorization": f"bearer {HAIPER_KEY}"}, 200),
    ],
)
def test_haiper_submit_auth(sandbox: Sandbox, headers: dict[str, str], status: int) -> None:
    response = HTTP.post(sandbox.haiper_base_url + "/v1/jobs/gen2/text2video", json={"prompt": "x"}, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.json() == {"message": "Invalid API key", "code": "401", "details": []}
        assert sandbox.submissions[0].creation_id is None
        assert created(sandbox) == []
    else:
        assert created(sandbox)[0].creation_id == response.json()["value"]["generation_id"]


@pytest.mark.parametrize(
    ("endpoint", "body", "field"),
    [
        ("extend", {}, "model"),
        ("extend", {"model": None}, "model"),
        ("multiframe", {"model": "m", "start_image": "s"}, "image_settings"),
        (
            "multiframe",
            {"model": "m", "start_image": "s", "image_settings": [{"duration": 2}]},
            "image_settings[0].key_image",
        ),
        ("multiframe", {"model": "m", "start_image": "s", "image_settings": "all"}, "image_settings"),
        ("text2video", {"duration": "5"}, "duration"),
        ("text2video", {"seed": True}, "seed"),
        ("text2video", {"style": "3d"}, "style"),
        ("img2video", {"images": "https://x/1.png"}, "images"),
        ("reference2video", {"images": [1]}, "images[0]"),
        ("text2video", [{"prompt": "x"}], "body"),
    ],
)
def test_vidu_bad_bodies_are_400_naming_the_field(
    sandbox: Sandbox, comfy: httpx.Client, endpoint: str, body: Any, field: str
) -> None:
    response = vidu_submit(comfy, endpoint, body)
    assert response.status_code == 400
    error = response.json()
    assert set(error) == {"error", "message", "details"}
    assert error["error"] == "bad_request"
    assert error["details"] == [field]
    assert field in error["message"]
    assert sandbox.submissions[0].status == 400
    assert sandbox.submissions[0].body == body
    assert created(sandbox) == []


@pytest.mark.parametrize(
    ("endpoint", "body", "field"),
    [
        ("text2video", {}, "prompt"),
        ("text2video", {"prompt": 3}, "prompt"),
        ("text2video", {"prompt": "x", "gen_mode": "turbo"}, "gen_mode"),
        ("text2video", {"prompt": "x", "settings": {"duration": 4.5}}, "settings.duration"),
        ("image2video", {"prompt": "x"}, "config"),
        ("image2video", {"prompt": "x", "config": {}}, "config.source_image"),
        ("image2video", {"config": {"source_image": "https://x/1.png"}}, "prompt"),
    ],
)
def test_haiper_bad_bodies_are_400_naming_the_field(
    sandbox: Sandbox, haiper: httpx.Client, endpoint: str, body: Any, field: str
) -> None:
    response = haiper_submit(haiper, endpoint, body)
    assert response.status_code == 400
    error = response.json()
    assert error["code"] == "400"
    assert error["details"] == [field]
    assert field in error["message"]
    assert created(sandbox) == []


def test_unparseable_bodies_and_optional_fields(sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client) -> None:
    for raw in (b"", b"{not json", b"\xff\xfe", b"[" * 100_000 + b"]" * 100_000):
        response = comfy.post("/proxy/vidu/text2video", content=raw)
        assert response.status_code == 400
        assert response.json()["details"] == ["body"]
        broken = haiper.post("/v1/jobs/gen2/text2video", content=raw)
        assert (broken.status_code, broken.json()["code"]) == (400, "400")
    assert all(s.body is None and s.status == 400 for s in sandbox.submissions)
    # ViduTaskRequest requires nothing: an empty object is a valid text2video submit
    assert vidu_submit(comfy, "text2video", {}).status_code == 200
    assert vidu_submit(comfy, "text2video", {"prompt": None, "extra": True}).status_code == 200
    assert len(created(sandbox)) == 2


def test_submit_paths_take_only_post(sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client) -> None:
    for response in (comfy.get("/proxy/vidu/text2video"), haiper.get("/v1/jobs/gen2/image2video")):
        assert response.status_code == 405
        assert response.headers["allow"] == "POST"
    assert comfy.post("/proxy/vidu/text3video", json={}).status_code == 404
    assert sandbox.submissions == []
    assert sandbox.submit_path("vidu", "start-end2video") == "/comfy/proxy/vidu/start-end2video"
    assert sandbox.submit_path("haiper", "image2video") == "/haiper/v1/jobs/gen2/image2video"
    with pytest.raises(ValueError):
        sandbox.submit_path("haiper", "extend")


# -- idempotency -------------------------------------------------------------------------------------


def test_idempotent_retry_replays_the_first_reply(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["created", "success"]))
    body = {"model": "viduq1", "prompt": "a fox", "duration": 4}
    first = vidu_submit(comfy, body=body, headers={"Idempotency-Key": "k-1"})
    assert first.status_code == 200
    assert "idempotent-replayed" not in first.headers
    assert vidu_poll(comfy, first.json()["task_id"])["state"] == "created"
    # the same JSON spelled differently is the same body
    same = json.dumps({"duration": 4, "prompt": "a fox", "model": "viduq1"}, indent=2).encode()
    again = comfy.post(
        "/proxy/vidu/text2video", content=same, headers={"Idempotency-Key": "k-1", "Content-Type": "application/json"}
    )
    assert again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true"
    assert again.content == first.content  # the first reply, first state included
    assert [(s.creation_id, s.replayed, s.idempotency_key) for s in sandbox.submissions] == [
        (first.json()["task_id"], False, "k-1"),
        (first.json()["task_id"], True, "k-1"),
    ]
    assert len(created(sandbox)) == 1
    assert vidu_poll(comfy, first.json()["task_id"])["state"] == "success"  # the replay did not restart it
    other = vidu_submit(comfy, body=body, headers={"Idempotency-Key": "k-2"})
    assert other.json()["task_id"] != first.json()["task_id"]


@pytest.mark.parametrize(
    ("original", "endpoint", "body"),
    [
        ({"prompt": "a fox", "duration": 4}, "text2video", {"prompt": "a fox", "duration": 5}),
        ({"prompt": "a fox", "duration": 4}, "img2video", {"prompt": "a fox", "duration": 4}),
        ({"prompt": "a fox", "duration": 4}, "text2video", {"prompt": "a fox"}),
        ({"prompt": "a fox", "extra": 1}, "text2video", {"prompt": "a fox", "extra": True}),  # 1 is not true
    ],
)
def test_idempotency_key_reused_for_another_request_is_409(
    sandbox: Sandbox, comfy: httpx.Client, original: dict[str, Any], endpoint: str, body: dict[str, Any]
) -> None:
    assert vidu_submit(comfy, "text2video", original, headers={"Idempotency-Key": "k"}).status_code == 200
    conflict = vidu_submit(comfy, endpoint, body, headers={"Idempotency-Key": "k"})
    assert conflict.status_code == 409
    assert conflict.headers["x-comfy-error-type"] == "idempotency_mismatch"
    error = conflict.json()
    assert error["error"] == "idempotency_mismatch"
    assert error["details"] == []
    assert error["message"]
    assert len(created(sandbox)) == 1
    assert (sandbox.submissions[-1].status, sandbox.submissions[-1].creation_id) == (409, None)


def test_rejected_submits_do_not_claim_their_key(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(reject=Fault.error(429, headers={"Retry-After": "1"})))
    headers = {"Idempotency-Key": "retry-me"}
    limited = vidu_submit(comfy, headers=headers)
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "1")
    accepted = vidu_submit(comfy, headers=headers)
    assert accepted.status_code == 200
    assert "idempotent-replayed" not in accepted.headers
    replayed = vidu_submit(comfy, headers=headers)
    assert replayed.headers["idempotent-replayed"] == "true"
    assert replayed.json()["task_id"] == accepted.json()["task_id"]
    assert [s.status for s in sandbox.submissions] == [429, 200, 200]
    assert len(created(sandbox)) == 1


def test_overlong_idempotency_key_is_400(sandbox: Sandbox, comfy: httpx.Client) -> None:
    response = vidu_submit(comfy, headers={"Idempotency-Key": "k" * 256})
    assert response.status_code == 400
    assert response.json()["details"] == ["Idempotency-Key"]
    assert vidu_submit(comfy, headers={"Idempotency-Key": "k" * 255}).status_code == 200


def test_haiper_ignores_the_idempotency_key(sandbox: Sandbox, haiper: httpx.Client) -> None:
    headers = {"Idempotency-Key": "same"}
    first = haiper_submit(haiper, headers=headers)
    second = haiper_submit(haiper, headers=headers)
    third = haiper_submit(haiper, "text2video", {"prompt": "something else"}, headers=headers)
    ids = [r.json()["value"]["generation_id"] for r in (first, second, third)]
    assert len(set(ids)) == 3
    assert all("idempotent-replayed" not in r.headers for r in (first, second, third))
    assert [s.creation_id for s in created(sandbox)] == ids


def test_concurrent_retries_with_one_key_start_one_creation(sandbox: Sandbox) -> None:
    results: list[str] = []
    lock = threading.Lock()

    def submit() -> None:
        response = HTTP.post(
            sandbox.comfy_base_url + "/proxy/vidu/text2video",
            json={"prompt": "x"},
            headers={"X-API-Key": COMFY_KEY, "Idempotency-Key": "race"},
        )
        with lock:
            results.append(response.json()["task_id"])

    threads = [threading.Thread(target=submit) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6
    assert len(set(results)) == 1
    assert len(created(sandbox)) == 1
    assert sum(s.replayed for s in sandbox.submissions) == 5


# -- processing on receipt ---------------------------------------------------------------------------


def test_a_delayed_answer_still_leaves_exactly_one_generation(sandbox: Sandbox, haiper: httpx.Client) -> None:
    sandbox.add_fault("/haiper/v1/jobs/gen2/text2video", Fault.delay(5))
    headers = {"Authorization": f"Bearer {HAIPER_KEY}"}
    with httpx.Client(verify=PLAIN_HTTP, base_url=sandbox.haiper_base_url, headers=headers, timeout=0.2) as client:
        started = time.monotonic()
        with pytest.raises(httpx.ReadTimeout):
            client.post("/v1/jobs/gen2/text2video", json={"prompt": "a fox"})
        assert time.monotonic() - started < 1.0
    [submission] = sandbox.submissions  # processed on receipt, long before the 5 s delay ends
    assert submission.created
    assert submission.status == 200
    generation_id = submission.creation_id
    assert generation_id is not None
    assert haiper_state(haiper, generation_id) == "pending"
    assert sandbox.current_state("haiper", generation_id) == "pending"
    assert len(sandbox.requests_for(sandbox.submit_path("haiper", "text2video"))) == 1


def test_a_short_delay_answers_after_processing(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_fault(sandbox.submit_path("vidu", "text2video"), Fault.delay(0.3))
    outcome: dict[str, Any] = {}

    def submit() -> None:
        outcome["response"] = vidu_submit(comfy)

    thread = threading.Thread(target=submit)
    started = time.monotonic()
    thread.start()
    deadline = started + 2
    while not sandbox.submissions and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sandbox.submissions, "the submit was not recorded on receipt"
    assert time.monotonic() - started < 0.3
    assert "response" not in outcome  # recorded (and the creation made) while the answer is still held back
    task_id = sandbox.submissions[0].creation_id
    assert task_id is not None
    assert sandbox.current_state("vidu", task_id) == "queueing"
    thread.join()
    assert time.monotonic() - started >= 0.3
    assert outcome["response"].json()["task_id"] == task_id


def test_a_lost_answer_is_recovered_by_an_idempotent_retry(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_fault(sandbox.submit_path("vidu", "img2video"), Fault.reset(), Fault.truncate())
    headers = {"Idempotency-Key": "lost"}
    with pytest.raises(httpx.TransportError):
        vidu_submit(comfy, "img2video", headers=headers)
    with pytest.raises(httpx.TransportError):
        vidu_submit(comfy, "img2video", headers=headers)
    retry = vidu_submit(comfy, "img2video", headers=headers)
    assert retry.status_code == 200
    assert retry.headers["idempotent-replayed"] == "true"
    [first] = created(sandbox)
    assert first.creation_id == retry.json()["task_id"]
    assert [s.replayed for s in sandbox.submissions] == [False, True, True]


def test_a_hang_after_receipt_still_creates(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("haiper", "image2video"), Fault.hang())
    headers = {"Authorization": f"Bearer {HAIPER_KEY}"}
    with pytest.raises(httpx.ReadTimeout):
        HTTP.post(
            sandbox.haiper_base_url + "/v1/jobs/gen2/image2video",
            json=HAIPER_BODIES["image2video"],
            headers=headers,
            timeout=0.2,
        )
    assert len(created(sandbox)) == 1


def test_a_state_fault_changes_only_the_reply(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.add_fault(sandbox.submit_path("vidu", "text2video"), Fault.state("scheduled"))
    reply = vidu_submit(comfy, headers={"Idempotency-Key": "s"}).json()
    assert reply["state"] == "scheduled"
    assert vidu_poll(comfy, reply["task_id"])["state"] == "queueing"
    replay = vidu_submit(comfy, headers={"Idempotency-Key": "s"})
    assert replay.headers["idempotent-replayed"] == "true"
    assert (replay.json()["task_id"], replay.json()["state"]) == (reply["task_id"], "queueing")  # the true reply


def test_answering_path_faults_create_nothing(sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client) -> None:
    sandbox.add_fault(sandbox.submit_path("vidu", "text2video"), Fault.status(503, headers={"Retry-After": "2"}))
    sandbox.add_fault(sandbox.submit_path("haiper", "text2video"), Fault.error(400, error_code="VB-100011"))
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["failed"]))
    unavailable = vidu_submit(comfy, headers={"Idempotency-Key": "k"})
    assert (unavailable.status_code, unavailable.headers["retry-after"]) == (503, "2")
    busy = haiper_submit(haiper)
    assert busy.status_code == 400
    assert busy.json() == {"message": "Bad Request", "code": "VB-100011", "details": []}
    assert [(s.provider, s.status, s.creation_id) for s in sandbox.submissions] == [
        ("vidu", 503, None),
        ("haiper", 400, None),
    ]
    assert len(sandbox.pending_submit_scripts("vidu")) == 1  # the script waits for a submit that gets through
    retry = vidu_submit(comfy, headers={"Idempotency-Key": "k"})
    assert retry.json()["state"] == "failed"
    assert "idempotent-replayed" not in retry.headers


# -- reject scripts ----------------------------------------------------------------------------------


def test_reject_scripts_answer_errors_in_the_provider_shape(
    sandbox: Sandbox, comfy: httpx.Client, haiper: httpx.Client
) -> None:
    sandbox.script_submits(
        "vidu",
        Sandbox.submit_script(reject=402),
        Sandbox.submit_script(reject=Fault.error(429, headers={"Retry-After": "3"})),
        Sandbox.submit_script(reject=Fault.status(500)),
    )
    sandbox.script_submits(
        "haiper",
        Sandbox.submit_script(
            reject=Fault.error(400, error_code="VB-100017", message="The content may violate our usage policy")
        ),
    )
    payment = vidu_submit(comfy)
    assert payment.status_code == 402
    assert payment.json() == {"error": "payment_required", "message": "Payment Required", "details": []}
    limited = vidu_submit(comfy)
    assert (limited.status_code, limited.headers["retry-after"]) == (429, "3")
    assert limited.json()["error"] == "too_many_requests"
    assert vidu_submit(comfy).status_code == 500
    policy = haiper_submit(haiper)
    assert policy.status_code == 400
    assert policy.json() == {
        "message": "The content may violate our usage policy",
        "code": "VB-100017",
        "details": [],
    }
    assert created(sandbox) == []
    assert [s.status for s in sandbox.submissions] == [402, 429, 500, 400]
    assert vidu_submit(comfy).status_code == 200  # scripts used up: the default lifecycle
    assert haiper_submit(haiper).status_code == 200
    assert len(created(sandbox)) == 2


def test_reject_by_reset_processes_nothing(sandbox: Sandbox, comfy: httpx.Client) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(reject=Fault.reset()))
    with pytest.raises(httpx.TransportError):
        vidu_submit(comfy, headers={"Idempotency-Key": "k"})
    [dropped] = sandbox.submissions
    assert (dropped.status, dropped.creation_id) == (None, None)
    retry = vidu_submit(comfy, headers={"Idempotency-Key": "k"})
    assert retry.status_code == 200
    assert "idempotent-replayed" not in retry.headers  # the first attempt never claimed the key
    assert len(created(sandbox)) == 1


def test_submit_script_validation(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="states"):
        Sandbox.submit_script(states=[])
    with pytest.raises(ValueError, match="reject"):
        Sandbox.submit_script(reject=Fault.delay(1))
    with pytest.raises(ValueError, match="reject"):
        Sandbox.submit_script(reject=Fault.reset(mid_response=True))
    with pytest.raises(ValueError, match="one script"):
        Sandbox.submit_script(reject=Fault.status(429, times=2))
    with pytest.raises(ValueError, match="advance"):
        Sandbox.submit_script(advance=0)
    with pytest.raises(ValueError, match="video"):
        Sandbox.submit_script(outputs=2, video=[b"one"])
    with pytest.raises(ValueError, match="progress"):
        sandbox.script_submits("vidu", Sandbox.submit_script(progress=[0, 100]))  # the default has 3 states
    with pytest.raises(ValueError, match="provider"):
        sandbox.script_submits("acme", Sandbox.submit_script())
    assert sandbox.pending_submit_scripts("vidu") == []
    script = Sandbox.submit_script(video=memoryview(b"abc"), reject=503)
    assert script.video == b"abc"
    assert script.reject == Fault.error(503)
    assert repr(Fault.error(400, error_code="VB-100017")) == "Fault.error(400, error_code='VB-100017')"


def test_submitted_creations_show_in_repr_and_survive_clear_requests(sandbox: Sandbox, comfy: httpx.Client) -> None:
    task_id = vidu_task(comfy)
    assert "creations=1 submissions=1" in repr(sandbox)
    sandbox.clear_requests()
    assert sandbox.requests == []
    assert [s.creation_id for s in sandbox.submissions] == [task_id]
    assert datetime.fromtimestamp(sandbox.submissions[0].request.time, UTC).year >= 2024
