"""WaveSpeed FlashVSR through the Comfy proxy (`/proxy/wavespeed/api/v3/...` under the `comfy` spec's prefix)."""

from __future__ import annotations

from types import MappingProxyType

from ..._states import CreationState
from .._creations import VIDEO_FILE, FakeCreation, View
from .._replies import JsonObject, Reply, iso_utc, json_reply
from . import Endpoint, UrlFor
from ._proxy import ComfyProxyFake

MODEL = "wavespeed-ai/flashvsr"
DEFAULT_FAILURE = "Upscaling failed"


class WavespeedFake(ComfyProxyFake):
    """The submit answers WavespeedTaskResponse (`{"code": 200, "message": "success", "data": {"id", "status",
    "outputs": [], ...}}`) and honours `Idempotency-Key` (the proxy does); the poll
    `GET /proxy/wavespeed/api/v3/predictions/{prediction_id}/result` answers WavespeedTaskResultResponse:
    `data.outputs` once completed, `data.error` once failed, no progress. Errors: the proxy's flat envelope."""

    endpoints = (
        Endpoint("flashvsr", "/proxy/wavespeed/api/v3/wavespeed-ai/flashvsr", "submit", input_type="video"),
        Endpoint("status", "/proxy/wavespeed/api/v3/predictions/{prediction_id}/result", "poll"),
    )
    area = ("proxy", "wavespeed")
    default_states = ("created", "processing", "completed")
    success_state = "completed"
    running_states = frozenset({"processing"})
    progress_scale = 1.0  # WaveSpeed reports no progress: the sandbox's numbers are never sent
    output_folder = "outputs"
    # A transform: no prompt, a video URL (the sandbox never fetches it) and its length, which WaveSpeed requires.
    demo_arguments = MappingProxyType({"prompt": "", "video": "https://sandbox.invalid/demo-input.mp4", "duration": 5})
    takes_images = False

    def new_id(self, counter: int) -> str:
        """32 hex digits, like WaveSpeed's prediction ids."""
        return self.submit_digest(counter)[:16].hex()

    def output_id(self, creation_id: str, index: int) -> str:
        """WaveSpeed names no outputs: `<prediction id>-1`, ..."""
        return f"{creation_id}-{index}"

    def _data(self, creation: FakeCreation, state: str) -> JsonObject:
        return {
            "id": creation.id,
            "model": MODEL,
            "outputs": [],
            "urls": {"get": f"https://api.wavespeed.ai/api/v3/predictions/{creation.id}/result"},
            "status": state,
            "created_at": iso_utc(creation.created_wall),
            "error": "",
        }

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """WavespeedTaskResultResponse in the state `view` sees: one video once completed."""
        mapped = self.entry.map_state(view.state)
        data = self._data(creation, view.state)
        if mapped is CreationState.SUCCEEDED and creation.outputs:
            data["outputs"] = [urls(creation.outputs[0], VIDEO_FILE)]  # one video per prediction
            data["timings"] = {"inference": 4200}
        if mapped is CreationState.FAILED:
            data["error"] = creation.failure_code or DEFAULT_FAILURE
        return json_reply(200, {"code": 200, "message": "success", "data": data})

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """WavespeedTaskResponse: the new prediction and its first state."""
        return json_reply(200, {"code": 200, "message": "success", "data": self._data(creation, state)})


FAKE = WavespeedFake
