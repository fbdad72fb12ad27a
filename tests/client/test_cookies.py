"""genvideo keeps no cookies: a reply cannot plant state that later requests (API or CDN) carry.

Before, one httpx cookie jar served API calls and downloads alike, so a cookie set by an API reply went
with the next download from the same host, and one set by the CDN went with the next API call.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from genvideo.testing import Fault, Sandbox
from tests.support.clients import MODES

COOKIE = {"Set-Cookie": "session=planted; Path=/; Max-Age=3600", "Retry-After": "0"}
CDN_COOKIE = {"Set-Cookie": "cdn=planted; Path=/", "Retry-After": "0"}


def lookups_and_downloads(sb: Sandbox, mode: str, tmp_path: Path) -> None:
    """get 1 (a 503 with a cookie, then retried), download its video (a 503 with a cookie, then
    resumed), then get 2: every request after a cookie was offered."""

    async def run_async() -> None:
        async with sb.async_client(max_retries=2) as client:
            creation = await client.get("vidu:1")
            await client.download(creation, tmp_path / "video.mp4")
            await client.get("vidu:2")

    if mode != "sync":
        asyncio.run(run_async())
        return
    with sb.client(max_retries=2) as client:
        creation = client.get("vidu:1")
        client.download(creation, tmp_path / "video.mp4")
        client.get("vidu:2")


@pytest.mark.parametrize("mode", MODES)
def test_no_request_carries_a_cookie_a_reply_set(sandbox: Sandbox, mode: str, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "1", states=["success"], faults=[Fault.status(503, headers=COOKIE)])
    sandbox.add_fault(
        sandbox.fault_path("vidu", "1", "cdn"),
        Fault.status(503, headers=CDN_COOKIE),
    )
    sandbox.add_creation("vidu", "2")
    lookups_and_downloads(sandbox, mode, tmp_path)
    paths = [r.path for r in sandbox.requests]
    assert len(paths) == 5, paths  # 2 lookups of 1, 2 CDN requests, 1 lookup of 2
    assert [r.header("Cookie") for r in sandbox.requests] == [None] * 5
    assert (tmp_path / "video.mp4").read_bytes() == sandbox.video("vidu", "1")


def test_the_jar_accepts_nothing(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "1", faults=[Fault.status(503, headers=COOKIE)])
    with sandbox.client(max_retries=1) as client:
        client.get("vidu:1")
        assert len(client._http.cookies.jar) == 0
