"""Absurd `Retry-After` values (issue 12): "too long to wait", raised at once, never a crash.

A year such as 99999 (or 9999999999) in an HTTP-date, a number too large for a float or ``inf``
used to raise a raw OverflowError or be ignored (and the request retried blindly). Now
`parse_retry_after` says ``math.inf`` and the shared rule (`_retry.hint_too_long`: more than
MAX_RETRY_AFTER or than the time left) raises the RateLimitError at once: in `get`, in `wait`
(with or without a deadline) and in `download` (a DownloadError there).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import _constants as C
from genvideo._responses import parse_retry_after
from genvideo.testing import Fault, Sandbox

NOW = 1_735_732_800.0  # 2025-01-01T12:00:00Z

ABSURD = {
    "year-9999": "Fri, 31 Dec 9999 23:59:59 GMT",
    "year-99999": "Fri, 31 Dec 99999 23:59:59 GMT",
    "year-10-digits": "Fri, 31 Dec 9999999999 23:59:59 GMT",
    "year-20-digits": "Fri, 31 Dec 99999999999999999999 23:59:59 GMT",
    "400-digits": "9" * 400,
    "1e400": "1e400",
    "inf": "inf",
}


@pytest.mark.parametrize("value", ABSURD.values(), ids=ABSURD.keys())
def test_an_absurd_retry_after_is_too_long_not_a_crash(value: str) -> None:
    seconds = parse_retry_after({"retry-after": value}, now=NOW)
    assert seconds is not None
    assert seconds > C.MAX_RETRY_AFTER


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3.0),
        (" 1.5 ", 1.5),
        ("Wed, 01 Jan 2025 12:00:30 GMT", 30.0),
        ("Wed, 01 Jan 2025 13:00:30 +0100", 30.0),
        ("Wednesday, 01-Jan-25 12:00:30 GMT", 30.0),
        ("Wed Jan  1 12:00:30 2025", 30.0),
        ("Mon, 01 Jan 0001 00:00:00 GMT", 0.0),  # the past: now
        ("Wed, 01 Jan 2025 11:00:00 GMT", 0.0),
        ("99999999999999999999", 1e20),
        ("Fri, 31 Dec 99999 23:59:59 GMT", math.inf),
    ],
)
def test_retry_after_values(value: str, expected: float) -> None:
    assert parse_retry_after({"retry-after": value}, now=NOW) == pytest.approx(expected)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "soon",
        "-1",
        "nan",
        "Fri, 31 Dec 2025 99999999999999999999:59:59 GMT",  # an hour, not a year: invalid
        "Fri, 99999999999999999999 Dec 2025 23:59:59 GMT",
        "Fri, 31 Dec 2025 23:59:59 +99999999999999999999",
        "Fri, 31 Dec 2025 23:59:59 +2400",
        "Fri, 30 Feb 2025 10:00:00 GMT",
    ],
)
def test_an_unusable_retry_after_is_none(value: str) -> None:
    assert parse_retry_after({"retry-after": value}, now=NOW) is None


@settings(max_examples=300, deadline=None, database=None)
@given(
    value=st.one_of(
        st.text(max_size=60),
        st.from_regex(
            r"\A(Mon|Fri), \d{1,25} (Jan|Dec|Foo) -?\d{1,25} \d{1,25}:\d{1,5}:\d{1,5} ([+-]\d{1,25}|GMT|UTC)?\Z"
        ),
        st.from_regex(r"\A-?\d{1,400}(\.\d{0,5})?(e-?\d{1,4})?\Z"),
    )
)
def test_parse_retry_after_never_raises(value: str) -> None:
    seconds = parse_retry_after({"retry-after": value}, now=NOW)
    assert seconds is None or seconds >= 0


# -- through the clients (the project's own sandbox) ------------------------------------------------------------


@pytest.fixture
def no_long_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A sleep over 2 s fails the test at once (a hint honoured instead of raised), instead of hanging it."""
    real_sleep, real_async_sleep = time.sleep, asyncio.sleep

    def sleep(seconds: float) -> None:
        assert seconds <= 2, f"slept {seconds} s"
        real_sleep(seconds)

    async def async_sleep(seconds: float, result: object = None) -> object:
        assert seconds <= 2, f"slept {seconds} s"
        return await real_async_sleep(seconds, result)

    monkeypatch.setattr(time, "sleep", sleep)
    monkeypatch.setattr(asyncio, "sleep", async_sleep)


def _throttled(sb: Sandbox, creation_id: str, value: str, *, api: bool = True) -> None:
    """A creation whose API requests (or, ``api=False``, CDN requests) all answer 429 with ``value``."""
    faults = [Fault.status(429, headers={"Retry-After": value}, times=99)]
    sb.add_creation(
        "vidu", creation_id, states=["success"], faults=faults if api else (), download_faults=() if api else faults
    )


@pytest.mark.usefixtures("no_long_sleeps")
@pytest.mark.parametrize("value", ABSURD.values(), ids=ABSURD.keys())
def test_get_raises_rate_limit_error_at_once(sandbox: Sandbox, value: str) -> None:
    _throttled(sandbox, "rl", value)
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.RateLimitError) as info:
        client.get("vidu:rl")
    assert info.value.retry_after is not None
    assert info.value.retry_after > C.MAX_RETRY_AFTER
    assert len(sandbox.requests) == 1


WAITS: dict[str, Callable[[genvideo.Client], object]] = {
    "wait-600s": lambda c: c.wait("vidu:rl", timeout=600, poll_interval=0.01),
    "wait-no-deadline": lambda c: c.wait("vidu:rl", timeout=None, poll_interval=0.01),
    "watch-no-deadline": lambda c: list(c.watch("vidu:rl", timeout=None, poll_interval=0.01)),
}


@pytest.mark.usefixtures("no_long_sleeps")
@pytest.mark.parametrize("value", [ABSURD["year-20-digits"], ABSURD["1e400"], "120"], ids=["date", "1e400", "120s"])
@pytest.mark.parametrize("call", WAITS.values(), ids=WAITS.keys())
def test_wait_raises_rate_limit_error_at_once(
    sandbox: Sandbox, call: Callable[[genvideo.Client], object], value: str
) -> None:
    """Longer than MAX_RETRY_AFTER is raised even when the deadline is further (or absent)."""
    _throttled(sandbox, "rl", value)
    started = time.monotonic()
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.RateLimitError):
        call(client)
    assert time.monotonic() - started < 1.0
    assert len(sandbox.requests) == 1


@pytest.mark.usefixtures("no_long_sleeps")
def test_async_wait_without_deadline_raises_at_once(sandbox: Sandbox) -> None:
    _throttled(sandbox, "rl", ABSURD["year-99999"])

    async def main() -> None:
        async with sandbox.async_client(timeout=5.0) as client:
            await client.wait("vidu:rl", timeout=None, poll_interval=0.01)

    with pytest.raises(genvideo.RateLimitError):
        asyncio.run(main())
    assert len(sandbox.requests) == 1


@pytest.mark.usefixtures("no_long_sleeps")
@pytest.mark.parametrize("value", [ABSURD["year-20-digits"], ABSURD["400-digits"]], ids=["date", "digits"])
def test_download_gives_up_at_once(sandbox: Sandbox, tmp_path: Path, value: str) -> None:
    _throttled(sandbox, "rl", value, api=False)
    with sandbox.client(timeout=5.0) as client:
        creation = client.get("vidu:rl")
        sandbox.clear_requests()
        with pytest.raises(genvideo.DownloadError):
            client.download(creation, tmp_path / "v.mp4")
    assert len(sandbox.requests) == 1
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb
