"""Section 7: a Topaz upload (``create("topaz", video=<1 GB file>)``) against raw httpx streaming the same file
in the same parts to the same server (the sandbox, whose part URLs hash and count the bytes as they arrive).

Each upload runs in a fresh child process (``python -m bench._topaz_upload child MODE BASE_URL PATH``), so its
peak RSS (``VmHWM``) is the upload's own; the modes take turns. Both sides make the same four calls (create,
accept, the part PUTs, complete-upload): raw httpx PUTs each part from a generator of 1 MiB file reads.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ._child import current_rss_bytes, emit, peak_rss_bytes, run_child
from ._report import Row, Section, Target, fmt_mib, median

MODES = ("genvideo", "raw")
KEY = "bench-topaz-key"
THROUGHPUT_TARGET = Target("≥", 0.9)
RSS_TARGET = Target("<", 64, "MiB")
_BLOCK = 1 << 20


def _file_part(path: str, offset: int, length: int) -> Iterator[bytes]:
    with open(path, "rb") as f:  # noqa: PTH123 - the raw baseline, as a user would write it
        f.seek(offset)
        while length > 0:
            chunk = f.read(min(_BLOCK, length))
            length -= len(chunk)
            yield chunk


def _raw(base_url: str, path: str) -> None:
    import httpx

    from genvideo._mp4 import read_video_facts
    from genvideo._providers._submit import CommonArgs
    from genvideo._providers._topaz import create_body, part_ranges
    from genvideo._videos import LocalFile, video_reference

    video = video_reference(Path(path))
    assert isinstance(video, LocalFile)
    read_video_facts(video)
    body = create_body(CommonArgs(prompt=None, images=[], video=video), {}, video)
    with (
        httpx.Client(base_url=base_url, headers={"X-API-Key": KEY}, timeout=120) as api,
        httpx.Client(timeout=120) as s3,
    ):
        request_id = api.post("/proxy/topaz/video/", json=body).raise_for_status().json()["requestId"]
        urls = api.patch(f"/proxy/topaz/video/{request_id}/accept").raise_for_status().json()["urls"]
        etags = []
        for url, (offset, length) in zip(urls, part_ranges(video.size, len(urls)), strict=True):
            headers = {"Content-Type": "video/mp4", "Content-Length": str(length)}
            reply = s3.put(url, content=_file_part(path, offset, length), headers=headers).raise_for_status()
            etags.append(reply.headers["etag"])
        results = [{"partNum": i, "eTag": e} for i, e in enumerate(etags, 1)]
        api.patch(f"/proxy/topaz/video/{request_id}/complete-upload", json={"uploadResults": results})


def child(mode: str, base_url: str, path: str) -> None:
    import genvideo

    rss_before = current_rss_bytes()
    start = time.perf_counter()
    if mode == "genvideo":
        with genvideo.Client(comfy_base_url=base_url, comfy_api_key=KEY, timeout=120) as client:
            rss_before = current_rss_bytes()
            start = time.perf_counter()
            client.create("topaz", prompt=None, video=Path(path))
    else:
        _raw(base_url, path)
    seconds = time.perf_counter() - start
    emit({"seconds": seconds, "rss_before": rss_before, "peak_rss": peak_rss_bytes()})


def _make_file(path: Path, size: int) -> None:
    """The sandbox's sample MP4, then a `free` box filling it to `size` bytes (sparse: nothing to write)."""
    from genvideo.testing._media import free_box_header, sample_video

    with path.open("wb") as f:
        f.write(sample_video() + free_box_header(size - len(sample_video())))
        f.truncate(size)


def run(quick: bool) -> Section:
    from genvideo.testing import Sandbox

    size = (256 if quick else 1024) * 2**20
    rounds = 3 if quick else 5
    section = Section("7 topaz upload")
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="genvideo-bench-") as tmp, Sandbox(comfy_api_key=KEY) as sandbox:
        source = Path(tmp) / "source.mp4"
        _make_file(source, size)
        # Round 0 warms up and is not counted: the first upload into a fresh sandbox is ~1.5x slower whichever
        # side makes it (the server's first large allocations), which a median of few rounds cannot hide.
        for r in range(rounds + 1):
            for i in range(len(MODES)):
                mode = MODES[(r + i) % len(MODES)]
                sandbox.clear_requests()
                result = run_child("bench._topaz_upload", "child", mode, sandbox.comfy_base_url, str(source))
                if r:
                    results[mode].append(result)
                sent = sum(
                    int(h.split(";")[0].removeprefix("length="))
                    for r_ in sandbox.requests
                    for h in r_.header_values("X-Genvideo-Sandbox-Streamed")
                )
                if sent != size:
                    raise RuntimeError(f"{mode} uploaded {sent} of {size} bytes")

    def throughput(mode: str) -> float:
        return median([size / r["seconds"] for r in results[mode]])

    gv, raw = throughput("genvideo"), throughput("raw")
    mib = size // 2**20
    section.add(
        Row(
            "7 topaz upload",
            f"{mib} MiB in 3 parts: throughput vs raw httpx (n={rounds})",
            f"{gv / 1e6:.0f} MB/s",
            f"{raw / 1e6:.0f} MB/s",
            gv / raw,
            THROUGHPUT_TARGET,
        )
    )
    peak = max(r["peak_rss"] for r in results["genvideo"])
    raw_peak = max(r["peak_rss"] for r in results["raw"])
    section.add(
        Row(
            "7 topaz upload",
            f"{mib} MiB: peak RSS of the uploading process",
            fmt_mib(peak),
            f"{fmt_mib(raw_peak)} raw",
            peak / 2**20,
            RSS_TARGET,
            value_text=fmt_mib(peak),
        )
    )
    section.notes.append(
        "each upload in a fresh process against the sandbox (the same server for both, hashing the parts as they "
        "arrive); both make create, accept, three part PUTs from 1 MiB file reads, and complete-upload; the sides "
        "alternate which goes first, after one uncounted warm-up upload each."
    )
    return section


if __name__ == "__main__":
    if sys.argv[1] != "child":
        raise SystemExit("usage: python -m bench._topaz_upload child MODE BASE_URL PATH")
    child(*sys.argv[2:5])
