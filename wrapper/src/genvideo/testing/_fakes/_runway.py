"""Runway through the Comfy proxy (`/proxy/runway/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from types import MappingProxyType

from .._creations import VIDEO_FILE, FakeCreation, View
from .._replies import JsonObject, Reply, iso_utc, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_CODE = "SAFETY.INPUT.TEXT"
# Runway's failure texts for a few of its failure codes; any other code gets a generic one.
FAILURE_TEXTS = {
    "SAFETY.INPUT.TEXT": "The prompt did not pass content moderation.",
    "SAFETY.INPUT.IMAGE": "The input image did not pass content moderation.",
    "ASSET.INVALID": "The input image could not be read.",
}
FAILED_STATE = "FAILED"


def _uuid(digest: bytes) -> str:
    return str(uuid.UUID(bytes=digest[:16], version=4))


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


class RunwayFake(ComfyProxyFake):
    """The submit answers RunwayImageToVideoResponse (`{"id": ...}` only, whatever the first state) and
    honours `Idempotency-Key` (the proxy does, for every provider); the poll `GET /proxy/runway/tasks/{task_id}`
    answers RunwayTaskStatusResponse: `progress` (0-1) only while RUNNING, `output` (video URLs) once
    SUCCEEDED, Runway's `failure` and `failureCode` once FAILED. Errors: the proxy's flat envelope, which
    has the spec's ErrorResponse fields (`error`, `message`)."""

    endpoints = (
        Endpoint("image_to_video", "/proxy/runway/image_to_video", "submit", input_type="image"),
        Endpoint("status", "/proxy/runway/tasks/{task_id}", "poll"),
    )
    area = ("proxy", "runway")
    default_states = ("PENDING", "RUNNING", "SUCCEEDED")
    success_state = "SUCCEEDED"
    running_states = frozenset({"RUNNING"})
    progress_scale = 1.0
    output_folder = "output"
    demo_arguments = MappingProxyType({"image": "https://sandbox.invalid/demo-first-frame.png"})

    def new_id(self, counter: int) -> str:
        """A UUID, as Runway's task ids are."""
        return _uuid(self.submit_digest(counter))

    def output_id(self, creation_id: str, index: int) -> str:
        """A UUID (Runway's output files are named by one)."""
        return _uuid(self.digest(creation_id, str(index)))

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """RunwayTaskStatusResponse in the state `view` sees."""
        body: JsonObject = {"id": creation.id, "status": view.state, "createdAt": iso_utc(creation.created_wall)}
        if view.state in self.running_states:
            body["progress"] = _number(view.progress)
        if view.state == self.success_state:
            body["output"] = [urls(output, VIDEO_FILE) for output in creation.outputs]
        if view.state == FAILED_STATE:
            code = creation.failure_code if creation.failure_code is not None else DEFAULT_FAILURE_CODE
            body["failure"] = FAILURE_TEXTS.get(code, "The task failed.")
            body["failureCode"] = code
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """RunwayImageToVideoResponse: the task's id alone (its state shows on the first poll)."""
        return json_reply(200, {"id": creation.id})


FAKE = RunwayFake
