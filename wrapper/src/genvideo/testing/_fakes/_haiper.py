"""Haiper's own API (everything under the `haiper` spec's prefix)."""

from __future__ import annotations

from collections.abc import Sequence

from .._creations import COVER_FILE, VIDEO_FILE, FakeCreation, View
from .._replies import Headers, JsonObject, Reply, iso_utc, json_reply, reason_phrase
from . import Endpoint, ProviderFake, UrlFor


class HaiperFake(ProviderFake):
    """Submits answer NewGeneration and ignore `Idempotency-Key` (every POST starts a new generation);
    `GET /v1/jobs/{id}/status` answers CreationStatus (progress 0-1), `GET /v1/creation/{id}`
    CreationDetail once succeeded. Errors: `{"message", "code", "details"}` with a string code."""

    endpoints = (
        Endpoint("text2video", "/v1/jobs/gen2/text2video", "submit"),
        Endpoint("image2video", "/v1/jobs/gen2/image2video", "submit", input_type="image"),
        Endpoint("status", "/v1/jobs/{creation_id}/status", "poll"),
        Endpoint("detail", "/v1/creation/{creation_id}", "read"),
    )
    area = ()  # the whole host is Haiper's
    default_states = ("pending", "processing", "succeed")
    success_state = "succeed"
    running_states = frozenset({"processing", "post_processing"})
    progress_scale = 1.0
    output_folder = "output"

    def new_id(self, counter: int) -> str:
        """24 hex characters."""
        return self.submit_digest(counter).hex()[:24]

    def output_id(self, creation_id: str, index: int) -> str:
        """`<creation id>-01`, ..."""
        return f"{creation_id}-{index:02d}"

    def error(
        self,
        status: int,
        *,
        code: str | None = None,
        message: str | None = None,
        details: Sequence[str] = (),
        headers: Headers = (),
    ) -> Reply:
        """`{"message": "Bad Request", "code": "400", "details": []}`: the code defaults to the status."""
        document = {"message": message or reason_phrase(status), "code": code or str(status), "details": list(details)}
        return json_reply(status, document, headers)

    def unauthorized(self) -> Reply:
        """Haiper's 401."""
        return self.error(401, message="Invalid API key")

    def no_creation(self, creation_id: str) -> Reply:
        """Haiper's 404 for an unknown generation."""
        return self.error(404, code="H-10002003", message="Generation does not exist or no permission")

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """CreationStatus (the job state in `value.status`), or CreationDetail."""
        if endpoint.name == "status":
            status = {"status": view.state, "progress": float(view.progress)}
            return json_reply(200, {"status": "success", "value": status})
        # The real API's answer for a creation that has not succeeded is undocumented: this 400 with
        # H-10002001 ("generation content not found") is a guess.
        if view.state != self.success_state:
            return self.error(400, code="H-10002001", message="Generation content not found")
        outputs = [
            {"id": o.id, "media_url": urls(o, VIDEO_FILE), "thumbnail_url": urls(o, COVER_FILE)}
            for o in creation.outputs
        ]
        value = {
            "creation_id": creation.id,
            "user_id": "sandbox-user",
            "username": "sandbox",
            "avatar": "",
            "type": "video",
            "input_type": creation.input_type,
            "prompt": creation.prompt,
            "negative_prompt": "",
            "create_time": iso_utc(creation.created_wall),
            "update_time": iso_utc(view.updated_wall),
            "status": view.state,
            "video_url": outputs[0]["media_url"] if outputs else None,
            "thumbnail_url": outputs[0]["thumbnail_url"] if outputs else None,
            "settings": {"fps": 24, "width": 1280, "height": 720},
            "commits": {"like_count": 0, "is_like": False, "collects_count": 0, "is_collect": False},
            "output_type": "video",
            "outputs": outputs,
        }
        return json_reply(200, {"status": "success", "value": value})

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """NewGeneration."""
        return json_reply(200, {"status": "success", "value": {"generation_id": creation.id}})


FAKE = HaiperFake
