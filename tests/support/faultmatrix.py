"""The fault matrix's rows: every way a provider or its CDN misbehaves, for get, wait and download.

`ROWS` is the data: row id, the fault(s), and the outcome each operation must have: the typed error
the README promises (or success after a retry), how many requests the server saw, and a bound on the
time taken. A row applies to every provider alike: the providers are the registry's, and what the
matrix needs to know about each (`Subject`: its credentials, success word, ref scope, poll path) comes
from the registry and the provider's sandbox fake, never from a literal, so a provider added to
`providers.toml` with its fake is covered with no edit here.

A synchronous provider (the registry's `synchronous`: its submit's reply is the video, there is nothing to
get, wait for or download from a URL) runs `GENERATE_ROWS` instead, with the operation `generate`
(`generate(download=...)`): the fault hits its submit, whose reply body is the download. `rows_for()` picks.

`plan()` lists the cases (row x operation x provider, each with every client and credential, paired),
`run_matrix()` runs them concurrently against one sandbox whose keys are marker strings, with every log
record captured at DEBUG, and `run_case()` runs one. `tests/reliability/conftest.py` runs the matrix once per session;
`tests/reliability/test_fault_matrix.py` checks each (provider, row)'s outcomes and
`tests/reliability/test_secret_hygiene.py` searches the same run for leaked keys. The README's
"## Fault matrix" section is generated from `ROWS`:

    python -m tests.support.faultmatrix            # print the section
    python -m tests.support.faultmatrix --write    # rewrite it in README.md (`./dev -s readme` does)
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import gc
import json
import logging
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

import genvideo
from genvideo import CreationRef
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from genvideo.testing._recording import RecordedRequest
from tests.support.faultservers import closed_port_url

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
SECTION = "## Fault matrix"

# The matrix's client settings: short, so that the whole matrix runs in seconds.
TIMEOUT = 0.3
HEAVY_TIMEOUT = 2.0  # the request timeout of a heavy row's clients (`Row.heavy`)
MAX_RETRIES = 1
WAIT_TIMEOUT = 0.6
POLL = 0.05

# Unique markers used as the credentials, so that any leak of them can be searched for.
MARK_COMFY_KEY = "MARKcomfyKEY-7f3a91c2"
MARK_COMFY_TOKEN = "MARKcomfyTOKEN-0b8e44d1"
MARK_HAIPER_KEY = "MARKhaiperKEY-5c2d7e90"
MARKS: dict[str, str] = {
    "comfy_api_key": MARK_COMFY_KEY,
    "comfy_auth_token": MARK_COMFY_TOKEN,
    "haiper_api_key": MARK_HAIPER_KEY,
}
"""The marker of every credential the registry lists, by `Client` argument (a test checks it names them all)."""
MARKERS = tuple(MARKS.values())

Op = Literal["get", "wait", "download", "generate"]
Mode = Literal["sync", "async", "aiohttp"]
"""The client of a case: `Client`, `AsyncClient`, or `AsyncClient(http_backend="aiohttp")`."""
OPS: tuple[Op, ...] = ("get", "wait", "download", "generate")
MODES: tuple[Mode, ...] = ("sync", "async")
"""The clients every case of every provider runs with (`pairings`); `AIOHTTP_PROVIDERS` add the third."""
Credential = str
"""A credential's `Client` argument, as the registry names it (`comfy_api_key`, ...)."""


@dataclass(frozen=True)
class Ctx:
    """What a fault factory may need: the creation's own API URL, its (signed) video URL and that video's
    bytes (empty for get and wait)."""

    api_url: str
    video_url: str
    video: bytes = b""


@dataclass(frozen=True)
class Outcome:
    """The expected result of one operation under a row's fault.

    `requests` counts what the server saw: API requests for get and wait, CDN requests for download
    (an int, or an inclusive (low, high) range with high None for unbounded; None when there is no
    server to count, as for a refused connection). `within` bounds the elapsed seconds.
    """

    error: type[BaseException] | None
    requests: int | tuple[int, int | None] | None
    within: float
    at_least: float = 0.0
    cause: type[BaseException] | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Row:
    id: str
    fault: str
    """Markdown description for the README."""
    make: Callable[[Ctx], list[Fault]] | None
    """The faults, applied in order (None: nothing listens, the connection is refused)."""
    get: Outcome | None
    """None only in GENERATE_ROWS (a synchronous provider has nothing to look up)."""
    wait: Outcome | None
    download: Outcome | None
    """None: not applicable (the fault is about JSON bodies; the CDN serves bytes)."""
    heavy: bool = False
    """CPU-bound (16 MiB cross the loopback or are inflated): `run_matrix` runs its cases after the others,
    two at a time, so that their time bounds measure genvideo rather than a saturated machine; their clients
    get `HEAVY_TIMEOUT` (a busy machine reads 16 MiB in more than `TIMEOUT`, and then retries)."""
    generate: Outcome | None = None
    """A synchronous provider's `generate(download=...)`, the fault on its submit (GENERATE_ROWS only)."""

    def outcome(self, op: Op) -> Outcome | None:
        return {"get": self.get, "wait": self.wait, "download": self.download, "generate": self.generate}[op]


# -- time bounds (generous, for slow CI machines; each is far below "hang" or "sleep an hour") ----------

AT_ONCE = 0.5  # no retry, no sleep
ONE_RETRY = 1.4  # two attempts and one backoff sleep (0.375-0.5 s)
HANG_RETRY = 2.0  # two timed-out attempts (0.3 s each) and one backoff sleep
WAIT_BOUND = WAIT_TIMEOUT + 0.7  # the wait deadline plus one capped request and scheduling slack

LONG = {"Retry-After": "3600"}
NOW = {"Retry-After": "0"}
PAST_DATE = {"Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT"}
FAR_DATE = {"Retry-After": "Fri, 31 Dec 2100 23:59:59 GMT"}
ABSURD = {"Retry-After": "99999999999999999999"}
MANY = 50  # "persistent": more uses than any operation here makes
GZIP = {"Content-Encoding": "gzip"}


def _ok(requests: int, within: float = AT_ONCE, at_least: float = 0.0, note: str = "") -> Outcome:
    return Outcome(None, requests, within, at_least=at_least, note=note)


def _err(
    error: type[BaseException],
    requests: int | tuple[int, int | None] | None,
    within: float = AT_ONCE,
    *,
    cause: type[BaseException] | None = None,
    note: str = "",
    **attrs: Any,
) -> Outcome:
    return Outcome(error, requests, within, cause=cause, attrs=attrs, note=note)


def _timeout_after(cause: type[BaseException], at_least: int = 2) -> Outcome:
    """wait: rides out the retryable error until its deadline, then WaitTimeout (cause: the last error)."""
    return _err(genvideo.WaitTimeout, (at_least, None), WAIT_BOUND, cause=cause)


def _big_retry_after(value: float | None = None) -> dict[str, Any]:
    return {"retry_after": value if value is not None else (lambda v: v is not None and v > 60)}


VIDEO = 64 * 1024  # the size of the matrix sandbox's videos (Sandbox's default)
HALF = VIDEO // 2  # where Fault.cut_download(0.5) cuts them


def _video_part(c: Ctx, start: int, stop: int) -> bytes:
    """Bytes start..stop of the sandbox video behind `c.video_url` (filler for get and wait, which have none)."""
    return c.video[start:stop] if c.video else b"\0" * (stop - start)


ROWS: tuple[Row, ...] = (
    Row(
        "refused",
        "connection refused (nothing listens)",
        None,
        get=_err(genvideo.APIConnectionError, None, ONE_RETRY),
        wait=_err(genvideo.WaitTimeout, None, WAIT_BOUND, cause=genvideo.APIConnectionError),
        download=_err(genvideo.DownloadError, None, ONE_RETRY),
    ),
    Row(
        "reset",
        "TCP reset before any answer, every time",
        lambda c: [Fault.reset(times=MANY)],
        get=_err(genvideo.APIConnectionError, 2, ONE_RETRY),
        wait=_timeout_after(genvideo.APIConnectionError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "reset-mid-body",
        "headers and half the body, then a TCP reset, every time",
        lambda c: [Fault.reset(mid_response=True, times=MANY)],
        get=_err(genvideo.APIConnectionError, 2, ONE_RETRY),
        wait=_timeout_after(genvideo.APIConnectionError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "hang",
        "accepts the request and never answers",
        lambda c: [Fault.hang(times=MANY)],
        get=_err(genvideo.APITimeoutError, 2, HANG_RETRY),
        # one timed-out poll: no second one is started when it could not finish before the deadline
        wait=_timeout_after(genvideo.APITimeoutError, at_least=1),
        download=_err(genvideo.DownloadError, 2, HANG_RETRY),
    ),
    Row(
        "truncated-once",
        "full Content-Length, half the body, close; once",
        lambda c: [Fault.truncate()],
        get=_ok(2, ONE_RETRY),
        wait=_ok(2, WAIT_BOUND),
        download=_ok(2, ONE_RETRY, note="resumed with `Range`"),
    ),
    Row(
        "408-once",
        "408, `Retry-After: 0`; once",
        lambda c: [Fault.status(408, headers=NOW)],
        get=_ok(2),
        wait=_ok(2),
        download=_ok(2),
    ),
    Row(
        "429",
        "429 without `Retry-After`, every time",
        lambda c: [Fault.status(429, times=MANY)],
        get=_err(genvideo.RateLimitError, 2, ONE_RETRY, retry_after=None),
        wait=_timeout_after(genvideo.RateLimitError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "429-ra0-once",
        "429, `Retry-After: 0`; once",
        lambda c: [Fault.status(429, headers=NOW)],
        get=_ok(2),
        wait=_ok(2),
        download=_ok(2),
    ),
    Row(
        "429-ra1-once",
        "429, `Retry-After: 1`; once",
        lambda c: [Fault.status(429, headers={"Retry-After": "1"})],
        get=_ok(2, 2.0, at_least=1.0),
        wait=_err(genvideo.RateLimitError, 1, AT_ONCE, retry_after=1.0, note="`Retry-After` beyond the deadline"),
        download=_ok(2, 2.0, at_least=1.0),
    ),
    Row(
        "429-date-past-once",
        "429, `Retry-After:` an HTTP-date in the past; once",
        lambda c: [Fault.status(429, headers=PAST_DATE)],
        get=_ok(2),
        wait=_ok(2),
        download=_ok(2),
    ),
    Row(
        "429-ra3600",
        "429, `Retry-After: 3600`, every time",
        lambda c: [Fault.status(429, headers=LONG, times=MANY)],
        get=_err(genvideo.RateLimitError, 1, **_big_retry_after(3600.0)),
        wait=_err(genvideo.RateLimitError, 1, **_big_retry_after(3600.0)),
        download=_err(genvideo.DownloadError, 1),
    ),
    Row(
        "429-date-2100",
        "429, `Retry-After:` an HTTP-date in 2100, every time",
        lambda c: [Fault.status(429, headers=FAR_DATE, times=MANY)],
        get=_err(genvideo.RateLimitError, 1, **_big_retry_after()),
        wait=_err(genvideo.RateLimitError, 1, **_big_retry_after()),
        download=_err(genvideo.DownloadError, 1),
    ),
    Row(
        "429-absurd",
        "429, `Retry-After: 99999999999999999999`, every time",
        lambda c: [Fault.status(429, headers=ABSURD, times=MANY)],
        get=_err(genvideo.RateLimitError, 1, **_big_retry_after()),
        wait=_err(genvideo.RateLimitError, 1, **_big_retry_after()),
        download=_err(genvideo.DownloadError, 1),
    ),
    Row(
        "500-html",
        "500 with an HTML error page, every time",
        lambda c: [Fault.status(500, times=MANY)],
        get=_err(genvideo.ServerError, 2, ONE_RETRY, status_code=500, body=lambda b: "<" not in b),
        wait=_timeout_after(genvideo.ServerError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "502-once",
        "502, `Retry-After: 0`; once",
        lambda c: [Fault.status(502, headers=NOW)],
        get=_ok(2),
        wait=_ok(2),
        download=_ok(2),
    ),
    Row(
        "503-once",
        "503 without `Retry-After`; once",
        lambda c: [Fault.status(503, body=b"")],
        get=_ok(2, ONE_RETRY, at_least=0.3),
        wait=_ok(2, WAIT_BOUND),
        download=_ok(2, ONE_RETRY, at_least=0.3),
    ),
    Row(
        "520",
        "520 (non-standard), every time",
        lambda c: [Fault.status(520, times=MANY)],
        get=_err(genvideo.ServerError, 2, ONE_RETRY, status_code=520),
        wait=_timeout_after(genvideo.ServerError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "slow-drip",
        "the whole answer, status line first, one byte every 0.05 s (no read ever waits long), every time",
        lambda c: [Fault.drip(0.05, times=MANY)],
        get=_err(genvideo.APITimeoutError, 2, HANG_RETRY, note="each request cut at its timeout, as a whole"),
        wait=_timeout_after(genvideo.APITimeoutError, at_least=1),
        download=_err(genvideo.DownloadError, 2, HANG_RETRY, note="the headers cut at the timeout"),
    ),
    Row(
        "1xx-flood",
        "`103 Early Hints` every 0.01 s, never a final answer, every time",
        lambda c: [Fault.informational(103, interval=0.01, times=MANY)],
        get=_err(genvideo.APITimeoutError, 2, HANG_RETRY),
        wait=_timeout_after(genvideo.APITimeoutError, at_least=1),
        download=_err(genvideo.DownloadError, 2, HANG_RETRY),
    ),
    Row(
        "endless-body",
        "200, a chunked JSON body that never ends, sent as fast as it is read, every time",
        lambda c: [Fault.endless(times=MANY)],
        # 16 MiB cross the loopback before the cap trips: allow for a loaded 2-core machine.
        get=_err(genvideo.ResponseValidationError, 1, 3.0, note="not read past 16 MiB"),
        wait=_err(genvideo.ResponseValidationError, 1, 3.0),
        download=None,
        heavy=True,
    ),
    Row(
        "gzip-bomb",
        "200, `Content-Encoding: gzip`: 64 KB that inflate to 64 MiB of valid JSON, every time",
        lambda c: [Fault.gzip_bomb(64 * 1024 * 1024, times=MANY)],
        get=_err(genvideo.ResponseValidationError, 1, note="not inflated past 16 MiB"),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=_err(genvideo.DownloadError, 1),
        heavy=True,
    ),
    Row(
        "200-html",
        "200 with an HTML page",
        lambda c: [Fault.body(b"<html><body>Down for maintenance</body></html>", content_type="text/html")],
        get=_err(genvideo.ResponseValidationError, 1),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=None,
    ),
    Row(
        "200-empty",
        "200 with an empty body",
        lambda c: [Fault.body(b"")],
        get=_err(genvideo.ResponseValidationError, 1),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=None,
    ),
    Row(
        "200-truncated-json",
        '200 with `{"state": "succ` (truncated JSON)',
        lambda c: [Fault.body(b'{"state": "succ')],
        get=_err(genvideo.ResponseValidationError, 1),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=None,
    ),
    Row(
        "200-json-array",
        '200 with top-level JSON of the wrong type (`["a"]`)',
        lambda c: [Fault.body(b'["a"]')],
        get=_err(genvideo.ResponseValidationError, 1),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=None,
    ),
    Row(
        "200-gzip-garbage",
        "200, `Content-Encoding: gzip`, garbage body, every time",
        lambda c: [Fault.body(b"not gzip at all", headers=GZIP, times=MANY)],
        get=_err(genvideo.ResponseValidationError, 1),
        wait=_err(genvideo.ResponseValidationError, 1),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "503-gzip-garbage",
        "503, `Content-Encoding: gzip`, garbage body, every time",
        lambda c: [Fault.body(b"not gzip at all", status=503, headers=GZIP, times=MANY)],
        get=_err(genvideo.ServerError, 2, ONE_RETRY, status_code=503),
        wait=_timeout_after(genvideo.ServerError),
        download=_err(genvideo.DownloadError, 2, ONE_RETRY),
    ),
    Row(
        "changed-on-resume",
        "full Content-Length, half the body, close; then the resume answered `206` by another version "
        "(another `ETag`); once each",
        lambda c: [
            Fault.cut_download(0.5),
            Fault.body(
                b"\xff" * (VIDEO - HALF),
                status=206,
                content_type="video/mp4",
                headers={"ETag": '"another-version"', "Content-Range": f"bytes {HALF}-{VIDEO - 1}/{VIDEO}"},
            ),
        ],
        get=_err(genvideo.ResponseValidationError, 2, ONE_RETRY),
        wait=_err(genvideo.ResponseValidationError, 2, WAIT_BOUND),
        download=_ok(3, ONE_RETRY, note="started again from byte 0, never spliced"),
    ),
    Row(
        "206-star",
        "full Content-Length, half the body, close; then the resume answered `206 bytes N-M/*` "
        "(total unknown) with only the next 4 KiB; once each",
        lambda c: [
            Fault.cut_download(0.5),
            Fault.body(
                _video_part(c, HALF, HALF + 4096),
                status=206,
                content_type="video/mp4",
                headers={"Content-Range": f"bytes {HALF}-{HALF + 4095}/*"},
            ),
        ],
        get=_err(genvideo.ResponseValidationError, 2, ONE_RETRY),
        wait=_err(genvideo.ResponseValidationError, 2, WAIT_BOUND),
        download=_ok(3, ONE_RETRY, note="the total known from the first answer is kept: the rest is asked for"),
    ),
    Row(
        "302",
        "302 redirect (to the same URL)",
        lambda c: [Fault.redirect(c.video_url or c.api_url)],
        get=_err(genvideo.APIStatusError, 1, status_code=302, note="not followed"),
        wait=_err(genvideo.APIStatusError, 1, status_code=302),
        download=_ok(2, note="followed, no credentials"),
    ),
    Row(
        "403",
        "403, every time",
        lambda c: [Fault.status(403, times=MANY)],
        get=_err(genvideo.AuthenticationError, 1, status_code=403),
        wait=_err(genvideo.AuthenticationError, 1, status_code=403),
        download=_err(genvideo.DownloadError, 2, status_code=403, note="after one link refresh"),
    ),
    Row(
        "404",
        "404",
        lambda c: [Fault.status(404, body=b'{"error": "not_found", "message": "Task not found"}')],
        get=_err(genvideo.NotFoundError, 1, status_code=404),
        wait=_err(genvideo.NotFoundError, 1, status_code=404),
        download=_err(genvideo.DownloadError, 1, status_code=404),
    ),
)


def _gen(
    row_id: str,
    fault: str,
    make: Callable[[Ctx], list[Fault]] | None,
    outcome: Outcome,
) -> Row:
    return Row(row_id, fault, make, get=None, wait=None, download=None, generate=outcome)


VIDEO_TYPE = "video/mp4"

GENERATE_ROWS: tuple[Row, ...] = (
    # The submit bills: it is retried only when it provably never left (a refused connection), never after
    # an answer or a cut one. Every fault here is one request; `generate(download=...)` leaves nothing behind.
    _gen(
        "refused",
        "connection refused (nothing listens)",
        None,
        _err(genvideo.APIConnectionError, None, ONE_RETRY, note="retried: it never left"),
    ),
    _gen(
        "reset",
        "TCP reset before any answer",
        lambda c: [Fault.reset()],
        _err(genvideo.APIConnectionError, 1, note="not retried: it may have been billed"),
    ),
    _gen(
        "reset-mid-body",
        "headers and half the video, then a TCP reset",
        lambda c: [Fault.reset(mid_response=True)],
        _err(genvideo.APIConnectionError, 1),
    ),
    _gen(
        "truncated",
        "full Content-Length, half the video, close",
        lambda c: [Fault.truncate()],
        _err(genvideo.APIConnectionError, 1),
    ),
    _gen(
        "hang",
        "accepts the request and never answers",
        lambda c: [Fault.hang()],
        _err(genvideo.APITimeoutError, 1, WAIT_BOUND, note="bounded by generate's timeout"),
    ),
    _gen(
        "slow-drip",
        "the whole answer, one byte every 0.05 s",
        lambda c: [Fault.drip(0.05)],
        _err(genvideo.APITimeoutError, 1, WAIT_BOUND),
    ),
    _gen(
        "gzip-bomb",
        "200, `Content-Encoding: gzip`: a video that inflates to 64 MiB",
        lambda c: [Fault.gzip_bomb(64 * 1024 * 1024)],
        _err(genvideo.ResponseValidationError, 1, 2.0, note="not inflated past 20x the wire size"),
    ),
    _gen(
        "200-json",
        "200 with a JSON body (no video)",
        lambda c: [Fault.body(b'{"status": "done"}')],
        _err(genvideo.ResponseValidationError, 1),
    ),
    _gen(
        "200-html",
        "200 with an HTML page",
        lambda c: [Fault.body(b"<html><body>Down for maintenance</body></html>", content_type="text/html")],
        _err(genvideo.ResponseValidationError, 1),
    ),
    _gen(
        "200-empty-video",
        "200, `video/mp4`, an empty body",
        lambda c: [Fault.body(b"", content_type=VIDEO_TYPE)],
        _err(genvideo.ResponseValidationError, 1),
    ),
    _gen(
        "200-gzip-garbage",
        "200, `video/mp4`, `Content-Encoding: gzip`, garbage body",
        lambda c: [Fault.body(b"not gzip at all", content_type=VIDEO_TYPE, headers=GZIP)],
        _err(genvideo.ResponseValidationError, 1),
    ),
    _gen(
        "429",
        "429, `Retry-After: 0`",
        lambda c: [Fault.status(429, headers=NOW)],
        _err(genvideo.RateLimitError, 1, note="not retried"),
    ),
    _gen(
        "500-html",
        "500 with an HTML error page",
        lambda c: [Fault.status(500)],
        _err(genvideo.ServerError, 1, status_code=500, body=lambda b: "<" not in b),
    ),
    _gen(
        "403",
        "403",
        lambda c: [Fault.status(403)],
        _err(genvideo.AuthenticationError, 1, status_code=403),
    ),
)


# -- the providers ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """One registered provider as the matrix runs it: facts from the registry and its sandbox fake."""

    provider: str
    spec: str
    credentials: tuple[Credential, ...]
    """Its spec's credential arguments, the preferred (first sent) one first."""
    success: str
    """The fake's success word: a creation scripted with it alone has finished, with a video."""
    scope: tuple[str, ...]
    """The scope of the creations the matrix scripts (`sample_scope`; empty for most providers)."""
    synchronous: bool = False
    """Its submit's reply is the video (the registry's `synchronous`): it runs GENERATE_ROWS."""
    url_outputs: bool = True
    """Whether its outputs are links (`VideoOutput.kind == "url"`); an inline (base64) output has no URL to
    fault, so the download rows do not apply to it (`url_outputs`)."""

    @property
    def credential(self) -> Credential:
        """The preferred credential: what a client holding every key sends to this provider."""
        return self.credentials[0]

    def id(self, name: str) -> str:
        """The provider's id for the test creation `name` (its fake's `sample_id`: PixVerse's are integers)."""
        return fakes()[self.provider].sample_id(name)

    def ref(self, creation_id: str) -> CreationRef:
        return CreationRef(self.provider, self.id(creation_id), self.scope)

    def add_creation(self, sb: Sandbox, creation_id: str, **script: Any) -> CreationRef:
        """Script `creation_id` in `sb` (`Sandbox.add_creation`'s arguments) and return its ref."""
        if self.scope:  # a scoped provider's creation is scripted under its scope
            script["scope"] = self.scope
        sb.add_creation(self.provider, self.id(creation_id), **script)
        return self.ref(creation_id)

    def poll_path(self, sb: Sandbox, creation_id: str) -> str:
        """The raw path (under `sb.base_url`) of the first request a `get` of the creation makes: its
        status poll, which the creation's `faults` hit. The provider's adapter builds it; the sandbox
        serves each spec under its own prefix (`Sandbox.base_url_for`). For an unscoped provider this is
        `Sandbox.fault_path(provider, creation_id)` (a test checks), which knows no scope."""
        flow = registry().providers[self.provider].adapter().get_flow(self.ref(creation_id))
        request = next(flow)
        flow.close()
        return urlsplit(sb.base_url_for(self.spec)).path + request.path

    def poll_body(self, creation_id: str) -> dict[str, Any] | None:
        """The JSON body of the creation's status poll, where the provider sends the id there (a look-up
        made as a POST: every job shares the path), else None."""
        flow = registry().providers[self.provider].adapter().get_flow(self.ref(creation_id))
        request = next(flow)
        flow.close()
        return request.json

    def poll_requests(self, sb: Sandbox, creation_id: str) -> list[RecordedRequest]:
        """The requests `sb` saw for the creation's status poll: its `poll_path`, query included where the
        provider puts the id there (MiniMax's `?task_id=`: every task shares the path), body too where it
        puts it there."""
        path, body = self.poll_path(sb, creation_id), self.poll_body(creation_id)
        return [r for r in sb.requests if at(r, path, body)]

    def lookups(self, sb: Sandbox, creation_id: str) -> tuple[list[Lookup], genvideo.Creation | None]:
        """The requests a `get` of the creation makes, in order, each with the sandbox's answer, and the
        Creation they make (None if an answer was not 2xx: the lookups stop there). The provider's adapter
        says what to ask (its poll, then any further look-up, e.g. Haiper's detail), its fake answers:
        each call is one more poll of the creation. For tests that serve a provider's own replies."""
        entry = registry().providers[self.provider]
        source = entry.spec.credentials[0]
        auth = source.header_for(MARKS[source.argument])  # a marker sandbox's key
        prefix = urlsplit(sb.base_url_for(self.spec)).path
        found: list[Lookup] = []
        flow = entry.adapter().get_flow(self.ref(creation_id))
        with httpx.Client(timeout=10.0) as http:
            request = next(flow)
            while True:
                path = prefix + request.path
                headers = {**auth, **request.headers}
                reply = http.request(request.method, sb.base_url + path, json=request.json, headers=headers)
                if not reply.is_success:
                    found.append(Lookup(request.method, path, reply.status_code, None))
                    flow.close()
                    return found, None
                body = reply.json()
                found.append(Lookup(request.method, path, reply.status_code, body))
                try:
                    request = flow.send(body)
                except StopIteration as done:
                    return found, done.value


@functools.cache
def _parsed(body: bytes) -> Any:
    """A request body's JSON, parsed once however many cases count it (every POST poll of a provider may
    share one path, so each case reads them all: parsed anew each time, that was quadratic CPU, holding
    the GIL while timed cases ran)."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        return None


def at(request: RecordedRequest, target: str, body: dict[str, Any] | None = None) -> bool:
    """Whether `request` went to `target` (a raw path, with a query or none: then any query), carrying
    the JSON `body` if one is given (a look-up whose id is in its body)."""
    path, _, query = target.partition("?")
    if request.path != path or (query and request.query != query):
        return False
    if body is None:
        return True
    return bool(_parsed(request.body) == body)


@dataclass(frozen=True)
class Lookup:
    """One request of a `get` and the sandbox's answer (its decoded JSON; None for an answer that is not 2xx)."""

    method: str
    path: str
    """The raw target under the sandbox's base URL: the path, and the query where the adapter sends one."""
    status: int
    body: Any


REPLY_URL = "https://cdn.example.com/v.mp4?Expires=1&Signature=abc~def&Key-Pair-Id=K"
"""What `replies()` puts in place of every sandbox URL in a provider's replies."""


@dataclass(frozen=True)
class Replies:
    """A provider's own replies, as its sandbox fake writes them, for one creation (`ref`) in each state word
    the registry maps: what tests that serve a provider's replies themselves (a scripted server, mutated
    bodies) start from, instead of bodies written per provider."""

    provider: str
    ref: CreationRef
    paths: tuple[str, ...]
    """Every path a `get` requests (under the sandbox's `/<spec>` prefixes), in order of first use."""
    methods: dict[str, str]
    templates: dict[str, list[Any]]
    """Per path: the 2xx answers there, one per state word that reached it."""
    succeeded: dict[str, Any]
    """Per path: the answers that make a succeeded creation with outputs."""


def _with_url(value: Any, base: str) -> Any:
    """`value` with every string under `base` (a sandbox URL) replaced by REPLY_URL."""
    if isinstance(value, dict):
        return {k: _with_url(v, base) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_url(v, base) for v in value]
    return REPLY_URL if isinstance(value, str) and value.startswith(base) else value


@functools.cache
def replies(provider: str, creation_id: str = "x1") -> Replies:
    """`provider`'s Replies: a creation going through every state word, one `get` per word (`lookups`)."""
    facts, fake = subject(provider), fakes()[provider]
    words = [fake.spell(word) for word in registry().providers[provider].states]
    templates: dict[str, list[Any]] = {}
    methods: dict[str, str] = {}
    succeeded: dict[str, Any] = {}
    with marker_sandbox() as sb:
        facts.add_creation(sb, creation_id, states=words)
        for _ in words:
            lookups, creation = facts.lookups(sb, creation_id)
            answered = {x.path: _with_url(x.body, sb.base_url) for x in lookups if 200 <= x.status < 300}
            for x in lookups:
                if x.path in answered:
                    methods[x.path] = x.method
                    templates.setdefault(x.path, []).append(answered[x.path])
            if creation is not None and creation.state is genvideo.CreationState.SUCCEEDED and creation.outputs:
                succeeded = answered
    if not succeeded:
        raise AssertionError(f"{provider}: no state word gave a succeeded creation with outputs")
    return Replies(provider, facts.ref(creation_id), tuple(templates), methods, templates, succeeded)


@functools.cache
def subjects() -> tuple[Subject, ...]:
    """Every provider that has a sandbox fake (every registered one: tests/sandbox checks), in registry order."""
    return tuple(
        Subject(
            provider=name,
            spec=fake.spec.name,
            credentials=tuple(source.argument for source in fake.spec.credentials),
            success=fake.success_state,
            scope=sample_scope(name),
            synchronous=registry().providers[name].synchronous,
            url_outputs=url_outputs(name),
        )
        for name, fake in fakes().items()
    )


def url_outputs(provider: str) -> bool:
    """Whether a finished sandbox creation of `provider` has a link as its output (not inline base64)."""
    arguments = {"prompt": "a fox", **fakes()[provider].demo_arguments}
    with Sandbox() as sb, sb.client(timeout=10.0) as client:
        creation = client.generate(provider, poll_interval=0.01, timeout=10.0, **arguments)
    if creation.outputs[0].path is not None:  # a synchronous provider's reply, in its temporary folder
        shutil.rmtree(creation.outputs[0].path.parent, ignore_errors=True)
    return creation.outputs[0].kind == "url"


def sample_scope(provider: str) -> tuple[str, ...]:
    """What the refs of the creations tests script carry besides the id: nothing for a provider whose refs
    carry nothing (most); else the scope of the ref that `create()` returns from a sandbox (with the fake's
    demo arguments), e.g. `("text2video",)` for Kling, which `Sandbox.add_creation(..., scope=...)` takes."""
    if not registry().providers[provider].scope:
        return ()
    with Sandbox() as sb, sb.client(timeout=10.0) as client:
        return client.create(provider, **{"prompt": "a fox", **fakes()[provider].demo_arguments}).scope


def subject(provider: str) -> Subject:
    (found,) = (s for s in subjects() if s.provider == provider)
    return found


PROVIDERS: tuple[str, ...] = tuple(s.provider for s in subjects())
POLLED: tuple[str, ...] = tuple(s.provider for s in subjects() if not s.synchronous)
"""The providers whose creations are looked up and polled (all but the synchronous ones)."""


def _aiohttp_providers() -> tuple[str, ...]:
    first_polled: dict[str, str] = {}
    for facts in subjects():
        if not facts.synchronous:
            first_polled.setdefault(facts.spec, facts.provider)
    return (*first_polled.values(), *[s.provider for s in subjects() if s.synchronous][:1])


AIOHTTP_PROVIDERS = _aiohttp_providers()
"""The providers whose rows also run on the aiohttp backend: the first polled provider of each spec and the
first synchronous one. A row's fault is in HTTP, which the backend carries the same for every provider;
the adapters above it are the same code whichever backend carries them (they run on httpx for every row)."""


def rows_for(provider: str) -> tuple[Row, ...]:
    """The rows that apply to `provider`: GENERATE_ROWS for a synchronous one, else ROWS."""
    return GENERATE_ROWS if subject(provider).synchronous else ROWS


# -- running one case ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One operation of one row, with one client, for one provider and credential."""

    row: Row
    op: Op
    mode: Mode
    provider: str
    credential: Credential

    @property
    def name(self) -> str:
        """Unique within a run: the creation id (and the folder) of the case."""
        return f"{self.row.id}.{self.op}.{self.mode}.{self.credential}"


def plan(
    providers: Sequence[str] = PROVIDERS, rows: Sequence[Row] | None = None, *, every_credential: bool = True
) -> list[Case]:
    """Every case of `rows` (default: `rows_for` each provider) for `providers`, provider by provider (so
    that a run's concurrent cases mix rows). Each operation of a row runs with both clients. Get, wait and
    generate also run with each credential of the provider's spec (`every_credential`; else only the
    preferred one), paired with the clients rather than crossed with them (`pairings`): the credential is
    a header chosen per spec, the client a code path, and the pairs alternate row by row, so each client
    meets each credential across a provider's rows. Downloads send none (the CDN's links are signed), so
    they run with the preferred one."""
    cases: list[Case] = []
    for provider in providers:
        facts = subject(provider)
        for number, row in enumerate(rows_for(provider) if rows is None else rows):
            for op in OPS:
                if row.outcome(op) is None or (op == "download" and not facts.url_outputs):
                    continue
                every = every_credential and op != "download"
                credentials = facts.credentials if every else (facts.credential,)
                for mode, credential in pairings(credentials, number):
                    cases.append(Case(row, op, mode, provider, credential))
                if provider in AIOHTTP_PROVIDERS:
                    cases.append(Case(row, op, "aiohttp", provider, credentials[number % len(credentials)]))
    return cases


def pairings(credentials: Sequence[Credential], turn: int) -> list[tuple[Mode, Credential]]:
    """Each client with one credential and each credential with one client (the first credential fills in
    for a client left over), rotated by `turn`: with two credentials, row 0 runs sync with the first and
    async with the second, row 1 the other way round."""
    count = max(len(MODES), len(credentials))
    return [
        (MODES[(i + turn) % len(MODES)], credentials[i] if i < len(credentials) else credentials[0])
        for i in range(count)
    ]


@dataclass
class Observation:
    """What one operation did."""

    row: Row
    op: Op
    mode: Mode
    cid: str
    provider: str = ""
    credential: Credential = ""
    error: BaseException | None = None
    result: object = None
    elapsed: float = 0.0
    requests: int | None = None
    files: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    """generate: the temporary files of video replies left behind (there must be none)."""
    expected_bytes: bytes | None = None
    clients: list[object] = field(default_factory=list)
    ctx: Ctx | None = None


def marker_sandbox() -> Sandbox:
    """A sandbox whose credentials are the marker strings."""
    return Sandbox(comfy_api_key=MARK_COMFY_KEY, comfy_auth_token=MARK_COMFY_TOKEN, haiper_api_key=MARK_HAIPER_KEY)


def _client_options(facts: Subject, credential: Credential, heavy: bool = False) -> dict[str, Any]:
    """The matrix's settings, holding only `credential` among the keys of the provider's spec."""
    if credential not in facts.credentials:
        raise ValueError(f"{facts.provider} takes {facts.credentials}, not {credential!r}")
    options: dict[str, Any] = {"timeout": HEAVY_TIMEOUT if heavy else TIMEOUT, "max_retries": MAX_RETRIES}
    options.update(dict.fromkeys(facts.credentials))
    options[credential] = MARKS[credential]
    return options


def run_case(
    sb: Sandbox,
    row: Row,
    op: Op,
    mode: Mode,
    dest_dir: Path,
    *,
    provider: str,
    credential: Credential | None = None,
) -> Observation:
    """Set the row's fault up for one operation of `provider` (with `credential`, default the one its
    clients prefer), run it, and observe. Never raises what the operation raised."""
    facts = subject(provider)
    credential = credential or facts.credential
    cid = Case(row, op, mode, provider, credential).name
    obs = Observation(row, op, mode, cid, provider, credential)
    options = _client_options(facts, credential, row.heavy)
    if op == "generate":
        return _run_generate(sb, obs, facts, options, dest_dir)
    api_path = facts.poll_path(sb, cid)
    target: Any = str(facts.ref(cid))
    count_body: dict[str, Any] | None = None  # the CDN's requests carry no body
    if op == "download":
        facts.add_creation(sb, cid, states=[facts.success])
        with sb.client(**{**options, "timeout": 10.0, "max_retries": 3}) as setup:  # setup, not under test
            creation = setup.get(target)
        output = creation.outputs[0]
        obs.expected_bytes = sb.video(provider, facts.id(cid))
        ctx = Ctx(sb.base_url + api_path, output.url, obs.expected_bytes)
        count_path = urlsplit(output.url).path  # wherever the provider's video is: its CDN, or its API
        if row.make is None:
            refused = closed_port_url() + output.url.removeprefix(sb.base_url)
            target = dataclasses.replace(output, url=refused)
        else:
            sb.add_fault(count_path, *row.make(ctx))
            target = creation
    else:
        ctx = Ctx(sb.base_url + api_path, "")
        facts.add_creation(sb, cid, states=[facts.success], faults=row.make(ctx) if row.make else ())
        if row.make is None:
            options.update(dict.fromkeys(registry().base_url_arguments, closed_port_url()))
        count_path = api_path
        count_body = facts.poll_body(cid)
    obs.ctx = ctx
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "video.mp4"
    started = time.monotonic()
    try:
        if mode == "sync":
            obs.result = _run_sync(sb, options, op, target, dest, obs)
        else:
            obs.result = asyncio.run(_run_async(sb, {**options, **backend(mode)}, op, target, dest, obs))
    except Exception as exc:
        obs.error = exc
    obs.elapsed = time.monotonic() - started
    _drop_locals(obs.error)
    obs.requests = None if row.make is None else sum(at(r, count_path, count_body) for r in sb.requests)
    obs.files = sorted(p.name for p in dest_dir.iterdir())
    return obs


def _submit_path(sb: Sandbox, provider: str) -> str:
    """The raw path of the submit `generate()` sends for the matrix's arguments (the fake's demo arguments)."""
    fake = fakes()[provider]
    image = fake.demo_arguments.get("image")
    return sb.submit_path(provider, fake.submits[1 if image is not None and len(fake.submits) > 1 else 0].name)


def _run_generate(
    sb: Sandbox, obs: Observation, facts: Subject, options: dict[str, Any], dest_dir: Path
) -> Observation:
    """A synchronous provider's `generate(download=...)` with the row's fault on its submit (whose reply is
    the video). Cases of a synchronous provider run one at a time (`run_matrix`): the fault is on the submit
    path, which every case shares; requests are counted by the case's prompt (its name)."""
    row, provider = obs.row, obs.provider
    path = _submit_path(sb, provider)
    obs.expected_bytes = None
    ctx = Ctx(sb.base_url + path, "")
    if row.make is None:
        options.update(dict.fromkeys(registry().base_url_arguments, closed_port_url()))
    else:
        sb.add_fault(path, *row.make(ctx))
    obs.ctx = ctx
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "video.mp4"
    replies_dir = Path(tempfile.gettempdir())
    before = {p.name for p in replies_dir.iterdir()}
    arguments = {"prompt": obs.cid, **fakes()[provider].demo_arguments}
    started = time.monotonic()
    try:
        if obs.mode == "sync":
            with sb.client(**options) as client:
                obs.clients.append(client)
                obs.result = client.generate(provider, timeout=WAIT_TIMEOUT, download=dest, **arguments)
        else:

            async def main() -> genvideo.Creation:
                async with sb.async_client(**options, **backend(obs.mode)) as client:
                    obs.clients.append(client)
                    return await client.generate(provider, timeout=WAIT_TIMEOUT, download=dest, **arguments)

            obs.result = asyncio.run(main())
    except Exception as exc:
        obs.error = exc
    obs.elapsed = time.monotonic() - started
    _drop_locals(obs.error)
    mark = obs.cid.encode()
    obs.requests = None if row.make is None else sum(at(r, path) and mark in r.body for r in sb.requests)
    obs.files = sorted(p.name for p in dest_dir.iterdir())
    obs.leftovers = sorted(p.name for p in replies_dir.iterdir() if p.name not in before)
    return obs


def _drop_locals(error: BaseException | None) -> None:
    """Clear the local variables of the frames in `error`'s tracebacks (and its causes' and contexts'):
    a run keeps thousands of errors, and their frames would keep what the operations held (a 16 MiB
    body, a client, the case itself). Their texts, tracebacks included, stay as they were."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        traceback.clear_frames(error.__traceback__)
        if error.__cause__ is not None:
            _drop_locals(error.__cause__)
        error = error.__context__


def modes_of(provider: str) -> tuple[Mode, ...]:
    """The clients `provider`'s cases run with."""
    return (*MODES, "aiohttp") if provider in AIOHTTP_PROVIDERS else MODES


def backend(mode: Mode) -> dict[str, str]:
    """The `AsyncClient` argument that picks the HTTP backend of an asynchronous mode."""
    return {"http_backend": "aiohttp" if mode == "aiohttp" else "httpx"}


def _run_sync(sb: Sandbox, options: dict[str, Any], op: Op, target: Any, dest: Path, obs: Observation) -> object:
    with sb.client(**options) as client:
        obs.clients.append(client)
        if op == "get":
            return client.get(target)
        if op == "wait":
            return client.wait(target, timeout=WAIT_TIMEOUT, poll_interval=POLL)
        return client.download(target, dest)


async def _run_async(sb: Sandbox, options: dict[str, Any], op: Op, target: Any, dest: Path, obs: Observation) -> object:
    async with sb.async_client(**options) as client:
        obs.clients.append(client)
        if op == "get":
            return await client.get(target)
        if op == "wait":
            return await client.wait(target, timeout=WAIT_TIMEOUT, poll_interval=POLL)
        return await client.download(target, dest)


def run_concurrently(jobs: Sequence[Callable[[], Observation]], workers: int = 8) -> list[Observation]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [f.result() for f in [pool.submit(job) for job in jobs]]


# -- the whole matrix, with marker keys and every log record ------------------------------------------------

LOGGERS = ("genvideo", "httpx", "httpcore")
QUIET_LOGGERS = ("aiohttp",)
"""Also at DEBUG during a run, but silent when all goes to plan (aiohttp logs only its own troubles)."""


class Capture(logging.Handler):
    """Keeps every record's full text: the formatted line, the raw msg and args, any exception text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.texts: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.texts.append(f"{self.format(record)}\n{record.msg!r}\n{record.args!r}")

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@contextlib.contextmanager
def debug_logs() -> Iterator[Capture]:
    """Every record of every logger, with genvideo, httpx, httpcore and aiohttp at DEBUG."""
    capture = Capture()
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in (*LOGGERS, *QUIET_LOGGERS)}
    saved_root = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    for name in (*LOGGERS, *QUIET_LOGGERS):
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(saved_root)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


@dataclass
class MatrixRun:
    """A finished run: its (closed) sandbox with every request it saw, the observations, the log records."""

    sb: Sandbox
    cases: list[Case]
    observations: list[Observation]
    logs: Capture
    elapsed: float

    def of(self, provider: str, row: Row) -> list[Observation]:
        return [o for o in self.observations if o.provider == provider and o.row is row]


WORKERS = 16
"""Cases in flight at once: most of a case's time is a timeout or a backoff sleep, not work. Measured on two
shared cores (2042 cases, the garbage collector paused): 16 takes about 42 s, 24 about 28 s and 32 about 23 s,
all within every time bound; 16 leaves the most headroom for a machine loaded by other work."""
HEAVY_WORKERS = 2


def run_matrix(root: Path, cases: Sequence[Case] | None = None, workers: int = WORKERS) -> MatrixRun:
    """Run `cases` (default: `plan()`) concurrently against one marker sandbox, logging at DEBUG: first a
    warm-up (untimed, unrecorded: one get, wait and download per provider and client, so that no case pays
    for the first import of an adapter or a generated model), then the cases of light rows, `workers` at
    a time, then those of heavy rows, `HEAVY_WORKERS` at a time.

    The cyclic garbage collector is paused while cases run: its full passes over the run's growing heap
    stopped every thread for long enough to push the 0.3 s request deadlines of the last providers' cases
    over (measured: a dozen failing cases out of 2000, none with the collector paused). It collects once
    at the end; `run_case` clears the frames of the errors it keeps, so that the heap stays small.
    """
    cases = plan() if cases is None else list(cases)

    def job(case: Case) -> Callable[[], Observation]:
        dest = root / case.provider / case.name
        return lambda: run_case(
            sb, case.row, case.op, case.mode, dest, provider=case.provider, credential=case.credential
        )

    def serial(case: Case) -> bool:  # a synchronous provider's: its faults sit on the submit path all share
        return case.op == "generate"

    started = time.monotonic()
    collecting = gc.isenabled()
    saved_tempdir = tempfile.tempdir
    with marker_sandbox() as sb:
        _warm_up(sb, root / "warm-up", {case.provider for case in cases})
        with debug_logs() as logs:
            gc.disable()
            # Video replies are streamed into their own folder, so that a leftover shows.
            (root / "replies").mkdir(exist_ok=True)
            tempfile.tempdir = str(root / "replies")
            try:
                light = run_concurrently([job(c) for c in cases if not c.row.heavy and not serial(c)], workers=workers)
                heavy = run_concurrently(
                    [job(c) for c in cases if c.row.heavy and not serial(c)], workers=HEAVY_WORKERS
                )
                one_by_one = [job(c)() for c in cases if serial(c)]
            finally:
                tempfile.tempdir = saved_tempdir
                if collecting:
                    gc.enable()
    gc.collect()
    order = {id(case): i for i, case in enumerate(cases)}
    ran = (
        [c for c in cases if not c.row.heavy and not serial(c)]
        + [c for c in cases if c.row.heavy and not serial(c)]
        + [c for c in cases if serial(c)]
    )
    done = light + heavy + one_by_one
    observations = [obs for _, obs in sorted(zip(ran, done, strict=True), key=lambda p: order[id(p[0])])]
    return MatrixRun(sb, cases, observations, logs, time.monotonic() - started)


def _warm_up(sb: Sandbox, root: Path, providers: Collection[str]) -> None:
    """One successful get, wait and download per provider, with each client (nothing recorded)."""
    for provider in (p for p in PROVIDERS if p in providers):
        facts = subject(provider)
        if facts.synchronous:
            _warm_up_generate(sb, root / provider, provider)
            continue
        for mode in modes_of(provider):
            ref = facts.add_creation(sb, f"warm-up.{mode}", states=[facts.success])
            dest = root / provider / mode / "video.mp4"
            dest.parent.mkdir(parents=True, exist_ok=True)
            if mode == "sync":
                with sb.client(timeout=10.0) as client:
                    client.wait(ref, timeout=10.0, poll_interval=POLL)
                    client.download(client.get(ref), dest)
            else:

                async def main(ref: CreationRef = ref, dest: Path = dest, mode: Mode = mode) -> None:
                    async with sb.async_client(timeout=10.0, **backend(mode)) as client:
                        await client.wait(ref, timeout=10.0, poll_interval=POLL)
                        await client.download(await client.get(ref), dest)

                asyncio.run(main())


def _warm_up_generate(sb: Sandbox, root: Path, provider: str) -> None:
    """One successful generate per client, downloaded (a synchronous provider's warm-up)."""
    arguments = {"prompt": "warm-up", **fakes()[provider].demo_arguments}
    root.mkdir(parents=True, exist_ok=True)
    with sb.client(timeout=10.0) as client:
        client.generate(provider, timeout=10.0, download=root / "sync.mp4", **arguments)

    async def main(mode: Mode) -> None:
        async with sb.async_client(timeout=10.0, **backend(mode)) as client:
            await client.generate(provider, timeout=10.0, download=root / f"{mode}.mp4", **arguments)

    for mode in modes_of(provider)[1:]:
        asyncio.run(main(mode))


# -- checking --------------------------------------------------------------------------------------------


def _describe(error: BaseException | None) -> str:
    return "success" if error is None else f"{type(error).__name__}: {error}"


def problems(obs: Observation, expected: Outcome) -> list[str]:
    """Every way `obs` differs from `expected` (empty when it matches)."""
    where = f"[{obs.provider} / {obs.row.id} / {obs.op} / {obs.mode} / {obs.credential}]"
    found: list[str] = []
    if expected.error is None:
        if obs.error is not None:
            found.append(f"{where} expected success, got {_describe(obs.error)}")
    elif type(obs.error) is not expected.error:
        found.append(f"{where} expected {expected.error.__name__}, got {_describe(obs.error)}")
    else:
        if expected.cause is not None and type(obs.error.__cause__) is not expected.cause:
            found.append(f"{where} expected cause {expected.cause.__name__}, got {_describe(obs.error.__cause__)}")
        for name, wanted in expected.attrs.items():
            value = getattr(obs.error, name, "<missing>")
            ok = wanted(value) if callable(wanted) else value == wanted
            if not ok:
                found.append(f"{where} {name}={value!r} does not match {wanted!r}")
    if expected.requests is not None:
        if isinstance(expected.requests, int):
            ok = obs.requests == expected.requests
        else:
            low, high = expected.requests
            ok = obs.requests is not None and obs.requests >= low and (high is None or obs.requests <= high)
        if not ok:
            found.append(f"{where} expected {expected.requests} requests, the server saw {obs.requests}")
    if obs.elapsed > expected.within:
        found.append(f"{where} took {obs.elapsed:.2f}s, more than {expected.within}s")
    if obs.elapsed < expected.at_least:
        found.append(f"{where} took {obs.elapsed:.2f}s, less than {expected.at_least}s")
    if obs.op == "download":
        if expected.error is None:
            if obs.files != ["video.mp4"]:
                found.append(f"{where} expected only video.mp4 in the folder, found {obs.files}")
            elif obs.result is None or Path(str(obs.result)).read_bytes() != obs.expected_bytes:
                found.append(f"{where} the downloaded bytes differ from the served video")
        elif obs.files:
            found.append(f"{where} a failed download left {obs.files} behind")
    if obs.op == "generate":
        if expected.error is None and obs.files != ["video.mp4"]:
            found.append(f"{where} expected only video.mp4 in the folder, found {obs.files}")
        elif expected.error is not None and obs.files:
            found.append(f"{where} a failed generate left {obs.files} at the destination")
        if obs.leftovers:
            found.append(f"{where} left the temporary video replies {obs.leftovers} behind")
    return found


# -- the README table --------------------------------------------------------------------------------------


def _count(requests: int | tuple[int, int | None] | None) -> str:
    if requests is None:
        return ""
    if isinstance(requests, int):
        return f"{requests} request{'s' if requests != 1 else ''}"
    low, high = requests
    return f"{low}+ requests" if high is None else f"{low}-{high} requests"


def render_cell(outcome: Outcome | None) -> str:
    if outcome is None:
        return "n/a"
    parts = ["success" if outcome.error is None else f"`{outcome.error.__name__}`"]
    if outcome.cause is not None:
        parts[0] += f" (cause `{outcome.cause.__name__}`)"
    status = outcome.attrs.get("status_code")
    if isinstance(status, int) and outcome.error is not genvideo.WaitTimeout:
        parts[0] += f" {status}"
    count = _count(outcome.requests)
    if count:
        parts.append(count)
    timing = f"<= {outcome.within:g} s"
    if outcome.at_least:
        timing = f">= {outcome.at_least:g} s, " + timing
    parts.append(timing)
    if outcome.note:
        parts.append(outcome.note)
    return ", ".join(parts)


def render_section() -> str:
    lines = [
        SECTION,
        "",
        "What genvideo does when a provider API or its CDN misbehaves. Each row (`tests/support/faultmatrix.py`)",
        "is a test in `tests/reliability/test_fault_matrix.py` for every provider genvideo supports, run for",
        "`get`, `wait` and `download` with both `Client` and `AsyncClient` against the local sandbox (or a",
        "closed port); every row holds for every provider alike. This table is generated from those rows",
        "(`./dev -s readme` rewrites it, and a test fails when it is stale). Every row also runs on",
        f'`AsyncClient(http_backend="aiohttp")` for {", ".join(f"`{p}`" for p in AIOHTTP_PROVIDERS)} (the first',
        "polled provider of each spec and the first synchronous one).",
        "",
        f"Settings: `Client(timeout={TIMEOUT}, max_retries={MAX_RETRIES})` (`timeout={HEAVY_TIMEOUT}` for the rows "
        f"that push 16 MiB) and `wait(timeout={WAIT_TIMEOUT}, poll_interval={POLL})`.",
        "The fault hits the creation's status poll (`get`, `wait`) or its video's URL (`download`).",
        "Counts are the requests the server saw; times are bounds the tests assert. A failed download leaves",
        "nothing at the destination (no file, no temporary file).",
        "",
        "Beside the matrix, in `tests/reliability/`: `test_hostile_payloads.py` (property-based bodies from the",
        "specs' schemas, mutated), `test_hostile_input.py` (refs and ids), `test_downloads.py` (short bodies,",
        "resets, a full disk, `Range` resume, expired links), `test_deadlines.py` (`wait` never outlives its",
        "timeout) and `test_secret_hygiene.py`. The 1 GB constant-memory download test is slow and skipped by",
        "default: `GENVIDEO_SLOW=1 ./dev -s tests -- -m slow`.",
        "",
        "| row | fault | `get` | `wait` | `download` |",
        "|---|---|---|---|---|",
    ]
    for row in ROWS:
        cells = [f"`{row.id}`", row.fault, render_cell(row.get), render_cell(row.wait), render_cell(row.download)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "A synchronous provider (its submit's reply is the video: `ltx`) has nothing to get, wait for or",
        "download from a URL: its rows are `generate(download=...)` with the fault on that submit, under",
        f"`generate(timeout={WAIT_TIMEOUT})`. The submit bills, so only a request that provably never left is",
        "retried; a failure leaves nothing at the destination and no temporary file.",
        "",
        "| row | fault | `generate` |",
        "|---|---|---|",
    ]
    for row in GENERATE_ROWS:
        lines.append(f"| `{row.id}` | {row.fault} | {render_cell(row.generate)} |")
    return "\n".join(lines) + "\n"


def readme_section(text: str) -> str | None:
    """The README's fault-matrix section: from its heading to the next `## ` heading or the end."""
    start = text.find("\n" + SECTION + "\n")
    if start < 0:
        return None
    start += 1
    end = text.find("\n## ", start + len(SECTION))
    return text[start:] if end < 0 else text[start : end + 1]


def write_section(readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    current = readme_section(text)
    section = render_section()
    if current is None:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        text = text.replace(current, section if text.endswith(current) else section + "\n", 1)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write_section()
    else:
        sys.stdout.write(render_section())
