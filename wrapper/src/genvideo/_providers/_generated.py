"""Small pieces most adapters share: a generated endpoint's path for an id, and their row's state map."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import lru_cache

from .._states import CreationState
from ._registry import registry


def id_path(endpoint_module: str) -> Callable[[str], str]:
    """The request path for an id, as the generated endpoint module (dotted name, imported on first
    use) builds it with ``_get_kwargs(id)``: the URL shape follows the spec. Cached: polls repeat it."""

    @lru_cache(maxsize=4096)
    def path(creation_id: str) -> str:
        return str(importlib.import_module(endpoint_module)._get_kwargs(creation_id)["url"])

    return path


def state_mapper(provider: str) -> Callable[[object], CreationState]:
    """``map_state(raw)`` for ``provider``: its registry row's state map (unlisted words are UNKNOWN)."""

    def map_state(raw_state: object) -> CreationState:
        return registry().providers[provider].map_state(raw_state)

    return map_state
