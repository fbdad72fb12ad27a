"""Pika through Comfy's proxy: what only Pika does (a form-urlencoded and a multipart submit, its state words)."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _pika
from genvideo.testing import Sandbox
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
REF = genvideo.CreationRef("pika", "v-1")


def test_text_to_video_is_a_urlencoded_form(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create(
            "pika", prompt="a fox & a hare", negative_prompt="blur", duration=10, aspect_ratio="9:16", resolution=720
        )
        done = client.wait(ref, poll_interval=0.01)
    (submission,) = sandbox.submissions
    assert submission.endpoint == "t2v"
    request = submission.request
    assert request.header("Content-Type") == "application/x-www-form-urlencoded"
    assert parse_qs(request.body.decode()) == {
        "promptText": ["a fox & a hare"],
        "negativePrompt": ["blur"],
        "resolution": ["720p"],
        "duration": ["10"],
        "aspectRatio": ["0.5625"],
    }
    assert submission.idempotency_key
    assert ref.scope == ()
    assert (done.state, done.raw_state, done.progress) == (CreationState.SUCCEEDED, "finished", 1.0)
    assert len(done.outputs) == 1


def test_async_text_to_video_is_a_urlencoded_form_too(sandbox: Sandbox) -> None:
    async def main() -> genvideo.CreationRef:
        async with make_async_client(sandbox) as client:
            return await client.create("pika", prompt="a fox", seed=3)

    ref = asyncio.run(main())
    (submission,) = sandbox.submissions
    assert submission.creation_id == ref.id
    assert submission.request.header("Content-Type") == "application/x-www-form-urlencoded"
    assert submission.body == {"promptText": "a fox", "seed": "3"}


def test_image_to_video_is_multipart_with_the_image_as_a_file_part(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("pika", prompt="a fox", image=PNG, resolution="1080p", seed=-4)
    (submission,) = sandbox.submissions
    assert submission.endpoint == "i2v"
    assert (submission.request.header("Content-Type") or "").startswith("multipart/form-data; boundary=")
    assert b'name="image"; filename="image.png"' in submission.request.body
    assert PNG in submission.request.body
    assert {k: v for k, v in submission.body.items() if k != "image"} == {
        "promptText": "a fox",
        "seed": "-4",
        "resolution": "1080p",
    }


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"image": "https://img.example/a.png"}, "image"),
        ({"image": [PNG, PNG]}, "image"),
        ({"image": PNG, "aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"duration": 6}, "duration"),
        ({"resolution": 480}, "resolution"),
        ({"aspect_ratio": "3:1"}, "aspect_ratio"),
        ({"aspect_ratio": "wide"}, "aspect_ratio"),
        ({"aspect_ratio": "1:0"}, "aspect_ratio"),
        ({"model": "2.2"}, "model"),
        ({"promptText": "again"}, "promptText"),
        ({"aspectRatio": 1.5}, "aspectRatio"),
        ({"ingredientsMode": "creative"}, "ingredientsMode"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(
    sandbox: Sandbox, arguments: dict[str, Any], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("pika", prompt="a fox", **arguments)
    assert info.value.option == option
    assert sandbox.requests == []


def test_a_prompt_is_needed(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption, match="prompt"):
        client.create("pika", prompt="", image=PNG)
    assert sandbox.requests == []


def test_the_fake_refuses_a_json_body_for_the_urlencoded_submit(sandbox: Sandbox) -> None:
    url = sandbox.comfy_base_url + "/proxy/pika/generate/2.2/t2v"
    response = httpx.post(url, json={"promptText": "a fox"}, headers={"X-API-Key": sandbox.env()["COMFY_API_KEY"]})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "body"]


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("queued", CreationState.QUEUED),
        ("started", CreationState.PROCESSING),
        ("finished", CreationState.SUCCEEDED),
        ("failed", CreationState.FAILED),  # ComfyUI's enum; the spec has no failure word
        ("cancelled", CreationState.UNKNOWN),
        (None, CreationState.UNKNOWN),
    ],
)
def test_every_state_word(word: str | None, state: CreationState) -> None:
    creation = _pika.to_creation(REF, {"id": "v-1", "status": word, "progress": 40})
    assert (creation.state, creation.raw_state, creation.progress) == (state, word, 0.4)
    assert (creation.error_code, creation.error_message) == (None, None)


def test_a_failed_video_ends_wait_with_creation_failed(sandbox: Sandbox) -> None:
    sandbox.script_submits("pika", Sandbox.submit_script(states=["started", "failed"]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(client.create("pika", prompt="a fox"), poll_interval=0.01)
    assert (info.value.creation.state, info.value.creation.raw_state) == (CreationState.FAILED, "failed")


def test_replies() -> None:
    finished = _pika.to_creation(REF, {"id": "v-1", "status": "finished", "url": "https://cdn.example/v.mp4"})
    assert [o.url for o in finished.outputs] == ["https://cdn.example/v.mp4"]
    assert _pika.to_creation(REF, {"id": "v-1", "status": "finished", "url": None}).outputs == ()
    with pytest.raises(genvideo.ResponseValidationError, match="another creation"):
        _pika.to_creation(REF, {"id": "v-2", "status": "queued"})
    assert _pika.submitted({"video_id": "v-9"}).id == "v-9"
    with pytest.raises(genvideo.ResponseValidationError, match="no video_id"):
        _pika.submitted({"detail": []})
    with pytest.raises(genvideo.ResponseValidationError, match="not a string"):
        _pika.submitted({"video_id": 9})
