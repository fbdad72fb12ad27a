"""LTX's contract with the prepared Comfy spec, checked by Prism.

- ``prism proxy … --errors`` between genvideo and the sandbox: the requests genvideo sends (path, body,
  security, Idempotency-Key) must fit the spec, and so must the fake's answers: the video itself (the 200,
  whose content the spec declares as ``video/mp4`` binary and patch 231 leaves undeclared for the
  generator) and the declared ``ErrorResponse``.
- ``prism mock`` (static and ``--dynamic``): whatever reply the spec allows, genvideo gives a Creation or
  a ``GenvideoError``; a 200 without a video (Prism has no body to send) is a ResponseValidationError.

Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo._responses import status_error
from genvideo.testing import Sandbox
from genvideo_comfy_client.api.api_nodes import ltx_create_video_from_image, ltx_create_video_from_text
from genvideo_comfy_client.models import ErrorResponse, LTXImage2VideoRequest, LTXText2VideoRequest
from tests.support.comfy_contract import comfy_client, comfy_configs
from tests.support.comfy_contract import violations as _violations
from tests.support.prism import SPECS, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "ltx-contract-comfy-key"
COMFY_TOKEN = "ltx-contract-comfy-token"
IMAGE_URL = "https://img.example/first-frame.png"
DYNAMIC_RUNS = 10
_BODY = {"prompt": "x", "model": "ltx-2-fast", "duration": 6, "resolution": "1920x1080"}
TEXT_PATH = ltx_create_video_from_text._get_kwargs(body=LTXText2VideoRequest.from_dict(_BODY))["url"]
IMAGE_PATH = ltx_create_video_from_image._get_kwargs(
    body=LTXImage2VideoRequest.from_dict({**_BODY, "image_uri": IMAGE_URL})
)["url"]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox(comfy_api_key=COMFY_KEY, comfy_auth_token=COMFY_TOKEN) as sb:
        yield sb


@pytest.fixture(scope="module")
def prism(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    with prism_fixture(comfy_configs(sandbox), tmp_path_factory.mktemp("prism-ltx")) as servers:
        yield servers


def _client(server: PrismServer, **credentials: Any) -> genvideo.Client:
    return comfy_client(server, COMFY_KEY, **credentials)


# -- the sandbox through Prism's validating proxy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"duration": 10, "resolution": 2160, "fps": 50, "generate_audio": False}, TEXT_PATH),
        ({"image": IMAGE_URL, "model": "ltx-2-pro"}, IMAGE_PATH),
    ],
    ids=["t2v", "i2v"],
)
@pytest.mark.parametrize(
    "credentials", [{"comfy_api_key": COMFY_KEY}, {"comfy_auth_token": COMFY_TOKEN}], ids=["api-key", "auth-token"]
)
def test_generate_through_the_proxy_fits_the_spec_both_ways(
    sandbox: Sandbox,
    prism: dict[str, PrismServer],
    tmp_path: Path,
    arguments: dict[str, Any],
    path: str,
    credentials: dict[str, str],
) -> None:
    proxy = prism["proxy"]
    mark = proxy.mark()
    before = len(sandbox.submissions)
    with _client(proxy, **credentials) as client:
        creation = client.generate("ltx", prompt="a fox in the snow", download=tmp_path / "v.mp4", **arguments)
    submission = sandbox.submissions[before]
    assert submission.idempotency_key
    assert creation.state is CreationState.SUCCEEDED
    # Prism's proxy passes a binary body on as text (invalid UTF-8 becomes U+FFFD), so only the start of the
    # video arrives byte for byte here; tests/client/test_ltx.py checks the bytes against the sandbox itself.
    sent = sandbox.video("ltx", submission.creation_id or "")
    assert (tmp_path / "v.mp4").read_bytes()[:32] == sent[:32]
    assert proxy.violations(mark) == []
    assert proxy.received(mark, expect=1) == [f"POST {path}"]  # one request: no poll, no CDN


def test_the_fakes_video_and_errors_fit_the_spec(sandbox: Sandbox, prism: dict[str, PrismServer]) -> None:
    sandbox.script_submits("ltx", Sandbox.submit_script(failure_code="prompt_rejected"))
    with httpx.Client(base_url=prism["proxy"].url, headers={"X-API-Key": COMFY_KEY}) as http:
        refused = http.post(TEXT_PATH, json=_BODY)
        video = http.post(TEXT_PATH, json=_BODY)
        bad = http.post(TEXT_PATH, json={**_BODY, "duration": 7})
        wrong_key = http.post(TEXT_PATH, json=_BODY, headers={"X-API-Key": "not-the-key"})
    assert (refused.status_code, video.status_code, wrong_key.status_code) == (400, 200, 401)
    assert video.headers["content-type"] == "video/mp4"
    assert video.content[4:8] == b"ftyp"
    assert refused.json()["error"] == "prompt_rejected"
    assert bad.status_code in (400, 422)  # Prism's own refusal (422) or the fake's (400): never a video
    for response in (refused, video, wrong_key):
        assert _violations(response) == []
        assert response.headers["server"] == "genvideo-sandbox"


# -- genvideo against Prism's mock ---------------------------------------------------------------------


def test_a_static_200_without_a_video_is_a_response_validation_error(prism: dict[str, PrismServer]) -> None:
    server = prism["static"]
    mark = server.mark()
    with _client(server) as client, pytest.raises(genvideo.ResponseValidationError, match="a video was expected"):
        client.generate("ltx", prompt="a fox", image=IMAGE_URL)
    assert server.violations(mark) == []


def test_any_mock_reply_gives_a_creation_or_a_genvideo_error(prism: dict[str, PrismServer]) -> None:
    with _client(prism["dynamic"]) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.generate("ltx", prompt="a fox")
            except genvideo.GenvideoError:
                continue
            assert creation.state is CreationState.SUCCEEDED


@pytest.mark.parametrize("code", [400, 500])
def test_declared_error_bodies_become_typed_errors(prism: dict[str, PrismServer], code: int) -> None:
    headers = {"X-API-Key": COMFY_KEY, "Prefer": f"code={code}"}
    response = httpx.post(prism["static"].url + TEXT_PATH, json=_BODY, headers=headers)
    assert response.status_code == code
    ErrorResponse.from_dict(response.json())
    error = status_error("ltx", response)
    assert isinstance(error, genvideo.APIStatusError)
    assert error.status_code == code


def test_the_ltx_operations_as_prepared() -> None:
    doc = json.loads(SPECS["comfy"].read_text())
    for path in (TEXT_PATH, IMAGE_PATH):
        operation = doc["paths"][path]["post"]
        assert "security" not in operation, path
        assert operation["parameters"] == [{"$ref": "#/components/parameters/IdempotencyKey"}]  # patch 230
        assert "content" not in operation["responses"]["200"]  # patch 231: the video/mp4 body, undeclared
        assert operation["responses"]["default"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/ErrorResponse"
        }
    assert [p for p in doc["paths"] if p.startswith("/proxy/ltx/")] == [TEXT_PATH, IMAGE_PATH]
