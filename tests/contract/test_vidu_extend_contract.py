"""Vidu's extend (``create("vidu", video=...)``) against the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: the extend genvideo sends (path, security,
  Idempotency-Key, ViduExtendRequest body) and the fake's ViduExtendReply must fit the spec, and so must
  the polls of the task it starts.
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid ViduExtendReply the spec allows gives a
  ref or a ``GenvideoError``; nothing else.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo.testing import Sandbox
from tests.support.comfy_contract import comfy_client, comfy_configs, dynamic_runs
from tests.support.prism import PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "vidu-extend-contract-comfy-key"
DYNAMIC_RUNS = 20
VIDEO_URL = "https://v.example/clips/input.mp4"
EXTEND_PATH = "/proxy/vidu/extend"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    with prism_fixture(comfy_configs(sandbox), tmp_path_factory.mktemp("prism-vidu-extend")) as servers:
        yield servers


@pytest.mark.parametrize(
    "arguments",
    [
        {"video": VIDEO_URL},
        {"video": VIDEO_URL, "image": "https://img.example/end.png", "duration": 5, "resolution": 720},
        {"video_creation_id": "902581991298326529", "model": "viduq2-turbo"},
    ],
    ids=["video", "end-frame", "creation-id"],
)
def test_an_extend_through_the_proxy_fits_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any]
) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with comfy_client(proxy, COMFY_KEY) as client:
        ref = client.create("vidu", prompt="the fox keeps running", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.endpoint == "extend"
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert creation.state is CreationState.SUCCEEDED
    received = proxy.received(mark, expect=4)
    assert received[0] == f"POST {EXTEND_PATH}"
    assert set(received[1:]) == {f"GET /proxy/vidu/tasks/{ref.id}/creations"}
    assert proxy.violations(mark) == []


def test_a_static_extend_reply_gives_its_ref(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with comfy_client(server, COMFY_KEY) as client:
        assert client.create("vidu", prompt="on", video=VIDEO_URL) == CreationRef("vidu", "string")
    assert server.received(mark, expect=1) == [f"POST {EXTEND_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_extend_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with comfy_client(prism["dynamic"], COMFY_KEY) as client:
        # Most random replies are refused (a random id is seldom a usable one; 25 in a row were, once):
        # go on until one is not.
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("vidu", prompt="on", video=VIDEO_URL)
            except genvideo.CreationFailed as exc:  # a reply saying state: failed
                assert exc.creation.raw is not None  # noqa: PT017 - the generated model parses it
                outcomes.add("failed")
                continue
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed task
                outcomes.add("refused")
                continue
            assert ref.provider == "vidu"
            outcomes.add("ref")
    assert "ref" in outcomes
