"""BytePlus (ByteDance Seedance) through the Comfy proxy (`/proxy/byteplus/api/v3/contents/generations/tasks`)."""

from __future__ import annotations

import uuid

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_CODE = "OutputVideoSensitiveContentDetected"
DEFAULT_FAILURE_MESSAGE = "The output video may contain sensitive information."


class BytePlusFake(ComfyProxyFake):
    """The submit answers BytePlusVideoGenerationResponse (`{id}`) and honours `Idempotency-Key` (the proxy
    does); the poll `GET …/tasks/{task_id}` answers BytePlusVideoGenerationQueryResponse: `content.video_url`
    once succeeded, `error` `{code, message}` once failed (null otherwise), UNIX-second times, no progress.
    Errors: the proxy's flat envelope (the spec's ErrorResponse)."""

    endpoints = (
        Endpoint("tasks", "/proxy/byteplus/api/v3/contents/generations/tasks", "submit"),
        Endpoint("status", "/proxy/byteplus/api/v3/contents/generations/tasks/{task_id}", "poll"),
    )
    area = ("proxy", "byteplus")
    default_states = ("queued", "running", "succeeded")
    success_state = "succeeded"
    running_states = frozenset({"running"})
    progress_scale = 1.0  # BytePlus reports no progress: the sandbox's numbers are never sent
    output_folder = "video"

    def new_id(self, counter: int) -> str:
        """`cgt-<date>-<suffix>`-like ids (deterministic here)."""
        return "cgt-" + uuid.UUID(bytes=self.submit_digest(counter)[:16]).hex[:20]

    def output_id(self, creation_id: str, index: int) -> str:
        """BytePlus names no outputs: `<task id>-1`, ..."""
        return f"{creation_id}-{index}"

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """BytePlusVideoGenerationQueryResponse; the state word is reported as scripted, one video per task."""
        mapped = self.entry.map_state(view.state)
        body: JsonObject = {
            "id": creation.id,
            "model": "seedance-1-0-pro-fast-251015",
            "status": view.state,
            "error": None,
            "created_at": int(creation.created_wall),
            "updated_at": int(view.updated_wall),
        }
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            body["content"] = {"video_url": urls(creation.outputs[0], VIDEO_FILE)}
            body["usage"] = {"completion_tokens": 108900, "total_tokens": 108900}
        if mapped is CreationState.FAILED:
            code = creation.failure_code if creation.failure_code is not None else DEFAULT_FAILURE_CODE
            body["error"] = {"code": code, "message": DEFAULT_FAILURE_MESSAGE}
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """BytePlusVideoGenerationResponse: only the new task's id."""
        return json_reply(200, {"id": creation.id})


FAKE = BytePlusFake
