"""Merge upstream documents and keep only the paths we ship (plus what they reference)."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from typing import Any


class MergeConflict(Exception):
    """Two upstream documents define the same path or component differently."""


def merge(docs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Union of paths and components; the first document's top-level fields win.

    Identical duplicates (Haiper's pages each repeat ``Error``) are fine; a
    differing duplicate is an upstream inconsistency and stops the pipeline.
    """
    merged = copy.deepcopy(docs[0])
    for doc in docs[1:]:
        _merge_mapping(merged.setdefault("paths", {}), doc.get("paths", {}), "paths")
        for section, items in doc.get("components", {}).items():
            target = merged.setdefault("components", {}).setdefault(section, {})
            _merge_mapping(target, items, f"components/{section}")
    return merged


def _merge_mapping(target: dict[str, Any], extra: dict[str, Any], where: str) -> None:
    for key, value in extra.items():
        if key in target and target[key] != value:
            raise MergeConflict(f"{where}/{key} differs between upstream documents")
        target.setdefault(key, copy.deepcopy(value))


def select(doc: dict[str, Any], prefixes: Sequence[str]) -> dict[str, Any]:
    """Keep the paths starting with one of ``prefixes`` and the components they reach."""
    out = {k: copy.deepcopy(v) for k, v in doc.items() if k not in ("paths", "components")}
    out["paths"] = {
        path: copy.deepcopy(item) for path, item in doc.get("paths", {}).items() if path.startswith(tuple(prefixes))
    }
    components = doc.get("components", {})
    wanted: set[tuple[str, str]] = set()
    pending = list(_refs(out))
    while pending:
        section, name = pending.pop()
        if (section, name) in wanted:
            continue
        wanted.add((section, name))
        pending.extend(_refs(components[section][name]))
    kept: dict[str, Any] = {}
    for section, items in components.items():
        if section == "securitySchemes":
            kept[section] = copy.deepcopy(items)  # referenced by name, not by $ref
            continue
        chosen = {n: copy.deepcopy(s) for n, s in items.items() if (section, n) in wanted}
        if chosen:
            kept[section] = chosen
    out["components"] = kept
    return out


def _refs(node: Any) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            section, name = ref.removeprefix("#/components/").split("/", 1)
            yield section, name
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)
