"""xAI Grok Imagine video through Comfy.org's API proxy.

The submit is ``POST /proxy/xai/v1/videos/generations`` (text-to-video, or image-to-video with an image
URL), or with ``video=`` ``POST /proxy/xai/v1/videos/edits`` (video-to-video: a prompt and the video as
``video.url``, an mp4 of at most 8 s; a file or bytes goes through Comfy's storage first); either answers
``{"request_id": …}`` and both are polled alike. A file given for an edit must be an MP4 of at most 8.7 s
(as far as its boxes tell; ComfyUI's bound), checked before it is uploaded. The poll is
``GET /proxy/xai/v1/videos/{request_id}``, which answers 200, or **202 while still pending** (a 2xx like
any other: the body is read the same way). The state is ``status`` (``pending`` / ``done``); there is no
failure word: a request blocked by input moderation carries ``block_reason``, read here as FAILED
(error_code ``blocked``, error_message the reason). The video is ``video.url``. xAI reports no progress
and no times.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption
from .._fields import optional_object, optional_str
from .._models import Creation, VideoOutput
from .._mp4 import read_video_facts
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._videos import LocalFile
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._registry import registry
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "xai"
# Used when create("xai", ...) names no model: grok-imagine-video, the model ComfyUI's GrokVideoNode
# (nodes_grok.py) has always offered. The spec types model as a free string and names none.
DEFAULT_MODEL = "grok-imagine-video"
# error_code of a Creation blocked by input moderation (xAI sends only block_reason, a human sentence).
BLOCKED = "blocked"

DURATION_MIN, DURATION_MAX = 1, 15  # XAIVideoGenerationRequest.duration
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input.mp4"
# The longest video an edit takes, in seconds: the spec says "Input video limit is 8 seconds"; ComfyUI's
# GrokVideoEditNode (nodes_grok.py, validate_video_duration) allows up to 8.7 for files a little over 8 s.
EDIT_SECONDS_MAX = 8.7


def _check_local_video(video: LocalFile) -> None:
    """Refuse, before it is uploaded, a file xAI's edit cannot take: not an MP4 (xAI asks for an .mp4; the
    storage URL's name follows the detected type), or one whose MP4 boxes say it is longer than
    ``EDIT_SECONDS_MAX``. A file whose boxes cannot be read is sent as it is: xAI judges it."""
    if video.content_type != "video/mp4":
        raise InvalidOption(f"video: xAI's video edit takes an MP4 file, not {video.content_type}", option="video")
    try:
        seconds = read_video_facts(video).duration
    except InvalidOption:
        return
    if seconds > EDIT_SECONDS_MAX:
        raise InvalidOption(
            f"video: xAI's video edit takes at most 8 seconds of video, this one lasts {seconds:g} s", option="video"
        )


@cache
def _endpoint() -> ModuleType:
    from genvideo_comfy_client.api.api_nodes import xai_video_get_result

    return xai_video_get_result


@lru_cache(maxsize=4096)
def status_path(creation_id: str) -> str:
    """The request path, as the generated client builds it (cached: polls repeat it)."""
    return str(_endpoint()._get_kwargs(creation_id)["url"])


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the result."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


def map_state(raw_state: object) -> CreationState:
    """xAI's status word as a CreationState (the registry's state map)."""
    return registry().providers[PROVIDER].map_state(raw_state)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.XAIVideoResultResponse``."""
    from genvideo_comfy_client.models import XAIVideoResultResponse

    return XAIVideoResultResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _image(images: list[str]) -> dict[str, str] | None:
    if not images:
        return None
    if len(images) > 1:
        raise InvalidOption(f"image: xAI's image-to-video takes one image, got {len(images)}", option="image")
    return {"url": images[0], "type": "image_url"}


def _aspect_ratios() -> tuple[str, ...]:
    from genvideo_comfy_client.models import XAIVideoGenerationRequestAspectRatio

    return tuple(member.value for member in XAIVideoGenerationRequestAspectRatio)


def _put(body: dict[str, Any], name: str, value: Any, argument: str) -> None:
    if value is None:
        return
    if name in body:
        raise InvalidOption(f"{argument}: given twice (as an argument and as the option {name})", option=argument)
    body[name] = value


def _edit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("xai", video=...)``: ``/proxy/xai/v1/videos/edits`` (XAIVideoEditRequest).

    The edit takes a prompt, the video (``video.url``) and a model; its length, shape and resolution
    are the input's, so ``image``, ``duration``, ``aspect_ratio`` and ``resolution`` are refused, as are
    ``seed`` and ``negative_prompt``. ``options`` are further request fields (``user``, ``output``).
    """
    from genvideo_comfy_client.api.api_nodes import xai_video_edit
    from genvideo_comfy_client.models import XAIVideoEditRequest

    unused = {
        "seed": common.seed,
        "negative_prompt": common.negative_prompt,
        "image": common.images or None,
        "duration": common.duration,
        "aspect_ratio": common.aspect_ratio,
        "resolution": common.resolution,
    }
    for name, value in unused.items():
        if value is not None:
            why = " (the edit keeps the input video's)" if name in ("duration", "aspect_ratio", "resolution") else ""
            raise InvalidOption(f"{name}: xAI's video edit takes no {name.replace('_', ' ')}{why}", option=name)
    body: dict[str, Any] = dict(options)
    _put(body, "prompt", common.prompt or None, "prompt")
    if not body.get("prompt"):
        raise InvalidOption("prompt: xAI's video edit needs a prompt", option="prompt")
    _put(body, "model", common.model if common.model is not None else DEFAULT_MODEL, "model")
    if isinstance(common.video, LocalFile):
        _check_local_video(common.video)
    video = common.video if isinstance(common.video, str) else _PENDING_UPLOAD
    _put(body, "video", {"url": video}, "video")
    check_fields(body, XAIVideoEditRequest)
    kwargs = xai_video_edit._get_kwargs(body=XAIVideoEditRequest.from_dict(body), idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("xai", ...)``; with ``video=`` the edit (see ``_edit_request``).

    ``model`` defaults to ``grok-imagine-video``. ``prompt``, ``image`` (one URL, sent as
    ``{url, type: image_url}``), ``duration`` (1 to 15 s), ``aspect_ratio`` (the spec's list) and
    ``resolution`` (a string, sent as given) map onto XAIVideoGenerationRequest's fields. xAI takes no
    seed and no negative prompt: both are refused. ``options`` are further request fields (``size``,
    ``user``, ``output``), checked against the generated request model.
    """
    from genvideo_comfy_client.api.api_nodes import xai_video_generate
    from genvideo_comfy_client.models import XAIVideoGenerationRequest

    if common.video is not None:
        return _edit_request(common, options, idempotency_key)
    if common.seed is not None:
        raise InvalidOption("seed: xAI's video generation takes no seed", option="seed")
    if common.negative_prompt is not None:
        raise InvalidOption(
            "negative_prompt: xAI's video generation takes no negative prompt", option="negative_prompt"
        )
    body: dict[str, Any] = dict(options)
    _put(body, "prompt", common.prompt or None, "prompt")
    if not body.get("prompt"):
        raise InvalidOption("prompt: xAI needs a prompt", option="prompt")
    _put(body, "model", common.model if common.model is not None else DEFAULT_MODEL, "model")
    _put(body, "image", _image(common.images), "image")
    if common.duration is not None and (
        isinstance(common.duration, bool)
        or not isinstance(common.duration, int)
        or not DURATION_MIN <= common.duration <= DURATION_MAX
    ):
        raise InvalidOption(
            f"duration: xAI takes {DURATION_MIN} to {DURATION_MAX} seconds, not {common.duration!r:.20}",
            option="duration",
        )
    _put(body, "duration", common.duration, "duration")
    if common.aspect_ratio is not None and common.aspect_ratio not in _aspect_ratios():
        raise InvalidOption(
            f"aspect_ratio: xAI takes {', '.join(_aspect_ratios())}, not {shown(str(common.aspect_ratio), 20)}",
            option="aspect_ratio",
        )
    _put(body, "aspect_ratio", common.aspect_ratio, "aspect_ratio")
    if common.resolution is not None:
        resolution = common.resolution
        if isinstance(resolution, bool) or not isinstance(resolution, int | str) or not str(resolution).strip():
            raise InvalidOption(f"resolution: {resolution!r:.40} is not a resolution", option="resolution")
        text = str(resolution).strip().lower()
        _put(body, "resolution", text if not text.isdigit() else f"{text}p", "resolution")
    check_fields(body, XAIVideoGenerationRequest)
    kwargs = xai_video_generate._get_kwargs(
        body=XAIVideoGenerationRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new request's ref, from ``{"request_id": …}``; a reply without one raises
    ResponseValidationError carrying the reply (see ``refused_submit``)."""
    raw_id = body.get("request_id")
    if raw_id is None or raw_id == "":
        raise refused_submit(PROVIDER, "the submit reply has no request_id", body)
    request_id = id_text(raw_id)
    if request_id is None:
        raise refused_submit(
            PROVIDER, f"the submit reply's request_id is a {type(raw_id).__name__}, not a string", body
        )
    try:
        return CreationRef(PROVIDER, request_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable request_id {shown(request_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    ``block_reason`` set (a non-empty string) is FAILED whatever the status says. A reply without
    ``status`` is SUCCEEDED when it carries ``video.url`` (ComfyUI reads a missing status as done),
    else UNKNOWN: nothing in it says the request is over, so wait() keeps polling.
    """
    check_reply_id(PROVIDER, ref, body, ("request_id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    block_reason = valid_text(optional_str(PROVIDER, body, "block_reason", "")) or None
    video = optional_object(PROVIDER, body, "video", "")
    url = valid_text(optional_str(PROVIDER, video, "url", "video.")) if video is not None else None
    outputs = (VideoOutput(url, None, None, ref, 0),) if url else ()
    if block_reason is not None:
        state = CreationState.FAILED
    elif raw_state is None:
        state = CreationState.SUCCEEDED if url else CreationState.UNKNOWN
    else:
        state = map_state(raw_state)
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # xAI reports no progress
        outputs=outputs if state is not CreationState.FAILED else (),
        error_code=BLOCKED if block_reason is not None else None,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
        error_message=block_reason,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # files and bytes go through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _xai

    _CONFORMS: Adapter = _xai
