"""The provider registry: ``providers.toml`` (beside this module) read into typed, frozen rows, from
its JSON copy ``providers.json`` (written by ``nox -s generate``).

One place says which providers exist, which spec each comes from, which credentials and base URL
that spec uses, what a ref carries besides the id, and how each raw state word maps onto
:class:`CreationState`. Everything else (credentials, base URLs, refs, ``repr``, the CLI, the
sandbox, ``genvideo.PROVIDERS``) reads it. Loaded on first use: ``import genvideo`` does not parse it.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from .._states import CreationState

if TYPE_CHECKING:
    from ._adapter import Adapter

__all__ = ["CredentialSource", "ProviderEntry", "Registry", "SpecEntry", "registry"]

REGISTRY_FILE = "providers.toml"
#: What genvideo reads: the pipeline's JSON copy of REGISTRY_FILE (``tools/pipeline/registry_json.py``).
REGISTRY_DATA = "providers.json"
# A provider name is the first part of every ref, parsed case-insensitively: lower case, no ":".
_PROVIDER_NAME = re.compile(r"[a-z][a-z0-9_-]*")

# The rows are named tuples rather than frozen dataclasses: defining a dataclass compiles its methods
# (~0.35 ms each), and every program pays for these four on its first call.


class CredentialSource(NamedTuple):
    """One credential a spec accepts: the ``Client`` argument and environment variable it comes from,
    and the header that carries it (``Authorization: Bearer <value>`` when ``scheme`` is set)."""

    argument: str
    env: str
    header: str
    what: str
    scheme: str | None = None

    def header_for(self, secret: str) -> dict[str, str]:
        """The request header carrying ``secret``."""
        return {self.header: f"{self.scheme} {secret}" if self.scheme else secret}


class SpecEntry(NamedTuple):
    """One API document and the host behind it; several providers may share it."""

    name: str
    title: str
    base_url_argument: str
    base_url_env: str
    default_base_url: str
    credentials: tuple[CredentialSource, ...]
    """In order of preference: a client sends the first one it holds."""


class ProviderEntry(NamedTuple):
    """One provider a ref can name: its spec, its adapter module, its ref scope and its state map."""

    name: str
    spec: SpecEntry
    adapter_module: str
    scope: tuple[str, ...]
    """What a ref carries besides the id, in order (``"<provider>:<scope...>:<id>"``)."""
    states: Mapping[str, CreationState]
    typical_seconds: float | None = None
    """How long its creations usually take, for the poll schedule (``_schedule``); None if unknown."""
    takes_video: bool = False
    """Whether ``create()`` may pass it a ``video`` (a video to transform, or a reference video)."""
    video_bytes: bool = False
    """Whether it needs a video's bytes (it uploads them itself): a video URL is downloaded first."""
    synchronous: bool = False
    """Whether its submit's reply is the video itself (LTX): no id, nothing to poll or look up later.
    Only ``generate()`` runs it (its flow returns the finished Creation); ``create()`` refuses it."""

    def adapter(self) -> Adapter:
        """The adapter module (imported on first use): see ``_adapter.Adapter``."""
        return cast("Adapter", importlib.import_module(f"{__package__}.{self.adapter_module}"))

    def map_state(self, raw_state: object) -> CreationState:
        """The normalised state for a raw value (trimmed, case-insensitive); anything unlisted is UNKNOWN."""
        if not isinstance(raw_state, str):
            return CreationState.UNKNOWN
        return self.states.get(raw_state.strip().lower(), CreationState.UNKNOWN)


class Registry(NamedTuple):
    """Every spec and provider, in the order ``providers.toml`` lists them."""

    specs: Mapping[str, SpecEntry]
    providers: Mapping[str, ProviderEntry]

    @property
    def names(self) -> tuple[str, ...]:
        """The provider names, for ``genvideo.PROVIDERS`` and the CLI's choices."""
        return tuple(self.providers)

    @property
    def credential_sources(self) -> tuple[CredentialSource, ...]:
        """Every credential of every spec, in order."""
        return tuple(source for spec in self.specs.values() for source in spec.credentials)

    @property
    def base_url_arguments(self) -> tuple[str, ...]:
        """The ``Client`` argument of every spec's base URL, in order."""
        return tuple(spec.base_url_argument for spec in self.specs.values())


def _flag(row: Mapping[str, Any], key: str, where: str) -> bool:
    value = row.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{where}.{key}: true or false, not {value!r}")
    return value


def _seconds(row: Mapping[str, Any], key: str, where: str) -> float | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 86_400:
        raise ValueError(f"{where}.{key}: seconds above 0 and under a day, not {value!r}")
    return float(value)


@cache
def registry() -> Registry:
    """The registry of this installation (parsed once)."""
    # JSON, not the TOML (~2.5 ms in pure Python), and read from beside this module, as _id_paths.json
    # is: importlib.resources would cost a program's first client another ~4 ms.
    return parse_registry(json.loads((Path(__file__).parent / REGISTRY_DATA).read_text(encoding="utf-8")))


def parse_registry(document: Mapping[str, Any]) -> Registry:
    """Typed rows from the parsed TOML; ValueError naming the row for anything inconsistent."""
    specs: dict[str, SpecEntry] = {}
    arguments: set[str] = set()  # every spec's arguments become keyword arguments of Client
    for name, table in document.get("specs", {}).items():
        sources = tuple(CredentialSource(**dict(item)) for item in table["credentials"])
        if not sources:
            raise ValueError(f"specs.{name}: lists no credentials")
        fields = {k: v for k, v in table.items() if k != "credentials"}
        specs[name] = spec = SpecEntry(name=name, credentials=sources, **fields)
        for argument in (*(source.argument for source in sources), spec.base_url_argument):
            if argument in arguments or not argument.isidentifier():
                raise ValueError(f"specs.{name}: {argument!r} is not a new Client argument name")
            arguments.add(argument)
    providers: dict[str, ProviderEntry] = {}
    for name, row in document.get("providers", {}).items():
        if not _PROVIDER_NAME.fullmatch(name):
            raise ValueError(f"providers.{name}: a provider name is lower-case letters, digits, '-' and '_'")
        if row["spec"] not in specs:
            raise ValueError(f"providers.{name}: unknown spec {row['spec']!r}")
        scope = tuple(row.get("scope", ()))
        if not all(isinstance(part, str) and part.strip() for part in scope):
            raise ValueError(f'providers.{name}.scope: each entry names what a ref carries, e.g. "task kind"')
        states = {}
        for word, state in row["states"].items():
            if word != word.strip().lower():
                raise ValueError(f"providers.{name}.states: {word!r} must be written trimmed and in lower case")
            states[word] = CreationState(state)
        providers[name] = ProviderEntry(
            name=name,
            spec=specs[row["spec"]],
            adapter_module=row["adapter"],
            scope=scope,
            states=MappingProxyType(states),
            typical_seconds=_seconds(row, "typical_seconds", f"providers.{name}"),
            takes_video=_flag(row, "takes_video", f"providers.{name}"),
            video_bytes=_flag(row, "video_bytes", f"providers.{name}"),
            synchronous=_flag(row, "synchronous", f"providers.{name}"),
        )
    return Registry(MappingProxyType(specs), MappingProxyType(providers))
