"""``Client``: start, look up, wait for and download creations. ``_BaseClient`` holds what
``AsyncClient`` (in ``_async_client``) shares: configuration and every step that involves no I/O."""

from __future__ import annotations

import functools
import logging
import os
import ssl
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx

from . import _constants as C
from ._credentials import Credentials, check_base_url
from ._download import DownloadJob, ProgressCallback, Redirected, RefreshNeeded, RetryableFailure, output_of
from ._exceptions import APIConnectionError, APIError, APITimeoutError, InvalidOption, ResponseValidationError
from ._images import ImageInput, image_references
from ._logging import logger, redactor
from ._models import Creation, VideoOutput
from ._polling import Poller, check_finished
from ._providers import ApiRequest, CommonArgs, get_flow, submit_request, submitted
from ._refs import PROVIDERS, CreationRef, Provider
from ._responses import json_object, scrub, status_error
from ._retry import Deadline, never_sent, retry_delay

__all__ = ["Client"]

RefLike = CreationRef | str
CreationCallback = Callable[[Creation], object]


class _BaseClient:
    """Configuration and the parts of a request that involve no I/O.

    The arguments (shared by Client and AsyncClient): ``comfy_api_key``, ``comfy_auth_token``,
    ``haiper_api_key`` (default: the environment), ``comfy_base_url``, ``haiper_base_url``
    (default: ``GENVIDEO_*_BASE_URL``, else the providers' hosts), ``timeout`` (seconds, or an
    ``httpx.Timeout``) and ``max_retries`` (per request, for what is safe to retry).
    """

    def __init__(
        self,
        *,
        comfy_api_key: str | None = None,
        comfy_auth_token: str | None = None,
        haiper_api_key: str | None = None,
        comfy_base_url: str | None = None,
        haiper_base_url: str | None = None,
        timeout: float | httpx.Timeout = C.DEFAULT_TIMEOUT,
        max_retries: int = C.DEFAULT_MAX_RETRIES,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        self._credentials = Credentials.resolve(
            comfy_api_key=comfy_api_key, comfy_auth_token=comfy_auth_token, haiper_api_key=haiper_api_key
        )
        self._base_urls: Mapping[Provider, str] = {
            "vidu": check_base_url(
                "comfy_base_url", comfy_base_url or os.environ.get(C.COMFY_BASE_URL_ENV) or C.DEFAULT_COMFY_BASE_URL
            ),
            "haiper": check_base_url(
                "haiper_base_url",
                haiper_base_url or os.environ.get(C.HAIPER_BASE_URL_ENV) or C.DEFAULT_HAIPER_BASE_URL,
            ),
        }
        self._timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._max_retries = max_retries
        self._secrets = self._credentials.values()
        redactor.add_secrets(self._secrets)
        self._auth_headers: dict[Provider, dict[str, str]] = {}
        self._open()

    def _open(self) -> None:
        """Set up the connection pool (each client kind has its own)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(comfy_base_url={self._base_urls['vidu']!r}, "
            f"haiper_base_url={self._base_urls['haiper']!r}, {self._credentials!r})"
        )

    def _http_args(self) -> dict[str, Any]:
        return {
            "timeout": self._timeout,
            "follow_redirects": False,
            "headers": {"User-Agent": C.USER_AGENT},
            "verify": _ssl_context(),
        }

    def _url_and_headers(self, provider: Provider, request: ApiRequest) -> tuple[str, dict[str, str]]:
        auth = self._auth_headers.get(provider)
        if auth is None:  # raises MissingCredentials the first time a provider without keys is called
            auth = self._auth_headers[provider] = self._credentials.headers_for(provider)
        return self._base_urls[provider] + request.path, {**request.headers, **auth} if request.headers else auth

    def _submit(
        self,
        provider: str,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None,
        common: dict[str, Any],
        options: dict[str, Any],
    ) -> tuple[Provider, ApiRequest]:
        """Validate and build a submit; raises before any request is made."""
        if provider not in PROVIDERS:
            raise InvalidOption(f"provider: {provider!r} is not one of {', '.join(PROVIDERS)}", option="provider")
        args = CommonArgs(prompt=prompt, images=image_references(image), **common)
        return provider, submit_request(provider, args, options, idempotency_key=os.urandom(16).hex())

    def _request_timeout(self, deadline: Deadline) -> Any:
        """The client's own timeout (httpx.USE_CLIENT_DEFAULT) unless a deadline is closer."""
        remaining = deadline.remaining()
        if remaining is None:
            return httpx.USE_CLIENT_DEFAULT
        cap = max(remaining, 0.05)
        t = self._timeout
        return httpx.Timeout(
            connect=_min(t.connect, cap), read=_min(t.read, cap), write=_min(t.write, cap), pool=_min(t.pool, cap)
        )

    def _interpret(self, provider: Provider, response: httpx.Response, content: bytes | None) -> dict[str, Any]:
        """The JSON object of a 2xx answer, else the typed error. ``content`` None: undecodable body."""
        if logger.isEnabledFor(logging.DEBUG):
            request = response.request
            logger.debug("%s: %s %s -> %d", provider, request.method, request.url.path, response.status_code)
        ok = 200 <= response.status_code <= 299
        if content is None:
            if ok:
                encoding = response.headers.get("content-encoding")
                raise ResponseValidationError(
                    f"{provider}: HTTP {response.status_code} with an undecodable body (Content-Encoding: {encoding})",
                    provider=provider,
                )
            content = b""  # a 5xx with a garbled body is still a 5xx
        if ok:
            return json_object(provider, response, self._secrets, content)
        raise status_error(provider, response, self._secrets, content)

    def _transport_error(self, provider: Provider, exc: httpx.HTTPError) -> APIError:
        reason = scrub(f"{type(exc).__name__}: {exc}", self._secrets)
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(f"{provider}: request timed out ({reason})", provider=provider)
        return APIConnectionError(f"{provider}: connection failed ({reason})", provider=provider)

    def _retrying(
        self,
        provider: Provider,
        error: APIError,
        attempt: int,
        deadline: Deadline,
        request: ApiRequest,
        cause: BaseException | None,
    ) -> float | None:
        if not request.idempotent and not never_sent(cause):
            return None  # the POST may have arrived: retrying could start (and bill) a second generation
        delay = retry_delay(error, attempt, self._max_retries, deadline)
        if delay is not None:
            logger.info("%s: retrying in %.2fs after: %s", provider, delay, error)
        return delay


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default TLS settings, built once: loading the CA bundle costs ~100 ms per client."""
    return httpx.create_ssl_context()


def _read_body(response: httpx.Response, deadline: Deadline) -> bytes | None:
    """The whole body, or None when its Content-Encoding cannot be decoded (the status still counts).

    httpx's timeouts bound each read, not the body: under a deadline, a server that drips
    bytes is cut off once the deadline passes (between chunks).
    """
    try:
        if deadline.at is None:
            return response.read()
        chunks = []
        for chunk in response.iter_bytes():
            chunks.append(chunk)
            check_deadline(deadline, response)
        return b"".join(chunks)
    except httpx.DecodingError:
        return None
    finally:
        response.close()


def check_deadline(deadline: Deadline, response: httpx.Response) -> None:
    """Raise httpx.ReadTimeout if ``deadline`` has passed and the body is not complete yet."""
    remaining = deadline.remaining()
    if remaining is None or remaining > 0:
        return
    length = response.headers.get("content-length", "")
    if length.isdigit() and response.num_bytes_downloaded >= int(length):
        return  # all here: a body that arrived in time is not a timeout
    raise httpx.ReadTimeout("the deadline passed while the body was arriving", request=response.request)


def _min(value: float | None, cap: float) -> float:
    return cap if value is None else min(value, cap)


class Client(_BaseClient):
    """The synchronous client. One connection pool, reused; close it (or use ``with``).

    Credentials come from the arguments, else from ``COMFY_API_KEY`` (sent as
    ``X-API-Key``), ``COMFY_AUTH_TOKEN`` (``Authorization: Bearer``) and
    ``HAIPER_API_KEY`` (``Authorization: Bearer``). A provider without credentials
    raises :class:`MissingCredentials` when it is called, not before.
    """

    def _open(self) -> None:
        self._http = httpx.Client(**self._http_args())

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def _fetch_json(self, provider: Provider, request: ApiRequest, deadline: Deadline) -> dict[str, Any]:
        url, headers = self._url_and_headers(provider, request)
        attempt = 0
        while True:
            try:
                outgoing = self._http.build_request(
                    request.method, url, headers=headers, json=request.json, timeout=self._request_timeout(deadline)
                )
                response = self._http.send(outgoing, stream=True)
                return self._interpret(provider, response, _read_body(response, deadline))
            except httpx.HTTPError as exc:
                error, cause = self._transport_error(provider, exc), exc
            except APIError as exc:
                error, cause = exc, None
            delay = self._retrying(provider, error, attempt, deadline, request, cause)
            if delay is None:
                raise error from cause
            time.sleep(delay)
            attempt += 1

    def get(self, ref: RefLike) -> Creation:
        """The creation's current state. Haiper: asks the status, then the detail once it succeeded."""
        return self._get(CreationRef.parse(ref), Deadline())

    def _get(self, ref: CreationRef, deadline: Deadline) -> Creation:
        flow = get_flow(ref)
        try:
            request = next(flow)
            while True:
                request = flow.send(self._fetch_json(ref.provider, request, deadline))
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def _polls(self, ref: RefLike, timeout: float, poll_interval: float) -> Iterator[tuple[Creation, bool]]:
        poller = Poller(CreationRef.parse(ref), timeout, poll_interval)
        while True:
            try:
                creation = self._get(poller.ref, poller.deadline)
            except APIError as exc:
                time.sleep(poller.delay_after_error(exc))
                poller.check()
                continue
            yield creation, poller.record(creation)
            if creation.state.is_terminal:
                return
            time.sleep(poller.delay())
            poller.check()

    def watch(
        self, ref: RefLike, *, timeout: float = C.DEFAULT_WAIT_TIMEOUT, poll_interval: float = C.DEFAULT_POLL_INTERVAL
    ) -> Iterator[Creation]:
        """Yield the creation each time its state or progress changes, ending at a terminal state.

        Raises :class:`WaitTimeout` when ``timeout`` seconds pass first.
        """
        for creation, changed in self._polls(ref, timeout, poll_interval):
            if changed:
                yield creation

    def wait(
        self,
        ref: RefLike,
        *,
        timeout: float = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
    ) -> Creation:
        """Poll until the creation finishes; return it once it succeeded with outputs.

        Calls ``on_progress(creation)`` after every poll. Raises
        :class:`CreationFailed` (``.creation``) if it failed or delivered nothing,
        and :class:`WaitTimeout` (``.creation``: the last snapshot) on timeout.
        """
        last = None
        for last, _changed in self._polls(ref, timeout, poll_interval):
            if on_progress is not None:
                on_progress(last)
        assert last is not None
        return check_finished(last)

    def create(
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
        """Start a generation and return its ref (it costs credits: nothing is retried blindly).

        ``image`` is one image or several: URLs, file paths or bytes. Everything
        else is passed through to the provider's request model and checked
        against it first: a bad option raises :class:`InvalidOption` naming it,
        before any request. Vidu: ``mode`` picks the endpoint (``text2video``,
        ``img2video``, ``reference2video``, ``start-end2video``, ``extend``,
        ``multiframe``; by default from the number of images) and ``model``
        defaults to ``viduq1``. Haiper: text-to-video, or image-to-video with one
        image; generations are sent with ``is_public: false`` unless you say otherwise.

        Comfy submits carry an ``Idempotency-Key`` reused on every retry, so they
        are retried like lookups. Haiper honours no key: its submits are retried
        only when the request provably never left (connection refused).
        Raises :class:`CreationFailed` if the provider refuses the task at once.
        """
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
        return submitted(name, self._fetch_json(name, submit, Deadline()))

    def generate(
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
        """``create``, then ``wait`` (with ``on_progress``), then optionally ``download`` to a path.

        Returns the finished creation; the arguments are those of :meth:`create`
        and :meth:`wait`.
        """
        ref = self.create(provider, prompt=prompt, image=image, **options)
        creation = self.wait(ref, timeout=timeout, poll_interval=poll_interval, on_progress=on_progress)
        if download is not None:
            self.download(creation, download)
        return creation

    def download(
        self,
        target: VideoOutput | Creation,
        dest: str | os.PathLike[str],
        *,
        on_progress: ProgressCallback | None = None,
    ) -> Path:
        """Stream an output to ``dest`` (a file path, or a folder) and return the file's path.

        The bytes go to a temporary file beside ``dest`` that is renamed into place
        only once complete (Content-Length verified); on failure nothing is left
        at ``dest``. A cut connection resumes with ``Range`` where the server
        allows it. An expired link (403/410) is refreshed once by fetching the
        creation again. Provider credentials are never sent to the download URL.
        ``on_progress(bytes_done, bytes_total_or_None)`` is called per chunk.
        """
        with DownloadJob(output_of(target), dest, on_progress, self._max_retries) as job:
            while True:
                url = job.url
                redactor.add_url(url)
                try:
                    with self._http.stream("GET", url, headers=job.headers()) as response:
                        job.start(response)
                        for chunk in response.iter_bytes():
                            job.write(chunk)
                    return job.finish()
                except Redirected:
                    continue
                except RefreshNeeded:
                    assert job.output.ref is not None
                    try:
                        job.refreshed(self.get(job.output.ref))
                    except APIError as exc:
                        raise job.refresh_failed(exc) from exc
                except (httpx.HTTPError, RetryableFailure) as exc:
                    time.sleep(job.retry_delay(exc))
                finally:
                    redactor.discard_url(url)
