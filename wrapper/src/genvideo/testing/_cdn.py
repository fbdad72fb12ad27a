"""The CDN: every creation's files behind CloudFront-like signed URLs (no credentials), with byte ranges."""

from __future__ import annotations

import hashlib
import re
from typing import Literal
from urllib.parse import quote, unquote

from ._creations import FakeCreation, Output
from ._fakes import UrlFor
from ._recording import RecordedRequest
from ._replies import Headers, Reply
from ._replies import xml_error as cdn_error
from ._routing import Route
from ._signing import UrlSigner

PREFIX = "/cdn"
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
_READ_METHODS = ("GET", "HEAD")


def cdn_path(provider: str, creation_id: str, output_dir: str = "", filename: str = "") -> str:
    """The raw CDN path of a creation (or of one of its files)."""
    path = f"{PREFIX}/{provider}/{quote(creation_id, safe='')}/"
    if output_dir:
        path += f"{quote(output_dir, safe='')}/{quote(filename, safe='')}"
    return path


class Cdn:
    """Issues signed URLs for creations' files and serves them. Stateless apart from its signing key."""

    def __init__(self, *, supports_range: bool, url_ttl: float) -> None:
        """`url_ttl`: how long issued URLs stay valid (seconds); without `supports_range`, `Range` is ignored."""
        self.supports_range = supports_range
        self.url_ttl = url_ttl
        self._signer = UrlSigner()

    def urls(self, base_url: str, creation: FakeCreation, now: float) -> UrlFor:
        """Signs URLs of `creation`'s files; all URLs of one answer share one `Expires` (issued on first use)."""
        expires: list[int] = []

        def url_for(output: Output, filename: str) -> str:
            if not expires:
                expires.append(creation.issue_expires(now, self.url_ttl))
            path = cdn_path(creation.provider, creation.id, output.dir_name, filename)
            return base_url + self._signer.sign(path, filename, expires[0])

        return url_for

    def serve(self, request: RecordedRequest, where: Route, creation: FakeCreation | None, now: float) -> Reply:
        """The answer to a CDN request for a file of `creation` (None: no such creation)."""
        if request.method not in _READ_METHODS:
            return cdn_error(405, "MethodNotAllowed", "The specified method is not allowed", (("Allow", "GET, HEAD"),))
        expires = self._signer.verify(request.path, request.query)
        if expires is None:
            return cdn_error(403, "AccessDenied", "Access denied")
        output = creation.find_output(where.output_dir) if creation else None
        found = output.file(where.filename) if output else None
        if creation is None or output is None or found is None:
            return cdn_error(404, "NoSuchKey", "The specified key does not exist.")
        if expires < now or creation.is_revoked(expires):
            return cdn_error(403, "AccessDenied", "Request has expired")
        data, content_type = found
        disposition = tuple(
            ("Content-Disposition", unquote(part.partition("=")[2]))
            for part in request.query.split("&")
            if part.startswith("response-content-disposition=")
        )
        etag = file_etag(output, where.filename, len(data))
        return file_reply(request, data, content_type, etag, ranges=self.supports_range, headers=disposition)


def file_reply(
    request: RecordedRequest,
    data: bytes,
    content_type: str,
    etag: str,
    *,
    ranges: bool = True,
    headers: Headers = (),
) -> Reply:
    """The answer to a GET or HEAD of a file (`data`), as the CDN gives it and as a provider that streams a
    file itself does (Sora's `/content`): its `ETag` (the strong `etag`, quoted), and with `ranges` a single
    `Range: bytes=...` honoured: `206` with `Content-Range`, `416` with `Content-Range: bytes */<size>` when
    it starts past the end, else `200` with everything; an `If-Range` other than that ETag (a date, a weak
    or another tag) asks for the whole file again. `headers` are added (Content-Disposition)."""
    quoted = f'"{etag}"'
    head: list[tuple[str, str]] = [
        ("Content-Type", content_type),
        ("ETag", quoted),
        ("Accept-Ranges", "bytes" if ranges else "none"),
        *headers,
    ]
    condition = request.header("If-Range")
    honoured = ranges and (condition is None or condition.strip() == quoted)
    wanted = _byte_range(request.header("Range"), len(data)) if honoured else None
    if wanted == "unsatisfiable":
        return Reply(416, (*head, ("Content-Range", f"bytes */{len(data)}")), b"")
    if wanted is None:
        return Reply(200, tuple(head), data)
    first, last = wanted
    head.append(("Content-Range", f"bytes {first}-{last}/{len(data)}"))
    return Reply(206, tuple(head), memoryview(data)[first : last + 1])


def _byte_range(header: str | None, size: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """A single `bytes=` range as (first, last), "unsatisfiable", or None to ignore the header."""
    match = _RANGE.fullmatch(header.strip()) if header else None
    if match is None or not (match[1] or match[2]):
        return None
    if not match[1]:  # suffix range: the last N bytes
        suffix = int(match[2])
        return (max(size - suffix, 0), size - 1) if suffix and size else "unsatisfiable"
    first = int(match[1])
    last = int(match[2]) if match[2] else size - 1
    if match[2] and last < first:
        return None  # syntactically invalid: ignore the header
    if first >= size:
        return "unsatisfiable"
    return first, min(last, size - 1)


def file_etag(output: Output, filename: str, size: int) -> str:
    """The (unquoted) strong ETag of one file of `output`: stable per file without hashing its (possibly
    huge) content."""
    return hashlib.sha256(f"{output.seed}/{filename}/{size}".encode()).hexdigest()[:32]
