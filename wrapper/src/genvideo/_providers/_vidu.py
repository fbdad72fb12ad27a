"""Vidu through Comfy.org's API proxy: ``GET /proxy/vidu/tasks/{id}/creations``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import ModuleType
from typing import Any

from .._exceptions import ResponseValidationError
from .._fields import fraction, optional_code, optional_list, optional_str
from .._models import Creation, VideoOutput
from .._refs import CreationRef
from .._states import map_state
from .._timestamps import parse_timestamp

PROVIDER = "vidu"


@cache
def _endpoint() -> ModuleType:
    from comfy_api_client.api.api_nodes import vidu_get_creations

    return vidu_get_creations


def status_path(creation_id: str) -> str:
    """The request path, as the generated client builds it."""
    return str(_endpoint()._get_kwargs(creation_id)["url"])


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``comfy_api_client.models.ViduGetCreationsReply``."""
    from comfy_api_client.models import ViduGetCreationsReply

    return ViduGetCreationsReply.from_dict(payload)


def _outputs(ref: CreationRef, body: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    outputs: list[VideoOutput] = []
    for index, item in enumerate(optional_list(PROVIDER, body, "creations", "")):
        if not isinstance(item, dict):
            raise ResponseValidationError(
                f"vidu: creations[{index}] should be an object, got {type(item).__name__}", provider=PROVIDER
            )
        where = f"creations[{index}]."
        url = optional_str(PROVIDER, item, "url", where)
        cover = optional_str(PROVIDER, item, "cover_url", where)
        watermarked = optional_str(PROVIDER, item, "watermarked_url", where)
        if url:  # an entry without a video URL delivers nothing (it stays in payload/raw)
            outputs.append(VideoOutput(url, cover or None, watermarked or None, ref, len(outputs)))
    return tuple(outputs)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them."""
    raw_state = optional_str(PROVIDER, body, "state", "")
    return Creation(
        ref=ref,
        state=map_state(PROVIDER, raw_state),
        raw_state=raw_state,
        progress=fraction(body.get("progress"), 100.0),
        outputs=_outputs(ref, body),
        error_code=optional_code(body, "err_code"),
        created_at=parse_timestamp(body.get("created_at")),
        updated_at=parse_timestamp(body.get("updated_at")),
        payload=body,
        _raw_parser=parse_raw,
    )
