"""PixVerse through the Comfy proxy (`/proxy/pixverse/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import email.parser
import email.policy
import hashlib

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, iso_utc, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

PIXVERSE = "/proxy/pixverse"
DEFAULT_FAILURE_MESSAGE = "The generation failed in the sandbox"
#: A status code the spec does not list, for a word the registry does not map (`spell`).
UNLISTED_CODE = "2"


def _code(state: str) -> int | str:
    """A scripted state as PixVerse sends it: its integer code (a word that is no code is sent as is)."""
    return int(state) if state.isascii() and state.isdigit() else state


class PixverseFake(ComfyProxyFake):
    """The submits `POST /proxy/pixverse/video/{text,img}/generate` answer PixverseVideoResponse (`ErrCode: 0`,
    `Resp.video_id`, an integer) and honour `Idempotency-Key` (the proxy does). `POST /proxy/pixverse/image/upload`
    (an `upload` endpoint: it starts nothing) takes a multipart `image` and answers `Resp.img_id`, the same id for
    the same bytes. `GET /proxy/pixverse/video/result/{id}` (`status`) answers PixverseVideoResultResponse:
    `Resp.status` as scripted (integer codes: 5 generating, 1 done, 6/7/8 failed), `Resp.url` once done,
    `ErrMsg` the lifecycle's `failure_code` (else a sentence) once failed, no progress.

    Errors: the proxy's flat envelope (`error`, `message`, `details`), as for every family behind it.
    """

    endpoints = (
        Endpoint("text", f"{PIXVERSE}/video/text/generate", "submit", input_type="text"),
        Endpoint("img", f"{PIXVERSE}/video/img/generate", "submit", input_type="image"),
        Endpoint("upload", f"{PIXVERSE}/image/upload", "upload"),
        Endpoint("status", f"{PIXVERSE}/video/result/{{id}}", "poll"),
    )
    area = ("proxy", "pixverse")
    default_states = ("5", "5", "1")
    success_state = "1"
    running_states = frozenset({"5"})
    progress_scale = 1.0  # PixVerse reports no progress: the sandbox's numbers are never sent
    output_folder = "video"

    def spell(self, word: str) -> str:
        """A registry key (PixVerse's codes, as decimal strings) as is; any other word as a code the spec does
        not list (PixVerse's states are integers only)."""
        return word if word.isascii() and word.isdigit() else UNLISTED_CODE

    def sample_id(self, name: str) -> str:
        """An 8-digit integer derived from `name` (sandbox-submitted ids have 9 digits: no clash)."""
        if name.isascii() and name.isdigit() and name == str(int(name)) and int(name) > 0:
            return name  # already a PixVerse id
        return str(10**7 + int.from_bytes(self.digest("sample", name)[:8], "big") % (9 * 10**7))

    def new_id(self, counter: int) -> str:
        """A positive integer of 9 digits, like PixVerse's video ids."""
        return str(3 * 10**8 + int.from_bytes(self.submit_digest(counter)[:8], "big") % 10**8)

    def output_id(self, creation_id: str, index: int) -> str:
        """The video id itself (PixVerse makes one video per id)."""
        return f"{creation_id}-{index}"

    def upload_reply(self, endpoint: Endpoint, request: RecordedRequest) -> Reply:
        """PixverseImageUploadResponse: `Resp.img_id` from the bytes of the form's `image` part (the same bytes,
        the same id); 400 without one."""
        content = image_part(request)
        if content is None:
            return self.bad_request("image", "A multipart/form-data body with an image file is required")
        img_id = 10**7 + int.from_bytes(hashlib.sha256(content).digest()[:8], "big") % (9 * 10**7)
        return json_reply(200, {"ErrCode": 0, "ErrMsg": "success", "Resp": {"img_id": img_id}})

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """The video in the state `view` sees."""
        mapped = self.entry.map_state(view.state)
        resp: JsonObject = {
            "id": int(creation.id),
            "status": _code(view.state),
            "prompt": creation.prompt,
            "seed": int(creation.id) % 2**31,
            "create_time": iso_utc(creation.created_wall),
            "modify_time": iso_utc(view.updated_wall),
        }
        message = "success"
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            resp["url"] = urls(creation.outputs[0], VIDEO_FILE)
            resp["outputWidth"], resp["outputHeight"] = 1280, 720
        if mapped is CreationState.FAILED:
            failure = creation.failure_code
            message = failure if failure is not None else DEFAULT_FAILURE_MESSAGE
        return json_reply(200, {"ErrCode": 0, "ErrMsg": message, "Resp": resp})

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """PixverseVideoResponse: the new video's integer id."""
        return json_reply(200, {"ErrCode": 0, "ErrMsg": "success", "Resp": {"video_id": int(creation.id)}})


def image_part(request: RecordedRequest) -> bytes | None:
    """The bytes of the `image` file part of a multipart/form-data request, or None."""
    content_type = request.header("Content-Type") or ""
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    if not message.is_multipart():
        return None
    for part in message.iter_parts():
        if part.get_param("name", header="content-disposition") == "image" and part.get_filename():
            payload = part.get_payload(decode=True)
            return payload if isinstance(payload, bytes) else None
    return None


FAKE = PixverseFake
