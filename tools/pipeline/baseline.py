"""Change reports of the checkout's prepared specs against a git revision (CI's artifact for a spec change)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Sequence
from typing import Any

from .config import Provider
from .regenerate import load_prepared
from .report import Report, diff_documents
from .states import load_state_maps


def _at_revision(provider: Provider, revision: str, name: str) -> Any:
    """``specs/<provider>/<name>`` as of ``revision`` (None when it did not exist)."""
    path = provider.folder.relative_to(provider.root) / name
    done = subprocess.run(
        ["git", "show", f"{revision}:{path.as_posix()}"],
        cwd=provider.root,
        capture_output=True,
        check=False,
    )
    return json.loads(done.stdout) if done.returncode == 0 else None


def reports_against(providers: Sequence[Provider], revision: str) -> list[Report]:
    """One report per provider: its prepared spec at ``revision`` -> in the checkout."""
    if not providers:
        return []
    state_maps = load_state_maps(providers[0].root)
    reports = []
    for provider in providers:
        old = _at_revision(provider, revision, "prepared.json") or {}
        report = diff_documents(provider.name, old, load_prepared(provider), state_maps)
        old_version = (_at_revision(provider, revision, "version.json") or {}).get("version")
        new_version = _read_version(provider)
        report.notes.append(f"prepared spec at `{revision}` -> the checkout")
        report.notes.append(f"`{provider.project_name}`: {old_version or '(none)'} -> {new_version or '(none)'}")
        reports.append(report)
    return reports


def _read_version(provider: Provider) -> str | None:
    if not provider.version_path.exists():
        return None
    version = json.loads(provider.version_path.read_text(encoding="utf-8")).get("version")
    return str(version) if version else None
