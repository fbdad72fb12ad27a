"""Wan (Alibaba DashScope behind Comfy's proxy) end to end against the sandbox: create, wait, download,
states, failures, refusals, refs and the CLI."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _wan
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._media import fake_video
from tests.support.cli import run_cli as _run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE_URL = "https://img.example/first-frame.png"
SUBMIT = "video-synthesis"
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
            "wan",
            prompt="a red fox in snow",
            negative_prompt="people",
            duration=10,
            aspect_ratio="9:16",
            resolution="1080p",
            seed=7,
        )
        assert ref.provider == "wan"
        assert ref.scope == ()
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == SUBMIT
    assert submission.body == {
        "model": "wan2.6-t2v",
        "input": {"prompt": "a red fox in snow", "negative_prompt": "people"},
        "parameters": {"size": "1080*1920", "duration": 10, "seed": 7},
    }
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert seen == [(_Q, "PENDING"), (_P, "RUNNING"), (_S, "SUCCEEDED")]
    assert creation.progress is None  # Wan reports none
    assert creation.error_code is None
    assert [o.url for o in creation.outputs] == [creation.payload["output"]["video_url"]]
    assert creation.outputs[0].cover_url is None
    assert creation.created_at is not None
    assert creation.updated_at is not None
    assert creation.created_at <= creation.updated_at
    assert creation.raw.output.task_status == "SUCCEEDED"
    assert creation.raw.to_dict() == creation.payload
    assert path.read_bytes() == sandbox.video("wan", ref.id)


def test_image_to_video_takes_an_image_url(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("wan", prompt="the fox runs", image=IMAGE_URL, resolution=720, duration=5)
        client.create("wan", prompt="the fox runs", image=IMAGE_URL, model="wan2.5-i2v-preview", resolution="480P")
    first, second = sandbox.submissions
    assert first.body == {
        "model": "wan2.6-i2v",
        "input": {"prompt": "the fox runs", "img_url": IMAGE_URL},
        "parameters": {"resolution": "720P", "duration": 5},
    }
    assert second.body["model"] == "wan2.5-i2v-preview"
    assert second.body["parameters"] == {"resolution": "480P"}


def test_provider_options_merge_with_the_common_arguments(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create(
            "wan",
            prompt="character1 sings",
            model="wan2.6-r2v",
            input={"reference_video_urls": ["https://v.example/a.mp4"]},
            parameters={"shot_type": "single", "prompt_extend": False, "watermark": True, "audio": False},
            aspect_ratio="1:1",
        )
        client.create("wan", prompt="only a ratio", aspect_ratio="4:3")
        client.create("wan", prompt="only a level", resolution="1080p")
        client.create("wan", prompt="nothing else")
    r2v, ratio, level, bare = (s.body for s in sandbox.submissions)
    assert r2v == {
        "model": "wan2.6-r2v",
        "input": {"prompt": "character1 sings", "reference_video_urls": ["https://v.example/a.mp4"]},
        "parameters": {
            "shot_type": "single",
            "prompt_extend": False,
            "watermark": True,
            "audio": False,
            "size": "960*960",
        },
    }
    assert ratio["parameters"] == {"size": "1088*832"}  # 720p unless a resolution is given
    assert level["parameters"] == {"size": "1920*1080"}  # 16:9 unless an aspect ratio is given
    assert bare == {"model": "wan2.6-t2v", "input": {"prompt": "nothing else"}}  # the provider's defaults


def test_a_reference_video_picks_reference_to_video(sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "reference.mp4"
    path.write_bytes(fake_video("wan-r2v", 100_000))
    with make_client(sandbox) as client:
        by_url = client.create("wan", prompt="character1 dances", video="https://v.example/a.mp4", aspect_ratio="9:16")
        by_file = client.create("wan", prompt="character1 dances", video=path)
        creation = client.wait(by_file, poll_interval=0.01)
    first, second = (s.body for s in sandbox.submissions)
    assert first == {
        "model": "wan2.6-r2v",
        "input": {"prompt": "character1 dances", "reference_video_urls": ["https://v.example/a.mp4"]},
        "parameters": {"size": "720*1280"},  # a reference-to-video model takes a size, as text-to-video
    }
    (stored,) = sandbox.stored_files
    (url,) = second["input"]["reference_video_urls"]
    assert url.startswith(f"{sandbox.base_url}/storage/")
    assert httpx.get(url).content == stored.content == path.read_bytes()
    assert by_url.provider == "wan"
    assert creation.state is _S


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("wan", prompt="sea", image=IMAGE_URL)
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "sea.mp4")

    creation, path = asyncio.run(main())
    assert creation.state is _S
    assert creation.raw_state == "SUCCEEDED"
    assert sandbox.submissions[0].body["input"]["img_url"] == IMAGE_URL
    assert path.read_bytes() == sandbox.video("wan", creation.id)


def test_generate_runs_the_whole_loop(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.script_submits("wan", Sandbox.submit_script(states=["PENDING", "PENDING", "RUNNING", "SUCCEEDED"]))
    with make_client(sandbox) as client:
        creation = client.generate("wan", prompt="waves", poll_interval=0.01, download=tmp_path / "waves.mp4")
    assert creation.state is _S
    assert (tmp_path / "waves.mp4").read_bytes() == sandbox.video("wan", creation.id)


def test_cli_generate_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = _run_cli(
        *("generate", "wan", "--prompt", "a fox", "--duration", "5", "--aspect-ratio", "16:9"),
        *("--option", 'parameters={"shot_type": "single"}', "--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["state"] == "succeeded"
    assert data["raw_state"] == "SUCCEEDED"
    ref = CreationRef.parse(data["ref"])
    assert ref.id == sandbox.submissions[0].creation_id
    assert target.read_bytes() == sandbox.video("wan", ref.id)
    assert sandbox.submissions[0].body["parameters"] == {"shot_type": "single", "duration": 5, "size": "1280*720"}


# -- refused before anything is sent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"image": [IMAGE_URL, IMAGE_URL]}, "image", "one image"),
        ({"image": IMAGE_URL, "model": "wan2.6-t2v"}, "image", "takes no first-frame image"),
        ({"model": "wan2.6-i2v"}, "image", "needs a first-frame image"),
        ({"image": IMAGE_URL, "aspect_ratio": "16:9"}, "aspect_ratio", "from the image"),
        ({"image": IMAGE_URL, "resolution": "4k"}, "resolution", "480p, 720p, 1080p"),
        ({"duration": 4}, "duration", "5, 10, 15"),
        ({"duration": True}, "duration", "5, 10, 15"),
        ({"seed": -1}, "seed", "0 to 2147483647"),
        ({"seed": 2**31}, "seed", "0 to 2147483647"),
        ({"resolution": "2160p"}, "resolution", "480p, 720p, 1080p"),
        ({"aspect_ratio": "21:9"}, "aspect_ratio", "1:1, 16:9, 9:16, 4:3, 3:4"),
        ({"aspect_ratio": "4:3", "resolution": 480}, "aspect_ratio", "480p sizes come in 1:1, 16:9, 9:16"),
        ({"model": "wan2.7-t2v"}, "model", "one of"),
        ({"video": "https://v.example/a.mp4", "model": "wan2.6-t2v"}, "video", "takes no reference video"),
        ({"model": "wan2.6-r2v"}, "video", "needs a reference video"),
        ({"video": "https://v.example/a.mp4", "image": IMAGE_URL}, "video", "'wan2.6-i2v' takes no reference video"),
        (
            {"video": "https://v.example/a.mp4", "input": {"reference_video_urls": ["https://v.example/b.mp4"]}},
            "video",
            "given twice",
        ),
        ({"frobnicate": 1}, "frobnicate", "not an option of WanVideoGenerationRequest"),
        ({"input": {"prompt": "again"}}, "prompt", "given twice"),
        ({"parameters": {"seed": 1}, "seed": 2}, "seed", "given twice"),
        ({"parameters": {"size": "1280*720"}, "aspect_ratio": "1:1"}, "aspect_ratio", "given twice"),
        ({"input": "not an object"}, "input", "expected an object"),
        ({"parameters": {"duration": 7}}, "parameters.duration", "one of 5, 10, 15"),
        ({"parameters": {"shot_type": "many"}}, "parameters.shot_type", "one of"),
    ],
)
def test_what_wan_cannot_take_is_refused_naming_it(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("wan", prompt="x", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.submissions == []  # nothing was sent


def test_a_prompt_is_required(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("wan", prompt=None)
    assert info.value.option == "input.prompt"
    assert sandbox.submissions == []


# -- states ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("PENDING", _Q),
        ("RUNNING", _P),
        ("SUCCEEDED", _S),
        ("FAILED", _F),
        ("CANCELED", _F),
        ("UNKNOWN", _U),  # on purpose: no meaning in the spec, never terminal (ComfyUI keeps polling too)
        ("running", _P),  # compared case-insensitively, as ComfyUI does
        ("CANCELLED", _U),  # not Wan's spelling: an undocumented word
    ],
)
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("wan", f"state-{word}", states=[word])
    with make_client(sandbox) as client:
        creation = client.get(f"wan:state-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _wan.map_state(word) is state


def test_the_registry_maps_exactly_the_spec_words() -> None:
    states = registry().providers["wan"].states
    assert dict(states) == {
        "pending": _Q,
        "running": _P,
        "succeeded": _S,
        "failed": _F,
        "canceled": _F,
        "unknown": _U,
    }


def test_wait_keeps_polling_through_unknown(sandbox: Sandbox) -> None:
    sandbox.add_creation("wan", "u1", states=["PENDING", "UNKNOWN", "UNKNOWN", "RUNNING", "SUCCEEDED"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait("wan:u1", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert seen == [(_Q, "PENDING"), (_U, "UNKNOWN"), (_U, "UNKNOWN"), (_P, "RUNNING"), (_S, "SUCCEEDED")]
    assert done.state is _S


def test_an_undocumented_word_stays_raw(sandbox: Sandbox) -> None:
    sandbox.add_creation("wan", "odd", faults=[Fault.state("SUSPENDED")])
    with make_client(sandbox) as client:
        creation = client.get("wan:odd")
    assert (creation.state, creation.raw_state) == (_U, "SUSPENDED")


def test_wait_times_out_on_a_task_that_stays_unknown(sandbox: Sandbox) -> None:
    sandbox.add_creation("wan", "lost", states=["UNKNOWN"])
    with make_client(sandbox) as client, pytest.raises(genvideo.WaitTimeout) as info:
        client.wait("wan:lost", timeout=0.3, poll_interval=0.05)
    assert info.value.creation is not None
    assert info.value.creation.raw_state == "UNKNOWN"


# -- failures --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["FAILED", "CANCELED"])
def test_a_failed_task_raises_creation_failed_with_its_code(sandbox: Sandbox, word: str) -> None:
    sandbox.add_creation("wan", f"f-{word}", states=["PENDING", "RUNNING", word], failure_code="InternalError.Timeout")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"wan:f-{word}", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state) == (_F, word)
    assert failed.error_code == "InternalError.Timeout"
    assert failed.payload["output"]["message"]
    assert failed.outputs == ()
    assert "InternalError.Timeout" in str(info.value)


@pytest.mark.parametrize("word", ["FAILED", "CANCELED"])
def test_a_task_failed_at_submit_raises_creation_failed(sandbox: Sandbox, word: str) -> None:
    sandbox.script_submits("wan", Sandbox.submit_script(states=[word]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        client.create("wan", prompt="something forbidden")
    assert info.value.creation.state is _F
    assert info.value.creation.raw_state == word
    assert info.value.creation.id == sandbox.submissions[0].creation_id
    assert info.value.creation.raw.output.task_status == word


def test_a_submit_error_is_typed_and_names_the_code(sandbox: Sandbox) -> None:
    reject = Fault.error(400, error_code="InvalidParameter", message="size is not supported by wan2.6-t2v")
    sandbox.script_submits("wan", Sandbox.submit_script(reject=reject))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("wan", prompt="x", resolution=480)
    assert info.value.status_code == 400
    assert info.value.error_code == "InvalidParameter"
    assert "size is not supported" in info.value.message


def test_an_unknown_task_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get("wan:no-such-task")
    assert info.value.status_code == 404


# -- credentials, refs, idempotency ----------------------------------------------------------------------


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("wan", "k1")
    with (
        make_client(sandbox, comfy_api_key="not-the-key") as client,
        pytest.raises(genvideo.AuthenticationError) as info,
    ):
        client.get("wan:k1")
    assert info.value.status_code == 401
    assert info.value.provider == "wan"
    anonymous = httpx.get(sandbox.comfy_base_url + "/proxy/wan/api/v1/tasks/k1")
    assert anonymous.status_code == 401
    assert anonymous.json() == {"error": "unauthorized", "message": "Please login first", "details": []}
    submit = httpx.post(sandbox.comfy_base_url + sandbox.submit_path("wan", SUBMIT).removeprefix("/comfy"), json={})
    assert submit.status_code == 401


def test_the_sandbox_key_travels_as_x_api_key(sandbox: Sandbox) -> None:
    sandbox.add_creation("wan", "h1")
    with make_client(sandbox) as client:
        client.get("wan:h1")
    (request,) = sandbox.requests_for(sandbox.fault_path("wan", "h1"))
    assert request.header_values("X-API-Key") == [COMFY_KEY]


def test_a_parsed_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("wan", prompt="fox")
        first = client.get(ref)
    text = str(ref)
    assert text == f"wan:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
    assert again.ref == ref
    assert again.payload["output"]["task_id"] == first.payload["output"]["task_id"] == ref.id


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("wan", SUBMIT), Fault.delay(2.0))  # processed, answered too late
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("wan", prompt="a fox")
    first, second = sandbox.submissions
    assert first.created
    assert second.replayed
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id  # one generation, not two


# -- the adapter on replies the sandbox does not send -----------------------------------------------------


def test_a_refused_submit_without_output_names_the_code() -> None:
    body = {"request_id": "r-1", "code": "InvalidParameter", "message": "url error, please check url!"}
    with pytest.raises(genvideo.ResponseValidationError) as info:
        _wan.submitted(body)
    assert "'InvalidParameter'" in str(info.value)
    assert "url error" in str(info.value)
    assert "InvalidParameter" in info.value.body


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({"request_id": "r"}, "no output.task_id"),
        ({"output": None}, "no output.task_id"),
        ({"output": ["x"]}, "output is a list"),
        ({"output": {"task_id": 1.5}}, "task_id is a float"),
        ({"output": {"task_id": "a/b"}}, "unusable output.task_id"),
    ],
)
def test_an_unusable_submit_reply_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError, match=says):
        _wan.submitted(body)


def test_an_integer_task_id_is_read_as_its_digits() -> None:
    assert _wan.submitted({"output": {"task_id": 42, "task_status": "PENDING"}}) == CreationRef("wan", "42")


def test_a_reply_for_another_task_is_refused() -> None:
    ref = CreationRef("wan", "mine")
    with pytest.raises(genvideo.ResponseValidationError, match="but the reply is for"):
        _wan.to_creation(ref, {"request_id": "r", "output": {"task_id": "theirs", "task_status": "SUCCEEDED"}})


def test_a_reply_without_output_is_an_unknown_state() -> None:
    ref = CreationRef("wan", "t")
    creation = _wan.to_creation(ref, {"request_id": "r", "code": "Throttling", "message": "slow down"})
    assert (creation.state, creation.raw_state, creation.error_code) == (_U, None, "Throttling")
    assert creation.outputs == ()


def test_wrong_types_are_response_validation_errors() -> None:
    ref = CreationRef("wan", "t")
    for output in ({"task_status": 5}, {"video_url": ["x"]}, {"end_time": 17}):
        with pytest.raises(genvideo.ResponseValidationError):
            _wan.to_creation(ref, {"output": output})
    with pytest.raises(genvideo.ResponseValidationError):
        _wan.to_creation(ref, {"output": "SUCCEEDED"})


def test_dashscope_times_are_read_as_utc() -> None:
    ref = CreationRef("wan", "t")
    output = {
        "task_id": "t",
        "task_status": "SUCCEEDED",
        "submit_time": "2025-01-02 03:04:05.678",
        "scheduled_time": "2025-01-02 03:04:09.000",
        "end_time": "2025-01-02 03:05:00.123",
        "video_url": "https://cdn.example/v.mp4",
    }
    creation = _wan.to_creation(ref, {"request_id": "r", "output": output})
    assert creation.created_at is not None
    assert creation.created_at.isoformat() == "2025-01-02T03:04:05.678000+00:00"
    assert creation.updated_at is not None
    assert creation.updated_at.isoformat() == "2025-01-02T03:05:00.123000+00:00"
    running = _wan.to_creation(ref, {"output": {**output, "task_status": "RUNNING", "end_time": None}})
    assert running.updated_at is not None
    assert running.updated_at.isoformat() == "2025-01-02T03:04:09+00:00"


# -- any JSON at all: a Creation (or a ref) or a GenvideoError, nothing else ------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED", "UNKNOWN", "t", "2025-01-02 03:04:05"]),
)
_json = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
)
_keys = st.sampled_from(
    ["task_id", "task_status", "video_url", "code", "message", "submit_time", "scheduled_time", "end_time"]
)
_replies = st.fixed_dictionaries(
    {}, optional={"request_id": _json, "output": _json | st.dictionaries(_keys, _json, max_size=8), "code": _json}
)


@settings(max_examples=300, deadline=None)
@given(body=_replies)
def test_any_task_reply_gives_a_creation_or_a_genvideo_error(body: dict[str, Any]) -> None:
    ref = CreationRef("wan", "t")
    try:
        creation = _wan.to_creation(ref, body)
    except genvideo.GenvideoError:
        return
    json.dumps(creation.to_dict(), allow_nan=False)
    with contextlib.suppress(genvideo.ResponseValidationError):
        _ = creation.raw


@settings(max_examples=300, deadline=None)
@given(body=_replies)
def test_any_submit_reply_gives_a_ref_or_a_genvideo_error(body: dict[str, Any]) -> None:
    try:
        ref = _wan.submitted(body)
    except genvideo.GenvideoError:
        return
    assert ref.provider == "wan"
