"""genvideo's pytest plugin: the `genvideo_sandbox` fixture.

pytest loads this module in every run where genvideo is installed (entry point group `pytest11`,
name `genvideo`; `-p no:genvideo` turns it off), so it imports nothing but pytest: the sandbox
machinery is imported, and a server started, only when a test asks for the fixture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ._sandbox import Sandbox

__all__ = ["genvideo_sandbox"]


@pytest.fixture
def genvideo_sandbox(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    """A started `genvideo.testing.Sandbox`, with the environment pointed at it for one test.

    The code under test can make a plain `genvideo.Client()` or `genvideo.AsyncClient()`: the base
    URLs and keys come from `Sandbox.env()`, and the SDK's other variables (such as
    `COMFY_AUTH_TOKEN`) are unset. Script the sandbox through the fixture's value (`add_creation`,
    `script_submits`, `add_fault`) and inspect what it received (`requests`, `submissions`).
    The environment is restored and the sandbox closed after the test.

    Sandbox options go through indirect parametrization::

        @pytest.mark.parametrize("genvideo_sandbox", [{"cdn_supports_range": False}], indirect=True)
        def test_download_without_range(genvideo_sandbox): ...
    """
    from ._sandbox import Sandbox
    from ._sandboxed import sandbox_environment

    options = getattr(request, "param", {})
    if not isinstance(options, dict):
        raise TypeError(f"genvideo_sandbox's parameter must be a dict of Sandbox options, got {options!r}")
    with Sandbox(**options) as sandbox:
        for name, value in sandbox_environment(sandbox).items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        yield sandbox
