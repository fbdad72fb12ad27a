"""Small pieces most adapters share: a generated endpoint's path for an id, and their row's state map."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import quote

from .._states import CreationState
from ._registry import registry


def id_path(endpoint_module: str) -> Callable[[str], str]:
    """The request path for an id, as the generated endpoint module (dotted name) builds it with
    ``_get_kwargs(id)``: the URL shape follows the spec. From the pipeline's table of those paths
    (``_id_paths.json``, read from the generated code), so that a first call does not import the
    generated package (~17 ms); from the module itself for an endpoint the table lacks. Cached: polls
    repeat it."""
    around = known_id_paths().get(endpoint_module)
    if around is not None:
        prefix, suffix = around

        @lru_cache(maxsize=4096)
        def path(creation_id: str) -> str:
            return prefix + quote(str(creation_id), safe="") + suffix

        return path

    @lru_cache(maxsize=4096)
    def imported_path(creation_id: str) -> str:
        return str(importlib.import_module(endpoint_module)._get_kwargs(creation_id)["url"])

    return imported_path


@cache
def known_id_paths() -> Mapping[str, tuple[str, str]]:
    """Endpoint module -> (prefix, suffix) of its path around the quoted id (``tools/pipeline/id_paths.py``)."""
    table = json.loads((Path(__file__).parents[1] / "_id_paths.json").read_text(encoding="utf-8"))
    return {module: (prefix, suffix) for module, (prefix, suffix) in table.items()}


def state_mapper(provider: str) -> Callable[[object], CreationState]:
    """``map_state(raw)`` for ``provider``: its registry row's state map (unlisted words are UNKNOWN)."""

    def map_state(raw_state: object) -> CreationState:
        return registry().providers[provider].map_state(raw_state)

    return map_state
