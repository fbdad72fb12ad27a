"""The distributions: built like `nox -s build`, installed offline into a fresh virtual environment,
and run there against the sandbox, away from the checkout.

The runtime dependencies (requirements/runtime.txt) are downloaded once into a wheelhouse kept in
pytest's cache; after that the test needs no index. The whole module takes about 15 s.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tools.pipeline.build import BuildRefused, build_distributions
from tools.pipeline.config import REPO, load_providers
from tools.pipeline.versions import read_version

pytestmark = pytest.mark.timeout(300)  # a first run downloads the wheelhouse

PROVIDERS = load_providers()
VERSIONS = {p.project_name: read_version(p) for p in PROVIDERS}
WRAPPER = tomllib.loads((REPO / "wrapper/pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = REPO / "requirements/runtime.txt"
PACKAGES = {"genvideo": "genvideo", **{p.project_name: p.package_name for p in PROVIDERS}}


def _clean_env() -> dict[str, str]:
    """No PIP_*/PYTHON* settings from the outer environment: the install must stand on dist/ alone."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    return {**env, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build_distributions(REPO, PROVIDERS, out)
    return out


@pytest.fixture(scope="module")
def wheelhouse(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of the runtime dependencies, downloaded once (the only step that may use the index)."""
    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("genvideo-wheelhouse") if cache is not None else tmp_path_factory.mktemp("wheelhouse")
    stamp = folder / "requirements.txt"
    wanted = RUNTIME.read_text(encoding="utf-8")
    if not stamp.exists() or stamp.read_text(encoding="utf-8") != wanted:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--only-binary=:all:",
                "-d",
                str(folder),
                "-r",
                str(RUNTIME),
            ],
            check=True,
        )
        stamp.write_text(wanted, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def venv(dist: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with genvideo installed from dist/ and the wheelhouse, no index."""
    where = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, env=_clean_env())
    python = where / "bin" / "python"
    pip = [str(python), "-m", "pip", "--quiet"]
    install = ["install", "--no-index", "--find-links", str(dist), "--find-links", str(wheelhouse), "genvideo"]
    subprocess.run(pip + install, check=True, env=_clean_env())
    subprocess.run([*pip, "check"], check=True, env=_clean_env())
    return where


def test_build_makes_a_wheel_and_an_sdist_per_project(dist: Path) -> None:
    names = sorted(p.name for p in dist.iterdir())
    expected = []
    for provider in PROVIDERS:
        recorded = VERSIONS[provider.project_name]
        assert recorded is not None
        stem = f"{provider.package_name}-{recorded.version}"
        expected += [f"{stem}-py3-none-any.whl", f"{stem}.tar.gz"]
    expected += [f"genvideo-{WRAPPER['version']}-py3-none-any.whl", f"genvideo-{WRAPPER['version']}.tar.gz"]
    assert names == sorted(expected)


def test_genvideo_pins_each_generated_client_exactly(dist: Path) -> None:
    (wheel,) = dist.glob("genvideo-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        metadata = Parser().parsestr(zf.read(f"genvideo-{WRAPPER['version']}.dist-info/METADATA").decode())
    requires = [Requirement(r) for r in metadata.get_all("Requires-Dist") or []]
    pins = {r.name: str(r.specifier) for r in requires}
    for provider in PROVIDERS:
        recorded = VERSIONS[provider.project_name]
        assert recorded is not None
        assert pins[provider.project_name] == f"=={recorded.version}"


def test_every_distribution_ships_py_typed(dist: Path) -> None:
    for artifact in dist.iterdir():
        package = next(pkg for name, pkg in PACKAGES.items() if artifact.name.startswith(name.replace("-", "_") + "-"))
        if artifact.suffix == ".whl":
            with zipfile.ZipFile(artifact) as zf:
                members = zf.namelist()
        else:
            with tarfile.open(artifact) as tf:
                members = tf.getnames()
        assert any(m.endswith(f"{package}/py.typed") for m in members), artifact.name


SMOKE = textwrap.dedent(
    """
    import importlib.metadata as md
    import json
    import sys
    from pathlib import Path

    import comfy_api_client
    import genvideo
    import haiper_api_client
    from genvideo.testing import Sandbox

    files = {}
    for module in (genvideo, comfy_api_client, haiper_api_client):
        path = Path(module.__file__).resolve()
        assert (path.parent / "py.typed").is_file(), module.__name__
        files[module.__name__] = str(path)

    with Sandbox() as sb:
        sb.add_creation("vidu", "123")
        client = genvideo.Client(comfy_api_key="sandbox-comfy-key", comfy_base_url=sb.comfy_base_url)
        with client:
            creation = client.wait("vidu:123", poll_interval=0.05)

    print(json.dumps({
        "prefix": str(Path(sys.prefix).resolve()),
        "files": files,
        "state": creation.state.value,
        "versions": {name: md.version(name) for name in ("genvideo", "comfy-api-client", "haiper-api-client")},
        "specs": [[s.provider, s.distribution, s.version, [f.sha256 for f in s.upstream]] for s in genvideo.SPECS],
    }))
    """
)


def test_the_wheels_work_in_a_fresh_venv_away_from_the_checkout(venv: Path, tmp_path: Path) -> None:
    script = tmp_path / "smoke.py"
    script.write_text(SMOKE, encoding="utf-8")
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-I", str(script)],
        cwd=tmp_path,  # not the checkout; -I: no PYTHONPATH, no user site
        env=_clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    prefix = Path(out["prefix"])
    assert prefix == venv.resolve()
    for module, file in out["files"].items():
        assert prefix in Path(file).parents, f"{module} imported from {file}, not the fresh venv"
        assert REPO not in Path(file).parents
    assert out["state"] == "succeeded"
    for provider in PROVIDERS:
        recorded = VERSIONS[provider.project_name]
        assert recorded is not None
        assert out["versions"][provider.project_name] == recorded.version
    expected_specs = [
        [
            p.name,
            p.project_name,
            VERSIONS[p.project_name].version,  # type: ignore[union-attr]
            [hashlib.sha256((p.folder / name).read_bytes()).hexdigest() for name in p.upstream],
        ]
        for p in PROVIDERS
    ]
    assert sorted(out["specs"]) == sorted(expected_specs)


def test_lowest_requirements_are_the_wrapper_lower_bounds() -> None:
    pins = {}
    for line in (REPO / "requirements/lowest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            pins[requirement.name.lower()] = str(requirement.specifier).removeprefix("==")
    runtime = [Requirement(r) for r in WRAPPER["dependencies"]]
    client_names = {p.project_name for p in PROVIDERS}
    for requirement in runtime:
        if requirement.name in client_names:
            continue
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        assert lower, f"{requirement} has no lower bound"
        tested = Version(pins[requirement.name.lower()])
        assert tested == Version(lower[0]), f"requirements/lowest.txt does not test {requirement}'s lower bound"


def test_build_refuses_a_checkout_whose_pins_disagree(tmp_path: Path) -> None:
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    for provider in PROVIDERS:
        target = tmp_path / "generated" / provider.project_name
        target.mkdir(parents=True)
        shutil.copy2(provider.output_dir / "pyproject.toml", target / "pyproject.toml")
    (tmp_path / "wrapper").mkdir()
    text = (REPO / "wrapper/pyproject.toml").read_text(encoding="utf-8")
    recorded = VERSIONS["comfy-api-client"]
    assert recorded is not None
    text = text.replace(f"comfy-api-client=={recorded.version}", "comfy-api-client==0.0.1")
    (tmp_path / "wrapper/pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(BuildRefused, match=r"pin mismatch: .*comfy-api-client==0\.0\.1"):
        build_distributions(tmp_path, load_providers(tmp_path), tmp_path / "dist")
