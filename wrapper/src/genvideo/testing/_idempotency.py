"""`Idempotency-Key` replay, for fakes that honour the header: the first accepted submit's reply, per key."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ._replies import Reply

HEADER = "Idempotency-Key"
KEY_MAX = 255


@dataclass(frozen=True, slots=True)
class Replay:
    """What a key was first used for: the submit's fingerprint, its reply and its creation."""

    fingerprint: str
    reply: Reply
    creation_id: str

    def replayed(self) -> Reply:
        """The first reply again, marked `Idempotent-Replayed: true`."""
        return Reply(self.reply.status, (*self.reply.headers, ("Idempotent-Replayed", "true")), self.reply.body)


def key_problem(key: str) -> tuple[str, str] | None:
    """(field, message) if `key` is empty or too long, else None."""
    if 0 < len(key) <= KEY_MAX:
        return None
    return HEADER, f"{HEADER} must be 1 to {KEY_MAX} characters"


def fingerprint(provider: str, endpoint: str, body: object) -> str:
    """What makes two submits the same: provider, endpoint and the canonical JSON body (`true` is not `1`)."""
    return f"{provider} {endpoint} {json.dumps(body, sort_keys=True, separators=(',', ':'), ensure_ascii=False)}"


class Replays:
    """Replays by (scope, key): keys are shared by every fake of one spec (one host). Callers hold a lock."""

    def __init__(self) -> None:
        self._replays: dict[tuple[str, str], Replay] = {}

    def find(self, scope: str, key: str) -> Replay | None:
        """The replay `key` claimed in `scope`, if any."""
        return self._replays.get((scope, key))

    def claim(self, scope: str, key: str, replay: Replay) -> None:
        """Remember `replay` for `key` (only accepted submits claim their key)."""
        self._replays[(scope, key)] = replay
