"""Kling under faults, against the sandbox: retried lookups and submits (one task per create, and the ref
keeps its task kind), intact downloads, expired URLs fetched anew at the task kind's own lookup, and error
answers that echo the key without leaking it.

The fault matrix and the secret-hygiene suite pick one provider per credential (Vidu for Comfy's); these
are the same checks for Kling's own endpoints and reply shapes, for both task kinds.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo.testing import Fault, Sandbox
from tests.support.clients import make_client
from tests.support.faultmatrix import MARK_COMFY_KEY, MARK_COMFY_TOKEN

IMAGE = "https://img.example/first.png"
KINDS = ("text2video", "image2video")


def _lookup(sandbox: Sandbox, kind: str, task_id: str) -> str:
    return f"{sandbox.submit_path('kling', kind)}/{task_id}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_a_retryable_lookup_answer_is_retried(sandbox: Sandbox, kind: str, status: int) -> None:
    fault = Fault.status(status, headers={"Retry-After": "0"})
    sandbox.add_creation("kling", "k-1", states=["succeed"], faults=[fault], scope=[kind])
    with make_client(sandbox) as client:
        assert client.get(f"kling:{kind}:k-1").state is CreationState.SUCCEEDED
    assert len(sandbox.requests_for(_lookup(sandbox, kind, "k-1"))) == 2


def test_a_reset_lookup_is_retried(sandbox: Sandbox) -> None:
    sandbox.add_creation("kling", "k-2", states=["processing"], faults=[Fault.reset()], scope=["image2video"])
    with make_client(sandbox) as client:
        assert client.get("kling:image2video:k-2").raw_state == "processing"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "fault", [Fault.status(503, headers={"Retry-After": "0"}), Fault.reset()], ids=["503", "reset"]
)
def test_a_failed_submit_is_retried_under_the_same_key_and_starts_one_task(
    sandbox: Sandbox, kind: str, fault: Fault
) -> None:
    submit = sandbox.submit_path("kling", kind)
    sandbox.add_fault(submit, fault)
    with make_client(sandbox) as client:
        ref = client.create("kling", prompt="a fox", image=IMAGE if kind == "image2video" else None)
    keys = {r.header_values("Idempotency-Key")[0] for r in sandbox.requests_for(submit)}
    assert len(keys) == 1  # every attempt carried the same key (and the same body)
    created = [s for s in sandbox.submissions if s.created]
    assert [s.creation_id for s in created] == [ref.id]
    assert ref == CreationRef("kling", ref.id, (kind,))


def test_a_cut_download_is_resumed_intact(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("kling", "k-3", states=["succeed"], download_faults=[Fault.cut_download(0.5)])
    with make_client(sandbox) as client:
        creation = client.get("kling:text2video:k-3")
        path = client.download(creation, tmp_path / "k.mp4")
    assert path.read_bytes() == sandbox.video("kling", "k-3")


def test_an_expired_output_url_is_fetched_anew_at_the_kinds_lookup(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("kling", "k-4", states=["succeed"], scope=["image2video"])
    with make_client(sandbox) as client:
        creation = client.get("kling:image2video:k-4")
        sandbox.expire_urls("kling", "k-4")
        path = client.download(creation, tmp_path / "k.mp4")
    assert path.read_bytes() == sandbox.video("kling", "k-4")
    assert len(sandbox.requests_for(_lookup(sandbox, "image2video", "k-4"))) == 2  # the refresh used the ref's kind


@pytest.mark.parametrize(
    ("credential", "key"),
    [("comfy_api_key", MARK_COMFY_KEY), ("comfy_auth_token", MARK_COMFY_TOKEN)],
    ids=["api-key", "auth-token"],
)
@pytest.mark.parametrize("status", [400, 401, 500])
def test_error_answers_echoing_the_key_do_not_leak_it(credential: str, key: str, status: int) -> None:
    body = f'{{"code": 1000, "message": "the key {key} was refused", "request_id": "{key}"}}'.encode()
    options = {"comfy_api_key": None, "comfy_auth_token": None, credential: key, "max_retries": 1, "timeout": 2.0}
    with Sandbox(comfy_api_key=MARK_COMFY_KEY, comfy_auth_token=MARK_COMFY_TOKEN) as sb:
        fault = Fault.status(status, body=body, content_type="application/json", headers={"Retry-After": "0"})
        sb.add_creation("kling", "echo", faults=[fault] * 4, scope=["image2video"])
        sb.add_fault(sb.submit_path("kling", "image2video"), *[fault] * 4)
        errors: list[genvideo.APIStatusError] = []
        with sb.client(**options) as client:
            for call in (
                lambda: client.get("kling:image2video:echo"),
                lambda: client.create("kling", prompt="x", image=IMAGE),
            ):
                with pytest.raises(genvideo.APIStatusError) as info:
                    call()
                errors.append(info.value)
        assert any(key in value for r in sb.requests for _, value in r.headers)  # the key did go out
    for error in errors:
        assert error.provider == "kling"
        assert error.status_code == status
        assert error.error_code == "1000"
        texts = [str(error), repr(error), error.message, error.body or "", *error.details]
        assert not [text for text in texts if key in text], texts
