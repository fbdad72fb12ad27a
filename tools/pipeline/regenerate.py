"""``nox -s generate``: prepared specs, versions, generated clients, genvideo's pins and ``_specs.py``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .config import LICENSE, README, SPECS_MODULE, WRAPPER_LICENSE, WRAPPER_PYPROJECT, WRAPPER_README, Spec
from .generate import generate
from .id_paths import ID_PATHS, render_id_paths
from .package_readme import render_package_readme
from .prepare import dump, prepare, write_prepared
from .registry_json import REGISTRY_JSON, REGISTRY_TOML, render_registry_json
from .request_schemas import REQUEST_SCHEMAS, render_request_schemas
from .specs_module import render_specs_module
from .versions import ClientVersion, content_digest, next_version, read_version, write_version, write_wrapper_pins


@dataclass(frozen=True)
class VersionChange:
    """One client's version before and after a pipeline run (``before`` is None for a first run)."""

    spec: str
    project_name: str
    before: str | None
    after: str

    @property
    def bumped(self) -> bool:
        return self.before != self.after


def regenerate(root: Path, specs: Sequence[Spec]) -> list[VersionChange]:
    """Prepare every spec, bump versions whose content changed, regenerate, rewrite pins, ``_specs.py``,
    genvideo's copy of ``LICENSE`` and its package readme.

    The wrapper files are written only when ``root`` has ``wrapper/pyproject.toml``.
    """
    changes: list[VersionChange] = []
    prepared: dict[str, dict[str, object]] = {}
    versions: dict[str, ClientVersion] = {}
    for spec in specs:
        doc = prepare(spec)
        prepared_file = write_prepared(spec, doc)
        recorded = read_version(spec)
        current = next_version(recorded, content_digest(spec, dump(doc)))
        write_version(spec, current)
        generate(spec, prepared_file, spec.output_dir, current.version)
        prepared[spec.name] = doc
        versions[spec.name] = current
        before = recorded.version if recorded else None
        changes.append(VersionChange(spec.name, spec.project_name, before, current.version))
    if (root / WRAPPER_PYPROJECT).exists():
        write_wrapper_pins(root, {s.project_name: versions[s.name].version for s in specs})
        module = root / SPECS_MODULE
        module.parent.mkdir(parents=True, exist_ok=True)
        text = render_specs_module(specs, {n: v.version for n, v in versions.items()}, prepared)
        if not module.exists() or module.read_text(encoding="utf-8") != text:
            module.write_text(text, encoding="utf-8")
        _write_if_changed(root / WRAPPER_LICENSE, (root / LICENSE).read_bytes())
        packages = [spec.output_dir / spec.package_name for spec in specs]
        _write_if_changed(root / ID_PATHS, render_id_paths(packages).encode("utf-8"))
        if (root / REGISTRY_TOML).exists():
            registry = render_registry_json((root / REGISTRY_TOML).read_text(encoding="utf-8"))
            _write_if_changed(root / REGISTRY_JSON, registry.encode("utf-8"))
        if (root / REQUEST_SCHEMAS).parent.is_dir():  # the sandbox's package (absent in partial copies)
            _write_if_changed(root / REQUEST_SCHEMAS, render_request_schemas(prepared).encode("utf-8"))
        if (root / README).exists():
            package_readme = render_package_readme((root / README).read_text(encoding="utf-8"))
            _write_if_changed(root / WRAPPER_README, package_readme.encode("utf-8"))
    return changes


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def print_changes(changes: Sequence[VersionChange]) -> None:
    for change in changes:
        if change.bumped:
            print(f"{change.project_name}: {change.before or '(new)'} -> {change.after} (content changed)")
        else:
            print(f"{change.project_name}: {change.after} (unchanged)")


def load_prepared(spec: Spec) -> dict[str, object]:
    """The checkout's prepared document ({} when there is none yet)."""
    if not spec.prepared_path.exists():
        return {}
    data = json.loads(spec.prepared_path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}
