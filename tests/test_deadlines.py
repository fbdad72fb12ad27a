"""Deadlines: `wait` never sleeps (or reads) past its timeout, whatever the server asks for.

A server answering 429 with `Retry-After: 3600` (or an HTTP-date in the far future) must not make a
2 s wait sleep an hour; a server that hangs must not make a 1 s wait last longer than about 1 s.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import genvideo
from genvideo.testing import Fault, Sandbox
from tests._faultservers import Reply, ScriptedServer

MODES = ["sync", "async"]


def timed_wait(
    client_factory: Callable[..., Any], mode: str, ref: str, **wait: Any
) -> tuple[BaseException | None, float]:
    """Run `client.wait(ref, **wait)`; return (what it raised, elapsed seconds)."""
    started = time.monotonic()
    try:
        if mode == "sync":
            with client_factory() as client:
                client.wait(ref, **wait)
        else:

            async def main() -> None:
                async with client_factory(asynchronous=True) as client:
                    await client.wait(ref, **wait)

            asyncio.run(main())
    except genvideo.GenvideoError as exc:
        return exc, time.monotonic() - started
    return None, time.monotonic() - started


@pytest.fixture
def sb() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        yield sandbox


def sandbox_clients(sb: Sandbox, **options: Any) -> Callable[..., Any]:
    def make(asynchronous: bool = False) -> Any:
        return (sb.async_client if asynchronous else sb.client)(**options)

    return make


FAR_FUTURE = "Fri, 31 Dec 2100 23:59:59 GMT"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "retry_after", ["3600", FAR_FUTURE, "30", "3"], ids=["3600s", "http-date-2100", "30s", "3s-past-the-deadline"]
)
def test_a_long_retry_after_ends_a_2s_wait_at_once(sb: Sandbox, mode: str, retry_after: str) -> None:
    sb.add_creation(
        "vidu", "rl", states=["processing"], faults=[Fault.status(429, headers={"Retry-After": retry_after}, times=99)]
    )
    error, elapsed = timed_wait(sandbox_clients(sb), mode, "vidu:rl", timeout=2, poll_interval=0.05)
    assert isinstance(error, genvideo.RateLimitError), error
    assert error.retry_after is not None
    assert error.retry_after > 2
    assert elapsed < 0.5  # raised at once: waiting could not help
    assert len(sb.requests) == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_short_retry_after_is_honoured_until_the_deadline(sb: Sandbox, mode: str) -> None:
    sb.add_creation(
        "vidu", "ra", states=["processing"], faults=[Fault.status(503, headers={"Retry-After": "1"}, times=99)]
    )
    error, elapsed = timed_wait(sandbox_clients(sb, max_retries=0), mode, "vidu:ra", timeout=1.5, poll_interval=0.05)
    assert isinstance(error, genvideo.WaitTimeout | genvideo.ServerError), error
    assert 0.9 <= elapsed < 2.0
    assert 2 <= len(sb.requests) <= 3  # one poll a second, as asked: no hammering


@pytest.mark.parametrize("mode", MODES)
def test_a_hanging_server_cannot_stretch_a_1s_wait(sb: Sandbox, mode: str) -> None:
    sb.add_creation("vidu", "hang", states=["processing"], faults=[Fault.hang(times=99)])
    # The client's own timeout is the default 30 s: the wait deadline must cap every request.
    error, elapsed = timed_wait(sandbox_clients(sb, timeout=30.0), mode, "vidu:hang", timeout=1, poll_interval=0.05)
    assert isinstance(error, genvideo.WaitTimeout), error
    assert isinstance(error.__cause__, genvideo.APITimeoutError)
    assert error.creation is None
    assert elapsed < 1.5


@pytest.mark.parametrize("mode", MODES)
def test_a_hanging_server_after_a_first_answer_keeps_the_last_snapshot(sb: Sandbox, mode: str) -> None:
    sb.add_creation("vidu", "late", states=["processing"], progress=[40])
    sb.add_fault(sb.fault_path("vidu", "late"), Fault.state("processing"), Fault.hang(times=99))
    error, elapsed = timed_wait(sandbox_clients(sb), mode, "vidu:late", timeout=0.5, poll_interval=0.05)
    assert isinstance(error, genvideo.WaitTimeout), error
    assert error.creation is not None
    assert error.creation.raw_state == "processing"
    assert error.polls >= 2
    assert elapsed < 1.0


@pytest.mark.parametrize("mode", MODES)
def test_a_zero_timeout_polls_once(sb: Sandbox, mode: str) -> None:
    sb.add_creation("vidu", "zero", states=["processing"])
    error, elapsed = timed_wait(sandbox_clients(sb), mode, "vidu:zero", timeout=0, poll_interval=5)
    assert isinstance(error, genvideo.WaitTimeout), error
    assert elapsed < 0.5
    assert len(sb.requests) <= 1


def test_get_with_a_hanging_server_is_bounded_by_timeout_and_retries(sb: Sandbox) -> None:
    sb.add_creation("vidu", "g", faults=[Fault.hang(times=99)])
    started = time.monotonic()
    with sb.client(timeout=0.2, max_retries=1) as client, pytest.raises(genvideo.APITimeoutError):
        client.get("vidu:g")
    # two attempts of 0.2 s and one backoff sleep of at most 0.5 s
    assert time.monotonic() - started < 0.4 + 0.5 + 0.5
    assert len(sb.requests) == 2


@pytest.fixture
def dripping() -> Iterator[ScriptedServer]:
    body = b'{"state": "processing", "progress": 10}' + b" " * 1  # 40 bytes, one every 0.05 s: 2 s in all
    with ScriptedServer(lambda r: Reply(200, body, headers=[("Content-Type", "application/json")], drip=0.05)) as srv:
        yield srv


@pytest.mark.parametrize("mode", MODES)
def test_a_dripping_server_cannot_stretch_a_1s_wait(dripping: ScriptedServer, mode: str) -> None:
    def make(asynchronous: bool = False) -> Any:
        cls = genvideo.AsyncClient if asynchronous else genvideo.Client
        return cls(comfy_api_key="k", comfy_base_url=dripping.base_url, timeout=0.5, max_retries=0)

    error, elapsed = timed_wait(make, mode, "vidu:drip", timeout=1, poll_interval=0.05)
    assert isinstance(error, genvideo.WaitTimeout | genvideo.APITimeoutError), error
    assert elapsed < 1.5, f"a 1 s wait took {elapsed:.1f} s"
