"""BytePlus (ByteDance Seedance) through Comfy.org's API proxy.

One submit, ``POST /proxy/byteplus/api/v3/contents/generations/tasks``, takes a ``model`` and a
``content`` list of ``{type: text}`` and ``{type: image_url}`` items; it answers ``{id}``. Resolution,
ratio, duration and seed are not fields: they travel as ``--flags`` at the end of the prompt text, as
ComfyUI builds them (``nodes_bytedance.py``). The poll is
``GET /proxy/byteplus/api/v3/contents/generations/tasks/{task_id}``; the state is ``status``, the video
``content.video_url`` (cleared after 24 hours), a failure ``error.code`` / ``error.message``. BytePlus
reports no progress.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption
from .._fields import optional_code, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._registry import registry
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "byteplus"
# Used when create("byteplus", ...) names no model: the default of ComfyUI's ByteDance video nodes
# (nodes_bytedance.py, model combo default "seedance-1-0-pro-fast-251015"); it takes text and a first frame.
DEFAULT_MODEL = "seedance-1-0-pro-fast-251015"

# The documented flag ranges (BytePlusVideoGenerationContent.text, comfy-spec lines 28258-28275).
RESOLUTIONS = ("480p", "720p", "1080p")
RATIOS = ("21:9", "16:9", "4:3", "1:1", "3:4", "9:16", "9:21", "adaptive")
DURATION_MIN, DURATION_MAX = 3, 12
SEED_MIN, SEED_MAX = -1, 2**32 - 1

# common argument -> the flag names (long, short) that carry it inside the prompt text.
_FLAGS: dict[str, tuple[str, ...]] = {
    "resolution": ("resolution", "rs"),
    "aspect_ratio": ("ratio", "rt"),
    "duration": ("duration", "dur"),
    "seed": ("seed",),
}


@cache
def _endpoint() -> ModuleType:
    from genvideo_comfy_client.api.api_nodes import byteplus_video_generation_query

    return byteplus_video_generation_query


@lru_cache(maxsize=4096)
def status_path(creation_id: str) -> str:
    """The request path, as the generated client builds it (cached: polls repeat it)."""
    return str(_endpoint()._get_kwargs(creation_id)["url"])


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


def map_state(raw_state: object) -> CreationState:
    """BytePlus' status word as a CreationState (the registry's state map)."""
    return registry().providers[PROVIDER].map_state(raw_state)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.BytePlusVideoGenerationQueryResponse``."""
    from genvideo_comfy_client.models import BytePlusVideoGenerationQueryResponse

    return BytePlusVideoGenerationQueryResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _image_items(images: list[str]) -> list[dict[str, Any]]:
    if len(images) > 1:
        raise InvalidOption(f"image: genvideo sends BytePlus one first-frame image, got {len(images)}", option="image")
    return [{"type": "image_url", "image_url": {"url": image}} for image in images]


def _resolution(resolution: int | str) -> str:
    text = str(resolution).strip().lower() if isinstance(resolution, int | str) else ""
    if isinstance(resolution, bool) or not text:
        raise InvalidOption(f"resolution: {resolution!r:.40} is not a resolution", option="resolution")
    word = text if text.endswith("p") else f"{text}p"
    if word not in RESOLUTIONS:
        raise InvalidOption(
            f"resolution: BytePlus takes {', '.join(RESOLUTIONS)}, not {shown(str(resolution), 20)}",
            option="resolution",
        )
    return word


def _flag_values(common: CommonArgs) -> dict[str, str]:
    """The common arguments given, checked against the documented ranges, as flag values."""
    values: dict[str, str] = {}
    if common.resolution is not None:
        values["resolution"] = _resolution(common.resolution)
    if common.aspect_ratio is not None:
        if common.aspect_ratio not in RATIOS:
            raise InvalidOption(
                f"aspect_ratio: BytePlus takes {', '.join(RATIOS)}, not {shown(str(common.aspect_ratio), 20)}",
                option="aspect_ratio",
            )
        values["aspect_ratio"] = common.aspect_ratio
    if common.duration is not None:
        duration = common.duration
        if isinstance(duration, bool) or not isinstance(duration, int) or not DURATION_MIN <= duration <= DURATION_MAX:
            raise InvalidOption(
                f"duration: BytePlus takes {DURATION_MIN} to {DURATION_MAX} seconds, not {duration!r:.20}",
                option="duration",
            )
        values["duration"] = str(duration)
    if common.seed is not None:
        seed = common.seed
        if isinstance(seed, bool) or not isinstance(seed, int) or not SEED_MIN <= seed <= SEED_MAX:
            raise InvalidOption(f"seed: BytePlus takes a seed from -1 to {SEED_MAX}, not {seed!r:.20}", option="seed")
        values["seed"] = str(seed)
    return values


def _has_flag(text: str, names: tuple[str, ...]) -> str | None:
    for name in names:
        if re.search(rf"(?:^|\s)--{re.escape(name)}(?=\s|$)", text):
            return name
    return None


def prompt_text(prompt: str, common: CommonArgs) -> str:
    """The prompt with ``--resolution``, ``--ratio``, ``--duration`` and ``--seed`` appended (in
    ComfyUI's order) for the common arguments given; a prompt that already sets one of them while the
    same argument is given raises InvalidOption."""
    values = _flag_values(common)
    parts = [prompt]
    for argument, value in values.items():
        names = _FLAGS[argument]
        found = _has_flag(prompt, names)
        if found is not None:
            raise InvalidOption(
                f"{argument}: given twice (as an argument and as --{found} in the prompt)", option=argument
            )
        parts.append(f"--{names[0]} {value}")
    return " ".join(part for part in parts if part)


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("byteplus", ...)``.

    ``model`` defaults to ``seedance-1-0-pro-fast-251015``. The prompt becomes the ``text`` item of
    ``content``, with resolution, aspect_ratio, duration and seed appended as ``--flags``; the image (a
    URL) an ``image_url`` item. BytePlus takes no negative prompt. ``options`` are the request's other
    fields (``callback_url``, ``return_last_frame``, ``generate_audio``); ``content`` cannot be given
    as an option (the common arguments build it).
    """
    from genvideo_comfy_client.api.api_nodes import byteplus_video_generation
    from genvideo_comfy_client.models import BytePlusVideoGenerationRequest

    if common.negative_prompt is not None:
        raise InvalidOption("negative_prompt: BytePlus (Seedance) takes no negative prompt", option="negative_prompt")
    if "content" in options:
        raise InvalidOption(
            "content: built from prompt and image; pass those (and --flags in the prompt) instead", option="content"
        )
    if "model" in options:
        raise InvalidOption("model: pass model as the model argument", option="model")
    images = _image_items(common.images)
    text = prompt_text(common.prompt or "", common)
    content: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
    content += images
    if not content:
        raise InvalidOption("prompt: BytePlus needs a prompt or an image", option="prompt")
    body: dict[str, Any] = {"model": common.model if common.model is not None else DEFAULT_MODEL, "content": content}
    for name, value in options.items():
        body[name] = value  # check_fields names anything that is not a request field
    check_fields(body, BytePlusVideoGenerationRequest)
    try:
        model = BytePlusVideoGenerationRequest.from_dict(body)
    except (ValueError, TypeError, KeyError) as error:
        raise InvalidOption(f"BytePlus refuses this request: {shown(str(error), 200)}", option="model") from None
    kwargs = byteplus_video_generation._get_kwargs(body=model, idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new task's ref, from ``{"id": …}``; a reply without a usable ``id`` raises
    ResponseValidationError carrying the reply (see ``refused_submit``)."""
    raw_id = body.get("id")
    if raw_id is None or raw_id == "":
        error = body.get("error")
        if isinstance(error, Mapping):
            code, message = valid_text(optional_code(error, "code")), error.get("message")
            said = f"{shown(code)}: " if code else ""
            text = shown(message, 200) if isinstance(message, str) else "no message"
            raise refused_submit(PROVIDER, f"the submit was refused ({said}{text})", body)
        raise refused_submit(PROVIDER, "the submit reply has no id", body)
    task_id = id_text(raw_id)
    if task_id is None:
        raise refused_submit(PROVIDER, f"the submit reply's id is a {type(raw_id).__name__}, not a string", body)
    try:
        return CreationRef(PROVIDER, task_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable id {shown(task_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them (``id``, when present, is the task id;
    ``created_at`` / ``updated_at`` are UNIX seconds)."""
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    content = optional_object(PROVIDER, body, "content", "")
    url = optional_str(PROVIDER, content, "video_url", "content.") if content is not None else None
    outputs = (VideoOutput(valid_text(url), None, None, ref, 0),) if url else ()
    error = optional_object(PROVIDER, body, "error", "")
    code = message = None
    if error is not None:
        code = valid_text(optional_code(error, "code"))
        message = valid_text(optional_str(PROVIDER, error, "message", "error."))
    times = {}
    for key in ("created_at", "updated_at"):
        value = body.get(key)
        times[key] = parse_timestamp(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # BytePlus reports no progress
        outputs=outputs,
        error_code=code,
        error_message=message or None,
        created_at=times["created_at"],
        updated_at=times["updated_at"],
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # files and bytes go through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _byteplus

    _CONFORMS: Adapter = _byteplus
