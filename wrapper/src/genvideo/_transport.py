"""How genvideo's requests travel: deadlines that bound whole requests, proxies, cookies, fork safety.

httpx and httpcore apply a timeout to each socket operation, so a server that sends a byte every
few seconds (or an endless run of ``103 Early Hints``, which h11 reads past) holds a request for
ever. Here one absolute deadline per request lives in a context variable; the network backend
below wraps httpcore's and clamps every connect, TLS handshake, write and read to the time left
before it, raising httpcore's own timeout once it has passed. It is one mechanism for both clients:
a context variable is per thread and per asyncio task.

- ``deadline_scope(at)``: the API calls set it around a whole request (headers and body).
- ``_Bounded``: every request through genvideo's transports that runs under no deadline (downloads)
  gets one for its headers phase (connect, send, 1xx responses, the response head): the largest of
  its timeout values.

Also here: the transports genvideo builds when the caller gives none (proxies from the environment
as httpx reads them, but never for loopback hosts), a cookie jar that keeps nothing, and the
bookkeeping that lets pools be replaced after ``os.fork()`` or when their event loop has gone.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import socket
import ssl
import time
import urllib.request
import weakref
from collections.abc import Iterable, Iterator, Mapping
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpcore
import httpx

from ._credentials import is_loopback

__all__ = [
    "AsyncDeadlineBackend",
    "DeadlineBackend",
    "Routes",
    "bound",
    "current_deadline",
    "deadline_scope",
    "fork_epoch",
    "no_cookies",
    "routes",
    "total_timeout",
]

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("genvideo_request_deadline", default=None)

#: Writes go out in pieces of this size, each with the time left: a server that reads slowly cannot
#: stretch one write (httpcore's sync stream re-arms the socket timeout on every send).
WRITE_PIECE = 64 * 1024


def current_deadline() -> float | None:
    """The deadline of the request in progress (``time.monotonic()`` seconds), or None."""
    return _deadline.get()


@contextlib.contextmanager
def deadline_scope(at: float | None) -> Iterator[None]:
    """Run the block under the absolute deadline ``at`` (None: no deadline; an earlier one is kept)."""
    outer = _deadline.get()
    if at is None or (outer is not None and outer <= at):
        yield
        return
    token = _deadline.set(at)
    try:
        yield
    finally:
        _deadline.reset(token)


def total_timeout(timeout: httpx.Timeout | Mapping[str, float | None] | None) -> float | None:
    """What bounds a whole request: the largest of the timeout's values; None if any is None."""
    if timeout is None:
        return None
    if isinstance(timeout, httpx.Timeout):
        values: Iterable[float | None] = (timeout.connect, timeout.read, timeout.write, timeout.pool)
    else:
        values = [timeout.get(name) for name in ("connect", "read", "write", "pool")]
    finite = [value for value in values if value is not None]
    return max(finite) if len(finite) == 4 else None


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    """``timeout`` clamped to the time left before the current deadline; ``error`` once it passed."""
    at = _deadline.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise error("the request's deadline passed")
    return left if timeout is None or timeout > left else timeout


# -- sockets, tracked so that they can be released without the pool's locks --------------------------


_backends: weakref.WeakSet[_Tracker] = weakref.WeakSet()
_fork_epoch = 0


def fork_epoch() -> int:
    """How many times this process has been forked off its ancestors: pools made in another epoch
    hold the parent's connections (their sockets are closed in the child) and must be replaced."""
    return _fork_epoch


class _Tracker:
    """The streams a backend made, so that their sockets can be closed from outside the pool."""

    def __init__(self) -> None:
        self._streams: weakref.WeakSet[Any] = weakref.WeakSet()
        _backends.add(self)

    def _track(self, stream: Any) -> None:
        self._streams.add(stream)

    def close_sockets(self) -> int:
        """Close every socket this backend opened, without a shutdown (a forked child's copies must
        not end the parent's connections) and without any lock; returns how many were open."""
        closed = 0
        for stream in list(self._streams):
            sock = stream.get_extra_info("socket")
            # asyncio hands out a TransportSocket, which has no close(): its socket is ``_sock``.
            real = sock if isinstance(sock, socket.socket) else getattr(sock, "_sock", None)
            if isinstance(real, socket.socket) and real.fileno() != -1:
                with contextlib.suppress(OSError):
                    real.close()
                closed += 1
        self._streams.clear()
        return closed


def _after_fork_in_child() -> None:
    global _fork_epoch
    _fork_epoch += 1
    for tracker in list(_backends):
        tracker.close_sockets()


if hasattr(os, "register_at_fork"):  # pragma: no branch - every POSIX platform
    os.register_at_fork(after_in_child=_after_fork_in_child)


# -- the network backends --------------------------------------------------------------------------


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream, tracker: _Tracker) -> None:
        self._inner = inner
        self._tracker = tracker
        tracker._track(self)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        for start in range(0, len(buffer), WRITE_PIECE):
            self._inner.write(buffer[start : start + WRITE_PIECE], _left(timeout, httpcore.WriteTimeout))

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

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

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
            return self._inner.handle_request(request)
        with deadline_scope(_own_deadline(request)):
            return self._inner.handle_request(request)

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
            return await self._inner.handle_async_request(request)
        with deadline_scope(_own_deadline(request)):
            return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _own_deadline(request: httpx.Request) -> float | None:
    total = total_timeout(request.extensions.get("timeout"))
    return None if total is None else time.monotonic() + total


class Routes:
    """What an httpx client is built with: its transport, its mounts, and the backends they use."""

    def __init__(self, transport: Any, mounts: dict[str, Any], trackers: list[_Tracker]) -> None:
        self.transport = transport
        self.mounts = mounts
        self.trackers = trackers

    def close_sockets(self) -> None:
        """Close the sockets of a pool that can no longer be closed properly (its event loop is gone)."""
        for tracker in self.trackers:
            tracker.close_sockets()


def bound(transport: Any, *, asynchronous: bool) -> Routes:
    """A caller's transport, given the deadline backend if it is an httpx.(Async)HTTPTransport."""
    tracker = install_backend(transport)
    wrapped = _AsyncBounded(transport) if asynchronous else _Bounded(transport)
    return Routes(wrapped, {}, [tracker] if tracker is not None else [])


def routes(*, asynchronous: bool, verify: ssl.SSLContext, limits: httpx.Limits | None = None) -> Routes:
    """genvideo's own transports: direct, plus one per proxy the environment names.

    Proxies are read as httpx reads them when it builds its own transports (``urllib``'s
    ``getproxies()``: ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and their lowercase forms, with
    ``NO_PROXY``), except that loopback hosts (localhost, 127.0.0.0/8, ::1) always go direct.
    """
    trackers: list[_Tracker] = []

    def make(proxy: str | None = None) -> Any:
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


def no_cookies() -> CookieJar:
    """A cookie jar that accepts and sends nothing: API and CDN replies cannot plant state."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
