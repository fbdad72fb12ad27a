"""What a poll's reply headers tell the schedule: a successful poll's ``Retry-After``, and Comfy's estimate
of the creation's duration (``X-Comfy-Estimated-Duration-Seconds``). Unit cases for ``ReplyHints`` and
``PollSchedule``; then waits against the sandbox (``Fault.with_headers``), with every client."""

from __future__ import annotations

import asyncio
import email.utils
import time

import pytest

import genvideo
from genvideo import _constants as C
from genvideo._schedule import EARLIEST_FRACTION, MAX_SLEEP, PollSchedule, ReplyHints
from genvideo.testing import Fault, Sandbox
from tests.support.clients import MODES

ESTIMATE = "X-Comfy-Estimated-Duration-Seconds"


def hints_of(headers: dict[str, str]) -> ReplyHints:
    hints = ReplyHints()
    hints.read({name.lower(): value for name, value in headers.items()})
    return hints


@pytest.mark.parametrize(
    ("headers", "retry_after", "estimate"),
    [
        ({}, None, None),
        ({"Retry-After": "3"}, 3.0, None),
        ({"Retry-After": " 2.5 "}, 2.5, None),
        ({"Retry-After": "soon"}, None, None),
        ({"Retry-After": "-1"}, None, None),
        ({ESTIMATE: "120"}, None, 120.0),
        ({ESTIMATE: "42.5", "Retry-After": "1"}, 1.0, 42.5),
        ({ESTIMATE: "nan"}, None, None),
        ({ESTIMATE: "inf"}, None, None),
        ({ESTIMATE: "-5"}, None, None),
        ({ESTIMATE: "0"}, None, None),
        ({ESTIMATE: "1e9"}, None, None),  # a day at most
        ({ESTIMATE: "ten minutes"}, None, None),
        ({ESTIMATE: ""}, None, None),
    ],
)
def test_reply_hints_read_only_usable_values(
    headers: dict[str, str], retry_after: float | None, estimate: float | None
) -> None:
    hints = hints_of(headers)
    assert (hints.retry_after, hints.estimate) == (retry_after, estimate)


def test_a_retry_after_date_is_read_as_seconds_from_now() -> None:
    hints = hints_of({"Retry-After": email.utils.formatdate(time.time() + 30, usegmt=True)})
    assert hints.retry_after is not None
    assert 28 <= hints.retry_after <= 31


def test_retry_after_on_a_successful_poll_is_a_floor_for_the_next_one() -> None:
    schedule = PollSchedule(5.0)
    assert schedule.next_delay(10.0, None, ReplyHints(retry_after=12.0)) == 12.0
    assert schedule.next_delay(15.0, None, ReplyHints(retry_after=1.0)) == 5.0  # never under the floor
    assert schedule.next_delay(20.0, None, ReplyHints(retry_after=0.0)) == 5.0
    assert schedule.next_delay(25.0, None) == 5.0  # it held for one poll only
    # A hint beyond MAX_RETRY_AFTER is taken as that long (the wait's deadline still ends the wait).
    assert schedule.next_delay(30.0, None, ReplyHints(retry_after=1e9)) == C.MAX_RETRY_AFTER
    # It may exceed MAX_SLEEP floors: the server asked for it.
    short = PollSchedule(0.05)
    assert short.next_delay(1.0, None, ReplyHints(retry_after=2.0)) == 2.0 > MAX_SLEEP * 0.05


def test_the_estimate_replaces_the_prior_for_the_rest_of_the_wait() -> None:
    schedule = PollSchedule(5.0, typical=300.0)
    assert schedule.next_delay(0.0, None) == MAX_SLEEP * 5.0  # the prior: nothing before 120 s (capped)
    assert schedule.next_delay(0.0, None, ReplyHints(estimate=50.0)) == EARLIEST_FRACTION * 50.0
    assert schedule.typical == 50.0
    assert schedule.next_delay(20.0, None) == 5.0  # later polls without the header keep it
    assert schedule.next_delay(25.0, None, ReplyHints(estimate=200.0)) == EARLIEST_FRACTION * 200.0 - 25.0


def poll_times(sb: Sandbox, mode: str, ref: str, poll_interval: float, **options: object) -> list[float]:
    """Wait for `ref` with the `mode` client; the times of the polls the sandbox saw."""
    if mode == "sync":
        with sb.client(**options) as client:
            assert client.wait(ref, poll_interval=poll_interval, timeout=30).state is genvideo.CreationState.SUCCEEDED
    else:

        async def main() -> None:
            async with sb.async_client(**options) as client:
                finished = await client.wait(ref, poll_interval=poll_interval, timeout=30)
                assert finished.state is genvideo.CreationState.SUCCEEDED

        asyncio.run(main())
    creation_id = ref.partition(":")[2]
    return [r.time for r in sb.requests_for(sb.fault_path("vidu", creation_id))]


@pytest.mark.parametrize("mode", MODES)
def test_a_wait_obeys_retry_after_on_a_successful_poll(sandbox: Sandbox, mode: str) -> None:
    sandbox.add_creation("vidu", "later", states=["processing", "processing", "success"])
    sandbox.add_fault(sandbox.fault_path("vidu", "later"), Fault.with_headers({"Retry-After": "0.5"}))
    times = poll_times(sandbox, mode, "vidu:later", 0.02)
    assert len(times) == 3
    assert times[1] - times[0] >= 0.45  # asked for 0.5 s instead of the 0.02 s interval
    assert times[2] - times[1] < 0.45  # and for one poll only


@pytest.mark.parametrize("mode", MODES)
def test_a_wait_uses_comfys_estimate_and_ignores_garbage(sandbox: Sandbox, mode: str) -> None:
    """The creation finishes 0.6 s after it is added. Polled every 0.02 s, about 30 polls; told it takes
    0.6 s, the poll after the first waits for 40 % of that, so 40 % fewer. A garbage estimate is ignored:
    polling is as without."""
    polls: dict[str, int] = {}
    for name, estimate in [("told", "0.6"), ("garbage", "-1"), ("untold", None)]:
        sandbox.add_creation("vidu", name, states=["processing", "success"], advance=0.6)
        if estimate is not None:
            sandbox.add_fault(sandbox.fault_path("vidu", name), Fault.with_headers({ESTIMATE: estimate}))
        polls[name] = len(poll_times(sandbox, mode, f"vidu:{name}", 0.02))
    assert polls["told"] < 0.75 * polls["untold"], polls
    assert polls["garbage"] > 0.75 * polls["untold"], polls
