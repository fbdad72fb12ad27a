"""The README's provider table lists exactly the registry's providers, and its cross-provider example
runs as printed (against the sandbox, with the image files it names)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import genvideo
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox, sandboxed
from genvideo.testing._fakes import fakes

README = Path(__file__).resolve().parents[2] / "README.md"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _between(text: str, start: str, end: str) -> str:
    return text[text.index(start) + len(start) : text.index(end)]


def test_the_provider_table_lists_every_provider_in_registry_order() -> None:
    table = _between(README.read_text(encoding="utf-8"), "<!-- providers: start -->", "<!-- providers: end -->")
    names = re.findall(r"^\| `([a-z0-9_]+)` \|", table, flags=re.MULTILINE)
    assert names[1:] == list(registry().names)  # after the header row


def test_the_endpoint_list_names_every_provider() -> None:
    listed = _between(README.read_text(encoding="utf-8"), "<!-- endpoints: start -->", "<!-- endpoints: end -->")
    assert re.findall(r"^- `([a-z0-9_]+)`", listed, flags=re.MULTILINE) == list(registry().names)


def test_the_examples_across_providers_run_as_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    code = _between(text, "### Examples across providers\n\n```python\n", "```\n\n### Providers and endpoints")
    monkeypatch.chdir(tmp_path)
    for name in ("first-frame.png", "day.jpg", "night.jpg"):
        (tmp_path / name).write_bytes(PNG)
    namespace: dict[str, object] = {}
    with sandboxed() as sb:
        for provider in registry().names:  # each finishes at its first poll: no waiting between polls
            sb.script_submits(provider, *[Sandbox.submit_script(states=[fakes()[provider].success_state])] * 3)
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - the README's own example
        stored = sb.stored_files
        submitted = [s.creation_id for s in sb.submissions]
    assert (tmp_path / "lighthouse.mp4").stat().st_size > 0
    assert [f.content for f in stored] == [PNG]  # three local images, one set of bytes: stored once
    assert len(submitted) == 3
    for name in ("wan", "runway", "luma"):
        creation = namespace[name]
        assert isinstance(creation, genvideo.Creation)
        assert creation.state is genvideo.CreationState.SUCCEEDED


def test_the_typical_durations_listed_are_the_registry_s() -> None:
    listed = _between(README.read_text(encoding="utf-8"), "<!-- typical: start -->", "<!-- typical: end -->")
    found = {name: float(seconds) for name, seconds in re.findall(r"`([a-z0-9_]+)` ([0-9.]+) s", listed)}
    assert found == {n: e.typical_seconds for n, e in registry().providers.items() if e.typical_seconds is not None}
