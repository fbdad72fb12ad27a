"""``nox -s build``: wheels and sdists of the generated clients and genvideo, into ``dist/``.

Builds run without isolation, in the session's environment, whose build backend is pinned
(``requirements/build.txt``): the result does not depend on what an index serves that day,
and building works offline. A checkout whose versions and pins disagree is refused.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path

from .config import WRAPPER_PYPROJECT, Spec
from .versions import version_problems


class BuildRefused(Exception):
    """The checkout is inconsistent (versions, pins) or a build failed."""


def distribution_projects(root: Path, specs: Sequence[Spec]) -> list[Path]:
    """The project folders to build: each generated client, then genvideo."""
    return [s.output_dir for s in specs] + [(root / WRAPPER_PYPROJECT).parent]


def _artifact_prefix(project: Path) -> str:
    name = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]
    return str(name).replace("-", "_").replace(".", "_").lower() + "-"


def build_distributions(root: Path, specs: Sequence[Spec], outdir: Path) -> list[Path]:
    """Build every project into ``outdir`` (replacing earlier artifacts of these projects); the files made."""
    problems = version_problems(root, specs)
    if problems:
        raise BuildRefused("refusing to build an inconsistent checkout:\n" + "\n".join(f"- {p}" for p in problems))
    outdir.mkdir(parents=True, exist_ok=True)
    projects = distribution_projects(root, specs)
    prefixes = tuple(_artifact_prefix(project) for project in projects)
    for old in outdir.iterdir():
        if old.name.lower().startswith(prefixes) and old.name.endswith((".whl", ".tar.gz")):
            old.unlink()
    for project in projects:
        done = subprocess.run(
            [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(project)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BuildRefused(f"building {project} failed:\n{done.stdout}\n{done.stderr}")
    return sorted(p for p in outdir.iterdir() if p.name.lower().startswith(prefixes))
