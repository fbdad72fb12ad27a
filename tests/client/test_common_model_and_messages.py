"""`model` is a common create() argument, and a provider's failure message reaches `Creation.error_message`."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import subprocess
import sys

import pytest

import genvideo
from genvideo import CreationState
from genvideo._polling import check_finished
from genvideo.testing import Sandbox
from tests.support.clients import make_async_client, make_client


def test_model_reaches_vidu_and_defaults_when_omitted(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("vidu", prompt="a fox", model="viduq2-pro")
        client.create("vidu", prompt="a fox")
    chosen, default = (s.body for s in sandbox.submissions)
    assert isinstance(chosen, dict)
    assert isinstance(default, dict)
    assert chosen["model"] == "viduq2-pro"
    assert default["model"] == "viduq1"


def test_async_create_takes_model_too(sandbox: Sandbox) -> None:
    async def main() -> None:
        async with make_async_client(sandbox) as client:
            await client.create("vidu", prompt="a fox", model="viduq2-turbo")

    asyncio.run(main())
    (submission,) = sandbox.submissions
    assert isinstance(submission.body, dict)
    assert submission.body["model"] == "viduq2-turbo"


def test_a_provider_without_models_refuses_model_before_sending(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("haiper", prompt="waves", model="gen2")
    assert info.value.option == "model"
    assert sandbox.submissions == []


def test_the_cli_has_a_model_flag(sandbox: Sandbox) -> None:
    env = {**sandbox.env(), "PATH": ""}
    command = [sys.executable, "-m", "genvideo", "create", "vidu", "--prompt", "a fox", "--model", "viduq2-pro"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["ref"].startswith("vidu:")
    (submission,) = sandbox.submissions
    assert isinstance(submission.body, dict)
    assert submission.body["model"] == "viduq2-pro"


def test_error_message_is_rendered_and_quoted_in_the_failure(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "m1", states=["failed"], failure_code="AuditSubmitIllegal")
    with make_client(sandbox) as client:
        creation = client.get("vidu:m1")
    assert creation.error_message is None
    assert creation.to_dict()["error_message"] is None
    said = dataclasses.replace(creation, error_message="the prompt was refused\x1b[31m by moderation")
    assert said.to_dict()["error_message"] == "the prompt was refused\x1b[31m by moderation"
    with pytest.raises(genvideo.CreationFailed) as info:
        check_finished(said)
    message = str(info.value)
    assert "(error code 'AuditSubmitIllegal')" in message
    assert "the prompt was refused\\x1b[31m by moderation" in message  # quoted, the escape made visible
    assert said.state is CreationState.FAILED
