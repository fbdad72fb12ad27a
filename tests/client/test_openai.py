"""OpenAI Sora 2 (behind Comfy's proxy) against the sandbox: the multipart submit, states, refusals, and the
authenticated download of `/content` (credentials only under the comfy base URL, never to the CDN)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._download import under_base_url
from genvideo._providers import CommonArgs, _openai
from genvideo.testing import Fault, Sandbox
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SIZE = 300_000
CONTENT = "/comfy/proxy/openai/v1/videos/{}/content"


def _common(**values: object) -> CommonArgs:
    base: dict[str, object] = {"prompt": "a cat", "images": []}
    base.update(values)
    return CommonArgs(**base)  # type: ignore[arg-type]


# -- create, wait, download ----------------------------------------------------------------------------


def test_create_wait_download_sends_a_multipart_form_and_the_key_to_content(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("openai", prompt="a calico cat", duration=8, aspect_ratio="9:16", image=PNG)
        creation = client.wait(ref, poll_interval=0.01)
        assert creation.state is CreationState.SUCCEEDED
        (output,) = creation.outputs
        assert output.url == f"{sandbox.base_url}/comfy/proxy/openai/v1/videos/{ref.id}/content"
        path = client.download(creation, tmp_path / "cat.mp4")
    (submission,) = sandbox.submissions
    assert submission.body["prompt"] == "a calico cat"
    assert (submission.body["model"], submission.body["seconds"], submission.body["size"]) == (
        "sora-2",
        "8",
        "720x1280",
    )
    assert submission.body["input_reference"].startswith("data:image/png;base64,")
    submit = sandbox.requests_for("/comfy/proxy/openai/v1/videos")[0]
    assert (submit.header("Content-Type") or "").startswith("multipart/form-data; boundary=")
    assert submit.header("Idempotency-Key")
    (content,) = sandbox.requests_for(CONTENT.format(ref.id))
    assert content.sent_credentials
    assert not sandbox.requests_for("/cdn/")  # the proxy streams the video itself
    assert path.read_bytes() == sandbox.video("openai", ref.id)


def test_async_download_carries_the_key_to_content_only(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("openai", "video_async", states=["completed"], video_size=SIZE)

    async def main() -> Path:
        async with make_async_client(sandbox) as client:
            creation = await client.get("openai:video_async")
            return await client.download(creation, tmp_path / "a.mp4")

    path = asyncio.run(main())
    assert path.stat().st_size == SIZE
    assert [r.sent_credentials for r in sandbox.requests_for(CONTENT.format("video_async"))] == [True]
    assert not any(r.sent_credentials for r in sandbox.requests_for("/cdn/"))


def test_a_resumed_download_of_content_is_byte_exact(sandbox: Sandbox, tmp_path: Path) -> None:
    """/content takes the creation's download faults and answers the resume's `Range` itself (206), so the
    download never leaves the proxy: both requests carry the key, and the resume the first answer's ETag."""
    sandbox.add_creation(
        "openai", "video_cut", states=["completed"], video_size=SIZE, download_faults=[Fault.cut_download(0.5)]
    )
    with make_client(sandbox) as client:
        creation = client.get("openai:video_cut")
        path = client.download(creation, tmp_path / "v.mp4")
    assert path.read_bytes() == sandbox.video("openai", "video_cut")
    contents = sandbox.requests_for(CONTENT.format("video_cut"))
    assert [r.header("Range") for r in contents] == [None, f"bytes={SIZE // 2}-"]
    assert [r.sent_credentials for r in contents] == [True, True]
    assert contents[1].header("If-Range")
    assert not sandbox.requests_for("/cdn/")


def test_other_providers_downloads_carry_no_credentials(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        for provider in ("vidu", "minimax", "kling"):
            ref = client.create(provider, prompt="a fox")
            client.download(client.wait(ref, poll_interval=0.01), tmp_path)
    assert sandbox.requests_for("/cdn/")
    assert not any(r.sent_credentials for r in sandbox.requests_for("/cdn/"))


def test_the_key_never_shows_in_logs_reprs_or_errors(
    sandbox: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox.add_creation("openai", "video_gone", states=["completed"])
    sandbox.add_fault(CONTENT.format("video_gone"), Fault.status(500, times=10))
    caplog.set_level(logging.DEBUG)
    with make_client(sandbox) as client:
        creation = client.get("openai:video_gone")
        with pytest.raises(genvideo.DownloadError) as info:
            client.download(creation, tmp_path / "v.mp4", timeout=5)
        texts = [repr(client), repr(creation), repr(creation.outputs[0]), str(info.value), repr(info.value)]
    assert all(COMFY_KEY not in text for text in [*texts, caplog.text])


# -- the credential boundary -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "under"),
    [
        ("http://127.0.0.1:8000/comfy/proxy/openai/v1/videos/v/content", True),
        ("http://127.0.0.1:8000/comfy", False),  # the base itself names no file
        ("http://127.0.0.1:8000/comfyx/proxy", False),
        ("http://127.0.0.1:8000/cdn/openai/v/video.mp4", False),
        ("http://127.0.0.1:8001/comfy/proxy", False),
        ("https://127.0.0.1:8000/comfy/proxy", False),
        ("http://localhost:8000/comfy/proxy", False),
        ("http://user@127.0.0.1:8000/comfy/proxy", False),
        ("http://127.0.0.1:8000/comfy/../cdn/x", False),
        ("http://127.0.0.1:8000/comfy/%2e%2e/cdn/x", False),
        ("http://127.0.0.1:8000/comfy/proxy/openai/v1/videos/v/content?variant=video", True),
    ],
)
def test_under_base_url(url: str, under: bool) -> None:
    assert under_base_url(url, "http://127.0.0.1:8000/comfy") is under


def test_default_ports_and_a_root_base_url() -> None:
    assert under_base_url("https://api.comfy.org/proxy/openai/v1/videos/v/content", "https://api.comfy.org")
    assert under_base_url("https://API.comfy.org:443/proxy/x", "https://api.comfy.org/")
    assert not under_base_url("https://api.comfy.org.evil.test/proxy/x", "https://api.comfy.org")


# -- states and replies ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("queued", CreationState.QUEUED),
        ("in_progress", CreationState.PROCESSING),
        ("completed", CreationState.SUCCEEDED),
        ("failed", CreationState.FAILED),
        ("cancelled", CreationState.UNKNOWN),
    ],
)
def test_every_state_word(word: str, state: CreationState) -> None:
    creation = _openai.to_creation(CreationRef("openai", "video_1"), {"id": "video_1", "status": word, "progress": 40})
    assert creation.state is state
    assert creation.progress == pytest.approx(0.4)
    assert bool(creation.outputs) is (state is CreationState.SUCCEEDED)


def test_a_failed_job_reports_its_error() -> None:
    body = {"id": "video_1", "status": "failed", "error": {"code": "moderation_blocked", "message": "no"}}
    creation = _openai.to_creation(CreationRef("openai", "video_1"), body)
    assert (creation.error_code, creation.error_message) == ("moderation_blocked", "no")


def test_a_failed_creation_in_the_sandbox(sandbox: Sandbox) -> None:
    sandbox.add_creation("openai", "video_f", states=["queued", "failed"], failure_code="content_policy")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("openai:video_f", poll_interval=0.01)
    assert info.value.creation.error_code == "content_policy"


def test_a_submit_reply_with_an_error_is_a_failure() -> None:
    with pytest.raises(genvideo.CreationFailed):
        _openai.submitted({"id": "video_1", "status": "queued", "error": {"code": "x", "message": "refused"}})
    with pytest.raises(genvideo.ResponseValidationError):
        _openai.submitted({"status": "queued"})


# -- the submit ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "size"),
    [
        ({"aspect_ratio": "16:9"}, "1280x720"),
        ({"aspect_ratio": "9:16", "resolution": "720p"}, "720x1280"),
        ({"resolution": 720}, "1280x720"),
        ({"aspect_ratio": "16:9", "resolution": 1024, "model": "sora-2-pro"}, "1792x1024"),
        ({"aspect_ratio": "9:16", "resolution": "1024", "model": "sora-2-pro"}, "1024x1792"),
        ({}, None),
    ],
)
def test_aspect_ratio_and_resolution_make_the_size(values: dict[str, object], size: str | None) -> None:
    request = _openai.submit_request(_common(**values), {}, "k")
    assert request.form is not None
    assert request.form.get("size") == size
    assert request.headers == {"Idempotency-Key": "k"}


def test_the_size_option_and_the_image_part() -> None:
    image = "data:image/png;base64,iVBORw0KGgo="
    request = _openai.submit_request(_common(images=[image]), {"size": "720x1280"}, "k")
    assert request.form == {"prompt": "a cat", "model": "sora-2", "size": "720x1280"}
    (part,) = request.files
    assert (part.field, part.filename, part.content_type) == ("input_reference", "input_reference.png", "image/png")


@pytest.mark.parametrize(
    ("values", "options", "option"),
    [
        ({"seed": 1}, {}, "seed"),
        ({"negative_prompt": "blur"}, {}, "negative_prompt"),
        ({"prompt": None}, {}, "prompt"),
        ({"duration": 5}, {}, "duration"),
        ({"aspect_ratio": "1:1"}, {}, "aspect_ratio"),
        ({"resolution": 1080}, {}, "resolution"),
        ({"resolution": 1024}, {}, "resolution"),  # 1024p is sora-2-pro's
        ({"model": "sora-3"}, {}, "model"),
        ({"images": ["https://img.example/a.png"]}, {}, "image"),
        ({"images": ["data:image/png;base64,AA==", "data:image/png;base64,AA=="]}, {}, "image"),
        ({}, {"size": "1792x1024"}, "size"),
        ({}, {"size": "1x1"}, "size"),
        ({"aspect_ratio": "16:9"}, {"size": "720x1280"}, "size"),
        ({}, {"seconds": "4"}, "seconds"),
        ({}, {"colour": "red"}, "colour"),
    ],
)
def test_refusals_name_the_option(values: dict[str, object], options: dict[str, object], option: str) -> None:
    with pytest.raises(genvideo.InvalidOption) as info:
        _openai.submit_request(_common(**values), options, "k")
    assert info.value.option == option


def test_the_fake_refuses_a_form_outside_the_spec(sandbox: Sandbox) -> None:
    import httpx

    response = httpx.post(
        f"{sandbox.base_url}/comfy/proxy/openai/v1/videos",
        headers={"X-API-Key": COMFY_KEY},
        files=[("prompt", (None, "x")), ("seconds", (None, "5"))],
    )
    assert response.status_code == 400
    assert "seconds" in response.text
    json_body = httpx.post(
        f"{sandbox.base_url}/comfy/proxy/openai/v1/videos", headers={"X-API-Key": COMFY_KEY}, json={"prompt": "x"}
    )
    assert json_body.status_code == 400
