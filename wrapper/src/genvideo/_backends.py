"""The httpcore side of ``_transport``: network backends that clamp every socket operation to the
current request's deadline, and the transports genvideo builds around them (loaded when a client is
built: httpcore costs ~10 ms to import, and ``import genvideo`` does not need it).
"""

from __future__ import annotations

import socket
import ssl
import time
import urllib.request
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import httpcore
import httpx

from . import _constants as C
from ._credentials import is_loopback
from ._transport import WRITE_PIECE, Routes, _deadline, _left, _Tracker, deadline_scope, total_timeout

__all__ = [
    "AsyncDeadlineBackend",
    "DeadlineBackend",
    "async_body_stream",
    "body_stream",
    "bound",
    "environment_proxies",
    "install_backend",
    "routes",
]

if TYPE_CHECKING:
    from ._loop_body import Takeover

try:  # httpcore's plain socket stream (TCP, or TLS over TCP): its socket can be read straight into a buffer
    from httpcore._backends.sync import SyncStream as _SocketStream
except ImportError:  # pragma: no cover - another httpcore layout: read_into goes through read()
    _SocketStream = None  # type: ignore[assignment,misc]


# -- the network backends --------------------------------------------------------------------------


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, tracker: _Tracker) -> None:
        self._inner = inner
        self._tracker = tracker
        tracker._track(self)
        self.reads = 0
        """How many times httpcore read from this stream: a download tells by it whether h11 still
        buffers body bytes (see ``body_stream``)."""
        sock = inner.get_extra_info("socket") if _SocketStream is not None and type(inner) is _SocketStream else None
        # Only a socket whose bytes are the HTTP stream's own (plain or ssl.SSLSocket); never the outer
        # socket of TLS in TLS, whose bytes are still encrypted.
        self._socket: socket.socket | None = sock if isinstance(sock, socket.socket) else None

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.reads += 1
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def read_into(self, buffer: memoryview, timeout: float | None) -> int:
        """Read up to ``len(buffer)`` bytes of a download's body into ``buffer``: how many (0: the
        peer closed). Straight off the socket (``recv_into``: no bytes object, no h11 copies) when the
        stream is a plain socket's, else through the stream's own ``read``. Bounded like ``read``
        (``timeout``, clamped to the time left); raises httpx's ReadTimeout / ReadError, as a body
        read through httpx does."""
        try:
            left = _left(timeout, httpcore.ReadTimeout)
            if self._socket is None:
                data = self._inner.read(len(buffer), left)
                buffer[: len(data)] = data
                return len(data)
            self._socket.settimeout(left)
            return self._socket.recv_into(buffer)
        except (TimeoutError, httpcore.ReadTimeout) as exc:
            raise httpx.ReadTimeout(str(exc) or "timed out") from exc
        except (OSError, httpcore.ReadError) as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if len(buffer) <= WRITE_PIECE:
            self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))
            return
        # Pieces of a memoryview, not bytes slices: a 1 MiB upload chunk is not copied 16 times over.
        view = cast(bytes, memoryview(buffer))  # httpcore's streams take any buffer (socket.send does)
        for start in range(0, len(buffer), WRITE_PIECE):
            self._inner.write(view[start : start + WRITE_PIECE], _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _Stream(inner, self._tracker)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class DeadlineBackend(httpcore.NetworkBackend, _Tracker):
    """httpcore's network backend, with every operation bounded by the current request's deadline."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        _Tracker.__init__(self)
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(
            host,
            port,
            timeout=_left(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _Stream(stream, self)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_unix_socket(
            path, timeout=_left(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return _Stream(stream, self)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream, tracker: _Tracker) -> None:
        self._inner = inner
        self._tracker = tracker
        tracker._track(self)
        self.reads = 0
        """How many times httpcore read from this stream (see ``_Stream.reads``)."""

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        self.reads += 1
        return await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    async def read_body(self, max_bytes: int, timeout: float | None) -> bytes:
        """Up to ``max_bytes`` of a download's body, straight from the stream (b"": the peer closed);
        bounded like ``read``; raises httpx's ReadTimeout / ReadError."""
        try:
            return await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))
        except httpcore.ReadTimeout as exc:
            raise httpx.ReadTimeout(str(exc) or "timed out") from exc
        except httpcore.ReadError as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc

    def take_over(self) -> Takeover | None:
        """This connection's asyncio transport, for a download to read the rest of a body itself
        (``_loop_body``), with the bytes anyio has queued; None unless the stream is anyio's plain
        socket stream on one of asyncio's transports (TLS under anyio is decrypted by anyio, above the
        transport). Call it only once httpcore's h11 holds no more of the body."""
        import asyncio  # loaded already (this is an asyncio connection): a sync client never imports it

        from ._loop_body import Takeover, asyncio_transport  # a download's: loaded with the first one

        stream = getattr(self._inner, "_stream", None)  # httpcore's AnyIOStream wraps anyio's stream
        protocol = getattr(stream, "_protocol", None)
        transport = asyncio_transport(getattr(stream, "_transport", None))
        queue = getattr(protocol, "read_queue", None)
        if transport is None or not isinstance(protocol, asyncio.Protocol) or not isinstance(queue, deque):
            return None
        transport.pause_reading()  # anyio's own state between reads; idempotent
        arrived = list(queue)
        queue.clear()
        ended = bool(getattr(protocol, "is_at_eof", False)) or getattr(protocol, "exception", None) is not None
        return Takeover(transport, protocol, arrived, ended or transport.is_closing())

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        # anyio bounds a whole write by its timeout: no need to split it.
        await self._inner.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        inner = await self._inner.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout))
        return _AsyncStream(inner, self._tracker)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class AsyncDeadlineBackend(httpcore.AsyncNetworkBackend, _Tracker):
    """The asyncio (or trio) twin of :class:`DeadlineBackend`."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        _Tracker.__init__(self)
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(
            host,
            port,
            timeout=_left(timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _AsyncStream(stream, self)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_unix_socket(
            path, timeout=_left(timeout, httpcore.ConnectTimeout), socket_options=socket_options
        )
        return _AsyncStream(stream, self)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def body_stream(response: httpx.Response) -> _Stream | None:
    """The stream an HTTP/1.1 response of genvideo's deadline backend arrived on, so that a download
    can read its body straight from it; None for any other (HTTP/2, a transport of the caller's
    without the backend, a mock).

    httpcore names the connection's stream in the ``network_stream`` response extension. Once the
    body is read past h11 the connection's state is not DONE, so httpcore closes it (never reuses it)
    when the response closes. The caller must first drain what h11 already buffered: read the body
    through httpx until a chunk arrives that came with a read of this stream (``reads`` changed).
    """
    stream = response.extensions.get("network_stream")
    return stream if response.http_version == "HTTP/1.1" and isinstance(stream, _Stream) else None


def async_body_stream(response: httpx.Response) -> _AsyncStream | None:
    """The asyncio twin of :func:`body_stream`."""
    stream = response.extensions.get("network_stream")
    return stream if response.http_version == "HTTP/1.1" and isinstance(stream, _AsyncStream) else None


def install_backend(transport: object) -> _Tracker | None:
    """Give an ``httpx.HTTPTransport`` / ``AsyncHTTPTransport`` the deadline backend; None for any other.

    httpx (0.24 to 0.29) builds its httpcore pool in ``_pool`` (a ``ConnectionPool`` or a proxy, which
    subclasses it) and exposes no ``network_backend`` argument; the pool reads ``_network_backend``
    whenever it opens a connection, so wrapping it there bounds every later connection.
    """
    if not isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport):
        return None
    pool: Any = getattr(transport, "_pool", None)
    inner = getattr(pool, "_network_backend", None)
    if isinstance(inner, DeadlineBackend | AsyncDeadlineBackend):
        return inner
    if isinstance(inner, httpcore.NetworkBackend):
        backend: _Tracker = DeadlineBackend(inner)
    elif isinstance(inner, httpcore.AsyncNetworkBackend):
        backend = AsyncDeadlineBackend(inner)
    else:
        return None
    pool._network_backend = backend
    return backend


# -- transports ------------------------------------------------------------------------------------


class _Bounded(httpx.BaseTransport):
    """Gives a request that runs under no deadline one for its headers phase; routes loopback hosts
    to ``direct`` when this transport is a proxy (a proxy cannot reach this machine's loopback, and a
    plain-http request to it would carry credentials in clear text)."""

    def __init__(self, inner: httpx.BaseTransport, direct: httpx.BaseTransport | None = None) -> None:
        self._inner = inner
        self._direct = direct

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._direct is not None and is_loopback(request.url.host):
            return self._direct.handle_request(request)
        if _deadline.get() is not None:
            return _usable_location(request, self._inner.handle_request(request))
        with deadline_scope(_own_deadline(request)):
            return _usable_location(request, self._inner.handle_request(request))

    def close(self) -> None:
        self._inner.close()  # a proxy route leaves ``direct`` to its own owner


class _AsyncBounded(httpx.AsyncBaseTransport):
    """The asyncio twin of :class:`_Bounded`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, direct: httpx.AsyncBaseTransport | None = None) -> None:
        self._inner = inner
        self._direct = direct

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._direct is not None and is_loopback(request.url.host):
            return await self._direct.handle_async_request(request)
        if _deadline.get() is not None:
            return _usable_location(request, await self._inner.handle_async_request(request))
        with deadline_scope(_own_deadline(request)):
            return _usable_location(request, await self._inner.handle_async_request(request))

    async def aclose(self) -> None:
        await self._inner.aclose()


def _usable_location(request: httpx.Request, response: httpx.Response) -> httpx.Response:
    """Drop a ``Location`` header that is no usable URL (``javascript:...``, a bad port).

    httpx builds ``next_request`` from every redirect's Location even when it does not follow it,
    and a Location it cannot parse raises ``httpx.InvalidURL`` out of ``send()``. genvideo never
    follows API redirects (the 3xx becomes an APIStatusError); a download refuses the hop, told by
    ``UNUSABLE_LOCATION_HEADER`` (the unusable URL itself is not kept).
    """
    location = response.headers.get("location")
    if location is None or not 300 <= response.status_code <= 399:
        return response
    try:
        target = request.url.join(location)
        if target.scheme not in ("http", "https") or not target.host:
            raise httpx.InvalidURL("not an absolute http(s) URL")
    except (httpx.InvalidURL, ValueError, TypeError):
        del response.headers["location"]
        response.headers[C.UNUSABLE_LOCATION_HEADER] = "1"
    return response


def _own_deadline(request: httpx.Request) -> float | None:
    total = total_timeout(request.extensions.get("timeout"))
    return None if total is None else time.monotonic() + total


def bound(transport: Any, *, asynchronous: bool) -> Routes:
    """A caller's transport, given the deadline backend if it is an httpx.(Async)HTTPTransport."""
    tracker = install_backend(transport)
    wrapped = _AsyncBounded(transport) if asynchronous else _Bounded(transport)
    return Routes(wrapped, {}, [tracker] if tracker is not None else [])


def routes(
    *, asynchronous: bool, verify: ssl.SSLContext, limits: httpx.Limits | None = None, backend: str = "httpx"
) -> Routes:
    """genvideo's own transports: direct, plus one per proxy the environment names; for an
    ``AsyncClient`` whose ``backend`` is ``"aiohttp"``, aiohttp's (``_aiohttp``; needs ``limits``).

    Proxies are read as httpx reads them when it builds its own transports (``urllib``'s
    ``getproxies()``: ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and their lowercase forms, with
    ``NO_PROXY``), except that loopback hosts (localhost, 127.0.0.0/8, ::1) always go direct.
    """
    trackers: list[_Tracker] = []

    def make(proxy: str | None = None) -> Any:
        if backend == "aiohttp":
            assert limits is not None  # an AsyncClient's: the only kind with an aiohttp backend
            return _aiohttp_transport(verify, limits, proxy, trackers)
        options: dict[str, Any] = {"verify": verify, "proxy": None if proxy is None else httpx.Proxy(proxy)}
        if limits is not None:
            options["limits"] = limits
        transport = (httpx.AsyncHTTPTransport if asynchronous else httpx.HTTPTransport)(**options)
        tracker = install_backend(transport)
        if tracker is not None:
            trackers.append(tracker)
        return transport

    direct = make()
    outer: Any = _AsyncBounded(direct) if asynchronous else _Bounded(direct)
    mounts: dict[str, Any] = {}
    for pattern, proxy in environment_proxies().items():
        if proxy is None:
            mounts[pattern] = None  # NO_PROXY: direct
        else:
            mounts[pattern] = (_AsyncBounded if asynchronous else _Bounded)(make(proxy), outer)
    return Routes(outer, mounts, trackers)


def _aiohttp_transport(
    verify: ssl.SSLContext, limits: httpx.Limits, proxy: str | None, trackers: list[_Tracker]
) -> Any:
    from ._exceptions import ConfigurationError

    try:
        from ._aiohttp import AiohttpTransport, UnsupportedProxy
    except ImportError as exc:  # installed, but not importable (a missing dependency, a broken build)
        raise ConfigurationError(f"http_backend aiohttp: aiohttp cannot be imported ({exc})") from None
    try:
        transport = AiohttpTransport(verify=verify, limits=limits, proxy=proxy)
    except UnsupportedProxy as exc:
        raise ConfigurationError(f"the proxy environment: {exc}") from None
    trackers.append(transport)
    return transport


def environment_proxies() -> dict[str, str | None]:
    """httpx's reading of the proxy environment: URL pattern -> proxy URL (None: no proxy)."""
    info = urllib.request.getproxies()
    mounts: dict[str, str | None] = {}
    for scheme in ("http", "https", "all"):
        url = info.get(scheme)
        if url:
            mounts[f"{scheme}://"] = url if "://" in url else f"http://{url}"
    if not mounts:
        return {}
    for host in (entry.strip() for entry in info.get("no", "").split(",")):
        if host == "*":
            return {}
        if not host:
            continue
        if "://" in host:
            mounts[host] = None
        elif _is_ip(host, 4) or host.lower() == "localhost":
            mounts[f"all://{host}"] = None
        elif _is_ip(host, 6):
            mounts[f"all://[{host}]"] = None
        else:
            mounts[f"all://*{host}"] = None
    return mounts


def _is_ip(host: str, version: int) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(host.split("/")[0]).version == version
    except ValueError:
        return False
