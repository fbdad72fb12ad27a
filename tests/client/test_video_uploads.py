"""A video given as a file or bytes reaches every provider that takes one as the exact bytes, through storage.

Every provider whose registry row says ``takes_video`` is covered with no provider named here: the
video goes to Comfy's storage (a signed PUT without credentials) and the submit names its download
URL, which serves back the very bytes given, sync and async.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from genvideo.testing._fakes import fakes
from genvideo.testing._media import sample_video
from tests.support.clients import make_async_client, make_client

VIDEO_PROVIDERS = [
    name for name in registry().names if registry().providers[name].takes_video and fakes()[name].video_through_storage
]
# Several upload chunks (1 MiB each) and not a multiple of one.
SIZE = 2 * 1024 * 1024 + 12345


def _video(tmp_path: Path) -> tuple[Path, bytes]:
    sample = sample_video()
    data = (sample * (SIZE // len(sample) + 1))[:SIZE]
    path = tmp_path / "input.mp4"
    path.write_bytes(data)
    return path, data


def _with_video(provider: str) -> dict[str, Any]:
    """A create's arguments with a video URL: the fake's video arguments, or its demo arguments."""
    fake = fakes()[provider]
    return {"prompt": "a fox", **(fake.video_arguments or fake.demo_arguments)}


def _arguments(provider: str, video: Path | bytes | str) -> dict[str, Any]:
    """The fake's arguments with a video, its video URL replaced by ``video``."""
    return {**_with_video(provider), "video": video}


def _urls(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [url for item in value.values() for url in _urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in _urls(item)]
    return []


def _check_delivered(sandbox: Sandbox, data: bytes) -> None:
    (submission,) = sandbox.submissions
    (stored,) = sandbox.stored_files
    assert stored.content == data
    assert stored.content_type == "video/mp4"
    assert stored.file_name.endswith(".mp4")
    assert stored.uploads
    assert not any(put.sent_credentials for put in stored.uploads)  # the signed URL is not the API
    (url,) = [u for u in _urls(submission.body) if u.startswith(f"{sandbox.base_url}/storage/")]
    assert httpx.get(url).content == data  # what the provider would fetch
    assert "data:" not in json.dumps(submission.body)


def test_there_is_a_provider_taking_video() -> None:
    assert VIDEO_PROVIDERS


@pytest.mark.parametrize("provider", VIDEO_PROVIDERS)
def test_a_video_file_reaches_the_provider_exactly(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    path, data = _video(tmp_path)
    with make_client(sandbox) as client:
        ref = client.create(provider, **_arguments(provider, path))
    assert sandbox.submissions[0].creation_id == ref.id
    _check_delivered(sandbox, data)


@pytest.mark.http_backends
@pytest.mark.parametrize("provider", VIDEO_PROVIDERS)
def test_a_video_file_reaches_the_provider_exactly_async(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    path, data = _video(tmp_path)

    async def main() -> None:
        async with make_async_client(sandbox) as client:
            await client.create(provider, **_arguments(provider, path))

    asyncio.run(main())
    _check_delivered(sandbox, data)


@pytest.mark.parametrize("provider", VIDEO_PROVIDERS)
def test_video_bytes_reach_the_provider_exactly(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    _, data = _video(tmp_path)
    with make_client(sandbox) as client:
        client.create(provider, **_arguments(provider, data))
    _check_delivered(sandbox, data)


@pytest.mark.parametrize("provider", VIDEO_PROVIDERS)
def test_a_video_url_is_sent_as_given_and_nothing_is_stored(sandbox: Sandbox, provider: str) -> None:
    url = "https://example.invalid/clips/input.mp4?sig=abc"
    with make_client(sandbox) as client:
        client.create(provider, **_arguments(provider, url))
    (submission,) = sandbox.submissions
    assert url in _urls(submission.body)
    assert sandbox.stored_files == []


@pytest.mark.parametrize("provider", [name for name in VIDEO_PROVIDERS if "video" in fakes()[name].demo_arguments])
def test_no_video_is_refused_naming_it_before_any_request(sandbox: Sandbox, provider: str) -> None:
    arguments = {"prompt": "a fox", **fakes()[provider].demo_arguments}
    del arguments["video"]
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create(provider, **arguments)
    assert info.value.option == "video"
    assert sandbox.requests == []
