"""``AsyncClient.download``'s fast path: the rest of a body of known length, read by the event loop
straight into one reused buffer (an asyncio ``BufferedProtocol``: ``recv_into``, no bytes object per
read) and written from it as each read lands, as ``Client.download``'s socket loop does.

Both HTTP backends read a body through their own asyncio protocol (anyio's stream under httpx,
aiohttp's response handler), which makes a ``bytes`` object of every read and passes it up through
queues and tasks. Once what those hold of the body has been taken (``Takeover.arrived``), the download
puts its own protocol on the connection's transport, reads the rest, and puts the backend's back. The
connection is never reused afterwards: its backend never saw the body end, and closes it.

Writes run on the event loop: a write to the page cache takes ~0.1-0.5 ms per MiB, and ``DownloadJob``
starts writeback every 8 MiB from another thread, so dirty pages do not pile up. Once writes that
waited for the disk longer than ``LOOP_WRITE_SECONDS`` have held the loop ``LOOP_HOLD_SECONDS`` in all
(a slow disk, a network filesystem), the next ones run in a worker thread while the loop reads on into
a second buffer; once ``LOOP_RETURN_AFTER`` writes in a row are quick there, they come back to the
loop, and each return asks twice as many the next time (a disk whose speed swings settles in the
thread). A write counts as waiting only if its thread slept meanwhile: on a busy machine the loop's
thread loses its core for 5-16 ms at a time, mid-write or not, and a worker thread does not help that
(it is one more busy thread). Counting those stretches too, 6 of 9 downloads to tmpfs after a bench's
disk set moved to a thread (2 of 16 when a single slow write decided it); telling them apart by the
thread's voluntary context switches (Linux), none of 22 did. To tmpfs, in a prototype on two cores,
writing on the loop ran at 0.96x a plain socket loop's throughput, and handing each piece to a thread
while the next is read at 0.80x (three busy threads on two cores: the server's, the loop's, the
writer's).
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any, NamedTuple

import httpx

from ._download import READ_BUFFER, DownloadJob, Next, Step

__all__ = [
    "LOOP_HOLD_SECONDS",
    "LOOP_RETURN_AFTER",
    "LOOP_WRITE_SECONDS",
    "TAKE_OVER",
    "Takeover",
    "asyncio_transport",
    "read_rest",
]

LOOP_WRITE_SECONDS = 0.005
"""A write that waits for the disk longer is slow (one that took as long without the thread ever
sleeping only lost its core a while: it is not)."""
LOOP_HOLD_SECONDS = 0.05
"""Once slow writes have held the event loop longer in all, a download's next writes run in a worker thread."""
LOOP_RETURN_AFTER = 8
"""After this many quick writes in a row in the worker thread, writes return to the loop (twice as many
the next time)."""


class Takeover(NamedTuple):  # a named tuple: a dataclass costs every program ~0.3 ms to define
    """What a backend hands over of a connection whose body the download reads itself."""

    transport: asyncio.Transport
    protocol: asyncio.BaseProtocol
    """The backend's own, put back once the body is read (so that it sees the connection close)."""
    arrived: list[bytes]
    """Body bytes the backend had read already and not handed out, in order."""
    ended: bool
    """The backend saw the connection end already: nothing more will arrive."""


TAKE_OVER = "genvideo.take_over"
"""The response extension in which a transport (aiohttp's) offers its connection to a download: a
callable giving the ``Takeover`` (its reading paused), or None when it cannot be handed over."""


def asyncio_transport(transport: object) -> asyncio.Transport | None:
    """``transport`` if it is one of asyncio's own (selector, proactor, SSL), whose ``BufferedProtocol``
    support is known; None for any other (uvloop's, a test double)."""
    if isinstance(transport, asyncio.Transport) and type(transport).__module__.startswith("asyncio."):
        return transport
    return None


async def read_rest(
    job: DownloadJob, takeover: Takeover, left: int, read_timeout: float | None, request: httpx.Request
) -> Next:
    """Store the last ``left`` bytes of the body through ``job.write`` (deadline, stall, length and
    ``max_bytes`` checks), reporting progress after each piece: Step.BODY once all arrived, else the
    job's step. Each wait for bytes is bounded by ``read_timeout`` (clamped to the download's deadline)
    and raises httpx's ReadTimeout; a connection that ends early raises RemoteProtocolError (closed)
    or ReadError (failed), as a read through httpx does."""
    took_here: list[float] = []  # these writes hold the loop too: they count as the reader's own
    for data in takeover.arrived:
        piece = data[:left]  # anything past the body is not this response's
        step, took = _timed(job, piece)
        took_here.append(took)
        if step is not Step.BODY:
            return step
        job.report()
        left -= len(piece)
        if not left:
            return Step.BODY
    if takeover.ended:
        raise _cut(left, request)
    loop = asyncio.get_running_loop()
    reader = _Reader(job, left, takeover.transport, loop)
    for took in took_here:
        reader.wrote_here(took)
    takeover.transport.set_protocol(reader)
    try:
        takeover.transport.resume_reading()
        while not reader.done.done():
            if reader.writing is not None:  # a write in a worker thread: reading is paused meanwhile
                either: list[asyncio.Future[Any]] = [reader.done, reader.writing]
                await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
                continue
            timeout = job.read_timeout(read_timeout)
            wait = None if timeout is None else reader.last_read + timeout - loop.time()
            if wait is not None and wait <= 0:
                raise httpx.ReadTimeout("timed out", request=request)
            await asyncio.wait([reader.done], timeout=wait)
        outcome = reader.done.result()
    finally:
        reader.stop()
        takeover.transport.set_protocol(takeover.protocol)
        if reader.lost is not None:  # the backend's protocol must see its connection end, as the reader did
            takeover.protocol.connection_lost(reader.lost.error)
        if reader.writing is not None:  # the file stays the job's alone once this returns
            await asyncio.wait([reader.writing])
    if isinstance(outcome, _Closed):
        if outcome.error is None:
            raise _cut(reader.left, request)
        raise httpx.ReadError(str(outcome.error) or type(outcome.error).__name__, request=request)
    return outcome


if sys.platform == "linux":
    from resource import RUSAGE_THREAD, getrusage

    def _sleeps() -> int | None:
        """How often this thread has slept so far (voluntary context switches: waiting for I/O or a
        lock, as opposed to losing its core)."""
        return getrusage(RUSAGE_THREAD).ru_nvcsw

else:

    def _sleeps() -> int | None:
        """Unknown on this platform: every slow write counts as waiting."""
        return None


def _timed(job: DownloadJob, piece: bytes | memoryview) -> tuple[Next, float]:
    """Write ``piece``: the step, and how long the write waited for the disk (its time, unless the
    thread never slept meanwhile: then it only lost its core a while, which no thread would help)."""
    slept = _sleeps()
    started = time.perf_counter()
    step = job.write(piece)
    took = time.perf_counter() - started
    if took > LOOP_WRITE_SECONDS and slept is not None and _sleeps() == slept:
        return step, 0.0
    return step, took


class _Closed(NamedTuple):
    error: Exception | None


def _cut(left: int, request: httpx.Request) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(
        f"peer closed connection without sending complete message body: {left} bytes missing", request=request
    )


class _Reader(asyncio.BufferedProtocol):
    """Reads the last ``left`` bytes of a body and stores them through ``job.write``; ``done`` gets the
    step (or a ``_Closed``, or what a write or ``on_progress`` raised) once every byte read is written.

    On the loop: one buffer, written as each read lands. In a worker thread: two, one filling while the
    other is written; reading pauses only when the filling one is full before that write returns.
    """

    def __init__(
        self, job: DownloadJob, left: int, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop
    ) -> None:
        self._job = job
        self.left = left
        """Bytes of the body still to read."""
        self._transport = transport
        self._loop = loop
        self._buffers = [memoryview(bytearray(min(left, READ_BUFFER)))]  # [filling, being written]
        self._filled = 0
        self.done: asyncio.Future[Next | _Closed] = loop.create_future()
        self.last_read = loop.time()
        """When bytes last arrived, or reading last resumed: the read timeout counts from here."""
        self.writing: asyncio.Future[tuple[Next, float]] | None = None
        """A write in a worker thread."""
        self._held = 0.0  # by slow writes on the loop
        self._threaded = False
        self._quick = 0  # writes in a row the worker thread made quickly
        self._return_after = LOOP_RETURN_AFTER
        self._paused = False
        self._stopped = False
        self.lost: _Closed | None = None
        """The connection was lost while this protocol was on it (the error, if any)."""

    def get_buffer(self, sizehint: int) -> memoryview:
        buffer = self._buffers[0]
        return buffer[self._filled : self._filled + min(self.left, len(buffer) - self._filled)]

    def buffer_updated(self, nbytes: int) -> None:
        # Nothing may escape a protocol callback: asyncio would close the connection as a fatal error.
        self.last_read = self._loop.time()
        self.left -= nbytes
        self._filled += nbytes
        if self._threaded:
            if self.writing is None:
                self._hand_off()
            elif self._filled == len(self._buffers[0]):
                self._pause()
            if not self.left:
                self._pause()  # an empty buffer to read into would be a fatal error to asyncio
            return
        self._write_here()

    def _write_here(self) -> None:
        """Write what the buffer holds on the loop; once slow writes have held it long enough, the
        next ones go to a worker thread."""
        piece, self._filled = self._buffers[0][: self._filled], 0
        try:
            step, took = self._timed_write(piece)
        except Exception as exc:
            self._end(exc)
            return
        self.wrote_here(took)
        if self._reported(step) and not self.left:
            self._end(Step.BODY)

    def wrote_here(self, took: float) -> None:
        """A write on the loop waited ``took`` seconds for the disk: once slow ones have held the loop
        ``LOOP_HOLD_SECONDS`` in all, the next writes run in a worker thread (with a second buffer to
        read into meanwhile)."""
        if took <= LOOP_WRITE_SECONDS:
            return
        self._held += took
        if self._held > LOOP_HOLD_SECONDS and not self._threaded:
            self._threaded = True
            if len(self._buffers) == 1:
                self._buffers.append(memoryview(bytearray(len(self._buffers[0]))))

    def _timed_write(self, piece: memoryview) -> tuple[Next, float]:
        return _timed(self._job, piece)

    def _hand_off(self) -> None:
        """Write what the filling buffer holds in a worker thread, and read on into the other one."""
        piece = self._buffers[0][: self._filled]
        self._buffers.reverse()
        self._filled = 0
        self.writing = self._loop.run_in_executor(None, self._timed_write, piece)
        self.writing.add_done_callback(self._written)

    def _written(self, writing: asyncio.Future[tuple[Next, float]]) -> None:
        self.writing = None
        if self._stopped or writing.cancelled():
            return
        error = writing.exception()
        if error is not None:
            self._end(error)
            return
        step, took = writing.result()
        if not self._reported(step):
            return
        self._quick = self._quick + 1 if took <= LOOP_WRITE_SECONDS else 0
        if self._quick >= self._return_after:  # the disk is quick again: back to writing on the loop
            self._threaded, self._held, self._quick = False, 0.0, 0
            self._return_after *= 2
        if self._filled:
            if self._threaded:
                self._hand_off()
            else:
                self._write_here()
        elif not self.left:
            self._end(Step.BODY)
        if self._paused and self.left and not self._stopped:
            self._paused = False
            self.last_read = self._loop.time()
            self._transport.resume_reading()

    def _reported(self, step: Next) -> bool:
        """After a write: report progress and say True to go on, or end with the step (or the
        callback's error) and say False."""
        if step is not Step.BODY:
            self._end(step)
            return False
        try:
            self._job.report()
        except Exception as exc:
            self._end(exc)
            return False
        return True

    def _end(self, outcome: Next | _Closed | BaseException) -> None:
        self.stop()
        if self.done.done():
            return
        if isinstance(outcome, BaseException):
            self.done.set_exception(outcome)
        else:
            self.done.set_result(outcome)

    def _pause(self) -> None:
        if not self._paused:
            self._paused = True
            self._transport.pause_reading()

    def stop(self) -> None:
        """Read no more: this protocol is about to leave the transport."""
        self._stopped = True
        if not self._transport.is_closing():
            self._pause()

    def eof_received(self) -> bool:
        self._end(_Closed(None))
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = _Closed(exc)
        self._end(self.lost)
