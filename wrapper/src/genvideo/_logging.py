"""The ``genvideo`` logger, and keeping secrets out of httpx's and httpcore's log lines.

httpx logs every request URL at INFO, and httpcore logs response headers at DEBUG. Signed CDN
links carry their credential in the query string, and a misbehaving server may echo a key in a
header or reason phrase. A filter on those loggers masks what genvideo knows to be secret: the
URLs it is downloading, the credentials its clients hold, and the query of any redirect target.
Filters only run for records that are actually emitted, so they cost nothing when logging is off.
"""

from __future__ import annotations

import logging
import re
import threading

from ._models import redact_url

logger = logging.getLogger("genvideo")

# httpx logs on "httpx"; httpcore on one logger per module (a parent logger's filters do not
# apply to its children's records).
_TRANSPORT_LOGGERS = ("httpx", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy")
_LOCATION = re.compile(r"(b'location', b'[^'?]*)\?[^']*'", re.IGNORECASE)


class _RedactingFilter(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._urls: dict[str, int] = {}
        self._secrets: set[str] = set()

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

    def add_secrets(self, secrets: tuple[str, ...]) -> None:
        """Mask these credential values wherever they appear."""
        with self._lock:
            self._secrets.update(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = _LOCATION.sub(r"\1?…'", message)
        with self._lock:
            urls, secrets = list(self._urls), list(self._secrets)
        for url in urls:
            if url in redacted:
                redacted = redacted.replace(url, redact_url(url))
        for secret in secrets:
            if secret in redacted:
                redacted = redacted.replace(secret, "***")
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


redactor = _RedactingFilter()
for _name in _TRANSPORT_LOGGERS:
    logging.getLogger(_name).addFilter(redactor)
