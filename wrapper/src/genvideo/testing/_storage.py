"""Comfy's storage as the sandbox serves it: `POST /comfy/customers/storage` hands out a signed upload URL
and a signed download URL; a PUT to the first stores the bytes, a GET of the second serves them.

Like the real signed URLs (Google Cloud Storage), they refuse a request that also carries credentials,
a Content-Type other than the one the slot was asked for, a tampered or expired signature.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import quote

from .._providers._registry import registry
from ._keys import AcceptedKeys
from ._recording import RecordedRequest
from ._replies import Reply, flat_error, iso_utc, json_reply
from ._replies import xml_error as cdn_error
from ._schemas import problem, request_schema
from ._signing import UrlSigner

SPEC = "comfy"
SLOT_PATH = "/customers/storage"
"""The storage endpoint, under the comfy spec's prefix, as the prepared spec spells it."""
OBJECT_PREFIX = "/storage/"
"""Where stored objects live (upload and download URLs): `/storage/<token>/<file name>`."""
TTL = 24 * 3600
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class StoredFile:
    """One storage slot: what was asked for, and the bytes once uploaded (None before)."""

    file_name: str
    content_type: str | None
    file_hash: str | None
    expires: int
    content: bytes | None = None
    uploads: list[RecordedRequest] = field(default_factory=list)


class ComfyStorage:
    """The storage slots of one sandbox (thread-safe)."""

    def __init__(self) -> None:
        self._signer = UrlSigner()
        self._lock = threading.Lock()
        self.files: dict[str, StoredFile] = {}

    def snapshot(self) -> list[StoredFile]:
        """Copies of the slots, in the order they were asked for."""
        with self._lock:
            return [dataclasses.replace(f, uploads=list(f.uploads)) for f in self.files.values()]

    def _url(self, base_url: str, token: str, slot: StoredFile, kind: str) -> str:
        path = f"{OBJECT_PREFIX}{token}/{quote(slot.file_name, safe='')}"
        return base_url + self._signer.sign(path, f"{kind}-{slot.file_name}", slot.expires)

    def create_slot(self, request: RecordedRequest, keys: AcceptedKeys, base_url: str) -> Reply:
        """The answer to `POST /comfy/customers/storage`."""
        if request.method != "POST":
            return flat_error(405, message="Method Not Allowed", headers=(("Allow", "POST"),))
        if not any(keys.accepts(source, request) for source in registry().specs[SPEC].credentials):
            return flat_error(401, message="Please login first")
        try:
            body = json.loads(request.body)
        except (ValueError, RecursionError):
            return flat_error(400, message="Request body must be valid JSON")
        found = problem(body, request_schema(SPEC, SLOT_PATH))
        if found is not None:
            return flat_error(400, message=f"{found[0]}: {found[1]}")
        with self._lock:
            existing = [t for t, f in self.files.items() if body.get("file_hash") and f.file_hash == body["file_hash"]]
            reuse = next((t for t in existing if self.files[t].content is not None), None)
            token = reuse or secrets.token_hex(8)
            if reuse is None:
                self.files[token] = StoredFile(
                    body["file_name"], body.get("content_type"), body.get("file_hash"), int(time.time()) + TTL
                )
            slot = self.files[token]
        return json_reply(
            200,
            {
                "upload_url": self._url(base_url, token, slot, "upload"),
                "download_url": self._url(base_url, token, slot, "download"),
                "expires_at": iso_utc(slot.expires),
                "existing_file": reuse is not None,
            },
        )

    def serve(self, request: RecordedRequest) -> Reply:
        """A PUT (store) or GET/HEAD (serve) of a stored object."""
        token = request.path.removeprefix(OBJECT_PREFIX).partition("/")[0]
        expires = self._signer.verify(request.path, request.query)
        with self._lock:
            slot = self.files.get(token)
            if slot is None or expires is None or expires != slot.expires:
                return cdn_error(403, "SignatureDoesNotMatch", "The request signature does not match")
            if expires < time.time():
                return cdn_error(400, "ExpiredToken", "The provided token has expired")
            if request.sent_credentials:
                return cdn_error(400, "InvalidAuthentication", "Cannot use a signed URL together with credentials")
            if request.method == "PUT":
                return self._store(slot, request)
            if request.method not in ("GET", "HEAD"):
                return cdn_error(405, "MethodNotAllowed", "The specified method is not allowed")
            if slot.content is None:
                return cdn_error(404, "NoSuchKey", "The specified key does not exist.")
            headers = (("Content-Type", slot.content_type or "application/octet-stream"),)
            return Reply(200, headers, slot.content)

    def _store(self, slot: StoredFile, request: RecordedRequest) -> Reply:
        slot.uploads.append(request)
        if slot.content_type is not None and request.header("Content-Type") != slot.content_type:
            return cdn_error(403, "SignatureDoesNotMatch", "Content-Type differs from the signed one")
        if len(request.body) > MAX_BYTES:
            return cdn_error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
        slot.content = request.body
        etag = hashlib.md5(request.body, usedforsecurity=False).hexdigest()
        return Reply(200, (("ETag", f'"{etag}"'),), b"")
