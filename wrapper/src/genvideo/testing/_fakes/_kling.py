"""Kling through the Comfy proxy (`/proxy/kling/v1/videos/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, WATERMARKED_FILE, FakeCreation, View
from .._replies import Headers, JsonObject, Reply, json_reply, reason_phrase
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

VIDEOS = "/proxy/kling/v1/videos"
# The task kinds (the submit path's last segment, a ref's scope) and what a submit there records as input.
KIND_OF_INPUT = {"text": "text2video", "image": "image2video", "video": "motion-control"}
DEFAULT_FAILURE_MESSAGE = "The task failed in the sandbox"
# KlingErrorResponse.code for an HTTP status (the spec's list: 1000 authentication failed, 1102 resource pack
# depleted, 1103 unauthorized resource, 1200 invalid request, 1202 invalid method, 1203 no such resource,
# 1302 too frequent, 5000 internal error, 5001 unavailable, 5002 timeout).
ERROR_CODES = {
    400: 1200,
    401: 1000,
    402: 1102,
    403: 1103,
    404: 1203,
    405: 1202,
    429: 1302,
    500: 5000,
    503: 5001,
    504: 5002,
}


def _uuid(digest: bytes) -> str:
    return str(uuid.UUID(bytes=digest[:16], version=4))


def _milliseconds(epoch: float) -> int:
    return int(epoch * 1000)


class KlingFake(ComfyProxyFake):
    """The submits `POST /proxy/kling/v1/videos/{text2video,image2video,motion-control}` answer
    KlingText2VideoResponse / KlingImage2VideoResponse / KlingMotionControlResponse (`code: 0`,
    `data.task_id`, the first state) and honour `Idempotency-Key` (the proxy does); each body is checked
    against its own request schema (motion control's requires `image_url`, `video_url`,
    `character_orientation` and `mode`). Each task is looked up at its own kind's path,
    `GET …/text2video/{id}` (`status`), `GET …/image2video/{id}` (`image2video-status`) or
    `GET …/motion-control/{id}` (`motion-control-status`): another kind's path answers 404, as an unknown task.
    A creation's kind is the endpoint that started it, or `add_creation(..., scope=[kind])` (default
    text2video). The lookup answers `data.task_status` as scripted, `task_result.videos` (`url` and
    `watermark_url`) once succeed, `task_status_msg` (the lifecycle's `failure_code`, else a sentence) once
    failed, times in UNIX milliseconds, no progress.

    Errors: Kling's KlingErrorResponse (`code` from the spec's list, or a numeric `code` asked for; a word asked
    for is kept as `error`), also for an unknown task (404, 1203); the proxy's own refusals (401 without a key,
    409 for a reused `Idempotency-Key`) in its flat envelope.
    """

    endpoints = (
        Endpoint("text2video", f"{VIDEOS}/text2video", "submit", input_type="text"),
        Endpoint("image2video", f"{VIDEOS}/image2video", "submit", input_type="image"),
        Endpoint("status", f"{VIDEOS}/text2video/{{id}}", "poll"),
        Endpoint("image2video-status", f"{VIDEOS}/image2video/{{id}}", "poll"),
        Endpoint("motion-control", f"{VIDEOS}/motion-control", "submit", input_type="video"),
        Endpoint("motion-control-status", f"{VIDEOS}/motion-control/{{id}}", "poll"),
    )
    area = ("proxy", "kling")
    default_states = ("submitted", "processing", "succeed")
    success_state = "succeed"
    running_states = frozenset({"processing"})
    progress_scale = 1.0  # Kling reports no progress: the sandbox's numbers are never sent
    output_folder = "video"
    video_arguments = MappingProxyType(
        {
            "video": "https://sandbox.invalid/reference.mp4",
            "image": "https://sandbox.invalid/character.png",
            "character_orientation": "video",
        }
    )

    def new_id(self, counter: int) -> str:
        """18 digits, like Kling's task ids."""
        return str(8 * 10**17 + int.from_bytes(self.submit_digest(counter)[:8], "big") % 10**17)

    def output_id(self, creation_id: str, index: int) -> str:
        """A UUID (Kling's video ids are)."""
        return _uuid(self.digest(creation_id, str(index)))

    def kind(self, creation: FakeCreation) -> str:
        """The creation's task kind: its scope, else the kind of the submit that started it."""
        return creation.scope[0] if creation.scope else KIND_OF_INPUT.get(creation.input_type, "text2video")

    def error(
        self,
        status: int,
        *,
        code: str | None = None,
        message: str | None = None,
        details: Sequence[str] = (),
        headers: Headers = (),
    ) -> Reply:
        """`{"code": 1200, "message": "Bad Request", "request_id": ...}` (KlingErrorResponse); a numeric `code`
        is sent as Kling's code, any other as `error` beside the status's own; `details` when given."""
        number = int(code) if code and code.isdigit() else ERROR_CODES.get(status, 5000 if status >= 500 else 1200)
        document: JsonObject = {
            "code": number,
            "message": message or reason_phrase(status),
            "request_id": _uuid(self.digest("error", str(status), message or "")),
        }
        if code and not code.isdigit():
            document["error"] = code
        if details:
            document["details"] = list(details)
        return json_reply(status, document, headers)

    def no_creation(self, creation_id: str) -> Reply:
        """Kling's 404 for a task it does not know (KlingErrorResponse, code 1203)."""
        return self.error(404, message="Requested resource does not exist")

    def _data(self, creation: FakeCreation, state: str, updated_wall: float) -> JsonObject:
        return {
            "task_id": creation.id,
            "task_status": state,
            "task_info": {},
            "created_at": _milliseconds(creation.created_wall),
            "updated_at": _milliseconds(updated_wall),
        }

    def _reply(self, creation: FakeCreation, data: JsonObject, what: str) -> Reply:
        request_id = _uuid(self.digest(creation.id, what))
        return json_reply(200, {"code": 0, "message": "SUCCEED", "request_id": request_id, "data": data})

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """The task in the state `view` sees, at its own kind's path only (the other one: 404)."""
        if endpoint.segments[-2] != self.kind(creation):
            return self.no_creation(creation.id)
        mapped = self.entry.map_state(view.state)
        data = self._data(creation, view.state, view.updated_wall)
        if mapped is CreationState.SUCCEEDED:
            data["task_result"] = {
                "videos": [
                    {"id": output.id, "url": urls(output, VIDEO_FILE), "watermark_url": urls(output, WATERMARKED_FILE)}
                    for output in creation.outputs
                ]
            }
        if mapped is CreationState.FAILED:
            failure = creation.failure_code
            data["task_status_msg"] = failure if failure is not None else DEFAULT_FAILURE_MESSAGE
        return self._reply(creation, data, f"{view.state}/{view.updated_wall}")

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """KlingText2VideoResponse / KlingImage2VideoResponse / KlingMotionControlResponse: the new task in its
        first state (Kling sends its failure reason on lookups only), with the request's `external_task_id`
        when it had one."""
        data = self._data(creation, state, creation.created_wall)
        if isinstance(body.get("external_task_id"), str):
            data["task_info"] = {"external_task_id": body["external_task_id"]}
        return self._reply(creation, data, "submit")


FAKE = KlingFake
