"""The download fast path: a body of known length read straight off the socket into a reused buffer.

Past the bytes h11 read with the response head, `download` reads the body itself (`recv_into` one
1 MiB buffer; for `AsyncClient`, the event loop's `recv_into` one buffer through genvideo's own
asyncio protocol, `_loop_body`, over httpx and aiohttp) instead of through httpcore and h11. These tests
pin what that must not change: exact bytes whatever the sizes and however the body is split on the
wire (around 64 KiB and 1 MiB, with none, some or all of the body arriving with the head), resume
after a cut in the middle of a buffer, the end of a body that stops short, the download's deadline
against a server that trickles a byte at a time or goes silent, and a usable client afterwards. A
spy on the fast path's read counts its calls, so a test fails if the fast path was not taken.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import itertools
import random
import resource
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import _backends, _loop_body
from genvideo._download import READ_BUFFER, DownloadJob
from tests.support.faultservers import RangedObject, ScriptedServer, Version

MODES = ["sync", "async", "aiohttp"]
KIB = 1024
BLOCK = random.Random(16).randbytes(4099)  # a prime-ish period: a shifted or repeated piece shows


def pattern(size: int) -> bytes:
    return (BLOCK * (size // len(BLOCK) + 1))[:size]


# -- a raw server: every byte and pause on the wire scripted ------------------------------------------

#: One answer: (bytes to send, seconds to wait after sending them) per write; None ends the script by
#: waiting until the client hangs up (a server gone silent), an empty list closes at once.
Script = Sequence[tuple[bytes, float] | None]


class RawServer:
    """A one-thread-per-connection TCP server on 127.0.0.1: the n-th request (any connection) gets
    ``scripts(n, request_head)``: each piece in its own ``sendall`` (TCP_NODELAY). The connection
    stays open for the next request unless the answer or the request says ``Connection: close``."""

    def __init__(self, scripts: Callable[[int, bytes], Script], tls: ssl.SSLContext | None = None) -> None:
        self._scripts = scripts
        self._tls = tls
        self._sock = socket.create_server(("127.0.0.1", 0))
        self._sock.settimeout(0.05)  # accept() wakes up to see the stop flag (close() does not wake it)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self.heads: list[bytes] = []
        self.connections = 0
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        scheme = "http" if self._tls is None else "https"
        return f"{scheme}://127.0.0.1:{self._sock.getsockname()[1]}/v.mp4"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._sock.close()
        self._thread.join(5)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(None)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self._tls is not None:
            try:
                conn = self._tls.wrap_socket(conn, server_side=True)
            except OSError:
                conn.close()
                return
        with conn:
            pending = b""
            while True:
                while b"\r\n\r\n" not in pending:
                    try:
                        data = conn.recv(65536)
                    except OSError:
                        return
                    if not data:
                        return
                    pending += data
                head, pending = pending.split(b"\r\n\r\n", 1)
                with self._lock:
                    n = len(self.heads)
                    self.heads.append(head)
                closing = False
                try:
                    for step in self._scripts(n, head):
                        if step is None:
                            conn.settimeout(0.05)
                            while not self._stop.is_set():
                                try:
                                    if conn.recv(1) == b"":
                                        return
                                except TimeoutError:
                                    continue
                            return
                        data, pause = step
                        closing = closing or b"\r\nConnection: close\r\n" in data
                        conn.sendall(data)
                        if pause:
                            time.sleep(pause)
                except OSError:
                    return
                if closing or b"connection: close" in head.lower():
                    return


def head(length: int, status: str = "200 OK", extra: str = "") -> bytes:
    return f'HTTP/1.1 {status}\r\nContent-Length: {length}\r\nETag: "v1"\r\n{extra}\r\n'.encode()


def pieces(data: bytes, size: int) -> Iterator[tuple[bytes, float]]:
    for start in range(0, len(data), size):
        yield data[start : start + size], 0.0


# -- running a download, and seeing the fast path run ---------------------------------------------------


def download(mode: str, url: str, dest: Path, **options: Any) -> Path:
    output = genvideo.VideoOutput(url)
    if mode == "sync":
        with genvideo.Client(max_retries=options.pop("max_retries", 2)) as client:
            return client.download(output, dest, **options)

    async def main() -> Path:
        async with genvideo.AsyncClient(max_retries=options.pop("max_retries", 2)) as client:
            return await client.download(output, dest, **options)

    return asyncio.run(main())


@pytest.fixture
def fast_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the fast path's reads (sync and async), in order: the real methods, counted."""
    sizes: list[int] = []
    read_into, read_body = _backends._Stream.read_into, _backends._AsyncStream.read_body
    buffer_updated = _loop_body._Reader.buffer_updated

    def counted_loop_read(self: _loop_body._Reader, nbytes: int) -> None:
        sizes.append(nbytes)
        buffer_updated(self, nbytes)

    def counted_into(self: _backends._Stream, buffer: memoryview, timeout: float | None) -> int:
        n = read_into(self, buffer, timeout)
        sizes.append(n)
        return n

    async def counted_body(self: _backends._AsyncStream, max_bytes: int, timeout: float | None) -> bytes:
        data = await read_body(self, max_bytes, timeout)
        sizes.append(len(data))
        return data

    monkeypatch.setattr(_backends._Stream, "read_into", counted_into)
    monkeypatch.setattr(_backends._AsyncStream, "read_body", counted_body)
    monkeypatch.setattr(_loop_body._Reader, "buffer_updated", counted_loop_read)
    return sizes


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("genvideo._download.backoff", lambda attempt: 0.01)


# -- exact bytes --------------------------------------------------------------------------------------

SIZES = [
    64 * KIB - 1,
    64 * KIB,
    64 * KIB + 1,
    READ_BUFFER - 1,
    READ_BUFFER,
    READ_BUFFER + 1,
    2 * READ_BUFFER + 64 * KIB + 3,
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("with_head", [0, 1, 777, 64 * KIB - 200])
def test_exact_bytes_however_the_body_is_split(
    tmp_path: Path, fast_reads: list[int], mode: str, size: int, with_head: int
) -> None:
    """``with_head`` body bytes travel in the head's write (h11 holds them); the rest in 8 KiB + 13
    pieces, then all at once for the last half (reads of every size, up to a full buffer)."""
    data = pattern(size)
    first = min(with_head, size)
    half = first + (size - first) // 2

    def script(n: int, request: bytes) -> Script:
        return [(head(size) + data[:first], 0.02), *pieces(data[first:half], 8 * KIB + 13), (data[half:], 0.0)]

    with RawServer(script) as server:
        path = download(mode, server.url, tmp_path / "v.mp4")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(data).hexdigest()
    assert len(server.heads) == 1
    if size >= READ_BUFFER - 1:  # more than h11's one 64 KiB read after the head can take
        assert fast_reads, "the body was not read by the fast path"
    assert max(fast_reads, default=0) <= READ_BUFFER
    assert sum(fast_reads) <= size - first  # never a byte h11 already held


@pytest.mark.parametrize("mode", MODES)
def test_a_body_that_came_whole_with_the_head_needs_no_read(tmp_path: Path, fast_reads: list[int], mode: str) -> None:
    data = pattern(1000)
    with RawServer(lambda n, r: [(head(len(data)) + data, 0.0)]) as server:
        assert download(mode, server.url, tmp_path / "v.mp4").read_bytes() == data
    assert fast_reads == []


# -- cut bodies and resume ------------------------------------------------------------------------------


@pytest.mark.usefixtures("quick_retries")
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("cut", [READ_BUFFER // 2 + 12_345, READ_BUFFER + 1, 2 * READ_BUFFER - 7])
def test_a_cut_mid_buffer_resumes_where_the_file_stops(
    tmp_path: Path, fast_reads: list[int], mode: str, cut: int
) -> None:
    data = pattern(2 * READ_BUFFER + 4099)
    with ScriptedServer(RangedObject([Version(data)], cut={0: cut})) as server:
        path = download(mode, server.base_url + "/v.mp4", tmp_path / "v.mp4")
        ranges = [request.header("Range") for request in server.requests]
        if_range = server.requests[1].header("If-Range")
    assert path.read_bytes() == data
    assert ranges == [None, f"bytes={cut}-"]
    assert if_range == '"v1"'
    assert fast_reads


@pytest.mark.usefixtures("quick_retries")
@pytest.mark.parametrize("mode", MODES)
def test_a_body_that_stops_short_is_never_taken_for_complete(tmp_path: Path, fast_reads: list[int], mode: str) -> None:
    """Every answer announces 3 MiB and closes after 1.5: out of retries, nothing reaches dest."""
    size = 3 * READ_BUFFER
    data = pattern(size)

    def script(n: int, request: bytes) -> Script:
        return [(head(size, extra="Connection: close\r\n"), 0.01), *pieces(data[: size // 2], 256 * KIB)]

    with RawServer(script) as server, pytest.raises(genvideo.DownloadError) as caught:
        download(mode, server.url, tmp_path / "v.mp4", max_retries=1)
    assert "peer closed connection without sending complete message body" in str(caught.value)
    assert fast_reads
    assert list(tmp_path.iterdir()) == []


# -- deadlines --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_server_trickling_one_byte_at_a_time_still_honours_the_deadline(
    tmp_path: Path, fast_reads: list[int], mode: str
) -> None:
    """1 byte per 5 ms would take ~50 s for 10,000 bytes; timeout=0.6 ends it (each 1-byte read is
    a piece the job checks against the deadline)."""
    size = 10_000
    data = pattern(size)

    def script(n: int, request: bytes) -> Script:
        return [(head(size), 0.01), *((data[i : i + 1], 0.005) for i in range(size))]

    started = time.monotonic()
    with RawServer(script) as server, pytest.raises(genvideo.DownloadError) as caught:
        download(mode, server.url, tmp_path / "v.mp4", timeout=0.6)
    elapsed = time.monotonic() - started
    assert "timed out after 0.6 s" in str(caught.value)
    assert 0.6 <= elapsed < 1.5
    assert len(fast_reads) > 10
    assert set(fast_reads) == {1}
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
def test_a_read_started_late_ends_at_the_deadline(tmp_path: Path, fast_reads: list[int], mode: str) -> None:
    """Bytes flow for ~0.7 s, then the server goes silent. The attempt's read timeout was set to the
    1.2 s left when it started; the read that starts at ~0.7 s must end at the deadline (1.2 s), not
    1.2 s later."""
    size = 100_000

    def script(n: int, request: bytes) -> Script:
        return [(head(size), 0.0), *((b"x" * 100, 0.01) for _ in range(70)), None]

    started = time.monotonic()
    with RawServer(script) as server, pytest.raises(genvideo.DownloadError) as caught:
        download(mode, server.url, tmp_path / "v.mp4", timeout=1.2, max_retries=0)
    elapsed = time.monotonic() - started
    assert "timed out" in str(caught.value)
    assert 1.2 <= elapsed < 1.7
    assert fast_reads
    assert list(tmp_path.iterdir()) == []


# -- the client afterwards ---------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_the_client_stays_usable_and_never_reuses_the_connection(
    tmp_path: Path, fast_reads: list[int], mode: str
) -> None:
    """The connection a body was read from past h11 is closed, not handed to the next request."""
    data = pattern(READ_BUFFER + 5)

    def script(n: int, request: bytes) -> Script:
        return [(head(len(data)), 0.01), *pieces(data, 100 * KIB)]

    with RawServer(script) as server:
        output = genvideo.VideoOutput(server.url)
        if mode == "sync":
            with genvideo.Client() as client:
                paths = [client.download(output, tmp_path / f"v{i}.mp4") for i in range(3)]
        else:

            async def main() -> list[Path]:
                async with genvideo.AsyncClient() as client:
                    return [await client.download(output, tmp_path / f"v{i}.mp4") for i in range(3)]

            paths = asyncio.run(main())
        connections = server.connections
    assert [p.read_bytes() == data for p in paths] == [True, True, True]
    assert connections == 3
    assert fast_reads


# -- TLS: the socket read is an ssl.SSLSocket's (decrypted, one record at a time) --------------------------


@pytest.fixture(scope="module")
def tls_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A server context with a fresh self-signed certificate for 127.0.0.1, and a client context trusting it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("needs the openssl command to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert, key)
    client = ssl.create_default_context(cafile=str(cert))
    return server, client


@pytest.mark.parametrize("mode", MODES)
def test_exact_bytes_over_tls(
    tmp_path: Path,
    fast_reads: list[int],
    tls_pair: tuple[ssl.SSLContext, ssl.SSLContext],
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server_tls, client_tls = tls_pair
    data = pattern(2 * READ_BUFFER + 12_345)

    def script(n: int, request: bytes) -> Script:
        return [(head(len(data)) + data[:999], 0.02), *pieces(data[999:], 300 * KIB)]

    with RawServer(script, tls=server_tls) as server:
        output = genvideo.VideoOutput(server.url)
        if mode == "sync":
            with genvideo.Client(transport=httpx.HTTPTransport(verify=client_tls)) as client:
                path = client.download(output, tmp_path / "v.mp4")
        elif mode == "async":

            async def main() -> Path:
                async with genvideo.AsyncClient(transport=httpx.AsyncHTTPTransport(verify=client_tls)) as client:
                    return await client.download(output, tmp_path / "v.mp4")

            path = asyncio.run(main())
        else:  # aiohttp's TLS is asyncio's: the loop reader gets the decrypted bytes
            monkeypatch.setattr("genvideo._client._ssl_context", lambda: client_tls)
            path = download(mode, server.url, tmp_path / "v.mp4")
    assert path.read_bytes() == data
    assert fast_reads
    assert sum(fast_reads) <= len(data) - 999


# -- AsyncClient: the event loop's reader (_loop_body) -------------------------------------------------

ASYNC_MODES = ["async", "aiohttp"]


@pytest.fixture
def write_threads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, int]]:
    """Each ``DownloadJob.write``: (made on the main thread, where the test's event loop runs; bytes)."""
    writes: list[tuple[bool, int]] = []
    write = DownloadJob.write

    def spied(self: DownloadJob, chunk: bytes | memoryview) -> Any:
        writes.append((threading.current_thread() is threading.main_thread(), len(chunk)))
        return write(self, chunk)

    monkeypatch.setattr(DownloadJob, "write", spied)
    return writes


def body_in_pieces(size: int) -> tuple[bytes, Callable[[int, bytes], Script]]:
    data = pattern(size)
    return data, lambda n, request: [(head(size), 0.02), *((p, 0.001) for p, _ in pieces(data, 100 * KIB))]


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_the_loop_reader_writes_on_the_loop_until_slow_writes_held_it(
    tmp_path: Path, fast_reads: list[int], write_threads: list[tuple[bool, int]], mode: str, write_place: str
) -> None:
    """On the loop: every write of the loop reader is made there. Threaded (every write counts as
    slow): the loop makes one, a worker thread the rest, and the bytes are the same whatever order the
    reads and the thread's writes interleave in. Over httpx, what h11 held (up to 64 KiB) is written
    in a worker thread either way, as before."""
    data, script = body_in_pieces(3 * READ_BUFFER + 7)
    with RawServer(script) as server:
        assert download(mode, server.url, tmp_path / "v.mp4").read_bytes() == data
    on_loop = sum(n for on, n in write_threads if on)
    off_loop = sum(n for on, n in write_threads if not on)
    assert sum(fast_reads) > 2 * READ_BUFFER
    if write_place == "on-loop":
        assert off_loop <= 64 * KIB
    else:
        assert on_loop <= READ_BUFFER + 64 * KIB  # the first loop write (at most a buffer), what came before
        assert off_loop >= len(data) - on_loop - 64 * KIB


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_one_slow_write_does_not_move_the_writes_off_the_loop(
    tmp_path: Path,
    fast_reads: list[int],
    write_threads: list[tuple[bool, int]],
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One write of the loop reader waits 20 ms (the disk's moment of hiccup): under the 50 ms the loop
    may be held, so every later write is still made on the loop."""
    buffer_updated = _loop_body._Reader.buffer_updated
    stalled: list[bool] = []

    def once_slow(self: _loop_body._Reader, nbytes: int) -> None:
        if not stalled:  # the first read's write: 20 ms longer
            stalled.append(True)
            write = self._job.write

            def slow(chunk: bytes | memoryview) -> Any:
                time.sleep(0.02)
                return write(chunk)

            self._job.write = slow  # type: ignore[method-assign]
            buffer_updated(self, nbytes)
            self._job.write = write  # type: ignore[method-assign]
            return
        buffer_updated(self, nbytes)

    monkeypatch.setattr(_loop_body._Reader, "buffer_updated", once_slow)
    data, script = body_in_pieces(3 * READ_BUFFER + 7)
    with RawServer(script) as server:
        assert download(mode, server.url, tmp_path / "v.mp4").read_bytes() == data
    assert stalled
    assert sum(n for on_loop, n in write_threads if not on_loop) <= 64 * KIB  # what h11 held, as before


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_a_disk_that_stalls_holds_the_event_loop_once(
    tmp_path: Path, fast_reads: list[int], mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each write takes 60 ms (a disk that stalls). A ticker on the loop sees it held that long once
    (the write that showed the disk is slow), not once per write: the write of bytes the backend had
    queued before the takeover (over httpx, often one) counts as the loop reader's own."""
    write = DownloadJob.write

    def slow(self: DownloadJob, chunk: bytes | memoryview) -> Any:
        time.sleep(0.06)
        return write(self, chunk)

    monkeypatch.setattr(DownloadJob, "write", slow)
    data, script = body_in_pieces(2 * READ_BUFFER + 3)
    gaps: list[float] = []

    async def main() -> Path:
        async def tick() -> None:
            last = time.monotonic()
            while True:
                await asyncio.sleep(0.005)
                now = time.monotonic()
                gaps.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        try:
            async with genvideo.AsyncClient() as client:
                return await client.download(genvideo.VideoOutput(server.url), tmp_path / "v.mp4")
        finally:
            ticker.cancel()

    with RawServer(script) as server:
        assert asyncio.run(main()).read_bytes() == data
    assert fast_reads
    assert len(gaps) > 20
    assert sum(gap > 0.05 for gap in gaps) <= 1
    assert max(gaps) < 0.11  # one write's 60 ms: not a second one after it (bytes the backend held, say)


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_writes_come_back_to_the_loop_once_the_disk_is_quick_again(
    tmp_path: Path, fast_reads: list[int], mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loop reader's first write, and its first after coming back, take 60 ms (the disk stalls a
    while): each moves the writes to a worker thread, which makes LOOP_RETURN_AFTER quick ones the first
    time and twice as many the second before they come back to the loop, where the rest are made."""
    monkeypatch.setattr(_loop_body, "LOOP_WRITE_SECONDS", 0.03)  # quick: a thread write that lost its core too
    places: list[bool] = []  # per write of the loop reader: made on the loop
    timed_write = _loop_body._Reader._timed_write

    def scripted(self: _loop_body._Reader, piece: memoryview) -> tuple[Any, float]:
        on_loop = threading.current_thread() is threading.main_thread()
        started = time.perf_counter()
        if on_loop and places.count(True) < 2 and (not places or not places[-1]):
            time.sleep(0.06)
        places.append(on_loop)
        step, _ = timed_write(self, piece)
        return step, time.perf_counter() - started

    monkeypatch.setattr(_loop_body._Reader, "_timed_write", scripted)
    data = pattern(100 * 16 * KIB)  # paced, so that most reads (and writes) are one piece, a stall's backlog aside
    script = [(head(len(data)), 0.02), *((p, 0.003) for p, _ in pieces(data, 16 * KIB))]
    with RawServer(lambda n, request: script) as server:
        assert download(mode, server.url, tmp_path / "v.mp4").read_bytes() == data
    runs = [(on_loop, len(list(run))) for on_loop, run in itertools.groupby(places)]
    assert [on_loop for on_loop, _ in runs] == [True, False, True, False, True]
    assert runs[0][1] == runs[2][1] == 1
    assert runs[1][1] >= _loop_body.LOOP_RETURN_AFTER
    assert runs[3][1] >= 2 * _loop_body.LOOP_RETURN_AFTER
    assert runs[4][1] >= 1


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_writes_that_only_lost_their_core_stay_on_the_loop(
    tmp_path: Path,
    fast_reads: list[int],
    write_threads: list[tuple[bool, int]],
    mode: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each write takes 60 ms but the thread never slept meanwhile (it was waiting for a core, not for
    the disk: a busy machine): a worker thread would not help, so every write stays on the loop."""
    write = DownloadJob.write

    def slow(self: DownloadJob, chunk: bytes | memoryview) -> Any:
        time.sleep(0.06)
        return write(self, chunk)

    monkeypatch.setattr(DownloadJob, "write", slow)
    monkeypatch.setattr(_loop_body, "_sleeps", lambda: 0)
    data, script = body_in_pieces(2 * READ_BUFFER + 3)
    with RawServer(script) as server:
        assert download(mode, server.url, tmp_path / "v.mp4").read_bytes() == data
    assert sum(fast_reads) > READ_BUFFER
    assert sum(n for on_loop, n in write_threads if not on_loop) <= 64 * KIB  # what h11 held, as before


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux says how often a thread slept")
def test_a_thread_that_sleeps_is_told_from_one_that_computes() -> None:
    """``_sleeps`` counts this thread's sleeps (waits for I/O, a lock, a timer), not its work. In a fresh
    interpreter: here, another test's leftover thread could make this one wait for the GIL (a sleep)."""
    check = textwrap.dedent(
        """
        import hashlib, time
        from genvideo._loop_body import _sleeps
        before = _sleeps()
        hashlib.sha256(bytes(8 * 2**20)).digest()  # ~20 ms of work, no wait
        computed = _sleeps()
        time.sleep(0.01)
        print(before, computed, _sleeps())
        """
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=60)
    before, computed, slept = map(int, result.stdout.split())
    assert computed == before
    assert slept > before


@pytest.fixture(params=[60.0, -1.0], ids=["on-loop", "threaded"])
def write_place(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Where the loop reader writes: on the event loop throughout (limits never reached), or in a worker
    thread from its second write on (limits below 0 s: every write is slow, even one that never waited,
    and none is quick)."""
    monkeypatch.setattr(_loop_body, "LOOP_WRITE_SECONDS", request.param)
    monkeypatch.setattr(_loop_body, "LOOP_HOLD_SECONDS", request.param)
    return "on-loop" if request.param > 0 else "threaded"


@contextlib.contextmanager
def file_size_limit(limit: int) -> Iterator[None]:
    """Files this process writes may not grow past ``limit`` bytes meanwhile (RLIMIT_FSIZE; a write
    past it fails with EFBIG rather than a signal): a disk that fills up mid-download."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@pytest.mark.usefixtures("write_place")
@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_a_failing_write_ends_the_loop_reader(tmp_path: Path, fast_reads: list[int], mode: str) -> None:
    _, script = body_in_pieces(3 * READ_BUFFER)
    with (
        RawServer(script) as server,
        pytest.raises(genvideo.DownloadError, match="failed: File too large"),
        file_size_limit(3 * READ_BUFFER // 2),
    ):
        download(mode, server.url, tmp_path / "v.mp4")
    assert fast_reads
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("write_place")
@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_an_on_progress_error_ends_the_download_as_itself(tmp_path: Path, fast_reads: list[int], mode: str) -> None:
    _, script = body_in_pieces(3 * READ_BUFFER)
    seen: list[int] = []

    def on_progress(done: int, total: int | None) -> None:
        seen.append(done)
        if done > READ_BUFFER:
            raise LookupError("the caller's own error")

    with RawServer(script) as server, pytest.raises(LookupError, match="the caller's own error"):
        download(mode, server.url, tmp_path / "v.mp4", on_progress=on_progress)
    assert seen == sorted(seen)
    assert fast_reads
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("write_place")
@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_a_cancelled_download_leaves_nothing_and_the_client_usable(
    tmp_path: Path, fast_reads: list[int], mode: str
) -> None:
    """The first answer sends 1.5 MiB, then a byte every 20 ms; the download is cancelled while it
    trickles. The temp file goes, and the same client then downloads the whole video."""
    size = 2 * READ_BUFFER
    data = pattern(size)

    def script(n: int, request: bytes) -> Script:
        if n == 0:
            half = size * 3 // 4
            return [(head(size), 0.01), *pieces(data[:half], 256 * KIB), *((b"x", 0.02) for _ in range(200))]
        return [(head(size) + data, 0.0)]

    async def main() -> Path:
        async with genvideo.AsyncClient() as client:
            output = genvideo.VideoOutput(server.url)
            task = asyncio.create_task(client.download(output, tmp_path / "v.mp4"))
            while sum(fast_reads) < READ_BUFFER or fast_reads[-1] != 1:
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert list(tmp_path.iterdir()) == []
            return await client.download(output, tmp_path / "v.mp4")

    with RawServer(script) as server:
        assert asyncio.run(main()).read_bytes() == data


def test_only_asyncio_own_transports_are_taken_over() -> None:
    """Another loop's transports (uvloop's) keep the backend's own reads: their support for a
    ``BufferedProtocol`` put on with ``set_protocol`` is not known."""

    class Foreign(asyncio.Transport):
        pass

    async def main() -> asyncio.Transport | None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(asyncio.Protocol, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        transport, _ = await loop.create_connection(asyncio.Protocol, "127.0.0.1", port)
        try:
            return _loop_body.asyncio_transport(transport)
        finally:
            transport.close()
            server.close()

    assert _loop_body.asyncio_transport(Foreign()) is None
    assert _loop_body.asyncio_transport(object()) is None
    assert isinstance(asyncio.run(main()), asyncio.Transport)


@pytest.mark.parametrize("mode", ASYNC_MODES)
def test_a_connection_reset_mid_body_is_a_read_error_and_the_client_closes(
    tmp_path: Path, fast_reads: list[int], mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server sends 1.5 of 3 MiB, then resets the connection (RST). The attempt fails as a read
    error (no retries left), nothing is left behind, the backend's own protocol (anyio's, aiohttp's)
    is told its connection is gone, and the client closes promptly."""
    told: list[Exception | None] = []
    backend_protocol: type[asyncio.BaseProtocol]
    if mode == "aiohttp":
        from aiohttp.client_proto import ResponseHandler as backend_protocol
    else:
        from anyio._backends._asyncio import StreamProtocol as backend_protocol
    connection_lost = backend_protocol.connection_lost

    def spied(self: Any, exc: Exception | None) -> None:
        told.append(exc)
        connection_lost(self, exc)

    monkeypatch.setattr(backend_protocol, "connection_lost", spied)
    size = 3 * READ_BUFFER
    data = pattern(size)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(head(size) + data[: size // 2])
            time.sleep(0.2)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/v.mp4"

    async def main() -> float:
        client = genvideo.AsyncClient(max_retries=0)
        with pytest.raises(genvideo.DownloadError) as caught:
            await client.download(genvideo.VideoOutput(url), tmp_path / "v.mp4")
        assert "reset" in str(caught.value).lower()
        started = time.monotonic()
        await asyncio.wait_for(client.close(), 5)
        return time.monotonic() - started

    try:
        assert asyncio.run(main()) < 1
    finally:
        server.join(5)
        listener.close()
    assert fast_reads
    assert any(isinstance(exc, ConnectionResetError) for exc in told)
    assert list(tmp_path.iterdir()) == []
