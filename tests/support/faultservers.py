"""Tiny local servers for the faults the sandbox cannot script.

`ScriptedServer` is a threading HTTP/1.1 server on 127.0.0.1 whose every answer is decided by a
function of the request: any status line (even a made-up reason phrase), a body written in one
write (TCP_NODELAY is set), a body dripped a few bytes at a time, a streamed body of any size
generated on the fly (constant memory), or nothing at all. It records each request target exactly
as received. Standard library only; tests start one per module or per test.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass(frozen=True)
class Request:
    """One request as received: the raw request target and the headers in order."""

    method: str
    target: str
    headers: list[tuple[str, str]]

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((v for k, v in self.headers if k.lower() == wanted), None)


@dataclass(frozen=True)
class Reply:
    """What to answer. `stream` (chunks) replaces `body`; `drip` sends the body `drip_size` bytes at a time."""

    status: int = 200
    body: bytes = b""
    headers: Sequence[tuple[str, str]] = ()
    reason: str = "OK"
    content_length: int | None = None
    """The Content-Length header to send; default len(body). -1 sends none."""
    stream: Iterable[bytes] | None = None
    drip: float | None = None
    drip_size: int = 1
    hang: bool = False
    close: bool = False
    chunked: bool = False
    """Send the body with Transfer-Encoding: chunked (no Content-Length), one chunk per write."""
    terminate: bool = True
    """With `chunked`: False stops before the terminating zero-size chunk and closes (a cut body)."""


Handler = Callable[[Request], Reply]


@dataclass
class _State:
    handler: Handler
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    closing: threading.Event = field(default_factory=threading.Event)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 256  # a client opening a hundred connections at once is not made to wait
    state: _State

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-answer are expected here: stay quiet."""


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        """Silence per-request logging."""

    def _dispatch(self) -> None:
        state = self.server.state
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        request = Request(self.command, self.path, [(str(k), str(v)) for k, v in self.headers.items()])
        with state.lock:
            state.requests.append(request)
        reply = state.handler(request)
        try:
            self._answer(reply, state.closing)
        except OSError:
            self.close_connection = True

    do_GET = _dispatch
    do_HEAD = _dispatch
    do_POST = _dispatch  # a look-up some API makes as a POST (HitPaw's task status, Veo's poll)

    def _answer(self, reply: Reply, closing: threading.Event) -> None:
        if reply.hang:
            while not closing.wait(0.02) and not self._client_gone():
                pass
            self.close_connection = True
            return
        headers = list(reply.headers)
        length = len(reply.body) if reply.content_length is None else reply.content_length
        if reply.chunked:
            headers.append(("Transfer-Encoding", "chunked"))
        elif length >= 0:
            headers.append(("Content-Length", str(length)))
        if reply.close:
            headers.append(("Connection", "close"))
            self.close_connection = True
        head = f"HTTP/1.1 {reply.status} {reply.reason}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
        if reply.chunked:
            self.wfile.write(head.encode("latin-1"))
            for chunk in reply.stream if reply.stream is not None else [reply.body]:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if reply.terminate:
                self.wfile.write(b"0\r\n\r\n")
            else:
                self.close_connection = True
            return
        if reply.stream is not None:
            self.wfile.write(head.encode("latin-1"))
            for chunk in reply.stream:
                if closing.is_set():
                    break
                self.wfile.write(chunk)
            return
        if reply.drip is None:
            self.wfile.write(head.encode("latin-1") + reply.body)  # one write
            return
        self.wfile.write(head.encode("latin-1"))
        for start in range(0, len(reply.body), reply.drip_size):
            if closing.wait(reply.drip):
                break
            self.wfile.write(reply.body[start : start + reply.drip_size])
        self.close_connection = True

    def _client_gone(self) -> bool:
        import select

        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True


class ScriptedServer:
    """A local HTTP server answering every request with `handler(request)`. Use as a context manager."""

    def __init__(self, handler: Handler) -> None:
        self._state = _State(handler)
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.state = self._state
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, name="fault-server", daemon=True
        )

    @property
    def handler(self) -> Handler:
        return self._state.handler

    @handler.setter
    def handler(self, handler: Handler) -> None:
        self._state.handler = handler

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[Request]:
        with self._state.lock:
            return list(self._state.requests)

    def clear(self) -> None:
        with self._state.lock:
            self._state.requests.clear()

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._state.closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def closed_port_url() -> str:
    """An http://127.0.0.1:PORT URL where nothing listens (connections are refused)."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def pattern_stream(total: int, block: bytes, start: int = 0) -> Iterable[bytes]:
    """Bytes `start..total` of `block` repeated forever, in block-sized chunks, generated on the fly."""
    size = len(block)
    position = start
    first = start % size
    if first:
        piece = block[first : first + (total - position)]
        position += len(piece)
        yield piece
    while position < total:
        piece = block[: total - position]
        position += len(piece)
        yield piece


def pattern_bytes(total: int, block: bytes, start: int = 0) -> bytes:
    """The same bytes as `pattern_stream`, joined (for small sizes only)."""
    return b"".join(pattern_stream(total, block, start))


def wait_until(predicate: Callable[[], bool], timeout: float = 2.0) -> bool:
    """Poll `predicate` until it holds or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


@dataclass(frozen=True)
class Version:
    """One version of a served object: its bytes and validators (None: that header is not sent)."""

    data: bytes
    etag: str | None = '"v1"'
    last_modified: str | None = None


@dataclass
class RangedObject:
    """A handler serving one object the way a CDN does: Range, If-Range, 416, ETag, Last-Modified.

    Request number n (0-based) sees `versions[min(n, len(versions) - 1)]`, so the object can change
    between attempts. `cut` maps a request number to how many body bytes it sends (after announcing the
    full length) before closing. Server quirks: `honour_if_range=False` answers 206 whatever If-Range
    says; `star_total` answers `Content-Range: bytes N-M/*`; `range_limit` caps a 206 at that many bytes
    (a shorter range than asked); `length=False` sends 200s without Content-Length, ended by closing the
    connection; `ranges=False` ignores Range (a 200 every time).
    """

    versions: Sequence[Version]
    cut: dict[int, int] = field(default_factory=dict)
    honour_if_range: bool = True
    star_total: bool = False
    range_limit: int | None = None
    length: bool = True
    ranges: bool = True
    count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __call__(self, request: Request) -> Reply:
        with self._lock:
            n = self.count
            self.count += 1
        version = self.versions[min(n, len(self.versions) - 1)]
        data = version.data
        headers = [("Content-Type", "video/mp4"), ("Accept-Ranges", "bytes" if self.ranges else "none")]
        if version.etag is not None:
            headers.append(("ETag", version.etag))
        if version.last_modified is not None:
            headers.append(("Last-Modified", version.last_modified))
        wanted = range_start(request.header("Range")) if self.ranges else None
        if_range = request.header("If-Range")
        if wanted is not None and if_range is not None and self.honour_if_range:
            strong = version.etag is not None and not version.etag.startswith("W/") and if_range == version.etag
            if not strong and if_range != version.last_modified:
                wanted = None  # another version: the whole of the current one
        if wanted is not None and wanted >= len(data):
            unsatisfiable = [*headers, ("Content-Range", f"bytes */{len(data)}")]
            return Reply(416, headers=unsatisfiable, reason="Range Not Satisfiable")
        if wanted is None:
            status, reason, body = 200, "OK", data
            length = len(body) if self.length else -1
        else:
            end = len(data) if self.range_limit is None else min(len(data), wanted + self.range_limit)
            status, reason, body = 206, "Partial Content", data[wanted:end]
            headers.append(("Content-Range", f"bytes {wanted}-{end - 1}/{'*' if self.star_total else len(data)}"))
            length = len(body)
        cut = self.cut.get(n)
        if cut is not None:
            return Reply(status, body[:cut], headers=headers, reason=reason, content_length=length, close=True)
        return Reply(status, body, headers=headers, reason=reason, content_length=length, close=length < 0)


def range_start(header: str | None) -> int | None:
    """N of a `bytes=N-` Range header (the only form genvideo sends), else None."""
    if header is None or not header.startswith("bytes=") or not header.endswith("-"):
        return None
    value = header[len("bytes=") : -1]
    return int(value) if value.isdigit() else None
