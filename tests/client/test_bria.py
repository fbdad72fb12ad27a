"""Bria's video background removal (behind Comfy's proxy) against the sandbox: the submit's fields (a 202),
every state word (UNKNOWN polled through), a failure's code, and what it refuses."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _bria
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from tests.support.clients import make_async_client, make_client

VIDEO_URL = "https://v.example/input.mp4"
_P, _S, _F, _U = CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED, CreationState.UNKNOWN


def _create(client: genvideo.Client, **arguments: Any) -> CreationRef:
    return client.create("bria", **{"prompt": None, "video": VIDEO_URL, **arguments})


def test_create_wait_download_through_unknown(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.script_submits("bria", Sandbox.submit_script(states=["IN_PROGRESS", "UNKNOWN", "COMPLETED"]))
    with make_client(sandbox) as client:
        ref = _create(client, background_color="Green", output_container_and_codec="webm_vp9", preserve_audio=False)
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "out.webm")
    (submission,) = sandbox.submissions
    assert submission.body == {
        "video": VIDEO_URL,
        "background_color": "Green",
        "output_container_and_codec": "webm_vp9",
        "preserve_audio": False,
    }
    assert submission.idempotency_key
    assert (ref.provider, ref.id, ref.scope) == ("bria", submission.creation_id, ())
    assert (_U, "UNKNOWN") in seen  # "Unexpected internal error" per the spec: polled through, as ComfyUI does
    assert (creation.state, creation.raw_state, creation.progress) == (_S, "COMPLETED", None)
    assert path.read_bytes() == sandbox.video("bria", ref.id)


def test_async_create_and_wait(sandbox: Sandbox) -> None:
    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox) as client:
            ref = await client.create("bria", prompt=None, video=VIDEO_URL)
            return await client.wait(ref, poll_interval=0.01)

    assert asyncio.run(main()).state is _S


@pytest.mark.parametrize(
    ("word", "state"), [("IN_PROGRESS", _P), ("COMPLETED", _S), ("ERROR", _F), ("UNKNOWN", _U), ("QUEUED", _U)]
)
def test_every_state_word(word: str, state: CreationState) -> None:
    ref = CreationRef("bria", "r")
    creation = _bria.to_creation(ref, {"request_id": "r", "status": word, "result": {"video_url": "https://r"}})
    assert (creation.state, creation.raw_state) == (state, word)
    assert [o.url for o in creation.outputs] == (["https://r"] if state is _S else [])


def test_the_registry_maps_every_documented_word() -> None:
    assert set(registry().providers["bria"].states) == {"in_progress", "completed", "error", "unknown"}


def test_a_failure_keeps_brias_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("bria", "req-f", states=["IN_PROGRESS", "ERROR"], failure_code="422")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("bria:req-f", poll_interval=0.01)
    assert (info.value.creation.raw_state, info.value.creation.error_code) == ("ERROR", "422")


def test_an_unknown_request_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get("bria:no-such-request")
    assert info.value.status_code == 404


def test_another_requests_reply_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="but the reply is for"):
        _bria.to_creation(CreationRef("bria", "r"), {"request_id": "other", "status": "COMPLETED"})


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"error": {"code": 422, "message": "video too long"}}, "refused ('422': 'video too long')"),
        ({"status_url": "https://x"}, "no usable request_id"),
        ({"request_id": 1.5}, "no usable request_id"),
    ],
)
def test_a_submit_reply_without_a_request_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError) as info:
        _bria.submitted(body)
    assert says in str(info.value)


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({"video": None}, "video"),
        ({"prompt": "remove the background"}, "prompt"),
        ({"image": "https://i.example/a.png"}, "image"),
        ({"negative_prompt": "blur"}, "negative_prompt"),
        ({"duration": 5}, "duration"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio"),
        ({"resolution": "1080p"}, "resolution"),
        ({"seed": 1}, "seed"),
        ({"model": "bria-2"}, "model"),
        ({"background_color": "Purple"}, "background_color"),
        ({"preserve_audio": "yes"}, "preserve_audio"),
        ({"seed_value": 3}, "seed_value"),
    ],
)
def test_refusals_name_the_argument_before_any_request(
    sandbox: Sandbox, arguments: dict[str, Any], option: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        _create(client, **arguments)
    assert info.value.option == option
    assert sandbox.requests == []
