"""Luma Dream Machine through Comfy.org's API proxy: ``POST /proxy/luma/generations`` (201, a
LumaGeneration), then ``GET /proxy/luma/generations/{id}``.

One submit serves text-to-video and image-to-video: images go in ``keyframes`` (``frame0`` the first
frame, ``frame1`` the last) as image references with URLs. Luma reports no progress: a Creation's
``progress`` is None. Its one output is ``assets.video``, with ``assets.image`` (a still of the video)
as its cover.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption
from .._fields import optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, set_if_given
from ._text import shown, valid_text

PROVIDER: Provider = "luma"
DEFAULT_MODEL = "ray-2"  # used when create("luma", ...) names no model: the spec's default, ComfyUI's first choice
# Sent when the call gives none: the document requires them. 16:9 is the spec's default (and what ComfyUI's
# image-to-video always sends); 540p and 5s are ComfyUI's Luma node defaults (nodes_luma.py).
DEFAULT_ASPECT_RATIO = "16:9"
DEFAULT_RESOLUTION = "540p"
DEFAULT_DURATION = "5s"
# The model that takes neither duration nor resolution (ComfyUI sends neither for it: nodes_luma.py).
_NO_LENGTH_MODEL = "ray-1-6"
_FRAMES = ("frame0", "frame1")  # first frame, last frame


#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.luma_get_generation")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the generation."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Luma's state word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.LumaGeneration``."""
    from genvideo_comfy_client.models import LumaGeneration

    return LumaGeneration.from_dict(payload)


# -- submit ------------------------------------------------------------------------------------------


def _image_keyframes(images: list[str]) -> dict[str, Any] | None:
    """``keyframes`` for up to two image URLs: the first frame, then the last."""
    if not images:
        return None
    if len(images) > len(_FRAMES):
        raise InvalidOption(
            f"image: Luma takes at most two images (the first and the last frame), got {len(images)}", option="image"
        )
    return {frame: {"type": "image", "url": url} for frame, url in zip(_FRAMES, images, strict=False)}


def _check_keyframes(keyframes: object) -> None:
    """InvalidOption unless ``keyframes`` fits LumaKeyframes: each frame an image (``url``) or a generation
    (``id``, a UUID) reference, told apart by its ``type`` as the spec's discriminator says."""
    from genvideo_comfy_client.models import LumaImageReference

    if not isinstance(keyframes, Mapping):
        raise InvalidOption(f"keyframes: expected an object, got {shown(keyframes, 60)}", option="keyframes")
    for name, frame in keyframes.items():
        where = f"keyframes.{name}"
        if name not in _FRAMES:
            raise InvalidOption(f"{where}: not a keyframe of Luma (valid: {', '.join(_FRAMES)})", option=where)
        if not isinstance(frame, Mapping):
            raise InvalidOption(f"{where}: expected an object, got {shown(frame, 60)}", option=where)
        kind = frame.get("type")
        if kind == "image":
            check_fields(frame, LumaImageReference, prefix=f"{where}.")
        elif kind == "generation":
            extra = sorted(set(frame) - {"type", "id"})
            if extra:
                raise InvalidOption(
                    f"{where}.{extra[0]}: not a field of a generation reference (type, id)", option=where
                )
            frame_id = frame.get("id")
            try:
                uuid.UUID(frame_id if isinstance(frame_id, str) else "")
            except ValueError:
                raise InvalidOption(
                    f"{where}.id: expected a generation id (a UUID), got {shown(frame_id, 60)}", option=f"{where}.id"
                ) from None
        else:
            raise InvalidOption(
                f"{where}.type: expected 'image' or 'generation', got {shown(kind, 40)}", option=f"{where}.type"
            )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("luma", ...)``: text-to-video, or image-to-video with one or two image URLs
    (the first and the last frame).

    Luma takes no seed and no negative prompt (InvalidOption). ``duration`` (seconds) becomes ``"<n>s"``
    and a resolution in digits ``"<n>p"`` (others, such as ``4k``, are sent as given); they default to
    ComfyUI's ``5s`` and ``540p``, and ``aspect_ratio`` to ``16:9``, because the document requires them.
    Model ``ray-1-6`` takes neither duration nor resolution: they are not sent, and refused when given.
    Options are LumaGenerationRequest's other fields (``model``, ``loop``, ``keyframes``,
    ``callback_url``, ``generation_type``).
    """
    from genvideo_comfy_client.api.api_nodes import luma_create_generation
    from genvideo_comfy_client.models import LumaGenerationRequest

    for name, value, what in (
        ("negative_prompt", common.negative_prompt, "negative prompt"),
        ("seed", common.seed, "seed"),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: Luma takes no {what}", option=name)
    model = common.model if common.model is not None else DEFAULT_MODEL
    duration: str | None = None
    resolution: str | None = None
    if model == _NO_LENGTH_MODEL:
        for name, given in (("duration", common.duration), ("resolution", common.resolution)):
            if given is not None:
                raise InvalidOption(f"{name}: Luma's {_NO_LENGTH_MODEL} takes no {name}", option=name)
    else:
        duration = f"{common.duration}s" if common.duration is not None else DEFAULT_DURATION
        given_resolution = common.resolution if common.resolution is not None else DEFAULT_RESOLUTION
        resolution = str(given_resolution)
        if resolution.isdigit():  # 720 or "720" (the CLI's flag is a string): Luma's "720p"
            resolution += "p"
    keyframes = _image_keyframes(common.images)
    if keyframes is not None and "keyframes" in options:
        raise InvalidOption("keyframes: given twice (as image and as the keyframes option)", option="keyframes")
    body = set_if_given(
        {},
        prompt=common.prompt,
        aspect_ratio=common.aspect_ratio if common.aspect_ratio is not None else DEFAULT_ASPECT_RATIO,
        model=model,
        resolution=resolution,
        duration=duration,
        keyframes=keyframes,
    )
    for name, value in options.items():
        if name in body:
            raise InvalidOption(f"{name}: given twice (as an argument and as an option)", option=name)
        body[name] = value
    # The shared checker reads a union of two models as the first one only: keyframes are checked here,
    # each frame by its discriminator, and everything else against the generated model.
    check_fields({k: v for k, v in body.items() if k != "keyframes"}, LumaGenerationRequest)
    if "keyframes" in body:
        _check_keyframes(body["keyframes"])
    kwargs = luma_create_generation._get_kwargs(
        body=LumaGenerationRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    return parse_raw(payload)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new generation's ref, from the 201 LumaGeneration's ``id``; CreationFailed if Luma refused it at
    once (``state: failed``, its ``failure_reason`` as the error code).

    A reply without a usable ``id`` raises ResponseValidationError carrying the reply (see
    ``refused_submit``): the generation may exist and be billed.
    """
    raw_id = body.get("id")
    generation_id = id_text(raw_id)
    state_value = body.get("state")
    raw_state = valid_text(state_value) if isinstance(state_value, str) else None
    failed = map_state(raw_state) is CreationState.FAILED
    reason = _failure_reason(body)
    said = f" ({shown(reason)})" if reason else ""
    ref = None
    if generation_id:
        try:
            ref = CreationRef(PROVIDER, generation_id)
        except ValueError:
            if not failed:
                raise refused_submit(PROVIDER, f"unusable id {shown(generation_id, 40)}", body) from None
    if failed:
        if ref is None:
            raise refused_submit(PROVIDER, f"the submit was refused (state {shown(raw_state)}){said}", body)
        creation = Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=raw_state,
            progress=None,
            outputs=(),
            error_code=reason,
            created_at=parse_timestamp(body.get("created_at")),
            updated_at=None,
            payload=body,
            _raw_parser=_parse_submit_raw,
        )
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    if ref is None:
        if raw_id is None or raw_id == "":
            raise refused_submit(PROVIDER, "the submit reply has no id", body)
        raise refused_submit(PROVIDER, f"the submit reply's id is a {type(raw_id).__name__}, not a string", body)
    return ref


# -- poll --------------------------------------------------------------------------------------------


def _failure_reason(body: Mapping[str, Any]) -> str | None:
    """``failure_reason`` when it is a non-empty string (a sentence, Luma's only failure detail)."""
    value = body.get("failure_reason")
    return valid_text(value) if isinstance(value, str) and value.strip() else None


def _outputs(ref: CreationRef, body: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    assets = optional_object(PROVIDER, body, "assets", "")
    if assets is None:
        return ()
    video = optional_str(PROVIDER, assets, "video", "assets.")
    image = optional_str(PROVIDER, assets, "image", "assets.")
    optional_str(PROVIDER, assets, "progress_video", "assets.")  # a preview while dreaming: payload/raw only
    if not video:
        return ()
    return (VideoOutput(valid_text(video), valid_text(image) or None, None, ref, 0),)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present, is the generation id). Strings are handed on
    as valid Unicode (lone surrogates become U+FFFD); ``payload`` keeps them as sent.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "state", ""))
    optional_str(PROVIDER, body, "failure_reason", "")
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # Luma reports none (assets.progress_video is a URL)
        outputs=_outputs(ref, body),
        error_code=_failure_reason(body),
        created_at=parse_timestamp(body.get("created_at")),
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # files and bytes go through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _luma

    _CONFORMS: Adapter = _luma
