"""Submit replies (issue 12): what a 2xx answer to a billed submit may look like, and what genvideo makes of it.

- An integer id (Vidu ``task_id``, Haiper ``value.generation_id``) is the id, as its decimal string.
- A reply that cannot be turned into a ref raises ResponseValidationError that carries what the user
  needs to find the (possibly billed) generation: the ids the reply names in the message, and the
  reply itself in ``.body`` (compact JSON, credentials masked, bounded).
- Haiper's top-level ``"status": "failed"`` raises CreationFailed (with the generation when the reply
  names one), like Vidu's ``state: failed``.
- A create() body that cannot be sent as strict UTF-8 JSON (a lone surrogate, NaN) is refused with
  InvalidOption naming the field, before anything is sent.

The sandbox answers each submit with the exact body given (``submit_script(reject=Fault.body(...))``).
"""

from __future__ import annotations

import asyncio
import json
import math

import pytest

import genvideo
from genvideo.testing import Fault, Sandbox

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def answer_submit(sb: Sandbox, provider: str, body: object) -> None:
    """The next submit to ``provider`` is answered 200 with exactly ``body`` (JSON)."""
    raw = json.dumps(body, allow_nan=True).encode()
    sb.script_submits(provider, Sandbox.submit_script(reject=Fault.body(raw)))


def create(sb: Sandbox, provider: str) -> genvideo.CreationRef:
    with sb.client(timeout=5.0) as client:
        return client.create(provider, prompt="a fox")


# -- ids -------------------------------------------------------------------------------------------------


def test_a_numeric_vidu_task_id_is_the_id() -> None:
    with Sandbox() as sb:
        answer_submit(sb, "vidu", {"task_id": 902581991298326528, "state": "created", "credits": 4})
        assert create(sb, "vidu") == genvideo.CreationRef("vidu", "902581991298326528")


def test_a_numeric_haiper_generation_id_is_the_id(sandbox: Sandbox) -> None:
    answer_submit(sandbox, "haiper", {"status": "success", "value": {"generation_id": 12345}})
    assert create(sandbox, "haiper") == genvideo.CreationRef("haiper", "12345")


def test_a_vidu_state_of_the_wrong_type_does_not_lose_the_task(sandbox: Sandbox) -> None:
    """Only ``failed`` matters at submit; anything else unexpected still returns the (billed) task's ref."""
    answer_submit(sandbox, "vidu", {"task_id": "123", "state": 5, "credits": 4, "err_code": ["x"]})
    assert create(sandbox, "vidu") == genvideo.CreationRef("vidu", "123")


# -- refused replies carry what is needed to find the generation -----------------------------------------


@pytest.mark.parametrize(
    ("provider", "body", "names"),
    [
        ("vidu", {"task_id": 9.025819912983265e17, "state": "created"}, ["task_id=9.025819912983265e+17"]),
        ("vidu", {"task_id": "a/b", "state": "created"}, ["task_id='a/b'"]),
        ("vidu", {"task_id": -5, "state": "created"}, ["task_id=-5"]),
        ("vidu", {"task_id": True, "state": "created"}, ["task_id=True"]),
        ("vidu", {"task_id": {"id": "1"}}, ["task_id={'id': '1'}"]),
        ("vidu", {"id": "902581991298326528", "state": "created"}, ["id='902581991298326528'"]),
        ("vidu", {"state": "created", "credits": 4}, ["names no id"]),
        ("haiper", {"status": "success", "value": "h1"}, ["names no id"]),
        ("haiper", {"status": "success", "value": {"generation_id": 1.5}}, ["value.generation_id=1.5"]),
        ("haiper", {"status": "success", "value": {"generation_id": "../x"}}, ["value.generation_id='../x'"]),
        ("haiper", {"status": "success", "value": {"creation_id": "h1"}}, ["value.creation_id='h1'"]),
        ("haiper", {"status": "success"}, ["names no id"]),
    ],
)
def test_an_unusable_reply_raises_with_the_reply_and_its_ids(
    sandbox: Sandbox, provider: str, body: dict[str, object], names: list[str]
) -> None:
    answer_submit(sandbox, provider, body)
    with pytest.raises(genvideo.ResponseValidationError) as info:
        create(sandbox, provider)
    error = info.value
    assert error.provider == provider
    assert "may have started" in str(error)
    for name in names:
        assert name in str(error)
    assert json.loads(error.body) == json.loads(json.dumps(body))  # the whole (small) reply, as JSON
    assert len(sandbox.submissions) == 1  # and it was not retried


def test_a_refused_reply_masks_credentials_and_stays_bounded(sandbox: Sandbox) -> None:
    key = sandbox.env()["COMFY_API_KEY"]
    body = {
        "task_id": "not/usable",
        "state": "created",
        "prompt": f"echo {key} echo",
        "images": ["data:image/png;base64," + "A" * 100_000] * 25,
        "payload": {"deep": [[[[[[[[["x"]]]]]]]]]},
        key: "a key as a field name",
    }
    answer_submit(sandbox, "vidu", body)
    with pytest.raises(genvideo.ResponseValidationError) as info:
        create(sandbox, "vidu")
    error = info.value
    assert key not in str(error)
    assert key not in error.body
    reply = json.loads(error.body)
    assert reply["task_id"] == "not/usable"
    assert reply["prompt"] == "echo *** echo"
    assert len(error.body) < 20_000
    assert error.body.isascii()


def test_refused_replies_from_the_async_client_carry_the_reply_too(sandbox: Sandbox) -> None:
    answer_submit(sandbox, "haiper", {"status": "success", "value": {"generation_id": 2.5}})

    async def main() -> None:
        async with sandbox.async_client(timeout=5.0) as client:
            await client.create("haiper", prompt="a fox")

    with pytest.raises(genvideo.ResponseValidationError) as info:
        asyncio.run(main())
    assert "value.generation_id=2.5" in str(info.value)
    assert json.loads(info.value.body)["value"] == {"generation_id": 2.5}


# -- Haiper's status: failed --------------------------------------------------------------------------------


def test_haiper_failed_status_with_a_generation_raises_creation_failed(sandbox: Sandbox) -> None:
    answer_submit(sandbox, "haiper", {"status": "failed", "value": {"generation_id": "abc123"}, "code": "VB-100017"})
    with pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        create(sandbox, "haiper")
    creation = info.value.creation
    assert creation.ref == genvideo.CreationRef("haiper", "abc123")
    assert creation.state is genvideo.CreationState.FAILED
    assert creation.raw_state == "failed"
    assert creation.error_code == "VB-100017"
    assert creation.payload["status"] == "failed"
    assert type(creation.raw).__name__ == "NewGeneration"
    creation.to_dict()


@pytest.mark.parametrize(
    "body",
    [
        {"status": "failed", "message": "content may violate usage policy", "code": "VB-100017"},
        {"status": "FAILED", "value": None},
        {"status": "failed", "value": {"generation_id": "not/usable"}},
    ],
)
def test_haiper_failed_status_without_a_usable_generation_is_refused(sandbox: Sandbox, body: dict[str, object]) -> None:
    answer_submit(sandbox, "haiper", body)
    with pytest.raises(genvideo.ResponseValidationError) as info:
        create(sandbox, "haiper")
    assert "refused (status" in str(info.value)
    assert json.loads(info.value.body) == body


def test_vidu_failed_state_still_raises_creation_failed(sandbox: Sandbox) -> None:
    answer_submit(sandbox, "vidu", {"task_id": 77, "state": "failed", "credits": 0, "code": 4001})
    with pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        create(sandbox, "vidu")
    assert info.value.creation.id == "77"
    assert info.value.creation.error_code == "4001"


# -- bodies that cannot be sent ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "kwargs", "option"),
    [
        ("vidu", {"prompt": "a \ud800 fox"}, "prompt"),
        ("haiper", {"prompt": "a \udfff fox"}, "prompt"),
        ("haiper", {"prompt": "a fox", "negative_prompt": "\ud83c"}, "negative_prompt"),
        ("vidu", {"prompt": "a fox", "image": "https://example.com/\ud800.png"}, "images[0]"),
        ("vidu", {"prompt": "a fox", "payload": "\udc80"}, "payload"),
        (
            "haiper",
            {"prompt": "a fox", "image": PNG, "settings": {"guidance_scale": math.nan}},
            "settings.guidance_scale",
        ),
        (
            "haiper",
            {"prompt": "a fox", "image": PNG, "settings": {"guidance_scale": math.inf}},
            "settings.guidance_scale",
        ),
    ],
)
def test_an_unsendable_body_is_refused_before_anything_is_sent(
    sandbox: Sandbox, provider: str, kwargs: dict[str, object], option: str
) -> None:
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create(provider, **kwargs)  # type: ignore[arg-type]
    assert info.value.option == option
    str(info.value).encode("utf-8")  # the message itself is valid text
    assert sandbox.requests == []
