"""Testing code that makes its own client: `genvideo.testing.sandboxed()` and the `genvideo_sandbox`
pytest fixture point the environment at a sandbox, so a plain `genvideo.Client()` reaches it, and
restore the environment exactly afterwards.

The fixture is exercised in-process with pytester, loaded the way users get it: by the `pytest11`
entry point of the installed genvideo. tests/sandbox/test_pytest_plugin.py does the same from the built wheel.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import inspect
import os
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator

import pytest

import genvideo
from genvideo.testing import Sandbox, current_sandbox, sandboxed

pytest_plugins = ["pytester"]

SDK_VARIABLES = (
    "COMFY_API_KEY",
    "COMFY_AUTH_TOKEN",
    "HAIPER_API_KEY",
    "GENVIDEO_COMFY_BASE_URL",
    "GENVIDEO_HAIPER_BASE_URL",
)
# What the environment holds before each test here (conftest's autouse fixture unsets the rest).
OUTSIDE = {
    "COMFY_API_KEY": "real-comfy-key",
    "COMFY_AUTH_TOKEN": "real-comfy-token",
    "GENVIDEO_COMFY_BASE_URL": "https://comfy.sentinel.invalid",
    "HAIPER_API_KEY": None,
    "GENVIDEO_HAIPER_BASE_URL": None,
}


@pytest.fixture(autouse=True)
def outside_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in OUTSIDE.items():
        if value is not None:
            monkeypatch.setenv(name, value)
    assert sdk_env() == OUTSIDE


def sdk_env() -> dict[str, str | None]:
    return {name: os.environ.get(name) for name in SDK_VARIABLES}


def assert_points_at(sb: Sandbox, *, comfy_api_key: str | None = "sandbox-comfy-key") -> None:
    assert sdk_env() == {
        "COMFY_API_KEY": comfy_api_key,
        "COMFY_AUTH_TOKEN": None,  # a real token never reaches the code under test
        "HAIPER_API_KEY": "sandbox-haiper-key",
        "GENVIDEO_COMFY_BASE_URL": sb.comfy_base_url,
        "GENVIDEO_HAIPER_BASE_URL": sb.haiper_base_url,
    }


def assert_closed(sb: Sandbox) -> None:
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", sb.port), timeout=2).close()


def plain_client_wait(ref: str) -> genvideo.Creation:
    """What user code does: a client configured by nothing but the environment."""
    with genvideo.Client(timeout=5.0) as client:
        return client.wait(ref, poll_interval=0.01, timeout=30)


# -- the context manager ----------------------------------------------------------------------------


def test_context_manager_points_a_plain_client_at_the_sandbox() -> None:
    with sandboxed() as sb:
        assert isinstance(sb, Sandbox)
        assert current_sandbox() is sb
        assert_points_at(sb)
        sb.add_creation("vidu", "123")
        sb.add_creation("haiper", "h1", states=["failed"])
        assert plain_client_wait("vidu:123").state is genvideo.CreationState.SUCCEEDED
        with pytest.raises(genvideo.CreationFailed):
            plain_client_wait("haiper:h1")
        polls = sb.requests_for(sb.fault_path("vidu", "123"))
        assert [r.header("X-API-Key") for r in polls] == ["sandbox-comfy-key"] * 3
        haiper = sb.requests_for(sb.fault_path("haiper", "h1"))
        assert haiper
        assert {r.header("Authorization") for r in haiper} == {"Bearer sandbox-haiper-key"}
    assert sdk_env() == OUTSIDE
    assert_closed(sb)
    with pytest.raises(RuntimeError, match="no sandboxed"):
        current_sandbox()


def test_context_manager_restores_the_environment_when_the_body_raises() -> None:
    seen: list[Sandbox] = []

    def body() -> None:
        with sandboxed() as sb:
            seen.append(sb)
            assert_points_at(sb)
            os.environ["HAIPER_API_KEY"] = "changed by the body"  # restored too, to unset
            raise KeyError("boom")

    with pytest.raises(KeyError, match="boom"):
        body()
    (sb,) = seen
    assert sdk_env() == OUTSIDE
    assert_closed(sb)


def test_options_go_to_the_sandbox_and_a_key_it_lacks_is_unset() -> None:
    with sandboxed(comfy_api_key=None, video_size=10) as sb:
        assert_points_at(sb, comfy_api_key=None)  # the real COMFY_API_KEY is not used either
        sb.add_creation("vidu", "123", states=["success"])
        sb.add_creation("haiper", "h1", states=["succeed"])
        with pytest.raises(genvideo.MissingCredentials):
            plain_client_wait("vidu:123")
        assert len(sb.video("haiper", "h1")) == 10
    assert sdk_env() == OUTSIDE


def test_sandboxes_nest_and_one_sandboxed_object_can_be_reused() -> None:
    guard = sandboxed()
    with guard as outer:
        with guard as inner:
            assert inner is not outer
            assert current_sandbox() is inner
            assert_points_at(inner)
        assert_closed(inner)
        assert current_sandbox() is outer
        assert_points_at(outer)
        outer.add_creation("vidu", "1")
        assert plain_client_wait("vidu:1").state is genvideo.CreationState.SUCCEEDED
    assert sdk_env() == OUTSIDE
    assert_closed(outer)


def test_bad_options_and_targets_are_refused_at_once() -> None:
    with pytest.raises(TypeError, match="bogus"):
        sandboxed(bogus=1)

    def frames() -> Iterator[int]:
        yield 1

    with pytest.raises(TypeError, match="generator"):
        sandboxed(frames)
    with pytest.raises(TypeError, match="functions"):
        sandboxed(Sandbox)
    assert sdk_env() == OUTSIDE


# -- the decorator ----------------------------------------------------------------------------------


def test_decorator_without_parentheses_on_a_function() -> None:
    seen: list[Sandbox] = []

    @sandboxed
    def video_url(ref: str, *, suffix: str) -> str:
        """User code."""
        sb = current_sandbox()
        seen.append(sb)
        assert_points_at(sb)
        sb.add_creation("vidu", "123")  # a fresh sandbox per call: no "already exists"
        return plain_client_wait(ref).outputs[0].url + suffix

    assert video_url.__name__ == "video_url"
    assert video_url.__doc__ == "User code."
    assert inspect.unwrap(video_url) is not video_url
    assert inspect.signature(video_url) == inspect.signature(inspect.unwrap(video_url))
    assert sdk_env() == OUTSIDE  # nothing starts at decoration
    first = video_url("vidu:123", suffix="#1")
    second = video_url("vidu:123", suffix="#2")
    assert first.startswith(seen[0].base_url + "/cdn/")
    assert first.endswith("#1")
    assert second.startswith(seen[1].base_url + "/cdn/")
    assert second.endswith("#2")
    assert seen[0] is not seen[1]
    assert sdk_env() == OUTSIDE
    assert_closed(seen[0])
    assert_closed(seen[1])


def test_decorator_with_options_on_an_async_function() -> None:
    seen: list[Sandbox] = []

    @sandboxed(haiper_api_key="custom-haiper-key")
    async def state_of(ref: str) -> genvideo.CreationState:
        sb = current_sandbox()
        seen.append(sb)
        sb.add_creation("haiper", "h1", states=["succeed"])
        async with genvideo.AsyncClient(timeout=5.0) as client:
            return (await client.get(ref)).state

    assert inspect.iscoroutinefunction(state_of)
    assert state_of.__name__ == "state_of"
    coroutine = state_of("haiper:h1")
    assert not seen  # the sandbox starts when the coroutine runs
    assert sdk_env() == OUTSIDE
    assert asyncio.run(coroutine) is genvideo.CreationState.SUCCEEDED
    (sb,) = seen
    (poll,) = sb.requests_for(sb.fault_path("haiper", "h1"))
    assert poll.header("Authorization") == "Bearer custom-haiper-key"
    assert sdk_env() == OUTSIDE
    assert_closed(sb)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_decorator_restores_the_environment_when_the_function_raises(kind: str) -> None:
    seen: list[Sandbox] = []

    def body() -> None:
        seen.append(current_sandbox())
        assert_points_at(seen[-1])
        os.environ["GENVIDEO_HAIPER_BASE_URL"] = "http://127.0.0.1:1"
        raise ValueError("boom")

    @sandboxed()
    def sync_fails() -> None:
        body()

    @sandboxed()
    async def async_fails() -> None:
        body()

    def call() -> None:
        if kind == "sync":
            sync_fails()
        else:
            asyncio.run(async_fails())

    with pytest.raises(ValueError, match="boom"):
        call()
    assert len(seen) == 1
    assert sdk_env() == OUTSIDE
    assert_closed(seen[0])


# -- the pytest plugin ------------------------------------------------------------------------------

USER_TESTS = """
    import asyncio
    import os
    import socket

    import pytest

    import genvideo

    SEEN = []


    def test_a_plain_client(genvideo_sandbox):
        SEEN.append(genvideo_sandbox)
        genvideo_sandbox.add_creation("vidu", "123")
        with genvideo.Client(timeout=5.0) as client:
            creation = client.wait("vidu:123", poll_interval=0.01, timeout=30)
        assert creation.outputs[0].url.startswith(genvideo_sandbox.base_url + "/cdn/")
        assert len(genvideo_sandbox.requests_for(genvideo_sandbox.fault_path("vidu", "123"))) == 3
        assert os.environ["GENVIDEO_COMFY_BASE_URL"] == genvideo_sandbox.comfy_base_url
        assert "COMFY_AUTH_TOKEN" not in os.environ


    def test_a_plain_async_client_and_a_fresh_sandbox(genvideo_sandbox):
        assert genvideo_sandbox is not SEEN[0]
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", SEEN[0].port), timeout=2)
        genvideo_sandbox.add_creation("haiper", "h1", states=["succeed"])

        async def main():
            async with genvideo.AsyncClient(timeout=5.0) as client:
                return await client.get("haiper:h1")

        assert asyncio.run(main()).state is genvideo.CreationState.SUCCEEDED


    @pytest.mark.parametrize("genvideo_sandbox", [{"haiper_api_key": "custom"}], indirect=True)
    def test_sandbox_options(genvideo_sandbox):
        assert os.environ["HAIPER_API_KEY"] == "custom"


    def test_the_environment_is_back_between_tests():
        assert os.environ["GENVIDEO_COMFY_BASE_URL"] == "https://comfy.sentinel.invalid"
        assert os.environ["COMFY_AUTH_TOKEN"] == "real-comfy-token"
        assert "HAIPER_API_KEY" not in os.environ
"""


def test_the_entry_point_registers_the_plugin() -> None:
    (entry_point,) = importlib.metadata.entry_points(group="pytest11", name="genvideo")
    assert entry_point.value == "genvideo.testing._pytest_plugin"
    assert entry_point.dist is not None
    assert entry_point.dist.name == "genvideo"


def test_the_genvideo_sandbox_fixture_in_a_users_test_run(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user_code=textwrap.dedent(USER_TESTS))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines([f"plugins:*genvideo-{genvideo.__version__}*"])
    assert sdk_env() == OUTSIDE


def test_without_the_entry_point_plugin_there_is_no_fixture(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user_code=textwrap.dedent(USER_TESTS))
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:genvideo")
    result.assert_outcomes(passed=1, errors=3)
    result.stdout.fnmatch_lines(["*fixture 'genvideo_sandbox' not found*"])


def test_loading_the_plugin_imports_no_sandbox_and_starts_nothing() -> None:
    # pytest loads the plugin in every run of everyone who has genvideo installed.
    probe = textwrap.dedent(
        """
        import sys, threading
        import pytest
        before = set(sys.modules)
        import genvideo.testing._pytest_plugin
        loaded = sorted(set(sys.modules) - before)
        heavy = [m for m in loaded if m.startswith("genvideo.testing._") and not m.endswith("_pytest_plugin")]
        heavy += [m for m in ("socketserver", "http.server", "asyncio") if m in loaded]
        print(heavy, threading.active_count())
        """
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["[]", "1"], done.stdout + done.stderr
