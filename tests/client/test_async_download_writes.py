"""``AsyncClient.download``'s writer: pieces are written in a worker thread while the next ones are read,
queued into one hand-off while the thread is busy, in order, and none that arrived is lost."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, cast

import pytest

from genvideo._async_client import _Writes
from genvideo._download import DownloadJob, Step, Wait


class FakeJob:
    """Records each ``write`` (in the thread it ran in) and each ``report``; ``gate`` holds writes back."""

    def __init__(self, answer: Any = Step.BODY) -> None:
        self.written: list[bytes] = []
        self.reports = 0
        self.answer = answer
        self.gate = threading.Event()
        self.gate.set()

    def write(self, piece: bytes) -> Any:
        assert threading.current_thread() is not threading.main_thread()  # never on the event loop
        self.gate.wait(5)
        self.written.append(piece)
        return self.answer

    def report(self) -> None:
        self.reports += 1


def _writes(job: FakeJob) -> _Writes:
    return _Writes(cast(DownloadJob, job))


def test_pieces_arriving_while_the_thread_writes_go_in_one_later_hand_off() -> None:
    async def run() -> tuple[FakeJob, list[Any]]:
        job = FakeJob()
        writes = _writes(job)
        job.gate.clear()  # the first write blocks: the next pieces queue behind it
        steps = [await writes.put(b"a")]
        steps += [await writes.put(bytes([i])) for i in range(1, 5)]
        assert job.written == []
        job.gate.set()
        steps.append(await writes.drain())
        return job, steps

    job, steps = asyncio.run(run())
    assert steps == [Step.BODY] * 6
    assert job.written == [b"a", b"\x01", b"\x02", b"\x03", b"\x04"]  # every piece, in order
    assert job.reports == 2  # two hand-offs: the first piece, then the four queued behind it


def test_a_slow_body_is_written_piece_by_piece() -> None:
    async def run() -> FakeJob:
        job = FakeJob()
        writes = _writes(job)
        for i in range(3):
            assert await writes.put(bytes([i])) is Step.BODY
            await asyncio.sleep(0.05)  # the thread is free again before the next piece
            assert job.written == [bytes([j]) for j in range(i + 1)]
        assert await writes.drain() is Step.BODY
        return job

    job = asyncio.run(run())
    assert job.reports == 3


def test_a_full_queue_makes_reading_wait() -> None:
    async def run() -> None:
        job = FakeJob()
        writes = _writes(job)
        job.gate.clear()
        await writes.put(b"x")
        piece = b"y" * (_Writes.QUEUE_LIMIT // 4)
        for _ in range(3):
            await writes.put(piece)  # queued: under the limit
        task = asyncio.ensure_future(writes.put(piece))  # reaches the limit: waits for the write in flight
        await asyncio.sleep(0.05)
        assert not task.done()
        job.gate.set()
        assert await task is Step.BODY
        assert await writes.drain() is Step.BODY
        assert b"".join(job.written) == b"x" + piece * 4

    asyncio.run(run())


def test_a_write_that_says_stop_ends_the_writes() -> None:
    async def run() -> tuple[FakeJob, Any]:
        job = FakeJob(answer=Wait(1.0))
        writes = _writes(job)
        await writes.put(b"a")
        await writes.put(b"b")  # queued, or refused if the first write already said stop
        return job, await writes.drain()

    job, step = asyncio.run(run())
    assert step == Wait(1.0)
    assert job.written == [b"a"]  # b"b" is read again by the next attempt


def test_nothing_is_written_after_a_write_said_stop_even_when_a_read_then_fails() -> None:
    async def run() -> tuple[FakeJob, Any]:
        job = FakeJob(answer=Wait(1.0))
        writes = _writes(job)
        await writes.put(b"a")
        await asyncio.sleep(0.05)  # the write is done: the next put sees its step
        step = await writes.put(b"b")
        await writes.abandon()  # as when the attempt ends
        return job, step

    job, step = asyncio.run(run())
    assert step == Wait(1.0)
    assert job.written == [b"a"]  # the retry may restart the file: b"b" must not land after it


@pytest.mark.parametrize("first_write_fails", [False, True])
def test_after_a_failed_read_what_arrived_is_written_unless_writing_failed(first_write_fails: bool) -> None:
    async def run() -> FakeJob:
        job = FakeJob()
        writes = _writes(job)
        job.gate.clear()
        await writes.put(b"a")
        await writes.put(b"b")  # queued behind the blocked write
        if first_write_fails:

            def failing(piece: bytes) -> Any:
                job.gate.wait(5)
                raise RuntimeError("disk")

            job.write = failing  # type: ignore[method-assign]
        job.gate.set()
        await writes.abandon()  # as after a read error
        return job

    job = asyncio.run(run())
    assert job.written == ([] if first_write_fails else [b"a", b"b"])
