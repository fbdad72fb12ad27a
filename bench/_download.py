"""Section 3: ``Client.download`` against raw httpx, a plain socket loop and curl, streaming to disk
from a loopback ``sendfile`` server.

Each download runs in a fresh child process (``python -m bench._download child MODE URL DEST``), so its
peak RSS (``VmHWM``) is the download's own; the modes take turns (the order rotates every round), so
drift hits them alike. ``raw+fsync`` is raw httpx plus the ``fsync`` that ``download`` does before its
atomic rename: it tells the price of durability apart from the rest. ``socket`` is the floor a Python
client can reach: one GET over a plain socket, ``recv_into`` a reused 1 MiB buffer, each piece written
to the file, then ``fsync``. ``curl`` is ``curl -s -o FILE URL`` (no fsync; skipped when not installed).
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._child import current_rss_bytes, emit, peak_rss_bytes, run_child
from ._report import Row, Section, Target, fmt_mib, median
from ._servers import ServerProcess

MODES = ("genvideo", "raw", "raw+fsync", "socket", "curl")
THROUGHPUT_TARGET = Target("≥", 0.95)
SOCKET_TARGET = Target("≥", 0.9)  # issue 16: at least 0.9x the plain socket loop
RSS_TARGET = Target("<", 64, "MiB")
_BLOCK = 1 << 20


def _socket_download(url: str, dest: str) -> None:
    """One GET over a plain socket: ``recv_into`` a reused 1 MiB buffer, write each piece, fsync."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    assert parts.hostname is not None
    assert parts.port is not None
    buffer = bytearray(_BLOCK)
    view = memoryview(buffer)
    with socket.create_connection((parts.hostname, parts.port)) as sock, Path(dest).open("wb") as f:
        sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            n = sock.recv_into(buffer)
            if not n:
                raise RuntimeError("the connection closed inside the response head")
            head += buffer[:n]
        end = head.index(b"\r\n\r\n") + 4
        length = next(
            int(line.split(b":", 1)[1])
            for line in head[:end].split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        f.write(head[end:])
        left = length - (len(head) - end)
        while left > 0:
            n = sock.recv_into(view[: min(left, _BLOCK)])
            if not n:
                raise RuntimeError(f"the connection closed {left} bytes early")
            f.write(view[:n])
            left -= n
        f.flush()
        os.fsync(f.fileno())


def child(mode: str, url: str, dest: str) -> None:
    if mode == "socket":
        rss_before = current_rss_bytes()
        start, cpu_start = time.perf_counter(), time.process_time()
        _socket_download(url, dest)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    elif mode == "curl":
        curl = shutil.which("curl")
        assert curl is not None
        rss_before = 0
        start, cpu_start = time.perf_counter(), time.process_time()
        subprocess.run([curl, "-s", "-o", dest, url], check=True)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # curl's own
        peak, cpu = usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss: KiB on Linux
        emit(
            {
                "seconds": seconds,
                "cpu": cpu,
                "bytes": Path(dest).stat().st_size,
                "rss_before": rss_before,
                "peak_rss": peak,
            }
        )
        return
    elif mode == "genvideo":
        import genvideo

        with genvideo.Client() as client:
            rss_before = current_rss_bytes()
            start, cpu_start = time.perf_counter(), time.process_time()
            client.download(genvideo.VideoOutput(url=url), dest)
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    else:
        import httpx

        with httpx.Client() as http:
            rss_before = current_rss_bytes()
            start, cpu_start = time.perf_counter(), time.process_time()
            with http.stream("GET", url) as response, Path(dest).open("wb") as f:
                response.raise_for_status()
                for chunk in response.iter_bytes():
                    f.write(chunk)
                if mode == "raw+fsync":
                    f.flush()
                    os.fsync(f.fileno())
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    emit(
        {
            "seconds": seconds,
            "cpu": cpu,
            "bytes": Path(dest).stat().st_size,
            "rss_before": rss_before,
            "peak_rss": peak_rss_bytes(),
        }
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
    modes = MODES if shutil.which("curl") else tuple(m for m in MODES if m != "curl")
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory(prefix="genvideo-bench-") as tmp:
        source = Path(tmp) / "source.mp4"
        _make_file(source, size)
        with ServerProcess("file", str(source)) as server:
            url = f"{server.base_url}/video.mp4"
            for r in range(rounds):
                order = modes[r % len(modes) :] + modes[: r % len(modes)]
                for mode in order if r % 2 == 0 else order[::-1]:
                    dest = Path(tmp) / f"out-{mode}.mp4"
                    result = run_child("bench._download", "child", mode, url, str(dest))
                    dest.unlink()
                    if result["bytes"] != size:
                        raise RuntimeError(f"{mode} downloaded {result['bytes']} of {size} bytes")
                    results[mode].append(result)

    def throughput(mode: str) -> float:
        return median([size / r["seconds"] for r in results[mode]])

    gv = throughput("genvideo")
    mb = size // 10**6
    baselines: list[tuple[str, str, Target | None]] = [
        ("socket", f"{mb} MB: throughput vs a plain socket loop + fsync (n={rounds})", SOCKET_TARGET),
        ("curl", f"{mb} MB: throughput vs curl (no fsync)", None),
        ("raw", f"{mb} MB: throughput vs raw httpx", THROUGHPUT_TARGET),
        ("raw+fsync", f"{mb} MB: throughput vs raw httpx + fsync", None),
    ]
    for mode, case, target in baselines:
        if mode not in results:
            section.notes.append(f"curl is not installed: no curl baseline ({case!r} skipped).")
            print("  note: curl not found on PATH; the curl baseline is skipped", file=sys.stderr)
            continue
        other = throughput(mode)
        section.add(Row("3 download", case, f"{gv / 1e6:.0f} MB/s", f"{other / 1e6:.0f} MB/s", gv / other, target))

    def cpu_per_gb(mode: str) -> float:
        return median([r["cpu"] for r in results[mode]]) / (size / 1e9)

    gv_cpu = cpu_per_gb("genvideo")
    for mode in ("socket", "raw"):
        section.add(
            Row(
                "3 download",
                f"{mb} MB: CPU seconds per GB (user + system, all threads) vs {mode}",
                f"{gv_cpu:.2f} s",
                f"{cpu_per_gb(mode):.2f} s",
                gv_cpu / cpu_per_gb(mode),
            )
        )
    peak = max(r["peak_rss"] for r in results["genvideo"])
    others = ", ".join(
        f"{fmt_mib(max(r['peak_rss'] for r in results[m]))} {m}" for m in ("raw", "socket", "curl") if m in results
    )
    section.add(
        Row(
            "3 download",
            f"{mb} MB: peak RSS of the downloading process",
            fmt_mib(peak),
            others,
            peak / 2**20,
            RSS_TARGET,
            value_text=fmt_mib(peak),
        )
    )
    before = median([r["rss_before"] for r in results["genvideo"]])
    section.notes.append(
        f"each download in a fresh process; RSS before the download (interpreter, imports, client) "
        f"{fmt_mib(before)}; `download` writes to a temp file, fsyncs it and renames it into place; "
        "the socket loop fsyncs too, curl does not (its RSS is curl's own)."
    )
    return section


if __name__ == "__main__":
    if sys.argv[1] != "child":
        raise SystemExit("usage: python -m bench._download child MODE URL DEST")
    child(*sys.argv[2:5])
