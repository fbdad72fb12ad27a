"""Section 7: ``download`` of an inline base64 output (Google Veo) against ``base64.b64decode`` + one write.

Each decode runs in a fresh child process (``python -m bench._base64 child MODE TEXT DEST``) that first
reads the base64 text (a poll reply's ``bytesBase64Encoded``: it is in memory either way), then decodes it to
``DEST``; its peak RSS (``VmHWM``) minus the RSS with the text loaded is what the decode itself held.
``genvideo`` decodes ``BASE64_PIECE`` characters at a time into its temp file, fsyncs and renames; ``raw``
decodes the whole text at once and writes it with no fsync. The modes take turns, so drift hits them alike.
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
import time
from pathlib import Path

from ._child import current_rss_bytes, emit, peak_rss_bytes, run_child
from ._report import Row, Section, Target, fmt_mib, median

MODES = ("genvideo", "raw")
EXTRA_RSS_TARGET = Target("<", 32, "MiB")
_BLOCK = 3 << 20  # a multiple of 3: the pieces' base64 concatenates into the whole's


def child(mode: str, text_path: str, dest: str) -> None:
    text = Path(text_path).read_text(encoding="ascii")
    _reset_peak_rss()  # reading the file held its bytes and the text at once: not the decode's doing
    if mode == "genvideo":
        import genvideo

        with genvideo.Client() as client:
            rss_before = current_rss_bytes()
            start = time.perf_counter()
            client.download(genvideo.VideoOutput("", kind="base64", data=text), dest)
            seconds = time.perf_counter() - start
    else:
        rss_before = current_rss_bytes()
        start = time.perf_counter()
        Path(dest).write_bytes(base64.b64decode(text))
        seconds = time.perf_counter() - start
    emit(
        {"seconds": seconds, "bytes": Path(dest).stat().st_size, "rss_before": rss_before, "peak_rss": peak_rss_bytes()}
    )


def _reset_peak_rss() -> None:
    """Reset ``VmHWM`` to the current RSS (Linux: ``5`` to ``/proc/self/clear_refs``)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError as exc:
        raise RuntimeError(f"cannot reset the peak RSS: {exc}") from exc


def _make_text(path: Path, size: int) -> None:
    block = os.urandom(_BLOCK)
    with path.open("wb") as f:
        for _ in range(size // _BLOCK):
            f.write(base64.b64encode(block))
        f.write(base64.b64encode(block[: size % _BLOCK]))


def run(quick: bool) -> Section:
    size = (50 if quick else 200) * 10**6
    rounds = 2 if quick else 3
    section = Section("7 base64")
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    with tempfile.TemporaryDirectory(prefix="genvideo-bench-") as tmp:
        text = Path(tmp) / "video.b64"
        _make_text(text, size)
        for r in range(rounds):
            for i in range(len(MODES)):
                mode = MODES[(r + i) % len(MODES)]
                dest = Path(tmp) / f"out-{mode}.mp4"
                result = run_child("bench._base64", "child", mode, str(text), str(dest))
                dest.unlink()
                if result["bytes"] != size:
                    raise RuntimeError(f"{mode} decoded {result['bytes']} of {size} bytes")
                results[mode].append(result)

    def throughput(mode: str) -> float:
        return median([size / r["seconds"] for r in results[mode]])

    def extra(mode: str) -> float:
        return max(r["peak_rss"] - r["rss_before"] for r in results[mode])

    gv, raw = throughput("genvideo"), throughput("raw")
    mb = size // 10**6
    section.add(
        Row(
            "7 base64",
            f"{mb} MB base64 output: decode-to-disk throughput vs b64decode + write (n={rounds})",
            f"{gv / 1e6:.0f} MB/s",
            f"{raw / 1e6:.0f} MB/s",
            gv / raw,
        )
    )
    section.add(
        Row(
            "7 base64",
            f"{mb} MB base64 output: peak RSS above the loaded text",
            fmt_mib(extra("genvideo")),
            f"{fmt_mib(extra('raw'))} raw",
            extra("genvideo") / 2**20,
            EXTRA_RSS_TARGET,
            value_text=fmt_mib(extra("genvideo")),
        )
    )
    before = median([r["rss_before"] for r in results["genvideo"]])
    section.notes.append(
        f"each decode in a fresh process holding the base64 text ({fmt_mib(size * 4 / 3)}); RSS with it loaded "
        f"{fmt_mib(before)}; `download` decodes it in pieces into a temp file, fsyncs and renames it into place, "
        "the baseline decodes it whole and writes it without fsync."
    )
    return section


if __name__ == "__main__":
    if sys.argv[1] != "child":
        raise SystemExit("usage: python -m bench._base64 child MODE TEXT DEST")
    child(*sys.argv[2:5])
