"""Run openapi-python-client on each prepared document, from a clean output folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .config import LICENSE, TEMPLATES_DIR, Spec


def generate(spec: Spec, document: Path, output: Path, version: str | None = None) -> None:
    """Generate ``spec``'s client project from its prepared ``document`` into ``output`` (deleted first).

    ``--overwrite`` would keep stray files from an earlier run, so the folder is
    removed instead. ``--fail-on-warning`` turns a silently dropped schema into
    an error. The ruff post-hooks must be the pinned ruff beside this Python.

    ``version`` (from ``specs/<spec>/version.json``) becomes the project's
    version: the generator reads a derived copy of ``generator.yaml`` with
    ``package_version_override`` set, written to a scratch folder (the output
    does not depend on where the config lives).

    Templates in ``specs/templates/`` replace the generator's own of the same name, and the
    repository's ``LICENSE`` is copied into the project (its pyproject names it in ``license-files``).
    """
    from .versions import generator_config

    shutil.rmtree(output, ignore_errors=True)
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory() as tmp:
        config = spec.generator_config
        if version is not None:
            config = Path(tmp) / "generator.json"
            derived = {**generator_config(spec), "package_version_override": version}
            config.write_text(json.dumps(derived, indent=2), encoding="utf-8")
        subprocess.run(
            [
                str(bindir / "openapi-python-client"),
                "generate",
                "--path",
                str(document),
                "--config",
                str(config),
                "--meta",
                "pdm",
                "--custom-template-path",
                str(spec.root / TEMPLATES_DIR),
                "--output-path",
                str(output),
                "--fail-on-warning",
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    shutil.copyfile(spec.root / LICENSE, output / "LICENSE")
