"""A scripted creation: its raw states, how it advances, its output files and its URL issuing."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ._faults import Fault, FaultQueue
from ._media import fake_cover, fake_video

Provider = Literal["vidu", "haiper"]
PROVIDERS: tuple[Provider, ...] = ("vidu", "haiper")
DEFAULT_STATES: Mapping[Provider, tuple[str, ...]] = {
    "vidu": ("queueing", "processing", "success"),
    "haiper": ("pending", "processing", "succeed"),
}
SUCCESS_STATE: Mapping[Provider, str] = {"vidu": "success", "haiper": "succeed"}
_RUNNING: Mapping[Provider, frozenset[str]] = {
    "vidu": frozenset({"processing"}),
    "haiper": frozenset({"processing", "post_processing"}),
}
OUTPUT_DIR: Mapping[Provider, str] = {"vidu": "creation", "haiper": "output"}
VIDEO_FILE = "video.mp4"
WATERMARKED_FILE = "video-watermarked.mp4"
COVER_FILE = "cover.png"


def check_provider(provider: str) -> Provider:
    """`provider` as a `Provider`, or ValueError."""
    for known in PROVIDERS:
        if provider == known:
            return known
    raise ValueError(f"unknown provider {provider!r}; expected one of {PROVIDERS}")


def default_progress(provider: Provider, states: Sequence[str]) -> list[float]:
    """0 for queued/unknown/failed, evenly spaced percentages for running states, 100 for success.

    On Haiper's 0-1 scale for "haiper", 0-100 for "vidu".
    """
    running = [i for i, state in enumerate(states) if state in _RUNNING[provider]]
    scale = 1.0 if provider == "haiper" else 100.0
    result: list[float] = []
    for i, state in enumerate(states):
        if state == SUCCESS_STATE[provider]:
            fraction = 1.0
        elif i in running:
            fraction = (running.index(i) + 1) / (len(running) + 1)
        else:
            fraction = 0.0
        result.append(round(fraction * scale, 4))
    return result


def lifecycle_problem(
    provider: Provider | None,
    states: Sequence[str] | None,
    progress: Sequence[float] | None,
    advance: object,
    outputs: int,
    video: bytes | Sequence[bytes] | None,
    video_size: int | None,
) -> str | None:
    """What is wrong with these creation settings, or None. Without `provider`, default states are not checked."""
    if states is not None and not states:
        return "states must not be empty"
    count = len(states) if states is not None else len(DEFAULT_STATES[provider]) if provider else None
    if progress is not None and count is not None and len(progress) != count:
        return f"progress has {len(progress)} entries for {count} states"
    if advance != "poll" and (isinstance(advance, str | bool) or not isinstance(advance, int | float) or advance <= 0):
        return f"advance must be 'poll' or a positive number of seconds, got {advance!r}"
    if outputs < 0:
        return f"outputs must be >= 0, got {outputs}"
    if video_size is not None and video_size < 0:
        return f"video_size must be >= 0, got {video_size}"
    if video is not None and not isinstance(video, bytes | bytearray | memoryview) and len(video) != outputs:
        return f"video has {len(video)} entries for outputs={outputs}"
    return None


def build_creation(
    provider: Provider,
    creation_id: str,
    *,
    states: Sequence[str] | None,
    advance: Literal["poll"] | float,
    progress: Sequence[float] | None,
    outputs: int,
    video: bytes | Sequence[bytes] | None,
    video_size: int,
    failure_code: str | None,
    blocked_resources: Sequence[Mapping[str, object]] | None,
    credits: int,
    prompt: str,
    faults: Iterable[Fault],
    download_faults: Iterable[Fault],
    created_mono: float,
    created_wall: float,
    input_type: str = "text",
) -> Creation:
    """A new creation from already validated settings (see `lifecycle_problem`); None means the default."""
    state_list = list(states) if states is not None else list(DEFAULT_STATES[provider])
    if isinstance(video, bytes | bytearray | memoryview):
        videos = [bytes(video)] * outputs
    elif video is not None:
        videos = [bytes(v) for v in video]
    else:
        videos = [fake_video(f"{provider}/{creation_id}/{i}", video_size) for i in range(1, outputs + 1)]
    creation = Creation(
        provider,
        creation_id,
        states=state_list,
        advance=None if advance == "poll" else float(advance),
        progress=list(progress) if progress is not None else default_progress(provider, state_list),
        videos=videos,
        failure_code=failure_code if failure_code is not None else "CreationPolicyViolation",
        credits=credits,
        prompt=prompt,
        blocked_resources=blocked_resources,
        created_mono=created_mono,
        created_wall=created_wall,
    )
    creation.input_type = input_type
    for fault in faults:
        creation.status_faults.push(fault)
    for fault in download_faults:
        creation.download_faults.push(fault)
    return creation


def _numeric_id(*parts: str) -> str:
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return str(9 * 10**17 + int.from_bytes(digest[:8], "big") % 10**17)


@dataclass(frozen=True, slots=True)
class Output:
    """One output of a creation: a video (plus a watermarked copy) and a cover image."""

    index: int
    id: str
    video: bytes
    cover: bytes
    seed: str

    def dir_name(self, provider: Provider) -> str:
        """The CDN folder of this output, e.g. `creation-01`."""
        return f"{OUTPUT_DIR[provider]}-{self.index:02d}"

    def file(self, name: str) -> tuple[bytes, str] | None:
        """The bytes and content type of file `name`, or None. The watermarked copy is made on demand."""
        if name == VIDEO_FILE:
            return self.video, "video/mp4"
        if name == WATERMARKED_FILE:
            return fake_video(f"{self.seed}/wm", len(self.video)), "video/mp4"
        if name == COVER_FILE:
            return self.cover, "image/png"
        return None


class Creation:
    """Mutable state of one scripted creation. Not thread-safe: the sandbox's lock guards it."""

    def __init__(
        self,
        provider: Provider,
        creation_id: str,
        *,
        states: Sequence[str],
        advance: float | None,
        progress: Sequence[float],
        videos: Sequence[bytes],
        failure_code: str,
        credits: int,
        prompt: str,
        blocked_resources: Sequence[Mapping[str, object]] | None,
        created_mono: float,
        created_wall: float,
    ) -> None:
        self.provider: Provider = provider
        self.id = creation_id
        self.states = tuple(states)
        self.advance = advance
        self.progress = tuple(progress)
        self.failure_code = failure_code
        self.credits = credits
        self.prompt = prompt
        self.blocked_resources = [dict(item) for item in blocked_resources] if blocked_resources else None
        self.created_mono = created_mono
        self.created_wall = created_wall
        self.updated_wall = created_wall
        self.input_type = "text"
        self.outputs = tuple(
            Output(
                index=i,
                id=_numeric_id(provider, creation_id, str(i)) if provider == "vidu" else f"{creation_id}-{i:02d}",
                video=video,
                cover=fake_cover(f"{provider}/{creation_id}/{i}"),
                seed=f"{provider}/{creation_id}/{i}",
            )
            for i, video in enumerate(videos, start=1)
        )
        self.status_faults = FaultQueue()
        self.download_faults = FaultQueue()
        self._cursor = 0
        self._seen = False
        self._max_issued = 0
        self._revoked_through = 0

    def _timed_index(self, now_mono: float) -> int:
        assert self.advance is not None
        steps = math.floor((now_mono - self.created_mono) / self.advance)
        return max(0, min(steps, len(self.states) - 1))

    def current_index(self, now_mono: float) -> int:
        """Index of the state the creation is in now (for poll-driven creations: the last one polled)."""
        return self._cursor if self.advance is None else self._timed_index(now_mono)

    def status_index(self, now_mono: float, now_wall: float, *, commit: bool) -> int:
        """Index of the state a status poll sees; with `commit`, the poll counts (poll-driven advance)."""
        if self.advance is not None:
            return self._timed_index(now_mono)
        index = min(self._cursor + 1, len(self.states) - 1) if self._seen else 0
        if commit:
            if index != self._cursor:
                self.updated_wall = now_wall
            self._cursor, self._seen = index, True
        return index

    def issue_expires(self, now_wall: float, ttl: float) -> int:
        """The `Expires` for URLs issued now: later than any URL revoked by `expire_urls`."""
        expires = max(int(now_wall + ttl), self._revoked_through + 1)
        self._max_issued = max(self._max_issued, expires)
        return expires

    def expire_issued(self) -> None:
        """Make every URL issued so far count as expired."""
        self._revoked_through = max(self._revoked_through, self._max_issued)

    def is_revoked(self, expires: int) -> bool:
        """Whether a URL with this `Expires` was revoked by `expire_issued`."""
        return expires <= self._revoked_through

    def find_output(self, dir_name: str) -> Output | None:
        """The output whose CDN folder is `dir_name`."""
        return next((o for o in self.outputs if o.dir_name(self.provider) == dir_name), None)
