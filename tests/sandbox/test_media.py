"""The sandbox's media: playable MP4 videos padded to any size with a `free` box, and real PNG covers.

The MP4 checks parse the ISO BMFF box structure in pure Python; where ffprobe/ffmpeg are installed the
files are also probed and decoded by them (skipped otherwise: CI machines may not have ffmpeg).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import httpx
import pytest

from genvideo.testing import Sandbox
from genvideo.testing._media import fake_cover, fake_video, free_box_header, min_playable_size, sample_video

FFPROBE = shutil.which("ffprobe")
FFMPEG = shutil.which("ffmpeg")
NEEDS_FFPROBE = pytest.mark.skipif(FFPROBE is None, reason="ffprobe not installed (apt-get install ffmpeg)")
NEEDS_FFMPEG = pytest.mark.skipif(FFMPEG is None, reason="ffmpeg not installed (apt-get install ffmpeg)")
PROBE_ARGS = [
    "-v",
    "error",
    "-show_entries",
    "stream=codec_type,codec_name",
    "-show_entries",
    "format=duration",
    "-of",
    "json",
]
SAMPLE_SIZE = len(sample_video())
MIN = min_playable_size()
SIZES = [MIN, MIN + 1, MIN + 7, 4096, 10_000, 64 * 1024, 256 * 1024 + 3]
SEEDS = ["vidu/902581991298326528/1", "haiper/job/2", "x", ""]


# -- a small ISO BMFF reader --------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    kind: bytes
    start: int
    size: int
    header: int

    @property
    def end(self) -> int:
        return self.start + self.size

    @property
    def body(self) -> int:
        return self.start + self.header


def boxes(data: bytes, start: int, end: int) -> list[Box]:
    """The boxes laid end to end in `data[start:end]`; reads only headers, so `data` may stop after the last one."""
    found: list[Box] = []
    at = start
    while at < end:
        assert end - at >= 8, f"{end - at} stray bytes at {at}"
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, at + 8)
            header = 16
        elif size == 0:
            size = end - at
        assert size >= header, f"box {kind!r} at {at} claims {size} bytes"
        assert at + size <= end, f"box {kind!r} at {at} ({size} bytes) overruns its parent, which ends at {end}"
        found.append(Box(kind, at, size, header))
        at += size
    return found


def child(data: bytes, parent: Box, kind: bytes) -> list[Box]:
    return [b for b in boxes(data, parent.body, parent.end) if b.kind == kind]


def check_mp4(data: bytes, total: int, *, padded: bool = True) -> list[Box]:
    """Assert `data` (the whole file, or a prefix holding every top-level header) is a `total`-byte MP4.

    Top level: `ftyp` first, `moov` (with `mvhd`, and a video `trak`) before `mdat`, and with `padded`
    a `free` box last; their sizes sum to `total`; every chunk offset of every track points into `mdat`.
    """
    top = boxes(data, 0, total)
    kinds = [b.kind for b in top]
    assert kinds[0] == b"ftyp", kinds
    assert data[8:12] == b"isom"
    assert kinds.count(b"moov") == 1, kinds
    assert kinds.count(b"mdat") == 1, kinds
    assert kinds.index(b"moov") < kinds.index(b"mdat"), f"not faststart: {kinds}"
    assert sum(b.size for b in top) == total
    if padded:
        assert kinds[-1] == b"free", kinds
        assert top[-1].end == total
    moov = top[kinds.index(b"moov")]
    mdat = top[kinds.index(b"mdat")]
    assert mdat.size > mdat.header
    (mvhd,) = child(data, moov, b"mvhd")
    version = data[mvhd.body]
    if version == 0:
        timescale, duration = struct.unpack_from(">II", data, mvhd.body + 12)
    else:
        timescale, duration = struct.unpack_from(">IQ", data, mvhd.body + 20)
    assert timescale > 0
    assert duration > 0
    handlers = []
    for trak in child(data, moov, b"trak"):
        (mdia,) = child(data, trak, b"mdia")
        (hdlr,) = child(data, mdia, b"hdlr")
        handlers.append(data[hdlr.body + 8 : hdlr.body + 12])
        (minf,) = child(data, mdia, b"minf")
        (stbl,) = child(data, minf, b"stbl")
        offsets: list[int] = []
        for stco in child(data, stbl, b"stco"):
            (count,) = struct.unpack_from(">I", data, stco.body + 4)
            offsets += struct.unpack_from(f">{count}I", data, stco.body + 8)
        for co64 in child(data, stbl, b"co64"):
            (count,) = struct.unpack_from(">I", data, co64.body + 4)
            offsets += struct.unpack_from(f">{count}Q", data, co64.body + 8)
        assert offsets, "a track without chunks"
        assert all(mdat.body <= offset < mdat.end for offset in offsets), (offsets, mdat)
    assert b"vide" in handlers, handlers
    return top


def ffprobe(path: Path) -> dict[str, object]:
    assert FFPROBE is not None
    result = subprocess.run(
        [FFPROBE, *PROBE_ARGS, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    probed: dict[str, object] = json.loads(result.stdout)
    return probed


def assert_h264_video(path: Path) -> None:
    probed = ffprobe(path)
    streams = probed["streams"]
    assert isinstance(streams, list)
    assert {"codec_type": "video", "codec_name": "h264"} in streams, streams
    form = probed["format"]
    assert isinstance(form, dict)
    assert float(form["duration"]) > 0


# -- the packaged sample ------------------------------------------------------------------------------


def test_the_sample_is_package_data_and_a_faststart_h264_mp4() -> None:
    resource = resources.files("genvideo.testing").joinpath("media").joinpath("sample.mp4")
    assert resource.is_file()
    data = resource.read_bytes()
    assert data == sample_video()
    assert 1000 < len(data) < 16 * 1024
    top = check_mp4(data, len(data), padded=False)
    assert top[-1].kind == b"mdat"


# -- fake_video ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_padded_videos_are_mp4s_that_end_in_a_free_box_of_exactly_the_size(seed: str, size: int) -> None:
    video = fake_video(seed, size)
    assert len(video) == size
    assert video.startswith(sample_video())
    top = check_mp4(video, size)
    free = top[-1]
    assert free.start == SAMPLE_SIZE
    assert free.header == 8
    assert free.size == size - SAMPLE_SIZE


def test_every_size_is_exact_and_the_playable_threshold_is_min_playable_size() -> None:
    assert MIN == SAMPLE_SIZE + 8 + 32
    for size in range(MIN + 64):
        video = fake_video("seed", size)
        assert len(video) == size
        assert video.startswith(sample_video()) == (size >= MIN), size
    check_mp4(fake_video("seed", MIN), MIN)


def test_sizes_below_the_sample_get_the_old_ftyp_mdat_stand_in() -> None:
    video = fake_video("seed", 1024)
    assert video[:8] == struct.pack(">I4s", 24, b"ftyp")
    assert video[24:32] == struct.pack(">I4s", 1000, b"mdat")
    assert fake_video("seed", MIN - 1)[24:32] == struct.pack(">I4s", MIN - 1 - 24, b"mdat")
    assert fake_video("other", 1024) != video
    assert fake_video("seed", 0) == b""
    with pytest.raises(ValueError, match=">= 0"):
        fake_video("seed", -1)


@pytest.mark.parametrize("size", [0, 100, MIN, 64 * 1024])
def test_same_seed_and_size_give_the_same_bytes_in_any_process(size: int) -> None:
    here = fake_video("vidu/task/1", size)
    assert fake_video("vidu/task/1", size) == here
    code = (
        "import hashlib; from genvideo.testing._media import fake_video; "
        f"print(hashlib.sha256(fake_video('vidu/task/1', {size})).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == hashlib.sha256(here).hexdigest()


@pytest.mark.parametrize("size", [MIN, 4096, 64 * 1024])
def test_different_seeds_give_different_bytes(size: int) -> None:
    seeds = [*SEEDS, "vidu/task/1/wm", "vidu/task/2", "haiper/task/1"]
    videos = {fake_video(seed, size) for seed in seeds}
    assert len(videos) == len(seeds)


def test_free_box_header_uses_largesize_beyond_32_bits() -> None:
    assert free_box_header(8) == b"\0\0\0\x08free"
    assert free_box_header(0xFFFFFFFF) == b"\xff\xff\xff\xfffree"
    assert free_box_header(1 << 32) == b"\0\0\0\x01free" + struct.pack(">Q", 1 << 32)
    assert free_box_header((1 << 64) - 1) == b"\0\0\0\x01free" + b"\xff" * 8
    for bad in (-1, 0, 7, 1 << 64):
        with pytest.raises(ValueError, match="free box"):
            free_box_header(bad)


def test_a_video_over_4_gib_parses_with_a_largesize_free_box(tmp_path: Path) -> None:
    total = SAMPLE_SIZE + (1 << 32) + 100
    head = sample_video() + free_box_header(total - SAMPLE_SIZE)
    top = check_mp4(head, total)
    assert (top[-1].header, top[-1].size) == (16, total - SAMPLE_SIZE)
    if FFPROBE is None:
        return
    path = tmp_path / "big.mp4"  # sparse: the padding is a hole
    with path.open("wb") as f:
        f.write(head)
        f.truncate(total)
    if path.stat().st_blocks * 512 > 1 << 20:
        path.unlink()
        pytest.skip("the filesystem of tmp_path has no sparse files")
    assert_h264_video(path)


@NEEDS_FFPROBE
@pytest.mark.parametrize("size", [MIN, 64 * 1024])
def test_ffprobe_finds_an_h264_stream_in_padded_videos(tmp_path: Path, size: int) -> None:
    path = tmp_path / "video.mp4"
    path.write_bytes(fake_video("probe", size))
    assert_h264_video(path)


@NEEDS_FFMPEG
def test_ffmpeg_decodes_every_frame_of_a_padded_video(tmp_path: Path) -> None:
    assert FFMPEG is not None
    path = tmp_path / "video.mp4"
    path.write_bytes(fake_video("decode", 100_000))
    result = subprocess.run(
        [FFMPEG, "-v", "error", "-nostdin", "-i", str(path), "-f", "framemd5", "-"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    frames = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    assert len(frames) == 20  # 2 s at 10 fps


# -- covers -------------------------------------------------------------------------------------------


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: list[tuple[bytes, bytes]] = []
    at = 8
    while at < len(data):
        length, kind = struct.unpack_from(">I4s", data, at)
        body = data[at + 8 : at + 8 + length]
        assert len(body) == length
        (crc,) = struct.unpack_from(">I", data, at + 8 + length)
        assert crc == zlib.crc32(kind + body), f"bad CRC on {kind!r}"
        chunks.append((kind, body))
        at += 12 + length
    assert at == len(data)
    return chunks


@pytest.mark.parametrize("seed", SEEDS)
def test_covers_are_valid_pngs(seed: str) -> None:
    cover = fake_cover(seed)
    chunks = png_chunks(cover)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (width, height, depth, colour, compression, filtering, interlace) == (16, 9, 8, 2, 0, 0, 0)
    pixels = zlib.decompress(chunks[1][1])
    rows = [pixels[i : i + 1 + 3 * width] for i in range(0, len(pixels), 1 + 3 * width)]
    assert len(rows) == height
    assert all(len(row) == 1 + 3 * width and row[0] == 0 for row in rows)
    assert chunks[2][1] == b""
    assert fake_cover(seed) == cover


def test_covers_differ_per_seed() -> None:
    assert len({fake_cover(seed) for seed in SEEDS}) == len(SEEDS)


@NEEDS_FFPROBE
def test_ffprobe_reads_a_cover_as_a_png(tmp_path: Path) -> None:
    assert FFPROBE is not None
    path = tmp_path / "cover.png"
    path.write_bytes(fake_cover("probe"))
    result = subprocess.run(
        [FFPROBE, "-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert json.loads(result.stdout)["streams"] == [{"codec_name": "png", "width": 16, "height": 9}]


# -- end to end through the sandbox -------------------------------------------------------------------


@pytest.mark.parametrize("provider", ["vidu", "haiper"])
def test_a_sandbox_download_is_a_playable_mp4(tmp_path: Path, provider: str) -> None:
    with Sandbox() as sb:
        sb.add_creation(provider, "media", states=["succeed" if provider == "haiper" else "success"], outputs=2)
        with sb.client(timeout=5.0) as client:
            creation = client.get(f"{provider}:media")
            paths = [client.download(output, tmp_path / f"video-{i}.mp4") for i, output in enumerate(creation.outputs)]
        with httpx.Client() as cdn:
            watermarked_url = creation.outputs[0].watermarked_url
            watermarked = cdn.get(watermarked_url).content if watermarked_url else None
            cover_url = creation.outputs[0].cover_url
            cover = cdn.get(cover_url).content if cover_url else None
        videos = [path.read_bytes() for path in paths]
        assert videos == [sb.video(provider, "media", 0), sb.video(provider, "media", 1)]
        assert cover in (None, sb.cover(provider, "media", 0))
    assert len(videos[0]) == 64 * 1024  # the sandbox's default video_size
    for video in videos:
        check_mp4(video, len(video))
    assert videos[0] != videos[1]
    if watermarked is not None:
        check_mp4(watermarked, len(watermarked))
        assert len(watermarked) == len(videos[0])
        assert watermarked != videos[0]
    if cover is not None:
        png_chunks(cover)
    if FFPROBE is not None:
        assert_h264_video(paths[0])
