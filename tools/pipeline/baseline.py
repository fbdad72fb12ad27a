"""Change reports of the checkout's prepared specs against a git revision (CI's artifact for a spec change)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from typing import Any

from .config import Spec
from .regenerate import load_prepared
from .report import Report, diff_documents
from .states import load_state_maps


def _at_revision(spec: Spec, revision: str, name: str) -> Any:
    """``specs/<spec>/<name>`` as of ``revision`` (None when it did not exist)."""
    path = spec.folder.relative_to(spec.root) / name
    done = subprocess.run(
        ["git", "show", f"{revision}:{path.as_posix()}"],
        cwd=spec.root,
        capture_output=True,
        check=False,
    )
    return json.loads(done.stdout) if done.returncode == 0 else None


def reports_against(specs: Sequence[Spec], revision: str) -> list[Report]:
    """One report per spec: its prepared document at ``revision`` -> in the checkout."""
    if not specs:
        return []
    state_maps = load_state_maps(specs[0].root)
    reports = []
    for spec in specs:
        old = _at_revision(spec, revision, "prepared.json") or {}
        report = diff_documents(spec.name, old, load_prepared(spec), state_maps)
        old_version = (_at_revision(spec, revision, "version.json") or {}).get("version")
        new_version = _read_version(spec)
        report.notes.append(f"prepared spec at `{revision}` -> the checkout")
        report.notes.append(f"`{spec.project_name}`: {old_version or '(none)'} -> {new_version or '(none)'}")
        reports.append(report)
    return reports


def _read_version(spec: Spec) -> str | None:
    if not spec.version_path.exists():
        return None
    version = json.loads(spec.version_path.read_text(encoding="utf-8")).get("version")
    return str(version) if version else None
