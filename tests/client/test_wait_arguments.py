"""`wait`/`watch` arguments (issue 12): checked once, in the Poller both clients share.

- ``timeout``: seconds >= 0; ``None`` (or ``inf``) means no deadline; NaN, negative and non-numbers
  raise InvalidOption (a ValueError) before any request. NaN used to poll forever, None to raise
  TypeError.
- ``poll_interval``: seconds in (0, 1 day]; below MIN_POLL_INTERVAL (0.01 s) it is raised to it, so a
  typo such as ``1e-9`` no longer sends a thousand requests a second.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo._constants import MAX_POLL_INTERVAL, MIN_POLL_INTERVAL
from genvideo.testing import Sandbox

MODES = ["sync-wait", "sync-watch", "async-wait", "async-watch"]


def run(sb: Sandbox, mode: str, ref: str, **kwargs: Any) -> object:
    """``wait`` (or list of ``watch``) with ``kwargs``, sync or async; returns the result or what it raised."""
    try:
        if mode.startswith("sync"):
            with sb.client(timeout=5.0) as client:
                return client.wait(ref, **kwargs) if mode == "sync-wait" else list(client.watch(ref, **kwargs))

        async def main() -> object:
            async with sb.async_client(timeout=5.0) as client:
                if mode == "async-wait":
                    return await client.wait(ref, **kwargs)
                return [c async for c in client.watch(ref, **kwargs)]

        return asyncio.run(main())
    except Exception as exc:  # the tests look at what came out
        return exc


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        sandbox.add_creation("vidu", "done", states=["success"])
        sandbox.add_creation("vidu", "slow", states=["processing"])
        sandbox.add_creation("vidu", "three", states=["queueing", "processing", "processing", "success"])
        yield sandbox


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("timeout", math.nan),
        ("timeout", -1),
        ("timeout", -math.inf),
        ("timeout", "600"),
        ("timeout", True),
        ("timeout", 10**400),
        ("poll_interval", math.nan),
        ("poll_interval", 0),
        ("poll_interval", -0.5),
        ("poll_interval", math.inf),
        ("poll_interval", MAX_POLL_INTERVAL * 2),
        ("poll_interval", None),
        ("poll_interval", "5"),
    ],
    ids=repr,
)
def test_unusable_values_raise_invalid_option_before_any_request(
    sandbox: Sandbox, mode: str, option: str, value: object
) -> None:
    result = run(sandbox, mode, "vidu:done", **{"timeout": 5, "poll_interval": 0.01, option: value})
    assert isinstance(result, genvideo.InvalidOption), result
    assert isinstance(result, ValueError)  # as before, for callers that caught ValueError
    assert result.option == option
    assert option in str(result)
    assert sandbox.requests == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("timeout", [None, math.inf], ids=["None", "inf"])
def test_no_timeout_means_no_deadline(sandbox: Sandbox, mode: str, timeout: float | None) -> None:
    result = run(sandbox, mode, "vidu:three", timeout=timeout, poll_interval=0.01)
    assert not isinstance(result, BaseException), result
    final = result if isinstance(result, genvideo.Creation) else result[-1]  # type: ignore[index]
    assert isinstance(final, genvideo.Creation)
    assert final.state is genvideo.CreationState.SUCCEEDED
    assert len(sandbox.requests_for(sandbox.fault_path("vidu", "three"))) == 4


@pytest.mark.parametrize("mode", ["sync-wait", "async-wait"])
def test_a_tiny_poll_interval_is_raised_to_the_floor(sandbox: Sandbox, mode: str) -> None:
    started = time.monotonic()
    result = run(sandbox, mode, "vidu:slow", timeout=0.3, poll_interval=1e-9)
    elapsed = time.monotonic() - started
    assert isinstance(result, genvideo.WaitTimeout), result
    polls = len(sandbox.requests_for(sandbox.fault_path("vidu", "slow")))
    # At most one poll per MIN_POLL_INTERVAL (it backs off while nothing changes): ~15-30, not thousands.
    assert 2 <= polls <= elapsed / MIN_POLL_INTERVAL + 2, polls


@pytest.mark.parametrize("poll_interval", [MIN_POLL_INTERVAL, 0.05, 1, MAX_POLL_INTERVAL])
def test_usual_poll_intervals_are_accepted(sandbox: Sandbox, poll_interval: float) -> None:
    result = run(sandbox, "sync-wait", "vidu:done", timeout=5, poll_interval=poll_interval)
    assert isinstance(result, genvideo.Creation), result
