"""Submits (POSTs that start generations): what a script does with one, and the record of each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ._faults import Fault
from ._lifecycle import Lifecycle
from ._recording import RecordedRequest

_REJECT_KINDS = frozenset({"status", "body", "redirect", "error", "reset", "hang"})


@dataclass(frozen=True, slots=True)
class SubmitScript:
    """What the sandbox does with one submit. Make one with `Sandbox.submit_script(...)`.

    `lifecycle`: the creation the submit starts (`Sandbox.add_creation`'s arguments; None: that
    provider's default); its fields read on the script too (`script.states`, `script.credits`...).
    `reject`: a fault that answers the submit instead, without creating anything.
    """

    lifecycle: Lifecycle = field(default_factory=Lifecycle)
    reject: Fault | None = None

    def __post_init__(self) -> None:
        if self.reject is not None:
            if self.reject.kind not in _REJECT_KINDS or (self.reject.kind == "reset" and self.reject.mid_response):
                kinds = "status, error, body, redirect, reset (not mid_response) or hang"
                raise ValueError(f"reject must be a {kinds} fault, got {self.reject!r}")
            if self.reject.times != 1:
                raise ValueError("a reject fault applies to its one submit: use one script per rejected submit")

    @property
    def states(self) -> tuple[str, ...] | None:
        return self.lifecycle.states

    @property
    def advance(self) -> Literal["poll"] | float:
        return self.lifecycle.advance

    @property
    def progress(self) -> tuple[float, ...] | None:
        return self.lifecycle.progress

    @property
    def outputs(self) -> int:
        return self.lifecycle.outputs

    @property
    def video(self) -> bytes | tuple[bytes, ...] | None:
        return self.lifecycle.video

    @property
    def video_size(self) -> int | None:
        return self.lifecycle.video_size

    @property
    def failure_code(self) -> str | None:
        return self.lifecycle.failure_code

    @property
    def blocked_resources(self) -> tuple[Mapping[str, object], ...] | None:
        return self.lifecycle.blocked_resources

    @property
    def credits(self) -> int:
        return self.lifecycle.credits

    @property
    def faults(self) -> tuple[Fault, ...]:
        return self.lifecycle.faults

    @property
    def download_faults(self) -> tuple[Fault, ...]:
        return self.lifecycle.download_faults


@dataclass(frozen=True, slots=True)
class Submission:
    """One submit (a POST to a submit endpoint) as the sandbox received and handled it.

    - `provider`: e.g. "vidu" or "haiper"; `endpoint`: e.g. "text2video", "start-end2video", "image2video".
    - `body`: the parsed JSON body (None if it was not valid JSON). Treat it as read-only.
    - `idempotency_key`: the `Idempotency-Key` header as sent, or None (Haiper ignores it).
    - `creation_id`: the creation this submit started or (when `replayed`) replayed; None if it was
      rejected (bad credentials or body, an idempotency conflict, a reject script or a path fault).
    - `replayed`: True when an idempotent retry was answered with an earlier submit's reply.
    - `status`: the HTTP status the sandbox answered with (a transport fault may still have kept it from
      arriving); None when a reject script dropped the connection instead.
    - `request`: the raw request.
    """

    provider: str
    endpoint: str
    body: Any
    idempotency_key: str | None
    creation_id: str | None
    replayed: bool
    status: int | None
    request: RecordedRequest

    @property
    def created(self) -> bool:
        """Whether this submit started a new creation (accepted and not a replay)."""
        return self.creation_id is not None and not self.replayed
