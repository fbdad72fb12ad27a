"""xAI Grok Imagine video through the Comfy proxy (`/proxy/xai/v1/videos/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from types import MappingProxyType
from urllib.parse import urlsplit

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, flat_error, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

MODEL = "grok-imagine-video"
TICKS_PER_VIDEO = 5_000_000_000  # usage.cost_in_usd_ticks: 0.50 USD (10,000,000,000 ticks = 1 USD)


class XaiFake(ComfyProxyFake):
    """The submits `POST /proxy/xai/v1/videos/generations` and `POST /proxy/xai/v1/videos/edits` (a video
    to edit as `video.url`: an http(s) URL whose path ends in `.mp4`, or a `data:video/...` URI, as xAI
    asks; anything else is a 400 naming `video.url`) answer XAIVideoAsyncResponse (`request_id`) and
    honour `Idempotency-Key` (the proxy does); the poll `GET /proxy/xai/v1/videos/{request_id}` answers
    XAIVideoResultResponse, **HTTP 202 while pending** and 200 otherwise: `video.url` once done. xAI has no
    failure word: a creation scripted with a `failure_code` ends `done` with that text as `block_reason`
    and no video (a request blocked by input moderation). No progress, no times. Errors: the proxy's flat
    envelope (the spec's ErrorResponse)."""

    endpoints = (
        Endpoint("generations", "/proxy/xai/v1/videos/generations", "submit"),
        # Before the poll: a POST to .../edits must not be read as a request id.
        Endpoint("edits", "/proxy/xai/v1/videos/edits", "submit", input_type="video"),
        Endpoint("status", "/proxy/xai/v1/videos/{request_id}", "poll"),
    )
    area = ("proxy", "xai")
    default_states = ("pending", "done")
    success_state = "done"
    running_states = frozenset({"pending"})
    progress_scale = 1.0  # xAI reports no progress: the sandbox's numbers are never sent
    output_folder = "video"
    # An edit: a prompt and a video URL (the sandbox never fetches it).
    video_arguments = MappingProxyType({"prompt": "make it snow", "video": "https://sandbox.invalid/clip.mp4"})

    def read_submit(self, endpoint: Endpoint, request: RecordedRequest) -> tuple[object, tuple[str, str] | None]:
        """The JSON body checked against the spec's request schema, and an edit's `video.url` as xAI takes
        it: a URL of an `.mp4` file or a base64 `data:` URI."""
        body, problem = super().read_submit(endpoint, request)
        if problem is not None or endpoint.name != "edits" or not isinstance(body, dict):
            return body, problem
        url = body["video"]["url"]
        if url.startswith("data:video/"):
            return body, None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or not parts.path.lower().endswith(".mp4"):
            return body, ("video.url", "video.url must be a public URL of an .mp4 file or a base64 data URL")
        return body, None

    def new_id(self, counter: int) -> str:
        """A UUID, like xAI's request ids."""
        return str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))

    def output_id(self, creation_id: str, index: int) -> str:
        """xAI names no outputs: `<request id>-1`, ..."""
        return f"{creation_id}-{index}"

    def no_creation(self, creation_id: str) -> Reply:
        """The spec's 404 "Request ID not found"."""
        return flat_error(404, message=f"Request ID {creation_id} not found")

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """XAIVideoResultResponse: 202 while pending; once done, `video` and `usage`, or `block_reason`
        (and no video) when the creation was scripted with a failure code. The state word is reported as
        scripted; a request has one video (a lifecycle's further outputs are not reported)."""
        mapped = self.entry.map_state(view.state)
        body: JsonObject = {"status": view.state, "model": MODEL}
        if mapped is CreationState.SUCCEEDED and creation.failure_code is not None:
            body["block_reason"] = creation.failure_code
        elif mapped is CreationState.SUCCEEDED and creation.outputs:
            url = urls(creation.outputs[0], VIDEO_FILE)  # one video per request
            body["video"] = {"url": url, "duration": 8, "respect_moderation": True}
            body["usage"] = {"cost_in_usd_ticks": TICKS_PER_VIDEO}
        return json_reply(202 if view.state == "pending" else 200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """XAIVideoAsyncResponse: the new request's id only."""
        return json_reply(200, {"request_id": creation.id})


FAKE = XaiFake
