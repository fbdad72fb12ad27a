"""The ``genvideo`` logger, and keeping signed download URLs out of httpx's log lines."""

from __future__ import annotations

import logging
import threading

import httpx

from ._models import redact_url

logger = logging.getLogger("genvideo")


class _SignedURLFilter(logging.Filter):
    """Rewrites httpx's "HTTP Request: GET <url>" records for URLs genvideo is downloading.

    Signed CDN links carry their credential in the query string; httpx logs
    full URLs at INFO. Only URLs registered by ``downloading`` are touched.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._urls: dict[str, int] = {}

    def add(self, url: str) -> None:
        with self._lock:
            self._urls[url] = self._urls.get(url, 0) + 1

    def discard(self, url: str) -> None:
        with self._lock:
            count = self._urls.get(url, 0) - 1
            if count > 0:
                self._urls[url] = count
            else:
                self._urls.pop(url, None)

    def filter(self, record: logging.LogRecord) -> bool:
        if self._urls and isinstance(record.args, tuple):
            record.args = tuple(
                redact_url(str(arg)) if isinstance(arg, httpx.URL | str) and str(arg) in self._urls else arg
                for arg in record.args
            )
        return True


signed_urls = _SignedURLFilter()
logging.getLogger("httpx").addFilter(signed_urls)
