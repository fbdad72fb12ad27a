"""AsyncClient's HTTP backends: how one is chosen, and what only a backend can get wrong (byte-exact URLs,
not resending what a server may have received, how many requests are in flight, proxies it cannot use).

Everything else genvideo guarantees runs on both backends in the suites that check it: tests parametrized
by ``mode`` over ``tests.support.clients.MODES`` (deadlines, downloads and resume, bounded bodies, cookies,
proxies, secret hygiene) and the fault matrix (``AIOHTTP_PROVIDERS``).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import _constants as C
from genvideo.testing import Fault, Sandbox
from tests.support.clients import COMFY_KEY, MODES
from tests.support.faultservers import Reply, Request, ScriptedServer

KEY = "backend-test-key-0123456789"


def transport_of(client: genvideo.AsyncClient) -> object:
    """The transport genvideo built for the client's direct route (after its first request)."""
    routes = client._routes
    assert routes is not None
    return routes.transport._inner


def first_get(client: genvideo.AsyncClient, ref: str) -> object:
    async def main() -> object:
        async with client:
            await client.get(ref)
            return transport_of(client)

    return asyncio.run(main())


# -- choosing ------------------------------------------------------------------------------------------


def test_httpx_is_the_default_and_aiohttp_is_chosen_by_argument_or_environment(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, aiohttp_backend: str
) -> None:
    from genvideo._aiohttp import AiohttpTransport

    sandbox.add_creation("vidu", "1", states=["processing"])
    monkeypatch.delenv("GENVIDEO_HTTP_BACKEND")
    assert isinstance(first_get(sandbox.async_client(), "vidu:1"), httpx.AsyncHTTPTransport)
    assert isinstance(first_get(sandbox.async_client(http_backend="aiohttp"), "vidu:1"), AiohttpTransport)
    monkeypatch.setenv("GENVIDEO_HTTP_BACKEND", " AIOHTTP\n")
    assert isinstance(first_get(sandbox.async_client(), "vidu:1"), AiohttpTransport)
    assert isinstance(first_get(sandbox.async_client(http_backend="httpx"), "vidu:1"), httpx.AsyncHTTPTransport)
    with sandbox.client() as client:  # the environment speaks for AsyncClient only
        assert client.get("vidu:1").raw_state == "processing"


def test_the_environment_leaves_a_callers_transport_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENVIDEO_HTTP_BACKEND", "aiohttp")
    mock = httpx.MockTransport(lambda request: httpx.Response(200, json={"state": "processing", "creations": []}))
    client = genvideo.AsyncClient(comfy_api_key=KEY, transport=mock)
    assert asyncio.run(client.get("vidu:1")).raw_state == "processing"


@pytest.mark.parametrize(
    ("cls", "options", "says"),
    [
        (genvideo.AsyncClient, {"http_backend": "curl"}, "http_backend: expected one of httpx, aiohttp, got 'curl'"),
        (genvideo.AsyncClient, {"http_backend": b"aiohttp"}, "expected a name (httpx, aiohttp), got bytes"),
        (genvideo.Client, {"http_backend": "aiohttp"}, "aiohttp carries AsyncClient only"),
        (
            genvideo.AsyncClient,
            {"http_backend": "aiohttp", "transport": httpx.AsyncHTTPTransport()},
            "not both",
        ),
        (genvideo.Client, {"http_backend": "httpx", "transport": httpx.HTTPTransport()}, "not both"),
    ],
)
def test_a_backend_that_cannot_be_used_is_a_configuration_error(cls: type, options: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=re.escape(says)):
        cls(comfy_api_key=KEY, **options)


def test_a_bad_name_in_the_environment_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENVIDEO_HTTP_BACKEND", "requests")
    with pytest.raises(genvideo.ConfigurationError, match="GENVIDEO_HTTP_BACKEND: expected one of httpx, aiohttp"):
        genvideo.AsyncClient(comfy_api_key=KEY)
    genvideo.Client(comfy_api_key=KEY).close()  # not read by a Client


def test_aiohttp_missing_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "aiohttp" else real(name, *a))
    with pytest.raises(genvideo.ConfigurationError, match=re.escape("pip install 'genvideo[aiohttp]'")):
        genvideo.AsyncClient(comfy_api_key=KEY, http_backend="aiohttp")


# -- what a backend itself could get wrong -------------------------------------------------------------

# Percent-escapes a re-quoting client would decode or re-encode (%2F, %7E, %3D, lower-case hex), a '+'
# and an unescaped '~', as a CDN's signature covers them.
SIGNED_PATH = "/cdn/v%2Fx/clip%20one.mp4"
SIGNED_QUERY = "X-Amz-Signature=ab%2Bcd%3d&token=a+b~c%7E&Expires=1700000000&empty=&flag"


@pytest.mark.parametrize("mode", MODES)
def test_a_signed_url_reaches_the_server_byte_for_byte(tmp_path: Path, mode: str) -> None:
    video = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8
    with ScriptedServer(lambda request: Reply(body=video, headers=[("Content-Type", "video/mp4")])) as server:
        output = genvideo.VideoOutput(f"{server.base_url}{SIGNED_PATH}?{SIGNED_QUERY}")
        dest = tmp_path / "v.mp4"
        if mode == "sync":
            with genvideo.Client(comfy_api_key=KEY) as client:
                client.download(output, dest)
        else:

            async def main() -> None:
                async with genvideo.AsyncClient(comfy_api_key=KEY) as client:
                    await client.download(output, dest)

            asyncio.run(main())
        assert [r.target for r in server.requests] == [f"{SIGNED_PATH}?{SIGNED_QUERY}"]
        assert server.requests[0].header("X-API-Key") is None  # a CDN gets no credential
    assert dest.read_bytes() == video


@pytest.mark.parametrize("mode", MODES)
def test_a_submit_whose_connection_drops_is_never_sent_twice(sandbox: Sandbox, mode: str) -> None:
    """Haiper's submits carry no idempotency key: one the server may have received is not resent, by genvideo
    or by the backend (aiohttp resends an idempotent request on a dropped kept-alive connection by itself)."""
    path = sandbox.submit_path("haiper", "text2video")
    sandbox.add_fault(path, Fault.reset())
    options: dict[str, Any] = {"timeout": 5.0, "max_retries": 3}

    def submit() -> None:
        if mode == "sync":
            with sandbox.client(**options) as client:
                client.create("haiper", prompt="a fox")
            return

        async def main() -> None:
            async with sandbox.async_client(**options) as client:
                await client.create("haiper", prompt="a fox")

        asyncio.run(main())

    with pytest.raises(genvideo.APIConnectionError):
        submit()
    assert len(sandbox.requests_for(path)) == 1


@pytest.mark.http_backends
def test_a_get_on_a_dropped_kept_alive_connection_is_not_resent_behind_genvideos_back(
    sandbox: Sandbox, http_backend: str
) -> None:
    sandbox.add_creation("vidu", "kept", states=["processing"])

    async def main() -> None:
        async with sandbox.async_client(timeout=5.0, max_retries=0) as client:
            await client.get("vidu:kept")  # leaves a kept-alive connection in the pool
            sandbox.add_fault(sandbox.fault_path("vidu", "kept"), Fault.reset())
            with pytest.raises(genvideo.APIConnectionError):
                await client.get("vidu:kept")  # max_retries=0: nobody may send it again

    asyncio.run(main())
    assert len(sandbox.requests_for(sandbox.fault_path("vidu", "kept"))) == 2


class Concurrency:
    """A handler that holds each request `hold` seconds and records the most it held at once."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Reply:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(self.hold)
        with self._lock:
            self.now -= 1
        return Reply(body=b'{"state": "processing", "creations": []}', headers=[("Content-Type", "application/json")])


@pytest.mark.http_backends
def test_requests_in_flight_are_capped_per_backend(http_backend: str) -> None:
    """At real latency the cap decides throughput: httpx's pool costs more CPU the more it holds, aiohttp's
    does not, so each backend has its own (C.MAX_CONCURRENT_REQUESTS)."""
    cap = C.MAX_CONCURRENT_REQUESTS[http_backend]
    handler = Concurrency(hold=0.15)
    with ScriptedServer(handler) as server:

        async def main() -> None:
            options: dict[str, Any] = {
                "comfy_api_key": KEY,
                "comfy_base_url": f"{server.base_url}/comfy",
                "timeout": 30.0,
            }
            async with genvideo.AsyncClient(**options) as client:
                await asyncio.gather(*(client.get(f"vidu:{i}") for i in range(cap + 20)))

        asyncio.run(main())
        assert len(server.requests) == cap + 20
    assert handler.most == cap


@pytest.mark.parametrize("proxy", ["socks5://user:proxy-secret-1@proxy.test:1080", "socks5h://proxy.test:1080"])
def test_a_proxy_aiohttp_cannot_use_is_refused_with_nothing_sent(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, proxy: str, aiohttp_backend: str
) -> None:
    monkeypatch.setenv("ALL_PROXY", proxy)
    sandbox.add_creation("vidu", "1", states=["processing"])

    async def main() -> None:
        async with sandbox.async_client(http_backend="aiohttp") as client:
            await client.get("vidu:1")

    with pytest.raises(genvideo.ConfigurationError, match=r"socks5h?:// proxies need the httpx backend") as caught:
        asyncio.run(main())
    assert "proxy-secret-1" not in str(caught.value)
    assert sandbox.requests == []


def test_aiohttps_loggers_are_redacted(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture, aiohttp_backend: str
) -> None:
    client = sandbox.async_client(comfy_api_key=KEY, http_backend="aiohttp")
    with caplog.at_level(logging.DEBUG):
        for name in ("aiohttp.client", "aiohttp.internal"):
            logging.getLogger(name).warning("echoed %s", KEY)
    assert len(caplog.records) == 2
    assert all(KEY not in record.getMessage() for record in caplog.records)
    asyncio.run(client.close())


def test_aiohttp_is_imported_only_by_a_client_that_uses_it(sandbox: Sandbox, aiohttp_backend: str) -> None:
    sandbox.add_creation("vidu", "1", states=["processing"])
    script = (
        "import asyncio, sys, genvideo\n"
        f"client = genvideo.AsyncClient(comfy_api_key={COMFY_KEY!r}, comfy_base_url={sandbox.comfy_base_url!r})\n"
        "asyncio.run(client.get('vidu:1'))\n"
        "print('aiohttp' in sys.modules)\n"
        "asyncio.run(genvideo.AsyncClient(comfy_api_key='k', http_backend='aiohttp').close())\n"
        "print('aiohttp' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "GENVIDEO_HTTP_BACKEND"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["False", "False"]  # not even a client that has sent nothing yet


def test_a_sync_client_imports_no_asyncio(sandbox: Sandbox, tmp_path: Path) -> None:
    """A synchronous program pays nothing for the async side: a ``Client``'s get and download load
    neither asyncio (~25 ms to import) nor the async download's loop reader."""
    sandbox.add_creation("vidu", "1", states=["success"])
    script = (
        "import sys, genvideo\n"
        f"client = genvideo.Client(comfy_api_key={COMFY_KEY!r}, comfy_base_url={sandbox.comfy_base_url!r})\n"
        "creation = client.get('vidu:1')\n"
        f"client.download(creation, {str(tmp_path)!r})\n"
        "print('asyncio' in sys.modules, 'genvideo._loop_body' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "GENVIDEO_HTTP_BACKEND"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.split() == ["False", "False"]
    assert len(list(tmp_path.iterdir())) == 1


def test_an_aiohttp_that_cannot_be_imported_is_a_configuration_error(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, aiohttp_backend: str
) -> None:
    sandbox.add_creation("vidu", "1", states=["processing"])
    client = sandbox.async_client(http_backend="aiohttp")  # found installed
    monkeypatch.delitem(sys.modules, "genvideo._aiohttp", raising=False)
    monkeypatch.setitem(sys.modules, "aiohttp", None)  # and then it cannot be imported

    async def main() -> None:
        async with client:
            await client.get("vidu:1")

    with pytest.raises(genvideo.ConfigurationError, match="aiohttp cannot be imported"):
        asyncio.run(main())
    assert sandbox.requests == []
