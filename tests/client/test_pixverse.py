"""PixVerse through Comfy's proxy: what only PixVerse does (integer ids and states, its own image upload)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _pixverse
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_client

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
UPLOAD = "/comfy/proxy/pixverse/image/upload"


def test_text_to_video_maps_the_common_arguments(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create(
            "pixverse", prompt="a fox", negative_prompt="blur", duration=8, aspect_ratio="9:16", resolution=720, seed=7
        )
        done = client.wait(ref, poll_interval=0.01)
    (submission,) = sandbox.submissions
    assert submission.endpoint == "text"
    assert submission.body == {
        "model": "v3.5",
        "duration": 8,
        "quality": "720p",
        "aspect_ratio": "9:16",
        "prompt": "a fox",
        "negative_prompt": "blur",
        "seed": 7,
    }
    assert submission.idempotency_key
    uuid.UUID(submission.request.header("Ai-trace-id") or "")
    assert ref.id.isdigit()
    assert ref.scope == ()
    assert (done.state, done.raw_state, done.progress, done.error_message) == (CreationState.SUCCEEDED, "1", None, None)
    assert len(done.outputs) == 1


def test_every_request_has_its_own_trace_id(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.wait(client.create("pixverse", prompt="a fox", image=PNG), poll_interval=0.01)
    traces = [r.header("Ai-trace-id") for r in sandbox.requests if r.path.startswith("/comfy/proxy/pixverse/")]
    assert len(traces) >= 3
    assert len(set(traces)) == len(traces)


def test_an_image_is_uploaded_then_named_by_its_id(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("pixverse", prompt="a fox", image=PNG, resolution="1080p", motion_mode="fast")
    (upload,) = sandbox.requests_for(UPLOAD)
    assert PNG in upload.body
    assert upload.header("Idempotency-Key") is None
    (submission,) = sandbox.submissions
    assert submission.endpoint == "img"
    assert isinstance(submission.body["img_id"], int)
    assert "aspect_ratio" not in submission.body
    assert (submission.body["quality"], submission.body["motion_mode"]) == ("1080p", "fast")
    assert submission.creation_id == ref.id


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"image": "https://img.example/a.png"}, "image"),
        ({"image": [PNG, PNG]}, "image"),
        ({"duration": 6}, "duration"),
        ({"resolution": 900}, "resolution"),
        ({"aspect_ratio": "2:1"}, "aspect_ratio"),
        ({"motion_mode": "slow"}, "motion_mode"),
        ({"quality": "720p"}, "quality"),
        ({"image": PNG, "aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"unknown_option": 1}, "unknown_option"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    sandbox: Sandbox, arguments: dict[str, Any], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("pixverse", prompt="a fox", **arguments)
    assert info.value.option == option or option in str(info.value)
    assert sandbox.requests == []


def test_a_url_image_says_to_pass_a_file_or_bytes(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption, match="file or bytes"):
        client.create("pixverse", prompt="a fox", image="https://img.example/a.png")


def test_a_refused_upload_is_an_upload_error_and_nothing_is_submitted(sandbox: Sandbox) -> None:
    sandbox.add_fault(UPLOAD, Fault.body(b'{"ErrCode": 400017, "ErrMsg": "image too large", "Resp": null}'))
    with make_client(sandbox) as client, pytest.raises(genvideo.UploadError, match="image too large"):
        client.create("pixverse", prompt="a fox", image=PNG)
    assert sandbox.submissions == []


def test_an_upload_reply_without_an_integer_id_is_a_validation_error(sandbox: Sandbox) -> None:
    sandbox.add_fault(UPLOAD, Fault.body(b'{"ErrCode": 0, "ErrMsg": "success", "Resp": {"img_id": "7"}}'))
    with make_client(sandbox) as client, pytest.raises(genvideo.ResponseValidationError, match="img_id"):
        client.create("pixverse", prompt="a fox", image=PNG)
    assert sandbox.submissions == []


def test_a_failed_upload_is_retried(sandbox: Sandbox) -> None:
    sandbox.add_fault(UPLOAD, Fault.status(503))
    with make_client(sandbox, max_retries=2) as client:
        client.create("pixverse", prompt="a fox", image=PNG)
    assert len(sandbox.requests_for(UPLOAD)) == 2
    assert len(sandbox.submissions) == 1


@pytest.mark.parametrize(("code", "error_code"), [("6", "deleted"), ("7", "moderation"), ("8", "failed")])
def test_failure_codes(sandbox: Sandbox, code: str, error_code: str) -> None:
    sandbox.script_submits("pixverse", Sandbox.submit_script(states=["5", code], failure_code="no luck"))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(client.create("pixverse", prompt="a fox"), poll_interval=0.01)
    creation = info.value.creation
    assert (creation.state, creation.raw_state, creation.error_code) == (CreationState.FAILED, code, error_code)
    assert creation.error_message == "no luck"


def test_states_are_integer_codes() -> None:
    ref = genvideo.CreationRef("pixverse", "42")
    for status, state in [(1, CreationState.SUCCEEDED), (5, CreationState.PROCESSING), (2, CreationState.UNKNOWN)]:
        creation = _pixverse.to_creation(ref, {"ErrCode": 0, "Resp": {"id": 42, "status": status}})
        assert (creation.state, creation.raw_state) == (state, str(status))
    with pytest.raises(genvideo.ResponseValidationError, match="status"):
        _pixverse.to_creation(ref, {"Resp": {"status": "5"}})
    with pytest.raises(genvideo.ResponseValidationError, match="another creation"):
        _pixverse.to_creation(ref, {"Resp": {"id": 43, "status": 5}})


def test_submit_replies() -> None:
    assert _pixverse.submitted({"ErrCode": 0, "Resp": {"video_id": 12}}).id == "12"
    with pytest.raises(genvideo.ResponseValidationError, match="refused"):
        _pixverse.submitted({"ErrCode": 500, "ErrMsg": "busy", "Resp": None})
    with pytest.raises(genvideo.ResponseValidationError, match="not an integer"):
        _pixverse.submitted({"ErrCode": 0, "Resp": {"video_id": "12"}})
    with pytest.raises(genvideo.CreationFailed):
        _pixverse.submitted({"ErrCode": 500, "ErrMsg": "busy", "Resp": {"video_id": 12}})


def test_a_ref_that_is_no_integer_is_refused(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidCreationRef):
        client.get("pixverse:abc")
