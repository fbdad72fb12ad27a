"""What counts as a complete download, for every framing; resumes that never splice two files; max_bytes.

Each test serves one object from a `ScriptedServer` (usually a `RangedObject`, which answers Range and
If-Range like a CDN) and checks the outcome: either exactly the served bytes at the destination, or a
`DownloadError` with the folder left exactly as it was. The rules under test are in `genvideo._download`.
"""

from __future__ import annotations

import asyncio
import gzip
import inspect
import random
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import _constants as C
from tests.support.clients import MODES
from tests.support.faultservers import RangedObject, Reply, Request, ScriptedServer, Version

DATA = random.Random(7).randbytes(100_000)  # incompressible, like video
OTHER = random.Random(8).randbytes(100_000)  # the same object, changed
LM1 = "Mon, 02 Jun 2025 10:00:00 GMT"
LM2 = "Tue, 03 Jun 2025 11:00:00 GMT"
GZIP = ("Content-Encoding", "gzip")
ETAG = ("ETag", '"v1"')


def run(mode: str, url: str, dest: Path, *, max_retries: int = 2, client_timeout: float = 5.0, **options: Any) -> Path:
    """`download(VideoOutput(url), dest, **options)` with a fresh sync or async client."""
    output = genvideo.VideoOutput(url)
    if mode == "sync":
        with genvideo.Client(timeout=client_timeout, max_retries=max_retries) as client:
            return client.download(output, dest, **options)

    async def main() -> Path:
        async with genvideo.AsyncClient(timeout=client_timeout, max_retries=max_retries) as client:
            return await client.download(output, dest, **options)

    return asyncio.run(main())


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Retry at once: these tests are about what is retried, not how long the backoff is."""
    monkeypatch.setattr("genvideo._download.backoff", lambda attempt: 0.01)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "out"
    path.mkdir()
    (path / "unrelated.txt").write_text("keep me")
    return path


def untouched(folder: Path) -> bool:
    return sorted(p.name for p in folder.iterdir()) == ["unrelated.txt"]


def only_video(folder: Path) -> bool:
    return sorted(p.name for p in folder.iterdir()) == ["unrelated.txt", "v.mp4"]


def ranges(srv: ScriptedServer) -> list[str | None]:
    return [r.header("Range") for r in srv.requests]


def by_request(*answers: Callable[[Request], Reply]) -> Callable[[Request], Reply]:
    """Request n gets answers[n] (the last one from then on)."""
    count = [0]

    def answer(request: Request) -> Reply:
        n = count[0]
        count[0] += 1
        return answers[min(n, len(answers) - 1)](request)

    return answer


# -- a body without a length (ended by closing the connection) ----------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_close_delimited_body_cut_short_is_resumed_not_saved(folder: Path, mode: str) -> None:
    """No length and a close after 41,000 bytes: a probe finds the rest (it was saved as complete)."""
    obj = RangedObject([Version(DATA)], length=False, cut={0: 41_000})
    with ScriptedServer(obj) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, "bytes=41000-"]
        assert srv.requests[1].header("If-Range") == '"v1"'
    assert path.read_bytes() == DATA
    assert only_video(folder)


@pytest.mark.parametrize("mode", MODES)
def test_a_whole_close_delimited_body_is_verified_by_a_416_probe(folder: Path, mode: str) -> None:
    obj = RangedObject([Version(DATA)], length=False)
    with ScriptedServer(obj) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, f"bytes={len(DATA)}-"]  # answered 416 bytes */100000
    assert path.read_bytes() == DATA


def test_a_close_delimited_body_is_verified_by_a_200_announcing_its_length(folder: Path) -> None:
    """No Range support, but the second answer says how long the video is: that proves it.

    Its body (dripped over 5 s) is not downloaded again.
    """
    with ScriptedServer(
        by_request(
            lambda r: Reply(200, DATA, content_length=-1, close=True, headers=[ETAG]),
            lambda r: Reply(200, DATA, drip=0.05, drip_size=1000, headers=[ETAG]),
        )
    ) as srv:
        started = time.monotonic()
        path = run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
        elapsed = time.monotonic() - started
        assert len(srv.requests) == 2
    assert path.read_bytes() == DATA
    assert elapsed < 2.0


@pytest.mark.parametrize("mode", MODES)
def test_a_body_that_cannot_be_verified_is_refused(folder: Path, mode: str) -> None:
    """No length, no Range support: a body cut short would look the same, so none is trusted."""
    obj = RangedObject([Version(DATA[:41_000], etag=None)], length=False, ranges=False)
    with ScriptedServer(obj) as srv:
        with pytest.raises(genvideo.DownloadError, match="cannot be verified"):
            run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 2
    assert untouched(folder)


# -- chunked ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_chunked_body_without_its_terminating_chunk_is_not_complete(folder: Path, mode: str) -> None:
    """h11 raises on a close before the last chunk: the download resumes."""
    rest = RangedObject([Version(DATA)])
    with ScriptedServer(
        by_request(lambda r: Reply(200, DATA[:41_000], chunked=True, terminate=False, headers=[ETAG]), rest)
    ) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, "bytes=41000-"]
    assert path.read_bytes() == DATA


def test_a_whole_chunked_body_needs_no_probe(folder: Path) -> None:
    chunks = [DATA[i : i + 30_000] for i in range(0, len(DATA), 30_000)]
    with ScriptedServer(lambda r: Reply(200, stream=chunks, chunked=True)) as srv:
        path = run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 1
    assert path.read_bytes() == DATA


# -- 0 bytes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        Reply(200, b"", headers=[ETAG]),  # Content-Length: 0
        Reply(200, b"", content_length=-1, close=True, headers=[ETAG]),  # no length, closed at once
        Reply(200, b"", chunked=True),  # just the terminating chunk
    ],
    ids=["content-length-0", "close-delimited", "chunked"],
)
@pytest.mark.parametrize("mode", MODES)
def test_an_empty_body_is_never_a_success(folder: Path, mode: str, reply: Reply) -> None:
    with ScriptedServer(lambda r: reply) as srv:
        with pytest.raises(genvideo.DownloadError, match="empty"):
            run(mode, srv.base_url + "/v.mp4", folder / "v.mp4", max_retries=1)
        assert len(srv.requests) == 2
    assert untouched(folder)


# -- Content-Encoding (sent despite Accept-Encoding: identity) ------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_body_cut_in_half_is_never_saved(folder: Path, mode: str) -> None:
    """The gzip stream must reach its end marker; the cut one is downloaded again, from the start."""
    packed = gzip.compress(DATA)
    with ScriptedServer(
        by_request(
            lambda r: Reply(200, packed[: len(packed) // 2], content_length=-1, close=True, headers=[GZIP, ETAG]),
            lambda r: Reply(200, packed, headers=[GZIP, ETAG]),
        )
    ) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, None]  # an encoded download is never resumed
        assert srv.requests[0].header("Accept-Encoding") == "identity"
    assert path.read_bytes() == DATA
    assert only_video(folder)


def test_a_gzip_body_always_cut_fails_and_leaves_nothing(folder: Path) -> None:
    packed = gzip.compress(DATA)
    half = packed[: len(packed) // 2]
    with ScriptedServer(lambda r: Reply(200, half, content_length=-1, close=True, headers=[GZIP])) as srv:
        with pytest.raises(genvideo.DownloadError, match="end marker"):
            run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_retries=1)
        assert len(srv.requests) == 2
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_is_refused_early(folder: Path, mode: str) -> None:
    """32 MiB of zeros gzip to 32 KiB: decoding stops at DOWNLOAD_MAX_DECODE_RATIO x the wire size."""
    bomb = gzip.compress(bytes(32 * 1024 * 1024), 9)
    assert len(bomb) < 64 * 1024
    progress: list[int] = []
    with ScriptedServer(lambda r: Reply(200, bomb, headers=[GZIP])) as srv:
        with pytest.raises(genvideo.DownloadError, match="decompression bomb") as info:
            run(mode, srv.base_url + "/v.mp4", folder / "v.mp4", on_progress=lambda d, t: progress.append(d))
        assert len(srv.requests) == 1  # not retried
    assert info.value.bytes_received <= max(C.DOWNLOAD_MAX_DECODE_RATIO * len(bomb), C.DOWNLOAD_DECODE_FLOOR)
    assert max(progress, default=0) <= C.DOWNLOAD_DECODE_FLOOR
    assert untouched(folder)


def test_max_bytes_bounds_the_decoded_size(folder: Path) -> None:
    packed = gzip.compress(DATA)
    server = ScriptedServer(lambda r: Reply(200, packed, headers=[GZIP]))
    with server as srv, pytest.raises(genvideo.DownloadError, match="max_bytes=50000"):
        run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_bytes=50_000)
    assert untouched(folder)


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("GZIP", lambda d: gzip.compress(d[:50_000]) + gzip.compress(d[50_000:])),  # two members: one stream
        ("deflate", zlib.compress),  # RFC 9110: zlib-wrapped
        ("deflate", lambda d: zlib.compress(d, wbits=-15)),  # what some servers send: raw deflate
    ],
    ids=["gzip", "x-gzip", "gzip-two-members", "deflate-zlib", "deflate-raw"],
)
def test_encoded_bodies_are_decoded_exactly(folder: Path, encoding: str, pack: Callable[[bytes], bytes]) -> None:
    packed = pack(DATA)
    with ScriptedServer(lambda r: Reply(200, packed, headers=[("Content-Encoding", encoding)])) as srv:
        path = run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
    assert path.read_bytes() == DATA


def test_a_deflate_body_cut_short_is_not_complete(folder: Path) -> None:
    packed = zlib.compress(DATA)
    cut = packed[: len(packed) - 10]
    deflate = ("Content-Encoding", "deflate")
    server = ScriptedServer(lambda r: Reply(200, cut, content_length=-1, close=True, headers=[deflate]))
    with server as srv, pytest.raises(genvideo.DownloadError, match="end marker"):
        run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_retries=0)
    assert untouched(folder)


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, gzip"])
def test_an_unsupported_encoding_is_refused(folder: Path, encoding: str) -> None:
    with ScriptedServer(lambda r: Reply(200, DATA, headers=[("Content-Encoding", encoding)])) as srv:
        with pytest.raises(genvideo.DownloadError, match="unsupported Content-Encoding"):
            run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 1
    assert untouched(folder)


# -- max_bytes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_max_bytes_refuses_an_announced_larger_video_before_writing(folder: Path, mode: str) -> None:
    with ScriptedServer(RangedObject([Version(DATA)])) as srv:
        with pytest.raises(genvideo.DownloadError, match="more than max_bytes=50000") as info:
            run(mode, srv.base_url + "/v.mp4", folder / "v.mp4", max_bytes=50_000)
        assert len(srv.requests) == 1
    assert info.value.bytes_received == 0
    assert info.value.bytes_expected == len(DATA)
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_max_bytes_stops_a_body_without_a_length(folder: Path, mode: str) -> None:
    chunks = [DATA[i : i + 10_000] for i in range(0, len(DATA), 10_000)]
    with ScriptedServer(lambda r: Reply(200, stream=chunks, chunked=True)) as srv:
        with pytest.raises(genvideo.DownloadError, match="larger than max_bytes=50000") as info:
            run(mode, srv.base_url + "/v.mp4", folder / "v.mp4", max_bytes=50_000)
        assert len(srv.requests) == 1
    assert info.value.bytes_received <= 50_000
    assert untouched(folder)


def test_max_bytes_none_is_no_limit_and_the_default_is_generous(folder: Path) -> None:
    for method in (genvideo.Client.download, genvideo.AsyncClient.download):
        parameters = inspect.signature(method).parameters
        assert parameters["max_bytes"].default == C.DEFAULT_MAX_DOWNLOAD_BYTES == 4 * 1024**3
        assert parameters["timeout"].default is None
        assert parameters["allow_link_local"].default is False
    with ScriptedServer(RangedObject([Version(DATA)])) as srv:
        assert run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_bytes=None).read_bytes() == DATA
        assert run("sync", srv.base_url + "/v.mp4", folder / "w.mp4", max_bytes=len(DATA)).read_bytes() == DATA


@pytest.mark.parametrize("options", [{"max_bytes": 0}, {"timeout": 0}, {"timeout": -1.0}])
def test_nonsense_limits_are_value_errors(folder: Path, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        run("sync", "http://127.0.0.1:9/v.mp4", folder / "v.mp4", **options)


# -- resuming never splices two files ------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_resume_sends_if_range_with_the_strong_etag(folder: Path, mode: str) -> None:
    with ScriptedServer(RangedObject([Version(DATA, last_modified=LM1)], cut={0: 30_000})) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        second = srv.requests[1]
    assert (second.header("Range"), second.header("If-Range")) == ("bytes=30000-", '"v1"')
    assert path.read_bytes() == DATA


def test_a_weak_etag_falls_back_to_last_modified(folder: Path) -> None:
    with ScriptedServer(RangedObject([Version(DATA, etag='W/"w1"', last_modified=LM1)], cut={0: 30_000})) as srv:
        path = run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
        second = srv.requests[1]
    assert (second.header("Range"), second.header("If-Range")) == ("bytes=30000-", LM1)
    assert path.read_bytes() == DATA


@pytest.mark.parametrize("mode", MODES)
def test_without_validators_a_cut_download_starts_again(folder: Path, mode: str) -> None:
    """Nothing could prove a resumed part belongs to the same file: no Range, the whole video again."""
    with ScriptedServer(RangedObject([Version(DATA, etag=None)], cut={0: 30_000})) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, None]
    assert path.read_bytes() == DATA


@pytest.mark.parametrize("mode", MODES)
def test_a_video_changed_between_attempts_is_not_spliced(folder: Path, mode: str) -> None:
    """The server honours If-Range: the 200 with the new version replaces the old start."""
    obj = RangedObject([Version(DATA, '"v1"'), Version(OTHER, '"v2"')], cut={0: 41_000})
    with ScriptedServer(obj) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, "bytes=41000-"]
    assert path.read_bytes() == OTHER
    assert only_video(folder)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (Version(DATA, '"v1"'), Version(OTHER, '"v2"')),  # the 206 names another ETag
        (Version(DATA, None, LM1), Version(OTHER, None, LM2)),  # or another Last-Modified
        (Version(DATA, '"v1"'), Version(OTHER + b"more", '"v1"')),  # or another total (same ETag!)
    ],
    ids=["etag", "last-modified", "total"],
)
@pytest.mark.parametrize("mode", MODES)
def test_a_changed_video_behind_a_server_ignoring_if_range_starts_again(
    folder: Path, mode: str, first: Version, second: Version
) -> None:
    obj = RangedObject([first, second], cut={0: 41_000}, honour_if_range=False)
    with ScriptedServer(obj) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4")
        assert ranges(srv) == [None, "bytes=41000-", None]
    assert path.read_bytes() == second.data
    assert only_video(folder)


def test_a_video_that_keeps_changing_fails(folder: Path) -> None:
    """Each answer is another version, and a cut one: never a splice, and bounded restarts."""
    versions = [Version(random.Random(i).randbytes(10_000), f'"v{i}"') for i in range(12)]

    def answer(request: Request) -> Reply:
        n = answer.count  # type: ignore[attr-defined]
        answer.count += 1  # type: ignore[attr-defined]
        v = versions[n]
        start = int((request.header("Range") or "bytes=0-")[6:-1])
        headers = [("ETag", v.etag or "")]
        if start:
            headers.append(("Content-Range", f"bytes {start}-9999/10000"))
            return Reply(206, v.data[start:], headers=headers, reason="Partial Content")
        return Reply(200, v.data[:4000], content_length=10_000, close=True, headers=headers)

    answer.count = 0  # type: ignore[attr-defined]
    with ScriptedServer(answer) as srv:
        with pytest.raises(genvideo.DownloadError):
            run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_retries=20)
        assert len(srv.requests) <= 2 * (C.MAX_DOWNLOAD_RESTARTS + 1)
    assert untouched(folder)


@pytest.mark.parametrize("mode", MODES)
def test_a_206_with_an_unknown_total_keeps_the_known_one(folder: Path, mode: str) -> None:
    """`206 bytes 20000-40999/*` does not make 41,000 of 100,000 bytes a complete video."""
    obj = RangedObject([Version(DATA)], cut={0: 20_000}, star_total=True, range_limit=21_000)
    progress: list[tuple[int, int | None]] = []
    with ScriptedServer(obj) as srv:
        path = run(mode, srv.base_url + "/v.mp4", folder / "v.mp4", on_progress=lambda d, t: progress.append((d, t)))
        assert ranges(srv) == [None, "bytes=20000-", "bytes=41000-", "bytes=62000-", "bytes=83000-"]
    assert path.read_bytes() == DATA
    assert {t for _, t in progress} == {len(DATA)}


@pytest.mark.parametrize(
    "content_range",
    ["bytes 30000-199999/100000", "bytes 30000-199999/*", "bytes 30000-29999/100000", "bytes 30000-99999"],
)
def test_an_inconsistent_content_range_is_refused(folder: Path, content_range: str) -> None:
    with ScriptedServer(
        by_request(
            lambda r: Reply(200, DATA[:30_000], content_length=len(DATA), close=True, headers=[ETAG]),
            lambda r: Reply(206, DATA[30_000:], headers=[ETAG, ("Content-Range", content_range)]),
        )
    ) as srv:
        with pytest.raises(genvideo.DownloadError, match=r"Content-Range|wrong offset"):
            run("sync", srv.base_url + "/v.mp4", folder / "v.mp4")
        assert len(srv.requests) == 2
    assert untouched(folder)


def test_a_shorter_range_than_asked_is_completed_by_more_requests(folder: Path) -> None:
    obj = RangedObject([Version(DATA)], cut={0: 1_000}, range_limit=33_000)
    with ScriptedServer(obj) as srv:
        path = run("sync", srv.base_url + "/v.mp4", folder / "v.mp4", max_retries=1)
        assert ranges(srv) == [None, "bytes=1000-", "bytes=34000-", "bytes=67000-"]
    assert path.read_bytes() == DATA
