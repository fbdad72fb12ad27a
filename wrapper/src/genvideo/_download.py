"""Downloading an output to a file: temp file, size check, Range resume, atomic rename.

``DownloadJob`` holds the bookkeeping of one download; the clients drive it
with their own (sync or async) HTTP streams.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import httpx

from ._exceptions import APIError, DownloadError
from ._models import Creation, VideoOutput, redact_url
from ._responses import parse_retry_after
from ._retry import backoff

ProgressCallback = Callable[[int, int | None], object]

_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_EXPIRED = frozenset({401, 403, 410})


class RefreshNeeded(Exception):
    """The signed URL was refused (expired): fetch the creation again for a fresh one."""


class RetryableFailure(Exception):
    """A failure worth another attempt (5xx, 429, a cut connection, a short body)."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


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
        self.url = output.url
        path = Path(dest)
        if path.is_dir():
            path = path / f"{output.ref.id if output.ref else 'video'}-{output.index}.mp4"
        if not path.parent.is_dir():
            raise DownloadError(f"destination folder {str(path.parent)!r} does not exist")
        self.dest = path
        self.temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
        self.done = 0
        self.total: int | None = None
        self._on_progress = on_progress
        self._max_retries = max_retries
        self._retries = 0
        self._refreshed = False
        self._file: BinaryIO | None = None
        self._check_length = True

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
        if status in _EXPIRED and not self._refreshed and self.output.ref is not None:
            raise RefreshNeeded(f"HTTP {status}")
        if status in (408, 429) or 500 <= status <= 599:
            raise RetryableFailure(f"HTTP {status}", parse_retry_after(response.headers))
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
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def finish(self) -> Path:
        """Verify the size and move the file into place."""
        if self._check_length and self.total is not None and self.done != self.total:
            raise RetryableFailure(f"the body stopped at {self.done} of {self.total} bytes")
        assert self._file is not None
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise DownloadError(f"writing {str(self.dest)!r} failed: {exc.strerror or exc}") from exc
        self._close()
        self.temp.replace(self.dest)
        return self.dest

    def refreshed(self, creation: Creation) -> None:
        """Continue with the fresh URL of the same output."""
        self._refreshed = True
        if self.output.index >= len(creation.outputs):
            raise DownloadError(f"{creation.ref} no longer lists output {self.output.index}")
        self.url = creation.outputs[self.output.index].url
        self.done = 0

    def refresh_failed(self, error: APIError) -> DownloadError:
        return DownloadError(f"the download link expired and refreshing it failed: {error}", status_code=None)

    def retry_delay(self, failure: Exception) -> float:
        """Seconds before the next attempt, or DownloadError when out of retries."""
        if isinstance(failure, httpx.HTTPError):
            reason = f"{type(failure).__name__}: {failure}"
            hinted = None
        else:
            reason = str(failure)
            hinted = getattr(failure, "retry_after", None)
        if self._retries >= self._max_retries or (hinted is not None and hinted > 60):
            raise DownloadError(
                f"download of {redact_url(self.url)} failed after {self._retries + 1} attempts: {reason}",
                bytes_received=self.done,
                bytes_expected=self.total,
            ) from failure
        self._retries += 1
        return hinted if hinted is not None else backoff(self._retries - 1)

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
