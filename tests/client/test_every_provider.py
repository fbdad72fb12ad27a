"""The same life of a creation for every registered provider, against its sandbox fake.

Nothing here names a provider: each comes from the registry, its state words from its row, what it
needs besides a prompt from its fake (`demo_arguments`). A provider added tomorrow is covered with no
edit here; its own test module checks what only it does. A synchronous provider (the registry's
`synchronous`: its reply is the video, no ref to look up) is made with `generate()` instead of
create → wait, and the tests about looking a ref up or waiting through states skip it.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from genvideo.testing._fakes import fakes
from tests.support.cli import run_cli
from tests.support.clients import make_async_client, make_client

PROVIDERS = registry().names
SYNCHRONOUS = tuple(p for p in PROVIDERS if registry().providers[p].synchronous)
POLLED = tuple(p for p in PROVIDERS if p not in SYNCHRONOUS)
UNKNOWN_WORD = "maintenance-pause"


def _arguments(provider: str) -> dict[str, Any]:
    return {"prompt": "a red fox in fresh snow", **fakes()[provider].demo_arguments}


def _words(provider: str, state: CreationState) -> list[str]:
    """The provider's own words (as its fake writes them) that its registry row maps onto ``state``."""
    fake = fakes()[provider]
    return [fake.spell(word) for word, mapped in registry().providers[provider].states.items() if mapped is state]


def _cli_flags(arguments: dict[str, Any]) -> list[str]:
    """create()'s arguments as `genvideo generate` flags: common ones by name, the rest as --option."""
    common = {"prompt", "image", "negative_prompt", "duration", "aspect_ratio", "resolution", "seed", "model"}
    flags: list[str] = []
    for name, value in arguments.items():
        if name not in common:
            flags += ["--option", f"{name}={json.dumps(value)}"]
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            flags += [f"--{name.replace('_', '-')}", str(item)]
    return flags


def _made(client: genvideo.Client, provider: str) -> tuple[CreationRef, genvideo.Creation]:
    """create → wait, or generate for a synchronous provider."""
    if provider in SYNCHRONOUS:
        creation = client.generate(provider, **_arguments(provider))
        return creation.ref, creation
    ref = client.create(provider, **_arguments(provider))
    return ref, client.wait(ref, poll_interval=0.01)


async def _amade(client: genvideo.AsyncClient, provider: str) -> tuple[CreationRef, genvideo.Creation]:
    if provider in SYNCHRONOUS:
        creation = await client.generate(provider, **_arguments(provider))
        return creation.ref, creation
    ref = await client.create(provider, **_arguments(provider))
    return ref, await client.wait(ref, poll_interval=0.01)


def _video(sandbox: Sandbox, provider: str, ref: CreationRef) -> bytes:
    """The video the sandbox made for the (only) submit, checked to be the one ``ref`` names (a synchronous
    provider's ref is genvideo's own: the provider named nothing)."""
    recorded = sandbox.submissions[0].creation_id
    assert recorded is not None
    if provider not in SYNCHRONOUS:
        assert recorded == ref.id
    return sandbox.video(provider, recorded)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_create_wait_download(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref, creation = _made(client, provider)
        path = client.download(creation, tmp_path)
    assert ref.provider == provider
    assert creation.state is CreationState.SUCCEEDED
    assert creation.ref == ref
    assert path.read_bytes() == _video(sandbox, provider, ref)
    assert path.parent == tmp_path


@pytest.mark.parametrize("provider", PROVIDERS)
def test_create_wait_download_async(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    async def main() -> tuple[CreationRef, genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref, creation = await _amade(client, provider)
            return ref, creation, await client.download(creation, tmp_path / "video.mp4")

    ref, creation, path = asyncio.run(main())
    assert creation.state is CreationState.SUCCEEDED
    assert path.read_bytes() == _video(sandbox, provider, ref)


@pytest.mark.parametrize("provider", SYNCHRONOUS)
def test_a_synchronous_provider_is_generate_only_and_never_looked_up(sandbox: Sandbox, provider: str) -> None:
    with make_client(sandbox) as client:
        with pytest.raises(genvideo.InvalidOption, match="generate") as info:
            client.create(provider, **_arguments(provider))
        assert info.value.option == "provider"
        assert sandbox.submissions == []  # refused before anything was sent
        creation = client.generate(provider, **_arguments(provider))
        for look_up in (client.get, client.wait):
            with pytest.raises(genvideo.InvalidCreationRef, match="synchronous"):
                look_up(str(creation.ref))
    assert len(sandbox.submissions) == 1  # generate sent one request and polled nothing
    assert [r.method for r in sandbox.requests] == ["POST"]
    (output,) = creation.outputs
    assert output.kind == "file"
    assert output.path is not None
    assert output.path.read_bytes() == _video(sandbox, provider, creation.ref)
    assert (creation.state, creation.progress) == (CreationState.SUCCEEDED, None)


@pytest.mark.parametrize("provider", SYNCHRONOUS)
def test_a_synchronous_refusal_is_an_api_error_and_leaves_no_file(
    sandbox: Sandbox, provider: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the video reply would be streamed to
    sandbox.script_submits(provider, Sandbox.submit_script(failure_code="content_moderated"))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError, match="content_moderated") as info:
        client.generate(provider, **_arguments(provider), download=tmp_path / "out.mp4")
    assert info.value.status_code == 400
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_cli_generate_with_download(sandbox: Sandbox, provider: str, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    flags = _cli_flags(_arguments(provider))
    result = run_cli(
        "generate", provider, *flags, "--poll-interval", "0.01", "--download", str(target), env=sandbox.env()
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ref = CreationRef.parse(data["ref"])
    assert (ref.provider, data["state"]) == (provider, "succeeded")
    assert target.read_bytes() == _video(sandbox, provider, ref)


@pytest.mark.parametrize("provider", POLLED)
def test_a_ref_string_finds_the_same_creation_from_a_fresh_client(sandbox: Sandbox, provider: str) -> None:
    with make_client(sandbox) as client:
        ref = client.create(provider, **_arguments(provider))
        first = client.get(ref)
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(str(ref)))
        by_string = fresh.get(str(ref))
    assert first.ref == again.ref == by_string.ref == ref
    assert again.id == ref.id
    assert again.provider == provider


@pytest.mark.parametrize("provider", [p for p in PROVIDERS if _words(p, CreationState.FAILED)])
def test_a_failure_raises_creation_failed(sandbox: Sandbox, provider: str) -> None:
    word = _words(provider, CreationState.FAILED)[0]
    running = (_words(provider, CreationState.PROCESSING) or _words(provider, CreationState.QUEUED))[0]
    # Running at the submit, failed at the first poll (a submit reply may refuse a task failed from the start).
    sandbox.script_submits(provider, Sandbox.submit_script(states=[running, word]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(client.create(provider, **_arguments(provider)), poll_interval=0.01)
    creation = info.value.creation
    assert (creation.state, creation.raw_state, creation.provider) == (CreationState.FAILED, word, provider)
    assert creation.outputs == ()


@pytest.mark.parametrize("provider", POLLED)
def test_an_unknown_state_is_kept_and_waited_through(sandbox: Sandbox, provider: str) -> None:
    fake = fakes()[provider]
    unknown = fake.spell(UNKNOWN_WORD)
    states = [unknown, fake.success_state]
    sandbox.script_submits(provider, Sandbox.submit_script(states=states))
    seen: list[tuple[CreationState, object]] = []
    with make_client(sandbox) as client:
        ref = client.create(provider, **_arguments(provider))
        done = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert (CreationState.UNKNOWN, unknown) in seen
    assert done.state is CreationState.SUCCEEDED


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_wrong_key_is_an_authentication_error_and_starts_nothing(sandbox: Sandbox, provider: str) -> None:
    credentials = {source.argument: "wrong-key" for source in registry().providers[provider].spec.credentials}
    with make_client(sandbox, **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        _made(client, provider)
    assert info.value.status_code == 401
    assert info.value.provider == provider
    assert "wrong-key" not in str(info.value)
    assert [s for s in sandbox.submissions if s.creation_id] == []
