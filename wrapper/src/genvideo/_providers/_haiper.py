"""Haiper: ``GET /v1/jobs/{id}/status``, then ``GET /v1/creation/{id}`` once it succeeded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

from .._exceptions import InvalidOption, ResponseValidationError
from .._fields import fraction, optional_list, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import map_state
from .._timestamps import parse_timestamp
from ._submit import ApiRequest, CommonArgs, set_if_given

PROVIDER: Provider = "haiper"


@dataclass(frozen=True, slots=True)
class HaiperRaw:
    """Haiper's replies as generated models: the status, and the detail once fetched."""

    status: Any
    """``genvideo_haiper_client.models.CreationStatus``"""
    detail: Any | None
    """``genvideo_haiper_client.models.CreationDetail``, or None before the creation succeeded."""


@cache
def _endpoints() -> tuple[ModuleType, ModuleType]:
    from genvideo_haiper_client.api.default import (
        get_v1_creation_creation_id,
        get_v1_jobs_creation_id_status,
    )

    return get_v1_jobs_creation_id_status, get_v1_creation_creation_id


@lru_cache(maxsize=4096)
def status_path(creation_id: str) -> str:
    return str(_endpoints()[0]._get_kwargs(creation_id)["url"])


@lru_cache(maxsize=4096)
def detail_path(creation_id: str) -> str:
    return str(_endpoints()[1]._get_kwargs(creation_id)["url"])


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
    return (inner if inner is not None else optional_str(PROVIDER, status, "status", "")), value


def _outputs(ref: CreationRef, value: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    where = "detail value."
    urls: dict[str, str | None] = {}  # url -> cover, in order; the same URL twice is one output
    video = optional_str(PROVIDER, value, "video_url", where)
    if video:
        urls[video] = optional_str(PROVIDER, value, "thumbnail_url", where) or None
    for index, item in enumerate(optional_list(PROVIDER, value, "outputs", where)):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"haiper: {where}outputs[{index}] should be an object, got {type(item).__name__}", provider=PROVIDER
            )
        media = optional_str(PROVIDER, item, "media_url", "detail value.outputs[{}].", index)
        thumb = optional_str(PROVIDER, item, "thumbnail_url", "detail value.outputs[{}].", index)
        if media and media not in urls:
            urls[media] = thumb or None
    return tuple(VideoOutput(url, cover, None, ref, i) for i, (url, cover) in enumerate(urls.items()))


def to_creation(ref: CreationRef, status: Mapping[str, Any], detail: Mapping[str, Any] | None) -> Creation:
    """Normalise the status reply (and the detail reply, when there is one)."""
    raw_state, value = _raw_state(status)
    # A detail with "value": null is spec-valid and delivers nothing: no outputs (wait() then
    # raises CreationFailed for a success without output).
    detail_value = optional_object(PROVIDER, detail, "value", "detail ") if detail is not None else None
    return Creation(
        ref=ref,
        state=map_state(PROVIDER, raw_state),
        raw_state=raw_state,
        progress=fraction(value.get("progress"), 1.0) if value is not None else None,
        outputs=_outputs(ref, detail_value) if detail_value is not None else (),
        error_code=None,
        created_at=parse_timestamp(detail_value.get("create_time")) if detail_value else None,
        updated_at=parse_timestamp(detail_value.get("update_time")) if detail_value else None,
        payload={"status": status, "detail": detail},
        _raw_parser=parse_raw,
    )


def submit_request(common: CommonArgs, options: dict[str, Any]) -> ApiRequest:
    """The POST for ``create("haiper", ...)``: text2video, or image2video with one image.

    Haiper publishes generations by default (``is_public``); genvideo sends
    ``is_public: false`` unless the option says otherwise.
    """
    from genvideo_haiper_client.api.default import image_2_video, text_2_video
    from genvideo_haiper_client.models import Image2VideoRequest, Text2VideoRequest

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


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new generation's ref, from ``{"status": …, "value": {"generation_id": …}}``."""
    value = optional_object(PROVIDER, body, "value", "")
    generation_id = optional_str(PROVIDER, value, "generation_id", "value.") if value is not None else None
    if not generation_id:
        raise ResponseValidationError("haiper: the submit reply has no value.generation_id", provider=PROVIDER)
    try:
        return CreationRef(PROVIDER, generation_id)
    except ValueError as exc:
        raise ResponseValidationError(
            f"haiper: unusable generation_id {generation_id[:40]!r}", provider=PROVIDER
        ) from exc
