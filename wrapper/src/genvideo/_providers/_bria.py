"""Bria's video background removal through Comfy.org's API proxy: a transform of the caller's video.

The submit is ``POST /proxy/bria/v2/video/edit/remove_background`` (``video``: a URL; optionally
``background_color``, ``output_container_and_codec``, ``preserve_audio``); it answers HTTP 202 naming
``request_id``. The poll is ``GET /proxy/bria/v2/status/{request_id}``; the state is ``status``, the
video ``result.video_url``, a failure ``error.code`` / ``error.message``. Bria reports no progress. A
video given as a file or bytes is put in Comfy's storage first (Bria takes a public URL only).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption
from .._fields import optional_code, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "bria"
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input"

#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.bria_get_status")

#: Bria's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the request's status."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.BriaStatusResponse``."""
    from genvideo_comfy_client.models import BriaStatusResponse

    return BriaStatusResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _refuse(common: CommonArgs) -> None:
    """InvalidOption for each common argument Bria has no field for (never dropped)."""
    if common.prompt:
        raise InvalidOption(
            "prompt: Bria removes a video's background and takes no prompt (pass prompt=None)", option="prompt"
        )
    unused = {
        "image": common.images or None,
        "negative_prompt": common.negative_prompt,
        "duration": common.duration,
        "aspect_ratio": common.aspect_ratio,
        "resolution": common.resolution,
        "seed": common.seed,
        "model": common.model,
    }
    for name, value in unused.items():
        if value is not None:
            raise InvalidOption(
                f"{name}: Bria's video background removal takes no {name} (the output keeps the input's size)"
                if name == "resolution"
                else f"{name}: Bria's video background removal takes no {name}",
                option=name,
            )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("bria", video=...)``.

    ``video`` is required (``video``, a URL; files and bytes are uploaded first). ``options`` are the
    request's other fields (``background_color``, ``output_container_and_codec``, ``preserve_audio``). A
    prompt, a model, a resolution and the other common arguments are refused: Bria has no field for them.
    """
    from genvideo_comfy_client.api.api_nodes import bria_video_remove_background
    from genvideo_comfy_client.models import BriaVideoRemoveBackgroundRequest

    if common.video is None:
        raise InvalidOption("video: Bria transforms a video: pass video= (a URL, a path or bytes)", option="video")
    _refuse(common)
    if "video" in options:
        raise InvalidOption("video: given twice (as an argument and as the option video)", option="video")
    body: dict[str, Any] = {"video": common.video if isinstance(common.video, str) else _PENDING_UPLOAD, **options}
    check_fields(body, BriaVideoRemoveBackgroundRequest)
    kwargs = bria_video_remove_background._get_kwargs(
        body=BriaVideoRemoveBackgroundRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new request's ref, from ``{"request_id": …, "status_url": …}`` (HTTP 202).

    A reply without a usable ``request_id`` raises ResponseValidationError carrying the reply, naming
    Bria's ``error.code`` and ``error.message`` when it sent them.
    """
    raw_id = body.get("request_id")
    request_id = id_text(raw_id) if raw_id not in (None, "") else None
    if request_id is None:
        error = body.get("error")
        if isinstance(error, dict) and (error.get("code") is not None or error.get("message")):
            code = valid_text(optional_code(error, "code"))
            message = error.get("message") if isinstance(error.get("message"), str) else None
            said = shown(valid_text(message), 200) if message else "no message"
            raise refused_submit(PROVIDER, f"the submit was refused ({shown(code)}: {said})", body)
        raise refused_submit(PROVIDER, "the submit reply has no usable request_id", body)
    try:
        return CreationRef(PROVIDER, request_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable request_id {shown(request_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``request_id``, when present, is the id). ``result.video_url`` is
    read only once COMPLETED ("only present when status is COMPLETED"); ``error.code`` is the error code,
    ``error.message`` (with ``error.details``) the error message.
    """
    check_reply_id(PROVIDER, ref, body, ("request_id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    state = map_state(raw_state)
    result = optional_object(PROVIDER, body, "result", "")
    url = optional_str(PROVIDER, result, "video_url", "result.") if result is not None else None
    error = optional_object(PROVIDER, body, "error", "")
    code = optional_code(error, "code") if error is not None else None
    message = None
    if error is not None:
        text = optional_str(PROVIDER, error, "message", "error.") or None
        details = optional_str(PROVIDER, error, "details", "error.") or None
        message = f"{text}: {details}" if text and details else text or details
    outputs = (VideoOutput(valid_text(url), None, None, ref, 0),) if url and state is CreationState.SUCCEEDED else ()
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # Bria reports no progress
        outputs=outputs,
        error_code=valid_text(code),
        error_message=valid_text(message),
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # a video file or bytes goes through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _bria

    _CONFORMS: Adapter = _bria
