"""A scripted creation while it runs: its raw states, how it advances, its output files and its URL issuing."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._faults import FaultQueue
from ._lifecycle import Lifecycle
from ._media import fake_cover, fake_video

if TYPE_CHECKING:
    from ._fakes import ProviderFake

VIDEO_FILE = "video.mp4"
WATERMARKED_FILE = "video-watermarked.mp4"
COVER_FILE = "cover.png"


@dataclass(frozen=True, slots=True)
class Output:
    """One output of a creation: a video (plus a watermarked copy) and a cover image, in CDN folder `dir_name`."""

    index: int
    id: str
    dir_name: str
    video: bytes
    cover: bytes
    seed: str

    def file(self, name: str) -> tuple[bytes, str] | None:
        """The bytes and content type of file `name`, or None. The watermarked copy is made on demand."""
        if name == VIDEO_FILE:
            return self.video, "video/mp4"
        if name == WATERMARKED_FILE:
            return fake_video(f"{self.seed}/wm", len(self.video)), "video/mp4"
        if name == COVER_FILE:
            return self.cover, "image/png"
        return None


@dataclass(frozen=True, slots=True)
class View:
    """What one look-up of a creation sees: its state, its progress and when that state began."""

    state: str
    progress: float
    updated_wall: float


class FakeCreation:
    """Mutable state of one scripted creation. Not thread-safe: the sandbox's lock guards it."""

    def __init__(
        self,
        fake: ProviderFake,
        creation_id: str,
        lifecycle: Lifecycle,
        *,
        video_size: int,
        prompt: str,
        input_type: str,
        created_mono: float,
        created_wall: float,
        scope: tuple[str, ...] = (),
    ) -> None:
        """Start `lifecycle` (already checked) for `fake`; `video_size` applies when it has none of its own;
        `scope`: what its ref carries besides the id, as `Sandbox.add_creation` was given it (its fake
        reads it; empty for creations started by a submit)."""
        script = lifecycle.with_defaults(fake.default_states)
        assert script.states is not None
        self.fake = fake
        self.provider = fake.provider
        self.id = creation_id
        self.states = script.states
        self.advance = None if script.advance == "poll" else float(script.advance)
        self.progress = script.progress if script.progress is not None else fake.default_progress(self.states)
        self.failure_code = script.failure_code
        self.credits = script.credits
        self.prompt = prompt
        self.input_type = input_type
        self.scope = scope
        blocked = script.blocked_resources
        self.blocked_resources = [dict(item) for item in blocked] if blocked else None
        self.created_mono = created_mono
        self.created_wall = created_wall
        self.updated_wall = created_wall
        size = script.video_size if script.video_size is not None else video_size
        if isinstance(script.video, bytes):
            videos = [script.video] * script.outputs
        elif script.video is not None:
            videos = list(script.video)
        else:
            videos = [fake_video(f"{self.provider}/{creation_id}/{i}", size) for i in range(1, script.outputs + 1)]
        self.outputs = tuple(
            Output(
                index=i,
                id=fake.output_id(creation_id, i),
                dir_name=f"{fake.output_folder}-{i:02d}",
                video=video,
                cover=fake_cover(f"{self.provider}/{creation_id}/{i}"),
                seed=f"{self.provider}/{creation_id}/{i}",
            )
            for i, video in enumerate(videos, start=1)
        )
        self.status_faults = FaultQueue()
        self.download_faults = FaultQueue()
        for fault in script.faults:
            self.status_faults.push(fault)
        for fault in script.download_faults:
            self.download_faults.push(fault)
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

    def view(self, now_mono: float, now_wall: float, *, poll: bool, commit: bool, state: str | None) -> View:
        """What a look-up sees now: a status `poll` (which, with `commit`, counts) or another read.

        `state` overrides the state (a `Fault.state`); its progress is the scripted one if the state is
        in the script, else the provider's default for it.
        """
        commit = commit and state is None
        index = self.status_index(now_mono, now_wall, commit=commit) if poll else self.current_index(now_mono)
        updated = self.updated_wall if self.advance is None else self.created_wall + index * self.advance
        if state is None:
            return View(self.states[index], self.progress[index], updated)
        if state in self.states:
            return View(state, self.progress[self.states.index(state)], updated)
        return View(state, self.fake.default_progress([state])[0], updated)

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
        return next((o for o in self.outputs if o.dir_name == dir_name), None)
