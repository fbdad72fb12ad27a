"""The project's pipeline. `nox -l` lists the sessions; README.md explains them.

Every tool is pinned in requirements/*.txt, and venvs are reused between runs.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
GENERATED = ["generated/genvideo-comfy-client", "generated/genvideo-haiper-client"]
HANDWRITTEN = ["wrapper/src", "tools", "tests", "bench", "noxfile.py"]
PRISM_DIR = ROOT / "tools" / "prism"
REQUIREMENTS = ROOT / "requirements"
#: The tests that exercise genvideo's runtime dependencies: all but those that build the distributions
#: (`dist`) or run the spec pipeline's generator (`pipeline`), whose tools are pinned whatever genvideo
#: allows. `lowest` and `latest` run these; `tests` runs everything. The markers are registered in
#: pyproject.toml; a test module that needs Prism is marked `prism` (`-m "not prism"` leaves it out).
RUNTIME_TESTS = "not dist and not pipeline"

nox.options.reuse_venv = "yes"
nox.options.sessions = ["drift", "lint", "typecheck", "tests"]
nox.options.default_venv_backend = "venv"


def _install_sdk(session: nox.Session) -> None:
    session.install("--quiet", *GENERATED, "./wrapper")


def _project(line: str) -> str:
    """The normalised project name of a ``name==version`` requirements line."""
    return re.sub(r"[-_.]+", "-", line.split("==")[0].strip()).lower()


def _pinned_names(path: Path) -> set[str]:
    """The projects a requirements file pins (``name==version`` lines), normalised."""
    return {_project(line) for line in path.read_text(encoding="utf-8").splitlines() if "==" in line}


def _show_runtime(session: nox.Session) -> None:
    """Log the installed versions of genvideo's runtime dependencies (named in requirements/runtime.txt, lowest.txt)."""
    names = _pinned_names(REQUIREMENTS / "runtime.txt") | _pinned_names(REQUIREMENTS / "lowest.txt")
    installed = str(session.run("python", "-m", "pip", "list", "--format=freeze", silent=True))
    session.log("tested with " + ", ".join(sorted(x for x in installed.splitlines() if _project(x) in names)))


def _install_tools_without(session: nox.Session, leave_out: set[str], *requirements: str) -> None:
    """requirements/test.txt, requirements/generate.txt less the ``leave_out`` projects, and ``requirements``."""
    tools = [
        line
        for line in (REQUIREMENTS / "generate.txt").read_text(encoding="utf-8").splitlines()
        if _project(line) not in leave_out
    ]
    with tempfile.TemporaryDirectory() as tmp:  # not session.create_tmp(): it moves TMPDIR into the checkout
        tools_file = Path(tmp) / "generate-less-runtime.txt"
        tools_file.write_text("\n".join(tools) + "\n", encoding="utf-8")
        session.install("--quiet", "-r", "requirements/test.txt", "-r", str(tools_file), *requirements)


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
    """ruff over the handwritten code (never over generated/); jactionlint over the workflows; shellcheck."""
    session.install("--quiet", "-r", "requirements/lint.txt")
    paths = [p for p in HANDWRITTEN if (ROOT / p).exists()]
    session.run("ruff", "check", *paths)
    session.run("ruff", "format", "--check", *paths)
    # Every workflow: syntax, expressions, action inputs, SHA pins, permissions, concurrency; the `run:`
    # scripts through the pinned shellcheck and ruff. Never asks GitHub (--no-online). The files are named:
    # without them jactionlint looks for a git work tree, which an unpacked archive of the repo is not.
    bindir = Path(session.bin)
    linters = [f"--shellcheck={bindir / 'shellcheck'}", f"--ruff={bindir / 'ruff'}"]
    workflows = sorted(str(p.relative_to(ROOT)) for p in ROOT.glob(".github/workflows/*.y*ml"))
    session.run("jactionlint", "--no-online", "--no-color", *linters, *workflows)
    session.run("shellcheck", "dev", ".ci/run", *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("tools/*.sh")))


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over the handwritten code: the SDK, tools, tests and benchmarks."""
    session.install(
        "--quiet",
        "-r",
        "requirements/typecheck.txt",
        "-r",
        "requirements/generate.txt",
        "-r",
        "requirements/test.txt",
        "-r",
        "requirements/aiohttp.txt",
    )
    _install_sdk(session)
    session.run("mypy", "wrapper/src", "tools", "tests", "bench")


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
    # typecheck.txt: mypy, for the test that type-checks user code calling the clients
    session.install(
        "--quiet",
        "-r",
        "requirements/test.txt",
        "-r",
        "requirements/generate.txt",
        "-r",
        "requirements/typecheck.txt",
        "-r",
        "requirements/aiohttp.txt",
    )
    _install_sdk(session)
    prism = _prism(session)
    args = session.posargs or ["-q"]
    # Here the aiohttp backend's tests must run: a missing aiohttp fails them instead of skipping them.
    session.run("pytest", *args, env={"GENVIDEO_PRISM": prism, "GENVIDEO_TEST_AIOHTTP": "required"})


#: wrapper/README.md (genvideo's PyPI page) from README.md, as `python -m tools.pipeline generate` writes it
#: (tools/pipeline/package_readme.py), without running the generator.
_WRITE_PACKAGE_README = """
from tools.pipeline.config import README, WRAPPER_README
from tools.pipeline.package_readme import render_package_readme
WRAPPER_README.write_bytes(render_package_readme(README.read_text(encoding="utf-8")).encode("utf-8"))
"""


@nox.session
def readme(session: nox.Session) -> None:
    """Rewrite README.md's generated table (the fault matrix: tests/support/faultmatrix.py), then wrapper/README.md."""
    _install_sdk(session)
    session.run("python", "-m", "tests.support.faultmatrix", "--write")
    session.run("python", "-c", _WRITE_PACKAGE_README)


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
    """The tests (Prism's too) against the lowest runtime dependencies genvideo allows (requirements/lowest.txt)."""
    _install_tools_without(session, _pinned_names(REQUIREMENTS / "lowest.txt"), "-r", "requirements/lowest.txt")
    session.install("--quiet", "--no-deps", "--force-reinstall", *GENERATED, "./wrapper")
    session.run("python", "-m", "pip", "check")
    _show_runtime(session)
    prism = _prism(session)
    session.run("pytest", "-q", "-m", RUNTIME_TESTS, *session.posargs, env={"GENVIDEO_PRISM": prism})


@nox.session
def latest(session: nox.Session) -> None:
    """The tests (Prism's too) against the newest runtime dependencies the index serves (httpx, attrs, dateutil...)."""
    # openapi-python-client caps httpx below the newest releases genvideo allows: the generator is left
    # out here (its tests are `pipeline`, deselected); so are the pins of genvideo's runtime tree
    # (requirements/runtime.txt), which the eager upgrade below takes to their newest versions.
    _install_tools_without(session, {"openapi-python-client"} | _pinned_names(REQUIREMENTS / "runtime.txt"))
    session.install("--quiet", "--upgrade", "--upgrade-strategy", "eager", *GENERATED, "./wrapper")
    session.run("python", "-m", "pip", "check")
    _show_runtime(session)
    prism = _prism(session)
    session.run("pytest", "-q", "-m", RUNTIME_TESTS, *session.posargs, env={"GENVIDEO_PRISM": prism})


@nox.session(name="update-specs")
def update_specs(session: nox.Session) -> None:
    """Take a new upstream document: `-- SPEC [UPSTREAM_FILE] FILE_OR_URL [--source URL]` (see CONTRIBUTING.md)."""
    if not session.posargs:
        session.error("usage: nox -s update-specs -- SPEC [UPSTREAM_FILE] FILE_OR_URL [--source URL] [--report FILE]")
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
    # aiohttp too: the fleet and download sections measure AsyncClient on both of its transports.
    session.install("--quiet", "-r", "requirements/generate.txt", "-r", "requirements/aiohttp.txt")
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
