"""Input videos for ``create(video=...)``: URLs pass through; files and bytes are uploaded as they are.

A file is never read into memory: it is checked here (a video container, not empty), then streamed
from disk in chunks when it is uploaded, and every upload checks it did not change in between.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeGuard

from . import _constants as C
from ._exceptions import InvalidOption, UploadError

VideoInput = str | os.PathLike[str] | bytes
"""A URL (``https://…``), a path to a video file, or the video's bytes."""

_EXTENSIONS = {
    "video/mp4": "mp4",
    "video/quicktime": "mov",
    "video/webm": "webm",
    "video/x-matroska": "mkv",
    "video/x-msvideo": "avi",
}
# Atoms a QuickTime file may start with when it has no "ftyp" (older .mov files).
_QUICKTIME_ATOMS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")


def video_media_type(head: bytes) -> str:
    """The media type of a video from its first bytes (at least 64 of them, when it has them);
    InvalidOption for anything that is not an MP4, QuickTime, WebM, Matroska or AVI file."""
    if head[4:8] == b"ftyp":
        return "video/quicktime" if head[8:12] == b"qt  " else "video/mp4"
    if head[4:8] in _QUICKTIME_ATOMS:
        return "video/quicktime"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm" if b"webm" in head[:64] else "video/x-matroska"
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return "video/x-msvideo"
    raise InvalidOption("video: the data is not an MP4, QuickTime, WebM, Matroska or AVI video", option="video")


@dataclass(frozen=True, slots=True)
class LocalFile:
    """An input to upload: a file on disk (streamed when sent, never read whole) or bytes in memory."""

    source: Path | bytes = field(repr=False)
    content_type: str
    size: int
    """The size when it was checked: an upload fails if the file's size differs by then."""
    mtime_ns: int = 0
    """The file's modification time when it was checked (0 for bytes)."""

    @property
    def file_name(self) -> str:
        """A name for storage: ``genvideo-input.<extension of its type>``."""
        return f"genvideo-input.{_EXTENSIONS.get(self.content_type, 'bin')}"

    def sha256(self) -> str:
        """The hex SHA-256 of the content (a file is read in chunks, once)."""
        digest = hashlib.sha256()
        for chunk in self.chunks("genvideo", "video"):
            digest.update(chunk)
        return digest.hexdigest()

    def chunks(self, provider: str, what: str, offset: int = 0, length: int | None = None) -> Iterator[bytes]:
        """The bytes from ``offset`` (``length`` of them, by default all the rest) in chunks of
        ``UPLOAD_CHUNK``; UploadError (naming ``what``) if the file changed since it was checked."""
        end = self.size if length is None else offset + length
        if isinstance(self.source, bytes):
            view = memoryview(self.source)
            for start in range(offset, end, C.UPLOAD_CHUNK):
                yield bytes(view[start : min(start + C.UPLOAD_CHUNK, end)])
            return
        try:
            with self.source.open("rb") as file:
                self._check_unchanged(os.fstat(file.fileno()), provider, what)
                file.seek(offset)
                left = end - offset
                while left > 0:
                    chunk = file.read(min(C.UPLOAD_CHUNK, left))
                    if not chunk:
                        raise self._changed(provider, what, "it is shorter than it was")
                    left -= len(chunk)
                    yield chunk
        except OSError as exc:
            raise UploadError(
                f"{provider}: cannot read {what} from disk: {exc.strerror or exc}", provider=provider, what=what
            ) from None

    async def achunks(
        self, provider: str, what: str, offset: int = 0, length: int | None = None
    ) -> AsyncIterator[bytes]:
        """:meth:`chunks` for an async request body (the reads are short: page-cache copies)."""
        for chunk in self.chunks(provider, what, offset, length):
            yield chunk

    def _check_unchanged(self, stat: os.stat_result, provider: str, what: str) -> None:
        if stat.st_size != self.size or stat.st_mtime_ns != self.mtime_ns:
            raise self._changed(provider, what, "its size or modification time differs")

    def _changed(self, provider: str, what: str, how: str) -> UploadError:
        return UploadError(
            f"{provider}: {what} changed on disk since create() checked it ({how}); nothing was submitted",
            provider=provider,
            what=what,
        )


def _local_file(path: Path, shown: str) -> LocalFile:
    if not path.is_file():  # before opening: opening a FIFO would block
        raise InvalidOption(f"video: {shown!r} is not a regular file", option="video")
    try:
        with path.open("rb") as file:
            stat = os.fstat(file.fileno())
            head = file.read(64)
    except OSError as exc:
        raise InvalidOption(f"video: cannot read {shown!r}: {exc.strerror or exc}", option="video") from None
    if stat.st_size == 0:
        raise InvalidOption(f"video: {shown!r} is empty", option="video")
    return LocalFile(path, video_media_type(head), stat.st_size, stat.st_mtime_ns)


def is_video_url(video: object) -> TypeGuard[str]:
    """Whether ``create(video=...)`` was given a URL (an http(s) string), not a path or bytes."""
    return isinstance(video, str) and video.startswith(("https://", "http://"))


def video_reference(video: VideoInput | None) -> str | LocalFile | None:
    """What ``create(video=...)`` was given: an http(s) URL as it is, or the local file or bytes to upload."""
    if video is None:
        return None
    if isinstance(video, bytes):
        if not video:
            raise InvalidOption("video: the bytes are empty", option="video")
        return LocalFile(video, video_media_type(video[:64]), len(video))
    if is_video_url(video):
        return video
    if isinstance(video, str | os.PathLike):
        shown = str(video)[:80]
        path = Path(video)
        try:
            exists = path.exists()
        except (OSError, ValueError):  # a name too long for the file system, or a NUL in it
            exists = False
        if not exists:
            raise InvalidOption(f"video: {shown!r} is neither an http(s) URL nor an existing file", option="video")
        return _local_file(path, shown)
    raise InvalidOption(f"video: expected a URL, a path or bytes, not {type(video).__name__}", option="video")
