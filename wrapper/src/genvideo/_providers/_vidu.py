"""Vidu through Comfy.org's API proxy: ``GET /proxy/vidu/tasks/{id}/creations``.

The submit is ``POST /proxy/vidu/<mode>``: ``text2video``, ``img2video`` (one image) or ``reference2video``
(several) by default, any mode by the option ``mode=``. All answer ``ViduTaskReply`` (``task_id``).

``video=`` extends a video: ``POST /proxy/vidu/extend`` (``ViduExtendRequest``), the video sent as
``video_url`` ("any video URL"; a file or bytes is put in Comfy's storage first, as ComfyUI's
ViduExtendVideoNode uploads it). A video Vidu made itself may be named instead by its creation id (the
``id`` of an entry of a finished task's ``creations``, in ``Creation.payload``), as the option
``video_creation_id=`` (which also picks the extend), with or without ``video=``. ``model`` defaults to
``viduq2-pro`` there (the spec names viduq2-pro and viduq2-turbo); ``image`` is at most one end frame,
``duration`` 1 to 7 seconds of extension; ``aspect_ratio`` and ``seed`` are refused (the request has no such
field). The extension is polled like any task.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption, ResponseValidationError
from .._fields import fraction, optional_code, optional_list, optional_str
from .._models import Creation, VideoOutput, lazy_outputs
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls, one_request
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, SubmitFlow, set_if_given
from ._text import shown, valid_text

PROVIDER: Provider = "vidu"
DEFAULT_MODEL = "viduq1"  # used when create("vidu", ...) names no model
# Used when an extend names no model: ComfyUI's ViduExtendVideoNode offers viduq2-pro first, then viduq2-turbo
# (ViduExtendRequest.model: "viduq2-pro or viduq2-turbo").
EXTEND_MODEL = "viduq2-pro"
EXTEND_SECONDS_MIN, EXTEND_SECONDS_MAX = 1, 7  # ViduExtendRequest.duration: "1-7, default 5"
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input.mp4"

# mode -> (generated endpoint module, request model); the first four share ViduTaskRequest.
_MODES: dict[str, tuple[str, str]] = {
    "text2video": ("vidu_text_2_video", "ViduTaskRequest"),
    "img2video": ("vidu_img_2_video", "ViduTaskRequest"),
    "reference2video": ("vidu_reference_2_video", "ViduTaskRequest"),
    "start-end2video": ("vidu_start_end_2_video", "ViduTaskRequest"),
    "extend": ("vidu_extend", "ViduExtendRequest"),
    "multiframe": ("vidu_multiframe", "ViduMultiframeRequest"),
}


#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.vidu_get_creations")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task's creations."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Vidu's state word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.ViduGetCreationsReply``."""
    from genvideo_comfy_client.models import ViduGetCreationsReply

    return ViduGetCreationsReply.from_dict(payload)


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    from genvideo_comfy_client.models import ViduTaskReply

    return ViduTaskReply.from_dict(payload)


def _default_mode(images: list[str]) -> str:
    return "text2video" if not images else "img2video" if len(images) == 1 else "reference2video"


def _extend_fields(common: CommonArgs, options: dict[str, Any]) -> dict[str, Any]:
    """``video_url`` (from ``video=``) and ``model`` of an extend; InvalidOption for what it cannot take."""
    for name, value in (("aspect_ratio", common.aspect_ratio), ("seed", common.seed)):
        if value is not None:
            raise InvalidOption(
                f"{name}: Vidu's extend takes no {name.replace('_', ' ')} (ViduExtendRequest has no such field)",
                option=name,
            )
    if len(common.images) > 1:
        raise InvalidOption(f"image: Vidu's extend takes one end-frame image, got {len(common.images)}", option="image")
    duration = common.duration
    if duration is not None and (
        isinstance(duration, bool)
        or not isinstance(duration, int)
        or not EXTEND_SECONDS_MIN <= duration <= EXTEND_SECONDS_MAX
    ):
        raise InvalidOption(
            f"duration: Vidu extends by {EXTEND_SECONDS_MIN} to {EXTEND_SECONDS_MAX} seconds, not {duration!r:.20}",
            option="duration",
        )
    fields: dict[str, Any] = {}
    if common.video is not None:
        if "video_url" in options:
            raise InvalidOption("video: given twice (as video= and as the option video_url)", option="video")
        fields["video_url"] = common.video if isinstance(common.video, str) else _PENDING_UPLOAD
    elif not options.get("video_url") and not options.get("video_creation_id"):
        raise InvalidOption(
            "video: Vidu's extend needs the video to extend: pass video= (a URL, a path or bytes) or the option "
            "video_creation_id= (a Vidu creation's id)",
            option="video",
        )
    if common.model is None and "model" not in options:
        fields["model"] = EXTEND_MODEL
    return fields


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("vidu", ...)``; ``options["mode"]`` picks the endpoint, ``video=`` the extend."""
    import importlib

    from genvideo_comfy_client import models

    extending = common.video is not None or options.get("video_creation_id") is not None
    mode = options.pop("mode", None) or ("extend" if extending else _default_mode(common.images))
    if mode not in _MODES:
        raise InvalidOption(f"mode: {mode!r} is not a Vidu mode (valid: {', '.join(_MODES)})", option="mode")
    if common.video is not None and mode != "extend":
        raise InvalidOption(
            f"video: Vidu takes a video to extend only (mode extend), not in mode {mode}", option="video"
        )
    module_name, model_name = _MODES[mode]
    if common.negative_prompt is not None:
        raise InvalidOption("negative_prompt: Vidu takes no negative prompt", option="negative_prompt")
    extend = _extend_fields(common, options) if mode == "extend" else {}
    resolution = f"{common.resolution}p" if isinstance(common.resolution, int) else common.resolution
    body = set_if_given(
        {},
        prompt=common.prompt or None,
        images=common.images or None,
        duration=common.duration,
        aspect_ratio=common.aspect_ratio,
        resolution=resolution,
        seed=common.seed,
    )
    if common.model is not None or model_name == "ViduTaskRequest":
        body["model"] = common.model if common.model is not None else DEFAULT_MODEL
    body.update(extend)
    for name, value in options.items():
        if name in body:
            raise InvalidOption(f"{name}: given twice (as an argument and as an option)", option=name)
        body[name] = value
    model = getattr(models, model_name)
    check_fields(body, model)
    endpoint = importlib.import_module(f"genvideo_comfy_client.api.api_nodes.{module_name}")
    kwargs = endpoint._get_kwargs(body=model.from_dict(body), idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new task's ref; CreationFailed if Vidu refused it at once (``state: failed``).

    ``task_id`` may be a string or a non-negative integer (read as its decimal string). A reply
    without a usable one raises ResponseValidationError carrying the reply (see ``refused_submit``):
    the task may exist and be billed. ``state`` only matters when it says ``failed``.
    """
    raw_id = body.get("task_id")
    if raw_id is None or raw_id == "":
        raise refused_submit(PROVIDER, "the submit reply has no task_id", body)
    task_id = id_text(raw_id)
    if task_id is None:
        raise refused_submit(PROVIDER, f"the submit reply's task_id is a {type(raw_id).__name__}, not a string", body)
    try:
        ref = CreationRef(PROVIDER, task_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable task_id {shown(task_id, 40)}", body) from None
    state_value = body.get("state")
    raw_state = valid_text(state_value) if isinstance(state_value, str) else None
    state = map_state(raw_state)
    if state is CreationState.FAILED:
        creation = Creation(
            ref=ref,
            state=state,
            raw_state=raw_state,
            progress=None,
            outputs=(),
            error_code=valid_text(optional_code(body, "err_code") or optional_code(body, "code")),
            created_at=parse_timestamp(body.get("created_at")),
            updated_at=None,
            payload=body,
            _raw_parser=_parse_submit_raw,
        )
        code = f" (error code {shown(creation.error_code)})" if creation.error_code else ""
        raise CreationFailed(f"{ref} failed at submit{code}", creation=creation)
    return ref


def _outputs(ref: CreationRef, body: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    """The outputs of ``creations[]``, checked now in one pass and built on first access (a reply can list
    a thousand). An entry without a video URL delivers nothing (it stays in payload/raw)."""
    found: list[tuple[str, str | None, str | None]] = []
    for index, item in enumerate(optional_list(PROVIDER, body, "creations", "")):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"vidu: creations[{index}] should be an object, got {type(item).__name__}", provider=PROVIDER
            )
        url, cover, watermarked = item.get("url"), item.get("cover_url"), item.get("watermarked_url")
        if not (
            (url is None or type(url) is str)
            and (cover is None or type(cover) is str)
            and (watermarked is None or type(watermarked) is str)
        ):
            for key in ("url", "cover_url", "watermarked_url"):  # raises, naming the field
                optional_str(PROVIDER, item, key, "creations[{}].", index)
        if url:
            found.append((url, cover, watermarked))

    def build() -> tuple[VideoOutput, ...]:
        return tuple(
            VideoOutput(valid_text(url), valid_text(cover) or None, valid_text(watermarked) or None, ref, index)
            for index, (url, cover, watermarked) in enumerate(found)
        )

    return lazy_outputs(len(found), build)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present, is the task id). Strings are handed on as
    valid Unicode (lone surrogates become U+FFFD); ``payload`` keeps them as sent.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "state", ""))
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=fraction(body.get("progress"), 100.0),
        outputs=_outputs(ref, body),
        error_code=valid_text(optional_code(body, "err_code")),
        created_at=parse_timestamp(body.get("created_at")),
        updated_at=parse_timestamp(body.get("updated_at")),
        payload=body,
        _raw_parser=parse_raw,
    )


_submit_plain = one_request(submit_request, submitted)  # images as given (URLs or data: URIs), as before
_submit_extend = inputs_as_urls(submit_request, submitted)  # the video and end frame as URLs


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """One POST; an extend (``video=`` or ``mode="extend"``) puts a video or image given as a file or bytes
    in Comfy's storage first (Vidu's ``video_url`` is a URL; ComfyUI uploads the end frame too)."""
    extend = (
        common.video is not None
        or options.get("mode") == "extend"
        or (options.get("video_creation_id") is not None and options.get("mode") is None)
    )
    flow = _submit_extend if extend else _submit_plain
    return (yield from flow(common, options, idempotency_key))


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _vidu

    _CONFORMS: Adapter = _vidu
