"""create() and generate() end to end against the sandbox: submits, lifecycles, retries, idempotency."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationState
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def test_vidu_create_starts_a_task_then_wait_and_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("vidu", prompt="a red fox in snow", duration=4, resolution="720p", seed=3)
        assert ref.provider == "vidu"
        assert ref.id.isdigit()
        creation = client.wait(ref, poll_interval=0.01)
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == "text2video"
    assert submission.body == {
        "model": "viduq1",
        "prompt": "a red fox in snow",
        "duration": 4,
        "resolution": "720p",
        "seed": 3,
    }
    assert submission.idempotency_key
    assert creation.state is CreationState.SUCCEEDED
    assert path.read_bytes() == sandbox.video("vidu", ref.id)


@pytest.mark.parametrize(
    ("images", "options", "endpoint"),
    [
        ([PNG], {}, "img2video"),
        (["https://img.example/a.png", "https://img.example/b.png"], {}, "reference2video"),
        (["https://img.example/a.png", "https://img.example/b.png"], {"mode": "start-end2video"}, "start-end2video"),
        ([], {"mode": "extend", "model": "viduq2-pro", "video_creation_id": "123"}, "extend"),
    ],
)
def test_vidu_modes_reach_their_endpoint(
    sandbox: Sandbox, images: list[Any], options: dict[str, Any], endpoint: str
) -> None:
    with make_client(sandbox) as client:
        ref = client.create("vidu", prompt="move", image=images or None, **options)
    (submission,) = sandbox.submissions
    assert submission.endpoint == endpoint
    assert submission.creation_id == ref.id
    if images:
        assert len(submission.body["images"]) == len(images)
        assert submission.body["images"][0].startswith(("data:image/png;base64,", "https://"))


def test_vidu_multiframe(sandbox: Sandbox) -> None:
    frames = [{"key_image": "https://img.example/1.png", "duration": 3}]
    with make_client(sandbox) as client:
        client.create(
            "vidu",
            prompt=None,
            mode="multiframe",
            model="viduq2-turbo",
            start_image="https://img.example/0.png",
            image_settings=frames,
        )
    assert sandbox.submissions[0].endpoint == "multiframe"
    assert sandbox.submissions[0].body["image_settings"] == frames


def test_haiper_create_text_and_image(sandbox: Sandbox, tmp_path: Path) -> None:
    image = tmp_path / "start.png"
    image.write_bytes(PNG)
    with make_client(sandbox) as client:
        text = client.create("haiper", prompt="waves", negative_prompt="people", duration=4, aspect_ratio="16:9")
        moving = client.create("haiper", prompt="waves", image=image, resolution=720)
        assert client.wait(text, poll_interval=0.01).state is CreationState.SUCCEEDED
    first, second = sandbox.submissions
    assert (first.endpoint, second.endpoint) == ("text2video", "image2video")
    assert first.body["is_public"] is False
    assert first.body["settings"] == {"duration": 4, "aspect_ratio": "16:9"}
    assert second.body["config"]["source_image"].startswith("data:image/png;base64,")
    assert second.body["settings"] == {"resolution": 720}
    assert {text.id, moving.id} == {first.creation_id, second.creation_id}


def test_a_task_refused_at_submit_raises_creation_failed(sandbox: Sandbox) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["failed"], failure_code="AuditSubmitIllegal"))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        client.create("vidu", prompt="something forbidden")
    assert info.value.creation.state is CreationState.FAILED
    assert info.value.creation.id == sandbox.submissions[0].creation_id


def test_submit_errors_are_typed_and_not_retried(sandbox: Sandbox) -> None:
    sandbox.script_submits("haiper", Sandbox.submit_script(reject=Fault.error(400, error_code="VB-100017")))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("haiper", prompt="x")
    assert info.value.status_code == 400
    assert info.value.error_code == "VB-100017"
    assert len(sandbox.submissions) == 1


def test_haiper_timeout_after_the_post_arrived_is_not_retried(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("haiper", "text2video"), Fault.delay(3.0))
    with make_client(sandbox, timeout=0.3, max_retries=3) as client, pytest.raises(genvideo.APITimeoutError):
        client.create("haiper", prompt="costly")
    assert len(sandbox.submissions) == 1  # exactly one POST: no second (billed) generation
    assert sandbox.submissions[0].created


def test_haiper_5xx_on_submit_is_not_retried(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("haiper", "text2video"), Fault.status(503, headers={"Retry-After": "0"}))
    with make_client(sandbox) as client, pytest.raises(genvideo.ServerError):
        client.create("haiper", prompt="x")
    assert len(sandbox.requests_for(sandbox.submit_path("haiper", "text2video"))) == 1


def test_haiper_connection_refused_is_retried() -> None:
    with Sandbox() as sb:
        pass  # closed: its port refuses connections now
    client = genvideo.Client(haiper_api_key="k", haiper_base_url=sb.haiper_base_url, max_retries=2)
    with client, pytest.raises(genvideo.APIConnectionError) as info:
        client.create("haiper", prompt="x")
    assert "connection failed" in str(info.value)


def test_comfy_submit_is_retried_with_the_same_idempotency_key(sandbox: Sandbox) -> None:
    path = sandbox.submit_path("vidu", "text2video")
    sandbox.add_fault(path, Fault.delay(2.0))  # processed on receipt, answered too late
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("vidu", prompt="a fox")
    first, second = sandbox.submissions
    assert first.created
    assert second.replayed
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id  # one generation, not two


def test_each_create_call_gets_its_own_key(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        a = client.create("vidu", prompt="same")
        b = client.create("vidu", prompt="same")
    assert a != b
    keys = [s.idempotency_key for s in sandbox.submissions]
    assert len(set(keys)) == 2


def test_comfy_submit_5xx_is_retried_with_the_key(sandbox: Sandbox) -> None:
    path = sandbox.submit_path("vidu", "img2video")
    sandbox.add_fault(path, Fault.status(502, body=b"<html>bad gateway</html>", headers={"Retry-After": "0"}))
    with make_client(sandbox) as client:
        ref = client.create("vidu", prompt="x", image="https://img.example/a.png")
    assert [s.status for s in sandbox.submissions][-1] == 200
    assert sandbox.submissions[-1].creation_id == ref.id
    assert len({s.idempotency_key for s in sandbox.submissions}) == 1


def test_generate_runs_the_whole_loop(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.script_submits("haiper", Sandbox.submit_script(states=["pending", "processing", "succeed"]))
    seen: list[str | None] = []
    with make_client(sandbox) as client:
        creation = client.generate(
            "haiper",
            prompt="waves",
            poll_interval=0.01,
            on_progress=lambda c: seen.append(c.raw_state),
            download=tmp_path / "waves.mp4",
        )
    assert creation.state is CreationState.SUCCEEDED
    assert seen == ["pending", "processing", "succeed"]
    assert (tmp_path / "waves.mp4").read_bytes() == sandbox.video("haiper", creation.id)


def test_generate_raises_when_the_creation_fails(sandbox: Sandbox) -> None:
    sandbox.script_submits("vidu", Sandbox.submit_script(states=["processing", "failed"]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed):
        client.generate("vidu", prompt="x", poll_interval=0.01)


def test_async_create_and_generate(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.CreationRef, genvideo.Creation]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("vidu", prompt="fox", aspect_ratio="1:1")
            finished = await client.generate("haiper", prompt="sea", poll_interval=0.01, download=tmp_path)
            return ref, finished

    ref, finished = asyncio.run(main())
    assert ref.provider == "vidu"
    assert finished.state is CreationState.SUCCEEDED
    assert [p.name for p in tmp_path.iterdir()] == [f"haiper-{finished.id}-0.mp4"]


def test_cli_create_and_generate(sandbox: Sandbox, tmp_path: Path) -> None:
    env = {**sandbox.env()}
    base = [sys.executable, "-m", "genvideo"]
    created = subprocess.run(
        [*base, "create", "vidu", "--prompt", "a fox", "--duration", "4", "--option", "style=anime"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["ref"] == f"vidu:{sandbox.submissions[0].creation_id}"
    assert sandbox.submissions[0].body["style"] == "anime"
    target = tmp_path / "out.mp4"
    generated = subprocess.run(
        [*base, "generate", "haiper", "--prompt", "sea", "--poll-interval", "0.05", "--download", str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    assert json.loads(generated.stdout)["state"] == "succeeded"
    assert target.exists()
    bad = subprocess.run(
        [*base, "create", "vidu", "--prompt", "x", "--option", "style=cartoon"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert "style" in bad.stderr
    assert "Traceback" not in bad.stderr
