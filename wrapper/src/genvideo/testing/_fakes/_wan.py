"""Wan (Alibaba DashScope) through the Comfy proxy (`/proxy/wan/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_CODE = "DataInspectionFailed"
DEFAULT_FAILURE_MESSAGE = "Input data may contain inappropriate content."


def dashscope_time(epoch: float) -> str:
    """DashScope's task times: `2025-01-02 03:04:05.678`, no zone (the sandbox's are UTC)."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


class WanFake(ComfyProxyFake):
    """The one submit answers WanVideoGenerationResponse (`output.task_id`, `output.task_status`) and
    honours `Idempotency-Key` (the proxy does); the poll `GET /proxy/wan/api/v1/tasks/{task_id}`
    answers WanTaskQueryResponse: `output.video_url` once succeeded, `output.code` / `output.message`
    once failed, no progress. Errors: the proxy's flat envelope (the spec's ErrorResponse)."""

    endpoints = (
        Endpoint("video-synthesis", "/proxy/wan/api/v1/services/aigc/video-generation/video-synthesis", "submit"),
        Endpoint("status", "/proxy/wan/api/v1/tasks/{task_id}", "poll"),
    )
    area = ("proxy", "wan")
    default_states = ("PENDING", "RUNNING", "SUCCEEDED")
    success_state = "SUCCEEDED"
    running_states = frozenset({"RUNNING"})
    progress_scale = 1.0  # Wan reports no progress: the sandbox's numbers are never sent
    output_folder = "video"
    # Reference-to-video (wan2.6-r2v): a reference video URL, which the sandbox never fetches.
    video_arguments = MappingProxyType({"video": "https://sandbox.invalid/demo-reference.mp4"})

    def new_id(self, counter: int) -> str:
        """A UUID, like DashScope's task ids."""
        return str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))

    def output_id(self, creation_id: str, index: int) -> str:
        """Wan names no outputs: `<task id>-1`, ..."""
        return f"{creation_id}-{index}"

    def request_id(self, *parts: str) -> str:
        """A UUID per reply, like DashScope's `request_id` (deterministic here)."""
        return str(uuid.UUID(bytes=self.digest("request", *parts)[:16]))

    def _mapped(self, state: str) -> CreationState:
        return self.entry.map_state(state)

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """WanTaskQueryResponse: the times DashScope sends, `video_url` (and `usage`) once succeeded,
        `code` and `message` once failed. The state word is reported as scripted; a task has one video
        (a lifecycle's further outputs are not reported)."""
        mapped = self._mapped(view.state)
        output: JsonObject = {
            "task_id": creation.id,
            "task_status": view.state,
            "submit_time": dashscope_time(creation.created_wall),
        }
        if mapped is not CreationState.QUEUED and mapped is not CreationState.UNKNOWN:
            output["scheduled_time"] = dashscope_time(creation.created_wall)
        body: JsonObject = {"request_id": self.request_id(creation.id, view.state), "output": output}
        if mapped is CreationState.SUCCEEDED or mapped is CreationState.FAILED:
            output["end_time"] = dashscope_time(view.updated_wall)
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            output["video_url"] = urls(creation.outputs[0], VIDEO_FILE)  # one video per task
            body["usage"] = {"video_count": 1}
        if mapped is CreationState.FAILED:
            output["code"] = creation.failure_code if creation.failure_code is not None else DEFAULT_FAILURE_CODE
            output["message"] = DEFAULT_FAILURE_MESSAGE
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """WanVideoGenerationResponse: the new task and its first state."""
        reply = {
            "request_id": self.request_id(creation.id, "submit"),
            "output": {"task_id": creation.id, "task_status": state},
        }
        return json_reply(200, reply)


FAKE = WanFake
