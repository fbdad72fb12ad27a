"""HitPaw's video enhancer (behind Comfy's proxy) against the sandbox: the submit's fields, the POST poll
(retried like a GET), every state word, and what it refuses."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _hitpaw
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_async_client, make_client

VIDEO_URL = "https://v.example/input.mp4"
POLL = "/comfy/proxy/hitpaw/api/task-status"
SUBMIT = "/comfy/proxy/hitpaw/api/video-enhancer"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create("hitpaw", **{"prompt": None, "video": VIDEO_URL, "resolution": "1920x1080", **arguments})


def test_create_wait_download_with_the_poll_as_a_post(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = _create(client, model="ultrahd_restore", resolution="3840 x 2160", extension=".mp4")
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "out.mp4")
    (submission,) = sandbox.submissions
    assert submission.body == {
        "video_url": VIDEO_URL,
        "model_name": "ultrahd_restore",
        "resolution": [3840, 2160],
        "extension": ".mp4",
    }
    assert submission.idempotency_key
    assert (ref.provider, ref.id, ref.scope) == ("hitpaw", submission.creation_id, ())
    assert (_Q, "WAITING") in seen
    assert (_P, "CONVERTING") in seen
    assert (creation.state, creation.raw_state, creation.progress) == (_S, "COMPLETED", None)
    assert path.read_bytes() == sandbox.video("hitpaw", ref.id)
    polls = [r for r in sandbox.requests if r.path == POLL]
    assert polls
    assert all(r.method == "POST" and json.loads(r.body) == {"job_id": ref.id} for r in polls)
    assert all(r.header("Idempotency-Key") is None for r in polls)  # a look-up, not a submit


def test_the_default_model_and_the_resolution_option(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("hitpaw", prompt="", video=VIDEO_URL, resolution="1280x720", original_resolution=[640, 360])
    assert sandbox.submissions[0].body == {
        "video_url": VIDEO_URL,
        "model_name": _hitpaw.DEFAULT_MODEL,
        "resolution": [1280, 720],
        "original_resolution": [640, 360],
    }


@pytest.mark.parametrize(
    "fault", [Fault.error(503), Fault.reset(), Fault.reset(mid_response=True), Fault.truncate()], ids=str
)
def test_a_failed_poll_post_is_retried_like_a_get(sandbox: Sandbox, fault: Fault) -> None:
    sandbox.add_creation("hitpaw", "job-1", states=["COMPLETED"], faults=[fault])
    with make_client(sandbox, max_retries=2) as client:
        creation = client.get("hitpaw:job-1")
    assert creation.state is _S
    assert len([r for r in sandbox.requests if r.path == POLL]) == 2


def test_a_failed_poll_post_is_retried_async(sandbox: Sandbox) -> None:
    sandbox.add_creation("hitpaw", "job-2", states=["COMPLETED"], faults=[Fault.reset()])

    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox, max_retries=2) as client:
            return await client.get("hitpaw:job-2")

    assert asyncio.run(main()).state is _S
    assert len([r for r in sandbox.requests if r.path == POLL]) == 2


@pytest.mark.parametrize(
    ("word", "state"),
    [("WAITING", _Q), ("CONVERTING", _P), ("COMPLETED", _S), ("ERROR", _F), ("PAUSED", _U)],
)
def test_every_state_word(word: str, state: CreationState) -> None:
    ref = CreationRef("hitpaw", "j")
    creation = _hitpaw.to_creation(ref, {"code": 200, "data": {"job_id": "j", "status": word, "res_url": "https://r"}})
    assert (creation.state, creation.raw_state) == (state, word)
    assert [o.url for o in creation.outputs] == (["https://r"] if state is _S else [])


def test_the_registry_maps_every_documented_word() -> None:
    assert set(registry().providers["hitpaw"].states) == {"waiting", "converting", "completed", "error"}


def test_a_failure_keeps_hitpaws_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("hitpaw", "job-f", states=["CONVERTING", "ERROR"], failure_code="4003")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("hitpaw:job-f", poll_interval=0.01)
    assert (info.value.creation.raw_state, info.value.creation.error_code) == ("ERROR", "4003")


def test_a_reply_without_data_is_unknown_and_another_jobs_is_refused() -> None:
    ref = CreationRef("hitpaw", "j")
    empty = _hitpaw.to_creation(ref, {"code": 500, "message": "busy"})
    assert (empty.state, empty.raw_state, empty.error_code) == (_U, None, "500")
    with pytest.raises(genvideo.ResponseValidationError, match="but the reply is for"):
        _hitpaw.to_creation(ref, {"data": {"job_id": "other", "status": "COMPLETED"}})


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"code": 400, "message": "bad video", "data": None}, "refused (code '400': 'bad video')"),
        ({"code": 200, "data": {}}, "no usable data.job_id"),
        ({"code": 200, "data": []}, "not an object"),
    ],
)
def test_a_submit_reply_without_a_job_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError, match=says.replace("(", r"\(").replace(")", r"\)")):
        _hitpaw.submitted(body)


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"video": None}, "video"),
        ({"prompt": "make it sharp"}, "prompt"),
        ({"image": "https://i.example/a.png"}, "image"),
        ({"negative_prompt": "blur"}, "negative_prompt"),
        ({"duration": 5}, "duration"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"seed": 1}, "seed"),
        ({"resolution": None}, "resolution"),
        ({"resolution": "1080p"}, "resolution"),
        ({"resolution": 1080}, "resolution"),
        ({"resolution": "0x720"}, "resolution"),
        ({"model": "no-such-model"}, "model_name"),
        ({"model": "generative", "model_name": "generative"}, "model"),
        ({"video_url": VIDEO_URL}, "video"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_refusals_name_the_argument_before_any_request(
    sandbox: Sandbox, arguments: dict[str, Any], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        _create(client, **arguments)
    assert info.value.option == option
    assert sandbox.requests == []
