"""API calls go straight to the transport, past ``httpx.Client.send`` (auth flows, redirects, cookies and
event hooks genvideo does not use: about a tenth of a small poll), unless the proxy environment adds
mounts, where httpx picks the route. Either way the reply is the same, and httpx's request log line is
still written."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

from genvideo.testing import Sandbox
from tests.support.clients import COMFY_KEY

PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "all_proxy"]


@pytest.fixture(autouse=True)
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _count_sends(monkeypatch: pytest.MonkeyPatch, asynchronous: bool) -> list[str]:
    sent: list[str] = []
    cls: Any = httpx.AsyncClient if asynchronous else httpx.Client
    original = cls.send

    def send(self: Any, request: httpx.Request, **kwargs: Any) -> Any:  # a coroutine for AsyncClient
        sent.append(request.url.path)
        return original(self, request, **kwargs)

    monkeypatch.setattr(cls, "send", send)
    return sent


def _get(sb: Sandbox, asynchronous: bool) -> Any:
    if not asynchronous:
        with sb.client(timeout=5.0) as client:
            return client.get("vidu:1")

    async def run() -> Any:
        async with sb.async_client(timeout=5.0) as client:
            return await client.get("vidu:1")

    return asyncio.run(run())


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_an_api_call_skips_httpx_send_and_still_logs_its_request(
    asynchronous: bool, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    sent = _count_sends(monkeypatch, asynchronous)
    with Sandbox(comfy_api_key=COMFY_KEY) as sb, caplog.at_level(logging.INFO, logger="httpx"):
        sb.add_creation("vidu", "1", states=["success"])
        creation = _get(sb, asynchronous)
    assert creation.state.value == "succeeded"
    assert sent == []
    lines = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert any(line.startswith("HTTP Request: GET ") and '"HTTP/1.1 200 OK"' in line for line in lines), lines
    assert all(COMFY_KEY not in line for line in lines)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_with_a_proxy_environment_httpx_picks_the_route(asynchronous: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy that does not exist: loopback hosts go direct all the same (test_proxies.py), through
    # the mounts httpx chooses among.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    sent = _count_sends(monkeypatch, asynchronous)
    with Sandbox(comfy_api_key=COMFY_KEY) as sb:
        sb.add_creation("vidu", "1", states=["success"])
        creation = _get(sb, asynchronous)
    assert creation.state.value == "succeeded"
    assert sent, "no request went through httpx.Client.send"
    assert all(path.endswith("/tasks/1/creations") for path in sent), sent
