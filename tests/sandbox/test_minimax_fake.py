"""The sandbox's MiniMax fake: ids in the query string, the file_id it gives each task's video and finds the
task by again, its spelling of state words, and its paths."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from genvideo import CreationState
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from genvideo.testing._fakes._minimax import FILE_BASE, file_id, task_of
from tests.support.clients import COMFY_KEY, make_client

QUERY = "/proxy/minimax/query/video_generation"
RETRIEVE = "/proxy/minimax/files/retrieve"


@pytest.mark.parametrize(
    ("task_id", "expected"),
    [
        ("0", FILE_BASE),
        ("733096291838199", FILE_BASE + 733096291838199),
        ("999999999999999", FILE_BASE + 999999999999999),
    ],
)
def test_a_minimax_like_task_id_gets_a_16_digit_file_id(task_id: str, expected: int) -> None:
    assert file_id(task_id) == expected
    assert file_id(task_id) < 2**53  # JavaScript (Prism) reads it exactly
    assert task_of(str(expected)) == task_id


@given(st.text(min_size=1, max_size=300))
def test_every_task_id_has_a_file_id_that_leads_back_to_it(task_id: str) -> None:
    number = file_id(task_id)
    assert number >= 0
    assert task_of(str(number)) == task_id


@pytest.mark.parametrize("text", ["", "abc", "-1", "1.5", "5", "0x10", " 8000000000000001"])
def test_a_file_id_of_no_task_names_none(text: str) -> None:
    assert task_of(text) == ""


def test_words_are_spelled_as_minimax_writes_them() -> None:
    fake = fakes()["minimax"]
    assert [fake.spell(w) for w in ("queueing", "preparing", "processing", "success", "fail")] == [
        "Queueing",
        "Preparing",
        "Processing",
        "Success",
        "Fail",
    ]
    assert fake.default_states == ("Queueing", "Preparing", "Processing", "Success")
    assert all(fake.entry.map_state(w) is not CreationState.UNKNOWN for w in fake.default_states)


def test_paths_for_faults_and_requests(sandbox: Sandbox) -> None:
    assert sandbox.submit_path("minimax", "video_generation") == "/comfy/proxy/minimax/video_generation"
    assert sandbox.fault_path("minimax", "123") == f"/comfy{QUERY}"  # the id is in the query: every task's polls


@pytest.mark.parametrize(
    ("path", "params"),
    [(QUERY, {}), (QUERY, {"task_id": ""}), (QUERY, {"task_id": "nope"}), (RETRIEVE, {}), (RETRIEVE, {"file_id": "x"})],
)
def test_a_query_that_names_no_task_is_not_found(sandbox: Sandbox, path: str, params: dict[str, str]) -> None:
    sandbox.add_creation("minimax", "123", states=["Success"])
    response = httpx.get(sandbox.comfy_base_url + path, params=params, headers={"X-API-Key": COMFY_KEY})
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_an_encoded_task_id_is_decoded_like_a_query_value(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "a&b #%", states=["Success"])
    headers = {"X-API-Key": COMFY_KEY}
    task = httpx.get(sandbox.comfy_base_url + QUERY, params={"task_id": "a&b #%"}, headers=headers).json()
    assert task["task_id"] == "a&b #%"
    retrieve = httpx.get(sandbox.comfy_base_url + RETRIEVE, params={"file_id": task["file_id"]}, headers=headers)
    assert retrieve.json()["file"]["file_id"] == file_id("a&b #%")


def test_the_demo_id_round_trips_through_both_requests(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "902581991298326528", states=["Success"])  # 18 digits: a long file_id
    with make_client(sandbox) as client:
        creation = client.get("minimax:902581991298326528")
    assert (creation.state, len(creation.outputs)) == (CreationState.SUCCEEDED, 1)


def test_a_poll_fault_for_one_task_leaves_the_others_alone(sandbox: Sandbox) -> None:
    sandbox.add_creation("minimax", "1", states=["Processing"], faults=[Fault.state("Fail")])
    sandbox.add_creation("minimax", "2", states=["Processing"])
    with make_client(sandbox) as client:
        assert client.get("minimax:2").raw_state == "Processing"
        assert client.get("minimax:1").raw_state == "Fail"
