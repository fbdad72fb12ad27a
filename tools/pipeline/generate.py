"""Run openapi-python-client on each prepared document, from a clean output folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .config import Provider


def generate(provider: Provider, spec: Path, output: Path) -> None:
    """Generate ``provider``'s client project into ``output`` (deleted first).

    ``--overwrite`` would keep stray files from an earlier run, so the folder is
    removed instead. ``--fail-on-warning`` turns a silently dropped schema into
    an error. The ruff post-hooks must be the pinned ruff beside this Python.
    """
    shutil.rmtree(output, ignore_errors=True)
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        [
            str(bindir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--config",
            str(provider.generator_config),
            "--meta",
            "pdm",
            "--output-path",
            str(output),
            "--fail-on-warning",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
