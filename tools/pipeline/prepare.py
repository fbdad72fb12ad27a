"""Upstream documents -> ``specs/<provider>/prepared.json``, validated."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate

from ._yaml import load_yaml
from .config import Provider
from .patches import apply_patches, load_patches
from .select import merge, select


class ProvenanceMismatch(Exception):
    """An upstream file's bytes differ from the checksum its provenance records."""


def check_provenance(provider: Provider) -> None:
    """Every upstream file is listed in ``provenance.json`` with its exact sha256."""
    record = json.loads((provider.folder / "provenance.json").read_text(encoding="utf-8"))
    listed = {d["file"]: d["sha256"] for d in record["documents"]}
    for name in provider.upstream:
        digest = hashlib.sha256((provider.folder / name).read_bytes()).hexdigest()
        if listed.get(name) != digest:
            raise ProvenanceMismatch(
                f"{provider.name}/{name}: sha256 {digest} is not the one recorded in provenance.json"
            )


def prepare(provider: Provider) -> dict[str, Any]:
    """Build the document the generator reads (does not write it)."""
    check_provenance(provider)
    docs = [load_yaml(provider.folder / name) for name in provider.upstream]
    doc = select(merge(docs), provider.keep_path_prefixes)
    doc = apply_patches(doc, load_patches(provider.patches_dir))
    validate(doc)
    return doc


def dump(doc: dict[str, Any]) -> str:
    """The canonical text of a prepared document (stable across runs)."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_prepared(provider: Provider, doc: dict[str, Any], root: Path | None = None) -> Path:
    target = provider.prepared_path if root is None else root / provider.prepared_path.name
    target.write_text(dump(doc), encoding="utf-8")
    return target
