"""Deterministic fake media: an MP4-looking video and a valid tiny PNG cover."""

from __future__ import annotations

import random
import struct
import zlib

_FTYP = struct.pack(">I4s4sI4s4s", 24, b"ftyp", b"isom", 0x200, b"isom", b"mp41")


def fake_video(seed: str, size: int) -> bytes:
    """`size` bytes that start like an MP4 (`ftyp` box, then an `mdat` box) and are otherwise pseudo-random.

    The same `seed` and `size` always give the same bytes.
    """
    if size < 0:
        raise ValueError(f"video size must be >= 0, got {size}")
    rest = size - len(_FTYP) - 8
    head = _FTYP + struct.pack(">I4s", rest + 8, b"mdat") if rest >= 0 else _FTYP + b"\0" * 8
    noise = random.Random(f"genvideo-sandbox:{seed}").randbytes(max(rest, 0))
    return (head + noise)[:size]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def fake_cover(seed: str, width: int = 16, height: int = 9) -> bytes:
    """A valid `width` x `height` single-colour RGB PNG whose colour depends on `seed`."""
    red, green, blue = random.Random(f"genvideo-cover:{seed}").randbytes(3)
    row = b"\0" + bytes((red, green, blue)) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(row * height))
        + _png_chunk(b"IEND", b"")
    )
