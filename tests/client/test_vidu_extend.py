"""Vidu's extend (``POST /proxy/vidu/extend``) through ``create("vidu", video=...)`` against the sandbox: the
video as ``video_url`` (a file or bytes through Comfy's storage), a Vidu creation as ``video_creation_id``,
refusals before any request, the CLI, and the other modes left as they were."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _vidu
from genvideo.testing import Sandbox
from genvideo.testing._media import sample_video
from tests.support.cli import run_cli
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
VIDEO_URL = "https://v.example/clips/input.mp4"
END_FRAME = "https://img.example/end.png"
EXTEND = "extend"


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "in.mp4"
    path.write_bytes(sample_video())
    return path


def test_a_video_is_extended_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("vidu", prompt="the fox keeps running", video=VIDEO_URL)
        assert (ref.provider, ref.scope) == ("vidu", ())
        creation = client.wait(ref, poll_interval=0.01)
        path = client.download(creation, tmp_path / "longer.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == EXTEND
    assert submission.request.path == "/comfy/proxy/vidu/extend"
    assert submission.body == {"prompt": "the fox keeps running", "video_url": VIDEO_URL, "model": "viduq2-pro"}
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    polls = {r.path for r in sandbox.requests if r.method == "GET" and r.path.startswith("/comfy/")}
    assert polls == {f"/comfy/proxy/vidu/tasks/{ref.id}/creations"}
    assert creation.state is CreationState.SUCCEEDED
    assert path.read_bytes() == sandbox.video("vidu", ref.id)


def test_an_extend_takes_its_fields(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create(
            "vidu",
            prompt="on",
            video=VIDEO_URL,
            image=END_FRAME,
            duration=7,
            resolution=1080,
            model="viduq2-turbo",
            payload="tag-1",
        )
    (submission,) = sandbox.submissions
    assert submission.body == {
        "prompt": "on",
        "images": [END_FRAME],
        "duration": 7,
        "resolution": "1080p",
        "model": "viduq2-turbo",
        "video_url": VIDEO_URL,
        "payload": "tag-1",
    }


def test_a_vidu_creation_is_named_by_video_creation_id(sandbox: Sandbox) -> None:
    """video_creation_id alone picks the extend (no mode needed); with video= both are sent."""
    with make_client(sandbox) as client:
        client.create("vidu", prompt="on", video_creation_id="902581991298326529")
        client.create("vidu", prompt="on", video=VIDEO_URL, video_creation_id="902581991298326529")
    first, second = sandbox.submissions
    assert (first.endpoint, second.endpoint) == (EXTEND, EXTEND)
    assert first.body == {"prompt": "on", "model": "viduq2-pro", "video_creation_id": "902581991298326529"}
    assert second.body["video_url"] == VIDEO_URL
    assert second.body["video_creation_id"] == "902581991298326529"


def test_without_a_video_the_modes_are_as_before(sandbox: Sandbox) -> None:
    """No video: text2video, img2video with the image sent as a data: URI (nothing stored)."""
    with make_client(sandbox) as client:
        client.create("vidu", prompt="a fox")
        client.create("vidu", prompt="a fox", image=PNG)
    first, second = sandbox.submissions
    assert (first.endpoint, second.endpoint) == ("text2video", "img2video")
    assert first.body["model"] == second.body["model"] == "viduq1"
    assert second.body["images"][0].startswith("data:image/png;base64,")
    assert sandbox.stored_files == []


def test_a_video_file_and_an_end_frame_go_through_storage_async(sandbox: Sandbox, tmp_path: Path) -> None:
    source = _source(tmp_path)

    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox) as client:
            ref = await client.create("vidu", prompt="on", video=source, image=PNG)
            return await client.wait(ref, poll_interval=0.01)

    creation = asyncio.run(main())
    (submission,) = sandbox.submissions
    assert submission.endpoint == EXTEND
    assert sorted(f.content or b"" for f in sandbox.stored_files) == sorted([sample_video(), PNG])
    assert httpx.get(submission.body["video_url"]).content == sample_video()
    assert httpx.get(submission.body["images"][0]).content == PNG
    assert creation.state is CreationState.SUCCEEDED


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"aspect_ratio": "16:9"}, "aspect_ratio", "takes no aspect ratio"),
        ({"seed": 3}, "seed", "takes no seed"),
        ({"negative_prompt": "rain"}, "negative_prompt", "no negative prompt"),
        ({"image": [END_FRAME, END_FRAME]}, "image", "one end-frame image"),
        ({"duration": 0}, "duration", "1 to 7"),
        ({"duration": 8}, "duration", "1 to 7"),
        ({"duration": True}, "duration", "1 to 7"),
        ({"mode": "text2video"}, "video", "only (mode extend)"),
        ({"video_url": VIDEO_URL}, "video", "given twice"),
        ({"movement_amplitude": "small"}, "movement_amplitude", "not an option of ViduExtendRequest"),
    ],
)
def test_what_an_extend_cannot_take_is_refused_before_any_request(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], option: str, says: str
) -> None:
    source = _source(tmp_path)  # a file: nothing may be uploaded before the refusal either
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("vidu", **{"prompt": "on", "video": source, **arguments})
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.requests == []


def test_an_extend_without_a_video_is_refused_naming_it(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("vidu", prompt="on", mode="extend")
    assert info.value.option == "video"
    assert "video_creation_id" in str(info.value)
    assert sandbox.requests == []


def test_cli_generate_with_a_video_file(sandbox: Sandbox, tmp_path: Path) -> None:
    source = _source(tmp_path)
    target = tmp_path / "out.mp4"
    result = run_cli(
        *("generate", "vidu", "--prompt", "on", "--video", str(source), "--duration", "4"),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["state"] == "succeeded"
    (submission,) = sandbox.submissions
    assert submission.endpoint == EXTEND
    assert submission.body["duration"] == 4
    assert CreationRef.parse(data["ref"]).id == submission.creation_id
    assert target.read_bytes() == sandbox.video("vidu", submission.creation_id)


def test_a_submit_reply_with_null_style_and_movement_amplitude_parses() -> None:
    """Patch 310: the generated ViduTaskReply's style and movement_amplitude are open nullable strings."""
    body = {"task_id": "1", "state": "failed", "credits": 0, "style": None, "movement_amplitude": None}
    with pytest.raises(genvideo.CreationFailed) as info:
        _vidu.submitted(body)
    raw = info.value.creation.raw
    assert (raw.style, raw.movement_amplitude) == (None, None)
    unknown = _vidu._parse_submit_raw({**body, "style": "cinematic", "movement_amplitude": "huge"})
    assert (unknown.style, unknown.movement_amplitude) == ("cinematic", "huge")
