"""A client's life: calls after close() raise a GenvideoError; AsyncClient's pools die with their loops."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo.testing import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        sandbox.add_creation("vidu", "1", states=["success"])
        yield sandbox


CALLS: dict[str, Callable[[genvideo.Client, Path], object]] = {
    "get": lambda c, tmp: c.get("vidu:1"),
    "wait": lambda c, tmp: c.wait("vidu:1", poll_interval=0.01),
    "watch": lambda c, tmp: list(c.watch("vidu:1", poll_interval=0.01)),
    "create": lambda c, tmp: c.create("vidu", prompt="a fox"),
    "generate": lambda c, tmp: c.generate("vidu", prompt="a fox", poll_interval=0.01),
    "download": lambda c, tmp: c.download(c.get("vidu:1"), tmp / "video.mp4"),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_a_closed_client_raises_a_genvideo_error(sandbox: Sandbox, call: str, tmp_path: Path) -> None:
    client = sandbox.client()
    client.get("vidu:1")  # a used client, with a pooled connection
    client.close()
    with pytest.raises(genvideo.ClientClosed, match="closed") as caught:
        CALLS[call](client, tmp_path)
    assert isinstance(caught.value, genvideo.ConfigurationError)
    assert caught.value.__cause__ is None  # not a wrapped httpx RuntimeError
    assert list(tmp_path.iterdir()) == []


def test_a_client_closed_by_its_with_block_raises_a_genvideo_error(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.get("vidu:1")
    with pytest.raises(genvideo.GenvideoError, match="closed"):
        client.get("vidu:1")


def test_closing_twice_is_harmless(sandbox: Sandbox) -> None:
    client = sandbox.client()
    client.close()
    client.close()
    with client:
        pass


def _open_sockets_to(port: int) -> list[socket.socket]:
    """This process's open client sockets connected to ``port`` (asyncio keeps them in its transports)."""
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, socket.socket) and obj.fileno() != -1:
            with contextlib.suppress(OSError):
                if obj.getpeername()[1] == port:
                    found.append(obj)
    return found


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Garbage collection closes abandoned sockets eventually: keep it from hiding a leak."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


@pytest.mark.http_backends
@pytest.mark.usefixtures("ended_loop_pools")
def test_one_async_client_across_event_loops_leaves_one_pool_open(sandbox: Sandbox, no_gc: None) -> None:
    client = sandbox.async_client()
    for _ in range(4):
        creation = asyncio.run(client.get("vidu:1"))
        assert creation.state is genvideo.CreationState.SUCCEEDED
    # Each asyncio.run left a pool behind, whose loop is gone; opening the next one closed its sockets.
    assert len(_open_sockets_to(sandbox.port)) == 1
    asyncio.run(client.close())  # from yet another loop: that last pool's loop is gone too
    assert _open_sockets_to(sandbox.port) == []


@pytest.mark.http_backends
def test_an_async_client_closed_in_its_loop_closes_its_pool(sandbox: Sandbox, no_gc: None) -> None:
    async def main() -> None:
        async with sandbox.async_client() as client:
            await client.get("vidu:1")

    asyncio.run(main())
    assert _open_sockets_to(sandbox.port) == []


@pytest.mark.http_backends
def test_an_async_client_can_be_used_again_after_close(sandbox: Sandbox) -> None:
    """Unlike Client: close() ends the current loop's pool; a later call opens a new one (documented,
    for a caller's AsyncHTTPTransport used across event loops)."""
    client = sandbox.async_client()

    async def use() -> Any:
        try:
            return await client.get("vidu:1")
        finally:
            await client.close()

    assert asyncio.run(use()).state is genvideo.CreationState.SUCCEEDED
    assert asyncio.run(use()).state is genvideo.CreationState.SUCCEEDED
