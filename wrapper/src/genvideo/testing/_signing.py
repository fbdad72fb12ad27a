"""CloudFront-like signed URLs, verified byte-exactly over the raw path and query the server receives."""

from __future__ import annotations

import hashlib
import hmac
import secrets

KEY_PAIR_ID = "SANDBOX"


class UrlSigner:
    """Signs `path?query` with an HMAC; the signature covers every byte except the Signature parameter.

    So a client that re-encodes anything (e.g. `;` as `%3B`), reorders the parameters or drops one gets 403.
    """

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else secrets.token_bytes(32)

    def _mac(self, message: str) -> str:
        return hmac.new(self._key, message.encode("latin-1"), hashlib.sha256).hexdigest()

    def sign(self, raw_path: str, filename: str, expires: int) -> str:
        """The path plus a signed query: `?response-content-disposition=...&Expires=..&Signature=..&Key-Pair-Id=..`."""
        unsigned = f"response-content-disposition=attachment;filename={filename}&Expires={expires}"
        tail = f"Key-Pair-Id={KEY_PAIR_ID}"
        signature = self._mac(f"{raw_path}?{unsigned}&{tail}")
        return f"{raw_path}?{unsigned}&Signature={signature}&{tail}"

    def verify(self, raw_path: str, raw_query: str) -> int | None:
        """The URL's `Expires` (epoch seconds) if the signature matches the exact bytes, else None."""
        parts = raw_query.split("&")
        signatures = [p for p in parts if p.startswith("Signature=")]
        expires = [p.removeprefix("Expires=") for p in parts if p.startswith("Expires=")]
        if len(signatures) != 1 or len(expires) != 1 or not (expires[0].isascii() and expires[0].isdigit()):
            return None
        unsigned = "&".join(p for p in parts if not p.startswith("Signature="))
        expected = self._mac(f"{raw_path}?{unsigned}")
        if not hmac.compare_digest(expected, signatures[0].removeprefix("Signature=")):
            return None
        return int(expires[0])
