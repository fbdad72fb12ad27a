"""The ``genvideo`` logger, and keeping secrets out of httpx's and httpcore's log lines.

httpx logs every request URL at INFO, and httpcore logs response headers at DEBUG. Signed CDN
links carry their credential in the query string, and a misbehaving server may echo a key in a
header or reason phrase. A filter on those loggers masks what genvideo knows to be secret: the
URLs it is downloading, the credentials its live clients hold (in every rendering: plain, repr()'d,
JSON-escaped, percent-encoded), the query of any redirect target and the password of any URL.
Filters only run for records that are actually emitted, so they cost nothing when logging is off.

Each client holds a lease on the masking of its credentials (:meth:`_RedactingFilter.lease`),
released when it closes or is garbage-collected: the filter never accumulates the keys of every
client ever made, and values shorter than MIN_MASKED_SECRET_LENGTH are not masked at all.

``GENVIDEO_LOG=debug`` (or ``info``; any case) prints these loggers to stderr, like openai-python's
``OPENAI_LOG``: a handler on the ``genvideo``, ``httpx`` and ``httpcore`` loggers (never the root
logger), added once, whose every formatted line passes the redactor again (tracebacks included).
It is read each time a client is made; another value is ignored with one warning. The CLI's ``-v``
does the same for one run (:func:`stderr_logging`).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from . import _constants as C
from ._credentials import mask_renderings, secret_renderings
from ._models import redact_url

logger = logging.getLogger("genvideo")

# httpx logs on "httpx"; httpcore on one logger per module (a parent logger's filters do not
# apply to its children's records).
_TRANSPORT_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    # AsyncClient(http_backend="aiohttp"): httpx still logs each request; aiohttp's client side logs
    # little (connector and payload troubles), but what it logs passes the same filter.
    "aiohttp.client",
    "aiohttp.internal",
)
# Patterns, not compiled: ``re`` compiles (and caches) them on first use, which a program that logs
# nothing never pays for (~0.4 ms of ``import genvideo``).
_LOCATION = r"(?i)(b'location', b'[^'?]*)\?[^']*'"
# The user info of any URL (scheme://user:password@host): a password, or a token used as a user name.
_USERINFO = r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/?#@'\"<>]+@"


class _RedactingFilter(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._urls: dict[str, int] = {}
        self._secrets: dict[str, int] = {}  # value -> how many live holders (clients) registered it
        self._forms: tuple[str, ...] = ()  # every rendering of every secret held
        # Leases whose client was garbage-collected, queued by its finalizer (which may run inside
        # any allocation, even one made under self._lock: it must not take the lock) until the next call.
        self._collected: deque[SecretsLease] = deque()

    def add_url(self, url: str) -> None:
        """Mask ``url``'s query while it is being downloaded."""
        with self._lock:
            self._urls[url] = self._urls.get(url, 0) + 1

    def discard_url(self, url: str) -> None:
        with self._lock:
            count = self._urls.get(url, 0) - 1
            if count > 0:
                self._urls[url] = count
            else:
                self._urls.pop(url, None)

    def lease(self, owner: object, secrets: Iterable[str]) -> SecretsLease:
        """Mask ``secrets`` while ``owner`` (a client) lives: until the lease's ``release()``, or until
        ``owner`` is garbage-collected."""
        held = SecretsLease(self, tuple(secrets))
        held.acquire()
        finalizer = weakref.finalize(owner, self._collected.append, held)  # refers to the lease, not owner
        finalizer.atexit = False
        return held

    def _hold(self, lease: SecretsLease, held: bool) -> None:
        with self._lock:
            self._release_collected()
            if lease.held != held:
                lease.held = held
                self._count(lease.secrets, 1 if held else -1)

    def _release_collected(self) -> None:
        """Under the lock: release the leases of garbage-collected clients."""
        while self._collected:
            lease = self._collected.popleft()
            if lease.held:
                lease.held = False
                self._count(lease.secrets, -1)

    def _count(self, secrets: Iterable[str], change: int) -> None:
        """Under the lock: add ``change`` to each secret's count, and recompute what to mask."""
        for secret in secrets:
            if not secret:
                continue
            count = self._secrets.get(secret, 0) + change
            if count > 0:
                self._secrets[secret] = count
            else:
                self._secrets.pop(secret, None)
        self._forms = tuple({form for secret in list(self._secrets) for form in secret_renderings(secret)})

    def masked_secrets(self) -> frozenset[str]:
        """The credential values currently masked (for tests)."""
        with self._lock:
            self._release_collected()
            return frozenset(self._secrets)

    def redact(self, text: str) -> str:
        """``text`` with Location queries, the queries of URLs being downloaded, URL passwords and
        credentials masked."""
        with self._lock:
            if self._collected:
                self._release_collected()
            urls, forms = list(self._urls), self._forms
        redacted = text
        for url in urls:  # first: the rewrites below could change how the URL appears
            if url in redacted:
                redacted = redacted.replace(url, redact_url(url))
        redacted = re.sub(_USERINFO, r"\1***@", re.sub(_LOCATION, r"\1?…'", redacted))
        return mask_renderings(redacted, forms) if forms else redacted

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class SecretsLease:
    """One client's hold on the masking of its credentials (made by :meth:`_RedactingFilter.lease`).

    ``release()`` and ``acquire()`` are idempotent: ``close()`` releases; a client that can be used
    again after ``close()`` acquires it back when it reopens.
    """

    __slots__ = ("_redactor", "held", "secrets")

    def __init__(self, redactor: _RedactingFilter, secrets: tuple[str, ...]) -> None:
        self._redactor = redactor
        self.secrets = secrets
        self.held = False

    def acquire(self) -> None:
        """Mask the secrets (again)."""
        self._redactor._hold(self, True)

    def release(self) -> None:
        """Stop masking the secrets (unless another live client holds the same value)."""
        self._redactor._hold(self, False)


redactor = _RedactingFilter()
for _name in _TRANSPORT_LOGGERS:
    logging.getLogger(_name).addFilter(redactor)


# -- printing to stderr: GENVIDEO_LOG and the CLI's -v ---------------------------------------------

LOG_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
# httpcore logs at DEBUG only; its records reach the handler on "httpcore" by propagation.
_PRINTED_LOGGERS = ("genvideo", "httpx", "httpcore", "aiohttp.client")


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # The loggers' filters already rewrote the message; this also covers tracebacks, and
        # records of child loggers that carry no filter.
        return redactor.redact(super().format(record))


class _StderrHandler(logging.Handler):
    """Writes to whatever ``sys.stderr`` is when a record arrives (it may be replaced after setup)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stream = sys.stderr
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:  # logging must never break the caller
            self.handleError(record)


_handler = _StderrHandler()
_handler.setFormatter(_RedactingFormatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
_setup_lock = threading.Lock()
_warned = False


def _open_loggers(level: int) -> list[tuple[logging.Logger, int, bool]]:
    """Attach the handler and lower the loggers' levels to ``level``; returns what to undo."""
    undo = []
    with _setup_lock:
        for name in _PRINTED_LOGGERS:
            if level > logging.DEBUG and name == "httpcore":
                continue
            target = logging.getLogger(name)
            added = _handler not in target.handlers
            if added:
                target.addHandler(_handler)
            undo.append((target, target.level, added))
            if target.level == logging.NOTSET or target.level > level:
                target.setLevel(level)  # lowers only: a level set lower elsewhere stays
    return undo


def log_to_stderr(level: int) -> None:
    """Print genvideo's, httpx's and httpcore's records from ``level`` up to stderr, redacted (for good).

    Idempotent: the one handler is never added twice.
    """
    _open_loggers(level)


@contextmanager
def stderr_logging(level: int) -> Iterator[None]:
    """:func:`log_to_stderr` for the duration of the block; levels and handlers are then restored."""
    undo = _open_loggers(level)
    try:
        yield
    finally:
        with _setup_lock:
            for target, previous, added in undo:
                target.setLevel(previous)
                if added:
                    target.removeHandler(_handler)


def configure_from_env() -> None:
    """Apply ``GENVIDEO_LOG`` (``debug`` or ``info``, any case); unset or empty: nothing."""
    global _warned
    value = os.environ.get(C.LOG_ENV, "").strip()
    if not value:
        return
    level = LOG_LEVELS.get(value.lower())
    if level is not None:
        log_to_stderr(level)
    elif not _warned:
        _warned = True
        logger.warning("%s=%r is ignored: expected debug or info", C.LOG_ENV, value[:20])
