"""MiniMax (Hailuo) through the Comfy proxy (`/proxy/minimax/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import parse_qs

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

# base_resp of a failed task when the creation names no numeric failure_code: MiniMax's code for a video
# its moderation refused (the fake's choice of example).
DEFAULT_FAILURE_CODE = 1027
DEFAULT_FAILURE_MESSAGE = "The generated video may involve sensitive content."
OK = {"status_code": 0, "status_msg": "success"}

# file_id <-> task id, so that the stateless fake finds the creation a files/retrieve names. Task ids of up
# to 15 digits (MiniMax's and the fake's own) become FILE_BASE + the number: 16 digits, below 2**53, so that
# JavaScript (Prism) reads them exactly, like MiniMax's own file ids. Any other id becomes its UTF-8 bytes,
# after a 0x01 byte, as one big-endian integer (never in FILE_BASE's range).
FILE_BASE = 8 * 10**15
_NUMERIC_ID = re.compile(r"0|[1-9][0-9]{0,14}")
_DIGITS = re.compile(r"[0-9]{1,4000}")


def file_id(task_id: str) -> int:
    """The file_id the fake gives the video of task `task_id`."""
    if _NUMERIC_ID.fullmatch(task_id):
        return FILE_BASE + int(task_id)
    return int.from_bytes(b"\x01" + task_id.encode("utf-8", "surrogatepass"), "big")


def task_of(file_id_text: str) -> str:
    """The task id whose video has the file_id `file_id_text` ('' when it names none)."""
    if not _DIGITS.fullmatch(file_id_text):
        return ""
    number = int(file_id_text)
    if FILE_BASE <= number < FILE_BASE + 10**15:
        return str(number - FILE_BASE)
    data = number.to_bytes((number.bit_length() + 7) // 8 or 1, "big")
    if data[:1] != b"\x01":
        return ""
    try:
        return data[1:].decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return ""


def _first(query: str, name: str) -> str:
    values = parse_qs(query, keep_blank_values=True).get(name)
    return values[0] if values else ""


class MinimaxFake(ComfyProxyFake):
    """The submit `POST /proxy/minimax/video_generation` answers MinimaxVideoGenerationResponse (`task_id`,
    `base_resp`) and honours `Idempotency-Key` (the proxy does); the poll
    `GET /proxy/minimax/query/video_generation?task_id=` answers MinimaxTaskResultResponse: `file_id` once
    succeeded, `base_resp` with a non-zero `status_code` once failed (the creation's numeric `failure_code`,
    else 1027; a non-numeric one is sent as the `status_msg`). `GET /proxy/minimax/files/retrieve?file_id=`
    answers MinimaxFileRetrieveResponse once the task succeeded (`download_url` and `backup_download_url`,
    two signed links to the one video), 404 before. No progress. Errors: the proxy's flat envelope."""

    endpoints = (
        Endpoint("video_generation", "/proxy/minimax/video_generation", "submit"),
        Endpoint("status", "/proxy/minimax/query/video_generation", "poll"),
        Endpoint("retrieve", "/proxy/minimax/files/retrieve", "read"),
    )
    area = ("proxy", "minimax")
    default_states = ("Queueing", "Preparing", "Processing", "Success")
    success_state = "Success"
    running_states = frozenset({"Preparing", "Processing"})
    progress_scale = 1.0  # MiniMax reports no progress: the sandbox's numbers are never sent
    output_folder = "video"

    def match(self, segments: Sequence[str], request: RecordedRequest) -> tuple[Endpoint, str] | None:
        """The endpoint by path; the creation from the query: `task_id`, or the task whose `file_id` it is."""
        found = super().match(segments, request)
        if found is None or found[0].kind == "submit":
            return found
        endpoint = found[0]
        if endpoint.name == "status":
            return endpoint, _first(request.query, "task_id")
        return endpoint, task_of(_first(request.query, "file_id"))

    def spell(self, word: str) -> str:
        """MiniMax capitalises its words (`Fail`)."""
        spelled = super().spell(word)
        return spelled if spelled != word else word[:1].upper() + word[1:]

    def new_id(self, counter: int) -> str:
        """15 digits, like MiniMax's task ids."""
        return str(10**14 + int.from_bytes(self.submit_digest(counter)[:8], "big") % (9 * 10**14))

    def output_id(self, creation_id: str, index: int) -> str:
        """MiniMax names no outputs: `<task id>-1`, ..."""
        return f"{creation_id}-{index}"

    def _failure(self, creation: FakeCreation) -> JsonObject:
        code = creation.failure_code
        if code is not None and re.fullmatch(r"[1-9][0-9]{0,8}", code):
            return {"status_code": int(code), "status_msg": DEFAULT_FAILURE_MESSAGE}
        return {"status_code": DEFAULT_FAILURE_CODE, "status_msg": code or DEFAULT_FAILURE_MESSAGE}

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """MinimaxTaskResultResponse (the state word as scripted), or MinimaxFileRetrieveResponse; a task has one
        video (a lifecycle's further outputs are not reported)."""
        mapped = self.entry.map_state(view.state)
        done = mapped is CreationState.SUCCEEDED and bool(creation.outputs)
        if endpoint.name == "retrieve":
            if not done:
                return self.error(404, message=f"File {file_id(creation.id)} not found")
            output = creation.outputs[0]
            file = {
                "file_id": file_id(creation.id),
                "bytes": len(output.video),
                "created_at": int(view.updated_wall),
                "filename": "output.mp4",
                "purpose": "video_generation",
                "download_url": urls(output, VIDEO_FILE),
                "backup_download_url": urls(output, VIDEO_FILE),
            }
            return json_reply(200, {"file": file, "base_resp": OK})
        body: JsonObject = {"task_id": creation.id, "status": view.state, "base_resp": OK}
        if done:
            body["file_id"] = str(file_id(creation.id))
        if mapped is CreationState.FAILED:
            body["base_resp"] = self._failure(creation)
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """MinimaxVideoGenerationResponse: the task's id, and `base_resp` (a failure code when the creation's
        first state is a failure)."""
        failed = self.entry.map_state(state) is CreationState.FAILED
        return json_reply(200, {"task_id": creation.id, "base_resp": self._failure(creation) if failed else OK})


FAKE = MinimaxFake
