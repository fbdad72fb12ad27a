"""``AsyncClient``: the asyncio twin of ``Client`` (kept apart so ``import genvideo`` needs no asyncio)."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import tempfile
from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from . import _constants as C
from ._arguments import takes_arguments_of
from ._body import BodyTooLarge
from ._client import (
    CreationCallback,
    RefLike,
    _answers_video,
    _aread_body,
    _BaseClient,
    _video_url_to_fetch,
    _wait_deadline,
    check_deadline,
)
from ._download import (
    READ_BUFFER,
    DownloadJob,
    Next,
    ProgressCallback,
    Step,
    VideoReply,
    Wait,
    discard_file,
    output_of,
    place_file,
)
from ._exceptions import APIError, GenvideoError
from ._images import ImageInput
from ._logging import redactor
from ._models import Creation, VideoOutput
from ._polling import Poller, check_finished, masked_failure, poll_interval_seconds, wait_timeout
from ._providers import ApiRequest, GetFlow, SubmitFlow, SubmitStep, get_flow
from ._providers._submit import create_signature
from ._refs import CreationRef, Provider
from ._retry import Deadline
from ._schedule import ReplyHints
from ._transport import Routes, deadline_scope, fork_epoch, log_request
from ._uploads import masked

__all__ = ["AsyncClient"]


def _advance(flow: GetFlow, body: dict[str, Any]) -> ApiRequest | Creation:
    """The flow's next request, or the creation it ends with (never StopIteration: this may run in a
    worker thread, and a future cannot carry StopIteration)."""
    try:
        return flow.send(body)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


class AsyncClient(_BaseClient):
    """The asyncio client: the same arguments as :class:`Client`, awaitable methods.

    Its connection pool belongs to the running event loop; a new loop (another
    ``asyncio.run``) gets a new pool, so one client can serve several runs (the sockets of a pool
    whose loop has closed are closed then, not left to garbage collection).

    Every argument is keyword-only and optional:

    - ``comfy_api_key``, ``comfy_auth_token``, ``haiper_api_key``: credentials; by default from
      ``COMFY_API_KEY`` (sent as ``X-API-Key``), ``COMFY_AUTH_TOKEN`` (``Authorization: Bearer``)
      and ``HAIPER_API_KEY`` (``Authorization: Bearer``). A provider without credentials raises
      :class:`MissingCredentials` when it is called, not before.
    - ``comfy_base_url``, ``haiper_base_url``: by default ``GENVIDEO_COMFY_BASE_URL`` /
      ``GENVIDEO_HAIPER_BASE_URL``, else ``https://api.comfy.org`` / ``https://api.haiper.ai``.
      ``https://`` only (``http://`` to localhost): else :class:`ConfigurationError`.
    - ``timeout``: per request, seconds or an ``httpx.Timeout`` (default 30 s, 10 s to connect; each value
      more than 0 and at most a day, or None for no limit), else :class:`ConfigurationError`.
      It bounds each API request as a whole, from connecting to the last byte of the answer, at the
      largest of its values (30 s by default; unbounded if any value is None), not only each read:
      a server that drips bytes or interim (1xx) responses is cut off.
    - ``max_retries``: retries per request, of what is safe to retry (default 2; 0 to 100).
    - ``typical_durations``: provider name -> seconds its creations usually take (None: unknown), as
      for :class:`Client`: the poll schedule's prior.
    - ``transport``: an ``httpx.AsyncBaseTransport`` (``httpx.AsyncHTTPTransport(proxy=...,
      verify=...)``, ``httpx.MockTransport``). It carries every request, API calls and downloads
      alike; genvideo's timeouts, ``User-Agent`` and refusal to follow API redirects still apply,
      proxy environment variables are no longer consulted, and connection limits are the
      transport's own. :meth:`close` closes it. One transport serves every event loop: if it keeps
      connections (``AsyncHTTPTransport``), close the client before its loop ends (``async with``)
      when the client will be used again in another loop. An ``httpx.AsyncHTTPTransport`` gets the
      whole-request bound too; any other transport only httpx's per-operation timeouts (capped at
      the time left), checked again between body chunks.
    - ``http_backend``: what moves the bytes when genvideo builds the transport: ``"httpx"`` (the
      default: httpx's own stack) or ``"aiohttp"`` (``pip install 'genvideo[aiohttp]'``: a third of
      the CPU per request, and up to 100 requests in flight instead of 40, for thousands of concurrent
      waits). By default from ``GENVIDEO_HTTP_BACKEND``; never chosen because aiohttp happens to be
      installed. Every guarantee above holds on both. :class:`ConfigurationError` for another name,
      for aiohttp when it is not installed, or together with ``transport``.

    ``GENVIDEO_LOG=debug`` (or ``info``) prints genvideo's and httpx's logs to stderr, with
    credentials and signed URL queries masked.
    """

    _transport_type = httpx.AsyncBaseTransport
    _asynchronous = True

    def __init__(
        self,
        *,
        comfy_api_key: str | None = None,
        comfy_auth_token: str | None = None,
        haiper_api_key: str | None = None,
        comfy_base_url: str | None = None,
        haiper_base_url: str | None = None,
        timeout: float | httpx.Timeout | None = C.DEFAULT_TIMEOUT,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
        transport: httpx.AsyncBaseTransport | None = None,
        typical_durations: Mapping[str, float | None] | None = None,
        http_backend: str | None = None,
    ) -> None:
        """See the class docstring: ``help(genvideo.AsyncClient)``."""
        super().__init__(
            comfy_api_key=comfy_api_key,
            comfy_auth_token=comfy_auth_token,
            haiper_api_key=haiper_api_key,
            comfy_base_url=comfy_base_url,
            haiper_base_url=haiper_base_url,
            timeout=timeout,
            max_retries=max_retries,
            transport=transport,
            typical_durations=typical_durations,
            http_backend=http_backend,
        )

    def _open(self) -> None:
        self._http: httpx.AsyncClient | None = None  # made per event loop, on first use
        self._loop: asyncio.AbstractEventLoop | None = None
        self._routes: Routes | None = None
        self._pool_epoch = fork_epoch()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connection pool of the current event loop (and a ``transport`` passed in).

        Unlike :meth:`Client.close`, the client stays usable: a later call opens a new pool.
        """
        if self._http is not None and self._loop is asyncio.get_running_loop() and self._pool_epoch == fork_epoch():
            await self._http.aclose()
        else:
            self._retire()
        self._http = None
        self._loop = None
        self._routes = None
        self._secrets_lease.release()

    def _retire(self) -> None:
        """Let go of a pool this event loop cannot use (or close): it belongs to another loop, or to
        the parent process (its sockets were closed in this child at the fork).

        If its loop is closed (``asyncio.run`` has returned), nothing can ever close the pool properly:
        its sockets are closed now rather than at garbage collection. A pool whose loop still exists
        is left alone (it may be in use there), and so is a caller's transport (``close()`` it before
        its loop ends).
        """
        loop, routes = self._loop, self._routes
        if routes is not None and self._transport is None and loop is not None and loop.is_closed():
            routes.close_sockets()
        self._http = None
        self._routes = None

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._http is None or self._loop is not loop or self._pool_epoch != fork_epoch():
            # A pool from another event loop (or process) cannot be used (or closed) from this one.
            self._retire()
            self._secrets_lease.acquire()  # used again after close(): mask its keys again
            args, self._routes = self._http_args(asynchronous=True)
            self._http = httpx.AsyncClient(**args)
            self._pool_epoch = fork_epoch()
            # Hundreds of concurrent waits must not all queue inside httpcore, whose pool rescans its
            # whole queue on every change (quadratic CPU); they queue here instead, at no cost.
            self._in_flight = asyncio.Semaphore(C.MAX_CONCURRENT_REQUESTS[self._http_backend])
            self._loop = loop
        return self._http

    async def _send(self, http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
        """Send an API call; its body is left to read. See ``_BaseClient._direct``."""
        transport = self._direct()
        if transport is None:
            return await http.send(request, stream=True)
        response: httpx.Response = await transport.handle_async_request(request)
        response.request = request
        log_request(request, response)
        return response

    async def _store_video(self, provider: Provider, response: httpx.Response, at: float | None) -> dict[str, Any]:
        """A 2xx whose body is the video, streamed to a temporary file (writes in a worker thread); see
        ``Client._store_video``."""
        try:
            with VideoReply(provider, response.headers) as reply:
                if response.is_stream_consumed:  # read (and decoded) by the transport: httpx.MockTransport
                    await asyncio.to_thread(reply.write, response.content)
                else:
                    async for chunk in response.aiter_raw():
                        await asyncio.to_thread(reply.write, chunk)
                        check_deadline(at, response)
                return await asyncio.to_thread(reply.finish)
        finally:
            await response.aclose()

    async def _fetch_json(self, provider: Provider, request: SubmitStep, deadline: Deadline) -> dict[str, Any]:
        return (await self._fetch(provider, request, deadline))[0]

    async def _fetch(
        self, provider: Provider, request: SubmitStep, deadline: Deadline, hints: ReplyHints | None = None
    ) -> tuple[dict[str, Any], int]:
        """The JSON object of the reply (``{}`` for an upload), and the size of its body (large ones are
        parsed off the loop); the reply's headers noted in ``hints`` (a poll's)."""
        http = self._client()
        attempt = 0
        while True:
            try:
                outgoing = self._build(http, provider, request, deadline)
                async with self._in_flight:  # queued requests are not on the clock yet: httpx's are not either
                    at = self._request_deadline(deadline, request)
                    with deadline_scope(at):  # bounds the whole request: connect, send, headers, body
                        response = await self._send(http, outgoing)
                        if _answers_video(request) and 200 <= response.status_code <= 299:
                            return await self._store_video(provider, response, at), 0
                        try:
                            content = await _aread_body(response, at)
                        except BodyTooLarge as exc:
                            raise self._too_large(provider, response, exc) from None
                size = len(content or b"")
                if size > C.PARSE_OFF_LOOP_BYTES:
                    outcome = await asyncio.to_thread(self._outcome, provider, request, response, content)
                else:
                    outcome = self._outcome(provider, request, response, content)
                if hints is not None:
                    hints.read(response.headers)
                return outcome, size
            except httpx.HTTPError as exc:
                error, cause = self._transport_error(provider, exc), exc
            except APIError as exc:
                error, cause = exc, None
            delay = self._retrying(provider, error, attempt, deadline, request, cause)
            if delay is None:
                raise self._failed(request, error) from cause
            await asyncio.sleep(delay)
            attempt += 1

    async def get(self, ref: RefLike) -> Creation:
        """The creation's current state. Haiper: asks the status, then the detail once it succeeded."""
        return await self._get(CreationRef.parse(ref), Deadline())

    async def _get(self, ref: CreationRef, deadline: Deadline, hints: ReplyHints | None = None) -> Creation:
        flow = get_flow(ref)
        step: ApiRequest | Creation = next(flow)
        while isinstance(step, ApiRequest):
            body, size = await self._fetch(ref.provider, step, deadline, hints)
            # Building a Creation from a large reply takes as long as parsing it: off the loop too.
            if size > C.PARSE_OFF_LOOP_BYTES:
                step = await asyncio.to_thread(_advance, flow, body)
            else:
                step = _advance(flow, body)
        return self._resolved(masked_failure(step))

    async def _polls(
        self, ref: RefLike, timeout: float | None, poll_interval: float
    ) -> AsyncIterator[tuple[Creation, bool]]:
        parsed = CreationRef.parse(ref)
        poller = Poller(parsed, timeout, poll_interval, self._typical_durations.get(parsed.provider))
        while True:
            hints = ReplyHints()
            try:
                creation = await self._get(poller.ref, poller.poll_deadline(), hints)
            except APIError as exc:
                await asyncio.sleep(poller.delay_after_error(exc))
                poller.check()
                continue
            yield creation, poller.record(creation, hints)
            if creation.state.is_terminal:
                return
            await asyncio.sleep(poller.delay())
            poller.check()

    async def watch(
        self,
        ref: RefLike,
        *,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
    ) -> AsyncIterator[Creation]:
        """Yield the creation each time its state or progress changes, ending at a terminal state."""
        async for creation, changed in self._polls(ref, timeout, poll_interval):
            if changed:
                yield creation

    async def wait(
        self,
        ref: RefLike,
        *,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
    ) -> Creation:
        """Poll until the creation finishes; see :meth:`Client.wait`."""
        last = None
        async for last, _changed in self._polls(ref, timeout, poll_interval):
            if on_progress is not None:
                on_progress(last)
        assert last is not None
        return check_finished(last)

    @takes_arguments_of(create_signature)
    async def create(self, call: inspect.BoundArguments) -> CreationRef:
        """Start a generation and return its ref; see :meth:`Client.create` (a video URL for a provider
        that uploads the bytes itself is downloaded first, into a temporary folder removed afterwards)."""
        url = _video_url_to_fetch(call)
        if url is None:
            return await self._create(call)
        with tempfile.TemporaryDirectory(prefix="genvideo-input-") as folder:
            call.arguments["video"] = await self.download(VideoOutput(url), Path(folder) / "input")
            return await self._create(call)

    async def _create(self, call: inspect.BoundArguments) -> CreationRef:
        name, flow, step = self._create_request(call)
        result = await self._run_submit(name, flow, step, Deadline())
        assert isinstance(result, CreationRef)  # a flow returns a Creation only for a synchronous provider
        return result

    async def _run_submit(
        self, provider: Provider, flow: SubmitFlow, step: SubmitStep, deadline: Deadline
    ) -> CreationRef | Creation:
        try:
            while True:
                with masked(step):
                    reply = await self._fetch_json(provider, step, deadline)
                step = flow.send(reply)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def generate(
        self,
        provider: str,
        *,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None = None,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
        download: str | os.PathLike[str] | None = None,
        **options: Any,
    ) -> Creation:
        """``create``, ``wait`` and optionally ``download``; see :meth:`Client.generate` (a synchronous
        provider included)."""
        seconds = wait_timeout(timeout)  # refused before anything is billed
        poll_interval_seconds(poll_interval)
        call = self._synchronous_call(provider, prompt, image, options)
        if call is not None:
            name, flow, step = self._create_request(call, synchronous=True)
            made = await self._run_submit(name, flow, step, _wait_deadline(seconds))
            assert isinstance(made, Creation)
            with discard_file(made):  # the temporary file goes if anything below fails
                if on_progress is not None:
                    on_progress(made)
                if download is not None:
                    await self.download(made, download)
            return made
        ref = await self.create(provider, prompt=prompt, image=image, **options)
        creation = await self.wait(ref, timeout=timeout, poll_interval=poll_interval, on_progress=on_progress)
        if download is not None:
            await self.download(creation, download)
        return creation

    async def download(
        self,
        target: VideoOutput | Creation,
        dest: str | os.PathLike[str],
        *,
        on_progress: ProgressCallback | None = None,
        max_bytes: int | None = C.DEFAULT_MAX_DOWNLOAD_BYTES,
        timeout: float | None = None,
        allow_link_local: bool = False,
    ) -> Path:
        """Stream an output to ``dest``; see :meth:`Client.download` (the same arguments).

        A body of known length is written from the event loop (a write to the page cache takes well
        under a millisecond per MiB) until writes that waited for the disk over 5 ms have held it 50 ms
        in all (a slow disk), then from a worker thread until 8 writes in a row are quick again (16 the
        next time); any other body is written from a worker thread.
        ``on_progress`` is called on the event loop's thread.
        """
        if output_of(target).kind == "file":  # a synchronous provider's video: moved (or copied) in a thread
            return await asyncio.to_thread(place_file, output_of(target), dest)
        job = DownloadJob(
            output_of(target),
            dest,
            on_progress,
            self._max_retries,
            max_bytes=max_bytes,
            timeout=timeout,
            allow_link_local=allow_link_local,
        )
        with job:
            if job.output.kind == "base64":  # the video is in the reply: decode it, nothing to fetch
                while await asyncio.to_thread(job.decode_base64):
                    job.report()
                job.report()
                return await asyncio.to_thread(job.finish)
            while True:
                url = job.url
                redactor.add_url(url)
                try:
                    match await self._download_attempt(job, url):
                        case Step.DONE:
                            return await asyncio.to_thread(job.finish)
                        case Step.REFRESH:
                            with job.refreshing():
                                job.refreshed(await self._get(job.ref, job.deadline))
                        case Wait(seconds=seconds):
                            await asyncio.sleep(seconds)
                        # Step.SEND: at once
                finally:
                    redactor.discard_url(url)

    async def _download_attempt(self, job: DownloadJob, url: str) -> Next:
        """One request of a download, its body stored: the job's next step."""
        try:
            headers, timeout = {**job.headers(), **self._download_auth(job.output, url)}, job.timeout(self._timeout)
            async with self._client().stream("GET", url, headers=headers, timeout=timeout) as response:
                step = job.start(response)
                if step is Step.BODY:
                    step = await _store_body(job, response, timeout.read)
            return job.complete() if step is Step.BODY else step
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return job.failed(exc)


async def _store_body(job: DownloadJob, response: httpx.Response, read_timeout: float | None) -> Next:
    """The asyncio twin of ``_client._store_body``: a body of known length and no encoding is read,
    past what the HTTP backend already holds of it, by the event loop straight into one reused buffer
    (``_loop_body``), when the connection is on one of asyncio's own transports (not TLS under anyio).
    Otherwise each piece is written in a worker thread while the next one is read: over httpx, past
    what h11 holds, straight from the connection's stream (asyncio's reads, up to 256 KiB, rather than
    httpcore's 64 KiB through h11)."""
    from ._backends import async_body_stream  # loaded with the client's transport
    from ._loop_body import TAKE_OVER, read_rest

    left = job.body_left()
    take_over = response.extensions.get(TAKE_OVER)
    if left and take_over is not None:  # aiohttp's: it holds no body bytes but in its own reader
        takeover = take_over()
        if takeover is not None:
            return await read_rest(job, takeover, left, read_timeout, response.request)
    stream = async_body_stream(response) if left else None
    reads = stream.reads if stream is not None else 0
    chunks = response.aiter_raw()  # kept until the end: a dropped httpx iterator closes the connection
    writes = _Writes(job)
    try:
        async for chunk in chunks:
            step = await writes.put(chunk)
            if step is not Step.BODY:
                return step
            if stream is not None and stream.reads != reads:
                break  # this chunk came with a read of the connection: h11 buffers no more of the body
        else:
            return await writes.drain()  # the whole body came through httpx
        assert stream is not None
        step = await writes.drain()  # what is left is counted from what has been written
        left = job.body_left() or 0
        takeover = stream.take_over() if step is Step.BODY and left > 0 else None
        if takeover is not None:
            return await read_rest(job, takeover, left, read_timeout, response.request)
        while step is Step.BODY and left > 0:
            data = await stream.read_body(min(left, READ_BUFFER), job.read_timeout(read_timeout))
            if not data:
                raise httpx.RemoteProtocolError(
                    f"peer closed connection without sending complete message body: {left} bytes missing",
                    request=response.request,
                )
            step = await writes.put(data)
            left -= len(data)
        return await writes.drain() if step is Step.BODY else step
    finally:
        await writes.abandon()


class _Writes:
    """A download's pieces written in a worker thread while the next ones are read: whatever has
    arrived goes in one hand-off whenever the thread is free (a piece at a time for a slow body, a
    batch for a fast one), and reading waits once ``QUEUE_LIMIT`` bytes are queued."""

    QUEUE_LIMIT = 4 * READ_BUFFER

    def __init__(self, job: DownloadJob) -> None:
        self._job = job
        self._pending: asyncio.Future[Next] | None = None
        self._queued: list[bytes] = []
        self._queued_bytes = 0

    async def put(self, data: bytes) -> Next:
        """Queue ``data``; if the thread is free (or the queue full), wait for the write before (its
        step) and, if it went well, start writing the queue."""
        self._queued.append(data)
        self._queued_bytes += len(data)
        if self._pending is not None and not self._pending.done() and self._queued_bytes < self.QUEUE_LIMIT:
            return Step.BODY
        step = await self._wait()
        if step is Step.BODY:
            self._start()
        return step

    async def drain(self) -> Next:
        """Write what is queued and wait for it (Step.BODY: all of it went well)."""
        step = await self._wait()
        if step is Step.BODY and self._queued:
            self._start()
            step = await self._wait()
        return step

    def _start(self) -> None:
        """Hand what is queued to the worker thread."""
        pieces, self._queued, self._queued_bytes = self._queued, [], 0
        self._pending = asyncio.ensure_future(asyncio.to_thread(_write_pieces, self._job, pieces))

    async def _wait(self) -> Next:
        pending, self._pending = self._pending, None
        if pending is None:
            return Step.BODY
        step = await pending
        if step is Step.BODY:
            self._job.report()
        else:  # this attempt is over: the next one reads what is queued again (never written after it)
            self._queued, self._queued_bytes = [], 0
        return step

    async def abandon(self) -> None:
        """After a read failed: let the write in flight end before the job moves on (its error, if
        any, is dropped: the read's is the one that counts). What is queued is then written too, unless
        that write failed: those bytes arrived, and a resume starts after them."""
        pending, self._pending = self._pending, None
        step: Next | None = Step.BODY
        if pending is not None:
            await asyncio.wait([pending])
            step = None if pending.cancelled() or pending.exception() is not None else pending.result()
        pieces, self._queued, self._queued_bytes = self._queued, [], 0
        if step is Step.BODY and pieces:
            with contextlib.suppress(GenvideoError):  # (max_bytes, a full disk) raised again on the next attempt
                await asyncio.to_thread(_write_pieces, self._job, pieces)


def _write_pieces(job: DownloadJob, pieces: list[bytes]) -> Next:
    """Each piece through ``job.write``, in order, until one says stop."""
    for piece in pieces:
        step = job.write(piece)
        if step is not Step.BODY:
            return step
    return Step.BODY
