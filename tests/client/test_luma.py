"""Luma Dream Machine through the Comfy proxy, end to end against the sandbox: create, get, wait and
download (sync, async and the CLI), the argument mapping, failures, unknown states, credentials."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _luma
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from tests.support.cli import run_cli
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
FIRST, LAST = "https://img.example/first.png", "https://img.example/last.png"
GENERATION = "123e4567-e89b-12d3-a456-426614174000"
DEFAULTS = {"model": "ray-2", "aspect_ratio": "16:9", "resolution": "540p", "duration": "5s"}
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


def _new_id() -> str:
    return str(uuid.uuid4())


# -- create, wait, download ----------------------------------------------------------------------------


def test_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        ref = client.create("luma", prompt="a red fox in snow")
        assert ref.provider == "luma"
        assert str(uuid.UUID(ref.id)) == ref.id
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == "generations"
    assert submission.status == 201
    assert submission.body == {"prompt": "a red fox in snow", **DEFAULTS}
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert seen == [(_Q, "queued"), (_P, "dreaming"), (_S, "completed")]
    assert creation.progress is None  # Luma reports none
    (output,) = creation.outputs
    assert output.url == creation.payload["assets"]["video"]
    assert output.cover_url == creation.payload["assets"]["image"]
    assert output.watermarked_url is None
    assert creation.error_code is None
    assert creation.created_at is not None
    assert creation.updated_at is None
    assert path.read_bytes() == sandbox.video("luma", ref.id)
    assert str(creation.raw.id) == ref.id  # the generated LumaGeneration


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("luma", prompt="waves", duration=9, aspect_ratio="9:16")
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path)

    creation, path = asyncio.run(main())
    assert creation.state is _S
    assert path.read_bytes() == sandbox.video("luma", creation.id)
    assert sandbox.submissions[0].body["duration"] == "9s"
    assert sandbox.submissions[0].body["aspect_ratio"] == "9:16"


def test_generate_through_the_cli(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = run_cli(
        *("generate", "luma", "--prompt", "a fox", "--resolution", "720", "--image", FIRST),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["provider"] == "luma"
    assert data["state"] == "succeeded"
    assert data["raw_state"] == "completed"
    assert data["downloaded"] == str(target)
    assert target.read_bytes() == sandbox.video("luma", data["id"])
    (submission,) = sandbox.submissions
    assert submission.body["resolution"] == "720p"
    assert submission.body["keyframes"] == {"frame0": {"type": "image", "url": FIRST}}
    assert f"luma:{data['id']}  queued" in result.stderr


def test_a_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("luma", prompt="fox")
        first = client.get(ref)
    parsed = genvideo.CreationRef.parse(str(ref))
    assert parsed == ref
    assert str(ref) == f"luma:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(parsed)
    assert (again.ref, again.id) == (first.ref, first.id)
    assert again.payload["id"] == ref.id
    assert again.state is _P  # the second poll of the default lifecycle


# -- what create() sends ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, DEFAULTS),
        (
            {"duration": 9, "resolution": 1080, "aspect_ratio": "21:9"},
            {**DEFAULTS, "duration": "9s", "resolution": "1080p", "aspect_ratio": "21:9"},
        ),
        ({"resolution": "4k"}, {**DEFAULTS, "resolution": "4k"}),
        ({"resolution": "720p", "model": "ray-flash-2"}, {**DEFAULTS, "resolution": "720p", "model": "ray-flash-2"}),
        ({"model": "ray-1-6"}, {"model": "ray-1-6", "aspect_ratio": "16:9"}),  # no duration, no resolution
        (
            {"loop": True, "callback_url": "https://hook.example/luma"},
            {**DEFAULTS, "loop": True, "callback_url": "https://hook.example/luma"},
        ),
        ({"image": FIRST}, {**DEFAULTS, "keyframes": {"frame0": {"type": "image", "url": FIRST}}}),
        (
            {"image": [FIRST, LAST]},
            {
                **DEFAULTS,
                "keyframes": {"frame0": {"type": "image", "url": FIRST}, "frame1": {"type": "image", "url": LAST}},
            },
        ),
        (
            {"keyframes": {"frame1": {"type": "image", "url": LAST}}},
            {**DEFAULTS, "keyframes": {"frame1": {"type": "image", "url": LAST}}},
        ),
        (
            {"keyframes": {"frame0": {"type": "generation", "id": GENERATION}}},
            {**DEFAULTS, "keyframes": {"frame0": {"type": "generation", "id": GENERATION}}},
        ),
    ],
    ids=[
        "defaults",
        "numbers",
        "4k",
        "flash",
        "ray-1-6",
        "options",
        "one-image",
        "two-images",
        "last-frame",
        "extend-a-generation",
    ],
)
def test_create_maps_the_arguments(sandbox: Sandbox, kwargs: dict[str, Any], expected: dict[str, Any]) -> None:
    with make_client(sandbox) as client:
        ref = client.create("luma", prompt="move", **kwargs)
    (submission,) = sandbox.submissions
    assert submission.body == {"prompt": "move", **expected}
    assert submission.creation_id == ref.id


@pytest.mark.parametrize(
    ("kwargs", "option", "message"),
    [
        ({"seed": 7}, "seed", "Luma takes no seed"),
        ({"negative_prompt": "people"}, "negative_prompt", "Luma takes no negative prompt"),
        ({"image": [FIRST, LAST, FIRST]}, "image", "at most two images"),
        ({"model": "ray-1-6", "duration": 5}, "duration", "ray-1-6 takes no duration"),
        ({"model": "ray-1-6", "resolution": "720p"}, "resolution", "ray-1-6 takes no resolution"),
        ({"model": "ray-3"}, "model", "expected one of 'ray-1-6', 'ray-2', 'ray-flash-2'"),
        ({"aspect_ratio": "5:4"}, "aspect_ratio", "expected one of"),
        ({"loop": "yes"}, "loop", "expected bool"),
        ({"style": "anime"}, "style", "not an option of LumaGenerationRequest"),
        ({"generation_type": "image"}, "generation_type", "expected one of 'video'"),
        ({"image": FIRST, "keyframes": {}}, "keyframes", "given twice"),
        ({"keyframes": [FIRST]}, "keyframes", "expected an object"),
        ({"keyframes": {"frame2": {"type": "image", "url": FIRST}}}, "keyframes.frame2", "valid: frame0, frame1"),
        (
            {"keyframes": {"frame0": {"type": "video", "url": FIRST}}},
            "keyframes.frame0.type",
            "'image' or 'generation'",
        ),
        ({"keyframes": {"frame0": {"type": "image"}}}, "keyframes.frame0.url", "LumaImageReference needs"),
        ({"keyframes": {"frame0": {"type": "generation", "id": "42"}}}, "keyframes.frame0.id", "a UUID"),
        (
            {"keyframes": {"frame0": {"type": "generation", "id": GENERATION, "url": FIRST}}},
            "keyframes.frame0",
            "not a field of a generation reference",
        ),
    ],
)
def test_arguments_luma_cannot_take_are_refused_before_sending(
    sandbox: Sandbox, kwargs: dict[str, Any], option: str, message: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption, match=message) as info:
        client.create("luma", prompt="move", **kwargs)
    assert info.value.option == option
    assert sandbox.submissions == []


def test_a_missing_prompt_is_refused(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption, match="needs prompt"):
        client.create("luma", prompt=None)
    assert sandbox.submissions == []


def test_the_submit_carries_the_idempotency_key_and_is_retried_with_it(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("luma", "generations"), Fault.delay(2.0))  # processed, answered late
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("luma", prompt="a fox")
    first, second = sandbox.submissions
    assert first.created
    assert second.replayed
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id  # one generation, not two


# -- states, failures, errors ----------------------------------------------------------------------------

EXPECTED_STATES = {"queued": _Q, "dreaming": _P, "completed": _S, "failed": _F}


def test_the_registry_maps_exactly_luma_words() -> None:
    assert dict(registry().providers["luma"].states) == EXPECTED_STATES


@pytest.mark.parametrize(("word", "state"), EXPECTED_STATES.items())
def test_every_state_word_is_mapped(sandbox: Sandbox, word: str, state: CreationState) -> None:
    cid = _new_id()
    sandbox.add_creation("luma", cid, states=[word])
    with make_client(sandbox) as client:
        creation = client.get(f"luma:{cid}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert creation.state is _luma.map_state(word.upper())  # compared case-insensitively, as ComfyUI does
    assert bool(creation.outputs) is (state is _S)


def test_a_failure_carries_the_failure_reason(sandbox: Sandbox) -> None:
    cid = _new_id()
    reason = "400: prompt not allowed because advanced moderation failed"
    sandbox.add_creation("luma", cid, states=["queued", "dreaming", "failed"], failure_code=reason)
    seen: list[CreationState] = []
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"luma:{cid}", poll_interval=0.01, on_progress=lambda c: seen.append(c.state))
    assert seen == [_Q, _P, _F]
    failed = info.value.creation
    assert failed.error_code == reason
    assert failed.raw.failure_reason == reason
    assert failed.outputs == ()


def test_a_generation_refused_at_submit_raises_creation_failed(sandbox: Sandbox) -> None:
    sandbox.script_submits("luma", Sandbox.submit_script(states=["failed"], failure_code="Prompt not allowed"))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        client.create("luma", prompt="something forbidden")
    creation = info.value.creation
    assert creation.state is _F
    assert creation.id == sandbox.submissions[0].creation_id
    assert creation.error_code == "Prompt not allowed"
    assert creation.raw.request.prompt == "something forbidden"


def test_generate_raises_when_the_generation_fails(sandbox: Sandbox) -> None:
    sandbox.script_submits("luma", Sandbox.submit_script(states=["dreaming", "failed"]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.generate("luma", prompt="x", poll_interval=0.01)
    assert info.value.creation.error_code == "The generation failed in the sandbox"


def test_an_unknown_state_is_kept_raw_and_wait_keeps_polling(sandbox: Sandbox) -> None:
    cid, other = _new_id(), _new_id()
    sandbox.add_creation("luma", cid, states=["queued", "rendering", "completed"])
    sandbox.add_creation("luma", other, faults=[Fault.state("upscaling")])  # answered as if in that state
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait(f"luma:{cid}", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        odd = client.get(f"luma:{other}")
    assert seen == [(_Q, "queued"), (_U, "rendering"), (_S, "completed")]
    assert done.state is _S
    assert (odd.state, odd.raw_state) == (_U, "upscaling")
    assert not odd.state.is_terminal


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    with make_client(sandbox, comfy_api_key="not-the-key") as client:
        with pytest.raises(genvideo.AuthenticationError) as info:
            client.get(f"luma:{_new_id()}")
        with pytest.raises(genvideo.AuthenticationError):
            client.create("luma", prompt="x")
    assert info.value.status_code == 401
    assert info.value.message == "luma: HTTP 401: Please login first"
    assert sandbox.submissions[0].status == 401


def test_no_key_sends_nothing(sandbox: Sandbox) -> None:
    with make_client(sandbox, comfy_api_key=None) as client, pytest.raises(genvideo.MissingCredentials):
        client.get(f"luma:{_new_id()}")
    assert sandbox.requests == []


def test_an_unknown_generation_is_not_found(sandbox: Sandbox) -> None:
    cid = _new_id()
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get(f"luma:{cid}")
    assert info.value.message == f"luma: HTTP 404: Generation {cid} not found"  # LumaError's detail


def test_submit_errors_are_typed(sandbox: Sandbox) -> None:
    sandbox.script_submits("luma", Sandbox.submit_script(reject=Fault.error(400, message="Invalid keyframe")))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("luma", prompt="x")
    assert info.value.status_code == 400
    assert info.value.message == "luma: HTTP 400: Invalid keyframe"


# -- the adapter on its own: replies the sandbox does not send --------------------------------------------


def _ref(cid: str = GENERATION) -> genvideo.CreationRef:
    return genvideo.CreationRef("luma", cid)


def test_submit_replies_without_a_usable_id_are_refused_with_the_reply() -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"state": "queued"}, "has no id"),
        ({"id": "", "state": "queued"}, "has no id"),
        ({"id": 1.5}, "is a float"),
        ({"id": "a/b"}, "unusable id"),
        ({"state": "failed", "failure_reason": "no"}, "the submit was refused"),
    ]
    for body, reason in cases:
        with pytest.raises(genvideo.ResponseValidationError, match=reason) as info:
            _luma.submitted(body)
        assert info.value.body, body
    assert _luma.submitted({"id": GENERATION, "state": "queued"}) == _ref()


def test_a_poll_reply_is_read_leniently_but_typed() -> None:
    queued = _luma.to_creation(_ref(), {"id": GENERATION, "state": "queued", "assets": None, "failure_reason": None})
    assert (queued.state, queued.outputs, queued.error_code) == (_Q, (), None)
    empty = _luma.to_creation(_ref(), {"state": "completed", "assets": {"video": None, "image": "https://x/i.jpg"}})
    assert empty.outputs == ()  # no video yet: wait() calls that a failure to deliver
    bare = _luma.to_creation(_ref(), {"state": "completed", "assets": {"video": "https://x/v.mp4"}})
    assert [(o.url, o.cover_url) for o in bare.outputs] == [("https://x/v.mp4", None)]
    assert _luma.to_creation(_ref(), {"state": "failed", "failure_reason": "  "}).error_code is None
    cases: list[tuple[dict[str, Any], str]] = [
        ({"id": "123e4567-e89b-12d3-a456-426614174999"}, "but the reply is for"),
        ({"state": 3}, "state should be a string"),
        ({"assets": []}, "assets should be an object"),
        ({"assets": {"video": 5}}, "assets.video should be a string"),
        ({"failure_reason": {"code": 1}}, "failure_reason should be a string"),
    ]
    for body, complaint in cases:
        with pytest.raises(genvideo.ResponseValidationError, match=complaint):
            _luma.to_creation(_ref(), body)
