"""A scripted creation: its raw states, how it advances, its output files and its URL issuing."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ._faults import FaultQueue
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
