"""Regenerate into a scratch folder and compare with the checkout, file by file."""

from __future__ import annotations

import difflib
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .config import Provider
from .generate import generate
from .prepare import prepare, write_prepared

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


def find_drift(providers: Sequence[Provider]) -> list[str]:
    """Every difference between a fresh pipeline run and the checkout."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for provider in providers:
            scratch = Path(tmp) / provider.name
            scratch.mkdir()
            spec = write_prepared(provider, prepare(provider), root=scratch)
            out = scratch / provider.project_name
            generate(provider, spec, out)
            rel_spec = provider.prepared_path.relative_to(provider.root).as_posix()
            problems += _compare(
                rel_spec.rsplit("/", 1)[0],
                {spec.name: spec.read_bytes()},
                {spec.name: provider.prepared_path.read_bytes()} if provider.prepared_path.exists() else {},
            )
            problems += _compare(
                provider.output_dir.relative_to(provider.root).as_posix(),
                _files(out),
                _files(provider.output_dir),
            )
    return problems


def check_drift(providers: Sequence[Provider]) -> int:
    """Print the drift report; 0 when the checkout matches the pipeline."""
    problems = find_drift(providers)
    if not problems:
        print("drift check: specs/ and generated/ match the pipeline output")
        return 0
    print("drift check FAILED: the checkout differs from what the pipeline produces.", file=sys.stderr)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    print(
        "Never edit generated/ by hand: change specs/ (patches, pipeline.toml, generator.yaml), "
        "then run `nox -s generate` and commit the result.",
        file=sys.stderr,
    )
    return 1
