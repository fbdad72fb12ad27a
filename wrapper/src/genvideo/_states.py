"""One state model for every provider, and each provider's raw states mapped onto it."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["STATE_MAPS", "CreationState"]


class CreationState(enum.StrEnum):
    """Where a creation is, whichever provider made it."""

    QUEUED = "queued"
    PROCESSING = "processing"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """A raw state no spec lists; ``Creation.raw_state`` keeps it and ``wait`` keeps polling."""

    @property
    def is_terminal(self) -> bool:
        """True for SUCCEEDED and FAILED: the creation will not change any more."""
        return self in (CreationState.SUCCEEDED, CreationState.FAILED)


_Q, _P, _S, _F = CreationState.QUEUED, CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED

#: Every raw state value the prepared specs list (``x-known-values``), per provider.
STATE_MAPS: Mapping[str, Mapping[str, CreationState]] = MappingProxyType(
    {
        # ViduState in the Comfy document.
        "vidu": MappingProxyType({"created": _Q, "queueing": _Q, "processing": _P, "success": _S, "failed": _F}),
        # Haiper's status page; its own integration treats post_processing as still running.
        "haiper": MappingProxyType(
            {"pending": _Q, "processing": _P, "post_processing": _P, "succeed": _S, "failed": _F}
        ),
    }
)


def map_state(provider: str, raw_state: object) -> CreationState:
    """The normalised state for a raw provider value; anything unlisted is UNKNOWN."""
    if not isinstance(raw_state, str):
        return CreationState.UNKNOWN
    return STATE_MAPS[provider].get(raw_state.strip().lower(), CreationState.UNKNOWN)
