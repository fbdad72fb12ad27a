"""Bria's video background removal through the Comfy proxy (`/proxy/bria/v2/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_CODE = "500"
DEFAULT_FAILURE_MESSAGE = "Background removal failed"


class BriaFake(ComfyProxyFake):
    """The submit answers HTTP 202 BriaAsyncResponse (`request_id`, `status_url`) and honours
    `Idempotency-Key` (the proxy does); the poll `GET /proxy/bria/v2/status/{request_id}` answers
    BriaStatusResponse: `result.video_url` once COMPLETED, `error` (`code`, `message`) once ERROR, no
    progress; an unknown id gets Bria's 404 `{"status": "NOT_FOUND"}`. Other errors: the proxy's flat envelope."""

    endpoints = (
        Endpoint("remove_background", "/proxy/bria/v2/video/edit/remove_background", "submit", input_type="video"),
        Endpoint("status", "/proxy/bria/v2/status/{request_id}", "poll"),
    )
    area = ("proxy", "bria")
    default_states = ("IN_PROGRESS", "COMPLETED")
    success_state = "COMPLETED"
    running_states = frozenset({"IN_PROGRESS"})
    progress_scale = 1.0  # Bria reports no progress: the sandbox's numbers are never sent
    output_folder = "result"
    # A transform: no prompt, and a video URL (the sandbox never fetches it).
    demo_arguments = MappingProxyType({"prompt": "", "video": "https://sandbox.invalid/demo-input.mp4"})
    takes_images = False

    def new_id(self, counter: int) -> str:
        """A hex UUID, like Bria's request ids."""
        return uuid.UUID(bytes=self.submit_digest(counter)[:16]).hex

    def output_id(self, creation_id: str, index: int) -> str:
        """Bria names no outputs: `<request id>-1`, ..."""
        return f"{creation_id}-{index}"

    def no_creation(self, creation_id: str) -> Reply:
        """Bria's 404 (BriaStatusNotFoundResponse): "Request ID not found or expired"."""
        return json_reply(404, {"status": "NOT_FOUND"})

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """BriaStatusResponse in the state `view` sees: one video once completed."""
        mapped = self.entry.map_state(view.state)
        body: JsonObject = {"request_id": creation.id, "status": view.state}
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            body["result"] = {"video_url": urls(creation.outputs[0], VIDEO_FILE)}  # one video per request
        if mapped is CreationState.FAILED:
            code = creation.failure_code or DEFAULT_FAILURE_CODE
            if code.isdigit() and len(code) < 10:  # Bria's codes are integers; any other text is its message
                body["error"] = {"code": int(code), "message": DEFAULT_FAILURE_MESSAGE}
            else:
                body["error"] = {"code": 500, "message": code}
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """HTTP 202 BriaAsyncResponse: the new request (no state)."""
        status_url = f"https://engine.prod.bria-api.com/v2/status/{creation.id}"
        return json_reply(202, {"request_id": creation.id, "status_url": status_url})


FAKE = BriaFake
