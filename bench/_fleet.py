"""Section 9: fleet-scale waits on both ``AsyncClient`` backends (httpx, aiohttp), against a fast server.

The sandbox's threads share one GIL and top out far below what 10,000 waits ask (~2,700 polls a second),
so this section has its own server: one asyncio process answering Vidu's poll
(``/proxy/vidu/tasks/<id>/creations``) from memory, each reply in one write, optionally ``latency``
seconds late (``loop.call_later``: a slow provider, not a slow server). Every creation was "submitted" when
the first poll of the run arrived and finishes ``FINISH`` seconds later, reporting no progress: polling at
``p`` = 5 s from the start returns at 15 s, after 4 polls (the ideal; with latency L, each of the 4 polls
takes L longer: 15 + 4L).

Scenarios (each in fresh processes, the backends one after the other):

- 10,000 waits, no added latency: wall time against the ideal, client CPU per poll, peak RSS per wait;
- 1,000 waits at 200 ms of latency: here the cap on requests in flight binds; both backends also run
  with other caps (``CAPS``), which is how ``C.MAX_CONCURRENT_REQUESTS`` was chosen.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import dataclass
from typing import Any

from ._child import conversation, emit, peak_rss_bytes, run_child
from ._report import Row, Section, Target, fmt_mib, fmt_seconds

KEY = "bench-comfy-key"
FINISH = 12.5
POLL = 5.0
POLLS = 4
"""Polls each wait needs at ``POLL`` from the start: at 0, 5, 10 and 15 s (finished at 12.5 s)."""
WALL_TARGET = {"10000": Target("≤", 1.2), "latency": Target("≤", 1.25)}
CPU_TARGET = {"aiohttp": Target("≤", 0.4, "ms"), "httpx": Target("≤", 1.5, "ms")}
CAPS = {"httpx": (20, 75), "aiohttp": (50, 200)}
"""Caps other than the default that a full run also measures, at 200 ms of latency."""
BACKENDS = ("httpx", "aiohttp")


# -- the server process ----------------------------------------------------------------------------


def _reply(body: bytes) -> bytes:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body


class _Poll(asyncio.Protocol):
    def __init__(self, server: _Server) -> None:
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.buffer = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            target = head.split(b" ", 2)[1]
            reply = self.server.answer(target.split(b"/")[-2].decode())
            assert self.transport is not None
            if self.server.latency:
                asyncio.get_running_loop().call_later(self.server.latency, self._send, reply)
            else:
                self.transport.write(reply)

    def _send(self, reply: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(reply)

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


class _Server:
    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.start: float | None = None
        self.requests = 0

    def answer(self, creation_id: str) -> bytes:
        now = time.monotonic()
        if self.start is None:
            self.start = now
        self.requests += 1
        if now - self.start < FINISH:
            body = {"id": creation_id, "state": "processing", "err_code": "", "progress": 0, "creations": []}
        else:
            video = {
                "id": f"{creation_id}-1",
                "url": f"https://cdn.example.test/{creation_id}.mp4?Signature=x",
                "cover_url": f"https://cdn.example.test/{creation_id}.png?Signature=x",
            }
            body = {"id": creation_id, "state": "success", "err_code": "", "progress": 100, "creations": [video]}
        return _reply(json.dumps(body).encode())


async def _serve(latency: float) -> None:
    server = _Server(latency)
    loop = asyncio.get_running_loop()
    listener = await loop.create_server(lambda: _Poll(server), "127.0.0.1", 0, backlog=4096)
    port = listener.sockets[0].getsockname()[1]
    emit({"base_url": f"http://127.0.0.1:{port}"})
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        emit({"command": line.decode().strip(), "requests": server.requests, "cpu": time.process_time()})
    listener.close()


# -- the client process ----------------------------------------------------------------------------


async def _wait_all(base_url: str, waits: int, backend: str, cap: int | None) -> dict[str, Any]:
    import genvideo
    from genvideo import _constants as C

    if cap is not None:
        C.MAX_CONCURRENT_REQUESTS[backend] = C.MAX_CONNECTIONS[backend] = cap
    errors: list[str] = []
    options: dict[str, Any] = {
        "comfy_api_key": KEY,
        "comfy_base_url": base_url,
        "typical_durations": {"vidu": None},  # the plan decides when creations finish, not Vidu's prior
        "timeout": 120.0,
        "http_backend": backend,
    }
    async with genvideo.AsyncClient(**options) as client:

        async def one(k: int) -> None:
            try:
                await client.wait(f"vidu:fleet{k:05d}", poll_interval=POLL, timeout=600)
            except genvideo.GenvideoError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")

        await client.get("vidu:warm-up")  # the pool and the imports, before the clock starts
        cpu0, start = time.process_time(), time.monotonic()
        await asyncio.gather(*(one(k) for k in range(waits)))
        end, cpu1 = time.monotonic(), time.process_time()
    return {
        "wall": end - start,
        "cpu": cpu1 - cpu0,
        "errors": errors[:3],
        "error_count": len(errors),
        "peak_rss": peak_rss_bytes(),
    }


# -- the orchestrator ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    backend: str
    waits: int
    latency: float
    cap: int | None
    wall: float
    cpu: float
    requests: int
    server_cpu: float
    peak_rss: int
    error_count: int
    errors: list[str]

    @property
    def ideal(self) -> float:
        return (POLLS - 1) * POLL + POLLS * self.latency

    @property
    def cpu_per_poll(self) -> float:
        return self.cpu / max(self.requests, 1)


def measure(backend: str, waits: int, latency: float, cap: int | None = None) -> Result:
    with conversation("bench._fleet", "server", str(latency)) as server:
        args = [server.hello["base_url"], str(waits), backend, str(cap or 0)]
        client = run_child("bench._fleet", "client", *args, timeout=900)
        after = server.ask("after")
    return Result(
        backend,
        waits,
        latency,
        cap,
        client["wall"],
        client["cpu"],
        after["requests"] - 1,  # less the warm-up
        after["cpu"],
        client["peak_rss"],
        client["error_count"],
        client["errors"],
    )


def _rows(section: Section, result: Result, scenario: str) -> None:
    cap = f", cap {result.cap}" if result.cap else ""
    name = f"{result.waits:,} waits{', ' + fmt_seconds(result.latency) + ' latency' if result.latency else ''}"
    name += f", {result.backend}{cap}"
    section.add(
        Row(
            "9 fleet",
            f"{name}: wall time",
            fmt_seconds(result.wall),
            f"{fmt_seconds(result.ideal)} ideal",
            result.wall / result.ideal,
            WALL_TARGET[scenario]
            if result.cap is None and (scenario == "latency" or result.backend == "aiohttp")
            else None,
        )
    )
    minimum = result.waits * POLLS
    section.add(
        Row(
            "9 fleet",
            f"{name}: client CPU per poll",
            fmt_seconds(result.cpu_per_poll),
            f"{result.requests:,} polls ({minimum:,} minimum), {result.cpu / result.wall:.0%} of a core",
            result.cpu_per_poll * 1000,
            CPU_TARGET[result.backend] if scenario == "10000" and result.cap is None else None,
            value_text=f"{result.cpu_per_poll * 1000:.2f} ms",
        )
    )
    if scenario == "10000":
        section.add(
            Row(
                "9 fleet",
                f"{name}: peak RSS per wait",
                f"{result.peak_rss / result.waits / 1024:.1f} KiB",
                f"{fmt_mib(result.peak_rss)} peak for the process",
            )
        )
    if result.error_count:
        section.notes.append(f"{name}: {result.error_count} waits failed, e.g. {result.errors[:2]}")
    if result.server_cpu / result.wall > 0.85:
        section.notes.append(f"{name}: the server used {result.server_cpu / result.wall:.0%} of a core.")


def run(quick: bool) -> Section:
    section = Section("9 fleet-scale waits, both AsyncClient backends")
    many = 2_000 if quick else 10_000
    for backend in BACKENDS:
        _rows(section, measure(backend, many, 0.0), "10000")
    for backend in BACKENDS:
        _rows(section, measure(backend, 1_000, 0.2), "latency")
    if not quick:
        for backend, caps in CAPS.items():
            for cap in caps:
                _rows(section, measure(backend, 1_000, 0.2, cap), "latency")
    section.notes.append(
        f"every creation finishes {FINISH:g} s after the run's first poll and reports no progress; waits poll every "
        f"{POLL:g} s, so the ideal is {POLLS} polls and {(POLLS - 1) * POLL:g} s (plus {POLLS} latencies); one "
        "asyncio server process answers from memory (bench/_fleet.py). Rows with a cap override "
        "C.MAX_CONCURRENT_REQUESTS for the run: how the defaults were chosen."
    )
    if quick:
        section.notes.append(f"quick run: {many:,} waits instead of 10,000.")
    return section


if __name__ == "__main__":
    role, rest = sys.argv[1], sys.argv[2:]
    if role == "server":
        asyncio.run(_serve(float(rest[0])))
    elif role == "client":
        base, waits, backend, cap = rest
        emit(asyncio.run(_wait_all(base, int(waits), backend, int(cap) or None)))
    else:
        raise SystemExit(f"unknown role {role!r}")
