"""Vidu through the Comfy proxy (`/proxy/vidu/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from urllib.parse import urlsplit

from .._creations import COVER_FILE, VIDEO_FILE, WATERMARKED_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, iso_utc, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

_TASK_ECHO = (
    "model",
    "style",
    "prompt",
    "images",
    "duration",
    "seed",
    "aspect_ratio",
    "resolution",
    "movement_amplitude",
    "bgm",
    "payload",
    "off_peak",
    "watermark",
)
# The request fields each submit's 200 reply repeats (ViduTaskReply, ViduExtendReply,
# ViduMultiframeReply); tests/sandbox checks them against the prepared spec.
ECHO: Mapping[str, tuple[str, ...]] = {
    "text2video": _TASK_ECHO,
    "img2video": _TASK_ECHO,
    "reference2video": _TASK_ECHO,
    "start-end2video": _TASK_ECHO,
    "extend": ("model", "video_creation_id", "video_url", "images", "prompt", "duration", "resolution", "payload"),
    "multiframe": ("model", "start_image", "image_settings", "resolution", "payload"),
}
DEFAULT_FAILURE_CODE = "CreationPolicyViolation"
EXTEND_MODELS = ("viduq2-pro", "viduq2-turbo")  # ViduExtendRequest.model's description


def _digits(digest: bytes) -> str:
    return str(9 * 10**17 + int.from_bytes(digest[:8], "big") % 10**17)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _extend_problem(body: JsonObject) -> tuple[str, str] | None:
    """What Vidu's extend refuses in a schema-valid body, as (field, message), or None."""
    if body["model"] not in EXTEND_MODELS:
        return "model", f"model must be one of {', '.join(EXTEND_MODELS)}"
    url = body.get("video_url")
    if url is None and not body.get("video_creation_id"):
        return "video_url", "video_url or video_creation_id is required"
    if url is not None:
        parts = urlsplit(str(url))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return "video_url", "video_url must be an http(s) URL"
    images = body.get("images")
    if isinstance(images, list) and len(images) > 1:
        return "images", "images accepts only 1 image (the end frame)"
    duration = body.get("duration")
    if duration is not None and not 1 <= duration <= 7:
        return "duration", "duration must be 1 to 7"
    return None


class ViduFake(ComfyProxyFake):
    """Submits answer ViduTaskReply (the creation's first state, echoing request fields), honour
    `Idempotency-Key`; the poll `GET /proxy/vidu/tasks/{id}/creations` answers ViduGetCreationsReply
    plus the proxy's `progress` (0-100). Errors: the proxy's flat envelope. An extend is checked as Vidu
    describes it beyond the schema (400 naming the field): `model` viduq2-pro or viduq2-turbo, a `video_url`
    (an http(s) URL) or a `video_creation_id`, at most one end-frame image, `duration` 1 to 7."""

    endpoints = (
        *(Endpoint(name, f"/proxy/vidu/{name}", "submit") for name in ECHO),
        Endpoint("status", "/proxy/vidu/tasks/{id}/creations", "poll"),
    )
    area = ("proxy", "vidu")
    default_states = ("queueing", "processing", "success")
    success_state = "success"
    running_states = frozenset({"processing"})
    progress_scale = 100.0
    output_folder = "creation"
    # An extend of a video URL (the sandbox never fetches it).
    video_arguments = MappingProxyType({"prompt": "the fox keeps running", "video": "https://sandbox.invalid/a.mp4"})

    def read_submit(self, endpoint: Endpoint, request: RecordedRequest) -> tuple[object, tuple[str, str] | None]:
        """The JSON body checked against the spec's request schema; an extend also as Vidu describes it."""
        body, problem = super().read_submit(endpoint, request)
        if problem is not None or endpoint.name != "extend" or not isinstance(body, dict):
            return body, problem
        return body, _extend_problem(body)

    def new_id(self, counter: int) -> str:
        """18 digits."""
        return _digits(self.submit_digest(counter))

    def output_id(self, creation_id: str, index: int) -> str:
        """18 digits."""
        return _digits(self.digest(creation_id, str(index)))

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """ViduGetCreationsReply: outputs once succeeded, `err_code` (and any `blocked_resources`) once failed."""
        failed = view.state == "failed"
        failure_code = creation.failure_code if creation.failure_code is not None else DEFAULT_FAILURE_CODE
        body: JsonObject = {
            "id": creation.id,
            "state": view.state,
            "err_code": failure_code if failed else "",
            "credits": creation.credits,
            "progress": _number(view.progress),
            "creations": [],
        }
        if view.state == self.success_state:
            body["creations"] = [
                {
                    "id": output.id,
                    "url": urls(output, VIDEO_FILE),
                    "cover_url": urls(output, COVER_FILE),
                    "watermarked_url": urls(output, WATERMARKED_FILE),
                    "moderation_url": [],
                }
                for output in creation.outputs
            ]
        if failed and creation.blocked_resources is not None:
            body["blocked_resources"] = creation.blocked_resources
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """ViduTaskReply / ViduExtendReply / ViduMultiframeReply: the request fields it has, as sent."""
        reply: JsonObject = {"task_id": creation.id, "state": state}
        reply.update({name: body[name] for name in ECHO[endpoint.name] if body.get(name) is not None})
        reply["credits"] = creation.credits
        reply["created_at"] = iso_utc(creation.created_wall)
        return json_reply(200, reply)


FAKE = ViduFake
