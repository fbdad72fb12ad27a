"""HitPaw's video enhancer through the Comfy proxy (`/proxy/hitpaw/api/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_MESSAGE = "Video enhancement failed"


class HitPawFake(ComfyProxyFake):
    """The submit answers HitPawJobResponse (`{"code": 200, "message": "OK", "data": {"job_id", "consume_coins"}}`)
    and honours `Idempotency-Key` (the proxy does); the poll is a **POST** `/proxy/hitpaw/api/task-status` with
    `{"job_id": ...}` in its body, answering HitPawTaskStatusResponse: `data.res_url` once COMPLETED, `code`
    and `message` naming a failure once ERROR, no progress. Errors: the proxy's flat envelope."""

    endpoints = (
        Endpoint("video-enhancer", "/proxy/hitpaw/api/video-enhancer", "submit", input_type="video"),
        Endpoint("status", "/proxy/hitpaw/api/task-status", "poll", method=("POST",)),
    )
    area = ("proxy", "hitpaw")
    default_states = ("WAITING", "CONVERTING", "COMPLETED")
    success_state = "COMPLETED"
    running_states = frozenset({"CONVERTING"})
    progress_scale = 1.0  # HitPaw reports no progress: the sandbox's numbers are never sent
    output_folder = "result"
    # A transform: no prompt, a video URL (the sandbox never fetches it) and the target size HitPaw requires.
    demo_arguments = MappingProxyType(
        {"prompt": "", "video": "https://sandbox.invalid/demo-input.mp4", "resolution": "1920x1080"}
    )
    takes_images = False

    def match(self, segments: Sequence[str], request: RecordedRequest) -> tuple[Endpoint, str] | None:
        """The endpoint by path; the poll's job from its JSON body (`job_id`; empty if unreadable)."""
        found = super().match(segments, request)
        if found is None or found[0].kind == "submit":
            return found
        try:
            body = json.loads(request.body)
        except (ValueError, RecursionError):
            return found
        job_id = body.get("job_id") if isinstance(body, dict) else None
        return found[0], job_id if isinstance(job_id, str) else ""

    def new_id(self, counter: int) -> str:
        """A UUID, like HitPaw's job ids."""
        return str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))

    def output_id(self, creation_id: str, index: int) -> str:
        """HitPaw names no outputs: `<job id>-1`, ..."""
        return f"{creation_id}-{index}"

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """HitPawTaskStatusResponse in the state `view` sees: one result video once completed."""
        mapped = self.entry.map_state(view.state)
        data: JsonObject = {"job_id": creation.id, "status": view.state}
        body: JsonObject = {"code": 200, "message": "OK", "data": data}
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            data["res_url"] = urls(creation.outputs[0], VIDEO_FILE)  # one video per job
        if mapped is CreationState.FAILED:
            code = creation.failure_code
            if code is not None and code.isdigit() and len(code) < 10:  # HitPaw's codes are integers
                body["code"], body["message"] = int(code), DEFAULT_FAILURE_MESSAGE
            else:  # any other text is its message
                body["code"], body["message"] = 500, code or DEFAULT_FAILURE_MESSAGE
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """HitPawJobResponse: the new job (HitPaw's submit reply carries no state)."""
        return json_reply(200, {"code": 200, "message": "OK", "data": {"job_id": creation.id, "consume_coins": 75}})


FAKE = HitPawFake
