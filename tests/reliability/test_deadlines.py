"""Deadlines: `wait` never sleeps (or reads) past its timeout, whatever the server asks for.

A server answering 429 with `Retry-After: 3600` (or an HTTP-date in the far future) must not make a
2 s wait sleep an hour; a server that hangs must not make a 1 s wait last longer than about 1 s.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import genvideo
from genvideo._transport import current_deadline, deadline_scope, total_timeout
from genvideo.testing import Fault, Sandbox
from tests.support.clients import MODES
from tests.support.faultmatrix import POLLED, subject
from tests.support.faultservers import Reply, ScriptedServer


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


def sandbox_clients(sb: Sandbox, **options: Any) -> Callable[..., Any]:
    def make(asynchronous: bool = False) -> Any:
        return (sb.async_client if asynchronous else sb.client)(**options)

    return make


FAR_FUTURE = "Fri, 31 Dec 2100 23:59:59 GMT"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "retry_after", ["3600", FAR_FUTURE, "30", "3"], ids=["3600s", "http-date-2100", "30s", "3s-past-the-deadline"]
)
def test_a_long_retry_after_ends_a_2s_wait_at_once(sandbox: Sandbox, mode: str, retry_after: str) -> None:
    sandbox.add_creation(
        "vidu", "rl", states=["processing"], faults=[Fault.status(429, headers={"Retry-After": retry_after}, times=99)]
    )
    error, elapsed = timed_wait(sandbox_clients(sandbox), mode, "vidu:rl", timeout=2, poll_interval=0.05)
    assert isinstance(error, genvideo.RateLimitError), error
    assert error.retry_after is not None
    assert error.retry_after > 2
    assert elapsed < 0.5  # raised at once: waiting could not help
    assert len(sandbox.requests) == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_short_retry_after_is_honoured_until_the_deadline(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation(
        "vidu", "ra", states=["processing"], faults=[Fault.status(503, headers={"Retry-After": "1"}, times=99)]
    )
    error, elapsed = timed_wait(
        sandbox_clients(sandbox, max_retries=0), mode, "vidu:ra", timeout=1.5, poll_interval=0.05
    )
    assert isinstance(error, genvideo.WaitTimeout | genvideo.ServerError), error
    assert 0.9 <= elapsed < 2.0
    assert 2 <= len(sandbox.requests) <= 3  # one poll a second, as asked: no hammering


@pytest.mark.parametrize("mode", MODES)
def test_a_hanging_server_cannot_stretch_a_1s_wait(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "hang", states=["processing"], faults=[Fault.hang(times=99)])
    # The client's own timeout is the default 30 s: the wait deadline must cap every request.
    error, elapsed = timed_wait(
        sandbox_clients(sandbox, timeout=30.0), mode, "vidu:hang", timeout=1, poll_interval=0.05
    )
    assert isinstance(error, genvideo.WaitTimeout), error
    assert isinstance(error.__cause__, genvideo.APITimeoutError)
    assert error.creation is None
    assert elapsed < 1.5


@pytest.mark.parametrize("mode", MODES)
def test_a_hanging_server_after_a_first_answer_keeps_the_last_snapshot(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "late", states=["processing"], progress=[40])
    sandbox.add_fault(sandbox.fault_path("vidu", "late"), Fault.state("processing"), Fault.hang(times=99))
    error, elapsed = timed_wait(sandbox_clients(sandbox), mode, "vidu:late", timeout=0.5, poll_interval=0.05)
    assert isinstance(error, genvideo.WaitTimeout), error
    assert error.creation is not None
    assert error.creation.raw_state == "processing"
    assert error.polls >= 2
    assert elapsed < 1.0


@pytest.mark.parametrize("mode", MODES)
def test_a_zero_timeout_polls_once(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "zero", states=["processing"])
    error, elapsed = timed_wait(sandbox_clients(sandbox), mode, "vidu:zero", timeout=0, poll_interval=5)
    assert isinstance(error, genvideo.WaitTimeout), error
    assert elapsed < 0.5
    assert len(sandbox.requests) == 1  # a deadline of now does not stop the one poll before it is sent
    assert error.polls == 1
    assert error.creation is not None
    assert error.creation.raw_state == "processing"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", POLLED)
def test_a_zero_timeout_returns_a_creation_that_has_finished(sandbox: Sandbox, mode: str, provider: str) -> None:
    """wait() and watch() with timeout=0 look a finished creation up once each (every request of one get:
    Haiper's status, then its detail) and return it at once."""
    facts = subject(provider)
    ref = facts.add_creation(sandbox, "fin", states=[facts.success])
    with sandbox.client() as client:
        client.get(ref)
    requests = len(sandbox.requests)  # one get's
    sandbox.clear_requests()
    started = time.monotonic()
    if mode == "sync":
        with sandbox.client() as client:
            creation = client.wait(ref, timeout=0, poll_interval=5)
            assert [c.state for c in client.watch(ref, timeout=0)] == [genvideo.CreationState.SUCCEEDED]
    else:

        async def main() -> genvideo.Creation:
            async with sandbox.async_client() as client:
                done = await client.wait(ref, timeout=0, poll_interval=5)
                assert [c.state async for c in client.watch(ref, timeout=0)] == [genvideo.CreationState.SUCCEEDED]
                return done

        creation = asyncio.run(main())
    assert creation.state is genvideo.CreationState.SUCCEEDED
    assert time.monotonic() - started < 1.0
    assert len(sandbox.requests) == 2 * requests  # one lookup each for wait and watch


@pytest.mark.parametrize("mode", MODES)
def test_the_one_poll_of_a_zero_timeout_is_bounded_by_the_client_timeout(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "slow", states=["success"], faults=[Fault.hang(times=99)])
    error, elapsed = timed_wait(
        sandbox_clients(sandbox, timeout=0.3, max_retries=0), mode, "vidu:slow", timeout=0, poll_interval=5
    )
    assert isinstance(error, genvideo.WaitTimeout), error
    assert isinstance(error.__cause__, genvideo.APITimeoutError)
    assert 0.25 <= elapsed < 1.0  # the client's own 0.3 s, not an already passed deadline
    assert len(sandbox.requests) == 1


def test_get_with_a_hanging_server_is_bounded_by_timeout_and_retries(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "g", faults=[Fault.hang(times=99)])
    started = time.monotonic()
    with sandbox.client(timeout=0.2, max_retries=1) as client, pytest.raises(genvideo.APITimeoutError):
        client.get("vidu:g")
    # two attempts of 0.2 s and one backoff sleep of at most 0.5 s
    assert time.monotonic() - started < 0.4 + 0.5 + 0.5
    assert len(sandbox.requests) == 2


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


# -- a request's timeout bounds the whole request, whatever the server drips -------------------------------
#
# httpx applies a timeout to each socket read, so a server that sends a byte every 0.05 s (or an interim
# `103 Early Hints` every 0.02 s, which HTTP clients read past) never trips it. genvideo bounds each
# request as a whole: `Client(timeout=0.5)` means 0.5 s from the first connect to the last byte. On the
# code before that, each of these takes seconds (the whole drip, or every interim response) and passes.

REQUEST_TIMEOUT = 0.5
BOUND = REQUEST_TIMEOUT + 0.7  # one request and scheduling slack on a loaded machine

SLOW_SERVERS = {
    # ~300 bytes of head and body at 20 bytes a second: about 15 s
    "drip-head-and-body": lambda: Fault.drip(0.05, times=99),
    # the head at once, then ~150 bytes of body at 20 bytes a second
    "drip-body": lambda: Fault.drip(0.05, body_only=True, times=99),
    # 150 interim responses, 0.02 s apart, then the answer: 3 s
    "1xx-flood": lambda: Fault.informational(103, interval=0.02, count=150, times=99),
}


def _run(sb: Sandbox, mode: str, call: Callable[[Any], Any], **options: Any) -> tuple[BaseException | None, float]:
    """`call(client)` (awaited for async) with a sandbox client; (what it raised, elapsed seconds)."""
    options = {"timeout": REQUEST_TIMEOUT, "max_retries": 0, **options}
    started = time.monotonic()
    try:
        if mode == "sync":
            with sb.client(**options) as client:
                call(client)
        else:

            async def main() -> None:
                async with sb.async_client(**options) as client:
                    await call(client)

            asyncio.run(main())
    except genvideo.GenvideoError as exc:
        return exc, time.monotonic() - started
    return None, time.monotonic() - started


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("server", list(SLOW_SERVERS))
def test_a_slow_server_cannot_stretch_get_past_its_timeout(sandbox: Sandbox, mode: str, server: str) -> None:
    sandbox.add_creation("vidu", "slow", faults=[SLOW_SERVERS[server]()])
    error, elapsed = _run(sandbox, mode, lambda client: client.get("vidu:slow"))
    assert isinstance(error, genvideo.APITimeoutError), error
    assert REQUEST_TIMEOUT - 0.05 <= elapsed < BOUND, f"get with timeout={REQUEST_TIMEOUT} took {elapsed:.2f} s"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("server", ["drip-head-and-body", "1xx-flood"])
def test_a_slow_server_cannot_stretch_create_past_its_timeout(sandbox: Sandbox, mode: str, server: str) -> None:
    sandbox.add_fault(sandbox.submit_path("vidu", "text2video"), SLOW_SERVERS[server]())
    error, elapsed = _run(sandbox, mode, lambda client: client.create("vidu", prompt="a fox"))
    assert isinstance(error, genvideo.APITimeoutError), error
    assert elapsed < BOUND, f"create with timeout={REQUEST_TIMEOUT} took {elapsed:.2f} s"
    assert len(sandbox.submissions) == 1  # not retried: max_retries=0


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("server", list(SLOW_SERVERS))
def test_a_slow_server_cannot_stretch_a_1s_wait_whatever_it_drips(sandbox: Sandbox, mode: str, server: str) -> None:
    sandbox.add_creation("vidu", "slow", states=["processing"], faults=[SLOW_SERVERS[server]()])
    # The client's timeout (30 s) is far away: the wait's deadline bounds the request in flight.
    error, elapsed = timed_wait(
        sandbox_clients(sandbox, timeout=30.0), mode, "vidu:slow", timeout=1, poll_interval=0.05
    )
    assert isinstance(error, genvideo.WaitTimeout), error
    assert isinstance(error.__cause__, genvideo.APITimeoutError)
    assert elapsed < 1.6, f"a 1 s wait took {elapsed:.2f} s"


@pytest.mark.parametrize("mode", MODES)
def test_a_caller_httpx_transport_gets_the_same_bound(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "slow", faults=[SLOW_SERVERS["drip-head-and-body"]()])
    transport = httpx.HTTPTransport() if mode == "sync" else httpx.AsyncHTTPTransport()
    error, elapsed = _run(sandbox, mode, lambda client: client.get("vidu:slow"), transport=transport)
    assert isinstance(error, genvideo.APITimeoutError), error
    assert elapsed < BOUND


@pytest.mark.parametrize("mode", MODES)
def test_a_prompt_answer_is_not_cut_short(sandbox: Sandbox, mode: str) -> None:
    """The bound is on the request as a whole, not on each byte: a quick drip that ends in time is fine."""
    sandbox.add_creation("vidu", "quick", states=["processing"], faults=[Fault.drip(0.0005, size=16)])
    error, elapsed = _run(sandbox, mode, lambda client: client.get("vidu:quick"), timeout=5.0)
    assert error is None
    assert elapsed < 5.0


def test_the_whole_request_bound_is_the_largest_timeout_value() -> None:
    assert total_timeout(httpx.Timeout(30.0, connect=10.0)) == 30.0
    assert total_timeout(httpx.Timeout(5.0, read=60.0)) == 60.0
    assert total_timeout(httpx.Timeout(2.0)) == 2.0
    assert total_timeout({"connect": 1.0, "read": 2.0, "write": 3.0, "pool": 0.5}) == 3.0
    # Any unbounded phase leaves the request unbounded as a whole (each bounded phase stays bounded).
    assert total_timeout(httpx.Timeout(10.0, read=None)) is None
    assert total_timeout(httpx.Timeout(None)) is None
    assert total_timeout(None) is None


def test_a_deadline_scope_keeps_the_earlier_deadline() -> None:
    assert current_deadline() is None
    with deadline_scope(100.0):
        assert current_deadline() == 100.0
        with deadline_scope(200.0):
            assert current_deadline() == 100.0
        with deadline_scope(50.0):
            assert current_deadline() == 50.0
        with deadline_scope(None):
            assert current_deadline() == 100.0
        assert current_deadline() == 100.0
    assert current_deadline() is None
