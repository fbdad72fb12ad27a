"""The poll schedule: sans I/O (``_schedule.PollSchedule``), in the seeded simulation, and in real waits.

Its promises: never sooner than the caller's poll interval, never one sleep longer than MAX_SLEEP
intervals, exactly fixed polling with nothing to go on, nothing polled before 40 % of a provider's typical
duration, the next poll aimed at the finish the progress rate points to; and in the simulation, a finished
creation returned no later than fixed 5 s polling would, with at most 0.6 times its requests.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import genvideo
from bench import _polling
from genvideo._schedule import AIM_LAG, APPROACH, EARLIEST_FRACTION, MAX_SLEEP, PollSchedule
from genvideo.testing import Sandbox
from tests.support.clients import make_client

_PROGRESS = st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))


@given(
    floor=st.floats(0.01, 600.0),
    typical=st.one_of(st.none(), st.floats(0.01, 86_000.0)),
    steps=st.lists(st.tuples(st.floats(0.0, 10_000.0), _PROGRESS), max_size=30),
)
def test_a_delay_is_never_under_the_floor_nor_over_the_longest_sleep(
    floor: float, typical: float | None, steps: list[tuple[float, float | None]]
) -> None:
    schedule = PollSchedule(floor, typical)
    age = 0.0
    for gap, progress in steps:
        age += gap
        delay = schedule.next_delay(age, progress)
        assert floor <= delay <= MAX_SLEEP * floor
        assert math.isfinite(delay)


def test_with_nothing_to_go_on_it_is_fixed_polling() -> None:
    schedule = PollSchedule(5.0)
    assert [schedule.next_delay(age, None) for age in (0.0, 5.0, 10.0, 400.0)] == [5.0] * 4
    stuck = PollSchedule(5.0)
    assert [stuck.next_delay(age, 0.5) for age in (0.0, 5.0, 10.0)] == [5.0] * 3  # progress that does not move


def test_nothing_is_polled_before_part_of_the_typical_duration() -> None:
    schedule = PollSchedule(5.0, typical=100.0)
    assert schedule.next_delay(0.0, None) == pytest.approx(EARLIEST_FRACTION * 100.0)
    assert schedule.next_delay(37.0, None) == 5.0  # only 3 s to go: never under the floor
    assert schedule.next_delay(EARLIEST_FRACTION * 100.0, None) == 5.0
    long = PollSchedule(5.0, typical=3000.0)
    assert long.next_delay(0.0, None) == MAX_SLEEP * 5.0  # a long prior is approached a minute at a time


def test_the_next_poll_is_aimed_at_the_finish_the_progress_rate_points_to() -> None:
    schedule = PollSchedule(5.0)
    assert schedule.next_delay(10.0, 0.10) == 5.0  # one reading: no rate yet
    # 1 % a second from here: 85 s to go; approach it by halves while far off
    assert schedule.next_delay(15.0, 0.15) == pytest.approx(APPROACH * 85.0)
    # 9 s to go: under two floors, one poll aimed just after the finish
    assert schedule.next_delay(91.0, 0.91) == pytest.approx(9.0 + AIM_LAG * 5.0)
    assert schedule.next_delay(97.0, 0.97) == 5.0  # 3 s to go: the floor
    late = PollSchedule(5.0)
    late.next_delay(10.0, 0.10)
    late.next_delay(15.0, 0.15)
    assert late.next_delay(100.0, 0.99) == 5.0  # the rate says it is overdue: the floor, never less


def test_the_rate_is_read_from_recent_progress() -> None:
    """A slow start then a fast finish: the rate of the last stretch counts, not the average."""
    schedule = PollSchedule(5.0)
    for age, progress in ((0.0, 0.01), (50.0, 0.05), (55.0, 0.30)):
        delay = schedule.next_delay(age, progress)
    assert delay == pytest.approx(APPROACH * 14.0)  # 5 %/s over the last 5 s: 0.70 left is 14 s


def test_the_simulation_meets_the_target() -> None:
    """Seeded, so this checks the schedule, not luck: any change that loses latency or requests fails."""
    results = _polling.simulate(creations=400)
    fixed, new = _polling.overall(results, "fixed 5 s"), _polling.overall(results, "genvideo")
    assert new.latency <= fixed.latency
    assert new.polls <= 0.6 * fixed.polls
    # No provider loses more than a quarter second: at 400 creations each mean has ~0.07 s of noise, so this
    # is ~2.5 sigma of two means' difference (at 5,000 every provider is within 0.05 s or better).
    for name, by_label in results.items():
        assert by_label["genvideo"].latency <= by_label["fixed 5 s"].latency + 0.25, name


def test_a_prior_spares_polls_in_a_real_wait(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "quick", advance=0.4)
    sandbox.add_creation("vidu", "primed", advance=0.4)
    with make_client(sandbox) as client:
        assert client.wait("vidu:quick", poll_interval=0.02).state is genvideo.CreationState.SUCCEEDED
    with make_client(sandbox, typical_durations={"vidu": 2.0}) as client:
        assert client.wait("vidu:primed", poll_interval=0.02).state is genvideo.CreationState.SUCCEEDED
    polls = {id_: sum(r.path.endswith(id_ + "/creations") for r in sandbox.requests) for id_ in ("quick", "primed")}
    assert 0 < polls["primed"] < polls["quick"] / 2, polls


@pytest.mark.parametrize(
    ("durations", "says"),
    [
        ({"nobody": 5.0}, "'nobody' is not one of"),
        ({"vidu": 0}, "seconds above 0"),
        ({"vidu": -1.0}, "seconds above 0"),
        ({"vidu": True}, "seconds above 0"),
        ({"vidu": float("nan")}, "seconds above 0"),
        ({"vidu": "60"}, "seconds above 0"),
    ],
)
def test_typical_durations_are_checked(durations: dict[str, object], says: str) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=says):
        genvideo.Client(typical_durations=durations)  # type: ignore[arg-type]
