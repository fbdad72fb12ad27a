"""LTX (behind Comfy's proxy) end to end against the sandbox: a synchronous provider. generate() is one POST
whose reply is the video, streamed to a temporary file and moved into place by download; field mappings,
refusals, no retry of the billed POST, the long request, what is left on failure, and the CLI."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationState, _constants
from genvideo.testing import Fault, Sandbox
from genvideo.testing._media import fake_video
from tests.support.cli import run_cli
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE_URL = "https://img.example/first-frame.png"
TEXT = "/comfy/proxy/ltx/v1/text-to-video"


@pytest.fixture
def replies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where video replies are streamed to in this test (the system's temporary directory, redirected)."""
    folder = tmp_path / "replies"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _only_submission(sandbox: Sandbox) -> tuple[str, object, str]:
    (submission,) = sandbox.submissions
    assert submission.creation_id is not None
    return submission.endpoint, submission.body, submission.creation_id


# -- generate ------------------------------------------------------------------------------------------


def test_text_to_video_is_one_post_whose_reply_is_the_video(sandbox: Sandbox, tmp_path: Path, replies: Path) -> None:
    seen: list[genvideo.Creation] = []
    with make_client(sandbox) as client:
        creation = client.generate(
            "ltx", prompt="a red fox in snow", duration=8, resolution="4k", fps=50, on_progress=seen.append
        )
        (output,) = creation.outputs
        assert output.path is not None
        assert output.path.parent.parent == replies
        assert output.url == output.path.as_uri()
        path = client.download(creation, tmp_path / "fox.mp4")
    endpoint, body, recorded = _only_submission(sandbox)
    assert endpoint == "text-to-video"
    assert body == {
        "prompt": "a red fox in snow",
        "model": "ltx-2-fast",
        "duration": 8,
        "resolution": "3840x2160",
        "fps": 50,
    }
    assert [r.method for r in sandbox.requests] == ["POST"]  # no poll, no CDN
    assert sandbox.submissions[0].idempotency_key  # sent as ComfyUI does (patch 230), never relied upon
    assert seen == [creation]
    assert (creation.state, creation.raw_state, creation.progress) == (CreationState.SUCCEEDED, None, None)
    assert (creation.error_code, creation.error_message, creation.raw) == (None, None, None)
    assert creation.payload == {"content_type": "video/mp4", "size": len(path.read_bytes())}
    assert creation.ref.provider == "ltx"
    assert len(creation.ref.id) == 32
    assert path.read_bytes() == sandbox.video("ltx", recorded)
    assert list(replies.iterdir()) == []  # moved, its temporary folder removed


def test_image_to_video_sends_the_image_inline(sandbox: Sandbox, tmp_path: Path, replies: Path) -> None:
    with make_client(sandbox) as client:
        client.generate("ltx", prompt="wake up", image=IMAGE_URL, model="ltx-2-pro", download=tmp_path / "a.mp4")
        client.generate("ltx", prompt="wake up", image=PNG, generate_audio=False, resolution=1440)
    first, second = sandbox.submissions
    assert (first.endpoint, first.body["image_uri"], first.body["model"]) == ("image-to-video", IMAGE_URL, "ltx-2-pro")
    assert second.body["image_uri"].startswith("data:image/png;base64,")
    assert (second.body["generate_audio"], second.body["resolution"]) == (False, "2560x1440")
    assert sandbox.stored_files == []  # LTX takes data: URIs: nothing goes through Comfy's storage
    assert (tmp_path / "a.mp4").read_bytes() == sandbox.video("ltx", first.creation_id or "")


def test_async_generate_and_download(sandbox: Sandbox, tmp_path: Path, replies: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            await client.generate("ltx", prompt="a fox", download=tmp_path / "direct.mp4")
            again = await client.generate("ltx", prompt="a fox")
            return again, await client.download(again, tmp_path)

    creation, path = asyncio.run(main())
    first, second = sandbox.submissions
    assert (tmp_path / "direct.mp4").read_bytes() == sandbox.video("ltx", first.creation_id or "")
    assert path == tmp_path / f"ltx-{creation.id}-0.mp4"  # a folder: named like any download
    assert path.read_bytes() == sandbox.video("ltx", second.creation_id or "")
    assert list(replies.iterdir()) == []


def test_a_large_reply_is_streamed_to_disk_not_held_in_memory(sandbox: Sandbox, replies: Path) -> None:
    """32 MiB of video arrive with well under 16 MiB allocated (the sandbox's own sending included): the
    client writes each chunk as it comes, and never holds the body."""
    video = fake_video("large", 32 * 1024 * 1024)
    sandbox.script_submits("ltx", Sandbox.submit_script(video=video))
    with make_client(sandbox) as client:
        tracemalloc.start()
        try:
            creation = client.generate("ltx", prompt="a long fox")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert creation.outputs[0].path is not None
    assert creation.outputs[0].path.read_bytes() == video
    assert peak < 16 * 1024 * 1024


def test_a_file_output_is_moved_once(sandbox: Sandbox, tmp_path: Path, replies: Path) -> None:
    with make_client(sandbox) as client:
        creation = client.generate("ltx", prompt="a fox")
        client.download(creation, tmp_path / "one.mp4")
        with pytest.raises(genvideo.DownloadError, match="moved by its first download"):
            client.download(creation, tmp_path / "two.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.mp4", "replies"]


def test_a_move_across_file_systems_copies_then_renames(sandbox: Sandbox, replies: Path) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == replies.stat().st_dev:
        pytest.skip("needs /dev/shm on another file system than the temporary directory")
    with make_client(sandbox) as client:
        creation = client.generate("ltx", prompt="a fox")
        target = Path(tempfile.mkdtemp(dir=shm))
        try:
            path = client.download(creation, target / "v.mp4")
            assert path.read_bytes() == sandbox.video("ltx", sandbox.submissions[0].creation_id or "")
            assert [p.name for p in target.iterdir()] == ["v.mp4"]  # no temporary file left beside it
        finally:
            for item in target.iterdir():
                item.unlink()
            target.rmdir()
    assert list(replies.iterdir()) == []


def test_the_output_repr_shows_the_file_not_a_url(sandbox: Sandbox, replies: Path) -> None:
    with make_client(sandbox) as client:
        creation = client.generate("ltx", prompt="a fox")
    text = repr(creation.outputs[0])
    assert "kind='file'" in text
    assert str(creation.outputs[0].path) in text
    assert creation.outputs[0].kind == "file"
    assert creation.to_dict()["outputs"][0]["url"].startswith("file://")


# -- refusals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"seed": 1}, "seed"),
        ({"negative_prompt": "blur"}, "negative_prompt"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"duration": 5}, "duration"),
        ({"duration": True}, "duration"),
        ({"resolution": "720p"}, "resolution"),
        ({"resolution": 1.5}, "resolution"),
        ({"image": [IMAGE_URL, IMAGE_URL]}, "image"),
        ({"fps": 30}, "fps"),
        ({"steps": 4}, "steps"),
        ({"prompt": ""}, "prompt"),
    ],
)
def test_what_ltx_cannot_take_is_refused_before_sending(
    sandbox: Sandbox, arguments: dict[str, object], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.generate("ltx", **{"prompt": "a fox", **arguments})  # type: ignore[arg-type]
    assert info.value.option == option
    assert sandbox.requests == []


def test_create_get_and_wait_are_refused_with_a_pointer_to_generate(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        with pytest.raises(genvideo.InvalidOption, match=r"generate\('ltx'"):
            client.create("ltx", prompt="a fox")
        for look_up in (client.get, client.wait):
            with pytest.raises(genvideo.InvalidCreationRef, match="one-shot"):
                look_up("ltx:0123456789abcdef")
    assert sandbox.requests == []


# -- the request and its failures ----------------------------------------------------------------------


def test_the_reply_may_take_longer_than_the_client_timeout(sandbox: Sandbox, replies: Path) -> None:
    """A synchronous POST answers once the video is made: bounded by generate(timeout=), not by the
    client's per-request timeout."""
    sandbox.add_fault(TEXT, Fault.delay(0.6))
    with make_client(sandbox, timeout=0.2) as client:
        creation = client.generate("ltx", prompt="a slow fox", timeout=5)
    assert creation.state is CreationState.SUCCEEDED
    sandbox.add_fault(TEXT, Fault.delay(2.0))
    started = time.monotonic()
    with make_client(sandbox, timeout=0.2) as client, pytest.raises(genvideo.APITimeoutError):
        client.generate("ltx", prompt="a slower fox", timeout=0.5)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.reset(mid_response=True), genvideo.APIConnectionError),
        (Fault.truncate(), genvideo.APIConnectionError),
        (Fault.status(503), genvideo.ServerError),
        (Fault.body(b'{"video": "none"}'), genvideo.ResponseValidationError),
    ],
    ids=["reset-mid-body", "truncated", "503", "json"],
)
def test_a_failed_reply_is_never_retried_and_leaves_nothing(
    sandbox: Sandbox, tmp_path: Path, replies: Path, fault: Fault, error: type[Exception], mode: str
) -> None:
    sandbox.add_fault(TEXT, fault)
    dest = tmp_path / "out.mp4"

    def run_sync() -> None:
        with make_client(sandbox, max_retries=3) as client:
            client.generate("ltx", prompt="a fox", download=dest)

    async def run_async() -> None:
        async with make_async_client(sandbox, max_retries=3) as client:
            await client.generate("ltx", prompt="a fox", download=dest)

    with pytest.raises(error):
        run_sync() if mode == "sync" else asyncio.run(run_async())
    assert len(sandbox.requests) == 1  # it may have been billed: never sent twice
    assert not dest.exists()
    assert list(replies.iterdir()) == []


def test_an_error_reply_is_the_proxys_error_response(sandbox: Sandbox) -> None:
    sandbox.script_submits("ltx", Sandbox.submit_script(failure_code="prompt_rejected"))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.generate("ltx", prompt="a fox")
    assert info.value.status_code == 400
    assert "prompt_rejected" in str(info.value)


def test_a_video_over_the_size_limit_is_refused_while_streaming(
    sandbox: Sandbox, replies: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_constants, "DEFAULT_MAX_DOWNLOAD_BYTES", 1024)
    sandbox.add_fault(TEXT, Fault.body(b"\0" * 4096, content_type="video/mp4"))  # refused by its Content-Length
    sandbox.add_fault(TEXT, Fault.gzip_bomb(4096))  # no decoded length: refused once 1024 bytes are written
    with make_client(sandbox) as client:
        with pytest.raises(genvideo.ResponseValidationError, match="4096 bytes, more than 1024"):
            client.generate("ltx", prompt="a fox")
        with pytest.raises(genvideo.ResponseValidationError, match="larger than 1024 bytes"):
            client.generate("ltx", prompt="a fox")
    assert list(replies.iterdir()) == []


# -- the CLI -------------------------------------------------------------------------------------------


def test_cli_generate_downloads_and_cli_create_points_to_generate(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = run_cli(
        "generate", "ltx", "--prompt", "a fox", "--duration", "10", "--download", str(target), env=sandbox.env()
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["downloaded"]) == ("succeeded", str(target))
    (submission,) = sandbox.submissions
    assert submission.body["duration"] == 10
    assert target.read_bytes() == sandbox.video("ltx", submission.creation_id or "")
    refused = run_cli("create", "ltx", "--prompt", "a fox", env=sandbox.env())
    assert refused.returncode != 0
    assert "generate" in refused.stderr
    looked_up = run_cli("get", data["ref"], env=sandbox.env())
    assert looked_up.returncode != 0
    assert "one-shot" in looked_up.stderr


def test_killing_the_cli_mid_reply_leaves_nothing_at_the_destination(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_fault(TEXT, Fault.drip(0.01, size=512, body_only=True))
    target = tmp_path / "out.mp4"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMFY_", "HAIPER_", "GENVIDEO_"))}
    env.update(sandbox.env(), TMPDIR=str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "genvideo", "generate", "ltx", "--prompt", "a fox", "--download", str(target)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while not any((tmp_path / "tmp").rglob("video.mp4")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert any((tmp_path / "tmp").rglob("video.mp4")), "the reply never started arriving"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "tmp"] or sorted(p.name for p in tmp_path.iterdir()) == ["tmp"]
