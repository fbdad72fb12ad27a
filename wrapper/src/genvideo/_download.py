"""Downloading an output to a file: temp file, completeness proof, validated Range resume, atomic rename.

``DownloadJob`` holds the bookkeeping of one download and makes every decision: each of its steps
returns the next one (a :data:`Next`), and raises DownloadError only when the download is over. The
clients pump it with their own (sync or async) HTTP streams, the same way::

    with DownloadJob(...) as job:
        while True:
            try:
                GET job.url with job.headers(), timeout=job.timeout(client_timeout):
                    step = job.start(response)
                    while step is Step.BODY and a raw chunk arrives:
                        step = job.write(chunk)     # async: on the loop, or in a worker thread
                        job.report()                # async: on the event loop's thread
                if the body ended: step = job.complete()
            except httpx.HTTPError, httpx.InvalidURL: step = job.failed(exc)
            Step.DONE: return job.finish(); Step.SEND: at once (a redirect, a restart, the rest, a probe);
            Step.REFRESH: with job.refreshing(): job.refreshed(get(job.ref)); Wait(seconds): sleep, then send.

**When is a download complete?** Only when it can be proved, never because the connection ended:

- ``Content-Length`` (no ``Transfer-Encoding``): the bytes on the wire number exactly that.
- ``Transfer-Encoding: chunked``: the terminating chunk arrived (h11 raises ``RemoteProtocolError``,
  "incomplete chunked read", on a close before it); HTTP/2: the stream ended (not reset).
- ``206``: the body fills the ``Content-Range`` it announced, and ``Content-Range`` starts where the
  file stops, ends inside the total, and its total (or the total carried from earlier answers, when
  it says ``/*``) is reached; a shorter range than asked is followed by a request for the rest.
- No length at all (ended by closing the connection): unverifiable from the wire, so the server is
  asked again with ``Range: bytes=N-`` (and ``If-Range``): ``416`` with ``Content-Range: bytes */N``,
  or a ``200`` whose ``Content-Length`` is N, proves it; a ``206`` means it was cut (the rest is
  appended); a ``200`` without a length means it cannot be verified: ``DownloadError``.
- ``Content-Encoding: gzip``/``deflate`` (sent despite ``Accept-Encoding: identity``): decoded here,
  never by httpx: complete only when the compressed stream reached its end marker (gzip checks its
  CRC and length there), decoded size bounded by ``max_bytes`` and by DOWNLOAD_MAX_DECODE_RATIO x the
  wire size; an encoded download is never resumed (a cut restarts it). Other encodings are refused.
- 0 bytes is never a complete video.

**Resuming never splices two files.** A resume sends ``If-Range`` with the strong ETag of the answer
the file started from (else its ``Last-Modified``); without either, nothing proves the object did not
change, so a cut restarts from zero. A ``200`` to a Range request restarts with the new body; a
``206`` whose ETag/Last-Modified or total differs from what the file started with restarts too (at
most MAX_DOWNLOAD_RESTARTS times).
"""

from __future__ import annotations

import binascii
import contextlib
import enum
import errno
import functools
import hashlib
import ipaddress
import os
import re
import shutil
import socket
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple
from urllib.parse import unquote, urlsplit

import httpx

from . import _constants as C
from ._exceptions import APIConnectionError, APIError, DownloadError, ResponseValidationError
from ._models import Creation, VideoOutput, redact_url
from ._refs import CreationRef
from ._responses import parse_retry_after
from ._retry import Deadline, backoff, is_retryable_status

ProgressCallback = Callable[[int, int | None], object]


if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor


@functools.cache
def _syncer() -> ThreadPoolExecutor:
    from concurrent.futures import ThreadPoolExecutor  # only large downloads need it

    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="genvideo-sync")


# A forked child inherits the pool but not its threads: syncs queued there would never run (and the
# download would wait for them forever). The child makes its own pool on first use.
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_syncer.cache_clear)


# Patterns, compiled by ``re`` on first use (a program that never resumes a download never pays).
_CONTENT_RANGE = r"bytes (\d+)-(\d+)/(\d+|\*)"
_UNSATISFIED_RANGE = r"bytes \*/(\d+)"
_EXPIRED = frozenset({401, 403, 410})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAME_MAX = 255  # bytes in one file name: ext4, XFS, btrfs, APFS, NTFS (UTF-16 units)
_DECODED_PIECE = 256 * 1024  # at most this much decoded data is held in memory at once
# A base64 output is decoded this many characters at a time (a multiple of 4: whole quanta), so its
# decode holds about 4 + 4 + 3 MiB (the slice, its ASCII bytes, the decoded piece), never the video.
BASE64_PIECE = 4 * 1024 * 1024
# A body read straight off the socket (see ``body_left``) goes through one reused buffer of this size.
READ_BUFFER = 1024 * 1024

# Cloud metadata services answer on these: a download URL (or a redirect) naming one is refused
# unless download(..., allow_link_local=True). DNS names that merely resolve there are not checked.
_LINK_LOCAL = (
    ipaddress.ip_network("169.254.0.0/16"),  # IPv4 link-local; 169.254.169.254: AWS, GCP, Azure, OCI, ...
    ipaddress.ip_network("fe80::/10"),  # IPv6 link-local
    ipaddress.ip_network("fd00:ec2::254/128"),  # AWS instance metadata over IPv6
    ipaddress.ip_network("100.100.100.200/32"),  # Alibaba Cloud metadata
)
_METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"}
)


class Step(enum.Enum):
    """What a download does next."""

    BODY = "read the body"
    """Pass each raw chunk to ``write()`` (while it says BODY), then call ``complete()``."""
    SEND = "send again"
    """Send the next request at once, no retry used up: a redirect's next hop (``url``), a restart
    from byte 0 (the object changed), the rest of the file, or a probe of a body that had no length."""
    REFRESH = "refresh the link"
    """The signed URL was refused (expired): ``refreshed()`` with the creation fetched again."""
    DONE = "done"
    """The file is the whole video: ``finish()`` moves it into place."""


class Wait(NamedTuple):  # a named tuple: a dataclass costs every program ~0.3 ms to define
    """A failure worth another attempt (5xx, 429, a cut connection, a short body, a stall): sleep
    ``seconds``, then send again."""

    seconds: float


Next = Step | Wait


def is_link_local(host: str) -> bool:
    """True for a link-local or cloud-metadata host, in any spelling the resolver accepts for an IP."""
    name = host.split("%", 1)[0].rstrip(".").lower()  # an IPv6 zone, a fully qualified trailing dot
    if name in _METADATA_HOSTS:
        return True
    address: ipaddress.IPv4Address | ipaddress.IPv6Address
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        try:  # 2852039166, 0xa9fea9fe, 169.254.43518: inet_aton forms getaddrinfo also accepts
            address = ipaddress.IPv4Address(socket.inet_aton(name))
        except (OSError, ValueError):
            return False  # a DNS name
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address.version == net.version and address in net for net in _LINK_LOCAL)


def _checked_url(url: str, allow_link_local: bool = False) -> str:
    """An absolute http(s) URL httpx can send byte-exact, or DownloadError."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise DownloadError(f"unusable download URL: {redact_url(str(url))[:120]!r} ({exc})") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise DownloadError(f"unusable download URL: {redact_url(url)[:120]!r} (not an absolute http(s) URL)")
    if not allow_link_local and is_link_local(parsed.host):
        raise DownloadError(
            f"refusing to download {redact_url(url)[:120]!r}: a link-local or cloud-metadata address "
            "(pass allow_link_local=True to download() to allow it)"
        )
    return url


def under_base_url(url: str, base_url: str) -> bool:
    """Whether ``url`` lies under ``base_url``: the same scheme, host and (effective) port, no userinfo,
    and a path starting with the base URL's path as whole segments, with no ``.``/``..`` segment (even
    percent-encoded) that could climb out of it. Only such a URL may receive the provider's credentials
    in a download (an output the provider serves from its own API, like Sora's ``/content``)."""
    try:
        target, base = urlsplit(url), urlsplit(base_url)
        target_port, base_port = target.port, base.port
    except ValueError:  # a malformed port or host
        return False
    scheme = target.scheme.lower()
    if scheme not in ("http", "https") or scheme != base.scheme.lower():
        return False
    if not target.hostname or target.hostname != base.hostname or "@" in target.netloc:
        return False
    default = 443 if scheme == "https" else 80
    if (target_port or default) != (base_port or default):
        return False
    prefix = base.path.rstrip("/") + "/"
    if not target.path.startswith(prefix):
        return False
    return not any(part in (".", "..") for part in unquote(target.path).replace("\\", "/").split("/"))


def output_of(target: VideoOutput | Creation) -> VideoOutput:
    """The output a download target names (a Creation means its first output)."""
    if isinstance(target, VideoOutput):
        return target
    if isinstance(target, Creation):
        if not target.outputs:
            raise DownloadError(f"{target.ref} has no output to download (state {target.state.value})")
        return target.outputs[0]
    raise TypeError(f"download() takes a VideoOutput or a Creation, not {type(target).__name__}")


def file_name(output: VideoOutput) -> str:
    """The name a download into a folder gets: ``<provider>-<id>-<index>.mp4`` (``video-<index>.mp4``).

    An id too long for one file name is cut and followed by a hash of the whole id.
    """
    ref = output.ref
    if ref is None:
        return f"video-{output.index}.mp4"
    name = f"{ref.provider}-{ref.id}-{output.index}.mp4"
    if len(name.encode()) > _NAME_MAX:
        digest = hashlib.sha256(ref.id.encode()).hexdigest()[:16]
        name = f"{ref.provider}-{ref.id[:200]}~{digest}-{output.index}.mp4"
    return name


def destination(dest: str | os.PathLike[str], output: VideoOutput) -> Path:
    """The file a download of ``output`` writes: ``dest``, or :func:`file_name` in it when it is a
    folder; DownloadError for an unusable path or a missing folder."""
    path = Path(dest)
    try:
        if "\x00" in str(path):
            raise ValueError("a NUL character in the path")
        os.fsencode(path)  # UnicodeEncodeError (a ValueError): e.g. a lone surrogate
        if path.is_dir():
            path = path / file_name(output)
        folder_ok = path.parent.is_dir()
        if len(os.fsencode(path.name)) > _NAME_MAX:
            raise ValueError(f"file name longer than {_NAME_MAX} bytes")
    except (OSError, ValueError) as exc:  # e.g. a name longer than the file system allows
        raise DownloadError(f"unusable destination {str(path)[:200]!r}: {_reason(exc)}") from exc
    if not folder_ok:
        raise DownloadError(f"destination folder {str(path.parent)!r} does not exist")
    return path


def place_file(output: VideoOutput, dest: str | os.PathLike[str]) -> Path:
    """Move a ``"file"`` output (a local temporary file holding the whole video) to ``dest`` (a file
    path, or a folder) and return the file's path.

    An atomic rename when both are on one file system; else a copy to a temporary file beside ``dest``,
    synced, then renamed into place (nothing is left at ``dest`` on failure) and the source removed.
    The output's file is gone afterwards: a second download of it raises DownloadError.
    """
    source = output.path
    if source is None or not source.is_file():
        raise DownloadError(
            f"the video file {str(source)!r} is gone: a synchronous provider's video is moved by its first download"
        )
    path = destination(dest, output)
    try:
        source.replace(path)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise DownloadError(f"moving the video into place at {str(path)!r} failed: {_reason(exc)}") from exc
        _copy_into_place(source, path)
    _remove_reply_folder(source)
    return path


def _copy_into_place(source: Path, path: Path) -> None:
    """Copy ``source`` to ``path`` across file systems: a temporary file beside it, synced, renamed."""
    temp = path.parent / f".genvideo-{os.urandom(6).hex()}.part"
    try:
        with source.open("rb") as reader, temp.open("wb") as writer:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
        temp.replace(path)
    except OSError as exc:
        raise DownloadError(f"copying the video into place at {str(path)!r} failed: {_reason(exc)}") from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        source.unlink()


def _remove_reply_folder(path: Path) -> None:
    """Remove a video reply's file and its own temporary folder (what :class:`VideoReply` made)."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
    if path.parent.name.startswith(_REPLY_FOLDER_PREFIX):
        with contextlib.suppress(OSError):
            path.parent.rmdir()


_REPLY_FOLDER_PREFIX = "genvideo-reply-"


@contextlib.contextmanager
def discard_file(creation: Creation) -> Iterator[None]:
    """Remove the creation's local file outputs (and their temporary folders) if the block fails or
    is interrupted: ``generate(download=...)`` leaves no stray copy of a video it did not deliver."""
    try:
        yield
    except BaseException:
        for output in creation.outputs:
            if output.kind == "file" and output.path is not None:
                _remove_reply_folder(output.path)
        raise


class VideoReply:
    """A reply whose body is the video itself (a synchronous provider's submit), streamed to a file in
    a fresh temporary folder (``genvideo-reply-*`` under the system's temporary directory), never held
    in memory. Use as a context manager: on any exit but :meth:`finish` the file and folder go.

    The same guards as a download: a ``video/*`` content type (anything else, JSON included, is
    ResponseValidationError), ``max_bytes``, gzip or deflate decoded here within the decode ratio,
    complete only when the body reached its Content-Length (or its encoding's end marker), never 0
    bytes. A body cut short raises APIConnectionError; a body that is no video, ResponseValidationError.
    At most ``DEFAULT_MAX_DOWNLOAD_BYTES`` (download()'s default bound).
    """

    def __init__(self, provider: str, headers: httpx.Headers) -> None:
        self.provider = provider
        media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if not media_type.startswith("video/"):
            raise self._invalid(f"a video was expected, the reply is {media_type or 'untyped'}")
        self.content_type = media_type
        encoding = _encoding(headers)
        if encoding and encoding not in ("gzip", "x-gzip", "deflate"):
            raise self._invalid(f"the video came with an unsupported Content-Encoding {encoding!r}")
        self._decoder = _Decoder(encoding) if encoding else None
        self._length = None if _chunked(headers) else _length(headers.get("content-length"))
        # download()'s default bound (4 GiB): a synchronous reply has no max_bytes argument of its own
        self._max_bytes = max_bytes = C.DEFAULT_MAX_DOWNLOAD_BYTES
        if max_bytes is not None and self._length is not None and self._decoder is None and self._length > max_bytes:
            raise self._invalid(f"the video is {self._length} bytes, more than {max_bytes}")
        self._wire = 0
        self.size = 0
        self.folder = Path(tempfile.mkdtemp(prefix=_REPLY_FOLDER_PREFIX))
        self.path = self.folder / "video.mp4"
        try:
            self._file: BinaryIO | None = self.path.open("wb")
        except OSError as exc:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise self._invalid(f"cannot write {str(self.path)!r}: {_reason(exc)}") from exc
        self._finished = False

    def __enter__(self) -> VideoReply:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                self._file.close()
            self._file = None
        if not self._finished:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _invalid(self, reason: str) -> ResponseValidationError:
        return ResponseValidationError(f"{self.provider}: {reason}", provider=self.provider)

    def write(self, chunk: bytes) -> None:
        """Store one chunk as it came off the wire (decoded here if the body is encoded)."""
        self._wire += len(chunk)
        if self._length is not None and self._wire > self._length:
            raise self._invalid(f"the video ran past its Content-Length ({self._length} bytes)")
        if self._decoder is None:
            self._store(chunk)
            return
        try:
            for piece in self._decoder.feed(chunk):
                self._store(piece)
        except zlib.error as exc:
            raise self._invalid(f"the {self._decoder.encoding} video is corrupt ({exc})") from exc

    def _store(self, data: bytes | memoryview) -> None:
        assert self._file is not None
        size = self.size + len(data)
        if self._max_bytes is not None and size > self._max_bytes:
            raise self._invalid(f"the video is larger than {self._max_bytes} bytes; not read further")
        if self._decoder is not None and size > max(C.DOWNLOAD_MAX_DECODE_RATIO * self._wire, C.DOWNLOAD_DECODE_FLOOR):
            raise self._invalid(
                f"the {self._decoder.encoding} video inflates beyond {C.DOWNLOAD_MAX_DECODE_RATIO}x its "
                f"{self._wire} bytes on the wire (a decompression bomb?)"
            )
        try:
            self._file.write(data)
        except OSError as exc:
            raise self._invalid(f"writing {str(self.path)!r} failed: {_reason(exc)}") from exc
        self.size = size

    def finish(self) -> dict[str, Any]:
        """After the body ended: the reply for the submit flow (``path``, ``size``, ``content_type``) once
        the video is proved whole and synced; APIConnectionError if it was cut short."""
        if self._length is not None and self._wire < self._length:
            raise APIConnectionError(
                f"{self.provider}: the video reply stopped at {self._wire} of {self._length} bytes",
                provider=self.provider,
            )
        if self._decoder is not None and not self._decoder.finished:
            raise APIConnectionError(
                f"{self.provider}: the {self._decoder.encoding} video reply stopped before its end marker",
                provider=self.provider,
            )
        if self.size == 0:
            raise self._invalid("the reply is empty (0 bytes is not a video)")
        assert self._file is not None
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except OSError as exc:
            raise self._invalid(f"writing {str(self.path)!r} failed: {_reason(exc)}") from exc
        self._file = None
        self._finished = True
        return {"path": self.path, "size": self.size, "content_type": self.content_type}


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class _Decoder:
    """A gzip or deflate body, decoded in bounded pieces; ``finished`` once its end marker arrived."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._gzip = encoding in ("gzip", "x-gzip")
        self._z: zlib._Decompress | None = zlib.decompressobj(31) if self._gzip else None
        self._head = b""  # deflate: the first bytes, until they tell zlib-wrapped from raw
        self.finished = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes, at most _DECODED_PIECE at a time. zlib.error on a corrupt stream."""
        if self._z is None:  # deflate: zlib-wrapped as RFC 9110 says, or raw as some servers send
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            self._head = b""
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._z = zlib.decompressobj(15 if wrapped else -15)
        while data:
            if self._z.eof:
                if not self._gzip:
                    raise zlib.error("data after the end of the deflate stream")
                self._z = zlib.decompressobj(31)  # concatenated gzip members are one stream
            piece = self._z.decompress(data, _DECODED_PIECE)
            data = self._z.unused_data if self._z.eof else self._z.unconsumed_tail
            self.finished = self._z.eof and not data
            if piece:
                yield piece


class DownloadJob:
    """One download in progress. Use as a context manager: on any exit but success the temp file goes."""

    def __init__(
        self,
        output: VideoOutput,
        dest: str | os.PathLike[str],
        on_progress: ProgressCallback | None,
        max_retries: int,
        *,
        max_bytes: int | None = None,
        timeout: float | None = None,
        allow_link_local: bool = False,
    ) -> None:
        if max_bytes is not None and max_bytes < 1:
            raise ValueError("max_bytes must be None or >= 1")
        if timeout is not None and not timeout > 0:
            raise ValueError("timeout must be None or > 0")
        self.output = output
        self._allow_link_local = allow_link_local
        # A base64 output has no URL: its bytes are decoded from the reply (decode_base64), never fetched.
        self.url = _checked_url(output.url, allow_link_local) if output.kind == "url" else ""
        self._b64_at = 0
        self.dest = path = destination(dest, output)
        # Short whatever the destination's name: `.{name}.{hex}.part` overflows NAME_MAX for long names.
        self.temp = path.parent / f".genvideo-{os.urandom(6).hex()}.part"
        self.done = 0
        """Bytes in the temporary file (decoded, for an encoded body)."""
        self.total: int | None = None
        """The video's length, when known; carried across attempts (None for an encoded body)."""
        self.deadline = Deadline.after(timeout)
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._on_progress = on_progress
        self._max_retries = max_retries
        self._stall_seconds = float(C.DOWNLOAD_STALL_SECONDS)
        self._stall_bytes = int(C.DOWNLOAD_STALL_BYTES)
        self._retries = 0
        self._restarts = 0
        self._refreshed = False
        self._redirects = 0
        self._file: BinaryIO | None = None
        self._lock = threading.Lock()  # an async download's writes may run in a worker thread
        self._unsynced = 0
        self._sync: Future[None] | None = None
        # the validators of the answer the temporary file started from
        self._etag: str | None = None
        self._last_modified: str | None = None
        # the current answer
        self._decoder: _Decoder | None = None
        self._wire = 0
        self._wire_length: int | None = None
        self._expect: int | None = None
        self._body_start = 0
        self._framed = False
        self._verified = False
        self._probing = False
        self._stall_mark = (0.0, 0)

    def __enter__(self) -> DownloadJob:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Never let a failing close or unlink mask the error that is propagating.
        with self._lock:
            with contextlib.suppress(OSError):
                self._close()
            with contextlib.suppress(OSError):
                self.temp.unlink(missing_ok=True)

    # -- one request -----------------------------------------------------------------------------------

    def headers(self) -> dict[str, str]:
        self._check_deadline()
        # identity: the bytes we count are the bytes we store (a server may still encode: see _Decoder)
        headers = {"Accept-Encoding": "identity"}
        if self.done:
            headers["Range"] = f"bytes={self.done}-"
            validator = self._validator()
            if validator is not None:
                headers["If-Range"] = validator
        return headers

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """The client's timeouts for one attempt, read capped at the stall window, all at the time left."""
        read = self._stall_seconds if base.read is None else min(base.read, self._stall_seconds)
        connect, write, pool = base.connect, base.write, base.pool
        remaining = self.deadline.remaining()
        if remaining is not None:
            cap = max(remaining, 0.01)
            read = min(read, cap)
            connect, write, pool = (cap if v is None else min(v, cap) for v in (connect, write, pool))
        return httpx.Timeout(connect=connect, read=read, write=write, pool=pool)

    def start(self, response: httpx.Response) -> Next:
        """Check the status and headers; open the temp file to append or restart.

        Step.BODY: a body to store follows. Anything else: there is nothing (more) to read from this
        response (the probe proved the file complete, the body was already in memory and is stored,
        or the answer calls for another request).
        """
        status = response.status_code
        if status in _REDIRECTS and C.UNUSABLE_LOCATION_HEADER in response.headers:
            raise DownloadError(
                "the download redirected to an unusable URL (not an absolute http(s) URL)", status_code=status
            )
        if status in _REDIRECTS and "location" in response.headers:
            return self._follow(response)
        if status in _EXPIRED and not self._refreshed and self.output.ref is not None:
            return Step.REFRESH
        if is_retryable_status(status):
            return self._retry(f"HTTP {status}", parse_retry_after(response.headers), status)
        probing, self._probing = self._probing, False
        self._expect = None
        headers = response.headers
        length = None if _chunked(headers) else _length(headers.get("content-length"))  # RFC 9112 6.3
        if status == 416 and self.done:
            return self._unsatisfiable(headers)
        if status == 206 and self.done:
            restart = self._resume(headers, length)
            if restart is not None:
                return restart
            append = True
        elif status == 200:
            if probing and length == self.done and _encoding(headers) == "" and not self._changed(headers):
                self._verified = True  # the object is exactly as long as the body that had no length
                return Step.DONE
            if probing and length is None and not _framed(response):
                raise self._error(
                    "the server sent the video without a length and does not answer Range requests: "
                    "it cannot be verified as complete",
                    status_code=status,
                )
            self.done = 0
            self.total = length
            self._etag, self._last_modified = headers.get("etag"), headers.get("last-modified")
            append = False
        else:
            raise self._error(f"download of {redact_url(self.url)} refused: HTTP {status}", status_code=status)
        encoding = _encoding(headers)
        if encoding:
            if append:
                return self._restart(f"the server switched to Content-Encoding {encoding!r} mid-file")
            if encoding not in ("gzip", "x-gzip", "deflate"):
                raise self._error(f"the server sent the video with an unsupported Content-Encoding {encoding!r}")
            self._decoder = _Decoder(encoding)
            self.total = None  # the decoded length is unknown
        else:
            self._decoder = None
        if self._max_bytes is not None and self.total is not None and self.total > self._max_bytes:
            raise self._error(f"the video is {self.total} bytes, more than max_bytes={self._max_bytes}")
        self._wire = 0
        self._wire_length = length
        self._body_start = self.done
        self._framed = _framed(response)
        self._verified = False
        self._close()
        try:
            self._file = self.temp.open("ab" if append else "wb")
        except OSError as exc:
            raise self._error(f"cannot write {str(self.temp)!r}: {_reason(exc)}") from exc
        self._stall_mark = (time.monotonic(), 0)
        if response.is_stream_consumed:  # already read into memory (e.g. httpx.MockTransport), decoded by httpx
            self._decoder = None
            self._wire_length = None
            step = self.write(response.content)
            if step is not Step.BODY:
                return step
            self.report()
            return self.complete()
        return Step.BODY

    def _resume(self, headers: httpx.Headers, length: int | None) -> Step | None:
        """A 206 to ``Range: bytes=done-``: it must continue the same object, from where the file stops
        (None), else the download restarts (Step.SEND) or fails."""
        raw = headers.get("content-range", "").strip()
        match = re.fullmatch(_CONTENT_RANGE, raw)
        if match is None or int(match.group(1)) != self.done:
            raise self._error(f"the server resumed at the wrong offset ({raw!r})", status_code=206)
        first, last = int(match.group(1)), int(match.group(2))
        size = None if match.group(3) == "*" else int(match.group(3))
        if last < first or (size is not None and last >= size):
            raise self._error(f"the server sent an inconsistent Content-Range ({raw!r})", status_code=206)
        if self._validator() is None:
            return self._restart("no ETag or Last-Modified proves the resumed part belongs to the same file")
        if self._changed(headers):
            return self._restart("the video changed between attempts (its ETag or Last-Modified differs)")
        if size is not None and self.total is not None and size != self.total:
            return self._restart(f"the video changed between attempts (it was {self.total} bytes, now {size})")
        total = self.total if size is None else size  # `bytes N-M/*`: the total known from earlier answers
        if total is not None and last >= total:
            raise self._error(f"the Content-Range {raw!r} ends past the video's {total} bytes", status_code=206)
        if length is not None and length != last - first + 1:
            return self._restart(f"the Content-Length ({length}) disagrees with the Content-Range ({raw!r})")
        self.total = total
        self._expect = last - first + 1
        return None

    def _unsatisfiable(self, headers: httpx.Headers) -> Step:
        """A 416 to ``Range: bytes=done-``: complete if the object is exactly ``done`` bytes long."""
        match = re.fullmatch(_UNSATISFIED_RANGE, headers.get("content-range", "").strip())
        size = int(match.group(1)) if match else None
        if size == self.done and self.total in (None, size) and not self._changed(headers):
            self.total = size
            self._verified = True
            return Step.DONE
        if size is not None:
            return self._restart(f"the server now reports {size} bytes where {self.done} were received")
        raise self._error("HTTP 416 without a usable Content-Range: the download cannot be verified", status_code=416)

    def _follow(self, response: httpx.Response) -> Step:
        # Followed here rather than by httpx, so that every hop's signed URL is known to the log
        # filter before its request is logged, and the hop count is ours to cap.
        self._redirects += 1
        if self._redirects > C.MAX_DOWNLOAD_REDIRECTS:
            raise DownloadError(
                f"download of {redact_url(self.output.url)} redirected more than {C.MAX_DOWNLOAD_REDIRECTS} times",
                status_code=response.status_code,
            )
        try:
            target = str(response.url.join(response.headers["location"]))
        except (httpx.InvalidURL, ValueError) as exc:
            raise DownloadError("the download redirected to an unusable URL", status_code=response.status_code) from exc
        self.url = _checked_url(target, self._allow_link_local)
        return Step.SEND

    # -- the body ---------------------------------------------------------------------------------------

    def body_left(self) -> int | None:
        """How many bytes of the current answer's body are still to come, when the body is stored as it
        arrives (no Content-Encoding) and its length is on the wire (Content-Length, not chunked): the
        clients then read exactly that many straight off the socket. None otherwise."""
        if self._decoder is not None or self._wire_length is None:
            return None
        return self._wire_length - self._wire

    def read_timeout(self, timeout: float | None) -> float | None:
        """The bound of one body read: the attempt's read ``timeout``, clamped to the time left before
        the download's deadline (a read started late cannot outlive it)."""
        remaining = self.deadline.remaining()
        if remaining is None:
            return timeout
        remaining = max(remaining, 0.001)  # past it: the read times out at once, and the retry says why
        return remaining if timeout is None or timeout > remaining else timeout

    def write(self, chunk: bytes | memoryview) -> Next:
        """Store one chunk as it came off the wire (decoded here if the body is encoded). A memoryview
        (of a reused read buffer) is written before this returns and never kept.

        Step.BODY: read on. A Wait: this attempt failed (a corrupt body, a stall); stop reading it.
        """
        with self._lock:
            self._check_deadline()
            self._wire += len(chunk)
            if self._decoder is None:
                self._store(chunk)
            else:
                try:
                    for piece in self._decoder.feed(chunk if isinstance(chunk, bytes) else bytes(chunk)):
                        self._store(piece)
                except zlib.error as exc:
                    return self._retry(f"the {self._decoder.encoding} body is corrupt ({exc})", cause=exc)
            stall = self._stall()
            return Step.BODY if stall is None else self._retry(stall)

    def _store(self, data: bytes | memoryview) -> None:
        assert self._file is not None
        size = self.done + len(data)
        if self._max_bytes is not None and size > self._max_bytes:
            raise self._error(f"the video is larger than max_bytes={self._max_bytes}")
        if self._decoder is not None and size > max(C.DOWNLOAD_MAX_DECODE_RATIO * self._wire, C.DOWNLOAD_DECODE_FLOOR):
            raise self._error(
                f"the {self._decoder.encoding} body inflates beyond {C.DOWNLOAD_MAX_DECODE_RATIO}x its "
                f"{self._wire} bytes on the wire (a decompression bomb?)"
            )
        try:
            self._file.write(data)
        except OSError as exc:  # disk full, quota, I/O error: not worth retrying
            raise self._error(f"writing {str(self.dest)!r} failed: {_reason(exc)}") from exc
        self.done = size
        self._unsynced += len(data)
        if self._unsynced >= C.SYNC_EVERY and (self._sync is None or self._sync.done()):
            try:
                self._file.flush()
            except OSError as exc:
                raise self._error(f"writing {str(self.dest)!r} failed: {_reason(exc)}") from exc
            self._sync = _syncer().submit(os.fdatasync, self._file.fileno())
            self._unsynced = 0

    def _stall(self) -> str | None:
        """Why the attempt stalled (fewer than DOWNLOAD_STALL_BYTES in DOWNLOAD_STALL_SECONDS), or None."""
        since, mark = self._stall_mark
        now = time.monotonic()
        if now - since < self._stall_seconds:
            return None
        arrived = self._wire - mark
        if arrived < self._stall_bytes:
            return (
                f"the download stalled: {arrived} bytes in {now - since:.1f} s "
                f"(less than {self._stall_bytes} bytes per {self._stall_seconds:g} s)"
            )
        self._stall_mark = (now, self._wire)
        return None

    def report(self) -> None:
        """Call ``on_progress(done, total)`` (on the caller's thread: the event loop's, for AsyncClient)."""
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def complete(self) -> Next:
        """After a body ended cleanly: Step.DONE if the file is the whole video; Step.SEND if more must
        be asked (the rest, or a probe) or the body cannot be used (a restart); a Wait if it proves cut.
        """
        if self._verified:
            return Step.DONE
        received = self.done - self._body_start
        if self._wire_length is not None and self._wire != self._wire_length:
            if self._wire > self._wire_length:
                return self._restart(f"the body ran past its Content-Length ({self._wire} of {self._wire_length})")
            return self._retry(f"the body stopped at {self._wire} of {self._wire_length} bytes")
        if self._decoder is not None:
            if not self._decoder.finished:
                return self._retry(
                    f"the {self._decoder.encoding} body stopped before its end marker ({self._wire} bytes)"
                )
        elif self._expect is not None and received > self._expect:
            return self._restart(f"the partial body ran past its Content-Range ({received} of {self._expect} bytes)")
        elif self._expect is not None and received < self._expect:
            return self._retry(f"the partial body stopped at {received} of {self._expect} bytes")
        self._expect = None
        if self.done == 0:
            return self._retry("the server sent an empty body (0 bytes is not a video)")
        if self.total is not None:
            if self.done < self.total:
                return Step.SEND  # a shorter range than asked: ask for the rest
            if self.done > self.total:
                return self._restart(f"the body ran past the video's length ({self.done} of {self.total} bytes)")
            return Step.DONE
        if self._decoder is not None or self._framed:
            return Step.DONE
        self._probing = True  # ended by closing the connection: ask the server how long the video is
        return Step.SEND

    def finish(self) -> Path:
        """Flush, sync and move the file into place."""
        with self._lock:
            assert self._file is not None
            try:
                self._file.flush()
                if self._sync is not None:
                    self._sync.result()
                os.fsync(self._file.fileno())
                self._close()
            except OSError as exc:
                raise self._error(f"writing {str(self.dest)!r} failed: {_reason(exc)}") from exc
            try:
                self.temp.replace(self.dest)
            except OSError as exc:
                raise self._error(
                    f"moving the download into place at {str(self.dest)!r} failed: {_reason(exc)}"
                ) from exc
            return self.dest

    # -- a base64 output -------------------------------------------------------------------------------

    def decode_base64(self) -> bool:
        """Decode the next BASE64_PIECE characters of a ``base64`` output into the temp file (opened on
        the first call); True while more remain. Then ``finish()`` as for a download: the same temp file,
        fsync policy, length check and atomic rename. DownloadError (a GenvideoError) on text that is not
        strict base64, on a video over ``max_bytes``, past the deadline, or on a write failure; the temp
        file is removed on any exit but success (the context manager), so nothing reaches ``dest``.
        """
        text = self.output.data
        assert text is not None, "decode_base64 is for base64 outputs only"
        with self._lock:
            self._check_deadline()
            if self._file is None:
                expected = self.output.size or 0
                if len(text) % 4 or expected <= 0:
                    raise self._error(f"the base64 video is not valid base64 ({len(text)} characters)")
                if self._max_bytes is not None and expected > self._max_bytes:
                    raise self._error(f"the video is larger than max_bytes={self._max_bytes}")
                self.total = expected
                try:
                    self._file = self.temp.open("wb")
                except OSError as exc:
                    raise self._error(f"cannot write beside {str(self.dest)!r}: {_reason(exc)}") from exc
            start = self._b64_at
            piece = text[start : start + BASE64_PIECE]
            self._b64_at = start + len(piece)
            try:
                decoded = binascii.a2b_base64(piece.encode("ascii"), strict_mode=True)
            except (binascii.Error, UnicodeEncodeError) as exc:
                raise self._error(
                    f"the base64 video is not valid base64 near character {start} ({type(exc).__name__})"
                ) from exc
            del piece
            self._wire += len(decoded)
            self._store(decoded)
            if self._b64_at < len(text):
                return True
            if self.done != self.total:  # cannot differ for strict base64: a last guard before the rename
                raise self._error(f"the base64 video decoded to {self.done} of {self.total} bytes")
            return False

    # -- between attempts --------------------------------------------------------------------------------

    @property
    def ref(self) -> CreationRef:
        """The creation to fetch again for Step.REFRESH (only returned for an output that names one)."""
        assert self.output.ref is not None
        return self.output.ref

    @contextlib.contextmanager
    def refreshing(self) -> Iterator[None]:
        """Around fetching the creation again: an APIError ends the download (DownloadError)."""
        try:
            yield
        except APIError as exc:
            raise DownloadError(f"the download link expired and refreshing it failed: {exc}", status_code=None) from exc

    def refreshed(self, creation: Creation) -> None:
        """Continue with the fresh URL of the same output (from byte 0)."""
        self._refreshed = True
        if self.output.index >= len(creation.outputs):
            raise DownloadError(f"{creation.ref} no longer lists output {self.output.index}")
        self.url = _checked_url(creation.outputs[self.output.index].url, self._allow_link_local)
        self.done = 0
        self._probing = False

    def failed(self, exc: httpx.HTTPError | httpx.InvalidURL) -> Wait:
        """The attempt's request or body failed in httpx: wait, then send again; DownloadError when out
        of retries or time, or for a URL httpx refused to send (e.g. a redirect to ``javascript:``)."""
        if isinstance(exc, httpx.InvalidURL):
            raise self._error(f"the download redirected to an unusable URL ({exc})") from exc
        return self._retry(f"{type(exc).__name__}: {exc}", cause=exc)

    def _retry(
        self,
        reason: str,
        hinted: float | None = None,
        status: int | None = None,
        cause: BaseException | None = None,
    ) -> Wait:
        """How long to wait before the next attempt, or DownloadError when out of retries or time."""
        remaining = self.deadline.remaining()
        if remaining is not None and remaining <= 0:
            raise self._timed_out(reason) from cause
        if self._retries >= self._max_retries or (hinted is not None and hinted > C.MAX_RETRY_AFTER):
            raise self._error(
                f"download of {redact_url(self.url)} failed after {self._retries + 1} attempts: {reason}",
                status_code=status,
            ) from cause
        delay = hinted if hinted is not None else backoff(self._retries)
        if remaining is not None and delay >= remaining:
            raise self._timed_out(reason) from cause
        self._retries += 1
        if self._decoder is not None or self._validator() is None:
            self.done = 0  # nothing proves the next answer continues this one: start again
            self._probing = False
        return Wait(delay)

    # -- helpers -----------------------------------------------------------------------------------------

    def _validator(self) -> str | None:
        """What ``If-Range`` can carry: the strong ETag, else Last-Modified (weak ETags may not be used)."""
        if self._etag and not self._etag.startswith("W/"):
            return self._etag
        return self._last_modified or None

    def _changed(self, headers: httpx.Headers) -> bool:
        """True if an answer's validators show another version of the object than the file holds."""
        etag, modified = headers.get("etag"), headers.get("last-modified")
        if etag is not None and self._etag is not None:
            if etag != self._etag:
                return True
            if not etag.startswith("W/"):
                return False  # the same strong ETag: the same bytes
        return modified is not None and self._last_modified is not None and modified != self._last_modified

    def _restart(self, reason: str) -> Step:
        """The object changed between attempts: start again from byte 0 (at most MAX_DOWNLOAD_RESTARTS times)."""
        self._restarts += 1
        if self._restarts > C.MAX_DOWNLOAD_RESTARTS:
            raise self._error(f"download of {redact_url(self.url)} restarted too often: {reason}")
        self.done = 0
        self.total = None
        self._probing = False
        return Step.SEND

    def _check_deadline(self) -> None:
        remaining = self.deadline.remaining()
        if remaining is not None and remaining <= 0:
            raise self._timed_out("the deadline passed")

    def _timed_out(self, reason: str) -> DownloadError:
        what = redact_url(self.url) if self.url else "the base64 video"
        return self._error(f"download of {what} timed out after {self._timeout:g} s ({reason})")

    def _error(self, message: str, status_code: int | None = None) -> DownloadError:
        return DownloadError(message, status_code=status_code, bytes_received=self.done, bytes_expected=self.total)

    def _close(self) -> None:
        if self._sync is not None:
            with contextlib.suppress(OSError):
                self._sync.result()  # never close a file descriptor a sync is still using
            self._sync = None
        if self._file is not None:
            file, self._file = self._file, None
            file.close()


def _length(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and value.isascii() else None


def _encoding(headers: httpx.Headers) -> str:
    """The Content-Encoding, lower-case, without ``identity`` entries ("" for none)."""
    codings = [c.strip().lower() for c in headers.get("content-encoding", "").split(",")]
    return ", ".join(c for c in codings if c and c != "identity")


def _chunked(headers: httpx.Headers) -> bool:
    return "chunked" in headers.get("transfer-encoding", "").lower()


def _framed(response: httpx.Response) -> bool:
    """True when the end of the body is marked on the wire (not just by the connection closing)."""
    if _chunked(response.headers):
        return True  # h11 raises on a close before the terminating chunk
    if _length(response.headers.get("content-length")) is not None:
        return True
    return response.http_version in ("HTTP/2", "HTTP/3")  # a stream that ended (a reset raises)
