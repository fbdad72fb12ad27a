"""Shared fixtures. Tests talk to 127.0.0.1 only: real local servers, never the internet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import genvideo
from genvideo.testing import Sandbox

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # tests import tools.pipeline from the checkout

COMFY_KEY = "sandbox-comfy-key"
HAIPER_KEY = "sandbox-haiper-key"


@pytest.fixture(scope="session")
def release_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheels and sdists `./dev -s build` makes, built once per test session into ``<tmp>/dist``."""
    from tests._wheels import build_release

    return build_release(tmp_path_factory.mktemp("release") / "dist")


@pytest.fixture(scope="session")
def wheelhouse(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of genvideo's runtime dependencies, downloaded once and kept in pytest's cache."""
    from tests._wheels import fill_wheelhouse

    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("genvideo-wheelhouse") if cache is not None else tmp_path_factory.mktemp("wheelhouse")
    return fill_wheelhouse(folder)


@pytest.fixture(scope="session")
def user_venv(release_dist: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment where genvideo was installed with the README's command, no index."""
    from tests._wheels import install_like_a_user

    venv = tmp_path_factory.mktemp("user-venv") / "env"
    install_like_a_user(venv, release_dist, wheelhouse)
    return venv


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up real keys or base URLs from the developer's environment."""
    for name in (
        "COMFY_API_KEY",
        "COMFY_AUTH_TOKEN",
        "HAIPER_API_KEY",
        "GENVIDEO_COMFY_BASE_URL",
        "GENVIDEO_HAIPER_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


def make_client(sb: Sandbox, **kwargs: object) -> genvideo.Client:
    return sb.client(**{"timeout": 5.0, **kwargs})


def make_async_client(sb: Sandbox, **kwargs: object) -> genvideo.AsyncClient:
    return sb.async_client(**{"timeout": 5.0, **kwargs})


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[genvideo.Client]:
    with make_client(sandbox) as c:
        yield c
