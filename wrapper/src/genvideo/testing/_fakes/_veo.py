"""Google Veo through the Comfy proxy (`/proxy/veo/{modelId}/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence

from ..._providers._veo import DEFAULT_MODEL, decode_part, encode_part
from ..._states import CreationState
from .._creations import FakeCreation, View
from .._recording import RecordedRequest
from .._replies import JsonObject, Reply, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

# The error code a creation scripted as `error` reports when its failure_code is not a number (google.rpc
# Code 13, INTERNAL).
INTERNAL = 13


def operation_name(name: str, model: str = DEFAULT_MODEL) -> str:
    """A Vertex AI operation resource name, as Veo's submit answers it."""
    return f"projects/genvideo-sandbox/locations/us-central1/publishers/google/models/{model}/operations/{name}"


class VeoFake(ComfyProxyFake):
    """The submit `POST /proxy/veo/{modelId}/generate` answers VeoGenVidResponse (`name`, an operation name)
    and honours `Idempotency-Key` (the proxy does); the poll is a **POST** `/proxy/veo/{modelId}/poll` whose
    body `{operationName}` names the creation. Its reply is VeoGenVidPollResponse.

    A creation's id in the sandbox is its operation name encoded as a genvideo ref part (the adapter's
    `encode_part`), so `sample_id` and refs agree. The lifecycle's words are the registry's (`pending`, then
    `done`, `error` or `filtered`); a poll reports them as Veo does: `done: false`; `done: true` with the
    videos as **base64** (`bytesBase64Encoded`, the sandbox's MP4 bytes); `done: true` with `error {code,
    message}` (code: the failure code if it is a number, else 13); or `done: true` with
    `raiMediaFilteredCount: 1` and the failure code as the reason. Any other word is sent as `done` itself
    (a string: an unknown state). The operation names name the default model whatever model was asked.
    """

    endpoints = (
        Endpoint("generate", "/proxy/veo/{modelId}/generate", "submit"),
        Endpoint("status", "/proxy/veo/{modelId}/poll", "poll", method=("POST",)),
    )
    area = ("proxy", "veo")
    default_states = ("pending", "done")
    success_state = "done"
    running_states = frozenset({"pending"})
    progress_scale = 1.0  # Veo reports no progress: the sandbox's numbers are never sent
    output_folder = "video"

    def match(self, segments: Sequence[str], request: RecordedRequest) -> tuple[Endpoint, str] | None:
        """The endpoint by path; a submit names no creation, a poll names it by `operationName` in its body."""
        found = super().match(segments, request)
        if found is None:
            return None
        endpoint = found[0]
        if endpoint.kind == "submit":
            return endpoint, ""
        try:
            body = json.loads(request.body)
        except (ValueError, RecursionError):
            return endpoint, ""
        name = body.get("operationName") if isinstance(body, dict) else None
        return endpoint, encode_part(name) if isinstance(name, str) else ""

    def path(self, endpoint: Endpoint, creation_id: str = "") -> str:
        """The raw path; for a creation, its poll path is its model's (read from its operation name)."""
        model = DEFAULT_MODEL
        if creation_id:
            with_model = decode_part(creation_id).partition("/models/")[2]
            model = with_model.partition("/")[0] or DEFAULT_MODEL
        return self.prefix + endpoint.path.replace("{modelId}", model)

    def sample_id(self, name: str) -> str:
        """The id of a test creation called `name`: its operation name is `name` itself (short, so that a
        256-character name still makes a ref), encoded; a name that already is an encoding stays as it is."""
        try:
            decode_part(name)
        except ValueError:
            return encode_part(name)
        return name

    def new_id(self, counter: int) -> str:
        """An operation name with a UUID, encoded."""
        return encode_part(operation_name(str(uuid.UUID(bytes=self.submit_digest(counter)[:16]))))

    def output_id(self, creation_id: str, index: int) -> str:
        """Veo names no outputs."""
        return f"{uuid.UUID(bytes=self.digest(creation_id)[:16])}-{index}"

    def no_creation(self, creation_id: str) -> Reply:
        """The spec's 404 "Operation not found"."""
        return self.error(404, message="Operation not found")

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """VeoGenVidPollResponse for the current word (see the class docstring)."""
        name = decode_part(creation.id)
        mapped = self.entry.map_state(view.state)
        body: JsonObject = {"name": name}
        word = view.state.strip().lower()
        if mapped is CreationState.PROCESSING:
            body["done"] = False
        elif word == "error":
            code = creation.failure_code or ""
            body["done"] = True
            body["error"] = {"code": int(code) if code.isdigit() else INTERNAL, "message": f"sandbox failure {code}"}
        elif word == "filtered":
            body["done"] = True
            body["response"] = {
                "@type": "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
                "raiMediaFilteredCount": 1,
                "raiMediaFilteredReasons": [creation.failure_code or "sandbox content filter"],
            }
        elif mapped is CreationState.SUCCEEDED:
            body["done"] = True
            body["response"] = {
                "@type": "type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse",
                "videos": [
                    {"bytesBase64Encoded": base64.b64encode(output.video).decode("ascii"), "mimeType": "video/mp4"}
                    for output in creation.outputs
                ],
            }
        else:
            body["done"] = view.state  # an unknown word: no Veo reply has one
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """VeoGenVidResponse: the operation name only."""
        return json_reply(200, {"name": decode_part(creation.id)})


FAKE = VeoFake
