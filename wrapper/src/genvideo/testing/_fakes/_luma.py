"""Luma Dream Machine through the Comfy proxy (`/proxy/luma/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from .._creations import COVER_FILE, VIDEO_FILE, FakeCreation, View
from .._replies import Headers, JsonObject, Reply, iso_utc, json_reply, reason_phrase
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

DEFAULT_FAILURE_REASON = "The generation failed in the sandbox"


def _uuid(digest: bytes) -> str:
    return str(uuid.UUID(bytes=digest[:16], version=4))


class LumaFake(ComfyProxyFake):
    """`POST /proxy/luma/generations` answers 201 with a LumaGeneration (its first state, `assets: null`,
    the request echoed with its `generation_type`) and honours `Idempotency-Key`; the poll
    `GET /proxy/luma/generations/{id}` answers a LumaGeneration: `assets.video` and `assets.image` (the
    cover) once completed, `failure_reason` (a sentence: the lifecycle's `failure_code`) once failed.
    Luma has one video per generation (only the first of several scripted outputs is shown) and reports
    no progress (a scripted `progress` is not sent). The poll leaves `model` and `request` out: the sandbox
    keeps no request bodies, and the spec requires neither.

    Errors: Luma's LumaError (`{"detail": ...}`, plus the proxy's `error` code when one is asked for); the
    proxy's own refusals (401 without a key, 409 for a reused `Idempotency-Key`) in its flat envelope.
    """

    endpoints = (
        Endpoint("generations", "/proxy/luma/generations", "submit"),
        Endpoint("status", "/proxy/luma/generations/{id}", "poll"),
    )
    area = ("proxy", "luma")
    default_states = ("queued", "dreaming", "completed")
    success_state = "completed"
    running_states = frozenset({"dreaming"})
    progress_scale = 1.0
    output_folder = "video"

    def new_id(self, counter: int) -> str:
        """A UUID (version 4 layout)."""
        return _uuid(self.submit_digest(counter))

    def output_id(self, creation_id: str, index: int) -> str:
        """A UUID (version 4 layout)."""
        return _uuid(self.digest(creation_id, str(index)))

    def error(
        self,
        status: int,
        *,
        code: str | None = None,
        message: str | None = None,
        details: Sequence[str] = (),
        headers: Headers = (),
    ) -> Reply:
        """`{"detail": "Bad Request"}` (LumaError); with a `code`, also `"error": code` as the proxy names it."""
        document: JsonObject = {"detail": message or reason_phrase(status)}
        if code:
            document["error"] = code
        return json_reply(status, document, headers)

    def no_creation(self, creation_id: str) -> Reply:
        """Luma's 404 for an unknown generation."""
        return self.error(404, message=f"Generation {creation_id} not found")

    def _failure(self, creation: FakeCreation, state: str) -> str | None:
        if state != "failed":
            return None
        return creation.failure_code if creation.failure_code is not None else DEFAULT_FAILURE_REASON

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """LumaGeneration: the video and its still once completed, `failure_reason` once failed."""
        assets: JsonObject | None = None
        if view.state == self.success_state and creation.outputs:
            output = creation.outputs[0]
            assets = {"video": urls(output, VIDEO_FILE), "image": urls(output, COVER_FILE), "progress_video": None}
        body: JsonObject = {
            "id": creation.id,
            "generation_type": "video",
            "state": view.state,
            "failure_reason": self._failure(creation, view.state),
            "created_at": iso_utc(creation.created_wall),
            "assets": assets,
        }
        return json_reply(200, body)

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """201 LumaGeneration: the new generation, its request as sent (with Luma's default generation_type)."""
        reply: JsonObject = {
            "id": creation.id,
            "generation_type": "video",
            "state": state,
            "failure_reason": self._failure(creation, state),
            "created_at": iso_utc(creation.created_wall),
            "assets": None,
            "request": {"generation_type": "video", **body},
        }
        if isinstance(body.get("model"), str):
            reply["model"] = body["model"]
        return json_reply(201, reply)


FAKE = LumaFake
