"""Section 3: ``Client.download`` against raw httpx streaming to disk, from a loopback ``sendfile`` server.

Each download runs in a fresh child process (``python -m bench._download child MODE URL DEST``), so its
peak RSS (``VmHWM``) is the download's own; the modes take turns, so drift hits them alike.
``raw+fsync`` is raw httpx plus the ``fsync`` that ``download`` does before its atomic rename: it
tells the price of durability apart from the rest.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from ._child import current_rss_bytes, emit, peak_rss_bytes, run_child
from ._report import Row, Section, Target, fmt_mib, median
from ._servers import ServerProcess

MODES = ("genvideo", "raw", "raw+fsync")
THROUGHPUT_TARGET = Target("≥", 0.95)
RSS_TARGET = Target("<", 64, "MiB")
_BLOCK = 1 << 20


def child(mode: str, url: str, dest: str) -> None:
    if mode == "genvideo":
        import genvideo

        with genvideo.Client() as client:
            rss_before = current_rss_bytes()
            start = time.perf_counter()
            client.download(genvideo.VideoOutput(url=url), dest)
            seconds = time.perf_counter() - start
    else:
        import httpx

        with httpx.Client() as http:
            rss_before = current_rss_bytes()
            start = time.perf_counter()
            with http.stream("GET", url) as response, Path(dest).open("wb") as f:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    f.write(chunk)
                if mode == "raw+fsync":
                    f.flush()
                    os.fsync(f.fileno())
            seconds = time.perf_counter() - start
    emit(
        {"seconds": seconds, "bytes": Path(dest).stat().st_size, "rss_before": rss_before, "peak_rss": peak_rss_bytes()}
    )


def _make_file(path: Path, size: int) -> None:
    block = os.urandom(_BLOCK)
    with path.open("wb") as f:
        for _ in range(size // _BLOCK):
            f.write(block)
        f.write(block[: size % _BLOCK])


def run(quick: bool) -> Section:
    size = (100 if quick else 500) * 10**6
    rounds = 2 if quick else 5
    section = Section("3 download")
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="genvideo-bench-") as tmp:
        source = Path(tmp) / "source.mp4"
        _make_file(source, size)
        with ServerProcess("file", str(source)) as server:
            url = f"{server.base_url}/video.mp4"
            for r in range(rounds):
                for i in range(len(MODES)):
                    mode = MODES[(r + i) % len(MODES)]
                    dest = Path(tmp) / f"out-{mode}.mp4"
                    result = run_child("bench._download", "child", mode, url, str(dest))
                    dest.unlink()
                    if result["bytes"] != size:
                        raise RuntimeError(f"{mode} downloaded {result['bytes']} of {size} bytes")
                    results[mode].append(result)

    def throughput(mode: str) -> float:
        return median([size / r["seconds"] for r in results[mode]])

    gv, raw, raw_fsync = throughput("genvideo"), throughput("raw"), throughput("raw+fsync")
    mb = size // 10**6
    section.add(
        Row(
            "3 download",
            f"{mb} MB: throughput vs raw httpx (n={rounds})",
            f"{gv / 1e6:.0f} MB/s",
            f"{raw / 1e6:.0f} MB/s",
            gv / raw,
            THROUGHPUT_TARGET,
        )
    )
    section.add(
        Row(
            "3 download",
            f"{mb} MB: throughput vs raw httpx + fsync",
            f"{gv / 1e6:.0f} MB/s",
            f"{raw_fsync / 1e6:.0f} MB/s",
            gv / raw_fsync,
        )
    )
    peak = max(r["peak_rss"] for r in results["genvideo"])
    raw_peak = max(r["peak_rss"] for r in results["raw"])
    section.add(
        Row(
            "3 download",
            f"{mb} MB: peak RSS of the downloading process",
            fmt_mib(peak),
            f"{fmt_mib(raw_peak)} raw",
            peak / 2**20,
            RSS_TARGET,
            value_text=fmt_mib(peak),
        )
    )
    before = median([r["rss_before"] for r in results["genvideo"]])
    section.notes.append(
        f"each download in a fresh process; RSS before the download (interpreter, imports, client) "
        f"{fmt_mib(before)}; `download` writes to a temp file, fsyncs it and renames it into place."
    )
    return section


if __name__ == "__main__":
    if sys.argv[1] != "child":
        raise SystemExit("usage: python -m bench._download child MODE URL DEST")
    child(*sys.argv[2:5])
