"""The provider-independent shapes of an API call and of create()'s common arguments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class CommonArgs:
    """The ``create()`` arguments every provider understands, already normalised."""

    prompt: str | None
    images: list[str]
    negative_prompt: str | None = None
    duration: int | None = None
    aspect_ratio: str | None = None
    resolution: int | str | None = None
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class ApiRequest:
    """One call to a provider API, shaped by the generated client's ``_get_kwargs``."""

    method: str
    path: str
    json: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    idempotent: bool = True
    """GETs, and submits carrying an Idempotency-Key the provider honours: any failure may be retried.
    Otherwise only failures that prove the request never left are."""


def set_if_given(target: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Copy the values that are not None into ``target``."""
    target.update({k: v for k, v in values.items() if v is not None})
    return target
