"""Kling's motion control (``create("kling", video=..., image=...)``) against the sandbox: the motion-control
submit only when a video is given, its inputs as URLs (files and bytes through Comfy's storage), refs
``kling:motion-control:<id>`` polled at that path, create, wait, download (sync, async, CLI), refusals."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import ApiRequest, CommonArgs, _kling
from genvideo.testing import Fault, Sandbox
from genvideo.testing._media import sample_video
from tests.support.cli import run_cli
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE = "https://img.example/dancer.png"
VIDEO = "https://clips.example/moves.mp4?sig=abc"
KIND = "motion-control"
MOTION = "/comfy/proxy/kling/v1/videos/motion-control"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create(
        "kling",
        **{"prompt": "she dances", "video": VIDEO, "image": IMAGE, "character_orientation": "video", **arguments},
    )


def _storage_url(sandbox: Sandbox, value: object) -> bool:
    return isinstance(value, str) and value.startswith(f"{sandbox.base_url}/storage/")


# -- which submit ----------------------------------------------------------------------------------------


def test_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = _create(client, mode="pro", keep_original_sound="no", external_task_id="mine-1")
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "dance.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == KIND
    assert submission.request.path == MOTION
    assert submission.body == {
        "model_name": "kling-v2-6",
        "image_url": IMAGE,
        "video_url": VIDEO,
        "mode": "pro",
        "prompt": "she dances",
        "character_orientation": "video",
        "keep_original_sound": "no",
        "external_task_id": "mine-1",
    }
    assert submission.idempotency_key
    assert (ref.provider, ref.scope, ref.id) == ("kling", (KIND,), submission.creation_id)
    assert str(ref) == f"kling:motion-control:{ref.id}"
    polls = [r.path for r in sandbox.requests if r.method == "GET" and r.path.startswith("/comfy/proxy/")]
    assert polls == [f"{MOTION}/{ref.id}"] * 3
    assert seen == [(_Q, "submitted"), (_P, "processing"), (_S, "succeed")]
    video = creation.payload["data"]["task_result"]["videos"][0]
    assert [(o.url, o.watermarked_url) for o in creation.outputs] == [(video["url"], video["watermark_url"])]
    assert type(creation.raw).__name__ == "KlingMotionControlResponse"
    assert creation.raw.to_dict() == creation.payload
    assert path.read_bytes() == sandbox.video("kling", ref.id)
    assert sandbox.stored_files == []  # URLs go as given


def test_the_defaults_are_std_and_kling_v2_6_and_the_model_argument_is_model_name(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        _create(client, prompt=None)
        _create(client, model="kling-v3")
    first, second = (s.body for s in sandbox.submissions)
    assert (first["mode"], first["model_name"], "prompt" in first) == ("std", "kling-v2-6", False)
    assert second["model_name"] == "kling-v3"


@pytest.mark.parametrize(
    ("arguments", "kind"),
    [({"prompt": "x"}, "text2video"), ({"prompt": "x", "image": IMAGE}, "image2video")],
)
def test_without_a_video_the_motion_control_endpoint_is_never_used(
    sandbox: Sandbox, arguments: dict[str, Any], kind: str
) -> None:
    with make_client(sandbox) as client:
        ref = client.create("kling", **arguments)
    (submission,) = sandbox.submissions
    assert submission.endpoint == kind
    assert ref.scope == (kind,)
    assert not any(r.path.startswith(MOTION) for r in sandbox.requests)


def test_a_video_file_and_image_bytes_go_through_storage_async(sandbox: Sandbox, tmp_path: Path) -> None:
    data = sample_video()
    video = tmp_path / "moves.mp4"
    video.write_bytes(data)

    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create(
                "kling", prompt="she dances", video=video, image=PNG, character_orientation="image"
            )
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "out.mp4")

    creation, path = asyncio.run(main())
    (submission,) = sandbox.submissions
    assert submission.endpoint == KIND
    body = submission.body
    assert _storage_url(sandbox, body["video_url"])
    assert _storage_url(sandbox, body["image_url"])
    assert httpx.get(body["video_url"]).content == data
    assert httpx.get(body["image_url"]).content == PNG
    assert sorted(str(f.content_type) for f in sandbox.stored_files) == ["image/png", "video/mp4"]
    assert not any(put.sent_credentials for f in sandbox.stored_files for put in f.uploads)
    assert creation.ref.scope == (KIND,)
    assert (creation.state, creation.raw_state) == (_S, "succeed")
    assert path.read_bytes() == sandbox.video("kling", creation.id)


def test_cli_generate_with_a_video_file(sandbox: Sandbox, tmp_path: Path) -> None:
    data = sample_video()
    (tmp_path / "moves.mp4").write_bytes(data)
    target = tmp_path / "out.mp4"
    result = run_cli(
        *("generate", "kling", "--prompt", "she dances", "--video", str(tmp_path / "moves.mp4"), "--image", IMAGE),
        *("--option", "character_orientation=video", "--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data_out = json.loads(result.stdout)
    ref = CreationRef.parse(data_out["ref"])
    assert ref.scope == (KIND,)
    (submission,) = sandbox.submissions
    assert submission.endpoint == KIND
    assert httpx.get(submission.body["video_url"]).content == data
    assert submission.body["image_url"] == IMAGE
    assert target.read_bytes() == sandbox.video("kling", ref.id)
    waited = run_cli("wait", data_out["ref"], "--poll-interval", "0.05", env=sandbox.env())
    assert waited.returncode == 0, waited.stderr
    refused = run_cli("create", "kling", "--prompt", "x", "--video", VIDEO, "--image", IMAGE, env=sandbox.env())
    assert refused.returncode == 2
    assert "character_orientation" in refused.stderr
    assert len(sandbox.submissions) == 1


# -- refused before anything is sent (nothing uploaded either) -------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"image": None}, "image", "not 0"),
        ({"image": [IMAGE, IMAGE]}, "image", "not 2"),
        ({"character_orientation": None}, "character_orientation", "'image'"),
        ({"character_orientation": "sideways"}, "character_orientation", "'image', 'video'"),
        ({"mode": "turbo"}, "mode", "'pro', 'std'"),
        ({"keep_original_sound": True}, "keep_original_sound", "'no', 'yes'"),
        ({"model": "kling-v2-master"}, "model_name", "one of"),  # text/image-to-video's default is not one
        ({"negative_prompt": "blur"}, "negative_prompt", "no negative_prompt"),
        ({"duration": 5}, "duration", "no duration"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio", "no aspect_ratio"),
        ({"seed": 3}, "seed", "no seed"),
        ({"resolution": "1080p"}, "resolution", "no resolution"),
        ({"video_url": VIDEO}, "video_url", "video argument"),
        ({"image_url": IMAGE}, "image_url", "image argument"),
        ({"model_name": "kling-v3"}, "model_name", "model argument"),
        ({"cfg_scale": 0.5}, "cfg_scale", "not an option of KlingMotionControlRequest"),
    ],
)
def test_what_motion_control_cannot_take_is_refused_before_any_request(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], option: str, says: str
) -> None:
    video = tmp_path / "moves.mp4"
    video.write_bytes(sample_video())
    base: dict[str, Any] = {"prompt": "x", "video": video, "image": PNG, "character_orientation": "video"}
    arguments = {k: v for k, v in {**base, **arguments}.items() if v is not None}
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("kling", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.requests == []
    assert sandbox.stored_files == []


def test_character_orientation_without_a_video_is_refused(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("kling", prompt="x", image=IMAGE, character_orientation="video")
    assert info.value.option == "character_orientation"
    assert sandbox.requests == []


# -- lookups, states, failures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "state"),
    [("submitted", _Q), ("processing", _P), ("succeed", _S), ("failed", _F), ("paused", _U)],
)
def test_every_state_word_at_the_motion_control_path(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("kling", f"m-{word}", states=[word], scope=[KIND])
    with make_client(sandbox) as client:
        creation = client.get(f"kling:motion-control:m-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    (request,) = sandbox.requests
    assert request.path == f"{MOTION}/m-{word}"


def test_a_motion_control_task_is_not_found_at_another_kind_s_path(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "m1", scope=[KIND])
    sandbox.add_creation("kling", "t1")
    with make_client(sandbox) as client:
        assert client.get("kling:motion-control:m1").raw_state == "submitted"
        for ref in ("kling:text2video:m1", "kling:motion-control:t1"):
            with pytest.raises(genvideo.NotFoundError):
                client.get(ref)


def test_a_failed_task_raises_creation_failed_with_kling_reason(sandbox: Sandbox) -> None:
    reason = "The reference video has no person"
    sandbox.script_submits("kling", Sandbox.submit_script(states=["submitted", "failed"], failure_code=reason))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(_create(client), poll_interval=0.01)
    failed = info.value.creation
    assert failed.ref.scope == (KIND,)
    assert (failed.state, failed.error_message) == (_F, reason)


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("kling", KIND), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = _create(client)
    first, second = sandbox.submissions
    assert first.idempotency_key == second.idempotency_key
    assert second.replayed
    assert ref == CreationRef("kling", first.creation_id or "", (KIND,))


# -- the adapter alone -----------------------------------------------------------------------------------


def test_the_submit_flow_names_motion_control() -> None:
    common = CommonArgs(prompt="x", images=[IMAGE], video=VIDEO)
    flow = _kling.submit_flow(common, {"character_orientation": "video"}, "key")
    request = next(flow)
    assert isinstance(request, ApiRequest)
    assert request.path == "/proxy/kling/v1/videos/motion-control"
    assert request.headers["Idempotency-Key"] == "key"
    with pytest.raises(StopIteration) as done:
        flow.send({"code": 0, "data": {"task_id": "7", "task_status": "submitted"}})
    assert done.value.value == CreationRef("kling", "7", (KIND,))


def test_nulls_in_a_motion_control_reply_parse() -> None:
    ref = CreationRef("kling", "7", (KIND,))
    body = {
        "code": None,
        "message": None,
        "request_id": None,
        "data": {
            "task_id": "7",
            "task_status": "succeed",
            "task_status_msg": None,
            "task_info": None,
            "created_at": None,
            "updated_at": None,
            "task_result": {"videos": [{"id": None, "url": "https://cdn.example/v.mp4", "duration": None}]},
        },
    }
    creation = _kling.to_creation(ref, body)
    assert creation.state is _S
    assert [o.url for o in creation.outputs] == ["https://cdn.example/v.mp4"]
    assert creation.raw.to_dict() == body
