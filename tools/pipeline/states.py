"""The state-mapping check: every ``x-known-values`` word of a prepared spec is mapped in ``providers.toml``.

The prepared specs list each spec's raw state words under ``x-known-values`` (a patch copies them
from the upstream enum or prose). The provider registry, ``wrapper/src/genvideo/_providers/providers.toml``,
maps them per provider (``providers.<name>.states``) onto ``CreationState`` values, and says which
spec each provider comes from (``providers.<name>.spec``). The SDK reads the same file. A listed word
a provider of that spec does not map would reach users as ``CreationState.UNKNOWN``: the check names
it until it is mapped.

Words are compared as the SDK maps them: trimmed and case-insensitively (a spec may list
``SUCCEEDED`` or ``Queueing``; the registry writes them in lower case).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import PROVIDER_REGISTRY, REPO

#: The values of ``genvideo.CreationState`` (not imported: the pipeline's tool environment lacks genvideo).
CREATION_STATES = ("queued", "processing", "succeeded", "failed", "unknown")
_WHERE = PROVIDER_REGISTRY.name
_SCHEMAS = "/components/schemas/"


class RegistryError(ValueError):
    """A ``providers.toml`` row the check cannot use; the message names the row."""


def normalise_state(word: str) -> str:
    """A raw state word as the SDK looks it up: trimmed, lower case."""
    return word.strip().lower()


@dataclass(frozen=True)
class ProviderStates:
    """What the check needs of one ``[providers.<name>]`` row: its spec and its state map."""

    name: str
    spec: str
    states: Mapping[str, str]
    """Raw state word (lower case) -> ``CreationState`` value."""
    state_schemas: tuple[str, ...] = ()
    """The component schemas of the prepared spec that hold this provider's state words."""

    def owns(self, where: str) -> bool:
        """True when the JSON pointer ``where`` lies inside one of this provider's state schemas."""
        return any(
            where == f"{_SCHEMAS}{name}" or where.startswith(f"{_SCHEMAS}{name}/") for name in self.state_schemas
        )

    def maps(self, word: str) -> bool:
        """True when ``word`` (any case, untrimmed) is mapped."""
        return normalise_state(word) in self.states


#: Provider name -> its row, in registry order.
StateMaps = Mapping[str, ProviderStates]


@dataclass(frozen=True, order=True)
class UnmappedState:
    """A raw state word a prepared spec lists and a provider of that spec does not map."""

    provider: str
    spec: str
    value: str
    where: str  # JSON pointer of the schema in the prepared document

    def __str__(self) -> str:
        if not self.provider:
            return (
                f"{self.spec}: state {self.value!r} at {self.where} belongs to no provider: name its schema in "
                f"some providers.<name>.state_schemas of {_WHERE}"
            )
        return (
            f"{self.provider}: state {self.value!r} ({self.spec} {self.where}) is not mapped in "
            f"{_WHERE} (providers.{self.provider}.states)"
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
    """Every listed state word in ``prepared`` (spec -> prepared document) that its provider does not map.

    A word belongs to the provider whose ``state_schemas`` contain it (many providers share the comfy
    spec, each with its own words); a word no provider of its spec claims is reported with no provider.
    """
    found: set[UnmappedState] = set()
    for spec, document in prepared.items():
        rows = [row for row in state_maps.values() if row.spec == spec]
        for where, value in known_state_values(document):
            owners = [row for row in rows if row.owns(where)]
            if not owners:
                found.add(UnmappedState("", spec, value, where))
            found.update(UnmappedState(row.name, spec, value, where) for row in owners if not row.maps(value))
    return sorted(found)


def load_state_maps(root: Path = REPO) -> StateMaps:
    """Every provider's row from ``root``'s ``providers.toml`` (the checkout's when ``root`` has none).

    Read as data, not through genvideo: the pipeline's tool environment does not install it, and the
    maps must be the ones in the tree being updated.
    """
    path = root / PROVIDER_REGISTRY if (root / PROVIDER_REGISTRY).exists() else REPO / PROVIDER_REGISTRY
    return parse_state_maps(tomllib.loads(path.read_text(encoding="utf-8")))


def parse_state_maps(document: Mapping[str, Any]) -> StateMaps:
    """The rows of a parsed ``providers.toml``; RegistryError naming the row for anything the SDK would refuse."""
    specs = document.get("specs", {})
    rows: dict[str, ProviderStates] = {}
    for name, row in document.get("providers", {}).items():
        spec = row.get("spec")
        if spec not in specs:
            raise RegistryError(f"{_WHERE}: providers.{name}.spec is {spec!r}, not one of its [specs.*] tables")
        states: dict[str, str] = {}
        for word, state in row.get("states", {}).items():
            if word != normalise_state(word):
                raise RegistryError(
                    f"{_WHERE}: providers.{name}.states: {word!r} must be written trimmed and in lower case"
                )
            if state not in CREATION_STATES:
                raise RegistryError(
                    f"{_WHERE}: providers.{name}.states: {word!r} maps to {state!r}, "
                    f"which is not a CreationState value ({', '.join(CREATION_STATES)})"
                )
            states[word] = state
        schemas = row.get("state_schemas")
        # A synchronous provider (its reply is the video itself) has no state word, so no state schema.
        stateless = row.get("synchronous") is True and schemas == [] and not states
        if not stateless and (not schemas or not all(isinstance(item, str) and item for item in schemas)):
            raise RegistryError(
                f"{_WHERE}: providers.{name}.state_schemas must name the spec's component schemas that hold "
                'its state words, e.g. ["ViduState"]'
            )
        rows[name] = ProviderStates(name, spec, states, tuple(schemas))
    return rows
