"""The client's side of an upload step: where its bytes may go, and keeping its signed URL out of logs."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator

import httpx

from ._credentials import is_loopback
from ._download import is_link_local
from ._exceptions import UploadError
from ._logging import redactor
from ._providers import SubmitStep, Upload


def checked_upload_url(provider: str, upload: Upload) -> str:
    """``upload.url`` if bytes may be sent there: https (http only to loopback), a host, no userinfo,
    no link-local or cloud-metadata address; else UploadError. The URL is kept byte for byte."""
    try:
        url = httpx.URL(upload.url)
    except httpx.InvalidURL:
        url = None
    scheme = url.scheme if url is not None else ""
    host = url.host if url is not None else ""
    if (
        url is None
        or not host
        or url.userinfo
        or not (scheme == "https" or (scheme == "http" and is_loopback(host)))
        or is_link_local(host)
    ):
        raise UploadError(
            f"{provider}: storage named an upload URL genvideo will not send {upload.what} to "
            "(https only, http to loopback; no userinfo, no link-local address)",
            provider=provider,
            what=upload.what,
        )
    return upload.url


def upload_body(
    http: httpx.Client | httpx.AsyncClient, provider: str, upload: Upload
) -> bytes | Iterator[bytes] | AsyncIterator[bytes]:
    """The body of ``upload`` for ``http``: its bytes, or its file streamed in chunks (a fresh stream
    per attempt, so a retry sends it again from the start of the part)."""
    content = upload.content
    if isinstance(content, bytes):
        if upload.offset == 0 and upload.length is None:
            return content
        return content[upload.offset : upload.offset + upload.size]
    if isinstance(http, httpx.AsyncClient):
        return content.achunks(provider, upload.what, upload.offset, upload.size)
    return content.chunks(provider, upload.what, upload.offset, upload.size)


@contextlib.contextmanager
def masked(step: SubmitStep) -> Iterator[None]:
    """While ``step`` runs, an upload's signed URL has its query masked in every log line and error."""
    if not isinstance(step, Upload):
        yield
        return
    redactor.add_url(step.url)
    try:
        yield
    finally:
        redactor.discard_url(step.url)
