"""Runway under faults, against the sandbox: retried polls and submits (one generation per create), intact
downloads, and error answers that echo the key without leaking it.

The fault matrix and the secret-hygiene suite pick one provider per credential (Vidu for Comfy's); these
are the same checks for Runway's own endpoints and reply shapes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import genvideo
from genvideo import CreationState
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_client
from tests.support.faultmatrix import MARK_COMFY_KEY, MARK_COMFY_TOKEN

IMAGE = "https://img.example/first.png"


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_a_retryable_poll_answer_is_retried(sandbox: Sandbox, status: int) -> None:
    fault = Fault.status(status, headers={"Retry-After": "0"})
    sandbox.add_creation("runway", "r-1", states=["SUCCEEDED"], faults=[fault])
    with make_client(sandbox) as client:
        assert client.get("runway:r-1").state is CreationState.SUCCEEDED
    assert len(sandbox.requests_for(sandbox.fault_path("runway", "r-1"))) == 2


def test_a_reset_poll_is_retried(sandbox: Sandbox) -> None:
    sandbox.add_creation("runway", "r-2", states=["RUNNING"], faults=[Fault.reset()])
    with make_client(sandbox) as client:
        assert client.get("runway:r-2").raw_state == "RUNNING"


@pytest.mark.parametrize(
    "fault", [Fault.status(503, headers={"Retry-After": "0"}), Fault.reset()], ids=["503", "reset"]
)
def test_a_failed_submit_is_retried_under_the_same_key_and_starts_one_task(sandbox: Sandbox, fault: Fault) -> None:
    sandbox.add_fault(sandbox.submit_path("runway", "image_to_video"), fault)
    with make_client(sandbox) as client:
        ref = client.create("runway", prompt="a fox", image=IMAGE)
    keys = {
        r.header_values("Idempotency-Key")[0]
        for r in sandbox.requests_for(sandbox.submit_path("runway", "image_to_video"))
    }
    assert len(keys) == 1  # every attempt carried the same key (and the same body, seed included)
    created = [s for s in sandbox.submissions if s.created]
    assert [s.creation_id for s in created] == [ref.id]


def test_a_cut_download_is_resumed_intact(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("runway", "r-3", states=["SUCCEEDED"], download_faults=[Fault.cut_download(0.5)])
    with make_client(sandbox) as client:
        creation = client.get("runway:r-3")
        path = client.download(creation, tmp_path / "r.mp4")
    assert path.read_bytes() == sandbox.video("runway", "r-3")


def test_an_expired_output_url_is_fetched_anew(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("runway", "r-4", states=["SUCCEEDED"])
    with make_client(sandbox) as client:
        creation = client.get("runway:r-4")
        sandbox.expire_urls("runway", "r-4")
        path = client.download(creation, tmp_path / "r.mp4")
    assert path.read_bytes() == sandbox.video("runway", "r-4")


@pytest.mark.parametrize(
    ("credential", "key"),
    [("comfy_api_key", MARK_COMFY_KEY), ("comfy_auth_token", MARK_COMFY_TOKEN)],
    ids=["api-key", "auth-token"],
)
@pytest.mark.parametrize("status", [400, 401, 500])
def test_error_answers_echoing_the_key_do_not_leak_it(credential: str, key: str, status: int) -> None:
    body = f'{{"error": "bad_key", "message": "the key {key} was refused", "details": ["{key}"]}}'.encode()
    options = {"comfy_api_key": None, "comfy_auth_token": None, credential: key, "max_retries": 1, "timeout": 2.0}
    with Sandbox(comfy_api_key=MARK_COMFY_KEY, comfy_auth_token=MARK_COMFY_TOKEN) as sb:
        fault = Fault.status(status, body=body, content_type="application/json", headers={"Retry-After": "0"})
        sb.add_creation("runway", "echo", faults=[fault] * 4)
        sb.add_fault(sb.submit_path("runway", "image_to_video"), *[fault] * 4)
        errors: list[genvideo.APIStatusError] = []
        with sb.client(**options) as client:
            for call in (lambda: client.get("runway:echo"), lambda: client.create("runway", prompt="x", image=IMAGE)):
                with pytest.raises(genvideo.APIStatusError) as info:
                    call()
                errors.append(info.value)
        assert any(key in value for r in sb.requests for _, value in r.headers)  # the key did go out
    for error in errors:
        assert error.provider == "runway"
        assert error.status_code == status
        texts = [str(error), repr(error), error.message, error.body or "", *error.details]
        assert not [text for text in texts if key in text], texts
