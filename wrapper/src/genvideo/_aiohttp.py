"""``AsyncClient(http_backend="aiohttp")``: httpx's client API over aiohttp's connection handling.

httpx's asyncio stack costs ~2 ms of CPU per poll, and raising its connection cap backfires (httpcore's
pool rescans its queue on every change). aiohttp does the same request in ~0.2 ms. This transport
lets genvideo keep httpx's request/response model (and all its code above the transport) while
aiohttp moves the bytes. Installed with ``pip install 'genvideo[aiohttp]'``; imported only when chosen.

genvideo's guarantees, as they hold here:

- **Deadlines.** aiohttp bounds connects and each read; the request's deadline (``_transport``'s
  context variable) bounds the whole exchange: the headers phase (connect, TLS, send, any run of 1xx
  responses) runs under ``asyncio.timeout``, and so does every wait for body bytes. A download,
  which runs under no deadline, gets one for its headers phase from ``_backends._AsyncBounded``.
- **Byte-exact URLs.** httpx has already encoded the URL; yarl is told so (``encoded=True``), so a
  signed URL's ``%2F`` or ``+`` reaches the server as it was issued.
- **Nothing added, nothing kept.** No redirects, no cookies (``DummyCookieJar``), no ``.netrc`` or
  proxy environment (``trust_env=False``; genvideo reads the proxy environment itself, and loopback
  never goes through a proxy), no decompression (``_body`` decodes with bounded memory), no
  ``Content-Type`` of aiohttp's choosing.
- **Errors.** aiohttp's exceptions become httpx's, by what they mean for a retry: only a failure to
  connect says the request was never sent. The messages carry no URL (a signed query is a secret).

httpx-aiohttp (the transport openai-python's ``DefaultAioHttpClient`` uses) is not used: its
``AiohttpTransport`` passes ``str(url)`` (aiohttp re-quotes it), bounds only each read, and maps
``ServerDisconnectedError`` to ``ConnectTimeout``, which would make genvideo resend a submit the
server may have received.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import ssl
from collections.abc import AsyncIterator
from typing import Any, NoReturn

import aiohttp
import httpx
from yarl import URL

from ._download import READ_BUFFER
from ._loop_body import TAKE_OVER, Takeover, asyncio_transport
from ._transport import _left, _Tracker

__all__ = ["AiohttpTransport", "UnsupportedProxy"]


class UnsupportedProxy(ValueError):
    """A proxy URL aiohttp cannot use (only ``http://`` and ``https://`` proxies)."""


class AiohttpTransport(httpx.AsyncBaseTransport, _Tracker):
    """An ``httpx.AsyncBaseTransport`` that sends each request with one ``aiohttp.ClientSession``
    (made on first use, in the running event loop). ``proxy``: an ``http(s)://`` proxy for every
    request, its user info sent as ``Proxy-Authorization``."""

    def __init__(self, *, verify: ssl.SSLContext, limits: httpx.Limits, proxy: str | None = None) -> None:
        _Tracker.__init__(self)
        self._ssl = verify
        self._limits = limits
        self._proxy: URL | None = None
        self._proxy_auth: aiohttp.BasicAuth | None = None
        if proxy is not None:
            url = httpx.URL(proxy)
            if url.scheme not in ("http", "https"):
                raise UnsupportedProxy(f"{url.scheme}:// proxies need the httpx backend (aiohttp takes http and https)")
            if url.username or url.password:
                self._proxy_auth = aiohttp.BasicAuth(url.username, url.password)
            self._proxy = URL(str(url.copy_with(username=None, password=None)), encoded=True)
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            ssl=self._ssl,
            limit=self._limits.max_connections or 0,
            limit_per_host=0,
            keepalive_timeout=self._limits.keepalive_expiry,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            trust_env=False,
            auto_decompress=False,
            # httpx sends its own User-Agent, Accept and Accept-Encoding; a body's type is the caller's.
            skip_auto_headers=("Content-Type",),
            # aiohttp stops reading a connection once twice this much is waiting (64 KiB by default):
            # a download writing its last piece to disk would leave the socket idle meanwhile.
            read_bufsize=READ_BUFFER,
        )
        # aiohttp silently sends a GET again when a kept-alive connection turns out closed. genvideo
        # decides retries itself (counted, backed off, bounded by the deadline), as it does over httpx.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        return session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session
        if session is None or session.closed:
            session = self._session = self._open()
        timeout = request.extensions.get("timeout", {})
        headers = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in request.headers.raw]
        data: bytes | httpx.AsyncByteStream | httpx.SyncByteStream | None
        try:
            data = request.content or None
        except httpx.RequestNotRead:  # a streamed body (an async iterable): aiohttp sends it as it comes
            data = request.stream
            headers = [pair for pair in headers if pair[0].lower() != "transfer-encoding"]
        try:
            async with asyncio.timeout(_time_left(httpx.ConnectTimeout, request)):
                response = await session.request(
                    request.method,
                    _url(request.url),
                    headers=headers,
                    data=data,
                    allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(
                        total=None, connect=None, sock_connect=timeout.get("connect"), sock_read=timeout.get("read")
                    ),
                    proxy=self._proxy,
                    proxy_auth=self._proxy_auth,
                )
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
            _raise_mapped(exc, request)
        version = b"HTTP/1.0" if response.version == aiohttp.HttpVersion10 else b"HTTP/1.1"
        extensions: dict[str, Any] = {"http_version": version}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        body = _Body(response, request)
        extensions[TAKE_OVER] = body.take_over
        return httpx.Response(
            response.status, headers=list(response.raw_headers), stream=body, request=request, extensions=extensions
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def close_sockets(self) -> int:
        """Close the session's sockets without a shutdown or its event loop (see ``_Tracker``): the
        loop has closed, or this is a forked child holding its parent's connections."""
        session, self._session = self._session, None
        connector: Any = None if session is None else session.connector
        if connector is None:
            return 0
        handlers = [handler for conns in getattr(connector, "_conns", {}).values() for handler, _ in conns]
        handlers += list(getattr(connector, "_acquired", ()))
        closed = 0
        for handler in handlers:
            transport = getattr(handler, "transport", None)
            sock = None if transport is None else transport.get_extra_info("socket")
            real = sock if isinstance(sock, socket.socket) else getattr(sock, "_sock", None)
            if isinstance(real, socket.socket) and real.fileno() != -1:
                with contextlib.suppress(OSError):
                    real.close()
                closed += 1
        # Nothing can close this session properly any more: mark it closed so that aiohttp does not
        # warn about it when it is collected (its sockets are gone already).
        connector._closed = True
        return closed


def _url(url: httpx.URL) -> URL:
    """``url`` for aiohttp, byte for byte as httpx encoded it (yarl would re-quote it otherwise); its
    user info dropped: httpx has already turned it into the ``Authorization`` header it sends."""
    exact = URL(str(url), encoded=True)
    return exact.with_user(None) if url.userinfo else exact


class _Body(httpx.AsyncByteStream):
    """A response body read from aiohttp, every wait for bytes bounded by the request's deadline."""

    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        try:
            while True:
                chunk = content.read_nowait()  # what has arrived already: no timer needed
                if not chunk:
                    if content.at_eof():
                        return
                    async with asyncio.timeout(_time_left(httpx.ReadTimeout, self._request)):
                        chunk = await content.readany()
                    if not chunk:
                        return
                yield chunk
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as exc:
            rest = _unread(content)
            if rest:  # a download keeps these bytes, and resumes after them
                yield rest
            _raise_mapped(exc, self._request, reading=True)

    def take_over(self) -> Takeover | None:
        """The connection's asyncio transport, for a download to read the rest of the body itself
        (``_loop_body``), with what aiohttp has buffered of it; None when aiohttp's transport is not
        one of asyncio's own. aiohttp then closes the connection (its parser never saw the body end)."""
        connection = self._response.connection
        handler = None if connection is None else connection.protocol
        transport = asyncio_transport(None if connection is None else connection.transport)
        if handler is None or transport is None:
            return None
        handler.pause_reading()  # also stops aiohttp's sock_read timer: the download bounds its reads
        content = self._response.content
        arrived = _unread(content)
        ended = content.is_eof() or content.exception() is not None or transport.is_closing()
        return Takeover(transport, handler, [arrived] if arrived else [], ended)

    async def aclose(self) -> None:
        # A body read to its end leaves the connection reusable; anything less closes it.
        if self._response.content.at_eof():
            self._response.release()
        else:
            self._response.close()


def _unread(content: aiohttp.StreamReader) -> bytes:
    """The bytes that arrived before the body's error and were not read yet: aiohttp raises a stream's
    error before handing them out (``read_nowait`` and ``readany`` check it first), which would make a
    cut download resume from further back than it got."""
    take = getattr(content, "_read_nowait", None)  # reads the buffer without looking at the error
    if not callable(take):  # pragma: no cover - another aiohttp layout: those bytes are fetched again
        return b""
    rest = take(-1)
    return rest if isinstance(rest, bytes) else b""


def _time_left(error: type[httpx.TimeoutException], request: httpx.Request) -> float | None:
    """Seconds left before the current request's deadline (None: no deadline); ``error`` once passed."""
    return _left(None, functools.partial(error, request=request))


def _raise_mapped(exc: BaseException, request: httpx.Request, *, reading: bool = False) -> NoReturn:
    """Raise the httpx exception that means what aiohttp's ``exc`` means (for a retry: only a failure
    to connect says the request was never sent), with a message that holds no URL."""
    if isinstance(exc, httpx.HTTPError):
        raise exc
    mapped: type[httpx.TransportError]
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        mapped = httpx.ConnectTimeout
    elif isinstance(exc, TimeoutError):
        # aiohttp's read timeout, or the deadline (asyncio.timeout): the request may have been sent.
        mapped = httpx.ReadTimeout
    elif isinstance(exc, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        mapped = httpx.ProxyError
    elif isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ServerFingerprintMismatch):
        mapped = httpx.ConnectError
    elif isinstance(exc, aiohttp.ServerDisconnectedError | aiohttp.ClientPayloadError | aiohttp.ClientResponseError):
        mapped = httpx.RemoteProtocolError
    elif isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        mapped = httpx.UnsupportedProtocol
    elif isinstance(exc, ValueError):  # aiohttp refused to send a header or body it cannot write
        mapped = httpx.LocalProtocolError
    else:
        mapped = httpx.ReadError if reading else httpx.NetworkError
    raise mapped(f"{type(exc).__name__}: {_reason(exc)}", request=request) from None


def _reason(exc: BaseException) -> str:
    """What went wrong, without the URL some of aiohttp's messages carry."""
    if isinstance(exc, aiohttp.ClientResponseError):
        return exc.message or f"status {exc.status}"
    if isinstance(exc, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        return "not a URL aiohttp can request"
    if isinstance(exc, TimeoutError) and not str(exc):
        return "timed out"
    return str(exc) or type(exc).__name__
