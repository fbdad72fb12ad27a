"""Runway through the Comfy proxy, against the sandbox: create, get, wait and download (sync, async, CLI),
its state words, its failures, and the arguments it refuses before anything is sent."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _runway
from genvideo.testing import Fault, Sandbox
from tests.support.cli import run_cli as _run_cli
from tests.support.clients import make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
FIRST = "https://img.example/first.png"
LAST = "https://img.example/last.png"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
# Every word of RunwayTaskStatusEnum, as the registry maps it (THROTTLED: queued, see providers.toml).
STATES = {"PENDING": _Q, "THROTTLED": _Q, "RUNNING": _P, "SUCCEEDED": _S, "FAILED": _F, "CANCELLED": _F}


# -- create, wait, download ------------------------------------------------------------------------------


def test_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    seen: list[tuple[CreationState, str | None, float | None]] = []
    with make_client(sandbox) as client:
        ref = client.create(
            "runway", prompt="a fox turns its head", image=FIRST, duration=10, aspect_ratio="16:9", seed=7
        )
        creation = client.wait(
            ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state, c.progress))
        )
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == "image_to_video"
    assert submission.body == {
        "promptImage": [{"uri": FIRST, "position": "first"}],
        "promptText": "a fox turns its head",
        "model": "gen4_turbo",
        "duration": 10,
        "ratio": "1280:720",
        "seed": 7,
    }
    assert submission.idempotency_key
    assert ref == CreationRef("runway", submission.creation_id or "")
    assert seen == [(_Q, "PENDING", None), (_P, "RUNNING", 0.5), (_S, "SUCCEEDED", None)]
    assert creation.state is _S
    assert [o.index for o in creation.outputs] == [0]
    assert creation.outputs[0].cover_url is None
    assert creation.outputs[0].watermarked_url is None
    assert creation.created_at is not None
    assert creation.updated_at is None  # Runway's task reply has no update time
    assert creation.error_code is None
    assert path.read_bytes() == sandbox.video("runway", ref.id)
    raw = creation.raw
    assert raw.output == [creation.outputs[0].url]
    assert raw.created_at == creation.created_at


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.CreationRef, genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("runway", prompt="waves", image=FIRST)
            creation = await client.wait(ref, poll_interval=0.01)
            return ref, creation, await client.download(creation, tmp_path / "waves.mp4")

    ref, creation, path = asyncio.run(main())
    assert creation.state is _S
    assert path.read_bytes() == sandbox.video("runway", ref.id)
    assert sandbox.submissions[0].body["model"] == "gen4_turbo"


def test_cli_generate_downloads(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    result = _run_cli(
        "generate",
        "runway",
        "--prompt",
        "a paper boat",
        "--image",
        FIRST,
        "--aspect-ratio",
        "9:16",
        "--poll-interval",
        "0.05",
        "--download",
        str(target),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["provider"] == "runway"
    assert data["state"] == "succeeded"
    assert data["raw_state"] == "SUCCEEDED"
    assert data["downloaded"] == str(target)
    assert target.read_bytes() == sandbox.video("runway", data["id"])
    (submission,) = sandbox.submissions
    assert submission.body["ratio"] == "720:1280"
    assert submission.body["promptText"] == "a paper boat"
    assert f"created runway:{data['id']}" in result.stderr


def test_a_ref_from_its_string_finds_the_same_creation_in_a_fresh_client(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("runway", prompt="x", image=FIRST)
        first = client.get(ref)
    text = str(ref)
    assert text == f"runway:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
        done = fresh.wait(text, poll_interval=0.01)
    assert (first.raw_state, again.raw_state, done.raw_state) == ("PENDING", "RUNNING", "SUCCEEDED")
    assert again.ref == ref
    assert again.id == first.id == done.id
    polls = sandbox.requests_for(sandbox.fault_path("runway", ref.id))
    assert {r.path for r in polls} == {f"/comfy/proxy/runway/tasks/{ref.id}"}


# -- what create() sends -----------------------------------------------------------------------------------


def test_defaults_fill_what_the_api_requires(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("runway", prompt=None, image=FIRST)
        client.create("runway", prompt="", image=FIRST)
    first, second = (s.body for s in sandbox.submissions)
    assert {k: v for k, v in first.items() if k != "seed"} == {
        "promptImage": [{"uri": FIRST, "position": "first"}],
        "model": _runway.DEFAULT_MODEL,
        "duration": 5,
        "ratio": "1280:720",
    }
    for body in (first, second):
        assert isinstance(body["seed"], int)
        assert 0 <= body["seed"] <= _runway.SEED_MAX
    assert "promptText" not in second
    assert first["seed"] != second["seed"]  # a fresh random seed per create (1 in 2**32 to collide)


def test_the_random_seed_is_kept_when_the_submit_is_retried(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("runway", "image_to_video"), Fault.delay(2.0))  # answered too late
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("runway", prompt="a fox", image=FIRST)
    first, second = sandbox.submissions
    assert first.created
    assert second.replayed
    assert first.idempotency_key == second.idempotency_key
    assert first.body == second.body  # the same seed: the retry is the same request
    assert ref.id == first.creation_id == second.creation_id  # one generation, not two


def test_two_images_are_first_and_last_frame_on_gen3a_turbo(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("runway", prompt="morph", image=[FIRST, LAST])
        client.create("runway", prompt="morph", image=[FIRST, LAST], model="gen3a_turbo", aspect_ratio="5:3")
        client.create("runway", prompt="one", image=FIRST, model="gen3a_turbo", ratio="1280:768")
    first, second, third = (s.body for s in sandbox.submissions)
    frames = [{"uri": FIRST, "position": "first"}, {"uri": LAST, "position": "last"}]
    assert (first["promptImage"], first["model"], first["ratio"]) == (frames, "gen3a_turbo", "768:1280")
    assert (second["promptImage"], second["ratio"]) == (frames, "1280:768")
    assert (third["model"], third["ratio"]) == ("gen3a_turbo", "1280:768")


@pytest.mark.parametrize(
    ("aspect_ratio", "ratio"),
    [
        ("16:9", "1280:720"),
        ("9:16", "720:1280"),
        ("1:1", "960:960"),
        ("1104:832", "1104:832"),
        ("1584:672", "1584:672"),
        ("32:18", "1280:720"),
    ],
)
def test_aspect_ratios_map_onto_runway_ratios(sandbox: Sandbox, aspect_ratio: str, ratio: str) -> None:
    with make_client(sandbox) as client:
        client.create("runway", prompt="x", image=FIRST, aspect_ratio=aspect_ratio)
    assert sandbox.submissions[0].body["ratio"] == ratio


def test_prompt_image_in_the_apis_own_form(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("runway", prompt="x", promptImage=FIRST)
        client.create("runway", prompt="x", promptImage=[{"uri": LAST, "position": "last"}], model="gen3a_turbo")
    first, second = (s.body for s in sandbox.submissions)
    assert (first["promptImage"], first["model"]) == (FIRST, "gen4_turbo")
    assert second["promptImage"] == [{"uri": LAST, "position": "last"}]


@pytest.mark.parametrize(
    ("arguments", "option", "words"),
    [
        ({}, "image", "from an image only"),
        ({"image": "http://img.example/a.png"}, "image", "https://"),
        ({"image": [FIRST, LAST, FIRST]}, "image", "not 3"),
        ({"image": [FIRST, LAST], "model": "gen4_turbo"}, "image", "gen3a_turbo"),
        ({"image": FIRST, "negative_prompt": "blur"}, "negative_prompt", "no negative prompt"),
        ({"image": FIRST, "resolution": "720p"}, "resolution", "no resolution"),
        ({"image": FIRST, "resolution": 720}, "resolution", "no resolution"),
        ({"image": FIRST, "duration": 4}, "duration", "5, 10"),
        ({"image": FIRST, "aspect_ratio": "4:3"}, "aspect_ratio", "1104:832"),
        ({"image": FIRST, "aspect_ratio": "1280:768"}, "aspect_ratio", "not a ratio gen4_turbo makes"),
        ({"image": FIRST, "aspect_ratio": "wide"}, "aspect_ratio", "16:9"),
        ({"image": FIRST, "model": "gen3a_turbo", "aspect_ratio": "16:9"}, "aspect_ratio", "5:3"),
        ({"image": FIRST, "aspect_ratio": "16:9", "ratio": "1280:720"}, "aspect_ratio", "given twice"),
        ({"image": FIRST, "promptImage": FIRST}, "image", "given twice"),
        ({"image": FIRST, "seed": 3, "seed_": 4}, "seed_", "not an option"),
        ({"image": FIRST, "seed": -1}, "seed", "0..4294967295"),
        ({"image": FIRST, "seed": 2**32}, "seed", "0..4294967295"),
        ({"image": FIRST, "model": "gen5"}, "model", "gen4_turbo"),
        ({"image": FIRST, "style": "noir"}, "style", "promptText"),
        ({"image": FIRST, "prompt": "x" * 1001}, "prompt", "at most 1000"),
        ({"image": FIRST, "prompt": None, "promptText": "x" * 1001}, "promptText", "at most 1000"),
        ({"promptImage": "data:image/png;base64,iVBORw0KGgo="}, "promptImage", "https://"),
        ({"promptImage": [{"uri": "file:///a.png", "position": "first"}]}, "promptImage[0].uri", "https://"),
        ({"promptImage": [{"uri": FIRST, "position": "middle"}]}, "promptImage[0].position", "first"),
        ({"promptImage": [{"uri": FIRST}]}, "promptImage[0].position", "needs"),
    ],
)
def test_refused_before_anything_is_sent(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], option: str, words: str
) -> None:
    arguments = {"prompt": "a fox", **arguments}
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("runway", **arguments)
    assert info.value.option == option
    assert words in str(info.value)
    assert sandbox.requests == []


# -- states ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "state"), list(STATES.items()))
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("runway", "t-1", states=[word])
    with make_client(sandbox) as client:
        creation = client.get("runway:t-1")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _runway.map_state(word.lower()) is state  # compared case-insensitively


def test_throttled_and_pending_keep_wait_polling(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "t-2", states=["THROTTLED", "THROTTLED", "PENDING", "RUNNING", "SUCCEEDED"])
    seen: list[str | None] = []
    with make_client(sandbox) as client:
        done = client.wait("runway:t-2", poll_interval=0.01, on_progress=lambda c: seen.append(c.raw_state))
    assert done.state is _S
    assert seen == ["THROTTLED", "THROTTLED", "PENDING", "RUNNING", "SUCCEEDED"]  # neither ends the wait


def test_an_unknown_state_is_kept_and_wait_keeps_polling(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "t-3", states=["PENDING", "RENDERING", "RUNNING", "SUCCEEDED"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait("runway:t-3", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert seen == [(_Q, "PENDING"), (_U, "RENDERING"), (_P, "RUNNING"), (_S, "SUCCEEDED")]
    assert done.state is _S
    sandbox.add_creation("runway", "t-4", faults=[Fault.state("ARCHIVED")])
    with make_client(sandbox) as client:
        odd = client.get("runway:t-4")
    assert (odd.state, odd.raw_state) == (_U, "ARCHIVED")
    assert not odd.state.is_terminal


def test_progress_is_runways_fraction_and_only_while_running(sandbox: Sandbox) -> None:
    states = ["PENDING", "RUNNING", "RUNNING", "SUCCEEDED"]
    sandbox.add_creation("runway", "t-5", states=states, progress=[0, 0.25, 0.75, 1])
    with make_client(sandbox) as client:
        creations = [client.get("runway:t-5") for _ in states]
    assert [c.progress for c in creations] == [None, 0.25, 0.75, None]
    assert [c.payload.get("progress") for c in creations] == [None, 0.25, 0.75, None]


# -- failures ----------------------------------------------------------------------------------------------


def test_a_failed_task_ends_wait_with_its_failure_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "t-6", states=["PENDING", "RUNNING", "FAILED"], failure_code="SAFETY.INPUT.IMAGE")
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("runway:t-6", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state, failed.error_code) == (_F, "FAILED", "SAFETY.INPUT.IMAGE")
    assert failed.outputs == ()
    assert failed.payload["failure"]  # Runway's words, kept in the payload
    assert failed.raw.failure_code == "SAFETY.INPUT.IMAGE"
    assert "SAFETY.INPUT.IMAGE" in str(info.value)


def test_a_cancelled_task_fails_without_a_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "t-7", states=["PENDING", "CANCELLED"])
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("runway:t-7", poll_interval=0.01)
    assert (info.value.creation.raw_state, info.value.creation.error_code) == ("CANCELLED", None)


def test_failure_text_stands_in_for_a_missing_code(sandbox: Sandbox) -> None:
    body = {"id": "t-8", "status": "FAILED", "createdAt": "2025-06-01T10:00:00.000Z", "failure": "Internal error"}
    sandbox.add_creation("runway", "t-8", faults=[Fault.body(json.dumps(body).encode())])
    with make_client(sandbox) as client:
        creation = client.get("runway:t-8")
    assert (creation.state, creation.error_code) == (_F, "Internal error")


def test_nulls_where_the_proxy_may_send_them_are_tolerated(sandbox: Sandbox) -> None:
    body = b'{"id": "t-9", "status": "RUNNING", "createdAt": "2025-06-01T10:00:00Z", "progress": null,'
    body += b' "output": null, "failure": null, "failureCode": null}'
    sandbox.add_creation("runway", "t-9", faults=[Fault.body(body)])
    with make_client(sandbox) as client:
        creation = client.get("runway:t-9")
    assert (creation.state, creation.progress, creation.outputs, creation.error_code) == (_P, None, (), None)
    assert creation.raw.output is None
    assert creation.raw.progress is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b'{"id": "someone-else", "status": "SUCCEEDED", "output": ["https://cdn.example/v.mp4"]}', "reply is for"),
        (b'{"id": "t-10", "status": "SUCCEEDED", "output": [{"url": "https://cdn.example/v.mp4"}]}', "output[0]"),
        (b'{"id": "t-10", "status": "SUCCEEDED", "output": "https://cdn.example/v.mp4"}', "output should be"),
        (b'{"id": "t-10", "status": ["SUCCEEDED"]}', "status should be"),
    ],
)
def test_unusable_task_replies_are_typed_errors(sandbox: Sandbox, body: bytes, words: str) -> None:
    sandbox.add_creation("runway", "t-10", faults=[Fault.body(body)])
    with make_client(sandbox) as client, pytest.raises(genvideo.ResponseValidationError) as info:
        client.get("runway:t-10")
    assert words in str(info.value)
    assert info.value.provider == "runway"


def test_a_submit_refused_by_the_proxy_is_an_api_error_and_starts_nothing(sandbox: Sandbox) -> None:
    reject = Fault.error(400, error_code="bad_request", message="promptImage: the image could not be read")
    sandbox.script_submits("runway", Sandbox.submit_script(reject=reject))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("runway", prompt="x", image=FIRST)
    assert (info.value.status_code, info.value.error_code) == (400, "bad_request")
    assert info.value.message == "runway: HTTP 400: promptImage: the image could not be read"
    (submission,) = sandbox.submissions
    assert submission.creation_id is None


def test_a_submit_reply_that_says_failed_raises_creation_failed(sandbox: Sandbox) -> None:
    body = b'{"id": "t-11", "status": "FAILED", "failureCode": "SAFETY.INPUT.TEXT"}'
    sandbox.add_fault(sandbox.submit_path("runway", "image_to_video"), Fault.body(body))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed, match="at submit") as info:
        client.create("runway", prompt="x", image=FIRST)
    assert info.value.creation.ref == CreationRef("runway", "t-11")
    assert info.value.creation.error_code == "SAFETY.INPUT.TEXT"
    assert info.value.creation.raw.id == "t-11"


@pytest.mark.parametrize(
    ("body", "words"),
    [(b"{}", "has no id"), (b'{"id": null}', "has no id"), (b'{"id": ["t"]}', "is a list"), (b'{"id": "a/b"}', "a/b")],
)
def test_a_submit_reply_without_a_usable_id_is_refused_with_the_reply(
    sandbox: Sandbox, body: bytes, words: str
) -> None:
    sandbox.add_fault(sandbox.submit_path("runway", "image_to_video"), Fault.body(body))
    with make_client(sandbox) as client, pytest.raises(genvideo.ResponseValidationError) as info:
        client.create("runway", prompt="x", image=FIRST)
    assert words in str(info.value)
    assert "may have started" in str(info.value)
    assert info.value.body is not None


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "t-12")
    with make_client(sandbox, comfy_api_key="wrong") as client:
        with pytest.raises(genvideo.AuthenticationError) as polled:
            client.get("runway:t-12")
        with pytest.raises(genvideo.AuthenticationError) as submitted:
            client.create("runway", prompt="x", image=FIRST)
    for info in (polled, submitted):
        assert info.value.status_code == 401
        assert info.value.provider == "runway"
        assert info.value.message == "runway: HTTP 401: Please login first"
    assert [(s.status, s.creation_id) for s in sandbox.submissions] == [(401, None)]


def test_an_unknown_task_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError) as info:
        client.get("runway:no-such-task")
    assert info.value.message == "runway: HTTP 404: Task no-such-task not found"
