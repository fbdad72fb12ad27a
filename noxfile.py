"""The project's pipeline. `nox -l` lists the sessions; README.md explains them.

Every tool is pinned in requirements/*.txt, and venvs are reused between runs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
GENERATED = ["generated/genvideo-comfy-client", "generated/genvideo-haiper-client"]
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
    # stderr=None: progress to the terminal's stderr, the JSON alone on stdout (nox merges them otherwise).
    session.run("genvideo", "demo", *session.posargs, stderr=None)


@nox.session
def build(session: nox.Session) -> None:
    """Wheels and sdists of the two generated clients and genvideo (exact pins) into dist/."""
    session.install("--quiet", "-r", "requirements/build.txt")
    session.run("python", "-m", "tools.pipeline", "build", "--outdir", "dist", *session.posargs)


@nox.session
def lowest(session: nox.Session) -> None:
    """The non-Prism tests against the lowest runtime dependencies genvideo allows (requirements/lowest.txt)."""
    lowest_pins = (ROOT / "requirements" / "lowest.txt").read_text(encoding="utf-8")
    overridden = {line.split("==")[0].strip().lower() for line in lowest_pins.splitlines() if "==" in line}
    tools = [
        line
        for line in (ROOT / "requirements" / "generate.txt").read_text(encoding="utf-8").splitlines()
        if line.split("==")[0].strip().lower() not in overridden
    ]
    with tempfile.TemporaryDirectory() as tmp:  # not session.create_tmp(): it moves TMPDIR into the checkout
        tools_file = Path(tmp) / "generate-without-runtime-pins.txt"
        tools_file.write_text("\n".join(tools) + "\n", encoding="utf-8")
        session.install(
            "--quiet", "-r", "requirements/test.txt", "-r", str(tools_file), "-r", "requirements/lowest.txt"
        )
    session.install("--quiet", "--no-deps", "--force-reinstall", *GENERATED, "./wrapper")
    session.run("python", "-m", "pip", "check")
    skip = ("prism", "test_distribution", "test_spec_update")  # Prism; the build and pipeline tooling
    selected = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py") if not any(s in p.name for s in skip)
    )
    session.run("pytest", "-q", *selected, *session.posargs)


@nox.session(name="update-specs")
def update_specs(session: nox.Session) -> None:
    """Take a new upstream document: `-- PROVIDER [UPSTREAM_FILE] FILE_OR_URL [--source URL]` (see CONTRIBUTING.md)."""
    if not session.posargs:
        session.error(
            "usage: nox -s update-specs -- PROVIDER [UPSTREAM_FILE] FILE_OR_URL [--source URL] [--report FILE]"
        )
    session.install("--quiet", "-r", "requirements/generate.txt")
    session.run("python", "-m", "tools.pipeline", "update", *session.posargs)


@nox.session(name="spec-report")
def spec_report(session: nox.Session) -> None:
    """Change report of specs/*/prepared.json against a git revision: `-- REVISION` (CI attaches it)."""
    base = session.posargs[0] if session.posargs else "origin/main"
    session.install("--quiet", "-r", "requirements/generate.txt")
    session.run("python", "-m", "tools.pipeline", "report", "--base", base, "--output", "build/spec-report.md")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against local servers (overhead, waits, download, import, regeneration); `-- --quick` for <1 min."""
    session.install("--quiet", "-r", "requirements/generate.txt")
    _install_sdk(session)
    session.run("python", "-m", "bench.run", *session.posargs)


@nox.session
def audit(session: nox.Session) -> None:
    """pip-audit over the pinned dependency set; skips (exit 0) when no vulnerability database answers."""
    session.install("--quiet", "-r", "requirements/audit.txt")
    session.install("--quiet", "-c", "requirements/generate.txt", *GENERATED, "./wrapper")
    # tools.audit exits 3 (and says SKIPPED) when no database answered; 1 on findings.
    output = str(session.run("python", "-m", "tools.audit", success_codes=[0, 3], silent=True))
    session.log(output.strip())
    if "SKIPPED:" in output:
        session.skip("no vulnerability database could be reached: nothing was audited")
