"""Timestamps (`Creation.created_at` / `updated_at`): parsed leniently, never invented, never raising.

The rules are in `genvideo/_timestamps.py`: full ISO 8601 / RFC 3339 date-times and other common
date-time strings that name a date *and* a time of day; numeric epochs in s, ms, µs or ns, whichever
puts them between 2001 and 2286; UTC offsets under 24 h. Anything else is None, and the payload keeps
what the provider sent.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo._timestamps import parse_timestamp
from tests.support.faultservers import Reply, Request, ScriptedServer

EPOCH = 1735732800  # 2025-01-01T12:00:00Z
NOON = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-01T12:00:00Z", NOON),
        ("2025-01-01T12:00:00.123456789Z", NOON + timedelta(microseconds=123456)),  # nanoseconds, cut
        ("2025-01-01 12:00:00", NOON),  # no zone: UTC
        ("2025-01-01T13:00:00+01:00", NOON),
        ("2025-01-01T12:00:00-23:59", NOON + timedelta(hours=23, minutes=59)),
        ("2024-12-05T15:48:53.426957", datetime(2024, 12, 5, 15, 48, 53, 426957, tzinfo=UTC)),
        ("Wed, 01 Jan 2025 12:00:00 GMT", NOON),
        ("2025/01/01 12:00", NOON),
        ("Jan 1 2025 12:00 PM", NOON),
        ("2025-01-01 12:00 UTC", NOON),
        (EPOCH, NOON),
        (float(EPOCH), NOON),
        (EPOCH * 1000 + 123, NOON + timedelta(milliseconds=123)),
        (EPOCH * 10**6 + 5, NOON + timedelta(microseconds=5)),
        (EPOCH * 10**9, NOON),
        (str(EPOCH), NOON),
        (f"{EPOCH}000", NOON),
    ],
)
def test_what_is_a_timestamp_parses_to_the_same_moment(value: object, expected: datetime) -> None:
    moment = parse_timestamp(value)
    assert moment is not None
    assert moment.tzinfo is not None
    assert moment == expected


def test_the_providers_offset_is_kept() -> None:
    moment = parse_timestamp("2025-01-01T20:00:00+08:00")
    assert moment is not None
    assert moment.utcoffset() == timedelta(hours=8)
    assert moment.isoformat() == "2025-01-01T20:00:00+08:00"


@pytest.mark.parametrize(
    "value",
    [
        "12:00",
        "12:00 UTC",
        "10:11 PM",
        "may",
        "May 2025",
        "2025",
        "2025-01",
        "2025-01-01",
        "20250101",
        "Jan 5",
        "5/6/7 1:02",
    ],
)
def test_a_partial_timestamp_is_none_not_filled_in_from_today(value: str) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "2025-01-01T00:00:00+2500",
        "2025-01-01T00:00:00+24:00",
        "2025-01-01T00:00:00-2400",
        "2025-01-01 12:00 +2500",
        "Wed, 01 Jan 2025 12:00:00 +9999",
    ],
)
def test_an_offset_of_24_hours_or_more_is_none(value: str) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_moment_outside_the_utc_calendar_is_none(value: str) -> None:
    assert parse_timestamp(value) is None


@pytest.mark.parametrize("value", ["2025-01-01 12:00 EST", "2025-01-01 12:00 CET", "2025-01-01 12:00 GMT+3"])
def test_a_zone_we_would_have_to_guess_is_none(value: str) -> None:
    """EST could be the US or Australia; "GMT+3" is UTC-3 in POSIX and UTC+3 to everyone else."""
    assert parse_timestamp(value) is None


@pytest.mark.parametrize(
    "value",
    [0, 1, -1, 5e8, 1e11, 2e11, 1e13, 1e20, 10**400, math.nan, math.inf, -math.inf, True, "0", "2e11", "-1"],
    ids=repr,
)
def test_an_epoch_outside_every_units_window_is_none(value: object) -> None:
    """2e11 would be year 8307 in seconds or 1976 in ms: neither is a creation time, and guessing invents one."""
    assert parse_timestamp(value) is None


@pytest.mark.parametrize("value", [None, "", " ", "null", "string", "\ud800", "\x00", "x" * 10_000, [], {}, b"1"])
def test_anything_else_is_none(value: object) -> None:
    assert parse_timestamp(value) is None


@settings(max_examples=300, deadline=None, database=None)
@given(
    value=st.one_of(
        st.text(max_size=70),
        st.datetimes().map(str),
        st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
        st.from_regex(r"\A\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?[+-]\d\d:?\d\d\Z"),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(),
    )
)
def test_parsing_never_raises_and_what_it_returns_is_usable(value: object) -> None:
    moment = parse_timestamp(value)
    if moment is None:
        return
    assert moment.tzinfo is not None
    moment.isoformat()
    moment.astimezone(UTC)
    assert datetime.min.replace(tzinfo=UTC) <= moment <= datetime.max.replace(tzinfo=UTC)  # comparisons work


# -- through the client: the reply keeps what was sent; to_dict() never fails ---------------------------------

BODIES: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    def answer(request: Request) -> Reply:
        body = BODIES.get(request.target, b'{"message": "no such path"}')
        return Reply(200 if request.target in BODIES else 404, body, headers=[("Content-Type", "application/json")])

    with ScriptedServer(answer) as srv:
        yield srv


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[genvideo.Client]:
    with genvideo.Client(
        comfy_api_key="key-1", haiper_api_key="key-2", comfy_base_url=server.base_url, haiper_base_url=server.base_url
    ) as c:
        yield c


@pytest.mark.parametrize("created_at", ["2025-01-01T00:00:00+2500", "12:00", 2e11])
def test_vidu_creation_with_a_bad_timestamp_renders_and_keeps_the_original(
    client: genvideo.Client, created_at: object
) -> None:
    BODIES["/proxy/vidu/tasks/t1/creations"] = json.dumps(
        {"id": "t1", "state": "processing", "created_at": created_at, "updated_at": "2025-01-01T12:00:00Z"}
    ).encode()
    creation = client.get("vidu:t1")
    assert creation.created_at is None
    assert creation.updated_at == NOON
    assert creation.payload["created_at"] == created_at
    rendered = creation.to_dict()
    assert rendered["created_at"] is None
    assert rendered["updated_at"] == "2025-01-01T12:00:00+00:00"
    json.dumps(rendered, allow_nan=False)
    repr(creation)


def test_haiper_detail_times_with_an_offset_past_24h_render(client: genvideo.Client) -> None:
    BODIES["/v1/jobs/h1/status"] = b'{"status": "success", "value": {"status": "succeed", "progress": 1}}'
    BODIES["/v1/creation/h1"] = json.dumps(
        {
            "status": "success",
            "value": {
                "creation_id": "h1",
                "create_time": "2025-01-01T12:00:00+2500",
                "update_time": "2025-01-01T20:00:00+08:00",
                "video_url": "https://cdn.example.com/v.mp4",
            },
        }
    ).encode()
    creation = client.get("haiper:h1")
    assert creation.created_at is None
    assert creation.updated_at == NOON
    assert creation.updated_at is not None
    assert creation.updated_at.tzinfo == timezone(timedelta(hours=8))
    assert creation.to_dict()["updated_at"] == "2025-01-01T20:00:00+08:00"
