"""Kling (behind Comfy's proxy) end to end against the sandbox: text-to-video and image-to-video, refs that
carry the task kind, create, wait, download (sync, async, CLI), states, failures, refusals."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _kling
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from tests.support.cli import run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PNG_BASE64 = base64.b64encode(PNG).decode()
FIRST, LAST = "https://img.example/first.png", "https://img.example/last.png"
VIDEOS = "/proxy/kling/v1/videos"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)


def _lookup(sandbox: Sandbox, kind: str, task_id: str) -> str:
    """The raw path a task of ``kind`` is looked up at (its submit path plus the id)."""
    return f"{sandbox.submit_path('kling', kind)}/{task_id}"


# -- create, wait, download ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "kind", "sent"),
    [
        (
            {"prompt": "a red fox in snow", "negative_prompt": "people", "duration": 10, "aspect_ratio": "9:16"},
            "text2video",
            {
                "model_name": "kling-v2-master",
                "prompt": "a red fox in snow",
                "negative_prompt": "people",
                "duration": "10",
                "aspect_ratio": "9:16",
            },
        ),
        (
            {"prompt": "the fox runs", "image": FIRST, "model": "kling-v2-1", "mode": "pro", "sound": "off"},
            "image2video",
            {"model_name": "kling-v2-1", "image": FIRST, "prompt": "the fox runs", "mode": "pro", "sound": "off"},
        ),
        (
            {"prompt": None, "image": [PNG, LAST], "cfg_scale": 0.5},
            "image2video",
            {"model_name": "kling-v2-master", "image": PNG_BASE64, "image_tail": LAST, "cfg_scale": 0.5},
        ),
    ],
    ids=["text", "first-frame", "first-and-last-frame"],
)
def test_create_wait_download(
    sandbox: Sandbox, tmp_path: Path, arguments: dict[str, Any], kind: str, sent: dict[str, Any]
) -> None:
    with make_client(sandbox) as client:
        ref = client.create("kling", **arguments)
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert (submission.endpoint, submission.body) == (kind, sent)
    assert submission.idempotency_key
    assert (ref.provider, ref.scope, ref.id) == ("kling", (kind,), submission.creation_id)
    assert str(ref) == f"kling:{kind}:{ref.id}"
    polls = sandbox.requests_for(_lookup(sandbox, kind, ref.id))
    assert [r.path for r in polls] == [f"/comfy{VIDEOS}/{kind}/{ref.id}"] * 3
    assert seen == [(_Q, "submitted"), (_P, "processing"), (_S, "succeed")]
    video = creation.payload["data"]["task_result"]["videos"][0]
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == [
        (video["url"], None, video["watermark_url"])
    ]
    assert creation.progress is None
    assert (creation.error_code, creation.error_message) == (None, None)
    assert creation.created_at is not None
    assert creation.updated_at is not None
    assert creation.created_at.timestamp() * 1000 == pytest.approx(creation.payload["data"]["created_at"])
    assert creation.raw.to_dict() == creation.payload
    assert path.read_bytes() == sandbox.video("kling", ref.id)


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[list[genvideo.Creation], list[Path]]:
        async with make_async_client(sandbox) as client:
            refs = await asyncio.gather(
                client.create("kling", prompt="sea"), client.create("kling", prompt="sea", image=FIRST)
            )
            creations = [await client.wait(ref, poll_interval=0.01) for ref in refs]
            paths = [await client.download(c, tmp_path / f"{c.ref.scope[0]}.mp4") for c in creations]
            return creations, paths

    creations, paths = asyncio.run(main())
    # Two submits at once from one client: each ref carries the kind of its own submit.
    assert [c.ref.scope for c in creations] == [("text2video",), ("image2video",)]
    assert {(s.endpoint, s.creation_id) for s in sandbox.submissions} == {(c.ref.scope[0], c.ref.id) for c in creations}
    for creation, path in zip(creations, paths, strict=True):
        assert (creation.state, creation.raw_state) == (_S, "succeed")
        assert path.read_bytes() == sandbox.video("kling", creation.id)


def test_cli_generate_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    (tmp_path / "frame.png").write_bytes(PNG)
    result = run_cli(
        *("generate", "kling", "--prompt", "a fox", "--image", str(tmp_path / "frame.png"), "--duration", "5"),
        *("--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["raw_state"]) == ("succeeded", "succeed")
    ref = CreationRef.parse(data["ref"])
    assert ref.scope == ("image2video",)
    assert ref.id == sandbox.submissions[0].creation_id
    assert target.read_bytes() == sandbox.video("kling", ref.id)
    assert sandbox.submissions[0].body == {
        "model_name": "kling-v2-master",
        "image": PNG_BASE64,  # the file, as Kling's bare base64 (no data: prefix)
        "prompt": "a fox",
        "duration": "5",
    }
    waited = run_cli("wait", data["ref"], "--poll-interval", "0.05", env=sandbox.env())
    assert waited.returncode == 0, waited.stderr
    assert json.loads(waited.stdout)["ref"] == data["ref"]
    refused = run_cli("create", "kling", "--prompt", "x", "--seed", "3", env=sandbox.env())
    assert refused.returncode == 2
    assert "seed" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert len(sandbox.submissions) == 1


# -- refused before anything is sent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"seed": 3}, "seed", "no seed"),
        ({"resolution": "1080p"}, "resolution", "mode ('std' or 'pro'"),
        ({"resolution": 720}, "resolution", "no resolution"),
        ({"duration": 2}, "duration", "3, 4, 5"),
        ({"duration": 16}, "duration", "not 16"),
        ({"duration": True}, "duration", "not True"),
        ({"aspect_ratio": "4:3"}, "aspect_ratio", "'16:9', '9:16', '1:1'"),
        ({"model": "kling-v9"}, "model_name", "one of"),
        ({"model": "kling-v2-1"}, "model_name", "one of"),  # an image-to-video model only
        ({"model_name": "kling-v1"}, "model_name", "model argument"),
        ({"image": [FIRST, LAST, FIRST]}, "image", "not 3 images"),
        ({"image": "data:image/svg+xml,<svg/>"}, "image", "not base64"),
        ({"image_tail": LAST}, "image_tail", "image=[first, last]"),
        ({"prompt": None}, "prompt", "needs a prompt"),
        ({"sound": True}, "sound", "'on'"),  # a string enum: YAML 1.2 kept on/off as words
        ({"sound": "yes"}, "sound", "'off'"),
        ({"mode": "turbo"}, "mode", "'pro', 'std'"),
        ({"prompt": "x", "negative_prompt": 3}, "negative_prompt", "str"),
        ({"frobnicate": 1}, "frobnicate", "not an option of KlingText2VideoRequest"),
        ({"image": FIRST, "frobnicate": 1}, "frobnicate", "not an option of KlingImage2VideoRequest"),
    ],
)
def test_what_kling_cannot_take_is_refused_naming_it(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    arguments = {"prompt": "x", **arguments}
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("kling", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.submissions == []


def test_options_are_the_request_fields(sandbox: Sandbox) -> None:
    camera = {"type": "simple", "config": {"zoom": 5}}
    with make_client(sandbox) as client:
        client.create("kling", prompt="x", mode="std", camera_control=camera, watermark_info={"enabled": True})
        client.create("kling", prompt=None, multi_shot=True, shot_type="customize", multi_prompt=[{"index": 1}])
    first, second = (s.body for s in sandbox.submissions)
    assert first == {
        "model_name": "kling-v2-master",
        "prompt": "x",
        "mode": "std",
        "camera_control": camera,
        "watermark_info": {"enabled": True},
    }
    assert second["multi_shot"] is True
    assert "prompt" not in second


# -- states ----------------------------------------------------------------------------------------------

WORDS = {"submitted": _Q, "processing": _P, "succeed": _S, "failed": _F}


@pytest.mark.parametrize("kind", ["text2video", "image2video"])
@pytest.mark.parametrize(
    ("word", "state"),
    [*WORDS.items(), ("SUCCEED", _S), ("succeeded", _U), ("queued", _U)],  # case-insensitive; others undocumented
)
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, kind: str, word: str, state: CreationState) -> None:
    sandbox.add_creation("kling", f"state-{word}", states=[word], scope=[kind])
    with make_client(sandbox) as client:
        creation = client.get(f"kling:{kind}:state-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _kling.map_state(word) is state


def test_the_registry_maps_exactly_the_spec_words() -> None:
    entry = registry().providers["kling"]
    assert dict(entry.states) == WORDS
    assert entry.scope == ("task kind",)


def test_wait_keeps_polling_through_an_unknown_word(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "u1", states=["submitted", "paused", "paused", "processing", "succeed"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait(
            "kling:text2video:u1", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state))
        )
    assert seen == [(_Q, "submitted"), (_U, "paused"), (_U, "paused"), (_P, "processing"), (_S, "succeed")]
    assert done.state is _S


# -- failures --------------------------------------------------------------------------------------------


def test_a_failed_task_raises_creation_failed_with_kling_reason(sandbox: Sandbox) -> None:
    reason = "Failure to pass the risk control system"
    sandbox.add_creation("kling", "f1", states=["submitted", "failed"], failure_code=reason, scope=["image2video"])
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("kling:image2video:f1", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state) == (_F, "failed")
    assert failed.error_message == reason == failed.payload["data"]["task_status_msg"]
    assert failed.error_code is None  # Kling gives a failed task no code of its own (the reply's code is 0)
    assert failed.outputs == ()
    assert str(info.value) == f"kling:image2video:f1 failed: {reason!r}"


def test_a_task_failed_at_submit_raises_creation_failed(sandbox: Sandbox) -> None:
    sandbox.script_submits("kling", Sandbox.submit_script(states=["failed"]))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.create("kling", prompt="x")
    failed = info.value.creation
    assert failed.ref == CreationRef("kling", sandbox.submissions[0].creation_id or "", ("text2video",))
    assert (failed.state, failed.raw_state) == (_F, "failed")


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(400, "1201", genvideo.APIStatusError), (429, None, genvideo.RateLimitError), (500, None, genvideo.ServerError)],
)
def test_a_submit_error_is_typed_and_names_kling_code(
    sandbox: Sandbox, status: int, code: str | None, error: type[genvideo.APIStatusError]
) -> None:
    reject = Fault.error(status, error_code=code, message="the parameter duration is invalid")
    sandbox.script_submits("kling", Sandbox.submit_script(reject=reject))
    with make_client(sandbox, max_retries=0) as client, pytest.raises(error) as info:
        client.create("kling", prompt="x", duration=12)
    assert info.value.status_code == status
    assert info.value.error_code == (code or {429: "1302", 500: "5000"}[status])
    assert "the parameter duration is invalid" in str(info.value)


def test_an_unknown_task_is_not_found_and_so_is_the_other_kinds_path(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "t1")  # text2video by default
    with make_client(sandbox) as client:
        assert client.get("kling:text2video:t1").raw_state == "submitted"
        for ref in ("kling:image2video:t1", "kling:text2video:no-such-task"):
            with pytest.raises(genvideo.NotFoundError) as info:
                client.get(ref)
            assert info.value.error_code == "1203"


def test_a_ref_with_a_task_kind_genvideo_does_not_know_is_refused_before_any_request(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidCreationRef, match="text2video"):
        client.get("kling:omni-video:123")
    with pytest.raises(genvideo.InvalidCreationRef, match="task kind"):
        CreationRef.parse("kling:123")
    assert sandbox.requests == []


# -- credentials, refs, idempotency ----------------------------------------------------------------------


def test_a_wrong_or_missing_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "k1")
    with (
        make_client(sandbox, comfy_api_key="not-the-key") as client,
        pytest.raises(genvideo.AuthenticationError) as info,
    ):
        client.get("kling:text2video:k1")
    assert info.value.status_code == 401
    assert info.value.provider == "kling"
    for kind in ("text2video", "image2video"):
        lookup = httpx.get(sandbox.base_url + _lookup(sandbox, kind, "k1"))
        submit = httpx.post(sandbox.base_url + sandbox.submit_path("kling", kind), json={"prompt": "x"})
        for response in (lookup, submit):
            assert response.status_code == 401
            assert response.json()["message"] == "Please login first"  # the proxy's own refusal
    assert all(s.status == 401 for s in sandbox.submissions)


def test_the_sandbox_key_travels_as_x_api_key(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "h1", scope=["image2video"])
    with make_client(sandbox) as client:
        client.get("kling:image2video:h1")
    (request,) = sandbox.requests_for(_lookup(sandbox, "image2video", "h1"))
    assert request.header_values("X-API-Key") == [COMFY_KEY]


@pytest.mark.parametrize("image", [None, FIRST], ids=["text2video", "image2video"])
def test_a_parsed_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox, image: str | None) -> None:
    with make_client(sandbox) as client:
        ref = client.create("kling", prompt="fox", image=image)
        first = client.get(ref)
    text = str(ref)
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
    assert again.ref == ref
    assert again.payload["data"]["task_id"] == first.payload["data"]["task_id"] == ref.id


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("kling", "image2video"), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("kling", prompt="a fox", image=FIRST)
    first, second = sandbox.submissions
    assert first.idempotency_key == second.idempotency_key
    assert second.replayed
    assert ref == CreationRef("kling", first.creation_id or "", ("image2video",))


def test_add_creation_checks_the_scope(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="1 part"):
        sandbox.add_creation("kling", "s1", scope=["image2video", "extra"])
    with pytest.raises(ValueError, match="0 part"):
        sandbox.add_creation("vidu", "s1", scope=["x"])


# -- the adapter on replies the sandbox does not send -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({}, "no data.task_id"),
        ({"code": 0, "data": None}, "no data.task_id"),
        ({"code": 0, "data": {"task_id": ""}}, "no data.task_id"),
        ({"code": 0, "data": {"task_id": ["x"]}}, "not a string"),
        ({"code": 0, "data": {"task_id": "a/b"}}, "unusable"),
        ({"code": 0, "data": "x"}, "not an object"),
        ({"code": 1301, "message": "content security", "data": None}, "1301"),
    ],
)
def test_an_unusable_submit_reply_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError, match=says):
        _kling.submitted_as("text2video", body)


def test_a_non_zero_code_with_a_task_is_a_failure_at_submit() -> None:
    body = {"code": 1303, "message": "Concurrency exceeds limit", "data": {"task_id": "9", "task_status": "submitted"}}
    with pytest.raises(genvideo.CreationFailed) as info:
        _kling.submitted_as("image2video", body)
    failed = info.value.creation
    assert failed.ref == CreationRef("kling", "9", ("image2video",))
    assert (failed.state, failed.raw_state) == (_F, "submitted")
    assert (failed.error_code, failed.error_message) == ("1303", "Concurrency exceeds limit")
    assert "(code '1303')" in str(info.value)


def test_the_submit_flow_names_the_kind_of_the_endpoint_it_posted_to() -> None:
    from genvideo._providers import ApiRequest, CommonArgs

    for images, kind in (([], "text2video"), (["https://x.test/a.png"], "image2video")):
        flow = _kling.submit_flow(CommonArgs(prompt="a fox", images=images), {}, "key")
        request = next(flow)
        assert isinstance(request, ApiRequest)
        assert request.path.endswith(kind)
        with pytest.raises(StopIteration) as done:
            flow.send({"code": 0, "data": {"task_id": "1", "task_status": "submitted"}})
        assert done.value.value == CreationRef("kling", "1", (kind,))


def test_a_reply_for_another_task_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="another creation"):
        _kling.to_creation(
            CreationRef("kling", "a", ("text2video",)), {"data": {"task_id": "b", "task_status": "processing"}}
        )


def test_nulls_and_missing_fields_parse() -> None:
    ref = CreationRef("kling", "a", ("image2video",))
    for body in (
        {"code": None, "message": None, "request_id": None, "data": None},
        {"data": {"task_id": None, "task_status": None, "task_status_msg": None, "task_result": None}},
        {"data": {"task_id": "a", "task_result": {"videos": None}, "created_at": None, "updated_at": None}},
        {"data": {"task_id": "a", "task_result": {"videos": [{"id": None, "url": None, "watermark_url": None}]}}},
    ):
        creation = _kling.to_creation(ref, body)
        assert (creation.state, creation.raw_state, creation.outputs) == (_U, None, ())
        assert creation.raw.to_dict() == body  # the generated model parses nulls (patch 162)
    bad_bodies: list[dict[str, Any]] = [
        {"data": {"task_status": 3}},
        {"data": []},
        {"data": {"task_result": {"videos": "x"}}},
        {"data": {"task_result": {"videos": ["x"]}}},
    ]
    for bad in bad_bodies:
        with pytest.raises(genvideo.ResponseValidationError):
            _kling.to_creation(ref, bad)


def test_a_non_zero_code_on_a_lookup_is_the_error_code() -> None:
    ref = CreationRef("kling", "a", ("text2video",))
    creation = _kling.to_creation(ref, {"code": 5001, "message": "Service temporarily unavailable", "data": None})
    assert (creation.state, creation.error_code) == (_U, "5001")
