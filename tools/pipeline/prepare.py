"""Upstream documents -> ``specs/<spec>/prepared.json``, validated."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate

from ._yaml import load_yaml
from .config import Spec
from .patches import apply_patches, load_patches
from .select import merge, select


class ProvenanceMismatch(Exception):
    """An upstream file's bytes differ from the checksum its provenance records."""


def check_provenance(spec: Spec) -> None:
    """Every upstream file is listed in ``provenance.json`` with its exact sha256."""
    record = json.loads((spec.folder / "provenance.json").read_text(encoding="utf-8"))
    listed = {d["file"]: d["sha256"] for d in record["documents"]}
    for name in spec.upstream:
        digest = hashlib.sha256((spec.folder / name).read_bytes()).hexdigest()
        if listed.get(name) != digest:
            raise ProvenanceMismatch(f"{spec.name}/{name}: sha256 {digest} is not the one recorded in provenance.json")


def prepare(spec: Spec) -> dict[str, Any]:
    """Build the document the generator reads (does not write it)."""
    check_provenance(spec)
    docs = [load_yaml(spec.folder / name) for name in spec.upstream]
    doc = select(merge(docs), spec.keep_path_prefixes)
    doc = apply_patches(doc, load_patches(spec.patches_dir))
    validate(doc)
    return doc


def dump(doc: dict[str, Any]) -> str:
    """The canonical text of a prepared document (stable across runs)."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def write_prepared(spec: Spec, doc: dict[str, Any], root: Path | None = None) -> Path:
    target = spec.prepared_path if root is None else root / spec.prepared_path.name
    target.write_text(dump(doc), encoding="utf-8")
    return target
