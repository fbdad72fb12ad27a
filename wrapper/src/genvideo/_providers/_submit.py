"""What every provider's submit takes and gives, independent of the provider."""

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
class SubmitRequest:
    """One POST, built by the generated client's ``_get_kwargs``."""

    path: str
    json: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    idempotent: bool = False
    """True when the provider honours the Idempotency-Key sent: then any failure may be retried."""


def set_if_given(target: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Copy the values that are not None into ``target``."""
    target.update({k: v for k, v in values.items() if v is not None})
    return target
