"""xAI Grok Imagine video (behind Comfy's proxy) end to end against the sandbox: create, wait, download,
states (a 202 while pending), a blocked request, refusals, refs and the CLI; with ``video=``, the edit
(``/proxy/xai/v1/videos/edits``)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _xai
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._media import sample_video
from tests.support.cli import run_cli as _run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE_URL = "https://img.example/first-frame.png"
SUBMIT = "generations"
EDIT = "edits"
VIDEO_URL = "https://v.example/clips/input.mp4"
_P, _S, _F, _U = CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED, CreationState.UNKNOWN


# -- create, wait, download ----------------------------------------------------------------------------


def test_text_to_video_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("xai", prompt="a red fox in snow", duration=10, aspect_ratio="9:16", resolution=720)
        assert (ref.provider, ref.scope) == ("xai", ())
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == SUBMIT
    assert submission.body == {
        "prompt": "a red fox in snow",
        "model": "grok-imagine-video",
        "duration": 10,
        "aspect_ratio": "9:16",
        "resolution": "720p",
    }
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert seen == [(_P, "pending"), (_S, "done")]
    assert creation.progress is None
    assert (creation.error_code, creation.error_message) == (None, None)
    assert [o.url for o in creation.outputs] == [creation.payload["video"]["url"]]
    assert creation.raw.status == "done"
    assert path.read_bytes() == sandbox.video("xai", ref.id)


def test_a_pending_result_is_a_202_read_as_a_normal_reply(sandbox: Sandbox) -> None:
    sandbox.add_creation("xai", "p1", states=["pending"])
    raw = httpx.get(sandbox.comfy_base_url + "/proxy/xai/v1/videos/p1", headers={"X-API-Key": COMFY_KEY})
    assert raw.status_code == 202
    assert raw.json() == {"status": "pending", "model": "grok-imagine-video"}
    with make_client(sandbox) as client:
        creation = client.get("xai:p1")
    assert (creation.state, creation.raw_state, creation.outputs) == (_P, "pending", ())


def test_image_to_video_takes_an_image_url_and_a_model(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("xai", prompt="the fox runs", image=IMAGE_URL, model="grok-imagine-video-1.5", size="848x480")
    (submission,) = sandbox.submissions
    assert submission.body == {
        "prompt": "the fox runs",
        "model": "grok-imagine-video-1.5",
        "image": {"url": IMAGE_URL, "type": "image_url"},
        "size": "848x480",
    }


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("xai", prompt="sea", image=IMAGE_URL)
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "sea.mp4")

    creation, path = asyncio.run(main())
    assert (creation.state, creation.raw_state) == (_S, "done")
    assert path.read_bytes() == sandbox.video("xai", creation.id)


def test_cli_generate_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = _run_cli(
        *("generate", "xai", "--prompt", "a fox", "--duration", "5", "--aspect-ratio", "16:9"),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["raw_state"]) == ("succeeded", "done")
    ref = CreationRef.parse(data["ref"])
    assert ref.id == sandbox.submissions[0].creation_id
    assert target.read_bytes() == sandbox.video("xai", ref.id)


# -- refused before anything is sent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"seed": 7}, "seed", "no seed"),
        ({"negative_prompt": "people"}, "negative_prompt", "no negative prompt"),
        ({"image": [IMAGE_URL, IMAGE_URL]}, "image", "one image"),
        ({"duration": 0}, "duration", "1 to 15"),
        ({"duration": 16}, "duration", "1 to 15"),
        ({"duration": True}, "duration", "1 to 15"),
        ({"aspect_ratio": "21:9"}, "aspect_ratio", "1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3"),
        ({"resolution": ""}, "resolution", "not a resolution"),
        ({"frobnicate": 1}, "frobnicate", "not an option of XAIVideoGenerationRequest"),
    ],
)
def test_what_xai_cannot_take_is_refused_naming_it(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("xai", prompt="x", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.submissions == []


def test_a_prompt_is_required(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("xai", prompt=None)
    assert info.value.option == "prompt"
    assert sandbox.submissions == []


# -- states ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "state"), [("pending", _P), ("done", _S), ("DONE", _S), ("failed", _U)])
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("xai", f"state-{word}", states=[word])
    with make_client(sandbox) as client:
        creation = client.get(f"xai:state-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _xai.map_state(word) is state


def test_the_registry_maps_exactly_the_spec_words() -> None:
    assert dict(registry().providers["xai"].states) == {"pending": _P, "done": _S}


def test_wait_keeps_polling_through_an_unknown_word(sandbox: Sandbox) -> None:
    sandbox.add_creation("xai", "u1", states=["pending", "moderating", "moderating", "done"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait("xai:u1", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert seen == [(_P, "pending"), (_U, "moderating"), (_U, "moderating"), (_S, "done")]
    assert done.state is _S


def test_an_undocumented_word_stays_raw(sandbox: Sandbox) -> None:
    sandbox.add_creation("xai", "odd", faults=[Fault.state("expired")])
    with make_client(sandbox) as client:
        creation = client.get("xai:odd")
    assert (creation.state, creation.raw_state) == (_U, "expired")


def test_a_blocked_request_fails_with_its_reason(sandbox: Sandbox) -> None:
    reason = "Prompt rejected by input moderation"
    sandbox.add_creation("xai", "b1", states=["pending", "done"], failure_code=reason)
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("xai:b1", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state) == (_F, "done")
    assert (failed.error_code, failed.error_message) == ("blocked", reason)
    assert failed.outputs == ()


@pytest.mark.parametrize(
    ("body", "state", "outputs"),
    [
        ({"video": {"url": "https://v.example/a.mp4"}}, _S, 1),  # ComfyUI: a missing status is done
        ({"video": {"url": None}}, _U, 0),  # nothing says it is over: keep polling
        ({}, _U, 0),
        ({"status": None, "model": "grok-imagine-video"}, _U, 0),
        ({"status": "pending", "block_reason": "blocked"}, _F, 0),
        ({"block_reason": "nsfw", "video": {"url": "https://v.example/a.mp4"}}, _F, 0),
        ({"status": "done", "block_reason": ""}, _S, 0),  # an empty reason blocks nothing
    ],
)
def test_replies_without_a_status_or_with_a_block_reason(
    body: dict[str, Any], state: CreationState, outputs: int
) -> None:
    creation = _xai.to_creation(CreationRef("xai", "r1"), body)
    assert creation.state is state
    assert len(creation.outputs) == outputs


def test_wrong_types_are_response_validation_errors() -> None:
    bodies: list[dict[str, Any]] = [{"status": 3}, {"video": "x"}, {"video": {"url": 1}}, {"block_reason": []}]
    for body in bodies:
        with pytest.raises(genvideo.ResponseValidationError):
            _xai.to_creation(CreationRef("xai", "r1"), body)


# -- failures, credentials, refs ---------------------------------------------------------------------------


def test_a_submit_error_is_typed(sandbox: Sandbox) -> None:
    reject = Fault.error(400, error_code="invalid_argument", message="duration too long")
    sandbox.script_submits("xai", Sandbox.submit_script(reject=reject))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("xai", prompt="x")
    assert info.value.status_code == 400
    assert "duration too long" in info.value.message


def test_an_unknown_request_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get("xai:no-such-request")
    assert info.value.status_code == 404


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("xai", "k1")
    with (
        make_client(sandbox, comfy_api_key="not-the-key") as client,
        pytest.raises(genvideo.AuthenticationError) as info,
    ):
        client.get("xai:k1")
    assert (info.value.status_code, info.value.provider) == (401, "xai")
    anonymous = httpx.get(sandbox.comfy_base_url + "/proxy/xai/v1/videos/k1")
    assert anonymous.status_code == 401
    submit = httpx.post(sandbox.comfy_base_url + sandbox.submit_path("xai", SUBMIT).removeprefix("/comfy"), json={})
    assert submit.status_code == 401


def test_a_parsed_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("xai", prompt="fox")
        client.wait(ref, poll_interval=0.01)
    text = str(ref)
    assert text == f"xai:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
    assert again.ref == ref
    assert again.state is _S


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("xai", SUBMIT), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("xai", prompt="a fox")
    first, second = sandbox.submissions
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id


@pytest.mark.parametrize("body", [{}, {"request_id": ""}, {"request_id": []}, {"request_id": "a/b"}])
def test_an_unusable_submit_reply_is_refused(body: dict[str, Any]) -> None:
    with pytest.raises(genvideo.ResponseValidationError):
        _xai.submitted(body)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_KEYS = st.sampled_from(["status", "block_reason", "video", "request_id", "model", "usage"])


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_KEYS, _JSON | st.fixed_dictionaries({"url": _JSON}), max_size=4))
def test_any_result_reply_gives_a_creation_or_a_genvideo_error(body: dict[str, Any]) -> None:
    try:
        creation = _xai.to_creation(CreationRef("xai", "r1"), body)
    except genvideo.GenvideoError:
        return
    assert isinstance(creation.state, CreationState)


# -- video=: the edit ------------------------------------------------------------------------------------------


def test_a_video_is_edited_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("xai", prompt="make it snow", video=VIDEO_URL)
        assert (ref.provider, ref.scope) == ("xai", ())  # polled like a generation
        creation = client.wait(ref, poll_interval=0.01)
        path = client.download(creation, tmp_path / "snow.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == EDIT
    assert submission.request.path == "/comfy/proxy/xai/v1/videos/edits"
    assert submission.body == {"prompt": "make it snow", "model": "grok-imagine-video", "video": {"url": VIDEO_URL}}
    assert submission.idempotency_key
    polls = [r.path for r in sandbox.requests if r.method == "GET" and r.path.startswith("/comfy/")]
    assert polls == [f"/comfy/proxy/xai/v1/videos/{ref.id}"] * 2
    assert (creation.state, creation.raw_state) == (_S, "done")
    assert path.read_bytes() == sandbox.video("xai", ref.id)


def test_without_a_video_the_submit_is_a_generation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("xai", prompt="a fox", image=IMAGE_URL)
        client.create("xai", prompt="a fox")
    assert [s.endpoint for s in sandbox.submissions] == [SUBMIT, SUBMIT]
    assert not any("video" in (s.body or {}) for s in sandbox.submissions)


def test_an_edit_takes_a_model_and_the_requests_other_fields(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("xai", prompt="snow", video=VIDEO_URL, model="grok-imagine-video-1.5", user="u-1")
    (submission,) = sandbox.submissions
    assert submission.body == {
        "prompt": "snow",
        "model": "grok-imagine-video-1.5",
        "video": {"url": VIDEO_URL},
        "user": "u-1",
    }


def test_a_video_file_is_stored_and_edited_async(sandbox: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "in.mp4"
    source.write_bytes(sample_video())

    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox) as client:
            ref = await client.create("xai", prompt="snow", video=source)
            return await client.wait(ref, poll_interval=0.01)

    creation = asyncio.run(main())
    (submission,) = sandbox.submissions
    assert submission.endpoint == EDIT
    (stored,) = sandbox.stored_files
    assert stored.content == sample_video()
    assert httpx.get(submission.body["video"]["url"]).content == sample_video()
    assert creation.state is _S


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"image": IMAGE_URL}, "image", "takes no image"),
        ({"duration": 5}, "duration", "keeps the input video's"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio", "takes no aspect ratio"),
        ({"resolution": 720}, "resolution", "takes no resolution"),
        ({"seed": 1}, "seed", "takes no seed"),
        ({"negative_prompt": "rain"}, "negative_prompt", "takes no negative prompt"),
        ({"size": "848x480"}, "size", "not an option of XAIVideoEditRequest"),
        ({"prompt": None}, "prompt", "needs a prompt"),
    ],
)
def test_what_an_edit_cannot_take_is_refused_before_any_request(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], option: str, says: str
) -> None:
    source = tmp_path / "in.mp4"
    source.write_bytes(sample_video())  # a file: nothing may be uploaded before the refusal either
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("xai", **{"prompt": "snow", "video": source, **arguments})
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.requests == []


def test_the_fake_refuses_a_video_that_is_not_an_mp4_url(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("xai", prompt="snow", video="https://v.example/clip.mov")
    assert info.value.status_code == 400
    assert "video.url" in str(info.value)


def test_cli_generate_with_a_video_file(sandbox: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "in.mp4"
    source.write_bytes(sample_video())
    target = tmp_path / "out.mp4"
    result = _run_cli(
        *("generate", "xai", "--prompt", "make it snow", "--video", str(source)),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["raw_state"]) == ("succeeded", "done")
    (submission,) = sandbox.submissions
    assert submission.endpoint == EDIT
    assert CreationRef.parse(data["ref"]).id == submission.creation_id
    assert target.read_bytes() == sandbox.video("xai", submission.creation_id)


def test_a_lost_edit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("xai", EDIT), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("xai", prompt="snow", video=VIDEO_URL)
    first, second = sandbox.submissions
    assert first.endpoint == second.endpoint == EDIT
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id


def _with_duration(seconds: int) -> bytes:
    """The sample MP4 with its movie header's duration set to ``seconds`` (mvhd version 0, timescale 1000)."""
    data = bytearray(sample_video())
    mvhd = data.index(b"mvhd")
    assert int.from_bytes(data[mvhd + 16 : mvhd + 20], "big") == 1000
    data[mvhd + 20 : mvhd + 24] = (seconds * 1000).to_bytes(4, "big")
    return bytes(data)


def test_a_video_file_too_long_or_not_mp4_is_refused_before_any_upload(sandbox: Sandbox, tmp_path: Path) -> None:
    webm = b"\x1a\x45\xdf\xa3" + b"\x00" * 28 + b"webm" + b"\x00" * 64
    cases = [(_with_duration(9), "lasts 9 s"), (webm, "not video/webm")]
    with make_client(sandbox) as client:
        for data, says in cases:
            with pytest.raises(genvideo.InvalidOption) as info:
                client.create("xai", prompt="snow", video=data)
            assert info.value.option == "video"
            assert says in str(info.value)
        assert sandbox.requests == []
        client.create("xai", prompt="snow", video=_with_duration(8))  # within the limit: sent
    (submission,) = sandbox.submissions
    assert submission.endpoint == EDIT
