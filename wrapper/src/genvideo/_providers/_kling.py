"""Kling through Comfy.org's API proxy.

Three submits: ``POST /proxy/kling/v1/videos/text2video`` (a prompt),
``POST /proxy/kling/v1/videos/image2video`` (a first frame, optionally a last one as ``image_tail``) and,
when ``create()`` is given ``video=``, ``POST /proxy/kling/v1/videos/motion-control`` (a reference video,
``video_url``, whose character actions the new video follows, and an image, ``image_url``, of the
characters and scene). Motion control takes its inputs as URLs: a video or image given as a file or bytes
is put in Comfy's storage first (streamed) and its download URL sent. Each task is looked up at its own
submit path plus the id (``GET …/text2video/{id}``), so a ref carries the task kind:
``kling:text2video:<id>``, ``kling:image2video:<id>`` or ``kling:motion-control:<id>``. All answer
``{code, message, request_id, data}``: the id at ``data.task_id``, the state at ``data.task_status``,
the failure reason at ``data.task_status_msg``, the videos at ``data.task_result.videos[].url`` (and
``watermark_url``), the times in UNIX milliseconds. Kling reports no progress. A non-zero top-level
``code`` means Kling refused the request.

Kling's ``video-extend`` is not offered: it takes the ``video_id`` of an earlier Kling creation, not a video.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from .._exceptions import CreationFailed, InvalidCreationRef, InvalidOption, ResponseValidationError
from .._fields import optional_code, optional_list, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, SubmitFlow
from ._text import shown, valid_text

PROVIDER: Provider = "kling"
# Used when create("kling", ...) names no model: the default of ComfyUI's "Kling Image(First Frame) to
# Video" node (Comfy-Org/ComfyUI@8cbbea8f comfy_api_nodes/nodes_kling.py L1764-1768, model_name
# default "kling-v2-master"), which is also the spec's KlingVideoGenModelName default and one of the
# text-to-video configurations ComfyUI offers (MODE_TEXT2VIDEO, L137-148), so one default serves both
# kinds. (ComfyUI's text-to-video node defaults to "pro mode / 5s / kling-v2-5-turbo"; that model takes
# no std mode, and pro costs more: genvideo does not pick it silently.)
DEFAULT_MODEL = "kling-v2-master"
# Motion control's model when create() names none: the spec's default (KlingMotionControlRequest.model_name,
# "kling-v2-6"), which kling-v2-master is not one of.
MOTION_CONTROL_MODEL = "kling-v2-6"
# Motion control's mode when no option names one: std, Kling's default mode for its other video requests
# (KlingVideoGenMode default "std", the cost-effective one); motion control's spec requires the field but
# gives no default, and genvideo does not pick pro (it costs more) silently.
MOTION_CONTROL_MODE = "std"
# What the checks before an upload put where a storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input"


class Kind(NamedTuple):
    """One task kind: its generated submit and lookup modules, request and reply models."""

    submit: str
    lookup: str
    request: str
    reply: str


#: The task kinds genvideo submits (the last segment of the submit path, the ref's scope).
KINDS: dict[str, Kind] = {
    "text2video": Kind(
        "kling_create_video_from_text",
        "kling_text_2_video_query_single_task",
        "KlingText2VideoRequest",
        "KlingText2VideoResponse",
    ),
    "image2video": Kind(
        "kling_create_video_from_image",
        "kling_image_2_video_query_single_task",
        "KlingImage2VideoRequest",
        "KlingImage2VideoResponse",
    ),
    "motion-control": Kind(
        "kling_create_motion_control",
        "kling_motion_control_query_single_task",
        "KlingMotionControlRequest",
        "KlingMotionControlResponse",
    ),
}
_API = "genvideo_comfy_client.api.api_nodes"
#: Each kind's lookup path for an id, as the generated client builds it.
status_paths = {name: id_path(f"{_API}.{kind.lookup}") for name, kind in KINDS.items()}

_DATA_URI = re.compile(r"data:[^,;]*(?:;[^,;=]+=[^,;]*)*;base64,(.*)", re.DOTALL)


def _kind(ref: CreationRef) -> str:
    """The ref's task kind; InvalidCreationRef for one genvideo does not know."""
    (kind,) = ref.scope
    if kind not in KINDS:
        raise InvalidCreationRef(
            f"{shown(kind, 40)} is not a Kling task kind genvideo looks up: expected "
            f"{', '.join(repr(name) for name in KINDS)} (kling:<task kind>:<id>)"
        )
    return kind


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task, at its kind's lookup path."""
    body = yield ApiRequest("GET", status_paths[_kind(ref)](ref.id))
    return to_creation(ref, body)


#: Kling's task_status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_text2video_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.KlingText2VideoResponse``."""
    from genvideo_comfy_client.models import KlingText2VideoResponse

    return KlingText2VideoResponse.from_dict(payload)


def parse_image2video_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.KlingImage2VideoResponse``."""
    from genvideo_comfy_client.models import KlingImage2VideoResponse

    return KlingImage2VideoResponse.from_dict(payload)


def parse_motion_control_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.KlingMotionControlResponse``."""
    from genvideo_comfy_client.models import KlingMotionControlResponse

    return KlingMotionControlResponse.from_dict(payload)


_RAW_PARSERS = {
    "text2video": parse_text2video_raw,
    "image2video": parse_image2video_raw,
    "motion-control": parse_motion_control_raw,
}


# -- submit --------------------------------------------------------------------------------------------


def _image(value: str, option: str) -> str:
    """What Kling takes for one image: a URL as is, a ``data:`` URI as its bare base64 (Kling's
    "Base64 should not include data:image prefix", KlingImage2VideoRequest.image)."""
    if not value.startswith("data:"):
        return value  # an http(s) URL: genvideo's image normalisation let nothing else through
    found = _DATA_URI.fullmatch(value)
    if found is None or not found.group(1):
        raise InvalidOption(
            f"{option}: Kling takes an image URL or base64 image data; {shown(value, 40)} is a data: URI "
            "that is not base64",
            option=option,
        )
    return found.group(1)


def _duration(duration: object) -> str:
    """``duration`` as Kling's string enum ("3" … "15"); InvalidOption for anything it does not list."""
    from genvideo_comfy_client.models import KlingVideoGenDuration

    allowed = sorted((member.value for member in KlingVideoGenDuration), key=lambda v: (len(v), v))  # "3" … "15"
    text = str(duration) if isinstance(duration, int) and not isinstance(duration, bool) else None
    if text not in allowed:
        raise InvalidOption(
            f"duration: Kling takes {', '.join(allowed)} seconds, not {shown(duration, 20)}", option="duration"
        )
    return text


def _refuse_unsupported(common: CommonArgs, options: dict[str, Any]) -> None:
    if common.seed is not None:
        raise InvalidOption("seed: Kling takes no seed", option="seed")
    if common.resolution is not None:
        raise InvalidOption(
            "resolution: Kling takes no resolution; its quality knob is the option mode ('std' or 'pro', "
            "e.g. create('kling', ..., mode='pro'))",
            option="resolution",
        )
    if "model_name" in options:
        raise InvalidOption("model_name: pass Kling's model_name as the model argument", option="model_name")
    for name in ("image", "image_tail"):
        if name in options:
            raise InvalidOption(
                f"{name}: pass the images as the image argument (image=first_frame, or image=[first, last] "
                "for image_tail)",
                option=name,
            )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("kling", ...)``: text2video without an image, image2video with one (the first
    frame, ``image``) or two (the second is the last frame, ``image_tail``).

    ``model`` becomes ``model_name`` (default ``kling-v2-master``), ``duration`` Kling's string ``"5"``;
    ``prompt``, ``negative_prompt`` and ``aspect_ratio`` keep their names. Kling takes no ``seed`` and no
    ``resolution`` (``mode``, ``std`` or ``pro``, is its quality option). Other options (``mode``,
    ``cfg_scale``, ``sound``, ``camera_control``, ``multi_shot``…) are the request's own fields, checked
    against the generated request model of the kind.
    """
    import importlib

    from genvideo_comfy_client import models

    _refuse_unsupported(common, options)
    images = common.images
    if len(images) > 2:
        raise InvalidOption(
            f"image: Kling takes a first frame, or a first and a last frame, not {len(images)} images", option="image"
        )
    kind = "image2video" if images else "text2video"
    body: dict[str, Any] = {"model_name": common.model if common.model is not None else DEFAULT_MODEL}
    if images:
        body["image"] = _image(images[0], "image")
    if len(images) == 2:
        body["image_tail"] = _image(images[1], "image")
    if common.prompt:
        body["prompt"] = common.prompt
    if common.negative_prompt is not None:
        body["negative_prompt"] = common.negative_prompt
    if common.duration is not None:
        body["duration"] = _duration(common.duration)
    if common.aspect_ratio is not None:
        body["aspect_ratio"] = common.aspect_ratio
    for name, value in options.items():
        if name in body:
            raise InvalidOption(f"{name}: given twice (as an argument and as an option)", option=name)
        body[name] = value
    if kind == "text2video" and "prompt" not in body and not body.get("multi_shot"):
        raise InvalidOption(
            "prompt: Kling's text-to-video needs a prompt (or multi_shot with multi_prompt); or pass an image",
            option="prompt",
        )
    model_class = getattr(models, KINDS[kind].request)
    check_fields(body, model_class)
    try:
        model = model_class.from_dict(body)
    except (ValueError, TypeError, KeyError) as error:
        raise InvalidOption(f"Kling refuses this request: {shown(str(error), 200)}", option="model") from None
    endpoint = importlib.import_module(f"{_API}.{KINDS[kind].submit}")
    kwargs = endpoint._get_kwargs(body=model, idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def motion_control_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("kling", video=..., image=...)``: motion control.

    ``video`` becomes ``video_url`` and the one ``image`` ``image_url`` (files and bytes are put in Comfy's
    storage first, by ``inputs_as_urls``; here they stand for URLs while the request is checked);
    ``prompt`` keeps its name, ``model`` becomes ``model_name`` (default ``kling-v2-6``, the spec's). Options
    are the request's own fields: ``character_orientation`` (``image`` or ``video``; required, as the spec
    has it, with no default: it decides how long a reference video may be), ``mode`` (default ``std``),
    ``keep_original_sound`` (``yes``/``no``), ``element_list``, ``watermark_info``, ``callback_url``,
    ``external_task_id``. Motion control has no negative prompt, duration, aspect ratio, seed or
    resolution (InvalidOption).
    """
    from genvideo_comfy_client.api.api_nodes import kling_create_motion_control
    from genvideo_comfy_client.models import KlingMotionControlRequest

    video = common.video
    if video is None:  # submit_flow sends only a create with a video here
        raise AssertionError("motion control needs a video")
    for name, value in (
        ("negative_prompt", common.negative_prompt),
        ("duration", common.duration),
        ("aspect_ratio", common.aspect_ratio),
        ("seed", common.seed),
        ("resolution", common.resolution),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: Kling's motion control (video=) takes no {name}", option=name)
    for name in ("image_url", "video_url", "model_name"):
        if name in options:
            argument = {"image_url": "image", "video_url": "video", "model_name": "model"}[name]
            raise InvalidOption(f"{name}: pass it as the {argument} argument", option=name)
    if len(common.images) != 1:
        raise InvalidOption(
            "image: Kling's motion control (video=) takes one image, the characters and scene to animate, "
            f"not {len(common.images)}",
            option="image",
        )
    if "character_orientation" not in options:
        raise InvalidOption(
            "character_orientation: Kling's motion control needs it: 'image' (the characters face as in the "
            "image; a reference video of at most 10 s) or 'video' (as in the video; at most 30 s)",
            option="character_orientation",
        )
    image = common.images[0]
    body: dict[str, Any] = {
        "model_name": common.model if common.model is not None else MOTION_CONTROL_MODEL,
        "image_url": _PENDING_UPLOAD if image.startswith("data:") else image,
        "video_url": video if isinstance(video, str) else _PENDING_UPLOAD,
        "mode": options.get("mode", MOTION_CONTROL_MODE),
    }
    if common.prompt:
        body["prompt"] = common.prompt
    body.update({name: value for name, value in options.items() if name != "mode"})
    check_fields(body, KlingMotionControlRequest)
    try:
        model = KlingMotionControlRequest.from_dict(body)
    except (ValueError, TypeError, KeyError) as error:
        raise InvalidOption(f"Kling refuses this request: {shown(str(error), 200)}", option="model") from None
    kwargs = kling_create_motion_control._get_kwargs(body=model, idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _motion_control_submitted(body: Mapping[str, Any]) -> CreationRef:
    return submitted_as("motion-control", body)


# A motion control video or image given as a file or bytes goes through Comfy's storage.
_motion_control_flow = inputs_as_urls(motion_control_request, _motion_control_submitted)


def _refusal(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Kling's top-level ``code`` when it is not 0 (as text), and its ``message``."""
    code = valid_text(optional_code(body, "code"))
    if code in (None, "0"):
        return None, None
    message = body.get("message")
    return code, valid_text(message) if isinstance(message, str) and message else None


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """One POST (see ``submit_request``; with ``video=``, ``motion_control_request``, after putting files
    and bytes in Comfy's storage); the ref names the kind of endpoint it went to, which Kling's reply does
    not say."""
    if common.video is not None:
        return (yield from _motion_control_flow(common, options, idempotency_key))
    request = submit_request(common, options, idempotency_key)
    reply = yield request
    return submitted_as(_submitted_kind(request.path), reply or {})


def _submitted_kind(path: str) -> str:
    """The task kind a submit path is for (its last segment, as ``KINDS`` names them)."""
    kind = path.rstrip("/").rsplit("/", 1)[-1]
    if kind not in KINDS:
        raise AssertionError(f"not a Kling submit path: {path}")
    return kind


def submitted_as(kind: str, body: Mapping[str, Any]) -> CreationRef:
    """The ref of the task a ``kind`` submit reply names, from ``{code, message, data: {task_id, …}}``.

    A non-zero ``code`` (Kling refused the request) or ``data.task_status: failed`` raises
    CreationFailed when the reply names a task, ResponseValidationError carrying the reply (see
    ``refused_submit``) when it does not; so does a reply without a usable ``data.task_id`` (a string,
    or a non-negative integer read as its decimal string): the task may exist and be billed.
    """
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        raise refused_submit(PROVIDER, f"the submit reply's data is a {type(data).__name__}, not an object", body)
    code, message = _refusal(body)
    raw_id = data.get("task_id") if data is not None else None
    if raw_id is None or raw_id == "":
        if code is not None:
            said = shown(message, 200) if message else "no message"
            raise refused_submit(PROVIDER, f"the submit was refused (code {shown(code)}: {said})", body)
        raise refused_submit(PROVIDER, "the submit reply has no data.task_id", body)
    task_id = id_text(raw_id)
    if task_id is None:
        raise refused_submit(
            PROVIDER, f"the submit reply's data.task_id is a {type(raw_id).__name__}, not a string", body
        )
    try:
        ref = CreationRef(PROVIDER, task_id, (kind,))
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable data.task_id {shown(task_id, 40)}", body) from None
    assert data is not None  # a task id came from it
    status = data.get("task_status")
    raw_state = valid_text(status) if isinstance(status, str) else None
    if code is not None or map_state(raw_state) is CreationState.FAILED:
        reason = data.get("task_status_msg")
        creation = Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=raw_state,
            progress=None,
            outputs=(),
            error_code=code,
            error_message=(valid_text(reason) if isinstance(reason, str) and reason else None) or message,
            created_at=_time(data.get("created_at")),
            updated_at=_time(data.get("updated_at")),
            payload=body,
            _raw_parser=_RAW_PARSERS[kind],
        )
        said = f" (code {shown(code)})" if code else ""
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    return ref


# -- poll ----------------------------------------------------------------------------------------------


def _time(value: object) -> datetime | None:
    """UNIX milliseconds (any epoch unit ``parse_timestamp`` can tell apart) as a datetime; None for
    anything but a number."""
    return parse_timestamp(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _outputs(ref: CreationRef, data: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    result = optional_object(PROVIDER, data, "task_result", "data.")
    if result is None:
        return ()
    outputs: list[VideoOutput] = []
    for index, item in enumerate(optional_list(PROVIDER, result, "videos", "data.task_result.")):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"kling: data.task_result.videos[{index}] should be an object, got {type(item).__name__}",
                provider=PROVIDER,
            )
        url = optional_str(PROVIDER, item, "url", "data.task_result.videos[{}].", index)
        watermarked = optional_str(PROVIDER, item, "watermark_url", "data.task_result.videos[{}].", index)
        if url:  # an entry without a video URL delivers nothing (it stays in payload/raw)
            outputs.append(VideoOutput(valid_text(url), None, valid_text(watermarked) or None, ref, len(outputs)))
    return tuple(outputs)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``data.task_id``, when present, is the task id). ``error_message``
    is ``data.task_status_msg`` (Kling's failure reason; empty counts as none); ``error_code`` is the
    top-level ``code`` when it is not 0 (Kling gives a failed task no code of its own). Strings are
    handed on as valid Unicode (lone surrogates become U+FFFD); ``payload`` keeps them as sent.
    """
    kind = _kind(ref)
    data = optional_object(PROVIDER, body, "data", "")
    check_reply_id(PROVIDER, ref, data, ("task_id",))
    code, _ = _refusal(body)
    raw_state = reason = None
    outputs: tuple[VideoOutput, ...] = ()
    created_at = updated_at = None
    if data is not None:
        raw_state = valid_text(optional_str(PROVIDER, data, "task_status", "data."))
        reason = valid_text(optional_str(PROVIDER, data, "task_status_msg", "data.")) or None
        outputs = _outputs(ref, data)
        created_at, updated_at = _time(data.get("created_at")), _time(data.get("updated_at"))
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # Kling reports no progress
        outputs=outputs,
        error_code=code,
        error_message=reason,
        created_at=created_at,
        updated_at=updated_at,
        payload=body,
        _raw_parser=_RAW_PARSERS[kind],
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _kling

    _CONFORMS: Adapter = _kling
