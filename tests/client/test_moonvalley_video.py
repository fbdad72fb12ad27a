"""Moonvalley's video-to-video (``create("moonvalley", video=...)``) against the sandbox: its submit only when a
video is given, the video by URL (files and bytes through Comfy's storage, an image still through Moonvalley's
own upload), create, wait, download (sync, async, CLI), refusals before any request or upload."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo.testing import Sandbox
from genvideo.testing._media import sample_video
from tests.support.cli import run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
VIDEO = "https://clips.example/reference.mp4?sig=abc"
PROMPTS = "/comfy/proxy/moonvalley/prompts"
UPLOAD = "/comfy/proxy/moonvalley/uploads"


def _video_file(tmp_path: Path) -> tuple[Path, bytes]:
    data = sample_video()
    path = tmp_path / "reference.mp4"
    path.write_bytes(data)
    return path, data


def test_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("moonvalley", prompt="a fox dances", video=VIDEO)
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == "video"
    assert submission.request.path == f"{PROMPTS}/video-to-video"
    assert submission.body == {"prompt_text": "a fox dances", "video_url": VIDEO, "control_type": "motion_control"}
    assert submission.idempotency_key
    assert ref == CreationRef("moonvalley", submission.creation_id or "")
    polls = [r.path for r in sandbox.requests if r.method == "GET" and r.path.startswith(PROMPTS)]
    assert polls == [f"{PROMPTS}/{ref.id}"] * 3
    assert [s for s, _ in seen] == [CreationState.QUEUED, CreationState.UNKNOWN, CreationState.SUCCEEDED]
    assert creation.outputs[0].url == creation.payload["output_url"]
    assert path.read_bytes() == sandbox.video("moonvalley", ref.id)
    assert sandbox.stored_files == []
    assert sandbox.requests_for(UPLOAD) == []


def test_the_options_and_arguments_of_video_to_video(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create(
            "moonvalley",
            prompt="a fox",
            video=VIDEO,
            image="https://img.example/fox.png",
            negative_prompt="blur",
            seed=9,
            control_type="pose_control",
            inference_params={"steps": 33, "control_params": {"motion_intensity": 40}},
            webhook_url="https://hooks.example/done",
        )
    (submission,) = sandbox.submissions
    assert submission.endpoint == "video"
    assert submission.body == {
        "prompt_text": "a fox",
        "video_url": VIDEO,
        "control_type": "pose_control",
        "image_url": "https://img.example/fox.png",
        "inference_params": {
            "steps": 33,
            "control_params": {"motion_intensity": 40},
            "seed": 9,
            "negative_prompt": "blur",
        },
        "webhook_url": "https://hooks.example/done",
    }


@pytest.mark.parametrize(("arguments", "endpoint"), [({}, "text"), ({"image": "https://img.example/a.png"}, "image")])
def test_without_a_video_the_video_to_video_endpoint_is_never_used(
    sandbox: Sandbox, arguments: dict[str, Any], endpoint: str
) -> None:
    with make_client(sandbox) as client:
        client.create("moonvalley", prompt="a fox", **arguments)
    (submission,) = sandbox.submissions
    assert submission.endpoint == endpoint
    assert sandbox.requests_for(f"{PROMPTS}/video-to-video") == []


def test_a_video_file_goes_to_comfy_storage_and_image_bytes_to_moonvalley_async(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path, data = _video_file(tmp_path)

    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("moonvalley", prompt="a fox", video=path, image=PNG)
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "out.mp4")

    creation, out = asyncio.run(main())
    (submission,) = sandbox.submissions
    assert submission.endpoint == "video"
    (stored,) = sandbox.stored_files  # the video only: the image went to Moonvalley's own upload
    assert (stored.content, stored.content_type) == (data, "video/mp4")
    assert not any(put.sent_credentials for put in stored.uploads)
    assert httpx.get(submission.body["video_url"]).content == data
    (upload,) = sandbox.requests_for(UPLOAD)
    assert PNG in upload.body
    assert submission.body["image_url"].startswith("https://uploads.moonvalley.sandbox.invalid/")
    assert creation.state is CreationState.SUCCEEDED
    assert out.read_bytes() == sandbox.video("moonvalley", creation.id)


def test_video_bytes_go_to_comfy_storage(sandbox: Sandbox) -> None:
    data = sample_video()
    with make_client(sandbox) as client:
        client.create("moonvalley", prompt="a fox", video=data)
    (submission,) = sandbox.submissions
    (stored,) = sandbox.stored_files
    assert stored.content == data
    assert httpx.get(submission.body["video_url"]).content == data
    assert sandbox.requests_for(UPLOAD) == []


def test_cli_generate_with_a_video_file(sandbox: Sandbox, tmp_path: Path) -> None:
    path, data = _video_file(tmp_path)
    target = tmp_path / "out.mp4"
    result = run_cli(
        *("generate", "moonvalley", "--prompt", "a fox", "--video", str(path)),
        *("--option", "control_type=pose_control", "--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    ref = CreationRef.parse(json.loads(result.stdout)["ref"])
    (submission,) = sandbox.submissions
    assert (submission.endpoint, submission.body["control_type"]) == ("video", "pose_control")
    assert httpx.get(submission.body["video_url"]).content == data
    assert target.read_bytes() == sandbox.video("moonvalley", ref.id)
    refused = run_cli(
        "create", "moonvalley", "--prompt", "x", "--video", str(path), "--aspect-ratio", "16:9", env=sandbox.env()
    )
    assert refused.returncode == 2
    assert "aspect_ratio" in refused.stderr
    assert len(sandbox.submissions) == 1


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"control_type": "canny_control"}, "control_type"),  # ComfyUI maps it, the spec's enum does not list it
        ({"control_type": 3}, "control_type"),
        ({"video_url": VIDEO}, "video_url"),
        ({"inference_params": {"width": 1920}}, "inference_params.width"),  # no size in video-to-video
        ({"inference_params": {"control_params": 5}}, "inference_params.control_params"),
        ({"prompt": ""}, "prompt"),
        ({"duration": 5}, "duration"),
        ({"model": "marey"}, "model"),
        ({"image": [PNG, PNG]}, "image"),
        ({"unknown_option": 1}, "unknown_option"),
    ],
)
def test_bad_arguments_are_refused_before_any_request_or_upload(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], option: str
) -> None:
    path, _ = _video_file(tmp_path)
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("moonvalley", **{"prompt": "a fox", "video": path, "image": PNG, **arguments})
    assert info.value.option == option or option in str(info.value)
    assert sandbox.requests == []
    assert sandbox.stored_files == []


def test_control_type_without_a_video_is_refused(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("moonvalley", prompt="a fox", control_type="motion_control")
    assert info.value.option == "control_type"
    assert sandbox.requests == []


def test_the_fake_checks_a_video_to_video_body_against_its_schema(sandbox: Sandbox) -> None:
    url = f"{sandbox.base_url}{PROMPTS}/video-to-video"
    headers = {"X-API-Key": COMFY_KEY}
    missing = httpx.post(url, json={"prompt_text": "a fox", "video_url": VIDEO}, headers=headers)
    unlisted = httpx.post(
        url, json={"prompt_text": "a fox", "video_url": VIDEO, "control_type": "depth_control"}, headers=headers
    )
    accepted = httpx.post(
        url, json={"prompt_text": "a fox", "video_url": VIDEO, "control_type": "motion_control"}, headers=headers
    )
    assert (missing.status_code, unlisted.status_code, accepted.status_code) == (400, 400, 201)
    assert accepted.json()["status"] == "queued"
    assert [s.endpoint for s in sandbox.submissions if s.created] == ["video"]
