"""Vidu through the Comfy proxy (`/proxy/vidu/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .._creations import COVER_FILE, VIDEO_FILE, WATERMARKED_FILE, FakeCreation, View
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


def _digits(digest: bytes) -> str:
    return str(9 * 10**17 + int.from_bytes(digest[:8], "big") % 10**17)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class ViduFake(ComfyProxyFake):
    """Submits answer ViduTaskReply (the creation's first state, echoing request fields), honour
    `Idempotency-Key`; the poll `GET /proxy/vidu/tasks/{id}/creations` answers ViduGetCreationsReply
    plus the proxy's `progress` (0-100). Errors: the proxy's flat envelope. Bodies are checked against the
    spec's request schemas only (tests/sandbox holds the sandbox to accepting exactly what they allow), the
    extend's `ViduExtendRequest` included."""

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
