"""Regenerate into a scratch folder and compare with the checkout, file by file.

Also checks that each client's recorded version matches its content (``version.json``),
and, when the checkout has the wrapper, genvideo's exact pins and ``_specs.py``.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .config import LICENSE, README, SPECS_MODULE, WRAPPER_LICENSE, WRAPPER_PYPROJECT, WRAPPER_README, Spec
from .generate import generate
from .id_paths import ID_PATHS, render_id_paths
from .package_readme import render_package_readme
from .prepare import dump, prepare, write_prepared
from .registry_json import REGISTRY_JSON, REGISTRY_TOML, render_registry_json
from .request_schemas import REQUEST_SCHEMAS, render_request_schemas
from .specs_module import render_specs_module
from .versions import FIRST_VERSION, content_digest, read_version, version_problems

# Build and tool caches that installing or testing the projects leaves behind.
_IGNORED_PARTS = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pdm-build", "build", "dist", ".pytest_cache"}
_MAX_DIFF_LINES = 40


def _files(root: Path) -> dict[str, bytes]:
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not _IGNORED_PARTS.intersection(p.relative_to(root).parts)
    }


def _compare(label: str, expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    problems = []
    for name in sorted(expected.keys() | actual.keys()):
        where = f"{label}/{name}"
        if name not in actual:
            problems.append(f"missing: {where}")
        elif name not in expected:
            problems.append(f"not produced by the pipeline (stray file): {where}")
        elif expected[name] != actual[name]:
            diff = list(
                difflib.unified_diff(
                    expected[name].decode("utf-8", "replace").splitlines(),
                    actual[name].decode("utf-8", "replace").splitlines(),
                    f"pipeline/{where}",
                    f"checkout/{where}",
                    lineterm="",
                )
            )
            more = len(diff) - _MAX_DIFF_LINES
            shown = diff[:_MAX_DIFF_LINES] + ([f"... {more} more diff lines"] if more > 0 else [])
            problems.append(f"differs: {where}\n" + "\n".join("    " + line for line in shown))
    return problems


def find_drift(specs: Sequence[Spec]) -> list[str]:
    """Every difference between a fresh pipeline run and the checkout."""
    problems: list[str] = []
    if not specs:
        return problems
    root = specs[0].root
    prepared: dict[str, dict[str, object]] = {}
    versions: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for spec in specs:
            scratch = Path(tmp) / spec.name
            scratch.mkdir()
            doc = prepare(spec)
            prepared_file = write_prepared(spec, doc, root=scratch)
            recorded = read_version(spec)
            if recorded is not None and recorded.content_sha256 != content_digest(spec, dump(doc)):
                problems.append(
                    f"stale version: {spec.version_path.relative_to(root).as_posix()} records the digest of "
                    "other content (the prepared spec, generator.yaml or the generator version changed); "
                    "run `nox -s generate`, which bumps the version and genvideo's pin"
                )
            versions[spec.name] = recorded.version if recorded else FIRST_VERSION
            prepared[spec.name] = doc
            out = scratch / spec.project_name
            generate(spec, prepared_file, out, versions[spec.name])
            rel_spec = spec.prepared_path.relative_to(spec.root).as_posix()
            problems += _compare(
                rel_spec.rsplit("/", 1)[0],
                {prepared_file.name: prepared_file.read_bytes()},
                {prepared_file.name: spec.prepared_path.read_bytes()} if spec.prepared_path.exists() else {},
            )
            problems += _compare(
                spec.output_dir.relative_to(spec.root).as_posix(),
                _files(out),
                _files(spec.output_dir),
            )
    problems += version_problems(root, specs)
    if (root / WRAPPER_PYPROJECT).exists():
        module = root / SPECS_MODULE
        problems += _compare(
            SPECS_MODULE.parent.as_posix(),
            {module.name: render_specs_module(specs, versions, prepared).encode("utf-8")},
            {module.name: module.read_bytes()} if module.exists() else {},
        )
        expected = {WRAPPER_LICENSE: (root / LICENSE).read_bytes()}
        # From the checkout's generated code, which the comparison above checks against a fresh run.
        packages = [spec.output_dir / spec.package_name for spec in specs]
        expected[ID_PATHS] = render_id_paths(packages).encode("utf-8")
        if (root / REGISTRY_TOML).exists():
            toml_text = (root / REGISTRY_TOML).read_text(encoding="utf-8")
            expected[REGISTRY_JSON] = render_registry_json(toml_text).encode("utf-8")
        if (root / REQUEST_SCHEMAS).parent.is_dir():  # the sandbox's package (absent in partial copies)
            expected[REQUEST_SCHEMAS] = render_request_schemas(prepared).encode("utf-8")
        if (root / README).exists():
            readme = render_package_readme((root / README).read_text(encoding="utf-8"))
            expected[WRAPPER_README] = readme.encode("utf-8")
        for target, data in expected.items():
            copy = root / target
            problems += _compare(
                target.parent.as_posix(), {copy.name: data}, {copy.name: copy.read_bytes()} if copy.exists() else {}
            )
    return problems


def check_drift(specs: Sequence[Spec]) -> int:
    """Print the drift report; 0 when the checkout matches the pipeline."""
    problems = find_drift(specs)
    if not problems:
        print(
            "drift check: specs/, generated/, versions, pins, _specs.py, _id_paths.json, providers.json, LICENSE and"
            " README copies are current"
        )
        return 0
    print("drift check FAILED: the checkout differs from what the pipeline produces.", file=sys.stderr)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    print(
        "Never edit generated/, version.json, genvideo's client pins, _specs.py, _id_paths.json or providers.json by "
        "hand: change specs/ (patches, pipeline.toml, generator.yaml) or providers.toml, then run `nox -s generate` "
        "and commit the result.",
        file=sys.stderr,
    )
    return 1
