"""MiniMax (Hailuo behind Comfy's proxy) end to end against the sandbox: create, wait, download (the task poll
with ?task_id=, then files/retrieve with ?file_id=), images, states, failures, refusals, refs and the CLI."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import CommonArgs, _minimax
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from tests.support.cli import run_cli
from tests.support.clients import COMFY_KEY, make_async_client, make_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
IMAGE_URL = "https://img.example/first-frame.png"
SUBMIT = "video_generation"
QUERY = "/comfy/proxy/minimax/query/video_generation"
RETRIEVE = "/comfy/proxy/minimax/files/retrieve"
_Q, _P, _S, _F, _U = (
    CreationState.QUEUED,
    CreationState.PROCESSING,
    CreationState.SUCCEEDED,
    CreationState.FAILED,
    CreationState.UNKNOWN,
)
OK = {"status_code": 0, "status_msg": "success"}


def _query(request_target: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(request_target).query, keep_blank_values=True)


# -- create, wait, download ----------------------------------------------------------------------------


def test_text_to_video_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    with make_client(sandbox) as client:
        ref = client.create("minimax", prompt="a red fox in snow [Pan left]", duration=10, resolution=768)
        assert (ref.provider, ref.scope) == ("minimax", ())
        seen: list[tuple[CreationState, str | None]] = []
        creation = client.wait(ref, poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
        path = client.download(creation, tmp_path / "fox.mp4")
    (submission,) = sandbox.submissions
    assert submission.endpoint == SUBMIT
    assert submission.body == {
        "model": "MiniMax-Hailuo-02",
        "prompt": "a red fox in snow [Pan left]",
        "duration": 10,
        "resolution": "768P",
    }
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert seen == [(_Q, "Queueing"), (_P, "Preparing"), (_P, "Processing"), (_S, "Success")]
    assert creation.progress is None
    assert (creation.error_code, creation.error_message) == (None, None)
    task, retrieve = creation.payload["task"], creation.payload["retrieve"]
    assert [o.url for o in creation.outputs] == [retrieve["file"]["download_url"]]
    assert creation.created_at is None  # the task reports no times
    assert creation.updated_at is not None
    assert int(creation.updated_at.timestamp()) == retrieve["file"]["created_at"]
    assert isinstance(creation.raw, _minimax.MinimaxRaw)
    assert creation.raw.task.to_dict() == task
    assert creation.raw.retrieve is not None
    assert creation.raw.retrieve.to_dict() == retrieve
    assert path.read_bytes() == sandbox.video("minimax", ref.id)
    polls = [r for r in sandbox.requests if r.path == QUERY]
    assert [(r.method, _query(r.target)) for r in polls] == [("GET", {"task_id": [ref.id]})] * 4
    (lookup,) = [r for r in sandbox.requests if r.path == RETRIEVE]
    assert lookup.method == "GET"  # the spec said POST; patch 172 and both Comfy clients say GET
    assert lookup.body == b""
    assert _query(lookup.target) == {"file_id": [task["file_id"]]}
    assert lookup.header_values("X-API-Key") == [COMFY_KEY]


def test_the_retrieve_is_asked_only_once_the_task_succeeded(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "r1", states=["Processing", "Success"])
    with make_client(sandbox) as client:
        running = client.get("minimax:r1")
        done = client.get("minimax:r1")
    assert (running.state, running.outputs, running.payload["retrieve"]) == (_P, (), None)
    assert running.raw.retrieve is None
    assert (done.state, len(done.outputs)) == (_S, 1)
    assert [r.path for r in sandbox.requests] == [QUERY, QUERY, RETRIEVE]


@pytest.mark.parametrize("kind", ["url", "path", "bytes"])
def test_one_image_is_the_first_frame_as_a_url_or_a_data_uri(sandbox: Sandbox, tmp_path: Path, kind: str) -> None:
    (tmp_path / "frame.png").write_bytes(PNG)
    image: Any = {"url": IMAGE_URL, "path": tmp_path / "frame.png", "bytes": PNG}[kind]
    with make_client(sandbox) as client:
        client.create("minimax", prompt="the fox runs", image=image, model="I2V-01-Director", prompt_optimizer=False)
    (submission,) = sandbox.submissions
    expected = IMAGE_URL if kind == "url" else "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert submission.body == {
        "model": "I2V-01-Director",
        "prompt": "the fox runs",
        "first_frame_image": expected,
        "prompt_optimizer": False,
    }


def test_an_image_alone_needs_no_prompt(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("minimax", prompt=None, image=IMAGE_URL, resolution="1080p", callback_url="https://cb.example/")
    assert sandbox.submissions[0].body == {
        "model": "MiniMax-Hailuo-02",
        "first_frame_image": IMAGE_URL,
        "resolution": "1080P",
        "callback_url": "https://cb.example/",
    }


@pytest.mark.parametrize(
    ("given", "sent"), [(768, "768P"), ("768", "768P"), ("768p", "768P"), ("768P", "768P"), (1080, "1080P")]
)
def test_resolution_spellings(sandbox: Sandbox, given: int | str, sent: str) -> None:
    with make_client(sandbox) as client:
        client.create("minimax", prompt="x", resolution=given)
    assert sandbox.submissions[0].body["resolution"] == sent


def test_async_create_wait_download(sandbox: Sandbox, tmp_path: Path) -> None:
    async def main() -> tuple[genvideo.Creation, Path]:
        async with make_async_client(sandbox) as client:
            ref = await client.create("minimax", prompt="sea", image=IMAGE_URL)
            creation = await client.wait(ref, poll_interval=0.01)
            return creation, await client.download(creation, tmp_path / "sea.mp4")

    creation, path = asyncio.run(main())
    assert (creation.state, creation.raw_state) == (_S, "Success")
    assert path.read_bytes() == sandbox.video("minimax", creation.id)


def test_cli_generate_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    target = tmp_path / "out.mp4"
    (tmp_path / "frame.png").write_bytes(PNG)
    result = run_cli(
        *("generate", "minimax", "--prompt", "a fox", "--duration", "6", "--resolution", "1080"),
        *("--image", str(tmp_path / "frame.png"), "--poll-interval", "0.05", "--download", str(target)),
        env=sandbox.env(),
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["state"], data["raw_state"]) == ("succeeded", "Success")
    ref = CreationRef.parse(data["ref"])
    assert ref.id == sandbox.submissions[0].creation_id
    assert target.read_bytes() == sandbox.video("minimax", ref.id)
    body = sandbox.submissions[0].body
    assert (body["duration"], body["resolution"]) == (6, "1080P")
    assert body["first_frame_image"].startswith("data:image/png;base64,")
    refused = run_cli("create", "minimax", "--prompt", "x", "--seed", "3", env=sandbox.env())
    assert refused.returncode == 2
    assert "no seed" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert len(sandbox.submissions) == 1


def test_a_link_that_expired_is_fetched_again_through_both_requests(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("minimax", "e1", states=["Success"])
    with make_client(sandbox) as client:
        creation = client.get("minimax:e1")
        sandbox.expire_urls("minimax", "e1")
        path = client.download(creation, tmp_path / "e1.mp4")
    assert path.read_bytes() == sandbox.video("minimax", "e1")
    assert [r.path for r in sandbox.requests if not r.path.startswith("/cdn/")] == [QUERY, RETRIEVE] * 2


# -- refused before anything is sent --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "option", "says"),
    [
        ({"negative_prompt": "people"}, "negative_prompt", "no negative prompt"),
        ({"seed": 7}, "seed", "no seed"),
        ({"aspect_ratio": "16:9"}, "aspect_ratio", "no aspect ratio"),
        ({"image": [IMAGE_URL, IMAGE_URL]}, "image", "one image"),
        ({"duration": 5}, "duration", "6 or 10"),
        ({"duration": True}, "duration", "6 or 10"),
        ({"duration": 10, "resolution": "1080P"}, "duration", "768P only"),
        ({"model": "T2V-01", "duration": 6}, "duration", "only MiniMax-Hailuo-02"),
        ({"model": "I2V-01", "image": IMAGE_URL, "resolution": 768}, "resolution", "only MiniMax-Hailuo-02"),
        ({"resolution": "720p"}, "resolution", "768P, 1080P"),
        ({"resolution": ""}, "resolution", "not a resolution"),
        ({"model": "Hailuo-2.3"}, "model", "not a MiniMax model"),
        ({"model": "T2V-01-Director", "image": IMAGE_URL}, "image", "takes no first-frame image"),
        ({"model": "S2V-01", "image": IMAGE_URL}, "image", "takes no first-frame image"),
        ({"model": "I2V-01-live"}, "image", "from a first-frame image"),
        ({"prompt": None}, "prompt", "needs a prompt"),
        ({"prompt": "x" * 2001}, "prompt", "at most 2000"),
        ({"first_frame_image": IMAGE_URL}, "first_frame_image", "as the image argument"),
        ({"resolution_": 1}, "resolution_", "not an option of MinimaxVideoGenerationRequest"),
        ({"prompt_optimizer": "yes"}, "prompt_optimizer", "expected bool"),
        ({"subject_reference": {"image": IMAGE_URL}}, "subject_reference", "expected list"),
    ],
)
def test_what_minimax_cannot_take_is_refused_naming_it(
    sandbox: Sandbox, arguments: dict[str, Any], option: str, says: str
) -> None:
    arguments = {"prompt": "x", **arguments}
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("minimax", **arguments)
    assert info.value.option == option
    assert says in str(info.value)
    assert sandbox.submissions == []


@pytest.mark.parametrize("name", ["model", "prompt", "duration", "resolution"])
def test_a_request_field_the_arguments_fill_is_refused_as_an_option(name: str) -> None:
    common = CommonArgs(prompt="x", images=[])
    with pytest.raises(genvideo.InvalidOption) as info:
        _minimax.submit_request(common, {name: "v"}, "key")
    assert info.value.option == name
    assert f"as the {name} argument" in str(info.value)


def test_subject_reference_goes_with_s2v(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        client.create("minimax", prompt="x", model="S2V-01", subject_reference=[{"image": IMAGE_URL}])
    assert sandbox.submissions[0].body == {
        "model": "S2V-01",
        "prompt": "x",
        "subject_reference": [{"image": IMAGE_URL}],
    }


# -- states ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "state"),
    [
        ("Queueing", _Q),
        ("Preparing", _P),
        ("Processing", _P),
        ("Success", _S),
        ("Fail", _F),
        ("SUCCESS", _S),  # compared case-insensitively, as ComfyUI does (comfy-cli would not)
        ("queueing", _Q),
        ("Failed", _U),  # not MiniMax's word: an undocumented one
    ],
)
def test_every_state_word_is_mapped_as_chosen(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("minimax", f"state-{word}", states=[word])
    with make_client(sandbox) as client:
        creation = client.get(f"minimax:state-{word}")
    assert (creation.state, creation.raw_state) == (state, word)
    assert _minimax.map_state(word) is state


def test_the_registry_maps_exactly_the_spec_words() -> None:
    assert dict(registry().providers["minimax"].states) == {
        "queueing": _Q,
        "preparing": _P,
        "processing": _P,
        "success": _S,
        "fail": _F,
    }


def test_wait_keeps_polling_through_an_unknown_word(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "u1", states=["Queueing", "Paused", "Paused", "Processing", "Success"])
    seen: list[tuple[CreationState, str | None]] = []
    with make_client(sandbox) as client:
        done = client.wait("minimax:u1", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state)))
    assert seen == [(_Q, "Queueing"), (_U, "Paused"), (_U, "Paused"), (_P, "Processing"), (_S, "Success")]
    assert done.state is _S


def test_an_undocumented_word_stays_raw(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "odd", faults=[Fault.state("Expired")])
    with make_client(sandbox) as client:
        creation = client.get("minimax:odd")
    assert (creation.state, creation.raw_state) == (_U, "Expired")


# -- failures --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("failure_code", "code", "message"),
    [
        ("1026", "1026", "The generated video may involve sensitive content."),
        (None, "1027", "The generated video may involve sensitive content."),
        ("input new_sensitive", "1027", "input new_sensitive"),
    ],
)
def test_a_failed_task_raises_creation_failed_with_base_resp(
    sandbox: Sandbox, failure_code: str | None, code: str, message: str
) -> None:
    sandbox.add_creation("minimax", "f1", states=["Queueing", "Processing", "Fail"], failure_code=failure_code)
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait("minimax:f1", poll_interval=0.01)
    failed = info.value.creation
    assert (failed.state, failed.raw_state) == (_F, "Fail")
    assert (failed.error_code, failed.error_message) == (code, message)
    assert failed.outputs == ()
    assert failed.payload["retrieve"] is None
    assert code in str(info.value)
    assert not [r for r in sandbox.requests if r.path == RETRIEVE]


def test_a_submit_refused_in_base_resp_names_its_code_and_message(sandbox: Sandbox) -> None:
    reply = {"task_id": "", "base_resp": {"status_code": 1008, "status_msg": "insufficient balance"}}
    sandbox.add_fault(sandbox.submit_path("minimax", SUBMIT), Fault.body(json.dumps(reply).encode()))
    with make_client(sandbox) as client, pytest.raises(genvideo.ResponseValidationError) as info:
        client.create("minimax", prompt="x")
    assert "1008" in str(info.value)
    assert "insufficient balance" in str(info.value)
    assert json.loads(info.value.body) == reply
    assert sandbox.submissions[0].creation_id is None


def test_a_submit_refused_with_a_task_id_is_creation_failed(sandbox: Sandbox) -> None:
    sandbox.script_submits("minimax", Sandbox.submit_script(states=["Fail"], failure_code="2013"))
    with make_client(sandbox) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.create("minimax", prompt="x")
    failed = info.value.creation
    assert failed.ref.id == sandbox.submissions[0].creation_id
    assert (failed.state, failed.raw_state) == (_F, None)
    assert (failed.error_code, failed.error_message) == ("2013", "The generated video may involve sensitive content.")
    assert failed.raw.base_resp.status_code == 2013


def test_a_submit_error_is_typed(sandbox: Sandbox) -> None:
    reject = Fault.error(400, error_code="invalid_request", message="prompt too long")
    sandbox.script_submits("minimax", Sandbox.submit_script(reject=reject))
    with make_client(sandbox) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.create("minimax", prompt="x")
    assert (info.value.status_code, info.value.error_code) == (400, "invalid_request")


def test_an_unknown_task_is_not_found(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.NotFoundError):
        client.get("minimax:no-such-task")


# -- the file: file_id, download_url and its backup ------------------------------------------------------


def _success(sandbox: Sandbox, cid: str, task: dict[str, Any]) -> None:
    sandbox.add_creation("minimax", cid, faults=[Fault.body(json.dumps(task).encode())])


@pytest.mark.parametrize("file_id", ["abc", "12a", "-5", " 7", "1.5", True, [1], -1])
def test_a_file_id_that_is_no_integer_is_a_response_validation_error(sandbox: Sandbox, file_id: object) -> None:
    _success(sandbox, "n1", {"task_id": "n1", "status": "Success", "file_id": file_id, "base_resp": OK})
    with make_client(sandbox) as client, pytest.raises(genvideo.ResponseValidationError) as info:
        client.get("minimax:n1")
    assert "file_id" in str(info.value)
    assert not [r for r in sandbox.requests if r.path == RETRIEVE]


@pytest.mark.parametrize("file_id", ["", None])
def test_a_success_without_a_file_delivers_nothing(sandbox: Sandbox, file_id: str | None) -> None:
    task = {"task_id": "n2", "status": "Success", "file_id": file_id, "base_resp": OK}
    sandbox.add_creation("minimax", "n2", faults=[Fault.body(json.dumps(task).encode(), times=5)])
    with make_client(sandbox) as client:
        creation = client.get("minimax:n2")
        with pytest.raises(genvideo.CreationFailed):
            client.wait("minimax:n2", poll_interval=0.01)
    assert (creation.state, creation.outputs) == (_S, ())
    assert not [r for r in sandbox.requests if r.path == RETRIEVE]


def test_an_integer_file_id_is_taken_too(sandbox: Sandbox) -> None:
    fid = 8 * 10**15 + 123  # the fake's file_id of task 123
    task = {"task_id": "123", "status": "Success", "file_id": fid, "base_resp": OK}
    sandbox.add_creation("minimax", "123", states=["Success"], faults=[Fault.body(json.dumps(task).encode())])
    with make_client(sandbox) as client:
        creation = client.get("minimax:123")
    assert (creation.state, len(creation.outputs)) == (_S, 1)
    (lookup,) = [r for r in sandbox.requests if r.path == RETRIEVE]
    assert _query(lookup.target) == {"file_id": [str(fid)]}


def _retrieve(file: dict[str, Any], base_resp: dict[str, Any] = OK) -> dict[str, Any]:
    return {"file": file, "base_resp": base_resp}


@pytest.mark.parametrize(
    ("file", "urls"),
    [
        (
            {"file_id": 7, "download_url": "https://a/v.mp4", "backup_download_url": "https://b/v.mp4"},
            ["https://a/v.mp4"],
        ),
        ({"file_id": 7, "download_url": None, "backup_download_url": "https://b/v.mp4"}, ["https://b/v.mp4"]),
        ({"download_url": "", "backup_download_url": "https://b/v.mp4"}, ["https://b/v.mp4"]),
        ({"file_id": 7}, []),
        ({"file_id": None, "download_url": None, "backup_download_url": None}, []),
    ],
)
def test_download_url_else_its_backup(file: dict[str, Any], urls: list[str]) -> None:
    ref = CreationRef("minimax", "t1")
    task = {"task_id": "t1", "status": "Success", "file_id": "7", "base_resp": OK}
    creation = _minimax.to_creation(ref, task, _retrieve(file))
    assert [o.url for o in creation.outputs] == urls
    assert creation.state is _S
    assert isinstance(creation.raw, _minimax.MinimaxRaw)


def test_a_file_reply_for_another_file_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="another file"):
        _minimax.to_creation(
            CreationRef("minimax", "t1"),
            {"task_id": "t1", "status": "Success", "file_id": "7"},
            _retrieve({"file_id": 8, "download_url": "https://a/v.mp4"}),
        )


def test_a_refused_retrieve_reports_its_base_resp() -> None:
    creation = _minimax.to_creation(
        CreationRef("minimax", "t1"),
        {"task_id": "t1", "status": "Success", "file_id": "7", "base_resp": OK},
        _retrieve({}, {"status_code": 1004, "status_msg": "file expired"}),
    )
    assert (creation.state, creation.outputs) == (_S, ())
    assert (creation.error_code, creation.error_message) == ("1004", "file expired")


def test_the_retrieve_is_a_get_and_refuses_post(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "123", states=["Success"])
    headers = {"X-API-Key": COMFY_KEY}
    fid = 8 * 10**15 + 123
    url = sandbox.comfy_base_url + "/proxy/minimax/files/retrieve"
    got = httpx.get(url, params={"file_id": fid}, headers=headers)
    assert got.status_code == 200
    assert got.json()["file"]["file_id"] == fid
    posted = httpx.post(url, params={"file_id": fid}, headers=headers)
    assert posted.status_code == 405
    assert "GET" in posted.headers["allow"]


# -- ids in the query string --------------------------------------------------------------------------------


@pytest.mark.parametrize("task_id", ["a&b=c", "a#b", "100%", "a b+c", "x?y=z", "é/ü"])
def test_an_id_stays_inside_its_query_parameter(task_id: str) -> None:
    path = _minimax.status_path(task_id)
    parts = urlsplit(path)
    assert parts.path == "/proxy/minimax/query/video_generation"
    assert "#" not in path
    assert parse_qs(parts.query, keep_blank_values=True) == {"task_id": [task_id]}
    assert _minimax.retrieve_path(8000000000000123) == "/proxy/minimax/files/retrieve?file_id=8000000000000123"


@pytest.mark.parametrize("ref", ["minimax:a&b", "minimax:a#b", "minimax:100%", "minimax:a?b", "minimax:a b"])
def test_a_ref_whose_id_would_change_the_url_is_refused_before_any_request(sandbox: Sandbox, ref: str) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidCreationRef):
        client.get(ref)
    assert sandbox.requests == []


def test_ids_with_dots_and_tildes_reach_their_task(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "a.b~c-d_e", states=["Success"])
    with make_client(sandbox) as client:
        creation = client.get("minimax:a.b~c-d_e")
    assert (creation.state, len(creation.outputs)) == (_S, 1)
    assert creation.payload["task"]["task_id"] == "a.b~c-d_e"


# -- credentials, refs, idempotency ----------------------------------------------------------------------


def test_a_wrong_key_is_a_401(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "123", states=["Success"])
    with (
        make_client(sandbox, comfy_api_key="not-the-key") as client,
        pytest.raises(genvideo.AuthenticationError) as info,
    ):
        client.get("minimax:123")
    assert (info.value.status_code, info.value.provider) == (401, "minimax")
    base = sandbox.comfy_base_url
    assert httpx.get(base + "/proxy/minimax/query/video_generation?task_id=123").status_code == 401
    assert httpx.get(base + f"/proxy/minimax/files/retrieve?file_id={8 * 10**15 + 123}").status_code == 401
    assert httpx.post(base + "/proxy/minimax/video_generation", json={"model": "T2V-01"}).status_code == 401


def test_a_parsed_ref_from_a_fresh_client_finds_the_same_creation(sandbox: Sandbox) -> None:
    with make_client(sandbox) as client:
        ref = client.create("minimax", prompt="fox")
        done = client.wait(ref, poll_interval=0.01)
    text = str(ref)
    assert text == f"minimax:{ref.id}"
    with make_client(sandbox) as fresh:
        again = fresh.get(CreationRef.parse(text))
    assert again.ref == ref
    assert again.state is _S
    assert again.payload["task"] == done.payload["task"]


def test_a_lost_submit_answer_is_retried_with_the_same_key(sandbox: Sandbox) -> None:
    sandbox.add_fault(sandbox.submit_path("minimax", SUBMIT), Fault.delay(2.0))
    with make_client(sandbox, timeout=0.5) as client:
        ref = client.create("minimax", prompt="a fox")
    first, second = sandbox.submissions
    assert first.idempotency_key == second.idempotency_key
    assert ref.id == first.creation_id == second.creation_id


# -- the adapter on replies the sandbox does not send -----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ({}, "no task_id"),
        ({"task_id": "", "base_resp": OK}, "no task_id"),
        ({"task_id": ["x"], "base_resp": OK}, "not a string"),
        ({"task_id": "a/b", "base_resp": OK}, "unusable task_id"),
        ({"task_id": "t", "base_resp": "ok"}, "base_resp is a str"),
        ({"task_id": "", "base_resp": {"status_code": 1004, "status_msg": "auth failed"}}, "1004"),
        ({"task_id": "a/b", "base_resp": {"status_code": 2013, "status_msg": None}}, "2013"),
    ],
)
def test_an_unusable_submit_reply_is_refused(body: dict[str, Any], says: str) -> None:
    with pytest.raises(genvideo.ResponseValidationError, match=says) as info:
        _minimax.submitted(body)
    assert info.value.body


@pytest.mark.parametrize("base_resp", [OK, {"status_code": "0", "status_msg": "ok"}, None])
def test_a_submit_reply_with_a_zero_or_no_code_names_the_task(base_resp: dict[str, Any] | None) -> None:
    assert _minimax.submitted({"task_id": "106916112212032", "base_resp": base_resp}) == CreationRef(
        "minimax", "106916112212032"
    )
    assert _minimax.submitted({"task_id": 42}) == CreationRef("minimax", "42")


def test_a_reply_for_another_task_is_refused() -> None:
    with pytest.raises(genvideo.ResponseValidationError, match="another creation"):
        _minimax.to_creation(CreationRef("minimax", "a"), {"task_id": "b", "status": "Processing"}, None)


def test_nulls_and_missing_fields_parse() -> None:
    ref = CreationRef("minimax", "a")
    creation = _minimax.to_creation(ref, {"task_id": "a", "status": None, "file_id": None, "base_resp": OK}, None)
    assert (creation.state, creation.raw_state, creation.outputs) == (_U, None, ())
    creation.raw  # noqa: B018  (the generated model parses nulls)
    polled = _minimax.to_creation(ref, {"task_id": "", "base_resp": {"status_code": 1002, "status_msg": "rate"}}, None)
    assert (polled.state, polled.error_code, polled.error_message) == (_U, "1002", "rate")
    broken_replies: list[dict[str, Any]] = [{"status": 3}, {"file_id": []}, {"base_resp": []}]
    for broken in broken_replies:
        with pytest.raises(genvideo.ResponseValidationError):
            _minimax.to_creation(ref, broken, None)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_TASK_KEYS = st.sampled_from(["task_id", "status", "file_id", "base_resp"])
_FILE_KEYS = st.sampled_from(["file_id", "download_url", "backup_download_url", "created_at", "bytes"])
_CODES = st.fixed_dictionaries({"status_code": _JSON, "status_msg": _JSON})


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_TASK_KEYS, _JSON | _CODES, max_size=4),
    st.none() | st.dictionaries(st.sampled_from(["file", "base_resp"]), _JSON | st.dictionaries(_FILE_KEYS, _JSON)),
)
def test_any_reply_gives_a_creation_or_a_genvideo_error(task: dict[str, Any], retrieve: dict[str, Any] | None) -> None:
    try:
        creation = _minimax.to_creation(CreationRef("minimax", "t1"), task, retrieve)
    except genvideo.GenvideoError:
        return
    assert isinstance(creation.state, CreationState)
    assert all(isinstance(o.url, str) and o.url for o in creation.outputs)
