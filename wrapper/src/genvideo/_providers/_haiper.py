"""Haiper: ``GET /v1/jobs/{id}/status``, then ``GET /v1/creation/{id}`` once it succeeded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from .._exceptions import ResponseValidationError
from .._fields import fraction, optional_list, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._refs import CreationRef
from .._states import map_state
from .._timestamps import parse_timestamp

PROVIDER = "haiper"


@dataclass(frozen=True, slots=True)
class HaiperRaw:
    """Haiper's replies as generated models: the status, and the detail once fetched."""

    status: Any
    """``haiper_api_client.models.CreationStatus``"""
    detail: Any | None
    """``haiper_api_client.models.CreationDetail``, or None before the creation succeeded."""


@cache
def _endpoints() -> tuple[ModuleType, ModuleType]:
    from haiper_api_client.api.default import (
        get_v1_creation_creation_id,
        get_v1_jobs_creation_id_status,
    )

    return get_v1_jobs_creation_id_status, get_v1_creation_creation_id


def status_path(creation_id: str) -> str:
    return str(_endpoints()[0]._get_kwargs(creation_id)["url"])


def detail_path(creation_id: str) -> str:
    return str(_endpoints()[1]._get_kwargs(creation_id)["url"])


def parse_raw(payload: Mapping[str, Any]) -> HaiperRaw:
    from haiper_api_client.models import CreationDetail, CreationStatus

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
    urls: list[tuple[str, str | None]] = []
    video = optional_str(PROVIDER, value, "video_url", where)
    if video:
        urls.append((video, optional_str(PROVIDER, value, "thumbnail_url", where) or None))
    for index, item in enumerate(optional_list(PROVIDER, value, "outputs", where)):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"haiper: {where}outputs[{index}] should be an object, got {type(item).__name__}", provider=PROVIDER
            )
        media = optional_str(PROVIDER, item, "media_url", f"{where}outputs[{index}].")
        thumb = optional_str(PROVIDER, item, "thumbnail_url", f"{where}outputs[{index}].")
        if media and media not in (u for u, _ in urls):
            urls.append((media, thumb or None))
    return tuple(VideoOutput(url, cover, None, ref, i) for i, (url, cover) in enumerate(urls))


def to_creation(ref: CreationRef, status: Mapping[str, Any], detail: Mapping[str, Any] | None) -> Creation:
    """Normalise the status reply (and the detail reply, when there is one)."""
    raw_state, value = _raw_state(status)
    detail_value = optional_object(PROVIDER, detail, "value", "detail ") if detail is not None else None
    if detail is not None and detail_value is None:
        raise ResponseValidationError("haiper: the creation detail has no value object", provider=PROVIDER)
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
