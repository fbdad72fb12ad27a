"""The wrapper's state-mapping check: every ``x-known-values`` entry is mapped in ``STATE_MAPS``.

The prepared specs list each provider's raw state values under ``x-known-values`` (a
patch copies them from the upstream enum or prose). ``genvideo._states.STATE_MAPS`` maps
them, per wrapper provider, onto ``CreationState``. A listed value the map lacks would
reach users as ``CreationState.UNKNOWN``: the check names it until it is mapped.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from .config import REPO, STATES_MODULE

#: Which prepared spec lists each wrapper provider's states (wrapper provider -> spec provider).
SPEC_OF_PROVIDER: Mapping[str, str] = {"vidu": "comfy", "haiper": "haiper"}

StateMaps = Mapping[str, Mapping[str, object]]


@dataclass(frozen=True, order=True)
class UnmappedState:
    """A raw state value a prepared spec lists and the wrapper does not map."""

    wrapper_provider: str
    spec_provider: str
    value: str
    where: str  # JSON pointer of the schema in the prepared document

    def __str__(self) -> str:
        return (
            f"{self.wrapper_provider}: state {self.value!r} ({self.spec_provider} {self.where}) is not mapped in "
            f"genvideo._states.STATE_MAPS[{self.wrapper_provider!r}]"
        )


def known_state_values(doc: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """``(json_pointer, value)`` for every ``x-known-values`` entry in ``doc``."""
    if isinstance(doc, dict):
        for value in doc.get("x-known-values", ()):
            yield pointer or "/", str(value)
        for key, child in doc.items():
            yield from known_state_values(child, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(doc, list):
        for index, child in enumerate(doc):
            yield from known_state_values(child, f"{pointer}/{index}")


def unmapped_states(prepared: Mapping[str, Any], state_maps: StateMaps) -> list[UnmappedState]:
    """Every listed state value in ``prepared`` (spec provider -> prepared document) missing from ``state_maps``."""
    found: set[UnmappedState] = set()
    for wrapper_provider, spec_provider in SPEC_OF_PROVIDER.items():
        if spec_provider not in prepared:
            continue
        mapped = state_maps.get(wrapper_provider, {})
        for where, value in known_state_values(prepared[spec_provider]):
            if value not in mapped:
                found.add(UnmappedState(wrapper_provider, spec_provider, value, where))
    return sorted(found)


def load_state_maps(root: Path = REPO) -> StateMaps:
    """``STATE_MAPS`` from ``root``'s wrapper source (the checkout's when ``root`` has none).

    Loaded from the file, not the installed package: the pipeline's tool environment does
    not install genvideo, and the map must be the one in the tree being updated.
    """
    path = root / STATES_MODULE if (root / STATES_MODULE).exists() else REPO / STATES_MODULE
    spec = importlib.util.spec_from_file_location("_genvideo_states_under_check", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py path always has a loader
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError:  # the module grew package-relative imports: use the installed package
        module = importlib.import_module("genvideo._states")
    return cast(StateMaps, module.STATE_MAPS)
