"""BytePlus (ByteDance Seedance behind Comfy's proxy) end to end against the sandbox: create, wait, download,
the prompt --flags, states, failures, refusals, refs and the CLI."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _byteplus
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from tests.support.cli import run_cli as _run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE_URL = "https://img.example/first-frame.png"
SUBMIT = "tasks"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


# -- create, wait, download ----------------------------------------------------------------------------


def test_text_to_video_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create(
            "byteplus", prompt="a red fox in snow", duration=10, aspect_ratio="9:16", resolution="1080p", seed=7
        )
        assert ref.provider == "byteplus"
        assert ref.scope == ()
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == SUBMIT
    assert submission.body == {
        "model": "seedance-1-0-pro-fast-251015",
        "content": [
            {"type": "text", "text": "a red fox in snow --resolution 1080p --ratio 9:16 --duration 10 --seed 7"}
        ],
    }
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert seen == [(_Q, "queued"), (_P, "running"), (_S, "succeeded")]
    assert creation.progress is None
    assert creation.error_code is None
    assert creation.error_message is None
    assert [o.url for o in creation.outputs] == [creation.payload["content"]["video_url"]]
    assert creation.created_at is not None
    assert creation.updated_at is not None
    assert creation.raw.to_dict() == creation.payload
    assert path.read_bytes() == sandbox.video("byteplus", ref.id)


def test_image_to_video_takes_an_image_url_and_options(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create(
            "byteplus",
            prompt="the fox runs --camerafixed true",
            image=IMAGE_URL,
            model="seedance-1-5-pro-251215",
            resolution=720,
            generate_audio=False,
        )
        client.create("byteplus", prompt=None, image=IMAGE_URL)
    first, second = sandbox.submissions
    assert first.body == {
        "model": "seedance-1-5-pro-251215",
        "content": [
            {"type": "text", "text": "the fox runs --camerafixed true --resolution 720p"},
            {"type": "image_url", "image_url": {"url": IMAGE_URL}},
        ],
        "generate_audio": False,
    }
    assert second.body["content"] == [{"type": "image_url", "image_url": {"url": IMAGE_URL}}]


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("byteplus", prompt="sea", image=IMAGE_URL)
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "sea.mp4")

    creation, path = asyncio.run(main())
    assert creation.state is _S
    assert creation.raw_state == "succeeded"
    assert path.read_bytes() == sandbox.video("byteplus", creation.id)


def test_cli_generate_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = _run_cli(
        *("generate", "byteplus", "--prompt", "a fox", "--duration", "5", "--aspect-ratio", "16:9"),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["state"] == "succeeded"
    assert data["raw_state"] == "succeeded"
    ref = CreationRef.parse(data["ref"])
    assert ref.id == sandbox.submissions[0].creation_id
    assert target.read_bytes() == sandbox.video("byteplus", ref.id)
    assert sandbox.submissions[0].body["content"][0]["text"] == "a fox --ratio 16:9 --duration 5"
    (tmp_path / "frame.png").write_bytes(PNG)
    uploaded = _run_cli(
        "create", "byteplus", "--prompt", "x", "--image", str(tmp_path / "frame.png"), env=sandbox.env()
    )
    assert uploaded.returncode == 0, uploaded.stderr
    (stored,) = sandbox.stored_files  # BytePlus takes URLs: the file went through Comfy's storage
    assert stored.content == PNG
    image_url = sandbox.submissions[1].body["content"][1]["image_url"]["url"]
    assert image_url.startswith(sandbox.base_url + "/storage/")
    assert "data:" not in json.dumps(sandbox.submissions[1].body)


# -- refused before anything is sent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"negative_prompt": "people"}, "negative_prompt", "no negative prompt"),
        ({"image": [IMAGE_URL, IMAGE_URL]}, "image", "one first-frame image"),
        ({"resolution": "2160p"}, "resolution", "480p, 720p, 1080p"),
        ({"aspect_ratio": "2:1"}, "aspect_ratio", "21:9, 16:9"),
        ({"duration": 2}, "duration", "3 to 12"),
        ({"duration": 13}, "duration", "3 to 12"),
        ({"duration": True}, "duration", "3 to 12"),
        ({"seed": -2}, "seed", "-1 to 4294967295"),
        ({"seed": 2**32}, "seed", "-1 to 4294967295"),
        ({"prompt": "x --seed 3", "seed": 4}, "seed", "given twice"),
        ({"prompt": "x --rs 720p", "resolution": "1080p"}, "resolution", "given twice"),
        ({"prompt": "x --rt 1:1", "aspect_ratio": "16:9"}, "aspect_ratio", "given twice"),
        ({"prompt": "x --dur 4", "duration": 5}, "duration", "given twice"),
        ({"content": []}, "content", "built from prompt and image"),
        ({"model": "seedance-9"}, "model", "one of"),
        ({"frobnicate": 1}, "frobnicate", "not an option of BytePlusVideoGenerationRequest"),
    ],
)
def test_what_byteplus_cannot_take_is_refused_naming_it(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    arguments = {"prompt": "x", **arguments}
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("byteplus", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.submissions == []


def test_flags_in_the_prompt_alone_are_sent_as_written(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("byteplus", prompt="x --seed 3 --resolution 480p", duration=4)
    assert sandbox.submissions[0].body["content"][0]["text"] == "x --seed 3 --resolution 480p --duration 4"


# -- states ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("queued", _Q),
        ("running", _P),
        ("succeeded", _S),
        ("failed", _F),
        ("cancelled", _F),
        ("RUNNING", _P),  # compared case-insensitively, as ComfyUI does
        ("canceled", _U),  # not BytePlus' spelling: an undocumented word
    ],
)
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("byteplus", f"state-{word}", states=[word])
    with make_client(sandbox) as client:
        creation = client.get(f"byteplus:state-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _byteplus.map_state(word) is state


def test_the_registry_maps_exactly_the_spec_words() -> None:
    assert dict(registry().providers["byteplus"].states) == {
        "queued": _Q,
        "running": _P,
        "succeeded": _S,
        "failed": _F,
        "cancelled": _F,
    }


def test_wait_keeps_polling_through_an_unknown_word(sandbox: Sandbox) -> None:
    sandbox.add_creation("byteplus", "u1", states=["queued", "UNKNOWN", "UNKNOWN", "running", "succeeded"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait("byteplus:u1", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert seen == [(_Q, "queued"), (_U, "UNKNOWN"), (_U, "UNKNOWN"), (_P, "running"), (_S, "succeeded")]
    assert done.state is _S


def test_an_undocumented_word_stays_raw(sandbox: Sandbox) -> None:
    sandbox.add_creation("byteplus", "odd", faults=[Fault.state("paused")])
    with make_client(sandbox) as client:
        creation = client.get("byteplus:odd")
    assert (creation.state, creation.raw_state) == (_U, "paused")


# -- failures --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["failed", "cancelled"])
def test_a_failed_task_raises_creation_failed_with_its_code(sandbox: Sandbox, word: str) -> None:
    sandbox.add_creation("byteplus", f"f-{word}", states=["queued", "running", word], failure_code="InternalError")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"byteplus:f-{word}", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state) == (_F, word)
    assert failed.error_code == "InternalError"
    assert failed.error_message == failed.payload["error"]["message"]
    assert failed.outputs == ()
    assert "InternalError" in str(info.value)


def test_a_submit_error_is_typed_and_names_the_code(sandbox: Sandbox) -> None:
    reject = Fault.error(400, error_code="InvalidParameter", message="the parameter duration is invalid")
    sandbox.script_submits("byteplus", Sandbox.submit_script(reject=reject))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("byteplus", prompt="x", duration=12)
    assert info.value.status_code == 400
    assert info.value.error_code == "InvalidParameter"


def test_an_unknown_task_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError):
        client.get("byteplus:no-such-task")


# -- credentials, refs, idempotency ----------------------------------------------------------------------


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("byteplus", "k1")
    with (
        make_client(sandbox, comfy_api_key="not-the-key") as client,
        pytest.raises(genvideo.AuthenticationError) as info,
    ):
        client.get("byteplus:k1")
    assert info.value.status_code == 401
    assert info.value.provider == "byteplus"
    anonymous = httpx.get(sandbox.comfy_base_url + "/proxy/byteplus/api/v3/contents/generations/tasks/k1")
    assert anonymous.status_code == 401
    submit = httpx.post(
        sandbox.comfy_base_url + sandbox.submit_path("byteplus", SUBMIT).removeprefix("/comfy"), json={}
    )
    assert submit.status_code == 401


def test_the_sandbox_key_travels_as_x_api_key(sandbox: Sandbox) -> None:
    sandbox.add_creation("byteplus", "h1")
    with make_client(sandbox) as client:
        client.get("byteplus:h1")
    (request,) = sandbox.requests_for(sandbox.fault_path("byteplus", "h1"))
    assert request.header_values("X-API-Key") == [COMFY_KEY]


def test_a_parsed_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("byteplus", prompt="fox")
        first = client.get(ref)
    text = str(ref)
    assert text == f"byteplus:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
    assert again.ref == ref
    assert again.payload["id"] == first.payload["id"] == ref.id


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("byteplus", SUBMIT), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("byteplus", prompt="a fox")
    first, second = sandbox.submissions
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id


# -- the adapter on replies the sandbox does not send -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({}, "no id"),
        ({"id": ""}, "no id"),
        ({"id": ["x"]}, "not a string"),
        ({"error": {"code": "InvalidParameter", "message": "bad"}}, "InvalidParameter"),
    ],
)
def test_an_unusable_submit_reply_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError, match=says):
        _byteplus.submitted(body)


def test_a_reply_for_another_task_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError):
        _byteplus.to_creation(CreationRef("byteplus", "a"), {"id": "b", "status": "running"})


def test_nulls_and_missing_fields_parse() -> None:
    ref = CreationRef("byteplus", "a")
    creation = _byteplus.to_creation(ref, {"id": "a", "status": None, "content": None, "error": None})
    assert (creation.state, creation.raw_state, creation.outputs) == (_U, None, ())
    creation.raw  # noqa: B018  (the generated model parses nulls)
    with pytest.raises(genvideo.ResponseValidationError):
        _byteplus.to_creation(ref, {"id": "a", "status": 3})
