"""Moonvalley through Comfy's proxy: what only Moonvalley does (a free status string, its own upload)."""

from __future__ import annotations

from typing import Any

import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _moonvalley
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_client

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
UPLOAD = "/comfy/proxy/moonvalley/uploads"
REF = genvideo.CreationRef("moonvalley", "p-1")


def test_text_to_video_maps_the_common_arguments(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create(
            "moonvalley",
            prompt="a fox",
            negative_prompt="blur",
            aspect_ratio="9:16",
            seed=7,
            inference_params={"steps": 40},
            webhook_url="https://hooks.example/done",
        )
        done = client.wait(ref, poll_interval=0.01)
    (submission,) = sandbox.submissions
    assert submission.endpoint == "text"
    assert submission.body == {
        "prompt_text": "a fox",
        "inference_params": {"steps": 40, "width": 1080, "height": 1920, "seed": 7, "negative_prompt": "blur"},
        "webhook_url": "https://hooks.example/done",
    }
    assert submission.idempotency_key
    assert ref.scope == ()
    assert (done.state, done.raw_state, done.progress, done.error_message) == (
        CreationState.SUCCEEDED,
        "completed",
        None,
        None,
    )
    assert len(done.outputs) == 1


def test_an_image_url_is_sent_as_is(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("moonvalley", prompt="a fox", image="https://img.example/a.png")
    (submission,) = sandbox.submissions
    assert submission.endpoint == "image"
    assert submission.body == {"prompt_text": "a fox", "image_url": "https://img.example/a.png"}
    assert sandbox.requests_for(UPLOAD) == []


def test_an_image_as_bytes_is_uploaded_then_named_by_its_url(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("moonvalley", prompt="a fox", image=PNG)
    (upload,) = sandbox.requests_for(UPLOAD)
    assert PNG in upload.body
    assert b'name="file"' in upload.body
    assert upload.header("Idempotency-Key") is None
    (submission,) = sandbox.submissions
    assert submission.endpoint == "image"
    assert submission.body["image_url"].startswith("https://uploads.moonvalley.sandbox.invalid/")
    assert submission.creation_id == ref.id
    assert sandbox.stored_files == []  # its own upload, not Comfy's storage


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"image": [PNG, PNG]}, "image"),
        ({"duration": 5}, "duration"),
        ({"model": "marey"}, "model"),
        ({"resolution": 1080}, "resolution"),
        ({"aspect_ratio": "2:1"}, "aspect_ratio"),
        ({"image_url": "https://img.example/a.png"}, "image_url"),
        ({"prompt_text": "again"}, "prompt_text"),
        ({"inference_params": {"steps": "many"}}, "inference_params.steps"),
        ({"inference_params": {"nope": 1}}, "inference_params.nope"),
        ({"inference_params": 3}, "inference_params"),
        ({"seed": 1, "inference_params": {"seed": 2}}, "inference_params.seed"),
        ({"unknown_option": 1}, "unknown_option"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    sandbox: Sandbox, arguments: dict[str, Any], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("moonvalley", prompt="a fox", **arguments)
    assert info.value.option == option or option in str(info.value)
    assert sandbox.requests == []


def test_a_prompt_is_needed(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption, match="prompt"):
        client.create("moonvalley", prompt="")
    assert sandbox.requests == []


def test_an_upload_reply_without_a_url_is_an_upload_error_and_nothing_is_submitted(sandbox: Sandbox) -> None:
    sandbox.add_fault(UPLOAD, Fault.body(b'{"access_url": null}'))
    with make_client(sandbox) as client, pytest.raises(genvideo.UploadError, match="access_url") as info:
        client.create("moonvalley", prompt="a fox", image=PNG)
    assert (info.value.provider, info.value.what) == ("moonvalley", "image 1")
    assert sandbox.submissions == []


def test_a_failed_upload_is_retried(sandbox: Sandbox) -> None:
    sandbox.add_fault(UPLOAD, Fault.status(503))
    with make_client(sandbox, max_retries=2) as client:
        client.create("moonvalley", prompt="a fox", image=PNG)
    assert len(sandbox.requests_for(UPLOAD)) == 2
    assert len(sandbox.submissions) == 1


@pytest.mark.parametrize("word", ["failed", "error"])
def test_both_failure_words_end_in_creation_failed_with_the_reason(sandbox: Sandbox, word: str) -> None:
    sandbox.script_submits("moonvalley", Sandbox.submit_script(states=["queued", word], failure_code="no luck"))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(client.create("moonvalley", prompt="a fox"), poll_interval=0.01)
    creation = info.value.creation
    assert (creation.state, creation.raw_state, creation.error_message) == (CreationState.FAILED, word, "no luck")


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("completed", CreationState.SUCCEEDED),
        ("failed", CreationState.FAILED),
        ("error", CreationState.FAILED),
        ("COMPLETED", CreationState.SUCCEEDED),
        *[(w, CreationState.QUEUED) for w in ("created", "queued", "queueing", "submitted", "initializing", "wait")],
        ("running", CreationState.UNKNOWN),
        ("success", CreationState.UNKNOWN),  # ComfyUI would end here, comfy-cli would not: polled on
        ("cancelled", CreationState.UNKNOWN),
    ],
)
def test_every_status_word(word: str, state: CreationState) -> None:
    creation = _moonvalley.to_creation(REF, {"id": "p-1", "status": word})
    assert (creation.state, creation.raw_state) == (state, word)
    assert not creation.state.is_terminal or word.lower() in ("completed", "failed", "error")


def test_an_unknown_word_keeps_wait_polling(sandbox: Sandbox) -> None:
    sandbox.script_submits("moonvalley", Sandbox.submit_script(states=["rendering", "rendering", "completed"]))
    with make_client(sandbox) as client:
        ref = client.create("moonvalley", prompt="a fox")
        assert client.get(ref).state is CreationState.UNKNOWN
        assert client.wait(ref, poll_interval=0.01).state is CreationState.SUCCEEDED


def test_error_objects() -> None:
    failed = {"id": "p-1", "status": "error"}
    cases: list[tuple[object, tuple[str | None, str | None]]] = [
        ({"code": "nsfw", "message": "blocked"}, ("nsfw", "blocked")),
        ({"detail": "out of credits"}, (None, "out of credits")),
        ({"weird": [1]}, (None, '{"weird": [1]}')),
        (None, (None, None)),
    ]
    for error, expected in cases:
        creation = _moonvalley.to_creation(REF, {**failed, "error": error})
        assert (creation.error_code, creation.error_message) == expected
    running = _moonvalley.to_creation(REF, {"id": "p-1", "status": "queued", "error": {"message": "stale"}})
    assert running.error_message is None  # an error object is a reason only once the prompt failed
    with pytest.raises(genvideo.ResponseValidationError, match="error"):
        _moonvalley.to_creation(REF, {"id": "p-1", "status": "failed", "error": "text"})


def test_replies_for_another_prompt_are_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="another creation"):
        _moonvalley.to_creation(REF, {"id": "p-2", "status": "completed"})


def test_submit_replies() -> None:
    assert _moonvalley.submitted({"id": "p-9", "status": "queued"}).id == "p-9"
    with pytest.raises(genvideo.ResponseValidationError, match="no id"):
        _moonvalley.submitted({"status": "queued"})
    with pytest.raises(genvideo.ResponseValidationError, match="not a string"):
        _moonvalley.submitted({"id": 12})
    with pytest.raises(genvideo.CreationFailed) as info:
        _moonvalley.submitted({"id": "p-9", "status": "failed", "error": {"message": "bad prompt"}})
    assert info.value.creation.error_message == "bad prompt"
