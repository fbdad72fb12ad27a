"""``Client``: start, look up, wait for and download creations. ``_BaseClient`` holds what
``AsyncClient`` (in ``_async_client``) shares: configuration and every step that involves no I/O."""

from __future__ import annotations

import dataclasses
import functools
import inspect
import logging
import math
import os
import ssl
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from . import _constants as C
from ._arguments import takes_arguments_of
from ._body import BodyReader, BodyTooLarge, Undecodable
from ._credentials import Credentials, resolve_base_urls
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
    under_base_url,
)
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ClientClosed,
    ConfigurationError,
    InvalidOption,
    ResponseValidationError,
    UploadError,
)
from ._images import ImageInput, image_references
from ._logging import configure_from_env, logger, redactor
from ._models import Creation, VideoOutput
from ._polling import Poller, check_finished, masked_failure, poll_interval_seconds, wait_timeout
from ._providers import ApiRequest, CommonArgs, SubmitFlow, SubmitStep, Upload, get_flow, submit_flow
from ._providers._submit import create_signature
from ._refs import CreationRef, Provider
from ._responses import json_object, scrub, status_error
from ._retry import Deadline, never_sent, retry_delay
from ._transport import Routes, bound, deadline_scope, fork_epoch, log_request, no_cookies, routes, total_timeout
from ._transport import http_backend as http_backend_named
from ._uploads import checked_upload_url, masked, upload_body
from ._videos import is_video_url, video_reference

if TYPE_CHECKING:
    from ._providers._registry import Registry
    from ._schedule import ReplyHints

__all__ = ["Client"]

RefLike = CreationRef | str
CreationCallback = Callable[[Creation], object]


def _is_path(url: str | None) -> bool:
    """An absolute path (``/proxy/...``), not a URL and not a scheme-relative ``//host`` reference."""
    return url is not None and url.startswith("/") and not url.startswith("//")


def _is_urlencoded(headers: Mapping[str, str]) -> bool:
    """Whether an API call's own headers declare an ``application/x-www-form-urlencoded`` body."""
    return any(
        name.lower() == "content-type" and value.split(";")[0].strip().lower() == "application/x-www-form-urlencoded"
        for name, value in headers.items()
    )


def _output_urls(output: VideoOutput) -> tuple[str | None, ...]:
    return output.url, output.cover_url, output.watermarked_url


def _absolute_outputs(base_url: str, outputs: tuple[VideoOutput, ...]) -> tuple[VideoOutput, ...]:
    """``outputs`` with each URL that is a path made absolute against ``base_url`` (the very tuple if none is)."""
    if not any(_is_path(url) for output in outputs for url in _output_urls(output)):
        return outputs

    def absolute(url: str | None) -> str | None:
        return base_url + url if url is not None and _is_path(url) else url

    return tuple(
        dataclasses.replace(
            output,
            url=absolute(output.url) or output.url,
            cover_url=absolute(output.cover_url),
            watermarked_url=absolute(output.watermarked_url),
        )
        for output in outputs
    )


class _BaseClient:
    """Configuration and the parts of a request that involve no I/O.

    ``Client`` and ``AsyncClient`` each spell out the same constructor (documented on them) and pass
    it here; only the type of ``transport`` differs (``_transport_type``). ``settings`` are the
    registry's credential and base-URL arguments (``comfy_api_key=``, ``comfy_base_url=``...).
    """

    _transport_type: type[Any] = object
    _asynchronous = False
    _routes: Routes | None = None

    def __init__(
        self,
        *,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None,
        typical_durations: Mapping[str, float | None] | None = None,
        http_backend: str | None = None,
        **settings: str | None,
    ) -> None:
        #: What moves the bytes when genvideo builds the transport ("httpx" or "aiohttp").
        self._http_backend = http_backend_named(http_backend, transport=transport, asynchronous=self._asynchronous)
        max_retries = _checked_retries(max_retries)
        #: Provider -> seconds its creations usually take (None: unknown), for the poll schedule.
        self._typical_durations = _checked_durations(typical_durations)
        timeout = _checked_timeout(timeout)
        if transport is not None and not isinstance(transport, self._transport_type):
            raise TypeError(
                f"{type(self).__name__}(transport=...) takes an httpx.{self._transport_type.__name__}, "
                f"not {type(transport).__name__}"
            )
        configure_from_env()
        base_url_arguments = registry().base_url_arguments
        self._credentials = Credentials.resolve(
            **{name: value for name, value in settings.items() if name not in base_url_arguments}
        )
        #: Spec name -> base URL (requests go to their provider's spec's).
        self._base_urls: Mapping[str, str] = resolve_base_urls(settings)
        self._timeout = timeout
        self._max_retries = max_retries
        self._transport = transport
        self._secrets = self._credentials.values()
        # Masked in logs while this client lives: released by close() or garbage collection.
        self._secrets_lease = redactor.lease(self, self._secrets)
        # provider -> (base URL, auth header), made on its first call: MissingCredentials until then.
        self._endpoints: dict[Provider, tuple[str, dict[str, str]]] = {}
        # Per provider: its outputs' URLs given as paths made absolute against its spec's base URL.
        self._resolvers: dict[Provider, Callable[[tuple[VideoOutput, ...]], tuple[VideoOutput, ...]]] = {}
        self._open()

    def _open(self) -> None:
        """Set up the connection pool (each client kind has its own)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        urls = [f"{spec.base_url_argument}={self._base_urls[spec.name]!r}" for spec in registry().specs.values()]
        return f"{type(self).__name__}({', '.join(urls)}, {self._credentials!r})"

    def _http_args(self, *, asynchronous: bool) -> tuple[dict[str, Any], Routes]:
        """The httpx client's settings, and the routes its requests take: genvideo's own transports
        (proxies from the environment, never for loopback), or the caller's (then proxy environment
        variables are not read). A caller's transport changes how bytes travel, not these settings.
        Both carry the deadline mechanism of ``_transport`` (a caller's only if it is an httpx one)."""
        if self._transport is None:
            limits = None
            if asynchronous:
                most = C.MAX_CONNECTIONS[self._http_backend]
                limits = httpx.Limits(max_connections=most, max_keepalive_connections=most)
            ways = routes(asynchronous=asynchronous, verify=_ssl_context(), limits=limits, backend=self._http_backend)
        else:
            ways = bound(self._transport, asynchronous=asynchronous)
        args: dict[str, Any] = {
            "timeout": self._timeout,
            "follow_redirects": False,
            # gzip and deflate only: what _body decodes with bounded memory (downloads ask for identity).
            "headers": {"User-Agent": C.USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            "cookies": no_cookies(),  # genvideo needs none: no reply can plant state in later requests
            "transport": ways.transport,
            "mounts": ways.mounts,
        }
        return args, ways

    def _request_deadline(self, deadline: Deadline, request: SubmitStep | None = None) -> float | None:
        """When the request starting now must be over (body included): its timeout's largest value
        (see ``_transport.total_timeout``), or ``deadline`` if that comes first. A request answered by
        the video itself (``ApiRequest.reply``) is bounded by ``deadline`` only: it answers once the
        video is made, which takes minutes."""
        if _answers_video(request):
            return deadline.at
        total = total_timeout(self._timeout)
        at = None if total is None else time.monotonic() + total
        if deadline.at is not None:
            at = deadline.at if at is None else min(at, deadline.at)
        return at

    def _direct(self) -> Any:
        """The transport an API call goes to straight, past ``httpx.Client.send``; None when the
        proxy environment names mounts (httpx picks among them). genvideo uses nothing ``send`` adds:
        auth flows, redirects (never followed), cookies (refused), event hooks; skipping it takes
        about a tenth off a small poll. Downloads, which follow redirects, still go through httpx."""
        return None if self._routes is None else self._routes.direct

    def _closed_error(self) -> ClientClosed:
        return ClientClosed(f"this {type(self).__name__} is closed: make a new one (or use it in a with block)")

    def _too_large(self, provider: Provider, response: httpx.Response, exc: BodyTooLarge) -> ResponseValidationError:
        return ResponseValidationError(
            f"{provider}: HTTP {response.status_code} with a body over {exc.limit} bytes ({exc.what}); "
            "not read further",
            provider=provider,
        )

    def _url_and_headers(self, provider: Provider, request: ApiRequest) -> tuple[str, dict[str, str]]:
        endpoint = self._endpoints.get(provider)
        if endpoint is None:  # raises MissingCredentials the first time a provider without keys is called
            auth = self._credentials.headers_for(provider)
            endpoint = self._endpoints[provider] = (self._base_urls[registry().providers[provider].spec.name], auth)
        base_url, auth = endpoint
        return base_url + request.path, {**request.headers, **auth} if request.headers else auth

    def _resolved(self, creation: Creation) -> Creation:
        """``creation`` with every output URL the adapter gave as a path (``/proxy/...``: a file the
        provider's API serves itself, such as Sora's ``/content``) made absolute against the base URL of
        the provider's spec; unchanged (and not copied) when there is none. Runs after every get flow
        (on pending outputs, when they are built)."""
        provider = creation.ref.provider
        resolve = self._resolvers.get(provider)
        if resolve is None:
            base_url = self._base_urls[registry().providers[provider].spec.name]
            resolve = self._resolvers[provider] = functools.partial(_absolute_outputs, base_url)
        return creation._map_outputs(resolve)

    def _download_auth(self, output: VideoOutput, url: str) -> dict[str, str]:
        """The credential headers for one request of a download: the provider's, when ``url`` (this
        attempt's or this redirect hop's) lies under the base URL of the output's provider's spec; none
        for any other URL (a CDN, another host, another path on the same host). MissingCredentials when
        the provider's own API serves the file and no credential is configured."""
        if output.ref is None:
            return {}
        provider = output.ref.provider
        if not under_base_url(url, self._base_urls[registry().providers[provider].spec.name]):
            return {}
        return self._url_and_headers(provider, ApiRequest("GET", ""))[1]

    def _submit(
        self,
        provider: str,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None,
        common: dict[str, Any],
        options: dict[str, Any],
    ) -> tuple[Provider, SubmitFlow, SubmitStep]:
        """Validate a submit: its flow and first request; raises before any request is made."""
        names = registry().names
        if provider not in names:
            raise InvalidOption(f"provider: {provider!r} is not one of {', '.join(names)}", option="provider")
        video = video_reference(common.pop("video", None))
        args = CommonArgs(prompt=prompt, images=image_references(image), video=video, **common)
        flow = submit_flow(provider, args, options, idempotency_key=os.urandom(16).hex())
        return provider, flow, next(flow)

    def _build(
        self, http: httpx.Client | httpx.AsyncClient, provider: Provider, step: SubmitStep, deadline: Deadline
    ) -> httpx.Request:
        """The httpx request of an API call (with the provider's credentials) or of an upload (without)."""
        timeout = self._request_timeout(deadline, long_read=_answers_video(step))
        if isinstance(step, Upload):
            url = checked_upload_url(provider, step)
            headers = {"Content-Type": step.content_type, "Content-Length": str(step.size)}
            return http.build_request(
                "PUT", url, headers=headers, content=upload_body(http, provider, step), timeout=timeout
            )
        url, headers = self._url_and_headers(provider, step)
        if step.form is not None and not step.files and _is_urlencoded(step.headers):
            # The endpoint declares application/x-www-form-urlencoded (its generated Content-Type header).
            return http.build_request(step.method, url, headers=headers, data=step.form, timeout=timeout)
        # Any other form is multipart/form-data (text parts first, then the files): httpx would send
        # data= without files as application/x-www-form-urlencoded.
        parts: list[tuple[str, tuple[str | None, bytes | str] | tuple[str, bytes, str]]] = [
            (name, (None, value)) for name, value in (step.form or {}).items()
        ]
        parts += [(f.field, (f.filename, f.content, f.content_type)) for f in step.files]
        return http.build_request(
            step.method, url, headers=headers, json=step.json, files=parts or None, timeout=timeout
        )

    def _outcome(
        self, provider: Provider, step: SubmitStep, response: httpx.Response, content: bytes | None
    ) -> dict[str, Any]:
        """What a reply means: the JSON object of an API call, the headers an upload names in
        ``reply_headers`` (a 2xx is all else it needs); else the typed error."""
        if not isinstance(step, Upload):
            return self._interpret(provider, response, content)
        if 200 <= response.status_code <= 299:
            return {name: response.headers[name] for name in step.reply_headers if name in response.headers}
        raise status_error(provider, response, self._secrets, content or b"")

    def _request_timeout(self, deadline: Deadline, *, long_read: bool = False) -> Any:
        """The client's own timeout (httpx.USE_CLIENT_DEFAULT) unless a deadline is closer.
        ``long_read``: the answer may take until the deadline (a synchronous provider's video)."""
        remaining = deadline.remaining()
        t = self._timeout
        if long_read:
            return httpx.Timeout(connect=t.connect, read=remaining, write=t.write, pool=t.pool)
        if remaining is None:
            return httpx.USE_CLIENT_DEFAULT
        cap = max(remaining, 0.05)
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
        request: SubmitStep,
        cause: BaseException | None,
    ) -> float | None:
        if not request.idempotent and not never_sent(cause):
            return None  # the POST may have arrived: retrying could start (and bill) a second generation
        delay = retry_delay(error, attempt, self._max_retries, deadline)
        if delay is not None:
            logger.info("%s: retrying in %.2fs after: %s", provider, delay, error)
        return delay

    def _failed(self, step: SubmitStep, error: APIError) -> APIError:
        """The error a request's last failure raises: an upload's names the input it was for."""
        if not isinstance(step, Upload) or isinstance(error, UploadError):
            return error
        status = error.status_code if isinstance(error, APIStatusError) else None
        return UploadError(
            f"{error.provider}: uploading {step.what} to storage failed: {error}",
            provider=error.provider,
            what=step.what,
            status_code=status,
        )

    def _create_request(
        self, call: inspect.BoundArguments, *, synchronous: bool = False
    ) -> tuple[Provider, SubmitFlow, SubmitStep]:
        """The submit flow of a ``create()`` call (its arguments bound to ``create_signature``), and its
        first request. A synchronous provider (its reply is the video) only runs from ``generate()``
        (``synchronous=True``): ``create()`` refuses it with InvalidOption, before anything is sent."""
        common = dict(call.arguments)
        provider, options = common.pop("provider"), common.pop("provider_options")
        if _is_synchronous(provider) and not synchronous:
            raise InvalidOption(
                f"provider: {provider} is synchronous (its reply is the video itself, with no id to look up "
                f"later): use generate({provider!r}, ...) instead of create()",
                option="provider",
            )
        return self._submit(provider, common.pop("prompt"), common.pop("image"), common, options)

    def _synchronous_call(
        self,
        provider: str,
        prompt: str | None,
        image: ImageInput | Sequence[ImageInput] | None,
        options: dict[str, Any],
    ) -> inspect.BoundArguments | None:
        """``generate()``'s arguments bound as ``create()`` takes them, for a synchronous provider; None
        for any other (``generate()`` then creates, waits and downloads)."""
        if not _is_synchronous(provider):
            return None
        call = inspect.signature(create_signature).bind(provider, prompt=prompt, image=image, **options)
        call.apply_defaults()
        return call


def _video_url_to_fetch(call: inspect.BoundArguments) -> str | None:
    """The video URL of a ``create()`` call whose provider needs the video's bytes (registry
    ``video_bytes``: it uploads them itself), which the client downloads first; None otherwise."""
    provider, video = call.arguments.get("provider"), call.arguments.get("video")
    entry = registry().providers.get(provider) if isinstance(provider, str) else None
    return video if entry is not None and entry.video_bytes and is_video_url(video) else None


def _is_synchronous(provider: object) -> bool:
    """Whether the registry marks ``provider`` synchronous (False for any unknown name: refused later)."""
    entry = registry().providers.get(provider) if isinstance(provider, str) else None
    return entry is not None and entry.synchronous


def _answers_video(request: SubmitStep | None) -> bool:
    return isinstance(request, ApiRequest) and request.reply == "video"


def _wait_deadline(seconds: float | None) -> Deadline:
    """The deadline of a synchronous provider's POST: ``generate(timeout=...)`` from now (None or inf: none)."""
    return Deadline.after(seconds if seconds is not None and math.isfinite(seconds) else None)


def registry() -> Registry:
    """The provider registry, imported on first use (``import genvideo`` does not load it)."""
    from ._providers._registry import registry

    return registry()


def _checked_durations(durations: Mapping[str, float | None] | None) -> dict[str, float | None]:
    """Every provider's typical duration: the registry's, overridden by ``durations``; else ConfigurationError."""
    providers = registry().providers
    result = {name: entry.typical_seconds for name, entry in providers.items()}
    for name, seconds in (durations or {}).items():
        if name not in providers:
            raise ConfigurationError(f"typical_durations: {name!r} is not one of {', '.join(providers)}")
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0 < seconds <= C.MAX_TIMEOUT
        ):
            raise ConfigurationError(f"typical_durations[{name!r}]: seconds above 0 and at most a day, or None")
        result[name] = None if seconds is None else float(seconds)
    return result


def _checked_retries(max_retries: int) -> int:
    """``max_retries`` as given: an int from 0 to ``MAX_RETRIES_LIMIT``, else ConfigurationError."""
    if isinstance(max_retries, bool) or not isinstance(max_retries, int):
        raise TypeError(f"max_retries must be an int, not {type(max_retries).__name__}")
    if not 0 <= max_retries <= C.MAX_RETRIES_LIMIT:
        raise ConfigurationError(f"max_retries must be from 0 to {C.MAX_RETRIES_LIMIT}, got {max_retries}")
    return max_retries


def _checked_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """An ``httpx.Timeout`` whose values are each None (no limit) or positive, finite seconds of at most
    ``MAX_TIMEOUT``; a plain number sets them all, None none. Anything else: ConfigurationError (NaN,
    inf and absurd values would otherwise fail at request time, or never)."""
    names = ("connect", "read", "write", "pool")
    if isinstance(timeout, httpx.Timeout):
        values = dict(zip(names, (timeout.connect, timeout.read, timeout.write, timeout.pool), strict=True))
    elif timeout is None:
        return httpx.Timeout(None)
    elif isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError(f"timeout must be a number of seconds or an httpx.Timeout, not {type(timeout).__name__}")
    else:
        values = dict.fromkeys(names, timeout)
    for name, value in values.items():
        if value is not None and not (0 < value <= C.MAX_TIMEOUT):  # also refuses NaN
            what = "timeout" if not isinstance(timeout, httpx.Timeout) else f"timeout.{name}"
            raise ConfigurationError(
                f"{what} must be more than 0 and at most {C.MAX_TIMEOUT:g} seconds, got {_shown_seconds(value)}"
            )
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(values["connect"])


def _shown_seconds(value: float) -> str:
    """A refused number of seconds for a message: NaN and inf as such, absurdly large ones not in full."""
    try:
        huge = math.isfinite(value) and abs(value) >= 1e15
    except OverflowError:  # an int too large for a float
        huge = True
    return "a huge number" if huge else repr(value)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """httpx's default TLS settings, built once: loading the CA bundle costs ~100 ms per client."""
    return httpx.create_ssl_context()


def _read_body(response: httpx.Response, deadline: float | None) -> bytes | None:
    """The whole body, or None when its Content-Encoding cannot be decoded (the status still counts).

    At most MAX_API_BODY bytes, as sent and as decoded (``_body``): past it, BodyTooLarge for a 2xx,
    and what fit for an error status (only quoted). genvideo's transports bound every read by the
    request's ``deadline``; for a caller's other transports, it is also checked between chunks.
    """
    reader = BodyReader(response.headers)
    try:
        if response.is_stream_consumed:  # read (and decoded) by the transport: httpx.MockTransport
            return reader.loaded(response.content)
        for chunk in response.iter_raw():
            reader.feed(chunk)
            check_deadline(deadline, response)
        return reader.finish()
    except Undecodable:
        return None
    except BodyTooLarge:
        if 200 <= response.status_code <= 299:
            raise
        return reader.finish_partial()
    finally:
        response.close()


async def _aread_body(response: httpx.Response, deadline: float | None) -> bytes | None:
    """The async twin of :func:`_read_body`."""
    reader = BodyReader(response.headers)
    try:
        if response.is_stream_consumed:  # read (and decoded) by the transport: httpx.MockTransport
            return reader.loaded(response.content)
        async for chunk in response.aiter_raw():
            reader.feed(chunk)
            check_deadline(deadline, response)
        return reader.finish()
    except Undecodable:
        return None
    except BodyTooLarge:
        if 200 <= response.status_code <= 299:
            raise
        return reader.finish_partial()
    finally:
        await response.aclose()


def check_deadline(deadline: float | None, response: httpx.Response) -> None:
    """Raise httpx.ReadTimeout if ``deadline`` has passed and the body is not complete yet."""
    if deadline is None or time.monotonic() < deadline:
        return
    length = response.headers.get("content-length", "")
    if length.isdigit() and response.num_bytes_downloaded >= int(length):
        return  # all here: a body that arrived in time is not a timeout
    raise httpx.ReadTimeout("the deadline passed while the body was arriving", request=response.request)


def _min(value: float | None, cap: float) -> float:
    return cap if value is None else min(value, cap)


class Client(_BaseClient):
    """The synchronous client. One connection pool, reused; close it (or use ``with``).

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
    - ``typical_durations``: provider name -> seconds its creations usually take (None: unknown), over
      the defaults listed in the README. ``wait``/``watch``/``generate`` poll nothing before
      40 % of it has passed (in sleeps of at most 12 poll intervals); unknown providers and keys:
      :class:`ConfigurationError`. ``Sandbox.client()`` sets every one to None (its creations are fast).
    - ``transport``: an ``httpx.BaseTransport`` (``httpx.HTTPTransport(proxy=..., verify=...)``
      for a proxy or a custom CA, ``httpx.MockTransport`` in tests). It carries every request,
      API calls and downloads alike; genvideo's timeouts, ``User-Agent`` and refusal to follow
      API redirects still apply, and proxy environment variables are no longer consulted (the
      transport decides). httpx's rule holds: :meth:`close` closes it, so give each client its own.
      An ``httpx.HTTPTransport`` gets the whole-request bound too; any other transport only
      httpx's per-operation timeouts (capped at the time left), checked again between body chunks.
    - ``http_backend``: ``"httpx"``, the only one a ``Client`` has (``"aiohttp"`` is for
      :class:`AsyncClient`: :class:`ConfigurationError` here). ``GENVIDEO_HTTP_BACKEND`` is not read.

    ``GENVIDEO_LOG=debug`` (or ``info``) prints genvideo's and httpx's logs to stderr, with
    credentials and signed URL queries masked.
    """

    _transport_type = httpx.BaseTransport

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
        transport: httpx.BaseTransport | None = None,
        typical_durations: Mapping[str, float | None] | None = None,
        http_backend: str | None = None,
    ) -> None:
        """See the class docstring: ``help(genvideo.Client)``."""
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
        self._closed = False
        self._make_pool()

    def _make_pool(self) -> None:
        args, self._routes = self._http_args(asynchronous=False)
        self._httpx = httpx.Client(**args)
        self._pool_epoch = fork_epoch()

    @property
    def _http(self) -> httpx.Client:
        """The connection pool; a GenvideoError once closed; a new pool in a forked child."""
        if self._closed:
            raise self._closed_error()
        if self._pool_epoch != fork_epoch() and self._transport is None:
            # A forked child: the parent's connections (their sockets were closed in the child at the
            # fork) and the pool's locks are not ours. Start afresh; the old pool is never touched.
            self._make_pool()
        return self._httpx

    def _send(self, http: httpx.Client, request: httpx.Request) -> httpx.Response:
        """Send an API call; its body is left to read. See ``_BaseClient._direct``."""
        transport = self._direct()
        if transport is None:
            return http.send(request, stream=True)
        response: httpx.Response = transport.handle_request(request)
        response.request = request
        log_request(request, response)
        return response

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (a ``transport`` passed in is closed with it).

        Closing twice is harmless; any other call on a closed client raises :class:`ClientClosed`.
        """
        if not self._closed:
            self._closed = True
            if self._pool_epoch == fork_epoch() or self._transport is not None:
                self._httpx.close()  # (a pool inherited through fork() is left alone)
        self._secrets_lease.release()

    def _fetch_json(
        self, provider: Provider, request: SubmitStep, deadline: Deadline, hints: ReplyHints | None = None
    ) -> dict[str, Any]:
        """The JSON object an API call answers (``{}`` for an upload), retried as its kind allows; the
        answer's headers noted in ``hints`` (a poll's)."""
        attempt = 0
        while True:
            try:
                http = self._http
                outgoing = self._build(http, provider, request, deadline)
                at = self._request_deadline(deadline, request)
                with deadline_scope(at):  # bounds the whole request: connect, send, headers, body
                    response = self._send(http, outgoing)
                    if _answers_video(request) and 200 <= response.status_code <= 299:
                        return self._store_video(provider, response, at)
                    try:
                        content = _read_body(response, at)
                    except BodyTooLarge as exc:
                        raise self._too_large(provider, response, exc) from None
                outcome = self._outcome(provider, request, response, content)
                if hints is not None:
                    hints.read(response.headers)
                return outcome
            except httpx.HTTPError as exc:
                error, cause = self._transport_error(provider, exc), exc
            except APIError as exc:
                error, cause = exc, None
            delay = self._retrying(provider, error, attempt, deadline, request, cause)
            if delay is None:
                raise self._failed(request, error) from cause
            time.sleep(delay)
            attempt += 1

    def _store_video(self, provider: Provider, response: httpx.Response, at: float | None) -> dict[str, Any]:
        """A 2xx whose body is the video (``ApiRequest.reply``), streamed to a temporary file: the reply
        the submit flow is sent."""
        try:
            with VideoReply(provider, response.headers) as reply:
                if response.is_stream_consumed:  # read (and decoded) by the transport: httpx.MockTransport
                    reply.write(response.content)
                else:
                    for chunk in response.iter_raw():
                        reply.write(chunk)
                        check_deadline(at, response)
                return reply.finish()
        finally:
            response.close()

    def get(self, ref: RefLike) -> Creation:
        """The creation's current state. Haiper: asks the status, then the detail once it succeeded.
        A synchronous provider's ref (LTX) names nothing to look up: InvalidCreationRef."""
        return self._get(CreationRef.parse(ref), Deadline())

    def _get(self, ref: CreationRef, deadline: Deadline, hints: ReplyHints | None = None) -> Creation:
        flow = get_flow(ref)
        try:
            request = next(flow)
            while True:
                request = flow.send(self._fetch_json(ref.provider, request, deadline, hints))
        except StopIteration as done:
            return self._resolved(masked_failure(done.value))

    def _polls(self, ref: RefLike, timeout: float | None, poll_interval: float) -> Iterator[tuple[Creation, bool]]:
        from ._schedule import ReplyHints  # loaded by the Poller just made

        parsed = CreationRef.parse(ref)
        poller = Poller(parsed, timeout, poll_interval, self._typical_durations.get(parsed.provider))
        while True:
            hints = ReplyHints()
            try:
                creation = self._get(poller.ref, poller.poll_deadline(), hints)
            except APIError as exc:
                time.sleep(poller.delay_after_error(exc))
                poller.check()
                continue
            yield creation, poller.record(creation, hints)
            if creation.state.is_terminal:
                return
            time.sleep(poller.delay())
            poller.check()

    def watch(
        self,
        ref: RefLike,
        *,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
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
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
    ) -> Creation:
        """Poll until the creation finishes; return it once it succeeded with outputs.

        Calls ``on_progress(creation)`` after every poll. Raises
        :class:`CreationFailed` (``.creation``) if it failed or delivered nothing,
        and :class:`WaitTimeout` (``.creation``: the last snapshot) on timeout.

        ``timeout``: seconds, ``None`` (or ``math.inf``) for no deadline; ``0`` polls once, that poll
        bounded by the client's own timeout as :meth:`get` is. ``poll_interval``: seconds, more than 0
        and at most a day (under 0.01 s counts as 0.01 s). Other values: :class:`InvalidOption`.
        """
        last = None
        for last, _changed in self._polls(ref, timeout, poll_interval):
            if on_progress is not None:
                on_progress(last)
        assert last is not None
        return check_finished(last)

    @takes_arguments_of(create_signature)
    def create(self, call: inspect.BoundArguments) -> CreationRef:
        """Start a generation and return its ref (it costs credits: nothing is retried blindly).

        ``image`` is one image or several: URLs, file paths or bytes. ``model``
        picks the provider's model (its documented default when omitted). Each
        common argument maps onto the provider's own field; one the provider
        cannot take raises :class:`InvalidOption` naming it, never dropped.
        Everything else is passed through to the provider's request model and
        checked against it first: a bad option raises :class:`InvalidOption`
        naming it, before any request. Vidu: ``mode`` picks the endpoint
        (``text2video``, ``img2video``, ``reference2video``, ``start-end2video``,
        ``extend``, ``multiframe``; by default from the number of images) and
        ``model`` defaults to ``viduq1``. Haiper: text-to-video, or image-to-video
        with one image, no ``model``; generations are sent with ``is_public:
        false`` unless you say otherwise.

        Comfy submits carry an ``Idempotency-Key`` reused on every retry, so they
        are retried like lookups. Haiper honours no key: its submits are retried
        only when the request provably never left (connection refused).
        Raises :class:`CreationFailed` if the provider refuses the task at once.

        ``video`` is a URL, a path or bytes. A provider that uploads the bytes itself (Topaz) is given a
        URL's video downloaded first, with :meth:`download`'s checks and limits (default 4 GiB; a failure is
        a :class:`DownloadError` and nothing is submitted), into a temporary folder removed afterwards.
        """
        url = _video_url_to_fetch(call)
        if url is None:
            return self._create(call)
        with tempfile.TemporaryDirectory(prefix="genvideo-input-") as folder:
            call.arguments["video"] = self.download(VideoOutput(url), Path(folder) / "input")
            return self._create(call)

    def _create(self, call: inspect.BoundArguments) -> CreationRef:
        name, flow, step = self._create_request(call)
        result = self._run_submit(name, flow, step, Deadline())
        assert isinstance(result, CreationRef)  # a flow returns a Creation only for a synchronous provider
        return result

    def _run_submit(
        self, provider: Provider, flow: SubmitFlow, step: SubmitStep, deadline: Deadline
    ) -> CreationRef | Creation:
        try:
            while True:
                with masked(step):
                    reply = self._fetch_json(provider, step, deadline)
                step = flow.send(reply)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]

    def generate(
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
        """``create``, then ``wait`` (with ``on_progress``), then optionally ``download`` to a path.

        Returns the finished creation; the arguments are those of :meth:`create`
        and :meth:`wait`.

        A synchronous provider (LTX: its reply is the video itself) is not polled: its one request,
        bounded by ``timeout``, returns a SUCCEEDED creation whose output is a local temporary file
        (``VideoOutput.kind == "file"``), streamed to disk as it arrives; ``download`` (here or later)
        moves it into place. ``on_progress`` is called once, with that creation.
        """
        seconds = wait_timeout(timeout)  # refused before anything is billed
        poll_interval_seconds(poll_interval)
        call = self._synchronous_call(provider, prompt, image, options)
        if call is not None:
            name, flow, step = self._create_request(call, synchronous=True)
            made = self._run_submit(name, flow, step, _wait_deadline(seconds))
            assert isinstance(made, Creation)
            with discard_file(made):  # the temporary file goes if anything below fails
                if on_progress is not None:
                    on_progress(made)
                if download is not None:
                    self.download(made, download)
            return made
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
        max_bytes: int | None = C.DEFAULT_MAX_DOWNLOAD_BYTES,
        timeout: float | None = None,
        allow_link_local: bool = False,
    ) -> Path:
        """Stream an output to ``dest`` (a file path, or a folder) and return the file's path.

        Into a folder, the file is named ``<provider>-<id>-<index>.mp4``. The bytes go to a
        temporary file beside ``dest`` that is renamed into place only once proved complete
        (exact Content-Length, the terminating chunk, or a ``Range`` probe; never a body cut
        short, never 0 bytes); on failure nothing is left at ``dest``. A cut connection
        resumes with ``Range`` and ``If-Range`` (the ETag or Last-Modified of the first
        answer): a video that changed meanwhile is downloaded again from the start, never
        spliced. An expired link (403/410) is refreshed once by fetching the creation again.
        Provider credentials go only to a URL under the base URL of the output's provider's spec (a
        video the provider's API serves itself, such as Sora's ``/content`` on Comfy's proxy), checked
        for every attempt and every redirect hop; never to any other URL (a CDN, another host).

        - ``on_progress(bytes_done, bytes_total_or_None)`` is called per chunk.
        - ``max_bytes``: a larger video raises :class:`DownloadError` (default 4 GiB; None: no limit).
        - ``timeout``: seconds for the whole download, retries included (default: none). Each
          attempt also gives up when fewer than 32 KiB arrive in 30 s (a stall), and retries.
        - ``allow_link_local``: also fetch link-local and cloud-metadata addresses
          (169.254.0.0/16, fe80::/10, ``metadata.google.internal``...), refused by default.

        A local file output (``kind == "file"``: a synchronous provider's video, already whole on
        disk) is moved into place: renamed when on the same file system, else copied to a temporary
        file beside ``dest``, synced and renamed; it is gone from its temporary folder afterwards.
        A ``base64`` output (``output.kind``; Google Veo) is decoded from the reply into the same
        temporary file, 4 MiB of text at a time (never the whole video in memory), length-checked and
        renamed into place the same way; text that is not strict base64 raises :class:`DownloadError`.
        """
        if output_of(target).kind == "file":
            return place_file(output_of(target), dest)
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
                while job.decode_base64():
                    job.report()
                job.report()
                return job.finish()
            while True:
                url = job.url
                redactor.add_url(url)
                try:
                    match self._download_attempt(job, url):
                        case Step.DONE:
                            return job.finish()
                        case Step.REFRESH:
                            with job.refreshing():
                                job.refreshed(self._get(job.ref, job.deadline))
                        case Wait(seconds=seconds):
                            time.sleep(seconds)
                        # Step.SEND: at once
                finally:
                    redactor.discard_url(url)

    def _download_attempt(self, job: DownloadJob, url: str) -> Next:
        """One request of a download, its body stored: the job's next step."""
        try:
            headers, timeout = {**job.headers(), **self._download_auth(job.output, url)}, job.timeout(self._timeout)
            with self._http.stream("GET", url, headers=headers, timeout=timeout) as response:
                step = job.start(response)
                if step is Step.BODY:
                    step = _store_body(job, response, timeout.read)
            return job.complete() if step is Step.BODY else step
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return job.failed(exc)


def _store_body(job: DownloadJob, response: httpx.Response, read_timeout: float | None) -> Next:
    """Store a download's body: Step.BODY once it ended (then ``job.complete()``), else the job's step.

    A body of known length and no encoding over genvideo's HTTP/1.1 backend is read straight off the
    socket into one reused buffer (``recv_into``; each piece written from a memoryview), skipping
    httpcore's 64 KiB reads and h11's copies: about twice the throughput. What h11 already holds
    (read with the response head) comes first, through httpx. Each read is bounded by the attempt's
    read timeout like httpcore's, and each piece goes through ``job.write`` (deadline, stall, length
    and ``max_bytes`` checks) exactly as a chunk from httpx does.
    """
    from ._backends import body_stream  # loaded with the client's transport

    left = job.body_left()
    stream = body_stream(response) if left else None
    reads = stream.reads if stream is not None else 0
    chunks = response.iter_raw()  # kept until the end: a dropped httpx iterator closes the connection
    for chunk in chunks:
        step = job.write(chunk)
        if step is not Step.BODY:
            return step
        job.report()
        if stream is not None and stream.reads != reads:
            # This chunk came with a read of the socket: h11 buffers no more of the body. (h11 0.16
            # hands over its whole buffer in one event; the count guards any version that would not.)
            break
    else:
        return Step.BODY  # the whole body came through httpx
    assert stream is not None
    left = job.body_left() or 0
    buffer = memoryview(bytearray(min(left, READ_BUFFER)))
    while left > 0:
        n = stream.read_into(buffer[: min(left, len(buffer))], job.read_timeout(read_timeout))
        if not n:
            raise httpx.RemoteProtocolError(
                f"peer closed connection without sending complete message body: {left} bytes missing",
                request=response.request,
            )
        step = job.write(buffer[:n])
        if step is not Step.BODY:
            return step
        job.report()
        left -= n
    return Step.BODY  # dropping ``chunks`` now closes the connection: h11 never saw the body end
