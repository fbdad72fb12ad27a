"""Section 1: per-call overhead of ``Client.get`` / ``AsyncClient.get`` against raw httpx, same loopback server.

Each iteration times one genvideo call and the equivalent raw httpx calls (``get(url)`` + ``.json()``;
for Haiper the status and the detail, as ``get`` does for a succeeded creation) back to back, in an
order that alternates, so drift hits both sides alike. ``Creation.raw`` (parsed lazily) is timed on
its own, on the creation the genvideo call just returned.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx

import genvideo

from . import _bodies
from ._report import TIMES, Row, Section, Target, fmt_seconds, median
from ._servers import ServerProcess

KEY = "bench-key"  # the fixed-response server ignores credentials
TARGETS = {"small": Target("≤", 1.03), "large": Target("≤", 1.2)}  # issue 16


@dataclass(frozen=True)
class Case:
    provider: str
    size: str
    ref: str
    urls: tuple[str, ...]
    """What the raw side GETs for the same information."""
    headers: dict[str, str] = field(default_factory=dict, compare=False)
    """The one credential header genvideo sends for this provider (its spec's first), worked out once:
    both sides put the same bytes on the wire, and the raw side's timing holds no lookup."""

    def __post_init__(self) -> None:
        from genvideo._providers._registry import registry

        self.headers.update(registry().providers[self.provider].spec.credentials[0].header_for(KEY))

    @property
    def name(self) -> str:
        return f"{self.provider} {self.size}"


@dataclass
class Samples:
    genvideo: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)
    first_access: list[float] = field(default_factory=list)


def cases(base_url: str, size: str) -> list[Case]:
    return [
        Case("vidu", size, f"vidu:{_bodies.VIDU_ID}{size}", (base_url + _bodies.vidu_path(size),)),
        Case(
            "haiper",
            size,
            f"haiper:{_bodies.HAIPER_ID}{size}",
            (base_url + _bodies.haiper_status_path(size), base_url + _bodies.haiper_detail_path(size)),
        ),
        # A provider added through the registry (issue 14): its adapter and generated model loaded lazily.
        *([Case("wan", size, f"wan:{_bodies.WAN_ID}", (base_url + _bodies.wan_path(),))] if size == "small" else []),
    ]


def _schedule(size_cases: list[Case], iterations: int) -> Iterator[tuple[int, Case, bool]]:
    """(iteration, case, genvideo_first): cases rotate, and for every case the side that goes first
    alternates from one round to the next (tying it to the case's position would not, with two cases)."""
    for i in range(iterations):
        for j in range(len(size_cases)):
            yield i, size_cases[(i + j) % len(size_cases)], i % 2 == 0


def _client(base_url: str) -> genvideo.Client:
    return genvideo.Client(comfy_api_key=KEY, haiper_api_key=KEY, comfy_base_url=base_url, haiper_base_url=base_url)


def _async_client(base_url: str) -> genvideo.AsyncClient:
    return genvideo.AsyncClient(
        comfy_api_key=KEY, haiper_api_key=KEY, comfy_base_url=base_url, haiper_base_url=base_url
    )


def measure_sync(base_url: str, iterations: dict[str, int], warmup: int) -> dict[str, Samples]:
    results: dict[str, Samples] = {}
    clock = time.perf_counter
    with _client(base_url) as client, httpx.Client() as http:
        for size, count in iterations.items():
            size_cases = cases(base_url, size)
            for i, case, genvideo_first in _schedule(size_cases, warmup + count):
                samples = results.setdefault(case.name, Samples())
                for side in ("genvideo", "raw") if genvideo_first else ("raw", "genvideo"):
                    if side == "genvideo":
                        t0 = clock()
                        creation = client.get(case.ref)
                        t1 = clock()
                        _ = creation.raw
                        t2 = clock()
                        # Dropped now, as the raw side drops its parsed body: kept until the next call, a
                        # large creation (and its parsed raw models) would make that call's garbage
                        # collections walk it.
                        del creation, _
                        if i >= warmup:
                            samples.genvideo.append(t1 - t0)
                            samples.first_access.append(t2 - t1)
                    else:
                        t0 = clock()
                        for url in case.urls:
                            http.get(url, headers=case.headers).json()
                        t1 = clock()
                        if i >= warmup:
                            samples.raw.append(t1 - t0)
    return results


async def _measure_async(base_url: str, iterations: dict[str, int], warmup: int) -> dict[str, Samples]:
    results: dict[str, Samples] = {}
    clock = time.perf_counter
    async with (
        _async_client(base_url) as client,
        httpx.AsyncClient() as http,
    ):
        for size, count in iterations.items():
            size_cases = cases(base_url, size)
            for i, case, genvideo_first in _schedule(size_cases, warmup + count):
                samples = results.setdefault(case.name, Samples())
                for side in ("genvideo", "raw") if genvideo_first else ("raw", "genvideo"):
                    if side == "genvideo":
                        t0 = clock()
                        await client.get(case.ref)
                        t1 = clock()
                        if i >= warmup:
                            samples.genvideo.append(t1 - t0)
                    else:
                        t0 = clock()
                        for url in case.urls:
                            (await http.get(url, headers=case.headers)).json()
                        t1 = clock()
                        if i >= warmup:
                            samples.raw.append(t1 - t0)
    return results


def measure_async(base_url: str, iterations: dict[str, int], warmup: int) -> dict[str, Samples]:
    return asyncio.run(_measure_async(base_url, iterations, warmup))


def _rows(section: Section, label: str, results: dict[str, Samples]) -> None:
    for name, samples in results.items():
        size = name.split()[1]
        g, r = median(samples.genvideo), median(samples.raw)
        section.add(
            Row(
                "1 overhead",
                f"{label} {name} (n={len(samples.genvideo)})",
                fmt_seconds(g),
                fmt_seconds(r),
                g / r,
                TARGETS[size],
            )
        )


def run(quick: bool) -> Section:
    section = Section("1 per-call overhead")
    iterations = {"small": 300, "large": 30} if quick else {"small": 3000, "large": 300}
    warmup = 10 if quick else 50
    with ServerProcess("fixed") as server:
        sync = measure_sync(server.base_url, iterations, warmup)
        async_ = measure_async(server.base_url, iterations, warmup)
    _rows(section, "Client.get", sync)
    _rows(section, "AsyncClient.get", async_)
    for name, samples in sync.items():
        cost, raw_call = median(samples.first_access), median(samples.raw)
        section.add(
            Row(
                "1 overhead",
                f"Creation.raw first access, {name}",
                fmt_seconds(cost),
                fmt_seconds(raw_call) + " (raw call)",
                cost / raw_call,
                value_text=f"+{cost / raw_call:.2f}{TIMES} of a raw call",
            )
        )
    section.notes.append(
        "baseline = `httpx.Client.get(url).json()` (Haiper: status + detail, the two requests `get` makes for a "
        "succeeded creation) on the same keep-alive connection pool kind and the same fixed-response server; "
        f"{_bodies.LARGE} creations (Vidu) / outputs (Haiper) in a large body; calls interleaved one by one."
    )
    return section
