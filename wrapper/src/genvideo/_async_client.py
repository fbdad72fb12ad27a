"""``AsyncClient``: the asyncio twin of ``Client`` (kept apart so ``import genvideo`` needs no asyncio)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import httpx

from . import _constants as C
from ._client import CreationCallback, RefLike, _BaseClient, check_deadline
from ._download import DownloadJob, ProgressCallback, Redirected, RefreshNeeded, RetryableFailure, output_of
from ._exceptions import APIError
from ._images import ImageInput
from ._logging import redactor
from ._models import Creation, VideoOutput
from ._polling import Poller, check_finished
from ._providers import ApiRequest, get_flow, submitted
from ._refs import CreationRef, Provider
from ._retry import Deadline

__all__ = ["AsyncClient"]


async def _aread_body(response: httpx.Response, deadline: Deadline) -> bytes | None:
    """The async twin of ``_client._read_body``."""
    try:
        if deadline.at is None:
            return await response.aread()
        chunks = []
        async for chunk in response.aiter_bytes():
            chunks.append(chunk)
            check_deadline(deadline, response)
        return b"".join(chunks)
    except httpx.DecodingError:
        return None
    finally:
        await response.aclose()


class AsyncClient(_BaseClient):
    """The asyncio client: the same arguments as :class:`Client`, awaitable methods.

    Its connection pool belongs to the running event loop; a new loop (another
    ``asyncio.run``) gets a new pool, so one client can serve several runs.
    """

    def _open(self) -> None:
        self._http: httpx.AsyncClient | None = None  # made per event loop, on first use
        self._loop: asyncio.AbstractEventLoop | None = None
        self._in_flight = asyncio.Semaphore(C.MAX_CONCURRENT_REQUESTS)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connection pool of the current event loop."""
        if self._http is not None and self._loop is asyncio.get_running_loop():
            await self._http.aclose()
        self._http = None
        self._loop = None

    def _client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        if self._http is None or self._loop is not loop:
            # A pool from a finished event loop cannot be used (or closed) from this one.
            limits = httpx.Limits(max_connections=C.MAX_CONNECTIONS, max_keepalive_connections=C.MAX_CONNECTIONS)
            self._http = httpx.AsyncClient(**self._http_args(), limits=limits)
            # Hundreds of concurrent waits must not all queue inside httpcore, whose pool rescans its
            # whole queue on every change (quadratic CPU); they queue here instead, at no cost.
            self._in_flight = asyncio.Semaphore(C.MAX_CONCURRENT_REQUESTS)
            self._loop = loop
        return self._http

    async def _fetch_json(self, provider: Provider, request: ApiRequest, deadline: Deadline) -> dict[str, Any]:
        url, headers = self._url_and_headers(provider, request)
        http = self._client()
        attempt = 0
        while True:
            try:
                outgoing = http.build_request(
                    request.method, url, headers=headers, json=request.json, timeout=self._request_timeout(deadline)
                )
                async with self._in_flight:
                    response = await http.send(outgoing, stream=True)
                    content = await _aread_body(response, deadline)
                return self._interpret(provider, response, content)
            except httpx.HTTPError as exc:
                error, cause = self._transport_error(provider, exc), exc
            except APIError as exc:
                error, cause = exc, None
            delay = self._retrying(provider, error, attempt, deadline, request, cause)
            if delay is None:
                raise error from cause
            await asyncio.sleep(delay)
            attempt += 1

    async def get(self, ref: RefLike) -> Creation:
        """The creation's current state. Haiper: asks the status, then the detail once it succeeded."""
        return await self._get(CreationRef.parse(ref), Deadline())

    async def _get(self, ref: CreationRef, deadline: Deadline) -> Creation:
        flow = get_flow(ref)
        try:
            request = next(flow)
            while True:
                request = flow.send(await self._fetch_json(ref.provider, request, deadline))
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    async def _polls(self, ref: RefLike, timeout: float, poll_interval: float) -> AsyncIterator[tuple[Creation, bool]]:
        poller = Poller(CreationRef.parse(ref), timeout, poll_interval)
        while True:
            try:
                creation = await self._get(poller.ref, poller.deadline)
            except APIError as exc:
                await asyncio.sleep(poller.delay_after_error(exc))
                poller.check()
                continue
            yield creation, poller.record(creation)
            if creation.state.is_terminal:
                return
            await asyncio.sleep(poller.delay())
            poller.check()

    async def watch(
        self, ref: RefLike, *, timeout: float = C.DEFAULT_WAIT_TIMEOUT, poll_interval: float = C.DEFAULT_POLL_INTERVAL
    ) -> AsyncIterator[Creation]:
        """Yield the creation each time its state or progress changes, ending at a terminal state."""
        async for creation, changed in self._polls(ref, timeout, poll_interval):
            if changed:
                yield creation

    async def wait(
        self,
        ref: RefLike,
        *,
        timeout: float = C.DEFAULT_WAIT_TIMEOUT,
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

    async def create(
        self,
        provider: str,
        *,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None = None,
        negative_prompt: str | None = None,
        duration: int | None = None,
        aspect_ratio: str | None = None,
        resolution: int | str | None = None,
        seed: int | None = None,
        **provider_options: Any,
    ) -> CreationRef:
        """Start a generation and return its ref; see :meth:`Client.create`."""
        name, submit = self._submit(
            provider,
            prompt,
            image,
            {
                "negative_prompt": negative_prompt,
                "duration": duration,
                "aspect_ratio": aspect_ratio,
                "resolution": resolution,
                "seed": seed,
            },
            provider_options,
        )
        return submitted(name, await self._fetch_json(name, submit, Deadline()))

    async def generate(
        self,
        provider: str,
        *,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None = None,
        timeout: float = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
        download: str | os.PathLike[str] | None = None,
        **options: Any,
    ) -> Creation:
        """``create``, ``wait`` and optionally ``download``; see :meth:`Client.generate`."""
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
    ) -> Path:
        """Stream an output to ``dest``; see :meth:`Client.download`. File writes run in a worker thread."""
        with DownloadJob(output_of(target), dest, on_progress, self._max_retries) as job:
            while True:
                url = job.url
                redactor.add_url(url)
                try:
                    async with self._client().stream("GET", url, headers=job.headers()) as response:
                        job.start(response)
                        async for chunk in response.aiter_bytes():
                            await asyncio.to_thread(job.write, chunk)
                    return await asyncio.to_thread(job.finish)
                except Redirected:
                    continue
                except RefreshNeeded:
                    assert job.output.ref is not None
                    try:
                        job.refreshed(await self.get(job.output.ref))
                    except APIError as exc:
                        raise job.refresh_failed(exc) from exc
                except (httpx.HTTPError, RetryableFailure) as exc:
                    await asyncio.sleep(job.retry_delay(exc))
                finally:
                    redactor.discard_url(url)
