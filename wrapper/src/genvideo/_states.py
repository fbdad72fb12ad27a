"""One state model for every provider. Each provider's raw states are mapped onto it in the registry
(``_providers/providers.toml``, read by ``ProviderEntry.map_state``)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

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


if TYPE_CHECKING:
    #: provider -> raw word -> CreationState, read-only: for tools/pipeline/states.py only (the SDK reads
    #: the registry). Derived on access from the providers.toml beside this file, because the pipeline
    #: executes this file on its own (no package, so no registry import) from the checkout it checks.
    STATE_MAPS: Mapping[str, Mapping[str, CreationState]]
else:

    def __getattr__(name: str) -> Mapping[str, Mapping[str, CreationState]]:
        if name != "STATE_MAPS":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import tomllib
        from pathlib import Path
        from types import MappingProxyType

        path = Path(__file__).parent / "_providers" / "providers.toml"
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        return MappingProxyType(
            {
                provider: MappingProxyType({word: CreationState(state) for word, state in row["states"].items()})
                for provider, row in table["providers"].items()
            }
        )
