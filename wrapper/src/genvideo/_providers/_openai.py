"""OpenAI Sora 2 video through Comfy.org's API proxy.

The submit is ``POST /proxy/openai/v1/videos`` with a **multipart/form-data** body (``prompt``, ``model``,
``seconds``, ``size`` and an optional ``input_reference`` file part); it answers the video job
(OpenAIVideoJob), whose ``id`` is the ref's id. The poll is ``GET /proxy/openai/v1/videos/{video_id}``; the
state is ``status`` (``queued``, ``in_progress``, ``completed``, ``failed``), ``progress`` a percentage
(0-100), ``error.code``/``error.message`` a failure's reason, ``created_at``/``completed_at`` UNIX seconds.

The job names no URL: the video is ``GET /proxy/openai/v1/videos/{video_id}/content`` on the proxy itself,
with Comfy's credentials (ComfyUI does the same: nodes_sora.py L154-156). This module knows no base URL, so
the output's ``url`` is that path; the client makes it absolute against the comfy spec's base URL, and its
``download()`` sends the credentials only to URLs under that base URL (never to a redirect's CDN).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption
from .._fields import fraction, optional_object, optional_str
from .._images import data_uri_content
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import one_request
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, FormFile
from ._text import shown, valid_text

PROVIDER: Provider = "openai"
# Used when create("openai", ...) names no model: the spec's default (OpenAIVideoCreateRequest.model).
DEFAULT_MODEL = "sora-2"
PRO_MODEL = "sora-2-pro"
# duration (seconds) -> the form's `seconds` string (OpenAIVideoCreateRequest.seconds enum).
DURATIONS = (4, 8, 12)
# (aspect_ratio, resolution) -> size. 720p in both shapes for every model; the 1024p sizes are sora-2-pro's
# only (OpenAI's API reference, Videos: "1024x1792 and 1792x1024 ... sora-2-pro").
SIZES = {
    ("16:9", 720): "1280x720",
    ("9:16", 720): "720x1280",
    ("16:9", 1024): "1792x1024",
    ("9:16", 1024): "1024x1792",
}
PRO_SIZES = frozenset({"1792x1024", "1024x1792"})
DEFAULT_ASPECT_RATIO = "16:9"  # with a resolution alone (ComfyUI's Sora node defaults to 1280x720)
DEFAULT_RESOLUTION = 720  # with an aspect ratio alone
# Form fields the common arguments fill: given as options they would bypass the checks below.
_ARGUMENT_FIELDS = {
    "prompt": "prompt",
    "model": "model",
    "seconds": "duration",
    "input_reference": "image",
}
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif"}

status_path = id_path("genvideo_comfy_client.api.api_nodes.open_ai_get_video")

#: Sora's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


@cache
def _content_endpoint() -> ModuleType:
    from genvideo_comfy_client.api.api_nodes import open_ai_download_video_content

    return open_ai_download_video_content


@lru_cache(maxsize=4096)
def content_path(video_id: str) -> str:
    """``/proxy/openai/v1/videos/{video_id}/content``, as the generated client builds it (cached)."""
    return str(_content_endpoint()._get_kwargs(video_id)["url"])


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the job."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.OpenAIVideoJob``."""
    from genvideo_comfy_client.models import OpenAIVideoJob

    return OpenAIVideoJob.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _choices(enum_name: str) -> tuple[str, ...]:
    from genvideo_comfy_client import models

    return tuple(member.value for member in getattr(models, enum_name))


def _model(model: str | None) -> str:
    if model is None:
        return DEFAULT_MODEL
    names = _choices("OpenAIVideoCreateRequestModel")
    if model not in names:
        raise InvalidOption(
            f"model: {shown(model, 40)} is not a Sora model (valid: {', '.join(names)})", option="model"
        )
    return model


def _seconds(duration: int | None) -> str | None:
    if duration is None:
        return None
    if isinstance(duration, bool) or duration not in DURATIONS:
        raise InvalidOption(
            f"duration: Sora takes {', '.join(map(str, DURATIONS))} seconds, not {duration!r:.20}", option="duration"
        )
    return str(duration)


def _resolution(resolution: int | str) -> int:
    """``720``, ``"720"``, ``"720p"`` as 720 (likewise 1024); InvalidOption for anything else."""
    text = str(resolution).strip().lower().removesuffix("p") if isinstance(resolution, int | str) else ""
    if isinstance(resolution, bool) or not text.isdigit() or int(text) not in (720, 1024):
        raise InvalidOption(
            f"resolution: Sora takes 720 (every model) or 1024 ({PRO_MODEL}), not {shown(str(resolution), 20)}",
            option="resolution",
        )
    return int(text)


def _size(common: CommonArgs, given: object, model: str) -> str | None:
    """The form's ``size``: the ``size`` option as given, or ``aspect_ratio`` and ``resolution`` mapped
    (16:9 -> 1280x720 and 9:16 -> 720x1280 at 720p; 1792x1024 and 1024x1792 at 1024p, sora-2-pro only);
    None when neither is given (Sora's default)."""
    if given is not None:
        if common.aspect_ratio is not None or common.resolution is not None:
            raise InvalidOption("size: pass either size or aspect_ratio/resolution, not both", option="size")
        sizes = _choices("OpenAIVideoCreateRequestSize")
        if not isinstance(given, str) or given not in sizes:
            raise InvalidOption(f"size: Sora takes {', '.join(sizes)}, not {shown(str(given), 20)}", option="size")
        size = given
    elif common.aspect_ratio is None and common.resolution is None:
        return None
    else:
        aspect = common.aspect_ratio if common.aspect_ratio is not None else DEFAULT_ASPECT_RATIO
        height = _resolution(common.resolution) if common.resolution is not None else DEFAULT_RESOLUTION
        if aspect not in ("16:9", "9:16"):
            raise InvalidOption(
                f"aspect_ratio: Sora takes 16:9 or 9:16, not {shown(str(aspect), 20)}", option="aspect_ratio"
            )
        size = SIZES[(aspect, height)]
    if size in PRO_SIZES and model != PRO_MODEL:
        option = "size" if given is not None else "resolution"
        raise InvalidOption(f"{option}: {size} is {PRO_MODEL}'s only (model={model} makes 720p)", option=option)
    return size


def _input_reference(images: list[str]) -> FormFile | None:
    """The one image as the ``input_reference`` file part. Sora takes a file, not a URL, and genvideo does
    not fetch URLs: an http(s) image is refused (pass the file or its bytes)."""
    if not images:
        return None
    if len(images) > 1:
        raise InvalidOption(f"image: Sora takes one image (the first frame), got {len(images)}", option="image")
    image = images[0]
    if not image.startswith("data:"):
        raise InvalidOption(
            "image: Sora takes the image as a file upload, not a URL; pass a file path or the bytes", option="image"
        )
    content, media_type = data_uri_content(image)
    extension = _EXTENSIONS.get(media_type, "bin")
    return FormFile("input_reference", f"input_reference.{extension}", content, media_type)


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("openai", ...)``: a multipart form.

    ``prompt`` is required. ``model`` defaults to ``sora-2`` (or ``sora-2-pro``). ``duration`` (4, 8 or 12)
    is sent as ``seconds``. ``aspect_ratio`` (16:9 or 9:16, default 16:9) and ``resolution`` (720, default,
    or 1024 with sora-2-pro) make ``size``: 1280x720, 720x1280, 1792x1024, 1024x1792; or pass ``size=``
    directly. The image (one, a file or bytes) goes as the ``input_reference`` file part. Sora takes no
    seed and no negative prompt: both are refused.
    """
    from genvideo_comfy_client.api.api_nodes import open_ai_create_video
    from genvideo_comfy_client.models import OpenAIVideoCreateRequest

    for name, value, what in (
        ("negative_prompt", common.negative_prompt, "negative prompt"),
        ("seed", common.seed, "seed"),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: Sora takes no {what}", option=name)
    for name, argument in _ARGUMENT_FIELDS.items():
        if name in options:
            raise InvalidOption(f"{name}: pass it as the {argument} argument", option=name)
    options = dict(options)
    if not common.prompt:
        raise InvalidOption("prompt: Sora needs a prompt", option="prompt")
    model = _model(common.model)
    form: dict[str, Any] = {"prompt": common.prompt, "model": model}
    seconds = _seconds(common.duration)
    if seconds is not None:
        form["seconds"] = seconds
    size = _size(common, options.pop("size", None), model)
    if size is not None:
        form["size"] = size
    form.update(options)  # anything else: check_fields names what is not a request field
    check_fields(form, OpenAIVideoCreateRequest)
    for name, value in form.items():
        if not isinstance(value, str):
            raise InvalidOption(f"{name}: a form field is text, not {type(value).__name__}", option=name)
    image = _input_reference(common.images)
    kwargs = open_ai_create_video._get_kwargs(
        body=OpenAIVideoCreateRequest.from_dict(form), idempotency_key=idempotency_key
    )
    # The generated Content-Type names a fixed boundary: the HTTP client writes the real one.
    headers = {k: v for k, v in kwargs["headers"].items() if k.lower() != "content-type"}
    files = (image,) if image is not None else ()
    return ApiRequest("POST", kwargs["url"], None, headers, idempotent=True, form=form, files=files)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new job's ref, from the OpenAIVideoJob the submit answers.

    A reply without a usable ``id`` raises ResponseValidationError carrying the reply (see
    ``refused_submit``). A job already ``failed``, or carrying ``error.message`` (ComfyUI raises it:
    nodes_sora.py L142-143), raises CreationFailed with its code and message.
    """
    raw_id = body.get("id")
    if raw_id is None or raw_id == "":
        raise refused_submit(PROVIDER, "the submit reply has no id", body)
    video_id = id_text(raw_id)
    if video_id is None:
        raise refused_submit(PROVIDER, f"the submit reply's id is a {type(raw_id).__name__}, not a string", body)
    try:
        ref = CreationRef(PROVIDER, video_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable id {shown(video_id, 40)}", body) from None
    creation = to_creation(ref, body)
    if creation.state is CreationState.FAILED or creation.error_message is not None:
        if creation.state is not CreationState.FAILED:
            creation = Creation(
                ref=ref,
                state=CreationState.FAILED,
                raw_state=creation.raw_state,
                progress=creation.progress,
                outputs=(),
                error_code=creation.error_code,
                error_message=creation.error_message,
                created_at=creation.created_at,
                updated_at=creation.updated_at,
                payload=body,
                _raw_parser=parse_raw,
            )
        said = f" ({shown(creation.error_code)})" if creation.error_code else ""
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    return ref


submit_flow = one_request(submit_request, submitted)  # the image travels in the form, as a file part


# -- poll ----------------------------------------------------------------------------------------------


def _time(value: object) -> Any:
    """UNIX seconds as a datetime; None for anything but a number."""
    return parse_timestamp(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present). ``progress`` is a percentage (0-100, read as
    0..1). A completed job's one output is the ``/content`` path (made absolute by the client).
    ``error_code``/``error_message`` are ``error.code``/``error.message`` (empty counts as none).
    ``created_at`` is ``created_at``, ``updated_at`` is ``completed_at``.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    state = map_state(raw_state)
    error = optional_object(PROVIDER, body, "error", "")
    code = message = None
    if error is not None:
        code = valid_text(optional_str(PROVIDER, error, "code", "error.")) or None
        message = valid_text(optional_str(PROVIDER, error, "message", "error.")) or None
    outputs = (VideoOutput(content_path(ref.id), None, None, ref, 0),) if state is CreationState.SUCCEEDED else ()
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=fraction(body.get("progress"), 100.0),
        outputs=outputs,
        error_code=code,
        error_message=message,
        created_at=_time(body.get("created_at")),
        updated_at=_time(body.get("completed_at")),
        payload=body,
        _raw_parser=parse_raw,
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _openai

    _CONFORMS: Adapter = _openai
