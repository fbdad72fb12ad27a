"""A lookup reply for another creation is refused (issue 12).

A client whose connection pool is shared across ``os.fork()`` can read the other process's answer
(both processes read the same socket); a misbehaving proxy or cache can do the same. Where a
provider's reply names its creation (Vidu: ``id``; Haiper: ``value.creation_id`` or
``generation_id``, in the detail and, should it ever carry one, the status), the provider adapters
check it is the ref's id and raise ResponseValidationError otherwise; wait() does not retry it.
For every provider, the sandbox answers one creation's lookups with another's replies (as its fake
writes them); for Vidu and Haiper, a local server plays the swapped answer field by field.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator

import pytest

import genvideo
from genvideo.testing import Fault
from tests.support.faultmatrix import POLLED, marker_sandbox, subject
from tests.support.faultservers import Reply, Request, ScriptedServer

BODIES: dict[str, object] = {}


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    def answer(request: Request) -> Reply:
        if request.target not in BODIES:
            return Reply(404, b'{"message": "no such path"}')
        return Reply(200, json.dumps(BODIES[request.target]).encode(), headers=[("Content-Type", "application/json")])

    with ScriptedServer(answer) as srv:
        yield srv


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[genvideo.Client]:
    BODIES.clear()
    server.clear()
    with genvideo.Client(
        comfy_api_key="key-1", haiper_api_key="key-2", comfy_base_url=server.base_url, haiper_base_url=server.base_url
    ) as c:
        yield c


VIDU = "/proxy/vidu/tasks/902581991298326528/creations"
HAIPER_STATUS = "/v1/jobs/h1/status"
HAIPER_DETAIL = "/v1/creation/h1"
SUCCEEDED = {"status": "success", "value": {"status": "succeed", "progress": 1}}


def vidu_reply(reply_id: object) -> dict[str, object]:
    body: dict[str, object] = {"state": "success", "creations": [{"url": "https://cdn.example.com/v.mp4"}]}
    if reply_id is not ...:
        body["id"] = reply_id
    return body


@pytest.mark.parametrize("reply_id", ["902581991298326529", "902581991298326528 ", 902581991298326529, "x"])
def test_a_vidu_reply_for_another_task_is_refused(client: genvideo.Client, reply_id: object) -> None:
    BODIES[VIDU] = vidu_reply(reply_id)
    with pytest.raises(genvideo.ResponseValidationError, match="asked for vidu:902581991298326528") as info:
        client.get("vidu:902581991298326528")
    assert "os.fork()" in str(info.value)


@pytest.mark.parametrize("reply_id", ["902581991298326528", 902581991298326528, None, "", ...], ids=repr)
def test_a_vidu_reply_for_this_task_or_naming_none_is_read(client: genvideo.Client, reply_id: object) -> None:
    BODIES[VIDU] = vidu_reply(reply_id)
    creation = client.get("vidu:902581991298326528")
    assert creation.state is genvideo.CreationState.SUCCEEDED


@pytest.mark.parametrize("reply_id", [["902581991298326528"], {"id": 1}, 9.025819912983265e17, True])
def test_a_vidu_reply_id_of_the_wrong_type_is_refused(client: genvideo.Client, reply_id: object) -> None:
    BODIES[VIDU] = vidu_reply(reply_id)
    with pytest.raises(genvideo.ResponseValidationError, match="id should be a string"):
        client.get("vidu:902581991298326528")


def test_wait_does_not_retry_another_tasks_reply(client: genvideo.Client, server: ScriptedServer) -> None:
    BODIES[VIDU] = vidu_reply("1")
    with pytest.raises(genvideo.ResponseValidationError):
        client.wait("vidu:902581991298326528", timeout=5, poll_interval=0.01)
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("detail", {"creation_id": "h2", "video_url": "https://cdn.example.com/v.mp4"}),
        ("detail", {"generation_id": "h2", "video_url": "https://cdn.example.com/v.mp4"}),
        ("status", {"status": "processing", "progress": 0.5, "creation_id": "h2"}),
    ],
)
def test_a_haiper_reply_for_another_creation_is_refused(
    client: genvideo.Client, where: str, value: dict[str, object]
) -> None:
    BODIES[HAIPER_STATUS] = SUCCEEDED if where == "detail" else {"status": "success", "value": value}
    BODIES[HAIPER_DETAIL] = {"status": "success", "value": value}
    with pytest.raises(genvideo.ResponseValidationError, match="asked for haiper:h1 but the reply is for"):
        client.get("haiper:h1")


def test_a_haiper_detail_for_this_creation_is_read(client: genvideo.Client) -> None:
    BODIES[HAIPER_STATUS] = SUCCEEDED
    BODIES[HAIPER_DETAIL] = {
        "status": "success",
        "value": {"creation_id": "h1", "generation_id": None, "video_url": "https://cdn.example.com/v.mp4"},
    }
    assert client.get("haiper:h1").outputs[0].url == "https://cdn.example.com/v.mp4"


def test_the_async_client_refuses_another_creations_reply_too(server: ScriptedServer) -> None:
    BODIES[VIDU] = vidu_reply("902581991298326529")

    async def main() -> None:
        async with genvideo.AsyncClient(comfy_api_key="key-1", comfy_base_url=server.base_url) as client:
            await client.get("vidu:902581991298326528")

    with pytest.raises(genvideo.ResponseValidationError, match="asked for vidu:902581991298326528"):
        asyncio.run(main())


# -- every provider: the sandbox serves another creation's replies, as the provider's fake writes them ----------


def _names(value: object, wanted: str) -> bool:
    """Whether `value` (decoded JSON) holds `wanted` anywhere: as a string, or as an integer (PixVerse)."""
    if isinstance(value, dict):
        return any(_names(v, wanted) for v in value.values())
    if isinstance(value, list):
        return any(_names(v, wanted) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) == wanted
    return value == wanted


@pytest.mark.parametrize("mode", ["get", "wait"])
@pytest.mark.parametrize("provider", POLLED)
def test_another_creations_reply_is_refused_for_every_provider(provider: str, mode: str) -> None:
    """Each lookup of creation `asked` is answered with what the fake answers for `other` (both finished):
    refused when the provider's replies name their creation, read as they are when they name none; wait()
    does not poll again after a refusal."""
    facts = subject(provider)
    with marker_sandbox() as sb:
        other, asked = (facts.add_creation(sb, cid, states=[facts.success]) for cid in ("other-one", "asked-one"))
        theirs, _ = facts.lookups(sb, other.id)
        ours, _ = facts.lookups(sb, asked.id)  # the paths of asked's lookups, before any fault is set
        assert [x.status for x in theirs] == [x.status for x in ours] == [200] * len(ours)
        for mine, their in zip(ours, theirs, strict=True):
            path = mine.path.partition("?")[0]  # a fault matches paths (asked is the only creation looked up now)
            sb.add_fault(path, Fault.body(json.dumps(their.body).encode(), status=their.status, times=9))
        sb.clear_requests()
        named = any(_names(x.body, other.id) for x in theirs)
        with sb.client(max_retries=0, timeout=5.0) as client:
            call: Callable[[], object] = (
                (lambda: client.get(asked)) if mode == "get" else (lambda: client.wait(asked, timeout=5))
            )
            if named:
                with pytest.raises(genvideo.ResponseValidationError, match=f"asked for {asked} but the reply is for"):
                    call()
            else:
                result = call()
                assert isinstance(result, genvideo.Creation)
                assert result.state is genvideo.CreationState.SUCCEEDED
        if named:
            assert len(facts.poll_requests(sb, asked.id)) == 1  # refused at once, never polled again
