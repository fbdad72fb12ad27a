"""The project's pipeline. `nox -l` lists the sessions; README.md explains them.

Every tool is pinned in requirements/*.txt, and venvs are reused between runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nox

ROOT = Path(__file__).parent
GENERATED = ["generated/comfy-api-client", "generated/haiper-api-client"]
HANDWRITTEN = ["wrapper/src", "tools", "tests", "bench", "noxfile.py"]
PRISM_DIR = ROOT / "tools" / "prism"

nox.options.reuse_venv = "yes"
nox.options.sessions = ["drift", "lint", "typecheck", "tests"]
nox.options.default_venv_backend = "venv"


def _install_sdk(session: nox.Session) -> None:
    session.install("--quiet", *GENERATED, "./wrapper")


@nox.session
def generate(session: nox.Session) -> None:
    """Prepare specs/*/prepared.json and regenerate generated/ from them."""
    session.install("--quiet", "-r", "requirements/generate.txt")
    session.run("python", "-m", "tools.pipeline", "generate")


@nox.session
def drift(session: nox.Session) -> None:
    """Fail, naming the files, if specs/ or generated/ differ from a fresh pipeline run."""
    session.install("--quiet", "-r", "requirements/generate.txt")
    session.run("python", "-m", "tools.pipeline", "drift")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the handwritten code (never over generated/)."""
    session.install("--quiet", "-r", "requirements/lint.txt")
    paths = [p for p in HANDWRITTEN if (ROOT / p).exists()]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the handwritten code."""
    session.install("--quiet", "-r", "requirements/typecheck.txt", "-r", "requirements/generate.txt")
    _install_sdk(session)
    session.run("mypy", "wrapper/src", "tools")


def _prism(session: nox.Session) -> str:
    """Install Prism from the pinned package-lock; return its executable."""
    prism = PRISM_DIR / "node_modules" / ".bin" / "prism"
    stamp = PRISM_DIR / "node_modules" / ".package-lock.json"
    lock = PRISM_DIR / "package-lock.json"
    if not prism.exists() or not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        npm = shutil.which("npm")
        if npm is None:
            session.error("npm (Node 20+) is needed for the Prism contract tests")
        with session.chdir(PRISM_DIR):
            session.run(npm, "ci", "--no-audit", "--no-fund", "--silent", external=True)
    return str(prism)


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite, against real local servers (the sandbox and Prism)."""
    session.install("--quiet", "-r", "requirements/test.txt", "-r", "requirements/generate.txt")
    _install_sdk(session)
    prism = _prism(session)
    args = session.posargs or ["-q"]
    session.run("pytest", *args, env={"GENVIDEO_PRISM": prism})


@nox.session
def demo(session: nox.Session) -> None:
    """The main job, against the local sandbox: look up, wait with progress, download, print JSON."""
    _install_sdk(session)
    session.run("genvideo", "demo", *session.posargs)
