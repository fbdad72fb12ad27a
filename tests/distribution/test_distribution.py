"""The distributions: built like `./dev -s build`, installed offline into a fresh virtual environment with
the README's install command, and run there against the sandbox, away from the checkout.

The fixtures (`release_dist`, `wheelhouse`, `user_venv`) live in tests/conftest.py and tests/support/wheels.py.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import textwrap
import tomllib
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support.wheels import clean_env, readme_install_command
from tools.pipeline.build import BuildRefused, build_distributions
from tools.pipeline.config import REPO, load_specs
from tools.pipeline.versions import read_version

pytestmark = [pytest.mark.dist, pytest.mark.timeout(300)]  # a first run downloads the wheelhouse

SPECS = load_specs()
VERSIONS = {p.project_name: read_version(p) for p in SPECS}
WRAPPER = tomllib.loads((REPO / "wrapper/pyproject.toml").read_text(encoding="utf-8"))["project"]
PACKAGES = {"genvideo": "genvideo", **{p.project_name: p.package_name for p in SPECS}}


def test_build_makes_a_wheel_and_an_sdist_per_project(release_dist: Path) -> None:
    names = sorted(p.name for p in release_dist.iterdir())
    expected = []
    for spec in SPECS:
        recorded = VERSIONS[spec.project_name]
        assert recorded is not None
        stem = f"{spec.package_name}-{recorded.version}"
        expected += [f"{stem}-py3-none-any.whl", f"{stem}.tar.gz"]
    expected += [f"genvideo-{WRAPPER['version']}-py3-none-any.whl", f"genvideo-{WRAPPER['version']}.tar.gz"]
    assert names == sorted(expected)


def test_genvideo_pins_each_generated_client_exactly(release_dist: Path) -> None:
    (wheel,) = release_dist.glob("genvideo-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        metadata = Parser().parsestr(zf.read(f"genvideo-{WRAPPER['version']}.dist-info/METADATA").decode())
    requires = [Requirement(r) for r in metadata.get_all("Requires-Dist") or []]
    pins = {r.name: str(r.specifier) for r in requires}
    for spec in SPECS:
        recorded = VERSIONS[spec.project_name]
        assert recorded is not None
        assert pins[spec.project_name] == f"=={recorded.version}"


def test_every_distribution_ships_py_typed(release_dist: Path) -> None:
    for artifact in release_dist.iterdir():
        package = next(pkg for name, pkg in PACKAGES.items() if artifact.name.startswith(name.replace("-", "_") + "-"))
        assert any(m.endswith(f"{package}/py.typed") for m in _members(artifact)), artifact.name


OWNED = tomllib.loads((REPO / "tools/pipeline/owned.toml").read_text(encoding="utf-8"))


def _members(artifact: Path) -> list[str]:
    if artifact.suffix == ".whl":
        with zipfile.ZipFile(artifact) as zf:
            return zf.namelist()
    with tarfile.open(artifact) as tf:
        return tf.getnames()


def _wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as zf:
        (name,) = (n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(zf.read(name).decode("utf-8"))


def _wheel_packages(wheel: Path) -> set[str]:
    """The top-level import names a wheel installs (its .dist-info aside)."""
    tops = {m.split("/", 1)[0] for m in _members(wheel)}
    return {top.removesuffix(".py") for top in tops if not top.endswith(".dist-info")}


def test_every_name_we_build_is_one_we_own(release_dist: Path) -> None:
    owned_dists = {canonicalize_name(n) for n in OWNED["distributions"]}
    owned_packages = set(OWNED["import_packages"])
    # What we configure...
    assert {canonicalize_name(p.project_name) for p in SPECS} | {canonicalize_name(WRAPPER["name"])} <= owned_dists
    assert {p.package_name for p in SPECS} | {"genvideo"} <= owned_packages
    # ...and what we actually build.
    wheels = sorted(release_dist.glob("*.whl"))
    assert len(wheels) == len(OWNED["distributions"])
    for wheel in wheels:
        assert canonicalize_name(_wheel_metadata(wheel)["Name"]) in owned_dists, wheel.name
        assert _wheel_packages(wheel) <= owned_packages, (wheel.name, _wheel_packages(wheel))
    for sdist in release_dist.glob("*.tar.gz"):
        name = sdist.name.removesuffix(".tar.gz").rsplit("-", 1)[0]
        assert canonicalize_name(name) in owned_dists, sdist.name


def test_no_two_of_our_wheels_can_shadow_each_other(release_dist: Path) -> None:
    seen: dict[str, str] = {}
    for wheel in sorted(release_dist.glob("*.whl")):
        packages = _wheel_packages(wheel)
        assert len(packages) == 1, f"{wheel.name} installs several top-level names: {packages}"
        for package in packages:
            assert package not in seen, f"{wheel.name} and {seen[package]} both install {package}"
            assert package not in sys.stdlib_module_names, f"{package} shadows a standard-library module"
            seen[package] = wheel.name
        files = {m for m in _members(wheel) if not m.endswith("/")}
        for other in sorted(release_dist.glob("*.whl")):
            if other != wheel:
                assert not files & set(_members(other)), f"{wheel.name} and {other.name} install the same files"


def test_every_distribution_ships_its_license_and_pep639_metadata(release_dist: Path) -> None:
    license_text = (REPO / "LICENSE").read_bytes()
    for artifact in sorted(release_dist.iterdir()):
        if artifact.suffix == ".whl":
            with zipfile.ZipFile(artifact) as zf:
                (name,) = (n for n in zf.namelist() if n.endswith(".dist-info/licenses/LICENSE"))
                assert zf.read(name) == license_text, artifact.name
            metadata = _wheel_metadata(artifact)
            assert metadata["License-Expression"] == "MIT", artifact.name
            assert metadata.get_all("License-File") == ["LICENSE"], artifact.name
            assert Version(metadata["Metadata-Version"]) >= Version("2.4"), artifact.name
            classifiers = metadata.get_all("Classifier") or []
            for minor in ("3.11", "3.12", "3.13"):
                assert f"Programming Language :: Python :: {minor}" in classifiers, (artifact.name, minor)
            assert not any(c.startswith("License ::") for c in classifiers), "PEP 639: no license classifiers"
            assert metadata.get_all("Project-URL"), artifact.name
        else:
            with tarfile.open(artifact) as tf:
                (member,) = (m for m in tf.getmembers() if m.name.count("/") == 1 and m.name.endswith("/LICENSE"))
                extracted = tf.extractfile(member)
                assert extracted is not None
                assert extracted.read() == license_text, artifact.name


def test_the_wheels_accept_todays_httpx_and_refuse_httpx_1(release_dist: Path) -> None:
    for wheel in sorted(release_dist.glob("*.whl")):
        requires = [Requirement(r) for r in _wheel_metadata(wheel).get_all("Requires-Dist") or []]
        (httpx,) = (r for r in requires if r.name == "httpx")
        assert httpx.specifier.contains("0.29.0"), (wheel.name, str(httpx))
        assert httpx.specifier.contains("0.24.0"), (wheel.name, str(httpx))
        assert not httpx.specifier.contains("1.0.0"), (wheel.name, str(httpx))
        assert not httpx.specifier.contains("1.0.0.dev1", prereleases=True), (wheel.name, str(httpx))


def test_genvideos_pypi_page_is_the_readme_without_its_dev_only_parts(release_dist: Path) -> None:
    (wheel,) = release_dist.glob("genvideo-*.whl")
    description = _wheel_metadata(wheel).get_payload()
    assert isinstance(description, str)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert description.strip() == (REPO / "wrapper/README.md").read_text(encoding="utf-8").strip()
    assert readme_install_command() in description
    for section in ("## Install", "## The API", "## Command line", "## Security", "## Versions and compatibility"):
        assert section in description, section
    assert "## Two commands" in readme
    assert "## Two commands" not in description
    assert "./dev test" not in description


SMOKE = textwrap.dedent(
    """
    import importlib.metadata as md
    import json
    import sys
    from pathlib import Path

    import genvideo_comfy_client
    import genvideo
    import genvideo_haiper_client
    from genvideo.testing import Sandbox

    files = {}
    for module in (genvideo, genvideo_comfy_client, genvideo_haiper_client):
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
        "version": genvideo.__version__,
        "files": files,
        "state": creation.state.value,
        "versions": {
            name: md.version(name) for name in ("genvideo", "genvideo-comfy-client", "genvideo-haiper-client")
        },
        "specs": [[s.spec, s.distribution, s.version, [f.sha256 for f in s.upstream]] for s in genvideo.SPECS],
    }))
    """
)


def test_the_wheels_work_in_a_fresh_venv_away_from_the_checkout(user_venv: Path, tmp_path: Path) -> None:
    script = tmp_path / "smoke.py"
    script.write_text(SMOKE, encoding="utf-8")
    done = subprocess.run(
        [str(user_venv / "bin" / "python"), "-I", str(script)],
        cwd=tmp_path,  # not the checkout; -I: no PYTHONPATH, no user site
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    prefix = Path(out["prefix"])
    assert prefix == user_venv.resolve()
    for module, file in out["files"].items():
        assert prefix in Path(file).parents, f"{module} imported from {file}, not the fresh venv"
        assert REPO not in Path(file).parents
    assert out["state"] == "succeeded"
    assert out["version"] == WRAPPER["version"]  # __version__ is the installed metadata's
    for spec in SPECS:
        recorded = VERSIONS[spec.project_name]
        assert recorded is not None
        assert out["versions"][spec.project_name] == recorded.version
    expected_specs = [
        [
            p.name,
            p.project_name,
            VERSIONS[p.project_name].version,  # type: ignore[union-attr]
            [hashlib.sha256((p.folder / name).read_bytes()).hexdigest() for name in p.upstream],
        ]
        for p in SPECS
    ]
    assert sorted(out["specs"]) == sorted(expected_specs)


def test_lowest_requirements_are_the_wrapper_lower_bounds() -> None:
    pins = {}
    for line in (REPO / "requirements/lowest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            requirement = Requirement(line)
            pins[requirement.name.lower()] = str(requirement.specifier).removeprefix("==")
    runtime = [Requirement(r) for r in WRAPPER["dependencies"]]
    client_names = {p.project_name for p in SPECS}
    for requirement in runtime:
        if requirement.name in client_names:
            continue
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        assert lower, f"{requirement} has no lower bound"
        tested = Version(pins[requirement.name.lower()])
        assert tested == Version(lower[0]), f"requirements/lowest.txt does not test {requirement}'s lower bound"


def test_build_refuses_a_checkout_whose_pins_disagree(tmp_path: Path) -> None:
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    for spec in SPECS:
        target = tmp_path / "generated" / spec.project_name
        target.mkdir(parents=True)
        shutil.copy2(spec.output_dir / "pyproject.toml", target / "pyproject.toml")
    (tmp_path / "wrapper").mkdir()
    text = (REPO / "wrapper/pyproject.toml").read_text(encoding="utf-8")
    recorded = VERSIONS["genvideo-comfy-client"]
    assert recorded is not None
    text = text.replace(f"genvideo-comfy-client=={recorded.version}", "genvideo-comfy-client==0.0.1")
    (tmp_path / "wrapper/pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(BuildRefused, match=r"pin mismatch: .*genvideo-comfy-client==0\.0\.1"):
        build_distributions(tmp_path, load_specs(tmp_path), tmp_path / "dist")


def test_the_readme_install_then_genvideo_demo_makes_playable_videos(user_venv: Path, tmp_path: Path) -> None:
    # user_venv was made with exactly the README's install command (tests/support/wheels.py), with no index.
    done = subprocess.run(
        [str(user_venv / "bin" / "genvideo"), "demo", "--out", "videos"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    creations = json.loads(done.stdout)
    assert {c["state"] for c in creations} == {"succeeded"}
    videos = sorted((tmp_path / "videos").glob("*.mp4"))
    assert len(videos) == len(creations)
    for video in videos:
        head = video.read_bytes()[:4096]
        assert head[4:8] == b"ftyp", video.name
        assert b"moov" in head, f"{video.name} has no movie header: not the sandbox's MP4 sample"
        assert b"avc1" in head, f"{video.name} has no H.264 track: not the sandbox's MP4 sample"
