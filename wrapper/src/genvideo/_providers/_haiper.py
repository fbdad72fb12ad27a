"""Haiper: ``GET /v1/jobs/{id}/status``, then ``GET /v1/creation/{id}`` once it succeeded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption, ResponseValidationError
from .._fields import fraction, optional_code, optional_list, optional_object, optional_str
from .._models import Creation, VideoOutput, lazy_outputs
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import one_request
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, set_if_given
from ._text import shown, valid_text

# Where a Haiper reply names its creation (the detail's value.creation_id; generation_id as submits say).
_ID_KEYS = ("creation_id", "generation_id")

PROVIDER: Provider = "haiper"


@dataclass(frozen=True, slots=True)
class HaiperRaw:
    """Haiper's replies as generated models: the status, and the detail once fetched."""

    status: Any
    """``genvideo_haiper_client.models.CreationStatus``"""
    detail: Any | None
    """``genvideo_haiper_client.models.CreationDetail``, or None before the creation succeeded."""


#: The paths of the status and of the detail for an id, as the generated client builds them.
status_path = id_path("genvideo_haiper_client.api.default.get_v1_jobs_creation_id_status")
detail_path = id_path("genvideo_haiper_client.api.default.get_v1_creation_creation_id")


def get_flow(ref: CreationRef) -> GetFlow:
    """The status first; the detail (which holds the outputs) only once the status says it succeeded."""
    status = yield ApiRequest("GET", status_path(ref.id))
    creation = to_creation(ref, status, None)
    if creation.state is CreationState.SUCCEEDED:
        detail = yield ApiRequest("GET", detail_path(ref.id))
        creation = to_creation(ref, status, detail)
    return creation


#: Haiper's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> HaiperRaw:
    from genvideo_haiper_client.models import CreationDetail, CreationStatus

    detail = payload.get("detail")
    return HaiperRaw(
        CreationStatus.from_dict(payload["status"]),
        CreationDetail.from_dict(detail) if detail is not None else None,
    )


def _raw_state(status: Mapping[str, Any]) -> tuple[str | None, Mapping[str, Any] | None]:
    # Haiper's own integration reads the job state from value.status; the docs describe the
    # values on the top-level status, which other Haiper replies use as an envelope result.
    value = optional_object(PROVIDER, status, "value", "")
    inner = optional_str(PROVIDER, value, "status", "value.") if value is not None else None
    raw = inner if inner is not None else optional_str(PROVIDER, status, "status", "")
    return valid_text(raw), value


def _outputs(ref: CreationRef, value: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    """The detail's videos (``video_url``, then ``outputs[].media_url``; the same URL twice is one output),
    checked now in one pass and built on first access (a detail can list a thousand)."""
    where = "detail value."
    urls: dict[str, str | None] = {}  # url -> cover, in order
    video = optional_str(PROVIDER, value, "video_url", where)
    if video:
        urls[video] = optional_str(PROVIDER, value, "thumbnail_url", where) or None
    for index, item in enumerate(optional_list(PROVIDER, value, "outputs", where)):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"haiper: {where}outputs[{index}] should be an object, got {type(item).__name__}", provider=PROVIDER
            )
        media, thumb = item.get("media_url"), item.get("thumbnail_url")
        if not ((media is None or type(media) is str) and (thumb is None or type(thumb) is str)):
            for key in ("media_url", "thumbnail_url"):  # raises, naming the field
                optional_str(PROVIDER, item, key, "detail value.outputs[{}].", index)
        if media and media not in urls:
            urls[media] = thumb or None

    def build() -> tuple[VideoOutput, ...]:
        return tuple(
            VideoOutput(valid_text(url), valid_text(cover), None, ref, i) for i, (url, cover) in enumerate(urls.items())
        )

    return lazy_outputs(len(urls), build)


def to_creation(ref: CreationRef, status: Mapping[str, Any], detail: Mapping[str, Any] | None) -> Creation:
    """Normalise the status reply (and the detail reply, when there is one).

    Both must be ``ref``'s: an id they name (``value.creation_id`` / ``generation_id``) must be
    ``ref.id``. Strings are handed on as valid Unicode; ``payload`` keeps them as sent.
    """
    raw_state, value = _raw_state(status)
    check_reply_id(PROVIDER, ref, value, _ID_KEYS)
    # A detail with "value": null is spec-valid and delivers nothing: no outputs (wait() then
    # raises CreationFailed for a success without output).
    detail_value = optional_object(PROVIDER, detail, "value", "detail ") if detail is not None else None
    check_reply_id(PROVIDER, ref, detail_value, _ID_KEYS)
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=fraction(value.get("progress"), 1.0) if value is not None else None,
        outputs=_outputs(ref, detail_value) if detail_value is not None else (),
        error_code=None,
        created_at=parse_timestamp(detail_value.get("create_time")) if detail_value else None,
        updated_at=parse_timestamp(detail_value.get("update_time")) if detail_value else None,
        payload={"status": status, "detail": detail},
        _raw_parser=parse_raw,
    )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("haiper", ...)``: text2video, or image2video with one image.

    Haiper publishes generations by default (``is_public``); genvideo sends
    ``is_public: false`` unless the option says otherwise. Haiper honours no idempotency key:
    ``idempotency_key`` is not sent, and the request is marked not idempotent.
    """
    from genvideo_haiper_client.api.default import image_2_video, text_2_video
    from genvideo_haiper_client.models import Image2VideoRequest, Text2VideoRequest

    if common.model is not None:
        raise InvalidOption("model: Haiper takes no model (its API has one generation model)", option="model")
    if len(common.images) > 1:
        raise InvalidOption("image: Haiper's image-to-video takes exactly one image", option="image")
    image2video = bool(common.images)
    if image2video and common.aspect_ratio is not None:
        raise InvalidOption(
            "aspect_ratio: Haiper's image-to-video takes its aspect ratio from the image", option="aspect_ratio"
        )
    resolution = common.resolution
    if isinstance(resolution, str) and resolution.lower().rstrip("p").isdigit():
        resolution = int(resolution.lower().rstrip("p"))
    if resolution is not None and not image2video:
        raise InvalidOption("resolution: Haiper's text-to-video takes no resolution", option="resolution")
    settings = set_if_given(
        dict(options.pop("settings", None) or {}),
        seed=common.seed,
        duration=common.duration,
        aspect_ratio=common.aspect_ratio,
        resolution=resolution,
    )
    body: dict[str, Any] = set_if_given(
        {"is_public": False}, prompt=common.prompt or None, negative_prompt=common.negative_prompt
    )
    if settings:
        body["settings"] = settings
    if image2video:
        body["config"] = {**dict(options.pop("config", None) or {}), "source_image": common.images[0]}
    body.update(options)
    model = Image2VideoRequest if image2video else Text2VideoRequest
    check_fields(body, model)
    endpoint = image_2_video if image2video else text_2_video
    kwargs = endpoint._get_kwargs(body=model.from_dict(body))
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=False)


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model of a submit reply: ``genvideo_haiper_client.models.NewGeneration``."""
    from genvideo_haiper_client.models import NewGeneration

    return NewGeneration.from_dict(payload)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new generation's ref, from ``{"status": …, "value": {"generation_id": …}}``.

    A top-level ``status`` of ``failed`` raises CreationFailed (with the generation, when the reply
    names one) like Vidu's ``state: failed``. A reply without a usable ``generation_id`` (a string,
    or a non-negative integer read as its decimal string) raises ResponseValidationError carrying
    the reply (see ``refused_submit``): the generation may exist and be billed.
    """
    value = body.get("value")
    if value is not None and not isinstance(value, dict):
        raise refused_submit(PROVIDER, f"the submit reply's value is a {type(value).__name__}, not an object", body)
    raw_id = value.get("generation_id") if value is not None else None
    generation_id = id_text(raw_id)
    status_value = body.get("status")
    raw_status = valid_text(status_value) if isinstance(status_value, str) else None
    failed = map_state(raw_status) is CreationState.FAILED
    ref = None
    if generation_id:
        try:
            ref = CreationRef(PROVIDER, generation_id)
        except ValueError:
            if not failed:
                raise refused_submit(PROVIDER, f"unusable generation_id {shown(generation_id, 40)}", body) from None
    if failed:
        code = valid_text(optional_code(body, "code") or optional_code(body, "err_code"))
        said = f" (error code {shown(code)})" if code else ""
        if ref is None:
            raise refused_submit(PROVIDER, f"the submit was refused (status {shown(raw_status)}){said}", body)
        creation = Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=raw_status,
            progress=None,
            outputs=(),
            error_code=code,
            created_at=None,
            updated_at=None,
            payload=body,
            _raw_parser=_parse_submit_raw,
        )
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    if ref is None:
        if raw_id is None or raw_id == "":
            raise refused_submit(PROVIDER, "the submit reply has no value.generation_id", body)
        raise refused_submit(
            PROVIDER, f"the submit reply's generation_id is a {type(raw_id).__name__}, not a string", body
        )
    return ref


submit_flow = one_request(submit_request, submitted)


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _haiper

    _CONFORMS: Adapter = _haiper
