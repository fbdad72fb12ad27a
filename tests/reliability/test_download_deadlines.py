"""Downloads end: a stalled body is abandoned (and resumed), and `download(timeout=...)` bounds the whole.

The stall rule (fewer than DOWNLOAD_STALL_BYTES in DOWNLOAD_STALL_SECONDS) is shrunk here to 1000
bytes per 0.3 s, so that a server dripping 200 B/s trips it at once; the time bounds are generous.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import genvideo
from tests.support.clients import MODES
from tests.support.faultservers import RangedObject, Reply, Request, ScriptedServer, Version

DATA = random.Random(9).randbytes(100_000)
ETAG = ("ETag", '"v1"')


def run(mode: str, url: str, dest: Path, *, client: dict[str, Any] | None = None, **options: Any) -> Path:
    settings = {"timeout": 5.0, "max_retries": 1, **(client or {})}
    output = genvideo.VideoOutput(url)
    if mode == "sync":
        with genvideo.Client(**settings) as c:
            return c.download(output, dest, **options)

    async def main() -> Path:
        async with genvideo.AsyncClient(**settings) as c:
            return await c.download(output, dest, **options)

    return asyncio.run(main())


def timed(call: Callable[[], object]) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        call()
    except Exception as exc:
        return exc, time.monotonic() - started
    return None, time.monotonic() - started


@pytest.fixture
def tight_stall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("genvideo._constants.DOWNLOAD_STALL_SECONDS", 0.3)
    monkeypatch.setattr("genvideo._constants.DOWNLOAD_STALL_BYTES", 1000)
    monkeypatch.setattr("genvideo._download.backoff", lambda attempt: 0.01)


def drip(body: bytes) -> Reply:
    """200 B/s: 4 bytes every 20 ms."""
    return Reply(200, body, drip=0.02, drip_size=4, headers=[ETAG])


@pytest.mark.usefixtures("tight_stall")
@pytest.mark.parametrize("mode", MODES)
def test_a_dripping_cdn_is_abandoned_as_stalled(tmp_path: Path, mode: str) -> None:
    """3,000 bytes at 200 B/s would take 15 s; each attempt is abandoned after ~0.3 s instead."""
    with ScriptedServer(lambda r: drip(DATA[:3000])) as srv:
        error, elapsed = timed(lambda: run(mode, srv.base_url + "/v.mp4", tmp_path / "v.mp4"))
        assert len(srv.requests) == 2  # stalled, resumed, stalled again
        assert srv.requests[1].header("Range") is not None
    assert isinstance(error, genvideo.DownloadError), error
    assert "stalled" in str(error)
    assert elapsed < 3.0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("tight_stall")
@pytest.mark.parametrize("mode", MODES)
def test_a_stalled_attempt_is_resumed_and_completes(tmp_path: Path, mode: str) -> None:
    rest = RangedObject([Version(DATA)])
    first = [True]

    def answer(request: Request) -> Reply:
        if first[0]:
            first[0] = False
            return drip(DATA)
        return rest(request)

    with ScriptedServer(answer) as srv:
        path = run(mode, srv.base_url + "/v.mp4", tmp_path / "v.mp4")
        resumed = srv.requests[1].header("Range")
    assert path.read_bytes() == DATA
    assert resumed is not None
    assert resumed != "bytes=0-"


@pytest.mark.parametrize("mode", MODES)
def test_timeout_bounds_a_slow_but_steady_download(tmp_path: Path, mode: str) -> None:
    """10 KB/s (no stall) for 100 KB would take 10 s: timeout=0.5 ends it."""
    slow = Reply(200, DATA, drip=0.01, drip_size=100, headers=[ETAG])
    with ScriptedServer(lambda r: slow) as srv:
        error, elapsed = timed(lambda: run(mode, srv.base_url + "/v.mp4", tmp_path / "v.mp4", timeout=0.5))
        assert len(srv.requests) == 1
    assert isinstance(error, genvideo.DownloadError), error
    assert "timed out after 0.5 s" in str(error)
    assert 0.5 <= elapsed < 1.5
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
def test_timeout_bounds_a_server_that_never_answers(tmp_path: Path, mode: str) -> None:
    """The client's 30 s read timeout is capped at the time left."""
    with ScriptedServer(lambda r: Reply(hang=True)) as srv:
        error, elapsed = timed(
            lambda: run(mode, srv.base_url + "/v.mp4", tmp_path / "v.mp4", client={"timeout": 30.0}, timeout=0.5)
        )
    assert isinstance(error, genvideo.DownloadError), error
    assert "timed out" in str(error)
    assert elapsed < 1.5
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
def test_timeout_is_not_slept_through(tmp_path: Path, mode: str) -> None:
    """A Retry-After of 5 s cannot be waited for within timeout=0.5: the error comes at once."""
    busy = Reply(503, b"busy", headers=[("Retry-After", "5")])
    with ScriptedServer(lambda r: busy) as srv:
        error, elapsed = timed(lambda: run(mode, srv.base_url + "/v.mp4", tmp_path / "v.mp4", timeout=0.5))
        assert len(srv.requests) == 1
    assert isinstance(error, genvideo.DownloadError), error
    assert "timed out" in str(error)
    assert elapsed < 0.5


def test_a_download_within_its_timeout_succeeds(tmp_path: Path) -> None:
    with ScriptedServer(RangedObject([Version(DATA)])) as srv:
        assert run("sync", srv.base_url + "/v.mp4", tmp_path / "v.mp4", timeout=5.0).read_bytes() == DATA
