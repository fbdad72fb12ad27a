"""Moonvalley's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: every submit, upload and poll the Moonvalley
  fake answers must fit the spec, and so must genvideo's requests (path, security, Idempotency-Key, body).
- ``prism mock`` (static and ``--dynamic``): whatever schema-valid reply the spec allows, genvideo gives a
  ``Creation`` (or a ref) whose fields agree with the JSON, or a ``GenvideoError``; nothing else.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _moonvalley
from genvideo.testing import Sandbox
from genvideo.testing._media import sample_video
from genvideo_comfy_client.api.api_nodes import moonvalley_get_prompt
from genvideo_comfy_client.models import MoonvalleyPromptResponse
from tests.support.comfy_contract import comfy_client, comfy_configs, dynamic_runs
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "moonvalley-contract-comfy-key"
COMFY_TOKEN = "moonvalley-contract-comfy-token"
CREATION_ID = "string"
DYNAMIC_RUNS = 25
IMAGE_URL = "https://img.example/first-frame.png"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
POLL_PATH = moonvalley_get_prompt._get_kwargs(CREATION_ID)["url"]
TEXT_PATH = "/proxy/moonvalley/prompts/text-to-video"
IMAGE_PATH = "/proxy/moonvalley/prompts/image-to-video"
VIDEO_PATH = "/proxy/moonvalley/prompts/video-to-video"
VIDEO_URL = "https://clips.example/reference.mp4"
STORAGE_PATH = "/customers/storage"
UPLOAD_PATH = "/proxy/moonvalley/uploads"

_Q, _S, _F, _U = CreationState.QUEUED, CreationState.SUCCEEDED, CreationState.FAILED, CreationState.UNKNOWN
# The oracle, written independently of the registry: comfy-cli's words, and ComfyUI's default queued list.
EXPECTED_STATES = {"completed": _S, "failed": _F, "error": _F}
EXPECTED_STATES |= dict.fromkeys(("created", "queued", "queueing", "submitted", "initializing", "wait"), _Q)
_ids = itertools.count(1)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    with prism_fixture(comfy_configs(sandbox), tmp_path_factory.mktemp("prism-moonvalley")) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


def _check(creation: object, ref: CreationRef) -> genvideo.Creation:
    """A Creation from a MoonvalleyPromptResponse agrees with the JSON, and ``raw`` is its generated model."""
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.ref == ref
    status = body.get("status")
    expected = EXPECTED_STATES.get(status.strip().lower(), _U) if isinstance(status, str) else _U
    assert (creation.state, creation.raw_state) == (expected, status), note
    url = body.get("output_url")
    assert [o.url for o in creation.outputs] == ([url] if url else []), note
    if expected is not _F:
        assert (creation.error_code, creation.error_message) == (None, None), note
    assert creation.progress is None, note
    assert isinstance(creation.raw, MoonvalleyPromptResponse), note
    assert creation.raw.to_dict() == body, note
    return creation


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "header", "value"),
    [
        ({"comfy_api_key": COMFY_KEY}, "X-API-Key", COMFY_KEY),
        ({"comfy_auth_token": COMFY_TOKEN}, "Authorization", f"Bearer {COMFY_TOKEN}"),
    ],
    ids=["api-key", "auth-token"],
)
def test_the_fake_lifecycle_fits_the_spec(
    sandbox: Sandbox,
    prism: dict[str, PrismServer],
    credentials: dict[str, str],
    header: str,
    value: str,
) -> None:
    cid = f"moonvalley-ok-{next(_ids)}"
    sandbox.add_creation("moonvalley", cid)
    proxy = prism["proxy"]
    mark = proxy.mark()
    with _client(proxy, **credentials) as client:
        creations = [client.get(f"moonvalley:{cid}") for _ in range(3)]
    assert [(c.state, c.raw_state) for c in creations] == [(_Q, "queued"), (_U, "running"), (_S, "completed")]
    for creation in creations:
        _check(creation, CreationRef("moonvalley", cid))
    assert proxy.violations(mark) == []
    seen = sandbox.requests_for(sandbox.fault_path("moonvalley", cid))
    assert all(r.header_values(header) == [value] for r in seen)


@pytest.mark.parametrize("word", ["failed", "error"])
def test_a_failure_through_the_proxy_fits_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer], word: str) -> None:
    cid = f"moonvalley-failed-{next(_ids)}"
    sandbox.add_creation("moonvalley", cid, states=["queued", word], failure_code="nsfw")
    mark = prism["proxy"].mark()
    with _client(prism["proxy"]) as client, pytest.raises(genvideo.CreationFailed) as info:
        client.wait(f"moonvalley:{cid}", timeout=20, poll_interval=0.01)
    assert (info.value.creation.raw_state, info.value.creation.error_message) == (word, "nsfw")
    assert prism["proxy"].violations(mark) == []


@pytest.mark.parametrize(
    ("arguments", "paths"),
    [
        ({"aspect_ratio": "1:1", "seed": 3, "negative_prompt": "blur"}, [TEXT_PATH]),
        ({"image": IMAGE_URL}, [IMAGE_PATH]),
        ({"image": PNG}, [UPLOAD_PATH, IMAGE_PATH]),
        ({"video": VIDEO_URL, "seed": 3, "control_type": "pose_control"}, [VIDEO_PATH]),
        (
            {"video": sample_video(), "image": PNG, "inference_params": {"control_params": {"motion_intensity": 50}}},
            [
                UPLOAD_PATH,
                STORAGE_PATH,
                VIDEO_PATH,
            ],
        ),
    ],
    ids=["t2v", "i2v-url", "i2v-upload", "v2v-url", "v2v-uploads"],
)
def test_submits_through_the_proxy_fit_the_spec_both_ways(
    sandbox: Sandbox, prism: dict[str, PrismServer], arguments: dict[str, Any], paths: list[str]
) -> None:
    """Prism checks the requests genvideo sends (body, Idempotency-Key, security) and the fake's replies."""
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    # The auth token: the spec declares /customers/storage (a video file's way in) for BearerAuth only.
    with _client(proxy, comfy_auth_token=COMFY_TOKEN) as client:
        ref = client.create("moonvalley", prompt="a fox in the snow", **arguments)
        creation = client.wait(ref, timeout=20, poll_interval=0.01)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert submission.creation_id == ref.id
    assert submission.request.path == f"/comfy{paths[-1]}"
    if "video" in arguments:
        assert submission.body["control_type"] == arguments.get("control_type", "motion_control")
    assert creation.state is _S
    assert proxy.violations(mark) == []
    polls = [f"GET /proxy/moonvalley/prompts/{ref.id}"] * 3
    assert proxy.received(mark, expect=len(paths) + 3) == [f"POST {p}" for p in paths] + polls


# -- genvideo against Prism's mock: static and dynamic replies -----------------------------------------


def test_a_static_reply_and_submit(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client:
        _check(client.get(f"moonvalley:{CREATION_ID}"), CreationRef("moonvalley", CREATION_ID))
        assert client.create("moonvalley", prompt="a fox") == CreationRef("moonvalley", CREATION_ID)
        assert client.create("moonvalley", prompt="a fox", video=VIDEO_URL) == CreationRef("moonvalley", CREATION_ID)
    assert server.received(mark, expect=3)[1:] == [f"POST {TEXT_PATH}", f"POST {VIDEO_PATH}"]
    assert server.violations(mark) == []


def test_any_schema_valid_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    server = prism["dynamic"]
    mark = server.mark()
    outcomes: set[str] = set()
    with _client(server) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                _check(client.get(f"moonvalley:{CREATION_ID}"), CreationRef("moonvalley", CREATION_ID))
            except genvideo.ResponseValidationError:  # Prism's random id names another prompt
                outcomes.add("refused")
                continue
            outcomes.add("creation")
    assert server.violations(mark) == []
    assert outcomes


def test_any_schema_valid_submit_reply_gives_a_ref_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    outcomes: set[str] = set()
    with _client(prism["dynamic"]) as client:
        for _ in dynamic_runs(outcomes, "ref", DYNAMIC_RUNS):
            try:
                ref = client.create("moonvalley", prompt="a fox")
            except genvideo.ResponseValidationError as exc:
                assert exc.body  # noqa: PT017 - the reply is kept for finding a billed request
                outcomes.add("refused")
                continue
            except genvideo.CreationFailed:  # a random status may be a failure word
                outcomes.add("failed")
                continue
            assert ref.provider == "moonvalley"
            outcomes.add("ref")
    assert "ref" in outcomes


def test_the_moonvalley_selection_and_patches() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    for path in (TEXT_PATH, IMAGE_PATH, VIDEO_PATH):
        assert doc["paths"][path]["post"]["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]
    assert f"{VIDEO_PATH}/resize" not in doc["paths"]  # patch 321: not offered
    assert "MoonvalleyResizeVideoRequest" not in doc["components"]["schemas"]
    request = doc["components"]["schemas"]["MoonvalleyVideoToVideoRequest"]
    assert request["required"] == ["prompt_text", "video_url", "control_type"]
    assert request["properties"]["control_type"]["enum"] == ["motion_control", "pose_control"]
    assert "/proxy/moonvalley/prompts/text-to-image" not in doc["paths"]  # makes images
    status = doc["components"]["schemas"]["MoonvalleyPromptStatus"]
    assert status["x-known-values"] == ["completed", "failed", "error"]
    assert _moonvalley.map_state("error") is _F
