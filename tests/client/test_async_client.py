"""genvideo.AsyncClient against the local sandbox: the same behaviour, awaitable."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationState
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_async_client

pytestmark = pytest.mark.http_backends  # every test here runs on both AsyncClient backends


def test_get_wait_watch_download(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "1", states=["queueing", "processing", "success"])
    sandbox.add_creation("haiper", "h", states=["pending", "processing", "succeed"], progress=[0, 0.5, 1])

    async def main() -> tuple[list[str | None], genvideo.Creation, Path, genvideo.Creation]:
        async with make_async_client(sandbox) as client:
            first = await client.get("vidu:1")
            assert first.state is CreationState.QUEUED
            seen = [c.raw_state async for c in client.watch("haiper:h", poll_interval=0.01)]
            finished = await client.wait("vidu:1", poll_interval=0.01)
            path = await client.download(finished, tmp_path / "v.mp4")
            return seen, finished, path, await client.get("haiper:h")

    seen, finished, path, haiper = asyncio.run(main())
    assert seen == ["pending", "processing", "succeed"]
    assert finished.state is CreationState.SUCCEEDED
    assert path.read_bytes() == sandbox.video("vidu", "1")
    assert haiper.outputs
    assert haiper.state is CreationState.SUCCEEDED
    assert not any(r.sent_credentials for r in sandbox.requests_for("/cdn/"))


@pytest.mark.usefixtures("ended_loop_pools")
def test_one_client_serves_several_event_loops(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "2", states=["processing"])
    client = make_async_client(sandbox)
    for _ in range(3):
        creation = asyncio.run(client.get("vidu:2"))
        assert creation.state is CreationState.PROCESSING
    asyncio.run(client.close())
    assert len(sandbox.requests) == 3


def test_concurrent_waits_share_one_pool(sandbox: Sandbox) -> None:
    for i in range(20):
        sandbox.add_creation("vidu", f"c{i}", states=["processing"] * (i % 4) + ["success"])

    async def main() -> list[genvideo.Creation]:
        async with make_async_client(sandbox) as client:
            return await asyncio.gather(*(client.wait(f"vidu:c{i}", poll_interval=0.01) for i in range(20)))

    results = asyncio.run(main())
    assert [c.id for c in results] == [f"c{i}" for i in range(20)]
    assert all(c.state is CreationState.SUCCEEDED for c in results)
    assert len(sandbox.requests) == sum(i % 4 + 1 for i in range(20))


def test_async_errors_and_retries(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "3", states=["success"], faults=[Fault.status(503, headers={"Retry-After": "0"})])
    sandbox.add_creation("vidu", "4", faults=[Fault.status(404, body=b'{"message": "no such task"}')])
    sandbox.add_creation("vidu", "5", states=["failed"])

    async def main() -> None:
        async with make_async_client(sandbox) as client:
            assert (await client.get("vidu:3")).state is CreationState.SUCCEEDED
            with pytest.raises(genvideo.NotFoundError, match="no such task"):
                await client.get("vidu:4")
            with pytest.raises(genvideo.CreationFailed):
                await client.wait("vidu:5", poll_interval=0.01)
            with pytest.raises(genvideo.InvalidCreationRef):
                await client.get("vidu:..")

    asyncio.run(main())
    assert len(sandbox.requests_for(sandbox.fault_path("vidu", "3"))) == 2


def test_async_wait_timeout_is_bounded(sandbox: Sandbox) -> None:
    sandbox.add_creation("haiper", "6", states=["processing"])

    async def main() -> genvideo.WaitTimeout:
        async with make_async_client(sandbox) as client:
            with pytest.raises(genvideo.WaitTimeout) as info:
                await client.wait("haiper:6", timeout=0.4, poll_interval=0.05)
            return info.value

    started = time.monotonic()
    error = asyncio.run(main())
    assert time.monotonic() - started < 0.9
    assert error.creation is not None
    assert error.creation.raw_state == "processing"


def test_async_download_failure_leaves_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "7", states=["success"], download_faults=[Fault.cut_download(0.3, times=9)])

    async def main() -> None:
        async with make_async_client(sandbox, max_retries=1) as client:
            creation = await client.get("vidu:7")
            with pytest.raises(genvideo.DownloadError):
                await client.download(creation, tmp_path / "v.mp4")

    asyncio.run(main())
    assert list(tmp_path.iterdir()) == []
