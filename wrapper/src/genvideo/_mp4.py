"""A small MP4/QuickTime (ISO BMFF) box reader: what a video file is, from its box headers and ``moov``.

It reads the top-level box headers (8 or 16 bytes each, skipping the media data) and the ``moov`` box only
(``mvhd``, and in the video track ``tkhd``, ``mdhd``, ``hdlr``, ``stts`` and ``stsz``), from a
:class:`~genvideo._videos.LocalFile`, in ranges: never the whole file, never ``mdat``. Topaz needs these
facts in its create request, before the file is uploaded.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass

from ._exceptions import InvalidOption
from ._videos import LocalFile

MAX_MOOV = 64 * 1024 * 1024
"""A larger ``moov`` is refused rather than read (a 2-hour 60 fps video's is a few MB)."""
_CONTAINERS = {"video/mp4": "mp4", "video/quicktime": "mov"}


@dataclass(frozen=True, slots=True)
class VideoFacts:
    """What Topaz's ``source`` needs to know about a video file."""

    container: str
    """``mp4`` or ``mov``."""
    size: int
    duration: float
    """Seconds."""
    frame_count: int
    frame_rate: float
    width: int
    height: int


def _refuse(why: str) -> InvalidOption:
    return InvalidOption(f"video: cannot read the video's format from its MP4/QuickTime boxes: {why}", option="video")


def _read(file: LocalFile, offset: int, length: int) -> bytes:
    data = b"".join(file.chunks("genvideo", "video", offset, min(length, file.size - offset)))
    if len(data) < length:
        raise _refuse(f"the file ends inside a box (at byte {offset + len(data)})")
    return data


def _boxes(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    """The (type, content) of each box in ``data`` (the content of a box already in memory)."""
    at = 0
    while at + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1:
            if at + 16 > len(data):
                raise _refuse(f"a truncated {kind!r} box header")
            (size,) = struct.unpack_from(">Q", data, at + 8)
            header = 16
        elif size == 0:
            size = len(data) - at
        if size < header or at + size > len(data):
            raise _refuse(f"the {kind!r} box's size {size} does not fit")
        yield kind, data[at + header : at + size]
        at += size


def _child(data: bytes, kind: bytes) -> bytes | None:
    return next((content for k, content in _boxes(data) if k == kind), None)


def _path(data: bytes, *kinds: bytes) -> bytes | None:
    for kind in kinds:
        found = _child(data, kind)
        if found is None:
            return None
        data = found
    return data


def _moov(file: LocalFile) -> tuple[bytes, bytes]:
    """The major brand (from ``ftyp``, or empty) and the content of the top-level ``moov`` box."""
    at, brand = 0, b""
    while at + 8 <= file.size:
        head = _read(file, at, min(16, file.size - at))
        size, kind = struct.unpack_from(">I4s", head)
        header = 8
        if size == 1:
            if len(head) < 16:
                raise _refuse(f"a truncated {kind!r} box header")
            (size,) = struct.unpack_from(">Q", head, 8)
            header = 16
        elif size == 0:
            size = file.size - at
        if size < header or at + size > file.size:
            raise _refuse(f"the top-level {kind!r} box at byte {at} (size {size}) does not fit in the file")
        if kind == b"ftyp" and size >= header + 4:
            brand = _read(file, at + header, 4)
        if kind == b"moov":
            if size > MAX_MOOV:
                raise _refuse(f"its moov box is {size} bytes (more than {MAX_MOOV})")
            return brand, _read(file, at + header, size - header)
        at += size
    raise _refuse("it has no moov box")


def _full(data: bytes | None, what: str, length: int) -> bytes:
    if data is None or len(data) < length:
        raise _refuse(f"no readable {what} box")
    return data


def _video_track(moov: bytes) -> tuple[bytes, bytes]:
    """The ``tkhd`` and ``mdia`` of the first track whose handler is ``vide``."""
    for kind, trak in _boxes(moov):
        if kind != b"trak":
            continue
        mdia = _child(trak, b"mdia")
        hdlr = _child(mdia, b"hdlr") if mdia is not None else None
        if mdia is not None and hdlr is not None and len(hdlr) >= 12 and hdlr[8:12] == b"vide":
            return _full(_child(trak, b"tkhd"), "tkhd", 84), mdia
    raise _refuse("it has no video track")


def _timescale_duration(box: bytes, what: str) -> tuple[int, int]:
    """(timescale, duration) of an ``mvhd`` or ``mdhd`` box's content (version 0 or 1)."""
    if box[0] == 1:
        _full(box, what, 32)
        return struct.unpack_from(">IQ", box, 20)
    _full(box, what, 20)
    return struct.unpack_from(">II", box, 12)


def read_video_facts(file: LocalFile) -> VideoFacts:
    """The container, size, duration, frame count, frame rate and resolution of an MP4/QuickTime file.

    InvalidOption naming ``video`` when the file is not one or its boxes do not say (no ``moov``, no video
    track, no samples, a zero timescale or duration).
    """
    container = _CONTAINERS.get(file.content_type)
    if container is None:
        raise _refuse(f"it is {file.content_type}, not MP4 or QuickTime")
    brand, moov = _moov(file)
    if brand == b"qt  ":
        container = "mov"
    tkhd, mdia = _video_track(moov)
    width, height = (value >> 16 for value in struct.unpack_from(">II", tkhd, len(tkhd) - 8))
    scale, length = _timescale_duration(_full(_child(mdia, b"mdhd"), "mdhd", 20), "mdhd")
    stbl = _path(mdia, b"minf", b"stbl")
    frames = 0
    stsz = _child(stbl, b"stsz") if stbl is not None else None
    if stsz is not None and len(stsz) >= 12:
        (frames,) = struct.unpack_from(">I", stsz, 8)
    else:
        stts = _full(_child(stbl, b"stts") if stbl is not None else None, "stts", 8)
        (count,) = struct.unpack_from(">I", stts, 4)
        entries = _full(stts, "stts", 8 + 8 * count)
        frames = sum(struct.unpack_from(">I", entries, 8 + 8 * i)[0] for i in range(count))
    if scale == 0 or length == 0 or frames == 0 or width == 0 or height == 0:
        raise _refuse("its video track has no duration, samples or size")
    track_seconds = length / scale
    movie_scale, movie_length = _timescale_duration(_full(_child(moov, b"mvhd"), "mvhd", 20), "mvhd")
    duration = movie_length / movie_scale if movie_scale and movie_length else track_seconds
    return VideoFacts(
        container=container,
        size=file.size,
        duration=round(duration, 6),
        frame_count=frames,
        frame_rate=round(frames / track_seconds, 6),
        width=width,
        height=height,
    )
