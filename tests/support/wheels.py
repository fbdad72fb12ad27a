"""Support for the distribution tests: build the wheels, fetch their dependencies once, and install
them into fresh virtual environments with the exact command the README gives users.

The runtime dependencies (requirements/runtime.txt) are downloaded once into a wheelhouse kept in
pytest's cache (the only step that may use the package index); installs then run with no index.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from tools.pipeline.build import build_distributions
from tools.pipeline.config import REPO, load_specs

RUNTIME = REPO / "requirements/runtime.txt"
# The README's install command sits in the first console block after this marker.
INSTALL_MARKER = "<!-- install-command -->"


def clean_env(**extra: str) -> dict[str, str]:
    """No PIP_*/PYTHON* settings from the outer environment: an install must stand on what it is given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1", **extra}


def build_release(outdir: Path) -> Path:
    """What `./dev -s build` makes, in ``outdir`` (a folder named ``dist``)."""
    build_distributions(REPO, load_specs(), outdir)
    return outdir


def fill_wheelhouse(folder: Path) -> Path:
    """Wheels of the runtime dependencies in ``folder``, downloaded when requirements/runtime.txt changed."""
    stamp = folder / "requirements.txt"
    wanted = RUNTIME.read_text(encoding="utf-8")
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "-d", str(folder)]
        subprocess.run([*command, "-r", str(RUNTIME)], check=True)
        stamp.write_text(wanted, encoding="utf-8")
    return folder


def readme_install_command() -> str:
    """The one install command the README prints for users (after building with `./dev -s build`)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    _, marker, rest = text.partition(INSTALL_MARKER)
    assert marker, f"README.md has no {INSTALL_MARKER} marker"
    block = re.search(r"```console\n(.*?)```", rest, re.DOTALL)
    assert block is not None, "no console block after the install marker"
    commands = [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]
    installs = [c for c in commands if " pip install " in f" {c} "]
    assert len(installs) == 1, f"expected one pip install line in the README's install block, got {installs}"
    return installs[0]


def install_like_a_user(venv: Path, dist: Path, wheelhouse: Path) -> None:
    """Make ``venv`` and run the README's install command in ``dist``'s parent folder, with no index.

    ``python`` on PATH is the new venv's; the runtime dependencies come from ``wheelhouse`` only.
    """
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=clean_env())
    env = clean_env(
        PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        VIRTUAL_ENV=str(venv),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheelhouse),
    )
    command = readme_install_command()
    assert shlex.split(command)[0] == "python", command
    done = subprocess.run(
        ["bash", "-c", command], cwd=dist.parent, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command!r} failed:\n{done.stdout}\n{done.stderr}"
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "check"], check=True, env=clean_env())


TEST_REQUIREMENTS = REPO / "requirements/test.txt"


def pinned(name: str, requirements: Path = TEST_REQUIREMENTS) -> str:
    """The ``name==version`` pin of ``name`` in a requirements file (its own lines; ``-r`` is not followed)."""
    for line in requirements.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        project, _, version = requirement.partition("==")
        if version and re.sub(r"[-_.]+", "-", project).lower() == re.sub(r"[-_.]+", "-", name).lower():
            return f"{project}=={version}"
    raise LookupError(f"{requirements.name} pins no {name}")


def fill_extra_wheelhouse(folder: Path, *requirements: str) -> Path:
    """Wheels of ``requirements`` and their dependencies in ``folder``, downloaded when the list changed.

    For tools a test installs into a user's venv besides genvideo (e.g. ``pinned("pytest")``), kept apart
    from the runtime wheelhouse so that the README's install command is still tested against exactly that.
    """
    stamp = folder / "requirements.txt"
    wanted = "".join(f"{r}\n" for r in requirements)
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "-d", str(folder)]
        subprocess.run([*command, *requirements], check=True)
        stamp.write_text(wanted, encoding="utf-8")
    return folder
