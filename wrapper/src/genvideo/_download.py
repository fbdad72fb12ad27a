"""Downloading an output to a file: temp file, size check, Range resume, atomic rename.

``DownloadJob`` holds the bookkeeping of one download; the clients drive it
with their own (sync or async) HTTP streams.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import httpx

from ._constants import MAX_DOWNLOAD_REDIRECTS, MAX_RETRY_AFTER
from ._exceptions import APIError, DownloadError
from ._models import Creation, VideoOutput, redact_url
from ._responses import parse_retry_after
from ._retry import backoff

ProgressCallback = Callable[[int, int | None], object]

# Every this many bytes, the written part starts going to disk in a worker thread, so that the
# fsync before the atomic rename has little left to do (it otherwise costs ~30 % of a fast download).
SYNC_EVERY = 8 * 1024 * 1024


if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor


@functools.cache
def _syncer() -> ThreadPoolExecutor:
    from concurrent.futures import ThreadPoolExecutor  # only large downloads need it

    return ThreadPoolExecutor(max_workers=2, thread_name_prefix="genvideo-sync")


_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_EXPIRED = frozenset({401, 403, 410})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class RefreshNeeded(Exception):
    """The signed URL was refused (expired): fetch the creation again for a fresh one."""


class RetryableFailure(Exception):
    """A failure worth another attempt (5xx, 429, a cut connection, a short body)."""

    def __init__(self, message: str, retry_after: float | None = None, status_code: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status_code = status_code


class Redirected(Exception):
    """The server sent the download elsewhere: ``DownloadJob.url`` now names the next hop."""


def _checked_url(url: str) -> str:
    """An absolute http(s) URL httpx can send byte-exact, or DownloadError."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise DownloadError(f"unusable download URL: {redact_url(str(url))[:120]!r} ({exc})") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise DownloadError(f"unusable download URL: {redact_url(url)[:120]!r} (not an absolute http(s) URL)")
    return url


def output_of(target: VideoOutput | Creation) -> VideoOutput:
    """The output a download target names (a Creation means its first output)."""
    if isinstance(target, VideoOutput):
        return target
    if isinstance(target, Creation):
        if not target.outputs:
            raise DownloadError(f"{target.ref} has no output to download (state {target.state.value})")
        return target.outputs[0]
    raise TypeError(f"download() takes a VideoOutput or a Creation, not {type(target).__name__}")


class DownloadJob:
    """One download in progress. Use as a context manager: on any exit but success the temp file goes."""

    def __init__(
        self, output: VideoOutput, dest: str | os.PathLike[str], on_progress: ProgressCallback | None, max_retries: int
    ) -> None:
        self.output = output
        self.url = _checked_url(output.url)
        path = Path(dest)
        if path.is_dir():
            path = path / f"{output.ref.id if output.ref else 'video'}-{output.index}.mp4"
        if not path.parent.is_dir():
            raise DownloadError(f"destination folder {str(path.parent)!r} does not exist")
        self.dest = path
        self.temp = path.parent / f".{path.name}.{os.urandom(4).hex()}.part"
        self.done = 0
        self.total: int | None = None
        self._on_progress = on_progress
        self._max_retries = max_retries
        self._retries = 0
        self._refreshed = False
        self._file: BinaryIO | None = None
        self._check_length = True
        self._unsynced = 0
        self._sync: Future[None] | None = None
        self._redirects = 0

    def __enter__(self) -> DownloadJob:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._close()
        with contextlib.suppress(FileNotFoundError):
            self.temp.unlink()

    def headers(self) -> dict[str, str]:
        # identity: the byte count we check is the byte count we store
        headers = {"Accept-Encoding": "identity"}
        if self.done:
            headers["Range"] = f"bytes={self.done}-"
        return headers

    def start(self, response: httpx.Response) -> None:
        """Check the status and headers, and open the temp file to append or restart."""
        status = response.status_code
        if status in _REDIRECTS and "location" in response.headers:
            self._follow(response)
        if status in _EXPIRED and not self._refreshed and self.output.ref is not None:
            raise RefreshNeeded(f"HTTP {status}")
        if status in (408, 429) or 500 <= status <= 599:
            raise RetryableFailure(f"HTTP {status}", parse_retry_after(response.headers), status)
        append = False
        if status == 206 and self.done:
            match = _CONTENT_RANGE.fullmatch(response.headers.get("content-range", "").strip())
            if match is None or int(match.group(1)) != self.done:
                raise DownloadError(
                    f"the server resumed at the wrong offset ({response.headers.get('content-range')!r})",
                    status_code=status,
                    bytes_received=self.done,
                    bytes_expected=self.total,
                )
            append = True
            self.total = int(match.group(3)) if match.group(3) != "*" else None
        elif status == 200:
            self.done = 0
            length = response.headers.get("content-length")
            self.total = int(length) if length and length.isdigit() else None
        else:
            raise DownloadError(
                f"download of {redact_url(self.url)} refused: HTTP {status}",
                status_code=status,
                bytes_received=self.done,
                bytes_expected=self.total,
            )
        encoding = response.headers.get("content-encoding", "identity").lower()
        self._check_length = encoding == "identity"
        self._close()
        try:
            self._file = self.temp.open("ab" if append else "wb")
        except OSError as exc:
            raise DownloadError(f"cannot write {str(self.temp)!r}: {exc.strerror}") from exc

    def _follow(self, response: httpx.Response) -> None:
        # Followed here rather than by httpx, so that every hop's signed URL is known to the log
        # filter before its request is logged, and the hop count is ours to cap.
        self._redirects += 1
        if self._redirects > MAX_DOWNLOAD_REDIRECTS:
            raise DownloadError(
                f"download of {redact_url(self.output.url)} redirected more than {MAX_DOWNLOAD_REDIRECTS} times",
                status_code=response.status_code,
            )
        try:
            target = str(response.url.join(response.headers["location"]))
        except (httpx.InvalidURL, ValueError) as exc:
            raise DownloadError("the download redirected to an unusable URL", status_code=response.status_code) from exc
        self.url = _checked_url(target)
        raise Redirected(redact_url(self.url))

    def write(self, chunk: bytes) -> None:
        assert self._file is not None
        try:
            self._file.write(chunk)
        except OSError as exc:  # disk full, quota, I/O error: not worth retrying
            raise DownloadError(
                f"writing {str(self.dest)!r} failed: {exc.strerror or exc}",
                bytes_received=self.done,
                bytes_expected=self.total,
            ) from exc
        self.done += len(chunk)
        self._unsynced += len(chunk)
        if self._unsynced >= SYNC_EVERY and (self._sync is None or self._sync.done()):
            self._file.flush()
            self._sync = _syncer().submit(os.fdatasync, self._file.fileno())
            self._unsynced = 0
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def finish(self) -> Path:
        """Verify the size and move the file into place."""
        if self._check_length and self.total is not None and self.done != self.total:
            raise RetryableFailure(f"the body stopped at {self.done} of {self.total} bytes")
        assert self._file is not None
        try:
            self._file.flush()
            if self._sync is not None:
                self._sync.result()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise DownloadError(f"writing {str(self.dest)!r} failed: {exc.strerror or exc}") from exc
        self._close()
        try:
            self.temp.replace(self.dest)
        except OSError as exc:
            raise DownloadError(
                f"moving the download into place at {str(self.dest)!r} failed: {exc.strerror or exc}",
                bytes_received=self.done,
                bytes_expected=self.total,
            ) from exc
        return self.dest

    def refreshed(self, creation: Creation) -> None:
        """Continue with the fresh URL of the same output."""
        self._refreshed = True
        if self.output.index >= len(creation.outputs):
            raise DownloadError(f"{creation.ref} no longer lists output {self.output.index}")
        self.url = _checked_url(creation.outputs[self.output.index].url)
        self.done = 0

    def refresh_failed(self, error: APIError) -> DownloadError:
        return DownloadError(f"the download link expired and refreshing it failed: {error}", status_code=None)

    def retry_delay(self, failure: Exception) -> float:
        """Seconds before the next attempt, or DownloadError when out of retries."""
        if isinstance(failure, RetryableFailure):
            reason, hinted, status = str(failure), failure.retry_after, failure.status_code
        else:
            reason, hinted, status = f"{type(failure).__name__}: {failure}", None, None
        if self._retries >= self._max_retries or (hinted is not None and hinted > MAX_RETRY_AFTER):
            raise DownloadError(
                f"download of {redact_url(self.url)} failed after {self._retries + 1} attempts: {reason}",
                status_code=status,
                bytes_received=self.done,
                bytes_expected=self.total,
            ) from failure
        self._retries += 1
        return hinted if hinted is not None else backoff(self._retries - 1)

    def _close(self) -> None:
        if self._sync is not None:
            with contextlib.suppress(OSError):
                self._sync.result()  # never close a file descriptor a sync is still using
            self._sync = None
        if self._file is not None:
            self._file.close()
            self._file = None
