"""genvideo._mp4: the MP4/QuickTime box reader Topaz's create request needs (built files, no ffmpeg)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from genvideo._exceptions import InvalidOption
from genvideo._mp4 import read_video_facts
from genvideo._videos import LocalFile, video_reference
from genvideo.testing._media import fake_video, free_box_header, sample_video


def _box(kind: bytes, *content: bytes) -> bytes:
    body = b"".join(content)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def _full(kind: bytes, version: int, payload: bytes) -> bytes:
    return _box(kind, bytes([version, 0, 0, 0]) + payload)


def _movie(
    *,
    brand: bytes = b"isom",
    width: int = 1920,
    height: int = 1080,
    scale: int = 30000,
    length: int = 300300,
    frames: int = 300,
    version: int = 0,
    with_stsz: bool = True,
    audio_first: bool = True,
    moov_last: bool = False,
) -> bytes:
    """A minimal ISO BMFF file: ftyp, moov (mvhd; an audio track, a video track), mdat."""
    if version == 1:
        mvhd = _full(b"mvhd", 1, struct.pack(">QQIQ", 0, 0, 1000, length * 1000 // scale) + bytes(80))
        mdhd = _full(b"mdhd", 1, struct.pack(">QQIQ", 0, 0, scale, length) + bytes(4))
        tkhd = _full(b"tkhd", 1, bytes(32) + bytes(52) + struct.pack(">II", width << 16, height << 16))
    else:
        mvhd = _full(b"mvhd", 0, struct.pack(">IIII", 0, 0, 1000, length * 1000 // scale) + bytes(80))
        mdhd = _full(b"mdhd", 0, struct.pack(">IIII", 0, 0, scale, length) + bytes(4))
        tkhd = _full(b"tkhd", 0, bytes(20) + bytes(52) + struct.pack(">II", width << 16, height << 16))
    stts = _full(b"stts", 0, struct.pack(">III", 1, frames, length // max(frames, 1)))
    stsz = _full(b"stsz", 0, struct.pack(">II", 0, frames) + bytes(4 * frames))
    stbl = _box(b"stbl", stts, *([stsz] if with_stsz else []))
    video = _box(
        b"trak", tkhd, _box(b"mdia", mdhd, _full(b"hdlr", 0, bytes(4) + b"vide" + bytes(12)), _box(b"minf", stbl))
    )
    audio = _box(
        b"trak",
        _full(b"tkhd", 0, bytes(80)),
        _box(
            b"mdia",
            _full(b"mdhd", 0, struct.pack(">IIII", 0, 0, 48000, 480000) + bytes(4)),
            _full(b"hdlr", 0, bytes(4) + b"soun" + bytes(12)),
        ),
    )
    moov = _box(b"moov", mvhd, *((audio, video) if audio_first else (video, audio)))
    ftyp = _box(b"ftyp", brand + struct.pack(">I", 0) + brand)
    mdat = _box(b"mdat", bytes(1000))
    return ftyp + mdat + moov if moov_last else ftyp + moov + mdat


def test_the_packaged_sample() -> None:
    facts = read_video_facts(LocalFile(sample_video(), "video/mp4", len(sample_video())))
    assert (facts.container, facts.size, facts.duration) == ("mp4", 2125, 2.0)
    assert (facts.frame_count, facts.frame_rate, facts.width, facts.height) == (20, 10.0, 64, 36)


def test_a_file_on_disk_reads_only_its_boxes(tmp_path: Path) -> None:
    path = tmp_path / "padded.mp4"
    path.write_bytes(fake_video("mp4", 5 * 1024 * 1024))  # the sample then a 5 MB free box
    facts = read_video_facts(video_reference(path))  # type: ignore[arg-type]
    assert (facts.size, facts.frame_count, facts.width) == (5 * 1024 * 1024, 20, 64)


@pytest.mark.parametrize("version", [0, 1])
@pytest.mark.parametrize("moov_last", [False, True])
def test_built_movies(version: int, moov_last: bool) -> None:
    data = _movie(version=version, moov_last=moov_last)
    facts = read_video_facts(video_reference(data))  # type: ignore[arg-type]
    assert (facts.container, facts.width, facts.height, facts.frame_count) == ("mp4", 1920, 1080, 300)
    assert facts.frame_rate == pytest.approx(29.97, abs=0.001)
    assert facts.duration == pytest.approx(10.01)


def test_quicktime_brand_is_mov_and_stts_counts_frames_without_stsz() -> None:
    data = _movie(brand=b"qt  ", with_stsz=False, audio_first=False, frames=50, length=50 * 1001)
    facts = read_video_facts(LocalFile(data, "video/quicktime", len(data)))
    assert (facts.container, facts.frame_count) == ("mov", 50)


def test_a_64_bit_box_size_is_followed(tmp_path: Path) -> None:
    sample = sample_video()
    big = free_box_header(2**32 + 16)  # a 16-byte header claiming more than 4 GiB
    path = tmp_path / "sparse.mp4"
    with path.open("wb") as file:  # a sparse file: the box's payload is never written nor read
        file.write(sample[:32] + big)
        file.seek(32 + 2**32 + 16)
        file.write(sample[32:])
    facts = read_video_facts(video_reference(path))  # type: ignore[arg-type]
    assert (facts.frame_count, facts.width) == (20, 64)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (_box(b"ftyp", b"isom" + bytes(8)) + _box(b"mdat", bytes(64)), "no moov"),
        (_movie(moov_last=True)[:-600], "does not fit"),
        (_movie(frames=0, length=0), "no duration"),
        (_box(b"ftyp", b"isom" + bytes(8)) + _box(b"moov", _full(b"mvhd", 0, bytes(96))), "no video track"),
    ],
)
def test_what_cannot_be_read_is_an_invalid_video(data: bytes, why: str) -> None:
    with pytest.raises(InvalidOption, match=why) as caught:
        read_video_facts(LocalFile(data, "video/mp4", len(data)))
    assert caught.value.option == "video"


def test_matroska_is_not_read() -> None:
    data = b"\x1a\x45\xdf\xa3" + bytes(60)
    with pytest.raises(InvalidOption, match="not MP4 or QuickTime"):
        read_video_facts(LocalFile(data, "video/x-matroska", len(data)))
