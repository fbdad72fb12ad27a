"""Contract tests of create() against Prism serving the prepared specs: every submit endpoint.

Prism validates each request (path, headers, security, body) against the spec and answers from
the response schema; a request it finds invalid gets a 422 and a logged violation.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

import genvideo
from genvideo._responses import status_error
from tests.support.prism import SPECS, PrismConfig, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
COMFY_KEY = "contract-comfy-key"
HAIPER_KEY = "contract-haiper-key"

VIDU_CASES = [
    ("text2video", {}, None),
    ("img2video", {}, PNG),
    ("reference2video", {}, ["https://img.example/a.png", "https://img.example/b.png"]),
    ("start-end2video", {"mode": "start-end2video"}, ["https://img.example/a.png", "https://img.example/b.png"]),
    ("extend", {"mode": "extend", "model": "viduq2-pro", "video_url": "https://v.example/a.mp4"}, None),
    (
        "multiframe",
        {
            "mode": "multiframe",
            "model": "viduq2-turbo",
            "start_image": "https://img.example/0.png",
            "image_settings": [{"key_image": "https://img.example/1.png", "duration": 3, "prompt": "turn"}],
        },
        None,
    ),
]


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-submit")
    configs = [PrismConfig("comfy", SPECS["comfy"]), PrismConfig("haiper", SPECS["haiper"])]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(prism: dict[str, PrismServer]) -> genvideo.Client:
    return genvideo.Client(
        comfy_api_key=COMFY_KEY,
        haiper_api_key=HAIPER_KEY,
        comfy_base_url=prism["comfy"].url,
        haiper_base_url=prism["haiper"].url,
        max_retries=0,
    )


@pytest.mark.parametrize(("endpoint", "options", "image"), VIDU_CASES, ids=[c[0] for c in VIDU_CASES])
def test_every_vidu_submit_is_valid_for_the_spec(
    prism: dict[str, PrismServer], endpoint: str, options: dict[str, object], image: object
) -> None:
    server = prism["comfy"]
    mark = server.mark()
    prompt = None if endpoint == "multiframe" else "a fox in the snow"
    with _client(prism) as client:
        ref = client.create("vidu", prompt=prompt, image=image, duration=None, **options)  # type: ignore[arg-type]
    assert ref.provider == "vidu"
    assert ref.id == "string"  # Prism's static answer for task_id: the reply went through the model
    assert server.received(mark, expect=1) == [f"POST /proxy/vidu/{endpoint}"]
    assert server.violations(mark) == []


@pytest.mark.parametrize("image", [None, PNG], ids=["text2video", "image2video"])
def test_every_haiper_submit_is_valid_for_the_spec(prism: dict[str, PrismServer], image: bytes | None) -> None:
    server = prism["haiper"]
    mark = server.mark()
    with _client(prism) as client:
        ref = client.create("haiper", prompt="waves", image=image, duration=4, seed=1, negative_prompt="people")
    assert ref == genvideo.CreationRef("haiper", "string")
    endpoint = "image2video" if image else "text2video"
    assert server.received(mark, expect=1) == [f"POST /v1/jobs/gen2/{endpoint}"]
    assert server.violations(mark) == []


def test_prism_refuses_a_body_that_breaks_the_spec(prism: dict[str, PrismServer]) -> None:
    """The control: the checks above would notice an invalid submit."""
    server = prism["haiper"]
    mark = server.mark()
    response = httpx.post(
        f"{server.url}/v1/jobs/gen2/image2video",
        json={"prompt": 3},
        headers={"Authorization": f"Bearer {HAIPER_KEY}"},
    )
    assert response.status_code in (400, 422)  # Prism answers with a declared 4xx when there is one
    assert server.violations(mark)


def test_submit_error_answers_become_typed_errors(prism: dict[str, PrismServer]) -> None:
    server = prism["comfy"]
    request = httpx.Request(
        "POST",
        f"{server.url}/proxy/vidu/text2video",
        json={"prompt": "x"},
        headers={"X-API-Key": COMFY_KEY, "Prefer": "code=400"},
    )
    with httpx.Client() as http:
        response = http.send(request)
    assert response.status_code == 400
    error = status_error("vidu", response)
    assert type(error) is genvideo.APIStatusError
    assert error.status_code == 400
