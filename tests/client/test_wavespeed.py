"""WaveSpeed FlashVSR (behind Comfy's proxy) against the sandbox: the submit's fields (duration required: the
input's length), every state word, ComfyUI's code == 200 and null-data rules, and what it refuses."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _wavespeed
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from genvideo.testing._media import sample_video
from tests.client.test_mp4 import _movie
from tests.support.clients import make_async_client, make_client

VIDEO_URL = "https://v.example/input.mp4"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create("wavespeed", **{"prompt": None, "video": VIDEO_URL, "duration": 5, **arguments})


def test_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = _create(client, duration=12, resolution="4K")
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "out.mp4")
    (submission,) = sandbox.submissions
    assert submission.body == {"video": VIDEO_URL, "duration": 12, "target_resolution": "4k"}
    assert submission.idempotency_key
    assert (ref.provider, ref.id, ref.scope) == ("wavespeed", submission.creation_id, ())
    assert (_P, "processing") in seen
    assert (creation.state, creation.raw_state, creation.progress) == (_S, "completed", None)
    assert creation.created_at is not None
    assert path.read_bytes() == sandbox.video("wavespeed", ref.id)


@pytest.mark.parametrize(("resolution", "sent"), [(720, "720p"), ("1080P", "1080p"), ("2k", "2k"), (None, None)])
def test_resolution_is_target_resolution(sandbox: Sandbox, resolution: object, sent: str | None) -> None:
    with make_client(sandbox) as client:
        _create(client, resolution=resolution)
    assert sandbox.submissions[0].body.get("target_resolution") == sent


def test_async_create_and_wait(sandbox: Sandbox) -> None:
    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox) as client:
            ref = await client.create("wavespeed", prompt=None, video=VIDEO_URL, duration=3)
            return await client.wait(ref, poll_interval=0.01)

    assert asyncio.run(main()).state is _S


@pytest.mark.parametrize(
    ("word", "state"), [("created", _Q), ("processing", _P), ("completed", _S), ("failed", _F), ("paused", _U)]
)
def test_every_state_word(word: str, state: CreationState) -> None:
    ref = CreationRef("wavespeed", "p")
    body = {"code": 200, "data": {"id": "p", "status": word, "outputs": ["https://r"] if state is _S else []}}
    creation = _wavespeed.to_creation(ref, body)
    assert (creation.state, creation.raw_state) == (state, word)
    assert [o.url for o in creation.outputs] == (["https://r"] if state is _S else [])


def test_the_registry_maps_every_documented_word() -> None:
    assert set(registry().providers["wavespeed"].states) == {"created", "processing", "completed", "failed"}


def test_null_data_is_failed_as_comfyui_reads_it() -> None:
    creation = _wavespeed.to_creation(CreationRef("wavespeed", "p"), {"code": 404, "message": "gone", "data": None})
    assert (creation.state, creation.raw_state, creation.error_code, creation.error_message) == (
        _F,
        None,
        "404",
        "gone",
    )


def test_completed_without_code_200_is_failed() -> None:
    body = {"code": 500, "message": "upstream", "data": {"id": "p", "status": "completed", "outputs": ["https://r"]}}
    creation = _wavespeed.to_creation(CreationRef("wavespeed", "p"), body)
    assert (creation.state, creation.raw_state, creation.outputs) == (_F, "completed", ())
    assert (creation.error_code, creation.error_message) == ("500", "upstream")


def test_a_failure_keeps_the_error(sandbox: Sandbox) -> None:
    sandbox.add_creation("wavespeed", "pred-f", states=["processing", "failed"], failure_code="video unreadable")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("wavespeed:pred-f", poll_interval=0.01)
    assert (info.value.creation.raw_state, info.value.creation.error_message) == ("failed", "video unreadable")


def test_another_predictions_reply_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="but the reply is for"):
        _wavespeed.to_creation(CreationRef("wavespeed", "p"), {"code": 200, "data": {"id": "q", "status": "created"}})


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"code": 400, "message": "bad video", "data": None}, "refused (code '400': 'bad video')"),
        ({"code": 200, "data": {"status": "created"}}, "no usable data.id"),
        ({"code": 200, "data": "x"}, "not an object"),
    ],
)
def test_a_submit_reply_without_a_prediction_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError) as info:
        _wavespeed.submitted(body)
    assert says in str(info.value)


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"video": None}, "video", "pass video="),
        ({"duration": None}, "duration", "the input video's length in seconds"),
        ({"duration": 0}, "duration", "above 0"),
        ({"prompt": "sharper"}, "prompt", "no prompt"),
        ({"image": "https://i.example/a.png"}, "image", "no image"),
        ({"negative_prompt": "blur"}, "negative_prompt", "no negative_prompt"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio", "no aspect_ratio"),
        ({"seed": 1}, "seed", "no seed"),
        ({"model": "flashvsr-2"}, "model", "no model"),
        ({"resolution": "8k"}, "resolution", "720p, 1080p, 2k or 4k"),
        ({"target_resolution": "4k", "resolution": "2k"}, "resolution", "given twice"),
        ({"colour": "red"}, "colour", "colour"),
    ],
)
def test_refusals_name_the_argument_before_any_request(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        _create(client, **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.requests == []


# -- duration read from the video ------------------------------------------------------------------------


@pytest.mark.parametrize("as_path", [True, False])
def test_a_local_mp4s_duration_is_read_from_its_boxes(sandbox: Sandbox, tmp_path: Path, as_path: bool) -> None:
    data = _movie(scale=30000, length=375375, frames=375) + bytes(5000)  # 12.5125 s at 29.97 fps
    path = tmp_path / "in.mp4"
    path.write_bytes(data)
    with make_client(sandbox) as client:
        client.create("wavespeed", prompt=None, video=path if as_path else data)
    body = sandbox.submissions[0].body
    assert body["duration"] == 12.512  # mvhd: 12512 at timescale 1000
    assert body["video"].startswith(f"{sandbox.base_url}/storage/")


def test_the_sample_duration_async(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with make_async_client(sandbox) as client:
            await client.create("wavespeed", prompt=None, video=sample_video())

    asyncio.run(main())
    assert sandbox.submissions[0].body["duration"] == 2.0


def test_a_given_duration_wins_and_the_boxes_are_not_read(sandbox: Sandbox) -> None:
    no_moov = b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00" + bytes(64)  # an MP4 the box reader refuses
    with make_client(sandbox) as client:
        client.create("wavespeed", prompt=None, video=no_moov, duration=7)
    assert sandbox.submissions[0].body["duration"] == 7


@pytest.mark.parametrize(
    ("video", "says"),
    [
        (VIDEO_URL, "not from a URL"),
        (b"\x1a\x45\xdf\xa3" + b"webm" + bytes(100), "video/webm, not MP4 or QuickTime"),
        (b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00" + bytes(64), "no moov"),
    ],
)
def test_an_unreadable_duration_is_asked_for_before_any_request(
    sandbox: Sandbox, video: str | bytes, says: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("wavespeed", prompt=None, video=video)
    assert info.value.option == "duration"
    assert says in str(info.value)
    assert sandbox.requests == []
