"""Trustworthy downloads: short bodies, resets, a full disk, Range resume, expired links, file names, where a
download may go (no link-local or metadata addresses), async progress, 1 GB in constant memory.

Completeness per framing and validated resumes: `test_download_integrity.py`; stalls and `timeout=`:
`test_download_deadlines.py`; a forked child: `test_download_fork.py`.

Every failure must raise `DownloadError` and leave the destination folder exactly as it was (no file,
no temp file); every success must leave exactly the served bytes.
"""

from __future__ import annotations

import asyncio
import errno
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo.testing import Fault, Sandbox
from tests.support.clients import COMFY_KEY, MODES
from tests.support.faultmatrix import subject
from tests.support.faultservers import Reply, Request, ScriptedServer, pattern_bytes, pattern_stream

SIZE = 256 * 1024


def download(sb: Sandbox, mode: str, target: Any, dest: Path, **options: Any) -> Path:
    """`client.download(target, dest)` with a fresh sync or async client pointed at `sb`."""
    options = {"timeout": 5.0, "max_retries": 1, **options}
    if mode == "sync":
        with sb.client(**options) as client:
            return client.download(target, dest)

    async def main() -> Path:
        async with sb.async_client(**options) as client:
            return await client.download(target, dest)

    return asyncio.run(main())


def creation_of(sb: Sandbox, provider: str, cid: str, **kwargs: Any) -> genvideo.Creation:
    sb.add_creation(provider, cid, states=[subject(provider).success], **kwargs)
    with sb.client() as client:
        return client.get(f"{provider}:{cid}")


def cdn_requests(sb: Sandbox, provider: str, cid: str) -> list[Any]:
    return sb.requests_for(sb.fault_path(provider, cid, "cdn"))


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(video_size=SIZE) as sandbox:
        yield sandbox


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    (path / "unrelated.txt").write_text("keep me")
    return path


def untouched(folder: Path) -> bool:
    return (
        sorted(p.name for p in folder.iterdir()) == ["unrelated.txt"]
        and (folder / "unrelated.txt").read_text() == "keep me"
    )


# -- short bodies and resets -------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_body_that_always_stops_short_fails_and_leaves_nothing(sandbox: Sandbox, folder: Path, mode: str) -> None:
    creation = creation_of(sandbox, "vidu", "short")
    sandbox.add_fault(sandbox.fault_path("vidu", "short", "cdn"), Fault.cut_download(0.5, times=10))
    with pytest.raises(genvideo.DownloadError) as info:
        download(sandbox, mode, creation, folder / "v.mp4")
    first = SIZE // 2
    second = (SIZE - first) // 2
    assert info.value.bytes_expected == SIZE
    assert info.value.bytes_received == first + second  # the second attempt resumed, and was cut too
    requests = cdn_requests(sandbox, "vidu", "short")
    assert [r.header("Range") for r in requests] == [None, f"bytes={first}-"]
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_a_failed_download_never_clobbers_an_existing_file(sandbox: Sandbox, tmp_path: Path, mode: str) -> None:
    creation = creation_of(sandbox, "vidu", "keep")
    dest = tmp_path / "v.mp4"
    dest.write_bytes(b"the previous video")
    sandbox.add_fault(sandbox.fault_path("vidu", "keep", "cdn"), Fault.cut_download(0.9, times=10))
    with pytest.raises(genvideo.DownloadError):
        download(sandbox, mode, creation, dest)
    assert dest.read_bytes() == b"the previous video"
    assert [p.name for p in tmp_path.iterdir()] == ["v.mp4"]


@pytest.mark.parametrize("mode", MODES)
def test_a_reset_at_half_resumes_to_the_exact_bytes(sandbox: Sandbox, folder: Path, mode: str) -> None:
    creation = creation_of(sandbox, "vidu", "reset")
    sandbox.add_fault(sandbox.fault_path("vidu", "reset", "cdn"), Fault.reset(mid_response=True))
    path = download(sandbox, mode, creation, folder / "v.mp4")
    assert path.read_bytes() == sandbox.video("vidu", "reset")
    first, second = cdn_requests(sandbox, "vidu", "reset")
    assert first.header("Range") is None
    resumed = second.header("Range")
    # The reset may discard bytes still in flight: resume from whatever arrived (never past the half sent).
    assert resumed is None or 0 < int(resumed.removeprefix("bytes=").rstrip("-")) <= SIZE // 2
    assert sorted(p.name for p in folder.iterdir()) == ["unrelated.txt", "v.mp4"]


# -- a full disk -------------------------------------------------------------------------------------------


class _FullDisk:
    """A file whose writes fail with ENOSPC once `room` bytes were written."""

    def __init__(self, inner: Any, room: int) -> None:
        self._inner = inner
        self._room = room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return int(self._inner.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    original = Path.open

    def open_(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = original(self, mode, *args, **kwargs)
        return _FullDisk(handle, 100_000) if self.name.endswith(".part") and "b" in mode else handle

    monkeypatch.setattr(Path, "open", open_)


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("mode", MODES)
def test_disk_full_while_writing_is_a_download_error_and_leaves_nothing(
    sandbox: Sandbox, folder: Path, mode: str
) -> None:
    creation = creation_of(sandbox, "vidu", "full")
    with pytest.raises(genvideo.DownloadError, match="No space left on device") as info:
        download(sandbox, mode, creation, folder / "v.mp4")
    assert info.value.bytes_received <= 100_000
    assert len(cdn_requests(sandbox, "vidu", "full")) == 1  # a full disk is not retried
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_disk_full_at_fsync_is_a_download_error_and_leaves_nothing(
    sandbox: Sandbox, folder: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    creation = creation_of(sandbox, "vidu", "fsync")

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("genvideo._download.os.fsync", fsync)
    with pytest.raises(genvideo.DownloadError, match="No space left on device"):
        download(sandbox, mode, creation, folder / "v.mp4")
    assert untouched(folder)


def test_a_missing_destination_folder_fails_before_any_request(sandbox: Sandbox, tmp_path: Path) -> None:
    creation = creation_of(sandbox, "vidu", "nofolder")
    with pytest.raises(genvideo.DownloadError, match="does not exist"):
        download(sandbox, "sync", creation, tmp_path / "missing" / "v.mp4")
    assert cdn_requests(sandbox, "vidu", "nofolder") == []


# -- resuming --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_cut_download_resumes_with_range(sandbox: Sandbox, folder: Path, mode: str) -> None:
    creation = creation_of(sandbox, "haiper", "resume")
    sandbox.add_fault(sandbox.fault_path("haiper", "resume", "cdn"), Fault.cut_download(0.5))
    progress: list[tuple[int, int | None]] = []
    options = {"timeout": 5.0, "max_retries": 1}
    if mode == "sync":
        with sandbox.client(**options) as c:
            path = c.download(creation, folder / "v.mp4", on_progress=lambda d, t: progress.append((d, t)))
    else:

        async def main() -> Path:
            async with sandbox.async_client(**options) as c:
                return await c.download(creation, folder / "v.mp4", on_progress=lambda d, t: progress.append((d, t)))

        path = asyncio.run(main())
    assert path.read_bytes() == sandbox.video("haiper", "resume")
    assert [r.header("Range") for r in cdn_requests(sandbox, "haiper", "resume")] == [None, f"bytes={SIZE // 2}-"]
    done = [d for d, _ in progress]
    assert done == sorted(done)  # resumed, not restarted
    assert progress[-1] == (SIZE, SIZE)


@pytest.mark.parametrize(
    ("provider", "headers"),
    [
        pytest.param("vidu", {}, id="cdn"),
        pytest.param("openai", {"X-API-Key": COMFY_KEY}, id="sora-content"),
    ],
)
def test_the_cdn_and_soras_content_answer_byte_ranges_alike(
    sandbox: Sandbox, provider: str, headers: dict[str, str]
) -> None:
    """The CDN and an endpoint that streams the file itself (Sora's `/content`, behind the proxy's key) share
    one answer: 200 with a strong ETag, 206 with Content-Range for one range (a suffix too), 416 past the end,
    and the whole file again when `If-Range` is not that ETag."""
    url = creation_of(sandbox, provider, "ranges").outputs[0].url
    video = sandbox.video(provider, "ranges")
    with httpx.Client(headers=headers, timeout=5.0) as http:

        def get(**extra: str) -> httpx.Response:
            return http.get(url, headers=extra)

        whole = get()
        etag = whole.headers["ETag"]
        assert (whole.status_code, whole.content, whole.headers["Accept-Ranges"]) == (200, video, "bytes")
        assert len(etag) > 2
        assert etag[0] == etag[-1] == '"'
        part = get(Range="bytes=10-19")
        assert (part.status_code, part.content, part.headers["Content-Range"]) == (
            206,
            video[10:20],
            f"bytes 10-19/{SIZE}",
        )
        assert get(Range="bytes=-5").content == video[-5:]
        past = get(Range=f"bytes={SIZE}-")
        assert (past.status_code, past.headers["Content-Range"]) == (416, f"bytes */{SIZE}")
        resumed = get(Range=f"bytes={SIZE // 2}-", **{"If-Range": etag})
        assert (resumed.status_code, resumed.content) == (206, video[SIZE // 2 :])
        for other in ('"another-version"', "W/" + etag, "Thu, 01 Jan 1970 00:00:00 GMT"):
            again = get(Range=f"bytes={SIZE // 2}-", **{"If-Range": other})
            assert (again.status_code, again.content) == (200, video)
        head = http.head(url)
        assert (head.status_code, head.content, head.headers["Content-Length"]) == (200, b"", str(SIZE))
        assert http.get(url, headers={"Range": "bytes=0-0"}).headers["ETag"] == etag
    assert not any(r.sent_credentials for r in sandbox.requests_for("/cdn/"))


@pytest.mark.parametrize("mode", MODES)
def test_without_range_support_the_download_restarts(folder: Path, mode: str) -> None:
    with Sandbox(video_size=SIZE, cdn_supports_range=False) as sb:
        creation = creation_of(sb, "vidu", "restart")
        sb.add_fault(sb.fault_path("vidu", "restart", "cdn"), Fault.cut_download(0.5))
        path = download(sb, mode, creation, folder / "v.mp4")
        assert path.read_bytes() == sb.video("vidu", "restart")
        _, second = cdn_requests(sb, "vidu", "restart")
    assert second.header("Range") == f"bytes={SIZE // 2}-"  # asked, got 200 and the whole file: restarted
    assert sorted(p.name for p in folder.iterdir()) == ["unrelated.txt", "v.mp4"]


def test_a_resume_at_the_wrong_offset_is_refused(folder: Path) -> None:
    data = pattern_bytes(10_000, b"0123456789abcdef")

    def answer(request: Request) -> Reply:
        etag = ("ETag", '"v1"')  # a validator: without one, a cut download restarts instead of resuming
        if request.header("Range") is None:  # the whole length announced, half sent, then closed
            return Reply(200, data[:5000], content_length=len(data), close=True, headers=[etag])
        return Reply(
            206, data, reason="Partial Content", headers=[etag, ("Content-Range", f"bytes 0-9999/{len(data)}")]
        )

    with ScriptedServer(answer) as srv, genvideo.Client(max_retries=2) as client:
        with pytest.raises(genvideo.DownloadError, match="wrong offset"):
            client.download(genvideo.VideoOutput(srv.base_url + "/v.mp4"), folder / "v.mp4")
        assert [r.header("Range") for r in srv.requests] == [None, "bytes=5000-"]
    assert untouched(folder)


# -- expired links -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_an_expired_link_is_refreshed_once(sandbox: Sandbox, folder: Path, mode: str) -> None:
    creation = creation_of(sandbox, "vidu", "exp")
    sandbox.expire_urls("vidu", "exp")
    api_before = len(sandbox.requests_for(sandbox.fault_path("vidu", "exp")))
    path = download(sandbox, mode, creation, folder / "v.mp4")
    assert path.read_bytes() == sandbox.video("vidu", "exp")
    assert len(sandbox.requests_for(sandbox.fault_path("vidu", "exp"))) == api_before + 1  # fetched again, once
    first, second = cdn_requests(sandbox, "vidu", "exp")
    assert first.target == creation.outputs[0].url.removeprefix(sandbox.base_url)
    assert second.target != first.target  # the fresh link
    assert not first.sent_credentials
    assert not second.sent_credentials


@pytest.mark.parametrize("mode", MODES)
def test_a_link_refused_again_after_the_refresh_fails(sandbox: Sandbox, folder: Path, mode: str) -> None:
    creation = creation_of(sandbox, "haiper", "exp2")
    sandbox.add_fault(sandbox.fault_path("haiper", "exp2", "cdn"), Fault.status(403, times=10))
    api_before = len(sandbox.requests_for("/haiper/"))
    with pytest.raises(genvideo.DownloadError) as info:
        download(sandbox, mode, creation, folder / "v.mp4")
    assert info.value.status_code == 403
    assert len(cdn_requests(sandbox, "haiper", "exp2")) == 2
    assert len(sandbox.requests_for("/haiper/")) == api_before + 2  # one refresh: status, then detail
    assert untouched(folder)


def test_an_output_without_a_ref_cannot_be_refreshed(sandbox: Sandbox, folder: Path) -> None:
    creation = creation_of(sandbox, "vidu", "noref")
    sandbox.expire_urls("vidu", "noref")
    bare = genvideo.VideoOutput(creation.outputs[0].url)
    api_before = len(sandbox.requests)
    with pytest.raises(genvideo.DownloadError) as info:
        download(sandbox, "sync", bare, folder / "v.mp4")
    assert info.value.status_code == 403
    assert len(sandbox.requests) == api_before + 1  # the one CDN request; no API call
    assert untouched(folder)


# -- cancellation ---------------------------------------------------------------------------------------------


def test_cancelling_an_async_download_leaves_nothing(folder: Path) -> None:
    data = b"x" * 50_000  # dripped over 5 s: cancelled long before the end

    with ScriptedServer(lambda r: Reply(200, data, drip=0.01, drip_size=100)) as srv:

        async def main() -> None:
            async with genvideo.AsyncClient() as client:
                task = asyncio.create_task(client.download(genvideo.VideoOutput(srv.base_url + "/v.mp4"), folder))
                for _ in range(200):  # until the temporary file exists: mid-download
                    await asyncio.sleep(0.01)
                    if any(p.name.endswith(".part") for p in folder.iterdir()):
                        break
                else:
                    pytest.fail("the download never started")
                task.cancel()
                with pytest.raises(asyncio.CancelledError):
                    await task

        asyncio.run(main())
    assert untouched(folder)


# -- unusable URLs and failing renames (once bugs, fixed) -------------------------------------------------------


@pytest.mark.parametrize("url", ["http://[::1/v.mp4", "http://\x00/v.mp4", "http://127.0.0.1:port/v.mp4"])
@pytest.mark.parametrize("mode", MODES)
def test_an_unusable_output_url_is_a_download_error(sandbox: Sandbox, folder: Path, url: str, mode: str) -> None:
    with pytest.raises(genvideo.DownloadError):
        download(sandbox, mode, genvideo.VideoOutput(url), folder / "v.mp4", max_retries=0)
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_a_failing_final_rename_is_a_download_error(
    sandbox: Sandbox, folder: Path, mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    creation = creation_of(sandbox, "vidu", "rename")

    def replace(self: Path, target: Any) -> Path:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "replace", replace)
    with pytest.raises(genvideo.DownloadError):
        download(sandbox, mode, creation, folder / "v.mp4")
    assert untouched(folder)


def test_download_redirects_are_capped(sandbox: Sandbox, folder: Path) -> None:
    from genvideo._constants import MAX_DOWNLOAD_REDIRECTS

    creation = creation_of(sandbox, "vidu", "loop")
    sandbox.add_fault(sandbox.fault_path("vidu", "loop", "cdn"), Fault.redirect(creation.outputs[0].url, times=1000))
    with pytest.raises(genvideo.DownloadError):
        download(sandbox, "sync", creation, folder / "v.mp4", max_retries=0)
    assert len(cdn_requests(sandbox, "vidu", "loop")) <= MAX_DOWNLOAD_REDIRECTS + 1
    assert untouched(folder)


@pytest.mark.parametrize("status", [429, 503])
def test_an_exhausted_retryable_status_is_reported(sandbox: Sandbox, folder: Path, status: int) -> None:
    creation = creation_of(sandbox, "vidu", f"s{status}")
    sandbox.add_fault(
        sandbox.fault_path("vidu", f"s{status}", "cdn"), Fault.status(status, headers={"Retry-After": "0"}, times=9)
    )
    with pytest.raises(genvideo.DownloadError) as info:
        download(sandbox, "sync", creation, folder / "v.mp4")
    assert info.value.status_code == status


def test_no_signed_url_stays_registered_after_a_refreshed_download(sandbox: Sandbox, folder: Path) -> None:
    from genvideo._logging import redactor

    creation = creation_of(sandbox, "vidu", "leak")
    sandbox.expire_urls("vidu", "leak")
    before = dict(redactor._urls)
    download(sandbox, "sync", creation, folder / "v.mp4")
    assert len(sandbox.requests_for("/cdn/")) == 2  # the expired link, then the refreshed one
    assert redactor._urls == before


# -- file names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_folder_downloads_are_named_with_the_provider(sandbox: Sandbox, folder: Path, mode: str) -> None:
    """`vidu:1` and `haiper:1` into one folder: two files, neither overwrites the other."""
    vidu, haiper = creation_of(sandbox, "vidu", "1"), creation_of(sandbox, "haiper", "1")
    paths = [download(sandbox, mode, creation, folder) for creation in (vidu, haiper)]
    assert [p.name for p in paths] == ["vidu-1-0.mp4", "haiper-1-0.mp4"]
    assert paths[0].read_bytes() == sandbox.video("vidu", "1")
    assert paths[1].read_bytes() == sandbox.video("haiper", "1")
    assert sorted(p.name for p in folder.iterdir()) == ["haiper-1-0.mp4", "unrelated.txt", "vidu-1-0.mp4"]


def test_a_bare_output_into_a_folder_is_named_video(folder: Path) -> None:
    with ScriptedServer(lambda r: Reply(200, b"video bytes")) as srv, genvideo.Client() as client:
        path = client.download(genvideo.VideoOutput(srv.base_url + "/v.mp4", index=2), folder)
    assert path.name == "video-2.mp4"


@pytest.mark.parametrize("mode", MODES)
def test_a_250_character_file_name_is_fine(sandbox: Sandbox, folder: Path, mode: str) -> None:
    """The temporary name no longer embeds the destination's (it overflowed NAME_MAX)."""
    creation = creation_of(sandbox, "vidu", "long")
    dest = folder / ("v" * 246 + ".mp4")
    assert download(sandbox, mode, creation, dest).read_bytes() == sandbox.video("vidu", "long")


@pytest.mark.parametrize("mode", MODES)
def test_a_256_character_id_into_a_folder_gets_a_shortened_name(folder: Path, mode: str) -> None:
    ref = genvideo.CreationRef("haiper", "a" * 256)
    with ScriptedServer(lambda r: Reply(200, b"video bytes")) as srv:
        output = genvideo.VideoOutput(srv.base_url + "/v.mp4", ref=ref)
        if mode == "sync":
            with genvideo.Client() as client:
                path = client.download(output, folder)
        else:

            async def main() -> Path:
                async with genvideo.AsyncClient() as client:
                    return await client.download(output, folder)

            path = asyncio.run(main())
    assert path.read_bytes() == b"video bytes"
    assert len(path.name) <= 255
    assert path.name.startswith("haiper-" + "a" * 200 + "~")
    assert path.name.endswith("-0.mp4")


def test_a_file_name_too_long_for_the_file_system_is_a_download_error(sandbox: Sandbox, folder: Path) -> None:
    creation = creation_of(sandbox, "vidu", "toolong")
    with pytest.raises(genvideo.DownloadError, match="unusable destination"):
        download(sandbox, "sync", creation, folder / ("v" * 300 + ".mp4"))
    assert cdn_requests(sandbox, "vidu", "toolong") == []
    assert untouched(folder)


@pytest.mark.parametrize("name", ["a\x00.mp4", "\ud800.mp4", "\udc80\ud800.mp4"], ids=["nul", "surrogate", "mixed"])
def test_a_name_the_file_system_cannot_encode_is_a_download_error(sandbox: Sandbox, folder: Path, name: str) -> None:
    creation = creation_of(sandbox, "vidu", "badname")
    with pytest.raises(genvideo.DownloadError, match="unusable destination") as info:
        download(sandbox, "sync", creation, folder / name)
    assert str(info.value).encode("utf-8")
    assert cdn_requests(sandbox, "vidu", "badname") == []
    assert untouched(folder)


@pytest.mark.usefixtures("full_disk")
def test_a_failing_cleanup_does_not_mask_the_real_error(
    sandbox: Sandbox, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    creation = creation_of(sandbox, "vidu", "mask")

    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "unlink", unlink)
    with pytest.raises(genvideo.DownloadError, match="No space left on device"):
        download(sandbox, "sync", creation, folder / "v.mp4")


# -- where a download may go ------------------------------------------------------------------------------

LINK_LOCAL = [
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.1.1/v.mp4",
    "http://[fe80::1]/v.mp4",
    "http://[fe80::1%25eth0]/v.mp4",
    "http://[::ffff:169.254.169.254]/v.mp4",
    "http://2852039166/v.mp4",  # 169.254.169.254 as one number
    "http://0xa9fea9fe/v.mp4",
    "http://169.254.43518/v.mp4",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://METADATA.google.internal./x",
    "http://[fd00:ec2::254]/latest/meta-data/",
]


def _recording_transport(seen: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=b"metadata", headers={"ETag": '"m"'})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("url", LINK_LOCAL)
@pytest.mark.parametrize("mode", MODES)
def test_link_local_and_metadata_urls_are_refused(folder: Path, url: str, mode: str) -> None:
    seen: list[str] = []

    def attempt() -> None:
        if mode == "sync":
            with genvideo.Client(transport=_recording_transport(seen)) as client:
                client.download(genvideo.VideoOutput(url), folder / "v.mp4")
            return

        async def main() -> None:
            async with genvideo.AsyncClient(transport=_recording_transport(seen)) as client:
                await client.download(genvideo.VideoOutput(url), folder / "v.mp4")

        asyncio.run(main())

    with pytest.raises(genvideo.DownloadError, match="link-local or cloud-metadata"):
        attempt()
    assert seen == []
    assert untouched(folder)


@pytest.mark.parametrize("url", ["http://169.254.169.254/v.mp4", "http://metadata.google.internal/v.mp4"])
def test_allow_link_local_fetches_them(folder: Path, url: str) -> None:
    seen: list[str] = []
    with genvideo.Client(transport=_recording_transport(seen)) as client:
        path = client.download(genvideo.VideoOutput(url), folder / "v.mp4", allow_link_local=True)
    assert path.read_bytes() == b"metadata"
    assert seen == [url]


@pytest.mark.parametrize("url", ["http://169.254.10.10/v.mp4", "http://10.0.0.1/v.mp4", "http://127.0.0.1/v.mp4"])
def test_only_link_local_is_refused(url: str) -> None:
    from genvideo._download import is_link_local

    assert is_link_local(httpx.URL(url).host) is url.startswith("http://169.254.")


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data/iam/", "http://metadata.google.internal/", "http://[fe80::2]/x"],
)
@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_to_a_link_local_address_is_refused(folder: Path, location: str, mode: str) -> None:
    with ScriptedServer(lambda r: Reply(302, headers=[("Location", location)], reason="Found")) as srv:
        with pytest.raises(genvideo.DownloadError, match="link-local or cloud-metadata"):
            _download_url(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 1
    assert untouched(folder)


@pytest.mark.parametrize("location", ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd"])
@pytest.mark.parametrize("mode", MODES)
def test_a_redirect_to_a_non_http_url_is_a_download_error(folder: Path, location: str, mode: str) -> None:
    with ScriptedServer(lambda r: Reply(302, headers=[("Location", location)], reason="Found")) as srv:
        with pytest.raises(genvideo.DownloadError, match=r"unusable (download )?URL"):
            _download_url(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 1
    assert untouched(folder)


def _download_url(mode: str, url: str, dest: Path) -> Path:
    if mode == "sync":
        with genvideo.Client(max_retries=0) as client:
            return client.download(genvideo.VideoOutput(url), dest)

    async def main() -> Path:
        async with genvideo.AsyncClient(max_retries=0) as client:
            return await client.download(genvideo.VideoOutput(url), dest)

    return asyncio.run(main())


# -- async progress -------------------------------------------------------------------------------------------


def test_async_on_progress_runs_on_the_event_loops_thread(sandbox: Sandbox, folder: Path) -> None:
    """A callback may touch the loop (here: get_running_loop, call_soon): it runs on the loop's thread."""
    creation = creation_of(sandbox, "vidu", "progress")
    calls: list[tuple[int, int | None]] = []
    threads: set[int] = set()

    async def main() -> tuple[Path, int]:
        loop = asyncio.get_running_loop()
        updated = asyncio.Event()

        def show(done: int, total: int | None) -> None:
            threads.add(threading.get_ident())
            asyncio.get_running_loop().call_soon(updated.set)
            calls.append((done, total))

        async with sandbox.async_client() as client:
            path = await client.download(creation, folder / "v.mp4", on_progress=show)
        await asyncio.wait_for(updated.wait(), 1)
        assert loop is asyncio.get_running_loop()
        return path, threading.get_ident()

    path, loop_thread = asyncio.run(main())
    assert path.read_bytes() == sandbox.video("vidu", "progress")
    assert threads == {loop_thread}
    assert calls[-1] == (SIZE, SIZE)


# -- 1 GB in constant memory -------------------------------------------------------------------------------

GIB = 1 << 30
BLOCK = bytes(range(256)) * 4096  # 1 MiB

_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    import genvideo

    url, dest = sys.argv[1], sys.argv[2]
    with genvideo.Client(max_retries=0) as client:
        started = time.monotonic()
        client.download(genvideo.VideoOutput(url), dest)
        seconds = time.monotonic() - started
    status = open("/proc/self/status").read()
    hwm = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    print(json.dumps({"vmhwm_kb": hwm, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "seconds": seconds}))
    """
)


def _ranged(total: int) -> Callable[[Request], Reply]:
    def answer(request: Request) -> Reply:
        return Reply(
            200, stream=pattern_stream(total, BLOCK), content_length=total, headers=[("Content-Type", "video/mp4")]
        )

    return answer


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("GENVIDEO_SLOW"), reason="1 GB download: set GENVIDEO_SLOW=1 (and -m slow)")
def test_a_1gb_download_runs_in_constant_memory(tmp_path: Path) -> None:
    dest = tmp_path / "big.mp4"
    with ScriptedServer(_ranged(GIB)) as srv:
        result = subprocess.run(
            [sys.executable, "-c", _CHILD, srv.base_url + "/big.mp4", str(dest)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    peak_mb = figures["vmhwm_kb"] / 1024
    print(
        f"\n1 GiB download: peak RSS {peak_mb:.1f} MB, {figures['seconds']:.1f} s, "
        f"{GIB / figures['seconds'] / 1e6:.0f} MB/s"
    )
    assert dest.stat().st_size == GIB
    with dest.open("rb") as f:
        for offset in (0, GIB // 3 + 12345, GIB - 4096):
            f.seek(offset)
            assert f.read(4096) == pattern_bytes(offset + 4096, BLOCK, start=offset)
    assert peak_mb < 200, f"peak RSS {peak_mb:.0f} MB: the download is not streaming"
    dest.unlink()


def test_the_pattern_server_streams_what_the_1gb_test_checks(tmp_path: Path) -> None:
    """The slow test's server and checks, on 3 MiB + 5 bytes (runs by default)."""
    total = 3 * len(BLOCK) + 5
    with ScriptedServer(_ranged(total)) as srv, genvideo.Client() as client:
        path = client.download(genvideo.VideoOutput(srv.base_url + "/v.mp4"), tmp_path / "v.mp4")
    data = path.read_bytes()
    assert len(data) == total
    assert data == pattern_bytes(total, BLOCK)
    assert data[len(BLOCK) + 7 : len(BLOCK) + 4096] == pattern_bytes(len(BLOCK) + 4096, BLOCK, start=len(BLOCK) + 7)
