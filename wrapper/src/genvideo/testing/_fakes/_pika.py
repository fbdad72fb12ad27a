"""Pika 2.2 through the Comfy proxy (`/proxy/pika/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import base64
import math
import uuid
from email import policy
from email.message import Message
from email.parser import BytesParser
from urllib.parse import parse_qsl

from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

PIKA = "/proxy/pika"
URLENCODED = "application/x-www-form-urlencoded"
FILE_FIELDS = frozenset({"image"})
RESOLUTIONS = ("1080p", "720p")
DURATIONS = ("5", "10")


def _uuid(digest: bytes) -> str:
    return str(uuid.UUID(bytes=digest[:16], version=4))


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


class PikaFake(ComfyProxyFake):
    """The submits take forms, as the spec declares: `POST /proxy/pika/generate/2.2/t2v` an
    `application/x-www-form-urlencoded` one (`promptText` required), `POST /proxy/pika/generate/2.2/i2v` a
    `multipart/form-data` one (`image` a file part); both honour `Idempotency-Key` (the proxy does) and answer
    `{video_id}`. The poll `GET /proxy/pika/videos/{video_id}` answers PikaVideoResponse: `status` as scripted,
    `progress` (0-100), `url` once finished. Pika sends no failure reason (a failed video is `failed`, ComfyUI's
    word, with nothing else).

    A submit is recorded as its fields: text as text, the image as a `data:<type>;base64,` URI. A form the
    spec refuses gets Pika's 422 (`{"detail": [{loc, msg, type}]}`); the proxy's own errors its flat envelope.
    """

    endpoints = (
        Endpoint("t2v", f"{PIKA}/generate/2.2/t2v", "submit", input_type="text"),
        Endpoint("i2v", f"{PIKA}/generate/2.2/i2v", "submit", input_type="image"),
        Endpoint("status", f"{PIKA}/videos/{{video_id}}", "poll"),
    )
    area = ("proxy", "pika")
    default_states = ("queued", "started", "finished")
    success_state = "finished"
    running_states = frozenset({"started"})
    progress_scale = 100.0
    output_folder = "video"

    def new_id(self, counter: int) -> str:
        """A UUID (version 4 layout)."""
        return _uuid(self.submit_digest(counter))

    def output_id(self, creation_id: str, index: int) -> str:
        """Pika names no outputs: `<video id>-1`, ..."""
        return f"{creation_id}-{index}"

    def read_submit(self, endpoint: Endpoint, request: RecordedRequest) -> tuple[object, tuple[str, str] | None]:
        """The form's fields, checked as the spec declares them: t2v form-urlencoded, i2v multipart."""
        content_type = request.header("Content-Type") or ""
        body: dict[str, object] = {}
        if endpoint.name == "t2v":
            if content_type.split(";")[0].strip().lower() != URLENCODED:
                return None, ("body", f"Request body must be {URLENCODED}")
            try:
                fields = parse_qsl(request.body.decode("ascii"), keep_blank_values=True, strict_parsing=True)
            except (UnicodeDecodeError, ValueError):
                return None, ("body", "Request body is not a valid form")
            body.update(fields)
        else:
            parts = _parts(content_type, request.body)
            if parts is None:
                return None, ("body", "Request body must be multipart/form-data")
            for part in parts:
                name = part.get_param("name", header="content-disposition")
                if not isinstance(name, str) or not name:
                    return None, ("body", "every form part needs a name")
                data = part.get_payload(decode=True)
                content = data if isinstance(data, bytes) else b""
                if part.get_filename() is not None or name in FILE_FIELDS:
                    if name not in FILE_FIELDS or part.get_filename() is None:
                        return None, (name, f"{name} must be {'a file' if name in FILE_FIELDS else 'a text'} part")
                    body[name] = f"data:{part.get_content_type()};base64,{base64.b64encode(content).decode()}"
                    continue
                try:
                    body[name] = content.decode("utf-8")
                except UnicodeDecodeError:
                    return None, (name, f"{name} must be UTF-8 text")
        return body, _problem(body, endpoint.name)

    def bad_request(self, field: str, message: str) -> Reply:
        """Pika's 422 (PikaHTTPValidationError)."""
        return json_reply(422, {"detail": [{"loc": ["body", field], "msg": message, "type": "value_error"}]})

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """PikaVideoResponse in the state `view` sees."""
        body: JsonObject = {"id": creation.id, "status": view.state, "url": None, "progress": round(view.progress)}
        if view.state == self.success_state and creation.outputs:
            body["url"] = urls(creation.outputs[0], VIDEO_FILE)
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """PikaGenerateResponse: the new video's id."""
        return json_reply(200, {"video_id": creation.id})


def _problem(body: dict[str, object], kind: str) -> tuple[str, str] | None:
    """The first way a form breaks the spec's PikaBody_generate_2_2_{t2v,i2v}, or None."""
    known = {"promptText", "negativePrompt", "seed", "resolution", "duration"}
    known |= {"aspectRatio"} if kind == "t2v" else {"image"}
    for name in body:
        if name not in known:
            return name, f"{name} is not a field of this form"
    if kind == "t2v" and not body.get("promptText"):
        return "promptText", "promptText is required"
    if "resolution" in body and body["resolution"] not in RESOLUTIONS:
        return "resolution", f"resolution must be one of {', '.join(RESOLUTIONS)}"
    if "duration" in body and body["duration"] not in DURATIONS:
        return "duration", f"duration must be one of {', '.join(DURATIONS)}"
    seed = body.get("seed")
    if isinstance(seed, str) and not seed.lstrip("-").isdigit():
        return "seed", "seed must be an integer"
    ratio = body.get("aspectRatio")
    if isinstance(ratio, str):
        try:
            value = float(ratio)
        except ValueError:
            value = math.nan
        if not 0.4 <= value <= 2.5:  # NaN fails too
            return "aspectRatio", "aspectRatio must be a number from 0.4 to 2.5"
    return None


FAKE = PikaFake
