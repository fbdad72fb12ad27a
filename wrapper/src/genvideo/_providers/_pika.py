"""Pika 2.2 through Comfy.org's API proxy.

Two submits, both answered by ``{video_id}``: ``POST /proxy/pika/generate/2.2/t2v`` takes an
``application/x-www-form-urlencoded`` form (a prompt), ``POST /proxy/pika/generate/2.2/i2v`` a
``multipart/form-data`` one (a prompt and the image as a file part). Fields are camelCase
(``promptText``, ``negativePrompt``, ``aspectRatio``); the model is the path's ``2.2``. The poll is
``GET /proxy/pika/videos/{video_id}``: ``status`` (``queued``, ``started``, ``finished``; ComfyUI adds
``failed``), ``url`` once finished and ``progress`` (0-100). Pika sends no failure reason.

ComfyUI dropped its Pika nodes in December 2025: the proxy may no longer serve Pika.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption
from .._fields import fraction, optional_str
from .._images import data_uri_content
from .._models import Creation, VideoOutput
from .._refs import CreationRef, Provider
from ._adapter import Adapter, GetFlow
from ._flows import one_request
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, FormFile
from ._text import shown, valid_text

PROVIDER: Provider = "pika"
_API = "genvideo_comfy_client.api.api_nodes"
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif", "image/bmp": "bmp"}
# create()'s arguments that Pika names otherwise: refused as options, pointing at the argument.
_ARGUMENT_FIELDS = {
    "promptText": "prompt",
    "negativePrompt": "negative_prompt",
    "aspectRatio": "aspect_ratio",
    "image": "image",
}
# The spec's aspectRatio bounds (width / height).
_MIN_RATIO, _MAX_RATIO = 0.4, 2.5


#: The poll's path for an id, as the generated client builds it.
status_path = id_path(f"{_API}.pika_get_video_videos_video_id_get")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: ``GET /proxy/pika/videos/{video_id}``."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Pika's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.PikaVideoResponse``."""
    from genvideo_comfy_client.models import PikaVideoResponse

    return PikaVideoResponse.from_dict(payload)


# -- submit ------------------------------------------------------------------------------------------


def _resolution(resolution: int | str) -> str:
    """``1080``, ``"1080"`` or ``"1080p"`` as Pika's ``1080p`` (or ``720p``)."""
    from genvideo_comfy_client.models import PikaResolutionEnum

    allowed = [member.value for member in PikaResolutionEnum]
    text = None if isinstance(resolution, bool) else str(resolution).strip().lower()
    if text is not None and not text.endswith("p"):
        text += "p"
    if text not in allowed:
        raise InvalidOption(
            f"resolution: Pika takes {', '.join(allowed)}, not {shown(resolution, 20)}", option="resolution"
        )
    return text


def _duration(duration: int) -> str:
    from genvideo_comfy_client.models import PikaDurationEnum

    allowed = [member.value for member in PikaDurationEnum]
    if isinstance(duration, bool) or duration not in allowed:
        raise InvalidOption(
            f"duration: Pika takes {' or '.join(map(str, allowed))} seconds, not {shown(duration, 20)}",
            option="duration",
        )
    return str(duration)


def _aspect_ratio(aspect_ratio: str) -> str:
    """``"16:9"`` as Pika's float width/height (``1.7777777777777777``), within the spec's 0.4-2.5."""
    width, _, height = aspect_ratio.partition(":")
    try:
        ratio = float(width) / float(height)
    except (ValueError, ZeroDivisionError):
        ratio = math.nan
    if not _MIN_RATIO <= ratio <= _MAX_RATIO:  # NaN fails too
        raise InvalidOption(
            f"aspect_ratio: Pika takes a width:height between {_MIN_RATIO} and {_MAX_RATIO} (such as 16:9), "
            f"not {shown(aspect_ratio, 20)}",
            option="aspect_ratio",
        )
    return repr(ratio)


def _image(images: list[str]) -> FormFile | None:
    """The one image as the ``image`` file part; Pika takes a file, and genvideo fetches no URLs."""
    if not images:
        return None
    if len(images) > 1:
        raise InvalidOption(f"image: Pika takes one image, not {len(images)}", option="image")
    if not images[0].startswith("data:"):
        raise InvalidOption(
            "image: Pika takes the image as a file upload, not a URL; pass a file path or the bytes", option="image"
        )
    content, media_type = data_uri_content(images[0])
    return FormFile("image", f"image.{_EXTENSIONS.get(media_type, 'bin')}", content, media_type)


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("pika", ...)``: text-to-video (a form-urlencoded body) without an image,
    image-to-video (multipart, the image as a file or bytes) with one.

    ``prompt`` (required), ``negative_prompt``, ``seed``, ``resolution`` (720 or 1080, as ``720p``),
    ``duration`` (5 or 10) and, for text-to-video only, ``aspect_ratio`` (``16:9`` becomes Pika's float
    width/height, 0.4-2.5) map onto the form's fields; the spec's defaults apply to what is not given.
    Pika takes no ``model`` (2.2 is in the path) and no options: every field of its forms is one of these.
    """
    from genvideo_comfy_client import models

    if common.model is not None:
        raise InvalidOption("model: Pika takes no model (its 2.2 endpoints are used)", option="model")
    for name, argument in _ARGUMENT_FIELDS.items():
        if name in options:
            raise InvalidOption(f"{name}: pass it as the {argument} argument", option=name)
    for name in options:  # every field of Pika's two forms is a create() argument
        raise InvalidOption(
            f"{name}: not an option of Pika (it takes prompt, negative_prompt, seed, resolution, duration, "
            "aspect_ratio and image)",
            option=name,
        )
    if not common.prompt:
        raise InvalidOption("prompt: Pika needs a prompt", option="prompt")
    image = _image(common.images)
    if image is not None and common.aspect_ratio is not None:
        raise InvalidOption("aspect_ratio: Pika's image-to-video takes the image's aspect ratio", option="aspect_ratio")
    form: dict[str, str] = {"promptText": common.prompt}
    if common.negative_prompt is not None:
        form["negativePrompt"] = common.negative_prompt
    if common.seed is not None:
        form["seed"] = str(common.seed)
    if common.resolution is not None:
        form["resolution"] = _resolution(common.resolution)
    if common.duration is not None:
        form["duration"] = _duration(common.duration)
    if common.aspect_ratio is not None:
        form["aspectRatio"] = _aspect_ratio(common.aspect_ratio)
    typed: dict[str, Any] = dict(form)  # the form's fields with the types the generated model reads
    for name in ("seed", "duration"):
        if name in form:
            typed[name] = int(form[name])
    if "aspectRatio" in form:
        typed["aspectRatio"] = float(form["aspectRatio"])
    if image is None:
        model_class: Any = models.PikaBodyGenerate22T2V
        endpoint = f"{_API}.pika_generate_2_2_t_2_v_generate_2_2_t_2_v_post"
    else:
        model_class = models.PikaBodyGenerate22I2V
        endpoint = f"{_API}.pika_generate_2_2_i_2_v_generate_2_2_i_2_v_post"
    module = importlib.import_module(endpoint)
    kwargs = module._get_kwargs(body=model_class.from_dict(typed), idempotency_key=idempotency_key)
    headers = dict(kwargs["headers"])
    if image is not None:  # the generated Content-Type names a fixed boundary: the HTTP client writes the real one
        headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
        return ApiRequest("POST", kwargs["url"], None, headers, idempotent=True, form=form, files=(image,))
    # No files: the form goes as application/x-www-form-urlencoded, the Content-Type the endpoint declares.
    return ApiRequest("POST", kwargs["url"], None, headers, idempotent=True, form=form)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new video's ref, from ``{video_id}``.

    A reply without a usable ``video_id`` raises ResponseValidationError carrying the reply (see
    ``refused_submit``): the video may exist and be billed.
    """
    raw_id = body.get("video_id")
    video_id = id_text(raw_id) if isinstance(raw_id, str) else None
    if not video_id:
        if raw_id is None or raw_id == "":
            raise refused_submit(PROVIDER, "the submit reply has no video_id", body)
        raise refused_submit(PROVIDER, f"the submit reply's video_id is a {type(raw_id).__name__}, not a string", body)
    try:
        return CreationRef(PROVIDER, video_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable video_id {shown(video_id, 40)}", body) from None


submit_flow = one_request(submit_request, submitted)  # the image travels in the form, as a file part


# -- poll --------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present). ``progress`` is Pika's 0-100 as 0..1. Pika
    sends no failure reason: a failed Creation has no ``error_code`` or ``error_message``.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    url = optional_str(PROVIDER, body, "url", "")
    progress = body.get("progress")
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=fraction(progress, 100.0),
        outputs=(VideoOutput(valid_text(url), None, None, ref, 0),) if url else (),
        error_code=None,
        error_message=None,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _pika

    _CONFORMS: Adapter = _pika
