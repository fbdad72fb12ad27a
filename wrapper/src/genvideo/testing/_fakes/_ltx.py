"""LTX Video through the Comfy proxy (`/proxy/ltx/v1/...` under the `comfy` spec's prefix): synchronous."""

from __future__ import annotations

import uuid

from .._creations import FakeCreation, View
from .._replies import JsonObject, Reply, flat_error
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake


class LtxFake(ComfyProxyFake):
    """`POST /proxy/ltx/v1/text-to-video` and `POST /proxy/ltx/v1/image-to-video` answer **the video itself**:
    `200` with `Content-Type: video/mp4` and the creation's video bytes (the sandbox's sample media). There is
    no id, no poll and no state word: the creation the sandbox records for a submit is done at once. A creation
    scripted with a `failure_code` is refused instead, as the proxy refuses one: `400` with the spec's
    ErrorResponse (`error`: the code, `message`). Errors: the proxy's flat envelope.

    The proxy's replay of an `Idempotency-Key` is not assumed for a synchronous video body (nothing documents
    it): each submit makes, and bills, a new video, which is why genvideo never retries one blindly."""

    endpoints = (
        Endpoint("text-to-video", "/proxy/ltx/v1/text-to-video", "submit"),
        Endpoint("image-to-video", "/proxy/ltx/v1/image-to-video", "submit", input_type="image"),
    )
    area = ("proxy", "ltx")
    default_states = ("done",)  # the sandbox's lifecycle of a submit: finished when it answers
    success_state = "done"
    running_states = frozenset()
    progress_scale = 1.0  # LTX reports no progress: never sent
    output_folder = "video"
    honours_idempotency_key = False

    def new_id(self, counter: int) -> str:
        """LTX names nothing: the sandbox's own record id (a UUID) for the submit."""
        return str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))

    def output_id(self, creation_id: str, index: int) -> str:
        """`<record id>-1`: LTX names no outputs."""
        return f"{creation_id}-{index}"

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """Never called: LTX has no poll or read endpoint."""
        return self.no_creation(creation.id)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """The video (`video/mp4`), or the ErrorResponse of a creation scripted to fail."""
        if creation.failure_code is not None or not creation.outputs:
            code = creation.failure_code or "generation_failed"
            return flat_error(400, code=code, message=f"Video generation failed: {code}")
        return Reply(200, (("Content-Type", "video/mp4"),), creation.outputs[0].video)


FAKE = LtxFake
