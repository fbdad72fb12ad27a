"""A client shared across os.fork(): the child never reads the parent's sockets.

A forked child inherits the parent's pooled keep-alive connections. Before, both processes then wrote
requests on the same TCP connection and each read answers meant for the other (another creation's
state, or garbage). Now the child closes its copies of those sockets at the fork and opens its own pool.
"""

from __future__ import annotations

import asyncio
import json
import os
import select
import signal
import time
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo.testing import Sandbox

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork()")

N = 30  # lookups per process


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        for prefix in ("parent", "child", "warm"):
            for i in range(N):
                sandbox.add_creation("vidu", f"{prefix}{i}", states=["processing"], progress=[i + 1])
        yield sandbox


def lookups(get: Any, prefix: str) -> list[str]:
    """Look up N creations; every way an answer is not that creation's (or is an error), described."""
    wrong = []
    for i in range(N):
        cid = f"{prefix}{i}"
        try:
            creation = get(f"vidu:{cid}")
        except genvideo.GenvideoError as exc:
            wrong.append(f"{cid}: {type(exc).__name__}: {exc}")
            continue
        if creation.payload.get("id") != cid or creation.progress != (i + 1) / 100:
            wrong.append(f"{cid}: got the answer for {creation.payload.get('id')} ({creation.progress})")
    return wrong


def sync_lookups(client: genvideo.Client, prefix: str) -> list[str]:
    return lookups(client.get, prefix)


def async_lookups(client: genvideo.AsyncClient, prefix: str) -> list[str]:
    async def main() -> list[str]:
        wrong = []
        for i in range(N):
            wrong += await _one(client, prefix, i)
        return wrong

    return asyncio.run(main())


async def _one(client: genvideo.AsyncClient, prefix: str, i: int) -> list[str]:
    cid = f"{prefix}{i}"
    try:
        creation = await client.get(f"vidu:{cid}")
    except genvideo.GenvideoError as exc:
        return [f"{cid}: {type(exc).__name__}: {exc}"]
    if creation.payload.get("id") != cid:
        return [f"{cid}: got the answer for {creation.payload.get('id')}"]
    return []


def in_both_processes(run: Any) -> tuple[list[str], list[str]]:
    """Fork; run ``run("child")`` in the child and ``run("parent")`` in the parent, at the same time."""
    read_end, write_end = os.pipe()
    ready_read, ready_write = os.pipe()  # the child says when it starts: both then run at once
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # Python 3.12+: fork() with threads running
        pid = os.fork()
    if pid == 0:  # the child: report, and leave without running anything of pytest's
        status = 1
        try:
            os.close(read_end)
            os.close(ready_read)
            os.write(ready_write, b"!")
            os.write(write_end, json.dumps(run("child")).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    os.close(ready_write)
    try:
        select.select([ready_read], [], [], 10)
        parent = run("parent")
        data = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ready, _, _ = select.select([read_end], [], [], 0.1)
            if ready:
                piece = os.read(read_end, 65536)
                if not piece:
                    break
                data += piece
        _, status = os.waitpid(pid, 0)
        pid = 0
        assert os.waitstatus_to_exitcode(status) == 0, "the child failed"
        return parent, json.loads(data)
    finally:
        os.close(read_end)
        os.close(ready_read)
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def test_a_sync_client_shared_across_fork_never_mixes_up_answers(sandbox: Sandbox) -> None:
    with sandbox.client(timeout=5.0, max_retries=0) as client:
        sync_lookups(client, "warm")  # the parent now holds a pooled keep-alive connection
        parent, child = in_both_processes(lambda who: sync_lookups(client, who))
        assert parent == []
        assert child == []
        assert sync_lookups(client, "warm") == []  # and the parent's pool still works


@pytest.mark.usefixtures("ended_loop_pools")
@pytest.mark.http_backends
def test_an_async_client_shared_across_fork_never_mixes_up_answers(sandbox: Sandbox, http_backend: str) -> None:
    client = sandbox.async_client(timeout=5.0, max_retries=0)
    async_lookups(client, "warm")
    parent, child = in_both_processes(lambda who: async_lookups(client, who))
    assert parent == []
    assert child == []
    asyncio.run(client.close())  # its last pool's socket (else: an unclosed-socket ResourceWarning)
