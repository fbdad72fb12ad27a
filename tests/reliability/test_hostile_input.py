"""Hostile input: creation refs and ids.

Invariant: `InvalidCreationRef` before any request, or exactly one request whose target the server
sees exactly as intended (the id byte for byte, as one path segment). A local server records every
raw request target.
"""

from __future__ import annotations

import asyncio
import string
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import CreationRef
from genvideo.testing import Sandbox
from tests.support.clients import make_client
from tests.support.faultmatrix import POLLED, subject
from tests.support.faultservers import Reply, Request, ScriptedServer

PATHS = {"vidu": "/proxy/vidu/tasks/{}/creations", "haiper": "/v1/jobs/{}/status"}
BODIES = {
    "vidu": b'{"state": "processing", "progress": 10}',
    "haiper": b'{"status": "success", "value": {"status": "processing", "progress": 0.1}}',
}

BAD_REFS = [
    "",
    "vidu",
    "vidu:",
    ":",
    ":1",
    "vidu:.",
    "vidu:..",
    "vidu:...",
    "haiper:..",
    "vidu:a/b",
    "vidu:/",
    "vidu:../x",
    "vidu:a\\b",
    "vidu:%2e%2e",
    "vidu:%2F",
    "vidu:a%20b",
    "vidu:a b",
    "vidu: a",
    "vidu:a ",
    "vidu:\ta",
    "vidu:a\x00b",
    "vidu:\x7f",
    "vidu:a\r\nX-Injected: 1",
    "vidu:a\nb",
    "vidu:a?b",
    "vidu:a#b",
    "vidu:a;b",
    "vidu:a:b",
    "vidu:a@b",
    "vidu:a&b=c",
    "vidu:" + "a" * 257,
    "vidu:" + "1" * 10_000,
    "vidu:ü",
    "vidu:١٢٣",  # Arabic-Indic digits: "digits" to a Unicode-aware regex
    "vidu:\uff21\uff22\uff23",  # full-width letters
    "vidu:\u200b",
    "vidu:a\u2028b",
    " vidu:1",
    "vidu :1",
    "comfy:1",
    "nope:1",
    "haiper2:1",
    "http://example.com/x:1",
    "\x00:1",
]
NOT_STRINGS: list[object] = [None, 123, 1.5, b"vidu:1", ("vidu", "1"), ["vidu:1"], {"vidu": "1"}]
GOOD_IDS = ["1", "902581991298326528", "A-b_c.d~9", ".a", "a.", "a..b", "~", "-", "_", "a" * 256, "0" * 256]


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    def answer(request: Request) -> Reply:
        provider = "haiper" if request.target.startswith("/v1/") else "vidu"
        return Reply(200, BODIES[provider], headers=[("Content-Type", "application/json")])

    with ScriptedServer(answer) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: ScriptedServer) -> Iterator[genvideo.Client]:
    with genvideo.Client(
        comfy_api_key="k",
        haiper_api_key="k",
        comfy_base_url=server.base_url,
        haiper_base_url=server.base_url,
        timeout=5.0,
        max_retries=0,
    ) as c:
        yield c


def expect_invalid(server: ScriptedServer, client: genvideo.Client, ref: object) -> None:
    server.clear()
    call: Callable[[], object]
    for call in (lambda: client.get(ref), lambda: client.wait(ref, timeout=1, poll_interval=0.01)):  # type: ignore[arg-type]
        with pytest.raises(genvideo.InvalidCreationRef) as info:
            call()
        message = str(info.value)
        assert isinstance(info.value, ValueError)
        assert not any(c in message for c in "\r\n\x00"), "the message must stay one clean line"
        assert len(message) < 300
    assert server.requests == []


def expect_exact(server: ScriptedServer, client: genvideo.Client, ref: str) -> None:
    """`ref` either fails before any request or is sent as exactly its id."""
    server.clear()
    try:
        parsed = CreationRef.parse(ref)
    except genvideo.InvalidCreationRef:
        expect_invalid(server, client, ref)
        return
    creation = client.get(ref)
    assert creation.ref == parsed
    assert CreationRef.parse(str(parsed)) == parsed
    (request,) = server.requests
    assert request.target == PATHS[parsed.provider].format(parsed.id)


@pytest.mark.parametrize("ref", BAD_REFS, ids=range(len(BAD_REFS)))
def test_bad_refs_fail_before_any_request(server: ScriptedServer, client: genvideo.Client, ref: str) -> None:
    expect_invalid(server, client, ref)


@pytest.mark.parametrize("value", NOT_STRINGS, ids=lambda v: type(v).__name__)
def test_non_strings_fail_before_any_request(server: ScriptedServer, client: genvideo.Client, value: object) -> None:
    expect_invalid(server, client, value)


@pytest.mark.parametrize("provider", POLLED)
def test_good_ids_are_sent_byte_for_byte(sandbox: Sandbox, provider: str) -> None:
    """Every provider's adapter sends the id in its poll byte for byte, as exactly one path segment (or one
    query value, where the provider takes it there): the sandbox (its fake matching the spec's templates)
    finds the creation by it and answers it."""
    facts = subject(provider)
    with make_client(sandbox, max_retries=0) as client:
        for creation_id in GOOD_IDS:
            ref = facts.add_creation(sandbox, creation_id)
            sandbox.clear_requests()
            assert client.get(ref).ref == ref
            poll = sandbox.requests[0]
            values = [value for _, _, value in (part.partition("=") for part in poll.query.split("&"))]
            assert facts.id(creation_id) in poll.path.split("/") + values, (creation_id, poll.target)


def test_provider_names_are_case_insensitive_in_refs_only(server: ScriptedServer, client: genvideo.Client) -> None:
    expect_exact(server, client, "VIDU:abc")
    assert CreationRef.parse("Haiper:abc") == CreationRef("haiper", "abc")
    with pytest.raises(genvideo.InvalidCreationRef):
        CreationRef("VIDU", "abc")


@pytest.mark.parametrize("ref", ["vidu:a/b", "vidu:..", "haiper:a b", "vidu:" + "x" * 300, "nope:1"])
def test_the_constructor_validates_too(ref: str) -> None:
    provider, _, creation_id = ref.partition(":")
    with pytest.raises(genvideo.InvalidCreationRef):
        CreationRef(provider, creation_id)


def test_async_client_rejects_before_any_request(server: ScriptedServer) -> None:
    async def main() -> None:
        async with genvideo.AsyncClient(comfy_api_key="k", comfy_base_url=server.base_url, max_retries=0) as c:
            for ref in ("vidu:..", "vidu:a/b", "vidu:a\r\nb", "vidu:%2e"):
                with pytest.raises(genvideo.InvalidCreationRef):
                    await c.get(ref)
                with pytest.raises(genvideo.InvalidCreationRef):
                    await c.wait(ref, timeout=1)
            assert (await c.get("vidu:A-b_c.d~9")).raw_state == "processing"

    server.clear()
    asyncio.run(main())
    assert [r.target for r in server.requests] == ["/proxy/vidu/tasks/A-b_c.d~9/creations"]


ALPHABET = string.ascii_letters + string.digits + "-._~" + "/%?#:; \t\r\n\x00é"


@settings(max_examples=150, deadline=None, database=None)
@given(
    provider=st.sampled_from(["vidu", "haiper", "VIDU", "Haiper", "nope", ""]),
    creation_id=st.text(max_size=300) | st.text(alphabet=ALPHABET, max_size=40),
)
def test_any_text_fails_early_or_is_sent_exactly(
    server: ScriptedServer, client: genvideo.Client, provider: str, creation_id: str
) -> None:
    expect_exact(server, client, f"{provider}:{creation_id}")


@settings(max_examples=100, deadline=None, database=None)
@given(ref=st.text(max_size=60))
def test_any_ref_string_fails_early_or_is_sent_exactly(
    server: ScriptedServer, client: genvideo.Client, ref: str
) -> None:
    expect_exact(server, client, ref)
