"""HitPaw's video enhancer through Comfy.org's API proxy: a transform of the caller's video.

The submit is ``POST /proxy/hitpaw/api/video-enhancer`` (``video_url``, ``model_name``, ``resolution``
as ``[width, height]``); the reply names ``data.job_id``. The poll is a **POST**
``/proxy/hitpaw/api/task-status`` with ``{"job_id": …}`` (ComfyUI polls it the same way): a look-up
that starts nothing, so it is retried like a GET. The state is ``data.status``, the video
``data.res_url``; HitPaw reports no progress. A video given as a file or bytes is put in Comfy's
storage first (HitPaw takes URLs only).
"""

from __future__ import annotations

import re
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
from ._generated import state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "hitpaw"
# Used when create("hitpaw", ...) names no model: the spec's own example of model_name.
DEFAULT_MODEL = "general_restore_2x"
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input"
_SIZE = re.compile(r"\s*([1-9][0-9]{0,5})\s*[x*]\s*([1-9][0-9]{0,5})\s*")

#: HitPaw's data.status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def status_request(job_id: str) -> ApiRequest:
    """The poll: ``POST /proxy/hitpaw/api/task-status`` with ``{"job_id": …}``, a look-up (idempotent)."""
    from genvideo_comfy_client.api.api_nodes import hitpaw_task_status
    from genvideo_comfy_client.models import HitPawTaskStatusRequest

    kwargs = hitpaw_task_status._get_kwargs(body=HitPawTaskStatusRequest(job_id=job_id))
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task status (a POST carrying the job id)."""
    body = yield status_request(ref.id)
    return to_creation(ref, body)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.HitPawTaskStatusResponse``."""
    from genvideo_comfy_client.models import HitPawTaskStatusResponse

    return HitPawTaskStatusResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _refuse(common: CommonArgs) -> None:
    """InvalidOption for each common argument HitPaw has no field for (never dropped)."""
    if common.prompt:
        raise InvalidOption("prompt: HitPaw enhances a video and takes no prompt (pass prompt=None)", option="prompt")
    unused = {
        "image": common.images or None,
        "negative_prompt": common.negative_prompt,
        "duration": common.duration,
        "aspect_ratio": common.aspect_ratio,
        "seed": common.seed,
    }
    for name, value in unused.items():
        if value is not None:
            raise InvalidOption(f"{name}: HitPaw's video enhancer takes no {name}", option=name)


def _resolution(value: object) -> list[int]:
    """``"1920x1080"`` (or ``1920*1080``) as ``[1920, 1080]``; InvalidOption for anything else (a bare
    ``1080`` or ``"1080p"`` names no width)."""
    found = _SIZE.fullmatch(value) if isinstance(value, str) else None
    if found is None:
        raise InvalidOption(
            f"resolution: HitPaw takes the target size as 'WIDTHxHEIGHT' (e.g. '1920x1080'), "
            f"not {shown(str(value), 20)}",
            option="resolution",
        )
    return [int(found.group(1)), int(found.group(2))]


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("hitpaw", video=..., resolution="1920x1080")``.

    ``video`` is required (``video_url``); ``model`` is ``model_name`` (default ``general_restore_2x``);
    ``resolution`` is the target size ``"WIDTHxHEIGHT"``, sent as ``[width, height]`` (required by HitPaw:
    it cannot be derived without reading the video). ``options`` are the request's other fields (``extension``,
    ``original_resolution``). A prompt and the other common arguments are refused: HitPaw has no field
    for them.
    """
    from genvideo_comfy_client.api.api_nodes import hitpaw_video_enhancer
    from genvideo_comfy_client.models import HitPawVideoEnhancerRequest

    if common.video is None:
        raise InvalidOption("video: HitPaw enhances a video: pass video= (a URL, a path or bytes)", option="video")
    _refuse(common)
    body: dict[str, Any] = dict(options)
    for name, argument, value in (
        ("video_url", "video", common.video if isinstance(common.video, str) else _PENDING_UPLOAD),
        ("model_name", "model", common.model),
        ("resolution", "resolution", None if common.resolution is None else _resolution(common.resolution)),
    ):
        if value is None:
            continue
        if name in body:
            raise InvalidOption(f"{argument}: given twice (as an argument and as the option {name})", option=argument)
        body[name] = value
    body.setdefault("model_name", DEFAULT_MODEL)
    if "resolution" not in body:
        raise InvalidOption(
            "resolution: HitPaw needs the target size, e.g. resolution='1920x1080'", option="resolution"
        )
    check_fields(body, HitPawVideoEnhancerRequest)
    kwargs = hitpaw_video_enhancer._get_kwargs(
        body=HitPawVideoEnhancerRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new job's ref, from ``{"code": 200, "message": "OK", "data": {"job_id": …}}``.

    A reply whose ``code`` is not 200 (ComfyUI checks it too, nodes_hitpaw.py L317-318) or that has no
    usable ``data.job_id`` raises ResponseValidationError carrying the reply.
    """
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        raise refused_submit(PROVIDER, f"the submit reply's data is a {type(data).__name__}, not an object", body)
    code = optional_code(body, "code")
    if code is not None and code != "200":
        message = body.get("message") if isinstance(body.get("message"), str) else None
        said = shown(valid_text(message), 200) if message else "no message"
        raise refused_submit(PROVIDER, f"the submit was refused (code {shown(code)}: {said})", body)
    raw_id = data.get("job_id") if data is not None else None
    job_id = id_text(raw_id) if raw_id not in (None, "") else None
    if job_id is None:
        raise refused_submit(PROVIDER, "the submit reply has no usable data.job_id", body)
    try:
        return CreationRef(PROVIDER, job_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable data.job_id {shown(job_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``data.job_id``, when present, is the job id). A reply without
    ``data`` is an unknown state. A ``code`` other than 200 is the error code, ``message`` then the error
    message. ``res_url`` is read only once COMPLETED ("only valid when status is COMPLETED").
    """
    data = optional_object(PROVIDER, body, "data", "")
    if data is None:
        state, raw_state, url = CreationState.UNKNOWN, None, None
    else:
        check_reply_id(PROVIDER, ref, data, ("job_id",))
        raw_state = valid_text(optional_str(PROVIDER, data, "status", "data."))
        state = map_state(raw_state)
        url = optional_str(PROVIDER, data, "res_url", "data.")
    code = optional_code(body, "code")
    failed = code not in (None, "200")
    message = optional_str(PROVIDER, body, "message", "") if failed else None
    outputs = (VideoOutput(valid_text(url), None, None, ref, 0),) if url and state is CreationState.SUCCEEDED else ()
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # HitPaw reports no progress
        outputs=outputs,
        error_code=valid_text(code) if failed else None,
        error_message=valid_text(message or None),
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # a video file or bytes goes through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _hitpaw

    _CONFORMS: Adapter = _hitpaw
