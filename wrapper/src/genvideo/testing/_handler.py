"""HTTP/1.1 I/O: parsing and recording requests, carrying out faults, writing each response in one write."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import select
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
import zlib
from collections.abc import Callable
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ._faults import Fault
from ._recording import RecordedRequest
from ._replies import Reply, flat_error, reason_phrase
from ._routing import Route, route
from ._state import ANSWERING_FAULTS, SandboxState

_NO_BODY_STATUSES = frozenset({204, 304})
_MAX_LINE = 65536
_ONE_WRITE_MAX = 1 << 20
_STREAM_CHUNK = 1 << 20
STREAMED_HEADER = "X-Genvideo-Sandbox-Streamed"
"""Added to a request whose body was streamed (recorded empty): `length=<bytes>; md5=<hex>`."""

Answer = Callable[[bool, str | None], Reply]
"""Produces the normal response: (commit, state_override) -> Reply."""


class SandboxServer(ThreadingHTTPServer):
    """A threading HTTP server that can drop all its connections at once on shutdown."""

    # socketserver's default backlog of 5 drops handshakes when a client pool opens dozens of
    # connections at once (each drop costs a 1 s / 3 s / 7 s SYN retry).
    request_queue_size = 1024

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], app: SandboxState) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._accepted = 0
        super().__init__(address, SandboxHandler)

    def server_bind(self) -> None:
        """Bind without HTTPServer's reverse-DNS lookup (`getfqdn`), which can be slow."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.socket.getsockname()[:2]
        self.server_name, self.server_port = str(host), int(port)

    def track(self, connection: socket.socket) -> int:
        """Remember an open connection so `drop_connections` can end it; returns its number (from 1)."""
        with self._connections_lock:
            self._connections.add(connection)
            self._accepted += 1
            return self._accepted

    def untrack(self, connection: socket.socket) -> None:
        """Forget a finished connection."""
        with self._connections_lock:
            self._connections.discard(connection)

    def drop_connections(self) -> None:
        """Shut down every open connection, waking handler threads blocked on reads."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: object, client_address: object) -> None:
        """Stay quiet about clients that went away (and anything during shutdown)."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) or self.app.closing.is_set():
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class SandboxHandler(BaseHTTPRequestHandler):
    """Serves one connection (keep-alive) of the sandbox."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "genvideo-sandbox"
    sys_version = ""
    server: SandboxServer
    connection_number = 0

    def setup(self) -> None:
        """Register the connection with the server."""
        super().setup()
        self.connection_number = self.server.track(self.connection)

    def finish(self) -> None:
        """Unregister the connection."""
        try:
            super().finish()
        finally:
            self.server.untrack(self.connection)

    def log_message(self, format: str, *args: object) -> None:
        """Silence per-request logging."""

    # -- dispatch ------------------------------------------------------------------------------

    def _dispatch(self) -> None:
        app = self.server.app
        streamed = self._streams_body()
        body = self._read_streamed() if streamed else self._read_body()
        if body is None:
            self.close_connection = True
            self._send(flat_error(400, message="Malformed request body"))
            return
        target = self.requestline.split()[1]
        path_and_query = target
        if target.startswith(("http://", "https://")):  # absolute-form: route on the path only
            path_and_query = "/" + target.split("://", 1)[1].partition("/")[2]
        path, _, query = path_and_query.partition("?")
        streamed_header = []
        if isinstance(body, tuple):  # a streamed body is recorded as its length and digest
            streamed_header = [(STREAMED_HEADER, f"length={body[0]}; md5={body[1]}")]
        request = RecordedRequest(
            method=self.command,
            target=target,
            path=path,
            query=query,
            headers=[(str(k), str(v)) for k, v in self.headers.items()] + streamed_header,
            body=b"" if isinstance(body, tuple) else body,
            time=time.time(),
            connection=self.connection_number,
        )
        where, fault = app.begin(request)
        try:
            if where.is_submit:
                self._submit(fault, request, where)
            elif fault is None:
                self._send(app.respond(request, where, commit=self.command != "HEAD"))
            else:

                def answer(commit: bool, state: str | None) -> Reply:
                    return app.respond(request, where, commit=commit, state_override=state)

                self._apply(fault, answer, where)
        except OSError:
            self.close_connection = True
        except Exception:  # a sandbox bug: say so loudly, on stderr and to the client
            traceback.print_exc()
            self.close_connection = True
            self._send(flat_error(500, code="sandbox_error", message="Sandbox internal error"))

    do_GET = _dispatch
    do_HEAD = _dispatch
    do_POST = _dispatch
    do_PUT = _dispatch
    do_PATCH = _dispatch
    do_DELETE = _dispatch
    do_OPTIONS = _dispatch

    def _submit(self, fault: Fault | None, request: RecordedRequest, where: Route) -> None:
        """A submit is processed on receipt; a fault then only changes how (or whether) the answer arrives.

        Answering faults (`status`, `error`, `body`, `redirect`) answer instead: nothing is processed.
        """
        app = self.server.app
        if fault is not None and fault.kind in ANSWERING_FAULTS:
            self._send(app.reject_submit(request, where, fault))
            return
        state = fault.raw_state if fault is not None and fault.kind == "state" else None
        outcome = app.submit(request, where, state_override=state)
        if isinstance(outcome, Fault):  # a reject script that drops the connection: nothing was processed
            self._apply(outcome, _no_answer, where)
        elif fault is None or fault.kind == "state":
            self._send(outcome)
        else:
            self._apply(fault, lambda commit, state: outcome, where)

    def _apply(self, fault: Fault, answer: Answer, where: Route) -> None:
        match fault.kind:
            case "status" | "error" | "body" | "redirect":
                self._send(self.server.app.fault_answer(where, fault))
            case "state":
                self._send(answer(False, fault.raw_state if where.is_api else None))
            case "headers":
                response = answer(self.command != "HEAD", None)
                self._send(Reply(response.status, (*response.headers, *fault.headers), response.body))
            case "delay":
                if self._wait(fault.seconds):
                    self._send(answer(self.command != "HEAD", None))
                else:
                    self.close_connection = True
            case "hang":
                self._wait(None)
                self.close_connection = True
            case "truncate" | "cut":
                response = answer(False, None)
                self._send(response, limit=int(len(response.body) * fault.fraction))
                self.close_connection = True
            case "reset":
                if fault.mid_response:
                    response = answer(False, None)
                    self._send(response, limit=len(response.body) // 2)
                self._reset()
            case "drip":
                self._drip(answer(False, None), fault)
            case "informational":
                self._informational(fault, answer)
            case "endless":
                self._endless(fault)
            case "gzip_bomb":
                response = answer(False, None)
                headers = tuple(
                    h for h in response.headers if h[0].lower() not in ("content-length", "content-encoding")
                )
                self._send(
                    Reply(
                        response.status,
                        (*headers, ("Content-Encoding", "gzip")),
                        gzip_bomb(bytes(response.body), fault.size),
                    )
                )

    # -- reading -------------------------------------------------------------------------------

    def _streams_body(self) -> bool:
        """Whether this request's body is streamed rather than read whole: a PUT with a Content-Length to an
        `upload` endpoint of a fake that sets `stream_upload_bodies` (for uploads of any size, e.g. 1 GB)."""
        if self.command != "PUT" or "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return False
        path = self.requestline.split()[1].partition("?")[0]
        probe = RecordedRequest(self.command, path, path, "", [], b"", 0.0)
        where = route(probe, self.server.app.fakes)
        return where.kind == "upload" and bool(getattr(where.fake, "stream_upload_bodies", False))

    def _read_streamed(self) -> tuple[int, str] | None:
        """The body's length and MD5 (hex), hashed and counted as it arrives in chunks of 1 MiB; None if the
        framing is malformed or the client hung up mid-body (no request, as for `_read_body`)."""
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return None
        digest = hashlib.md5(usedforsecurity=False)
        left = length
        while left > 0:
            chunk = self.rfile.read(min(left, _STREAM_CHUNK))
            if not chunk:
                return None
            digest.update(chunk)
            left -= len(chunk)
        return length, digest.hexdigest()

    def _read_body(self) -> bytes | None:
        """The request body (Content-Length or chunked), or None if the framing is malformed."""
        try:
            if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
                chunks: list[bytes] = []
                while size := int(self.rfile.readline(_MAX_LINE).split(b";")[0].strip(), 16):
                    chunks.append(chunk := self.rfile.read(size))
                    if len(chunk) != size:
                        return None
                    self.rfile.readline(_MAX_LINE)
                while self.rfile.readline(_MAX_LINE).strip():  # trailers
                    pass
                return b"".join(chunks)
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return None
        body = self.rfile.read(length) if length > 0 else b""
        return body if len(body) == length else None  # a client that hung up mid-body sent no request

    # -- writing -------------------------------------------------------------------------------

    def _send(self, response: Reply, *, limit: int | None = None) -> None:
        """Write status line, headers and body with a single `write` (one segment for small responses).

        With `limit`, only that many body bytes follow the full-length headers.
        """
        head, body = self._render(response, limit)
        # One write; only bodies above _ONE_WRITE_MAX go out as a second write of the remainder, to avoid
        # copying them (TCP_NODELAY keeps that from stalling).
        self.wfile.write(head + body[:_ONE_WRITE_MAX])
        if len(body) > _ONE_WRITE_MAX:
            self.wfile.write(body[_ONE_WRITE_MAX:])

    def _render(self, response: Reply, limit: int | None = None) -> tuple[bytes, memoryview]:
        """The status line and headers (with Content-Length, Date, Server), and the body to send."""
        status = response.status
        names = {name.lower() for name, _ in response.headers}
        headers = list(response.headers)
        if "content-length" not in names and status not in _NO_BODY_STATUSES and status >= 200:
            headers.append(("Content-Length", str(len(response.body))))
        headers += [("Date", formatdate(usegmt=True)), ("Server", self.server_version)]
        if self.close_connection and limit is None:
            headers.append(("Connection", "close"))
        head = f"HTTP/1.1 {status} {reason_phrase(status)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
        return head.encode("latin-1"), memoryview(b"" if self.command == "HEAD" else response.body)[:limit]

    # -- hostile answers -------------------------------------------------------------------------

    def _drip(self, response: Reply, fault: Fault) -> None:
        """`fault.size` bytes of the answer (head included unless `body_only`) every `fault.seconds`."""
        self.close_connection = True
        head, body = self._render(response)
        data = bytes(body) if fault.body_only else head + bytes(body)
        if fault.body_only:
            self.wfile.write(head)
        for start in range(0, len(data), fault.size):
            if not self._wait(fault.seconds):
                return
            self.wfile.write(data[start : start + fault.size])

    def _informational(self, fault: Fault, answer: Answer) -> None:
        """1xx responses every `fault.seconds`: `fault.count` of them then the answer, or endlessly."""
        code = fault.status_code
        interim = f"HTTP/1.1 {code} {reason_phrase(code)}\r\n"
        if code == 103:
            interim += "Link: </static/player.css>; rel=preload; as=style\r\n"
        data = (interim + "\r\n").encode("latin-1")
        sent = 0
        while not fault.count or sent < fault.count:
            self.wfile.write(data)
            sent += 1
            if not self._wait(fault.seconds):
                self.close_connection = True
                return
        self._send(answer(self.command != "HEAD", None))

    def _endless(self, fault: Fault) -> None:
        """A chunked body that never ends: `fault.size` bytes per chunk, every `fault.seconds`."""
        self.close_connection = True
        headers = [("Transfer-Encoding", "chunked"), ("Date", formatdate(usegmt=True)), ("Server", self.server_version)]
        if fault.content_type is not None:
            headers.insert(0, ("Content-Type", fault.content_type))
        head = f"HTTP/1.1 {fault.status_code} {reason_phrase(fault.status_code)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
        first = b'{"state": "processing", "padding": "'
        filler = b"x" * fault.size
        self.wfile.write(head.encode("latin-1") + _chunk(first + filler[len(first) :]))
        chunk = _chunk(filler)
        closing = self.server.app.closing
        while not closing.is_set():
            if fault.seconds and not self._wait(fault.seconds):
                return
            self.wfile.write(chunk)  # OSError once the client hangs up

    def _wait(self, seconds: float | None) -> bool:
        """Sleep `seconds` (None: forever); False as soon as the sandbox closes or the client hangs up."""
        deadline = None if seconds is None else time.monotonic() + seconds
        while True:
            step = 0.02
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return True
                step = min(step, remaining)
            if self.server.app.closing.wait(step) or self._client_gone():
                return False

    def _client_gone(self) -> bool:
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            return bool(readable) and self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def _reset(self) -> None:
        """Close with SO_LINGER 0, so the peer gets a TCP RST instead of a FIN."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.rfile.close()  # the file holds a reference: the socket really closes only once both are closed
        self.connection.close()


def _chunk(data: bytes) -> bytes:
    return b"%x\r\n" % len(data) + data + b"\r\n"


@functools.lru_cache(maxsize=4)
def _padding(size: int) -> tuple[bytes, int]:
    """`size` spaces as raw deflate blocks ending on a full flush (so that any deflate data may follow),
    and their CRC-32. One MiB is compressed once and its blocks repeated (each copy refers to nothing
    before it), so even 1 GiB takes a fraction of a second (the CRC)."""
    piece = b" " * min(size, 1 << 20)

    def deflated(data: bytes) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)

    whole, rest = divmod(size, len(piece)) if piece else (0, 0)
    crc = 0
    for _ in range(whole):
        crc = zlib.crc32(piece, crc)
    crc = zlib.crc32(piece[:rest], crc)
    return deflated(piece) * whole + (deflated(piece[:rest]) if rest else b""), crc


def gzip_bomb(body: bytes, inflated: int) -> bytes:
    """A gzip member that inflates to `inflated` spaces followed by `body` (valid JSON if `body` is)."""
    padding, crc = _padding(inflated)
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    rest = compressor.compress(body) + compressor.flush()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # magic, deflate, no flags, no mtime, unknown OS
    trailer = struct.pack("<II", zlib.crc32(body, crc), (inflated + len(body)) & 0xFFFFFFFF)
    return header + padding + rest + trailer


def _no_answer(commit: bool, state: str | None) -> Reply:
    raise AssertionError("a reject fault that drops the connection never answers")
