"""A new state word upstream stops the pipeline at the patch that opened that provider's state enum.

For every state list a prepared spec declares (``x-known-values``, one per provider's state schema),
the upstream enum it came from gets one more word; preparing must then fail at a guarded patch
operation that names its file and gives its reason, so an update never ships a word nobody mapped.
Nothing here names a provider: the lists come from the prepared specs. Where upstream gives no words at all
(a free string), the state schema names that upstream field under ``x-upstream-free-string`` and its patch
pins the field as a free string: an enum appearing there must stop the pipeline the same way.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from typing import Any

import jsonpointer
import pytest

from tools.pipeline._yaml import load_yaml
from tools.pipeline.config import Spec, load_specs
from tools.pipeline.patches import PatchFailed, apply_patches, load_patches
from tools.pipeline.regenerate import load_prepared
from tools.pipeline.select import merge, select
from tools.pipeline.states import known_state_values, load_state_maps

NEW_WORD = "brand-new-upstream-state"


def _nodes(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(JSON pointer, node) of every object in ``node``."""
    if isinstance(node, dict):
        yield pointer, node
        for key, child in node.items():
            yield from _nodes(child, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _nodes(child, f"{pointer}/{index}")


def _lists_in(node: dict[str, Any], state_lists: list[set[str]]) -> str | None:
    """Where ``node`` carries one of the state lists upstream: ``enum`` (exactly those values) or a
    ``description`` naming every word of one (the words came from prose); else None."""
    enum = node.get("enum")
    if isinstance(enum, list) and {str(v) for v in enum} in state_lists:
        return "enum"
    description = node.get("description")
    if isinstance(description, str) and any(all(f"'{w}'" in description for w in words) for words in state_lists):
        return "description"
    return None


def _selected_upstream(spec: Spec) -> dict[str, Any]:
    """The spec's upstream documents merged and selected, before any patch (a fresh copy each call)."""
    return copy.deepcopy(_selected(spec.name))


@functools.cache
def _selected(spec_name: str) -> dict[str, Any]:
    spec = next(s for s in load_specs() if s.name == spec_name)
    return select(merge([load_yaml(spec.folder / name) for name in spec.upstream]), spec.keep_path_prefixes)


def _guarded_places() -> list[tuple[str, str, str]]:
    """(spec, JSON pointer into its selected upstream document, "enum" or "description") of every place
    upstream that states a state list of the prepared spec (a patch may move an inline enum into a named
    schema: the upstream place is found by its words, not by where the prepared spec keeps them)."""
    found = []
    for spec in load_specs():
        lists: dict[str, set[str]] = {}
        for pointer, word in known_state_values(load_prepared(spec)):
            lists.setdefault(pointer, set()).add(word)
        state_lists = list(lists.values())
        for pointer, node in _nodes(_selected_upstream(spec)):
            kind = _lists_in(node, state_lists)
            if kind is not None:
                found.append((spec.name, pointer, kind))
        found.extend((spec.name, pointer, "free") for pointer in _free_strings(spec).values())
    return found


def _free_strings(spec: Spec) -> dict[str, str]:
    """Schema name -> the upstream field its words stand for, for the prepared spec's state schemas whose
    words upstream does not list (``x-upstream-free-string``)."""
    document: Any = load_prepared(spec)
    schemas = document.get("components", {}).get("schemas", {})
    return {
        name: schema["x-upstream-free-string"]
        for name, schema in schemas.items()
        if isinstance(schema, dict) and isinstance(schema.get("x-upstream-free-string"), str)
    }


GUARDED = _guarded_places()


def test_every_providers_state_list_is_guarded() -> None:
    """Each provider whose prepared spec lists its words (under its own state schemas) has a guarded
    place upstream that states exactly those words."""
    for provider in load_state_maps().values():
        spec = next(s for s in load_specs() if s.name == provider.spec)
        words = {w for pointer, w in known_state_values(load_prepared(spec)) if provider.owns(pointer)}
        upstream = _selected_upstream(spec)
        places = [jsonpointer.resolve_pointer(upstream, p) for name, p, _ in GUARDED if name == provider.spec]
        free = [pointer for name, pointer in _free_strings(spec).items() if name in provider.state_schemas]
        if words and free:  # upstream lists no words: the field itself is guarded (a "free" place)
            assert all((provider.spec, pointer, "free") in GUARDED for pointer in free), provider.name
        elif words:
            assert any(_lists_in(node, [words]) for node in places), provider.name


@pytest.mark.parametrize(("spec_name", "pointer", "kind"), GUARDED)
def test_a_new_upstream_state_word_fails_at_a_guarded_patch(spec_name: str, pointer: str, kind: str) -> None:
    spec = next(s for s in load_specs() if s.name == spec_name)
    upstream = _selected_upstream(spec)
    patches = load_patches(spec.patches_dir)
    apply_patches(copy.deepcopy(upstream), patches)  # as published: the patches apply
    node = jsonpointer.resolve_pointer(upstream, pointer)
    if kind == "free":  # upstream starts listing words for a field that had none
        node["enum"] = [NEW_WORD]
    elif kind == "enum":
        node["enum"] = [*node["enum"], NEW_WORD]
    else:
        node["description"] = node["description"].rstrip(".") + f", or '{NEW_WORD}'."
    with pytest.raises(PatchFailed) as info:
        apply_patches(upstream, patches)
    assert info.value.patch.endswith(".json")
    assert info.value.reason, f"{info.value.patch} operation #{info.value.index} has no reason"
