"""Topaz Video AI through the Comfy proxy (`/proxy/topaz/video/...` under the `comfy` spec's prefix), with its
signed part-upload URLs (S3 in production: here `/comfy/topaz-uploads/<request id>/<part>?<signature>`)."""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar
from urllib.parse import unquote

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, flat_error, json_reply
from .._replies import xml_error as s3_error
from .._signing import UrlSigner
from . import Endpoint, UrlFor, is_id
from ._proxy import ComfyProxyFake

SAMPLE = Path(__file__).resolve().parents[1] / "media" / "sample.mp4"
TOPAZ = "/proxy/topaz/video"
PARTS = "/topaz-uploads"
"""Where the signed part URLs point (under the spec's prefix; outside the proxy's paths)."""
STREAMED_HEADER = "X-Genvideo-Sandbox-Streamed"
"""What `_handler` adds to a request whose body it streamed (recorded empty): `length=N; md5=HEX`."""
PARTS_PER_UPLOAD = 3
"""How many part URLs accept hands out (fewer for a file smaller than that many bytes is the client's matter)."""
URL_TTL = 3600
DEFAULT_FAILURE_MESSAGE = "Processing failed in the sandbox"


def streamed_digest(request: RecordedRequest) -> tuple[int, str]:
    """The length and MD5 (hex) of a request's body: from the sandbox's streamed-body header, else the body."""
    said = request.header(STREAMED_HEADER)
    if said is None:
        return len(request.body), hashlib.md5(request.body, usedforsecurity=False).hexdigest()
    fields = dict(part.strip().split("=", 1) for part in said.split(";"))
    return int(fields["length"]), fields["md5"]


class TopazFake(ComfyProxyFake):
    """`POST /proxy/topaz/video/` (`create`) checks the body against TopazCreateRequestVideoSchema and answers
    TopazVideoCreateResponse (`requestId`, a UUID; `estimates`) and honours `Idempotency-Key` (the proxy does).
    `PATCH …/{id}/accept` answers `{uploadId, urls[3], message}`: signed part URLs on the sandbox, which take a
    `PUT` without credentials (400 with them, 403 for a bad signature) and answer the part's MD5 as its `ETag`;
    their bodies are streamed (hashed and counted as they arrive, never held: `stream_upload_bodies`).
    `PATCH …/{id}/complete-upload` checks `uploadResults` and answers 202 `{message}`. `GET …/{id}/status`
    answers TopazVideoStatusResponse: the scripted `status`, `progress` 0-100, `download{url, expiresIn,
    expiresAt}` once complete, `message` (the lifecycle's failure code) once failed. Errors: the proxy's flat
    envelope (the spec's Error `{message, details}` plus `error`)."""

    endpoints = (
        Endpoint("create", f"{TOPAZ}/", "submit", input_type="video"),
        Endpoint("status", f"{TOPAZ}/{{request_id}}/status", "poll"),
    )
    upload_steps: ClassVar[tuple[Endpoint, ...]] = (
        Endpoint("accept", f"{TOPAZ}/{{request_id}}/accept", "upload", method=("PATCH",)),
        Endpoint("complete-upload", f"{TOPAZ}/{{request_id}}/complete-upload", "upload", method=("PATCH",)),
        Endpoint("part", f"{PARTS}/{{request_id}}/part", "upload", method=("PUT",)),
    )
    """The steps between the create and the first poll, answered by `upload_reply` (they start nothing).
    Not in `endpoints`, which lists a fake's POSTs (submits, and uploads like PixVerse's) for the checks
    against the spec: these are PATCHes of the spec and PUTs to signed URLs outside it (`match` finds them)."""
    area = ("proxy", "topaz")
    default_states = ("initializing", "processing", "complete")
    success_state = "complete"
    running_states = frozenset({"preprocessing", "processing", "postprocessing"})
    progress_scale = 100.0
    output_folder = "video"
    # A path (not bytes): the demo and the CLI pass it on as text. The packaged sample MP4 (2 s, 64x36).
    demo_arguments = MappingProxyType({"prompt": "", "video": str(SAMPLE)})
    takes_images = False
    video_through_storage = False
    stream_upload_bodies: ClassVar[bool] = True
    """The sandbox streams the bodies of this fake's `upload` PUTs (see `_handler`): a 1 GB part is never held."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._signer = UrlSigner()

    def match(self, segments: Sequence[str], request: RecordedRequest) -> tuple[Endpoint, str] | None:
        """The endpoints, then the upload steps."""
        found = super().match(segments, request)
        if found is not None:
            return found
        for endpoint in self.upload_steps:
            template = endpoint.segments
            if len(template) == len(segments) and all(
                is_id(t) or t == s for t, s in zip(template, segments, strict=True)
            ):
                return endpoint, next(s for t, s in zip(template, segments, strict=True) if is_id(t))
        return None

    def new_id(self, counter: int) -> str:
        """A UUID, like Topaz's request ids."""
        return str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))

    def output_id(self, creation_id: str, index: int) -> str:
        """Topaz names no outputs: `<request id>-1`."""
        return f"{creation_id}-{index}"

    def authorized(self, request: RecordedRequest, keys: Any) -> bool:
        """A part PUT carries its signature instead of credentials (checked in `upload_reply`)."""
        if request.method == "PUT" and request.path.startswith(f"{self.prefix}{PARTS}/"):
            return True
        return super().authorized(request, keys)

    def _request_id(self, request: RecordedRequest, after: str) -> str:
        rest = request.path.removeprefix(self.prefix + after + "/")
        return unquote(rest.split("/", 1)[0])

    def upload_reply(self, endpoint: Endpoint, request: RecordedRequest) -> Reply:
        """accept, complete-upload, or a part PUT (none starts a creation)."""
        if endpoint.name == "accept":
            return self._accept(request)
        if endpoint.name == "complete-upload":
            return self._complete(request)
        return self._part(request)

    def _accept(self, request: RecordedRequest) -> Reply:
        request_id = self._request_id(request, TOPAZ)
        base = f"http://{request.header('Host')}"
        expires = int(time.time()) + URL_TTL
        urls = []
        for number in range(1, PARTS_PER_UPLOAD + 1):
            path = f"{self.prefix}{PARTS}/{request_id}/part"
            signed = self._signer.sign(path, f"part{number}", expires)
            urls.append(f"{base}{signed}&partNumber={number}")
        return json_reply(200, {"uploadId": f"upload-{request_id}", "urls": urls, "message": "Accepted"})

    def _part(self, request: RecordedRequest) -> Reply:
        query = request.query.rsplit("&partNumber=", 1)[0]
        expires = self._signer.verify(request.path, query)
        if expires is None:
            return s3_error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match")
        if expires < time.time():
            return s3_error(403, "AccessDenied", "Request has expired")
        if request.sent_credentials:
            return s3_error(400, "InvalidArgument", "Only one auth mechanism allowed")
        _, md5 = streamed_digest(request)
        return Reply(200, (("ETag", f'"{md5}"'),), b"")

    def _complete(self, request: RecordedRequest) -> Reply:
        try:
            body = json.loads(request.body)
        except (ValueError, RecursionError):
            return self.bad_request("body", "Request body must be valid JSON")
        results = body.get("uploadResults") if isinstance(body, dict) else None
        if not isinstance(results, list) or not all(
            isinstance(r, dict) and isinstance(r.get("eTag"), str) and type(r.get("partNum")) is int for r in results
        ):
            return self.bad_request("uploadResults", "uploadResults must be an array of {partNum, eTag}")
        parts = [r["partNum"] for r in results]
        if parts != list(range(1, PARTS_PER_UPLOAD + 1)):
            return self.bad_request("uploadResults", f"expected parts 1..{PARTS_PER_UPLOAD}, got {parts}")
        return json_reply(202, {"message": "Processing has been queued"})

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """TopazVideoStatusResponse in the state `view` sees."""
        mapped = self.entry.map_state(view.state)
        body: JsonObject = {"status": view.state, "progress": view.progress, "message": view.state.title()}
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            expires_at = int(time.time() * 1000) + URL_TTL * 1000
            body["download"] = {
                "url": urls(creation.outputs[0], VIDEO_FILE),
                "expiresIn": URL_TTL * 1000,
                "expiresAt": expires_at,
            }
        if mapped is CreationState.FAILED:
            failure = creation.failure_code
            body["message"] = failure if failure is not None else DEFAULT_FAILURE_MESSAGE
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """TopazVideoCreateResponse: the request id and estimates."""
        return json_reply(200, {"requestId": creation.id, "estimates": {"cost": [10, 12], "time": [60, 90]}})

    def no_creation(self, creation_id: str) -> Reply:
        """The spec's default Error."""
        return flat_error(404, message=f"Request {creation_id} not found")


FAKE = TopazFake
