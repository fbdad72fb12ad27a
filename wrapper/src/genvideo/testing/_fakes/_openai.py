"""OpenAI Sora 2 through the Comfy proxy (`/proxy/openai/v1/videos...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import base64
from email import policy
from email.message import Message
from email.parser import BytesParser

from ..._states import CreationState
from .._cdn import file_etag, file_reply
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, flat_error, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

MODEL = "sora-2"
SIZE = "720x1280"  # the spec's default
SECONDS = "4"
FAILURE_CODE = "moderation_blocked"
FAILURE_MESSAGE = "Your request was blocked by our moderation system."
FILE_FIELDS = frozenset({"input_reference"})


def _parts(content_type: str, body: bytes) -> list[Message] | None:
    """The parts of a multipart/form-data body, or None when it is not one."""
    if not content_type.lower().startswith("multipart/form-data") or "boundary=" not in content_type:
        return None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not message.is_multipart() or message.defects:
        return None
    payload = message.get_payload()
    if not isinstance(payload, list) or not all(isinstance(part, Message) for part in payload):
        return None
    return [part for part in payload if isinstance(part, Message)]


class OpenaiFake(ComfyProxyFake):
    """The submit `POST /proxy/openai/v1/videos` takes a multipart form (OpenAIVideoCreateRequest: `prompt`,
    `model`, `seconds`, `size` as text parts, `input_reference` as a file part), honours `Idempotency-Key`
    (the proxy does) and answers the job (OpenAIVideoJob). The poll `GET /proxy/openai/v1/videos/{video_id}`
    answers the job: `status`, `progress` (0-100), `error` once failed (the creation's failure code, else
    `moderation_blocked`). `GET .../{video_id}/content` needs the proxy's credentials like any proxy path and
    answers the video itself once completed (404 before), `video/mp4`, as OpenAI streams it: with the CDN's
    byte ranges (`Range`, `If-Range`, `ETag`: `_cdn.file_reply`) and the creation's download faults, so a
    download of it never leaves the proxy. Errors: the proxy's flat envelope.

    A submit is recorded as its parts: text fields as text, a file part as a `data:<type>;base64,` URI."""

    endpoints = (
        Endpoint("videos", "/proxy/openai/v1/videos", "submit"),
        Endpoint("status", "/proxy/openai/v1/videos/{video_id}", "poll"),
        Endpoint("content", "/proxy/openai/v1/videos/{video_id}/content", "read", file=True),
    )
    area = ("proxy", "openai")
    default_states = ("queued", "in_progress", "completed")
    success_state = "completed"
    running_states = frozenset({"in_progress"})
    progress_scale = 100.0
    output_folder = "video"

    def new_id(self, counter: int) -> str:
        """`video_` and 32 hex digits, like OpenAI's video ids."""
        return "video_" + self.submit_digest(counter)[:16].hex()

    def output_id(self, creation_id: str, index: int) -> str:
        """OpenAI names no outputs: `<video id>-1`, ..."""
        return f"{creation_id}-{index}"

    def read_submit(self, endpoint: Endpoint, request: RecordedRequest) -> tuple[object, tuple[str, str] | None]:
        """The form's parts (text as text, files as `data:` URIs), checked against OpenAIVideoCreateRequest as
        the generated client reads it: `prompt` required, `model`/`seconds`/`size` in their enums, text parts
        UTF-8, `input_reference` a file part."""
        parts = _parts(request.header("Content-Type") or "", request.body)
        if parts is None:
            return None, ("body", "Request body must be multipart/form-data")
        body: dict[str, object] = {}
        for part in parts:
            name = part.get_param("name", header="content-disposition")
            if not isinstance(name, str) or not name:
                return None, ("body", "every form part needs a name")
            data = part.get_payload(decode=True)
            content = data if isinstance(data, bytes) else b""
            if part.get_filename() is not None:
                if name not in FILE_FIELDS:
                    return None, (name, f"{name} must be a text field")
                media_type = part.get_content_type()
                body[name] = f"data:{media_type};base64,{base64.b64encode(content).decode()}"
                continue
            if name in FILE_FIELDS:
                return None, (name, f"{name} must be a file part")
            try:
                body[name] = content.decode("utf-8")
            except UnicodeDecodeError:
                return None, (name, f"{name} must be UTF-8 text")
        return body, _problem(body)

    def no_creation(self, creation_id: str) -> Reply:
        """OpenAI's 404 as the proxy passes it on."""
        return flat_error(404, message=f"Video with id '{creation_id}' not found.")

    def _job(self, creation: FakeCreation, state: str, view: View | None) -> JsonObject:
        mapped = self.entry.map_state(state)
        job: JsonObject = {
            "id": creation.id,
            "object": "video",
            "model": MODEL,
            "status": state,
            "progress": round(view.progress) if view is not None else 0,
            "created_at": int(creation.created_wall),
            "completed_at": None,
            "expires_at": None,
            "size": SIZE,
            "seconds": SECONDS,
            "quality": "standard",
            "remixed_from_video_id": None,
            "error": None,
        }
        if view is not None and mapped in (CreationState.SUCCEEDED, CreationState.FAILED):
            job["completed_at"] = int(view.updated_wall)
        if mapped is CreationState.SUCCEEDED and view is not None:
            job["expires_at"] = int(view.updated_wall) + 3600
        if mapped is CreationState.FAILED:
            job["error"] = {"code": creation.failure_code or FAILURE_CODE, "message": FAILURE_MESSAGE}
        return job

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """The job, the state word as scripted."""
        return json_reply(200, self._job(creation, view.state, view))

    def file_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, request: RecordedRequest) -> Reply:
        """`/content`: the video once completed (a job has one: a lifecycle's further outputs are not
        reported), ranges honoured as the CDN honours them; 404 before."""
        done = self.entry.map_state(view.state) is CreationState.SUCCEEDED and bool(creation.outputs)
        if not done:
            return flat_error(404, message=f"Video {creation.id} has no content yet")
        output = creation.outputs[0]
        data = output.video
        return file_reply(request, data, "video/mp4", file_etag(output, VIDEO_FILE, len(data)))

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """The new job (OpenAIVideoJob)."""
        return json_reply(200, self._job(creation, state, None))


def _problem(body: dict[str, object]) -> tuple[str, str] | None:
    """The first way the form breaks OpenAIVideoCreateRequest (required fields, enums), or None."""
    from genvideo_comfy_client import models

    if not body.get("prompt"):
        return "prompt", "prompt is required"
    for name, enum_name in (
        ("model", "OpenAIVideoCreateRequestModel"),
        ("seconds", "OpenAIVideoCreateRequestSeconds"),
        ("size", "OpenAIVideoCreateRequestSize"),
    ):
        choices = [member.value for member in getattr(models, enum_name)]
        if name in body and body[name] not in choices:
            return name, f"{name} must be one of {', '.join(choices)}"
    return None


FAKE = OpenaiFake
