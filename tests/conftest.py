"""Shared fixtures. Tests talk to 127.0.0.1 only: real local servers, never the internet.

Fixtures only: helpers and servers live in tests/support/ (test modules import from there, never from
here or from each other). The one sandbox fixture is `sandbox`; a module that needs one set up its own
way overrides it under the same name.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import genvideo
from genvideo._providers._registry import registry
from genvideo._transport import HTTP_BACKEND_ENV, HTTP_BACKENDS
from genvideo.testing import Sandbox
from tests.support.clients import make_client


@pytest.fixture(scope="session")
def release_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheels and sdists `./dev -s build` makes, built once per test session into ``<tmp>/dist``."""
    from tests.support.wheels import build_release

    return build_release(tmp_path_factory.mktemp("release") / "dist")


@pytest.fixture(scope="session")
def wheelhouse(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of genvideo's runtime dependencies, downloaded once and kept in pytest's cache."""
    from tests.support.wheels import fill_wheelhouse

    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("genvideo-wheelhouse") if cache is not None else tmp_path_factory.mktemp("wheelhouse")
    return fill_wheelhouse(folder)


@pytest.fixture(scope="session")
def user_venv(release_dist: Path, wheelhouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment where genvideo was installed with the README's command, no index."""
    from tests.support.wheels import install_like_a_user

    venv = tmp_path_factory.mktemp("user-venv") / "env"
    install_like_a_user(venv, release_dist, wheelhouse)
    return venv


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


@pytest.fixture
def ended_loop_pools() -> Iterator[None]:
    """For a test that uses one AsyncClient in several event loops (several ``asyncio.run``): the pools
    left in loops that have ended are garbage-collected here, before the test ends.

    genvideo closes such a pool's sockets (nothing can close the pool itself once its loop is gone), but
    asyncio's transport objects still warn when collected: "unclosed transport <_SelectorSocketTransport
    fd=N>" (that repr, without "read=polling...", is a transport whose loop is closed). That expected
    ResourceWarning is ignored in these tests only: anywhere else `filterwarnings = ["error"]` fails on it.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", r"unclosed transport <_SelectorSocketTransport fd=\d+>$", ResourceWarning)
        yield
        gc.collect()


@pytest.fixture(autouse=True)
def _no_provider_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never pick up real keys or base URLs from the developer's environment."""
    specs = registry().specs.values()
    for name in (
        *(source.env for spec in specs for source in spec.credentials),
        *(spec.base_url_env for spec in specs),
    ):
        monkeypatch.delenv(name, raising=False)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test marked ``http_backends`` runs once per AsyncClient HTTP backend (httpx, aiohttp)."""
    if metafunc.definition.get_closest_marker("http_backends") is not None:
        metafunc.parametrize("http_backend", HTTP_BACKENDS)


@pytest.fixture
def http_backend() -> str:
    """The HTTP backend of the test's AsyncClients (``GENVIDEO_HTTP_BACKEND``): httpx unless the test is
    marked ``http_backends``, which parametrizes it."""
    return "httpx"


@pytest.fixture
def aiohttp_backend() -> str:
    """For a test that uses the aiohttp backend itself: ``"aiohttp"``, skipped (or failed, as below) when
    aiohttp is not installed."""
    _check_aiohttp()
    return "aiohttp"


def _check_aiohttp() -> None:
    if importlib.util.find_spec("aiohttp") is None:
        if os.environ.get("GENVIDEO_TEST_AIOHTTP") == "required":
            pytest.fail("aiohttp is not installed (pip install -r requirements/aiohttp.txt)")
        pytest.skip("aiohttp is not installed (genvideo[aiohttp])")


@pytest.fixture(autouse=True)
def _http_backend_env(request: pytest.FixtureRequest, http_backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every AsyncClient the test makes without ``http_backend=`` or ``transport=`` uses ``http_backend``,
    or aiohttp in a test whose ``mode`` parameter is ``"aiohttp"`` (tests.support.clients.MODES: sync,
    async, and async over aiohttp). Without aiohttp installed such cases are skipped, except where the
    suite requires it (``nox -s tests`` sets ``GENVIDEO_TEST_AIOHTTP=required``): there they fail."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and callspec.params.get("mode") == "aiohttp":
        http_backend = "aiohttp"
    monkeypatch.setenv(HTTP_BACKEND_ENV, http_backend)
    if http_backend == "aiohttp":
        _check_aiohttp()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[genvideo.Client]:
    with make_client(sandbox) as c:
        yield c
