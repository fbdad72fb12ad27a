"""How genvideo's requests travel: deadlines that bound whole requests, proxies, cookies, fork safety.

httpx and httpcore apply a timeout to each socket operation, so a server that sends a byte every
few seconds (or an endless run of ``103 Early Hints``, which h11 reads past) holds a request for
ever. Here one absolute deadline per request lives in a context variable; the network backend in
``_backends`` (loaded when a client is built) wraps httpcore's and clamps every connect, TLS
handshake, write and read to the time left before it, raising httpcore's own timeout once it has
passed. It is one mechanism for both clients: a context variable is per thread and per asyncio task.

- ``deadline_scope(at)``: the API calls set it around a whole request (headers and body).
- ``_backends._Bounded``: every request through genvideo's transports that runs under no deadline
  (downloads) gets one for its headers phase (connect, send, 1xx responses, the response head): the
  largest of its timeout values.

Also here (built in ``_backends``): the transports genvideo builds when the caller gives none
(proxies from the environment as httpx reads them, but never for loopback hosts); a cookie jar that
keeps nothing; and the bookkeeping that lets pools be replaced after ``os.fork()`` or when their
event loop has gone.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
import socket
import ssl
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any

import httpx

__all__ = [
    "HTTP_BACKENDS",
    "HTTP_BACKEND_ENV",
    "Routes",
    "bound",
    "current_deadline",
    "deadline_scope",
    "environment_proxies",
    "fork_epoch",
    "http_backend",
    "log_request",
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


def _left(timeout: float | None, error: Callable[[str], Exception]) -> float | None:
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


class Routes:
    """What an httpx client is built with: its transport, its mounts, and the backends they use."""

    def __init__(self, transport: Any, mounts: dict[str, Any], trackers: list[_Tracker]) -> None:
        self.transport = transport
        self.mounts = mounts
        self.trackers = trackers

    @property
    def direct(self) -> Any:
        """The transport that takes every request, or None when the proxy environment adds mounts
        (then httpx picks among them)."""
        return None if self.mounts else self.transport

    def close_sockets(self) -> None:
        """Close the sockets of a pool that can no longer be closed properly (its event loop is gone)."""
        for tracker in self.trackers:
            tracker.close_sockets()


_httpx_logger = logging.getLogger("httpx")


def log_request(request: httpx.Request, response: httpx.Response) -> None:
    """The INFO line ``httpx.Client.send`` logs for a request, for one sent past it (straight to
    ``Routes.direct``): a logging setup that shows httpx's requests still shows every request."""
    if _httpx_logger.isEnabledFor(logging.INFO):
        _httpx_logger.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            request.url,
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )


def bound(transport: Any, *, asynchronous: bool) -> Routes:
    """A caller's transport, given the deadline backend if it is an httpx.(Async)HTTPTransport."""
    from ._backends import bound as make_bound  # httpcore loads when a client is built, not on import

    return make_bound(transport, asynchronous=asynchronous)


def routes(
    *, asynchronous: bool, verify: ssl.SSLContext, limits: httpx.Limits | None = None, backend: str = "httpx"
) -> Routes:
    """genvideo's own transports (see ``_backends.routes``)."""
    from ._backends import routes as make_routes

    return make_routes(asynchronous=asynchronous, verify=verify, limits=limits, backend=backend)


HTTP_BACKEND_ENV = "GENVIDEO_HTTP_BACKEND"
#: What can move ``AsyncClient``'s bytes: httpx's own stack (httpcore), or aiohttp (``genvideo[aiohttp]``).
HTTP_BACKENDS = ("httpx", "aiohttp")


def http_backend(value: object, *, transport: object, asynchronous: bool) -> str:
    """The HTTP backend a client uses: ``value``, else (``AsyncClient`` only) ``GENVIDEO_HTTP_BACKEND``,
    else httpx.

    Never chosen by what happens to be installed: aiohttp often arrives as another package's
    dependency, and a client's timeouts, proxies and TLS must not change with it. ConfigurationError
    for an unknown name, for aiohttp when it is not installed or for a ``Client`` (aiohttp is asyncio
    only), and for a backend named together with a caller's ``transport`` (which already decides how
    bytes travel).
    """
    from ._exceptions import ConfigurationError

    if value is None and asynchronous:
        value_from_env = os.environ.get(HTTP_BACKEND_ENV, "").strip().lower()
        if not value_from_env or transport is not None:  # the environment speaks for genvideo's transports
            return "httpx"
        named, where = value_from_env, HTTP_BACKEND_ENV
    elif value is None:
        return "httpx"
    elif isinstance(value, str):
        named, where = value, "http_backend"
    else:
        raise ConfigurationError(
            f"http_backend: expected a name ({', '.join(HTTP_BACKENDS)}), got {type(value).__name__}"
        )
    if named not in HTTP_BACKENDS:
        raise ConfigurationError(f"{where}: expected one of {', '.join(HTTP_BACKENDS)}, got {named[:40]!r}")
    if transport is not None:
        raise ConfigurationError("give http_backend or transport, not both: a transport decides how bytes travel")
    if named == "aiohttp" and not asynchronous:
        raise ConfigurationError("http_backend: aiohttp carries AsyncClient only; Client uses httpx")
    if named == "aiohttp":
        import importlib.util

        if importlib.util.find_spec("aiohttp") is None:
            raise ConfigurationError(f"{where}: aiohttp is not installed (pip install 'genvideo[aiohttp]')")
    return named


def environment_proxies() -> dict[str, str | None]:
    """httpx's reading of the proxy environment (see ``_backends.environment_proxies``)."""
    from ._backends import environment_proxies as read

    return read()


def no_cookies() -> CookieJar:
    """A cookie jar that accepts and sends nothing: API and CDN replies cannot plant state."""
    return CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
