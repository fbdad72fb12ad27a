"""Wan (Alibaba DashScope) through Comfy.org's API proxy.

One submit, ``POST /proxy/wan/api/v1/services/aigc/video-generation/video-synthesis``, serves
text-to-video, image-to-video and reference-to-video: the ``model`` decides (``video=`` is the reference
video of a reference-to-video model, sent in ``input.reference_video_urls``; a file or bytes goes through
Comfy's storage first). The poll is
``GET /proxy/wan/api/v1/tasks/{task_id}``; the state is ``output.task_status``, the video
``output.video_url`` (valid 24 hours), a failure ``output.code`` / ``output.message``. Wan reports
no progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption
from .._fields import optional_code, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "wan"
# Used when create("wan", ...) names no model: ComfyUI's defaults (nodes_wan.py), the newest models
# the spec lists. The model decides the mode, so the default depends on whether an image is given.
DEFAULT_MODEL = "wan2.6-t2v"
DEFAULT_IMAGE_MODEL = "wan2.6-i2v"
DEFAULT_VIDEO_MODEL = "wan2.6-r2v"
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input"

SEED_MAX = 2147483647  # parameters.seed: 0..2^31-1

# resolution (lower case) -> aspect ratio -> parameters.size ("W*H"), for the models that take a size
# (text-to-video and reference-to-video): the sizes WanVideoGenerationRequest.parameters.size lists
# (also ComfyUI's size choices). 480p exists for wan2.5 only; the provider refuses what a model lacks.
SIZES: dict[str, dict[str, str]] = {
    "480p": {"1:1": "624*624", "16:9": "832*480", "9:16": "480*832"},
    "720p": {"1:1": "960*960", "16:9": "1280*720", "9:16": "720*1280", "4:3": "1088*832", "3:4": "832*1088"},
    "1080p": {"1:1": "1440*1440", "16:9": "1920*1080", "9:16": "1080*1920", "4:3": "1632*1248", "3:4": "1248*1632"},
}
# What fills in the other half of a size when only one of resolution and aspect_ratio is given.
DEFAULT_RESOLUTION = "720p"  # ComfyUI's default size level
DEFAULT_ASPECT_RATIO = "16:9"


#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.wan_task_query_proxy")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Wan's task_status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.WanTaskQueryResponse``."""
    from genvideo_comfy_client.models import WanTaskQueryResponse

    return WanTaskQueryResponse.from_dict(payload)


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    from genvideo_comfy_client.models import WanVideoGenerationResponse

    return WanVideoGenerationResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _object_option(options: dict[str, Any], name: str) -> dict[str, Any]:
    value = options.pop(name, None)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidOption(f"{name}: expected an object, got {value!r:.60}", option=name)
    return dict(value)


def _put(target: dict[str, Any], where: str, name: str, value: Any, argument: str) -> None:
    """Set ``target[name]`` from the common argument ``argument``, unless an option already set it."""
    if value is None:
        return
    if name in target:
        raise InvalidOption(
            f"{argument}: given twice (as an argument and as the option {where}.{name})", option=argument
        )
    target[name] = value


def _image_url(images: list[str]) -> str | None:
    if not images:
        return None
    if len(images) > 1:
        raise InvalidOption(
            f"image: Wan's image-to-video takes one image (input.img_url), got {len(images)}", option="image"
        )
    return images[0]


def _resolution_word(resolution: int | str) -> str:
    """``720``, ``"720p"`` or ``"720P"`` as ``"720p"``; InvalidOption for anything else."""
    text = str(resolution).strip().lower() if isinstance(resolution, int | str) else ""
    if isinstance(resolution, bool) or not text:
        raise InvalidOption(f"resolution: {resolution!r:.40} is not a resolution", option="resolution")
    word = text if text.endswith("p") else f"{text}p"
    if word not in SIZES:
        raise InvalidOption(
            f"resolution: Wan takes {', '.join(SIZES)}, not {shown(str(resolution), 20)}", option="resolution"
        )
    return word


def _size(resolution: int | str | None, aspect_ratio: str | None) -> str | None:
    """``parameters.size`` for models that take one (text- and reference-to-video)."""
    if resolution is None and aspect_ratio is None:
        return None
    level = _resolution_word(resolution) if resolution is not None else DEFAULT_RESOLUTION
    ratio = aspect_ratio if aspect_ratio is not None else DEFAULT_ASPECT_RATIO
    sizes = SIZES[level]
    if ratio not in sizes:
        raise InvalidOption(
            f"aspect_ratio: Wan's {level} sizes come in {', '.join(sizes)}, not {shown(str(ratio), 20)}",
            option="aspect_ratio",
        )
    return sizes[ratio]


def _enum_values(enum_name: str) -> tuple[Any, ...]:
    from genvideo_comfy_client import models

    return tuple(member.value for member in getattr(models, enum_name))


def _parameters(common: CommonArgs, parameters: dict[str, Any], image_to_video: bool) -> dict[str, Any]:
    if common.duration is not None:
        durations = _enum_values("WanVideoGenerationRequestParametersDuration")
        if isinstance(common.duration, bool) or common.duration not in durations:
            raise InvalidOption(
                f"duration: Wan takes {', '.join(map(str, durations))} seconds, not {common.duration!r:.20}",
                option="duration",
            )
    _put(parameters, "parameters", "duration", common.duration, "duration")
    if common.seed is not None and (
        isinstance(common.seed, bool) or not isinstance(common.seed, int) or not 0 <= common.seed <= SEED_MAX
    ):
        raise InvalidOption(f"seed: Wan takes a seed from 0 to {SEED_MAX}, not {common.seed!r:.20}", option="seed")
    _put(parameters, "parameters", "seed", common.seed, "seed")
    if image_to_video:
        if common.aspect_ratio is not None:
            raise InvalidOption(
                "aspect_ratio: Wan's image-to-video takes its aspect ratio from the image", option="aspect_ratio"
            )
        if common.resolution is not None:
            word = _resolution_word(common.resolution).upper()
            _put(parameters, "parameters", "resolution", word, "resolution")
    else:
        size = _size(common.resolution, common.aspect_ratio)
        if size is not None:
            argument = "resolution" if common.resolution is not None else "aspect_ratio"
            _put(parameters, "parameters", "size", size, argument)
    return parameters


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("wan", ...)``.

    ``model`` (a common argument) defaults to ``wan2.6-t2v``, ``wan2.6-i2v`` with an image, or
    ``wan2.6-r2v`` with a reference video (``video``, sent as ``input.reference_video_urls``). ``options``
    are the request's own fields: ``input`` and ``parameters`` objects merged with what the common arguments
    fill in (prompt, negative_prompt and the image into ``input``; duration, seed and the size or
    resolution into ``parameters``). An image-to-video model takes ``resolution`` (480P/720P/1080P)
    and no aspect ratio; the others take ``size``, built from ``resolution`` and ``aspect_ratio``.
    """
    from genvideo_comfy_client.api.api_nodes import wan_video_generation
    from genvideo_comfy_client.models import WanVideoGenerationRequest

    image = _image_url(common.images)
    model = common.model
    video = common.video if isinstance(common.video, str) or common.video is None else _PENDING_UPLOAD
    if model is None:
        model = DEFAULT_IMAGE_MODEL if image is not None else DEFAULT_VIDEO_MODEL if video else DEFAULT_MODEL
    inputs = _object_option(options, "input")
    parameters = _object_option(options, "parameters")
    image_to_video = isinstance(model, str) and "-i2v" in model
    reference_to_video = isinstance(model, str) and "-r2v" in model
    if video is not None and isinstance(model, str) and not reference_to_video:
        raise InvalidOption(
            f"video: the model {shown(model, 40)} takes no reference video; a reference-to-video model "
            "(wan2.6-r2v) does",
            option="video",
        )
    if image is not None and isinstance(model, str) and not image_to_video:
        raise InvalidOption(
            f"image: the model {shown(model, 40)} takes no first-frame image; an image-to-video model "
            "(wan2.6-i2v, wan2.5-i2v-preview) does",
            option="image",
        )
    _put(inputs, "input", "prompt", common.prompt or None, "prompt")
    _put(inputs, "input", "negative_prompt", common.negative_prompt, "negative_prompt")
    _put(inputs, "input", "img_url", image, "image")
    _put(inputs, "input", "reference_video_urls", [video] if video is not None else None, "video")
    if reference_to_video and not inputs.get("reference_video_urls"):
        raise InvalidOption(f"video: the model {shown(model, 40)} needs a reference video (video=)", option="video")
    if image_to_video and inputs.get("img_url") is None:
        raise InvalidOption(f"image: the model {shown(model, 40)} needs a first-frame image", option="image")
    parameters = _parameters(common, parameters, image_to_video)
    body: dict[str, Any] = {"model": model, "input": inputs}
    if parameters:
        body["parameters"] = parameters
    for name, value in options.items():
        body[name] = value  # anything else is not a WanVideoGenerationRequest field: check_fields names it
    check_fields(body, WanVideoGenerationRequest)
    kwargs = wan_video_generation._get_kwargs(
        body=WanVideoGenerationRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _refusal(body: Mapping[str, Any], output: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """The error code and message of a submit reply (top level, else inside ``output``)."""
    code = optional_code(body, "code") or (optional_code(output, "code") if output is not None else None)
    message = body.get("message") if isinstance(body.get("message"), str) else None
    if message is None and output is not None and isinstance(output.get("message"), str):
        message = output["message"]
    return valid_text(code), valid_text(message or None)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new task's ref, from ``{"output": {"task_id": …, "task_status": …}, "request_id": …}``.

    A task reported FAILED or CANCELED at once raises CreationFailed. A reply without
    ``output.task_id`` (a string, or a non-negative integer read as its decimal string) raises
    ResponseValidationError carrying the reply (see ``refused_submit``), naming DashScope's
    ``code`` and ``message`` when it sent them (a refused request has no ``output``).
    """
    output = body.get("output")
    if output is not None and not isinstance(output, dict):
        raise refused_submit(PROVIDER, f"the submit reply's output is a {type(output).__name__}, not an object", body)
    raw_id = output.get("task_id") if output is not None else None
    if raw_id is None or raw_id == "":
        code, message = _refusal(body, output)
        if code or message:
            said = f"{shown(code)}: " if code else ""
            reason = f"the submit was refused ({said}{shown(message, 200) if message else 'no message'})"
            raise refused_submit(PROVIDER, reason, body)
        raise refused_submit(PROVIDER, "the submit reply has no output.task_id", body)
    task_id = id_text(raw_id)
    if task_id is None:
        raise refused_submit(
            PROVIDER, f"the submit reply's output.task_id is a {type(raw_id).__name__}, not a string", body
        )
    try:
        ref = CreationRef(PROVIDER, task_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable output.task_id {shown(task_id, 40)}", body) from None
    assert output is not None  # a task id came from it
    status = output.get("task_status")
    raw_state = valid_text(status) if isinstance(status, str) else None
    if map_state(raw_state) is CreationState.FAILED:
        code, _ = _refusal(body, output)
        creation = Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=raw_state,
            progress=None,
            outputs=(),
            error_code=code,
            created_at=None,
            updated_at=None,
            payload=body,
            _raw_parser=_parse_submit_raw,
        )
        said = f" (error code {shown(code)})" if code else ""
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    return ref


# -- poll ----------------------------------------------------------------------------------------------


def _outputs(ref: CreationRef, output: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    url = optional_str(PROVIDER, output, "video_url", "output.")
    return (VideoOutput(valid_text(url), None, None, ref, 0),) if url else ()


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``output.task_id``, when present, is the task id). A reply
    without ``output`` is an unknown state (DashScope's own error replies carry ``code`` and
    ``message`` at the top level). Strings are handed on as valid Unicode; ``payload`` keeps them
    as sent. DashScope's times (``submit_time``, ``end_time``) name no zone and are read as UTC.
    """
    output = optional_object(PROVIDER, body, "output", "")
    if output is None:
        return Creation(
            ref=ref,
            state=CreationState.UNKNOWN,
            raw_state=None,
            progress=None,
            outputs=(),
            error_code=valid_text(optional_code(body, "code")),
            created_at=None,
            updated_at=None,
            payload=body,
            _raw_parser=parse_raw,
        )
    check_reply_id(PROVIDER, ref, output, ("task_id",))
    raw_state = valid_text(optional_str(PROVIDER, output, "task_status", "output."))
    for key in ("submit_time", "scheduled_time", "end_time"):
        optional_str(PROVIDER, output, key, "output.")  # a wrong type is a broken reply, not a missing time
    updated = output.get("end_time") or output.get("scheduled_time")
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # Wan reports no progress
        outputs=_outputs(ref, output),
        error_code=valid_text(optional_code(output, "code")),
        created_at=parse_timestamp(output.get("submit_time")),
        updated_at=parse_timestamp(updated),
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # files and bytes go through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _wan

    _CONFORMS: Adapter = _wan
