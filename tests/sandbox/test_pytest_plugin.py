"""genvideo's pytest plugin as a user gets it: a separate project, a fresh venv where the built wheels
were installed with the README's command (plus the pinned pytest), and that project's own pytest run
from its own folder, away from the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.support.wheels import clean_env, fill_extra_wheelhouse, install_like_a_user, pinned
from tools.pipeline.config import REPO

pytestmark = [pytest.mark.dist, pytest.mark.timeout(300)]  # a first run downloads the wheelhouses

VERSION = tomllib.loads((REPO / "wrapper/pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

MYAPP = '''
    """The user's code: it makes its own client, configured by the environment."""

    import genvideo


    def video_url(ref: str, *, poll_interval: float = 5.0) -> str:
        with genvideo.Client(timeout=5.0) as client:
            creation = client.wait(ref, poll_interval=poll_interval, timeout=60)
        return creation.outputs[0].url
'''

USER_TESTS = """
    import os

    from genvideo.testing import Sandbox, current_sandbox, sandboxed

    import myapp


    def test_with_the_fixture(genvideo_sandbox: Sandbox) -> None:
        genvideo_sandbox.add_creation("vidu", "123")
        assert myapp.video_url("vidu:123", poll_interval=0.01).startswith(genvideo_sandbox.base_url + "/cdn/")
        (first, *_) = genvideo_sandbox.requests_for(genvideo_sandbox.fault_path("vidu", "123"))
        assert first.header("X-API-Key") == "sandbox-comfy-key"


    @sandboxed
    def test_with_the_decorator() -> None:
        current_sandbox().add_creation("haiper", "h1")
        assert myapp.video_url("haiper:h1", poll_interval=0.01).startswith(current_sandbox().base_url + "/cdn/")


    def test_with_the_context_manager() -> None:
        with sandboxed(haiper_api_key="custom") as sb:
            sb.add_creation("haiper", "h1")
            assert myapp.video_url("haiper:h1", poll_interval=0.01).startswith(sb.base_url + "/cdn/")
            assert {r.header("Authorization") for r in sb.requests_for("/haiper/")} == {"Bearer custom"}


    def test_the_users_environment_is_back() -> None:
        assert os.environ["COMFY_API_KEY"] == "users-own-key"
        assert os.environ["GENVIDEO_COMFY_BASE_URL"] == "https://api.comfy.org"
        assert "HAIPER_API_KEY" not in os.environ
"""

PYPROJECT = """
    [project]
    name = "myapp"
    version = "0"

    [tool.pytest.ini_options]
    testpaths = ["tests"]
    pythonpath = ["."]
"""


@pytest.fixture(scope="module")
def pytest_wheelhouse(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of the pinned pytest and its dependencies, downloaded once and kept in pytest's cache."""
    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("genvideo-pytest-wheelhouse") if cache is not None else tmp_path_factory.mktemp("pytest")
    return fill_extra_wheelhouse(folder, pinned("pytest"))


@pytest.fixture(scope="module")
def venv_with_pytest(
    release_dist: Path, wheelhouse: Path, pytest_wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A fresh venv: genvideo installed with the README's command, then pytest, with no index."""
    venv = tmp_path_factory.mktemp("plugin-venv") / "env"
    install_like_a_user(venv, release_dist, wheelhouse)
    install = [str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--no-index"]
    subprocess.run([*install, "--find-links", str(pytest_wheelhouse), pinned("pytest")], check=True, env=clean_env())
    return venv


def test_a_users_project_gets_the_fixture_and_sandboxed_from_the_installed_wheel(
    venv_with_pytest: Path, tmp_path: Path
) -> None:
    project = tmp_path / "myproject"
    (project / "tests").mkdir(parents=True)
    (project / "pyproject.toml").write_text(textwrap.dedent(PYPROJECT), encoding="utf-8")
    (project / "myapp.py").write_text(textwrap.dedent(MYAPP), encoding="utf-8")
    (project / "tests/test_user_code.py").write_text(textwrap.dedent(USER_TESTS), encoding="utf-8")
    env = {
        name: value
        for name, value in clean_env(
            PATH=f"{venv_with_pytest / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
            VIRTUAL_ENV=str(venv_with_pytest),
            COMFY_API_KEY="users-own-key",  # what the sandbox must override, and give back
            GENVIDEO_COMFY_BASE_URL="https://api.comfy.org",
        ).items()
        if not name.startswith("PYTEST_") and name != "HAIPER_API_KEY"
    }
    done = subprocess.run(
        ["pytest", "-p", "no:cacheprovider", "--trace-config", "-v"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert re.search(r"^=+ 4 passed in ", done.stdout, re.MULTILINE), output
    assert f"rootdir: {project}" in done.stdout, output
    # Loaded through its entry point (listed with genvideo's version), from the venv, not the checkout.
    registered = re.search(rf"^  genvideo-{re.escape(VERSION)} at (.*)$", done.stdout, re.MULTILINE)
    assert registered is not None, output
    plugin = Path(registered.group(1))
    assert plugin.is_relative_to(venv_with_pytest), plugin
    assert plugin.parts[-4:] == ("site-packages", "genvideo", "testing", "_pytest_plugin.py"), plugin
