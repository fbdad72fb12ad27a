"""create(video=...): a URL passes, a file or bytes is checked and later streamed to storage in chunks.

The upload itself runs through the client's real request path against the sandbox's Comfy storage,
sync and async; providers that take no video refuse it, naming it, before any request.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Generator, Mapping
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import _constants as C
from genvideo._providers import SubmitStep
from genvideo._providers._registry import registry
from genvideo._providers._storage import comfy_storage_url
from genvideo._retry import Deadline
from genvideo._videos import LocalFile, video_reference
from genvideo.testing import Sandbox
from genvideo.testing._fakes import fakes
from genvideo.testing._media import sample_video
from tests.support.clients import make_async_client, make_client

MP4 = sample_video()
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"


@pytest.mark.parametrize(
    ("head", "media_type"),
    [
        (MP4[:64], "video/mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", "video/quicktime"),
        (b"\x00\x00\x00\x08wide\x00\x00\x00\x00mdat", "video/quicktime"),
        (WEBM_HEAD, "video/webm"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska", "video/x-matroska"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video/x-msvideo"),
    ],
)
def test_bytes_are_recognised_by_their_container(head: bytes, media_type: str) -> None:
    data = head + bytes(100)
    file = video_reference(data)
    assert isinstance(file, LocalFile)
    assert (file.content_type, file.size) == (media_type, len(data))


@pytest.mark.parametrize(
    ("video", "says"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "not an MP4"),
        ("no/such/file.mp4", "neither an http(s) URL nor an existing file"),
        ("ftp://example.com/a.mp4", "neither an http(s) URL"),
        ("a\0b.mp4", "neither an http(s) URL"),
        ("x" * 5000, "neither an http(s) URL"),
        (12, "expected a URL, a path or bytes, not int"),
    ],
)
def test_what_is_no_video_is_refused_naming_the_argument(video: Any, says: str) -> None:
    with pytest.raises(genvideo.InvalidOption) as info:
        video_reference(video)
    assert info.value.option == "video"
    assert says in str(info.value)


def test_a_url_passes_byte_for_byte() -> None:
    url = "https://cdn.example/v.mp4?X-Amz-Signature=a%2Fb&x=1"
    assert video_reference(url) == url


def test_a_directory_an_empty_file_and_a_fifo_are_refused_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "empty.mp4").write_bytes(b"")
    os.mkfifo(tmp_path / "pipe.mp4")  # opening it for reading would block until a writer came
    for name, says in (("", "not a regular file"), ("empty.mp4", "is empty"), ("pipe.mp4", "not a regular file")):
        with pytest.raises(genvideo.InvalidOption, match=says):
            video_reference(tmp_path / name)


def test_a_file_is_checked_not_read(tmp_path: Path) -> None:
    """A 3 GiB (sparse) file: only its head is read; the size is what the upload will send."""
    path = tmp_path / "big.mp4"
    with path.open("wb") as file:
        file.write(MP4[:64])
        file.truncate(3 * 1024**3)
    found = video_reference(str(path))
    assert isinstance(found, LocalFile)
    assert (found.source, found.size, found.content_type) == (path, 3 * 1024**3, "video/mp4")


@pytest.mark.parametrize("provider", [name for name in registry().names if not registry().providers[name].takes_video])
def test_a_provider_taking_no_video_refuses_it_before_any_request(sandbox: Sandbox, provider: str) -> None:
    arguments = {"prompt": "a fox", **fakes()[provider].demo_arguments}
    with make_client(sandbox) as client:
        # a synchronous provider (its reply is the video) runs through generate() only
        start = client.generate if registry().providers[provider].synchronous else client.create
        with pytest.raises(genvideo.InvalidOption) as info:
            start(provider, video=MP4, **arguments)
    assert info.value.option == "video"
    assert f"{provider} takes no video input" in str(info.value)
    assert sandbox.requests == []


Flow = Generator[SubmitStep, Mapping[str, Any] | None, str]


def _run(client: genvideo.Client, flow: Flow) -> str:
    """Drive a storage flow through the client's own request path, as create() does."""
    step = next(flow)
    try:
        while True:
            step = flow.send(client._fetch_json("vidu", step, Deadline()))
    except StopIteration as done:
        return str(done.value)


async def _arun(client: genvideo.AsyncClient, flow: Flow) -> str:
    step = next(flow)
    try:
        while True:
            step = flow.send(await client._fetch_json("vidu", step, Deadline()))
    except StopIteration as done:
        return str(done.value)


def _video_file(tmp_path: Path, size: int) -> tuple[Path, bytes]:
    """A file of ``size`` bytes starting like an MP4, spanning several upload chunks."""
    data = (MP4 * (size // len(MP4) + 1))[:size]
    path = tmp_path / "input.mp4"
    path.write_bytes(data)
    return path, data


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_file_streams_to_storage_exactly(sandbox: Sandbox, tmp_path: Path, asynchronous: bool) -> None:
    path, data = _video_file(tmp_path, 3 * C.UPLOAD_CHUNK + 12345)
    file = video_reference(path)
    assert isinstance(file, LocalFile)
    if asynchronous:

        async def run() -> str:
            async with make_async_client(sandbox) as client:
                return await _arun(client, comfy_storage_url(file, "video"))

        url = asyncio.run(run())
    else:
        with make_client(sandbox) as client:
            url = _run(client, comfy_storage_url(file, "video"))
    (stored,) = sandbox.stored_files
    assert stored.content == data
    assert stored.content_type == "video/mp4"
    (upload,) = stored.uploads
    assert upload.header("Content-Length") == str(len(data))
    assert not upload.sent_credentials
    assert url.startswith(sandbox.base_url)
    # The same bytes again: storage has them (file_hash), nothing is uploaded twice.
    with make_client(sandbox) as client:
        assert _run(client, comfy_storage_url(file, "video")) == url
    assert len(stored.uploads) == 1


@pytest.mark.parametrize("when", ["before hashing", "before the upload"])
def test_a_file_changed_after_the_check_fails_naming_it(sandbox: Sandbox, tmp_path: Path, when: str) -> None:
    path, data = _video_file(tmp_path, C.UPLOAD_CHUNK + 10)
    file = video_reference(path)
    assert isinstance(file, LocalFile)
    flow = comfy_storage_url(file, "video")
    with make_client(sandbox) as client:
        if when == "before hashing":
            path.write_bytes(data[:-5])  # edited between create()'s check and the upload
            with pytest.raises(genvideo.UploadError) as info:
                next(flow)
        else:
            upload = flow.send(client._fetch_json("vidu", next(flow), Deadline()))
            path.write_bytes(data[:-5])
            with pytest.raises(genvideo.UploadError) as info:
                client._fetch_json("vidu", upload, Deadline())
    assert info.value.what == "video"
    assert "changed on disk" in str(info.value)
    assert all(stored.content is None for stored in sandbox.stored_files)


def test_a_part_of_a_file_sends_only_its_bytes(tmp_path: Path) -> None:
    path, data = _video_file(tmp_path, 2 * C.UPLOAD_CHUNK + 7)
    file = video_reference(path)
    assert isinstance(file, LocalFile)
    part = b"".join(file.chunks("p", "video part 2", offset=C.UPLOAD_CHUNK - 3, length=C.UPLOAD_CHUNK + 5))
    assert part == data[C.UPLOAD_CHUNK - 3 : 2 * C.UPLOAD_CHUNK + 2]
    in_memory = video_reference(data)
    assert isinstance(in_memory, LocalFile)
    assert b"".join(in_memory.chunks("p", "v", offset=5, length=10)) == data[5:15]
