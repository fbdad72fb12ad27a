"""Deterministic sandbox media: playable MP4 videos of any size and a valid tiny PNG cover.

Videos are copies of `media/sample.mp4` (2 s, 64x36, H.264, made once by `tools/make_sandbox_media.sh`;
see `media/README.md`), each padded to its requested size with a trailing top-level `free` box full of
seeded pseudo-random bytes. Players skip `free` boxes, so every padded copy plays, and the padding
makes the bytes differ from seed to seed.
"""

from __future__ import annotations

import functools
import random
import struct
import zlib
from importlib import resources

_FTYP = struct.pack(">I4s4sI4s4s", 24, b"ftyp", b"isom", 0x200, b"isom", b"mp41")
_SEED_BYTES = 32
"""The least padding payload a playable video gets, so that two seeds always give different bytes."""
_MAX_BOX = (1 << 64) - 1


@functools.cache
def sample_video() -> bytes:
    """The bytes of the packaged sample video, `genvideo/testing/media/sample.mp4`."""
    return resources.files("genvideo.testing").joinpath("media").joinpath("sample.mp4").read_bytes()


def min_playable_size() -> int:
    """The smallest size `fake_video` makes a playable video for: the sample, a `free` header, 32 bytes."""
    return len(sample_video()) + 8 + _SEED_BYTES


def free_box_header(box_size: int) -> bytes:
    """The header of a top-level ISO BMFF `free` box of `box_size` bytes, header included.

    The 8-byte form (32-bit size) up to 4 GiB - 1, beyond that the 16-byte form (size field 1, then a
    64-bit `largesize`).
    """
    if box_size < 8 or box_size > _MAX_BOX:
        raise ValueError(f"a free box must be 8 to 2**64 - 1 bytes, got {box_size}")
    if box_size <= 0xFFFFFFFF:
        return struct.pack(">I4s", box_size, b"free")
    return struct.pack(">I4sQ", 1, b"free", box_size)


def fake_video(seed: str, size: int) -> bytes:
    """Exactly `size` bytes of video; the same `seed` and `size` always give the same bytes.

    From `min_playable_size()` bytes up: the packaged sample MP4 followed by a `free` box of seeded
    pseudo-random bytes, a valid, playable file. Smaller sizes cannot hold the sample: they get the old
    stand-in, an `ftyp` box then an `mdat` box of seeded pseudo-random bytes, truncated to `size` (no
    player opens it).
    """
    if size < 0:
        raise ValueError(f"video size must be >= 0, got {size}")
    noise = random.Random(f"genvideo-sandbox:{seed}")
    sample = sample_video()
    if size < min_playable_size():
        rest = size - len(_FTYP) - 8
        head = _FTYP + struct.pack(">I4s", rest + 8, b"mdat") if rest >= 0 else _FTYP + b"\0" * 8
        return (head + noise.randbytes(max(rest, 0)))[:size]
    header = free_box_header(size - len(sample))
    return sample + header + noise.randbytes(size - len(sample) - len(header))


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
