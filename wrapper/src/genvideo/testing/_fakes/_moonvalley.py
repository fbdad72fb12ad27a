"""Moonvalley (Marey) through the Comfy proxy (`/proxy/moonvalley/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import email.parser
import email.policy
import hashlib
import uuid
from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, iso_utc, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

MOONVALLEY = "/proxy/moonvalley"
DEFAULT_FAILURE_MESSAGE = "The generation failed in the sandbox"
#: Where the fake says an uploaded file lives (never fetched: the sandbox keeps no uploads).
UPLOADS = "https://uploads.moonvalley.sandbox.invalid"


def _uuid(digest: bytes) -> str:
    return str(uuid.UUID(bytes=digest[:16], version=4))


class MoonvalleyFake(ComfyProxyFake):
    """The submits `POST /proxy/moonvalley/prompts/{text,image,video}-to-video` answer 201
    MoonvalleyPromptResponse (`id`, a UUID, and its first `status`) and honour `Idempotency-Key` (the proxy
    does); each body is checked against its own request schema (video-to-video's requires `video_url` and
    `control_type`).
    `POST /proxy/moonvalley/uploads` (an `upload` endpoint: it starts nothing) takes a multipart `file` and
    answers `access_url`, the same URL for the same bytes. `GET /proxy/moonvalley/prompts/{id}` (`status`)
    answers MoonvalleyPromptResponse: `status` as scripted, `output_url` once completed, `error`
    (`{"message": failure_code}`, else a sentence) once failed, no progress.

    The spec gives no status words: the default lifecycle's intermediate word
    `running` is made up (the spec names no running word; genvideo reports it as UNKNOWN and keeps polling).

    Errors: the proxy's flat envelope (`error`, `message`, `details`), as for every family behind it.
    """

    endpoints = (
        Endpoint("text", f"{MOONVALLEY}/prompts/text-to-video", "submit", input_type="text"),
        Endpoint("image", f"{MOONVALLEY}/prompts/image-to-video", "submit", input_type="image"),
        Endpoint("video", f"{MOONVALLEY}/prompts/video-to-video", "submit", input_type="video"),
        Endpoint("upload", f"{MOONVALLEY}/uploads", "upload"),
        Endpoint("status", f"{MOONVALLEY}/prompts/{{prompt_id}}", "poll"),
    )
    area = ("proxy", "moonvalley")
    default_states = ("queued", "running", "completed")
    success_state = "completed"
    running_states = frozenset({"running"})
    progress_scale = 1.0  # Moonvalley reports no progress: the sandbox's numbers are never sent
    output_folder = "video"
    video_arguments = MappingProxyType({"prompt": "a fox running", "video": "https://sandbox.invalid/reference.mp4"})

    def new_id(self, counter: int) -> str:
        """A UUID (version 4 layout)."""
        return _uuid(self.submit_digest(counter))

    def output_id(self, creation_id: str, index: int) -> str:
        """A UUID (version 4 layout)."""
        return _uuid(self.digest(creation_id, str(index)))

    def upload_reply(self, endpoint: Endpoint, request: RecordedRequest) -> Reply:
        """MoonvalleyUploadFileResponse: `access_url` from the bytes of the form's `file` part (the same bytes,
        the same URL); 400 without one."""
        content = file_part(request, "file")
        if content is None:
            return self.bad_request("file", "A multipart/form-data body with a file is required")
        return json_reply(200, {"access_url": f"{UPLOADS}/{hashlib.sha256(content).hexdigest()[:32]}"})

    def _reply(self, creation: FakeCreation, state: str, urls: UrlFor | None) -> JsonObject:
        mapped = self.entry.map_state(state)
        body: JsonObject = {
            "id": creation.id,
            "status": state,
            "prompt_text": creation.prompt,
            "output_url": None,
            "error": None,
            "meta": {"created_at": iso_utc(creation.created_wall)},
        }
        if mapped is CreationState.SUCCEEDED and creation.outputs and urls is not None:
            body["output_url"] = urls(creation.outputs[0], VIDEO_FILE)
        if mapped is CreationState.FAILED:
            failure = creation.failure_code
            body["error"] = {"message": failure if failure is not None else DEFAULT_FAILURE_MESSAGE}
        return body

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """The prompt in the state `view` sees."""
        return json_reply(200, self._reply(creation, view.state, urls))

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """201 MoonvalleyPromptResponse: the new prompt in its first state."""
        return json_reply(201, self._reply(creation, state, None))


def file_part(request: RecordedRequest, name: str) -> bytes | None:
    """The bytes of the file part `name` of a multipart/form-data request, or None."""
    content_type = request.header("Content-Type") or ""
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    if not message.is_multipart():
        return None
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == name and part.get_filename():
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else None
    return None


FAKE = MoonvalleyFake
