"""Proxies from the environment: honoured for remote hosts, never for loopback.

With `HTTP_PROXY` set, httpx sent a plain-http request to a localhost base URL through the proxy, in
clear text, API key included (and a proxy cannot reach this machine's loopback anyway). genvideo reads
the proxy environment as httpx does, except that loopback hosts always go direct.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo._transport import environment_proxies
from genvideo.testing import Sandbox
from tests.support.clients import MODES

PROXY_VARIABLES = [
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "no_proxy",
    "REQUEST_METHOD",
]


class RecordingProxy:
    """A "proxy" on 127.0.0.1 that records every request it gets (CONNECT included) and refuses it."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def _refuse(self) -> None:
                proxy.requests.append((self.command, self.path, dict(self.headers.items())))
                self.close_connection = True
                self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

            do_GET = do_POST = do_HEAD = do_CONNECT = _refuse

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordingProxy]:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    server = RecordingProxy()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        sandbox.add_creation("vidu", "1", states=["success"])
        yield sandbox


def run(sb: Sandbox, mode: str, host: str, tmp_path: Path, **options: Any) -> genvideo.Creation:
    """get, then download, with a client whose base URL names ``host`` (the sandbox listens on 127.0.0.1)."""
    options = {"comfy_base_url": f"http://{host}:{sb.port}/comfy", "max_retries": 0, **options}
    if mode == "sync":
        with sb.client(**options) as client:
            creation = client.get("vidu:1")
            client.download(creation, tmp_path / "video.mp4")
            return creation

    async def main() -> genvideo.Creation:
        async with sb.async_client(**options) as client:
            creation = await client.get("vidu:1")
            await client.download(creation, tmp_path / "video.mp4")
            return creation

    return asyncio.run(main())


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
@pytest.mark.parametrize("variable", ["HTTP_PROXY", "http_proxy", "ALL_PROXY"])
def test_loopback_never_goes_through_a_proxy(
    sandbox: Sandbox,
    proxy: RecordingProxy,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    mode: str,
    host: str,
    variable: str,
) -> None:
    monkeypatch.setenv(variable, proxy.url)
    creation = run(sandbox, mode, host, tmp_path)
    assert creation.state is genvideo.CreationState.SUCCEEDED
    assert (tmp_path / "video.mp4").read_bytes() == sandbox.video("vidu", "1")
    assert proxy.requests == []  # the key never went to the proxy
    assert len(sandbox.requests) == 2  # the lookup and the download, both direct


@pytest.mark.parametrize("mode", MODES)
def test_remote_hosts_still_go_through_the_environment_proxy(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    options: dict[str, Any] = {
        "comfy_api_key": "k",
        "comfy_base_url": "https://api.example.test",
        "max_retries": 0,
        "timeout": 5.0,
    }

    def call() -> None:
        if mode == "sync":
            with genvideo.Client(**options) as client:
                client.get("vidu:1")
        else:

            async def main() -> None:
                async with genvideo.AsyncClient(**options) as client:
                    await client.get("vidu:1")

            asyncio.run(main())

    with pytest.raises(genvideo.APIConnectionError):
        call()
    assert [(method, target) for method, target, _ in proxy.requests] == [("CONNECT", "api.example.test:443")]
    assert all("X-API-Key" not in headers for _, _, headers in proxy.requests)  # a tunnel: the key is inside TLS


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, {}),
        ({"NO_PROXY": "example.com"}, {}),
        ({"HTTP_PROXY": "http://proxy:3128"}, {"http://": "http://proxy:3128"}),
        (
            {"http_proxy": "proxy:3128", "HTTPS_PROXY": "https://secure:443"},
            {"http://": "http://proxy:3128", "https://": "https://secure:443"},
        ),
        (
            {"ALL_PROXY": "socks5://proxy:1080", "NO_PROXY": "example.com,.internal,10.0.0.1,::1,localhost"},
            {
                "all://": "socks5://proxy:1080",
                "all://*example.com": None,
                "all://*.internal": None,
                "all://10.0.0.1": None,
                "all://[::1]": None,
                "all://localhost": None,
            },
        ),
        ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "*"}, {}),
        (
            {"HTTPS_PROXY": "http://proxy:3128", "no_proxy": "https://api.comfy.org, 192.168.0.0/16"},
            {"https://": "http://proxy:3128", "https://api.comfy.org": None, "all://192.168.0.0/16": None},
        ),
    ],
)
def test_the_proxy_environment_is_read_as_httpx_reads_it(
    proxy: RecordingProxy, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: dict[str, Any]
) -> None:
    """As httpx 0.26+ reads it when it builds its own transports (httpx._utils.get_environment_proxies)."""
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert environment_proxies() == expected
