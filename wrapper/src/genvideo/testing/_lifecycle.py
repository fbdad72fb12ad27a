"""`Lifecycle`: how one scripted creation runs, checked once when it is made."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ._faults import Fault


@dataclass(frozen=True, slots=True, kw_only=True)
class Lifecycle:
    """A creation's script: what `Sandbox.add_creation` and `Sandbox.submit_script` take (see there).

    `states=None` (and with it `progress=None`) means the provider's default states, filled in by
    `with_defaults` once the provider is known; `video_size=None` means the sandbox's default size.
    Make one with `Lifecycle.of`, which accepts any sequences; the constructor raises ValueError for
    inconsistent settings.
    """

    states: tuple[str, ...] | None = None
    advance: Literal["poll"] | float = "poll"
    progress: tuple[float, ...] | None = None
    outputs: int = 1
    video: bytes | tuple[bytes, ...] | None = None
    video_size: int | None = None
    failure_code: str | None = None
    blocked_resources: tuple[Mapping[str, object], ...] | None = None
    credits: int = 4
    faults: tuple[Fault, ...] = ()
    download_faults: tuple[Fault, ...] = ()

    @classmethod
    def of(
        cls,
        *,
        states: Sequence[str] | None = None,
        advance: Literal["poll"] | float = "poll",
        progress: Sequence[float] | None = None,
        outputs: int = 1,
        video: bytes | Sequence[bytes] | None = None,
        video_size: int | None = None,
        failure_code: str | None = None,
        blocked_resources: Sequence[Mapping[str, object]] | None = None,
        credits: int = 4,
        faults: Iterable[Fault] = (),
        download_faults: Iterable[Fault] = (),
    ) -> Lifecycle:
        """A lifecycle from the public arguments: sequences become tuples, any bytes-like `video` bytes."""
        if isinstance(video, bytes | bytearray | memoryview):
            videos: bytes | tuple[bytes, ...] | None = bytes(video)
        else:
            videos = None if video is None else tuple(bytes(v) for v in video)
        return cls(
            states=None if states is None else tuple(states),
            advance=advance,
            progress=None if progress is None else tuple(progress),
            outputs=outputs,
            video=videos,
            video_size=video_size,
            failure_code=failure_code,
            blocked_resources=None if blocked_resources is None else tuple(blocked_resources),
            credits=credits,
            faults=tuple(faults),
            download_faults=tuple(download_faults),
        )

    def __post_init__(self) -> None:
        if self.states is not None and not self.states:
            raise ValueError("states must not be empty")
        if self.states is not None and self.progress is not None:
            _check_progress(self.progress, len(self.states))
        if self.advance != "poll" and not _positive_number(self.advance):
            raise ValueError(f"advance must be 'poll' or a positive number of seconds, got {self.advance!r}")
        if self.outputs < 0:
            raise ValueError(f"outputs must be >= 0, got {self.outputs}")
        if self.video_size is not None and self.video_size < 0:
            raise ValueError(f"video_size must be >= 0, got {self.video_size}")
        if isinstance(self.video, tuple) and len(self.video) != self.outputs:
            raise ValueError(f"video has {len(self.video)} entries for outputs={self.outputs}")

    def with_defaults(self, default_states: Sequence[str]) -> Lifecycle:
        """This lifecycle with `states` filled in; ValueError if `progress` does not fit those states."""
        if self.states is not None:
            return self
        if self.progress is not None:
            _check_progress(self.progress, len(default_states))
        return dataclasses.replace(self, states=tuple(default_states))


def _positive_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value > 0


def _check_progress(progress: Sequence[float], count: int) -> None:
    if len(progress) != count:
        raise ValueError(f"progress has {len(progress)} entries for {count} states")
