"""One state model for every provider. Each provider's raw states are mapped onto it in the registry
(``_providers/providers.toml``, read by ``ProviderEntry.map_state``)."""

from __future__ import annotations

import enum

__all__ = ["CreationState"]


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
