"""API replies are read with bounded memory: at most MAX_API_BODY bytes as sent, and as decoded.

Before, `get()` buffered whatever came: an endless chunked body until a raw `MemoryError`, a 1 MB gzip
reply inflated to 1 GB (and was accepted: the padding was valid JSON whitespace). Now reading stops at
the limit, with `ResponseValidationError` for a 2xx, and large replies are parsed off the event loop.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import time
import tracemalloc
import zlib
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import _constants as C
from genvideo._body import BodyReader, BodyTooLarge, Undecodable
from genvideo.testing import Fault, Sandbox
from tests.support.clients import MODES

SMALL_LIMIT = 256 * 1024  # the limit these tests set, so that each reads a few hundred KB at most


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(C, "MAX_API_BODY", SMALL_LIMIT)
    return SMALL_LIMIT


def get(sb: Sandbox, mode: str, ref: str, **options: Any) -> tuple[Any, float]:
    """`client.get(ref)` with a sandbox client: (the creation or what it raised, elapsed seconds)."""
    options = {"timeout": 10.0, "max_retries": 0, **options}
    started = time.monotonic()
    try:
        if mode == "sync":
            with sb.client(**options) as client:
                result: Any = client.get(ref)
        else:

            async def main() -> Any:
                async with sb.async_client(**options) as client:
                    return await client.get(ref)

            result = asyncio.run(main())
    except genvideo.GenvideoError as exc:
        result = exc
    return result, time.monotonic() - started


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_is_refused_without_inflating_it(sandbox: Sandbox, mode: str) -> None:
    inflated = 256 * 1024 * 1024  # 256 KB on the wire
    sandbox.add_creation("vidu", "bomb", faults=[Fault.gzip_bomb(inflated)])
    tracemalloc.start()
    try:
        result, elapsed = get(sandbox, mode, "vidu:bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, genvideo.ResponseValidationError), result
    assert "decoded" in str(result)
    assert f"over {C.MAX_API_BODY} bytes" in str(result)
    assert peak < 3 * C.MAX_API_BODY, f"peak {peak / 2**20:.0f} MiB traced while refusing a gzip bomb"
    assert elapsed < 5.0
    assert len(sandbox.requests) == 1  # not retried: the same reply would come again


@pytest.mark.parametrize("mode", MODES)
def test_an_endless_body_is_cut_at_the_limit(sandbox: Sandbox, mode: str, small_limit: int) -> None:
    sandbox.add_creation("vidu", "endless", faults=[Fault.endless()])
    result, elapsed = get(sandbox, mode, "vidu:endless")
    assert isinstance(result, genvideo.ResponseValidationError), result
    assert f"over {small_limit} bytes (encoded)" in str(result)
    assert elapsed < 5.0


def test_the_default_limit_holds_against_an_endless_body(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "endless", faults=[Fault.endless()])
    result, elapsed = get(sandbox, "sync", "vidu:endless")
    assert isinstance(result, genvideo.ResponseValidationError), result
    assert f"over {C.MAX_API_BODY} bytes (encoded)" in str(result)
    assert C.MAX_API_BODY == 16 * 1024 * 1024
    assert elapsed < 5.0


@pytest.mark.parametrize("mode", MODES)
def test_a_reply_just_under_the_limit_is_read_and_one_over_is_not(
    sandbox: Sandbox, mode: str, small_limit: int
) -> None:
    def reply(size: int, cid: str) -> bytes:
        document = b'{"id": "%s", "state": "processing", "progress": 10, "creations": []}' % cid.encode()
        return b" " * (size - len(document)) + document  # leading whitespace: still valid JSON

    sandbox.add_creation("vidu", "under", faults=[Fault.body(reply(small_limit, "under"))])
    sandbox.add_creation("vidu", "over", faults=[Fault.body(reply(small_limit + 1, "over"))])
    under, _ = get(sandbox, mode, "vidu:under")
    over, _ = get(sandbox, mode, "vidu:over")
    assert isinstance(under, genvideo.Creation), under
    assert isinstance(over, genvideo.ResponseValidationError), over


@pytest.mark.parametrize("mode", MODES)
def test_an_error_reply_over_the_limit_keeps_its_status(sandbox: Sandbox, mode: str, small_limit: int) -> None:
    sandbox.add_creation("vidu", "err", faults=[Fault.endless(status=503, content_type="text/html", times=9)])
    result, elapsed = get(sandbox, mode, "vidu:err", max_retries=1)
    assert isinstance(result, genvideo.ServerError), result
    assert result.status_code == 503
    assert len(sandbox.requests) == 2  # a 503 is retried as ever
    assert elapsed < 5.0


@pytest.mark.parametrize("mode", MODES)
def test_an_honest_gzip_reply_still_works(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "gz", states=["processing"])
    body = json.dumps({"id": "gz", "state": "processing", "progress": 42, "creations": []}).encode()
    sandbox.add_fault(
        sandbox.fault_path("vidu", "gz"), Fault.body(gzip.compress(body), headers={"Content-Encoding": "gzip"})
    )
    result, _ = get(sandbox, mode, "vidu:gz")
    assert isinstance(result, genvideo.Creation), result
    assert result.progress == 0.42


def test_genvideo_asks_for_gzip_and_deflate_only(sandbox: Sandbox) -> None:
    """What it can decode in bounded steps (an optional brotli or zstd package changes nothing)."""
    sandbox.add_creation("vidu", "1")
    with sandbox.client() as client:
        client.get("vidu:1")
    assert sandbox.requests[0].header("Accept-Encoding") == "gzip, deflate"


def test_a_large_reply_is_parsed_off_the_event_loop(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Above PARSE_OFF_LOOP_BYTES, the JSON and the Creation are built in a worker thread."""
    monkeypatch.setattr(C, "PARSE_OFF_LOOP_BYTES", 64)
    sandbox.add_creation("vidu", "big", states=["success"])
    threads: list[int] = []
    interpret = genvideo.AsyncClient._interpret

    def spy(self: Any, *args: Any) -> Any:
        threads.append(threading.get_ident())
        return interpret(self, *args)

    monkeypatch.setattr(genvideo.AsyncClient, "_interpret", spy)

    async def main() -> tuple[genvideo.Creation, int]:
        async with sandbox.async_client() as client:
            return await client.get("vidu:big"), threading.get_ident()

    creation, loop_thread = asyncio.run(main())
    assert creation.outputs
    assert threads
    assert loop_thread not in threads


def test_a_small_reply_is_parsed_on_the_loop(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox.add_creation("vidu", "small", states=["processing"])
    threads: list[int] = []
    interpret = genvideo.AsyncClient._interpret

    def spy(self: Any, *args: Any) -> Any:
        threads.append(threading.get_ident())
        return interpret(self, *args)

    monkeypatch.setattr(genvideo.AsyncClient, "_interpret", spy)

    async def main() -> int:
        async with sandbox.async_client() as client:
            await client.get("vidu:small")
        return threading.get_ident()

    assert threads == [asyncio.run(main())]  # a thread hop costs more than parsing a few KB


# -- BodyReader --------------------------------------------------------------------------------------------


def _headers(encoding: str | None) -> httpx.Headers:
    return httpx.Headers({"Content-Encoding": encoding} if encoding else {})


def _deflate(data: bytes, wbits: int) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return compressor.compress(data) + compressor.flush()


DATA = json.dumps({"state": "processing", "items": list(range(5000))}).encode()
ENCODED = {
    None: DATA,
    "identity": DATA,
    "gzip": gzip.compress(DATA),
    "x-gzip": gzip.compress(DATA),
    "deflate": _deflate(DATA, zlib.MAX_WBITS),
    "deflate (raw)": _deflate(DATA, -zlib.MAX_WBITS),
    "gzip, deflate": _deflate(gzip.compress(DATA), zlib.MAX_WBITS),  # applied in order, undone in reverse
    "br": DATA,  # not decoded (never asked for): passed through, as httpx does without brotli
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("piece", [1, 7, 1 << 20])
def test_body_reader_decodes_what_httpx_decodes(encoding: str | None, piece: int) -> None:
    raw = ENCODED[encoding]
    reader = BodyReader(_headers(encoding.replace(" (raw)", "") if encoding else None))
    for start in range(0, len(raw), piece):
        reader.feed(raw[start : start + piece])
    assert reader.finish() == DATA


def test_body_reader_refuses_garbage_for_its_encoding() -> None:
    reader = BodyReader(_headers("gzip"))
    with pytest.raises(Undecodable):
        reader.feed(b"not gzip at all")


def test_body_reader_stops_inflating_at_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024))  # 64 KB
    reader = BodyReader(_headers("gzip"), limit=1024 * 1024)
    with pytest.raises(BodyTooLarge) as caught:
        reader.feed(bomb)  # all of it at once: still inflated one bounded step at a time
    assert caught.value.what == "decoded"
    assert len(reader.finish_partial()) <= 1024 * 1024


def test_body_reader_counts_the_bytes_as_sent() -> None:
    reader = BodyReader(_headers(None), limit=100)
    reader.feed(b"x" * 100)
    with pytest.raises(BodyTooLarge) as caught:
        reader.feed(b"x")
    assert caught.value.what == "encoded"
