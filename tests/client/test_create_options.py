"""create(): arguments normalised and checked against the generated request models, before any request."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo._images import image_reference
from genvideo._providers import ApiRequest, CommonArgs, submit_flow
from genvideo.testing import Sandbox

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def build(provider: str, options: Mapping[str, object] | None = None, **common: object) -> Any:  # ApiRequest
    """The first request of ``create(provider, ...)`` (everything is checked before it)."""
    args = {"prompt": "a red fox in snow", "images": [], **common}
    step = next(submit_flow(provider, CommonArgs(**args), dict(options or {}), "key-123"))  # type: ignore[arg-type]
    assert isinstance(step, ApiRequest)
    return step


def test_vidu_text_to_video_defaults() -> None:
    request = build("vidu", duration=4, resolution=720, seed=7, aspect_ratio="16:9")
    assert request.path == "/proxy/vidu/text2video"
    assert request.json == {
        "model": "viduq1",
        "prompt": "a red fox in snow",
        "duration": 4,
        "resolution": "720p",
        "seed": 7,
        "aspect_ratio": "16:9",
    }
    assert request.headers["Idempotency-Key"] == "key-123"
    assert request.idempotent


@pytest.mark.parametrize(
    ("images", "mode", "path"),
    [
        (["https://x/1.png"], None, "/proxy/vidu/img2video"),
        (["https://x/1.png", "https://x/2.png"], None, "/proxy/vidu/reference2video"),
        (["https://x/1.png", "https://x/2.png"], "start-end2video", "/proxy/vidu/start-end2video"),
    ],
)
def test_vidu_endpoint_follows_images_or_mode(images: list[str], mode: str | None, path: str) -> None:
    options = {"mode": mode} if mode else {}
    request = build("vidu", options, images=images)
    assert request.path == path
    assert request.json["images"] == images


def test_vidu_extend_and_multiframe() -> None:
    extend = build("vidu", {"mode": "extend", "video_creation_id": "123"}, model="viduq2-pro")
    assert extend.path == "/proxy/vidu/extend"
    assert extend.json["video_creation_id"] == "123"
    frames = [{"key_image": "https://x/1.png", "duration": 3, "prompt": "turn"}]
    multiframe = build(
        "vidu",
        {"mode": "multiframe", "start_image": "https://x/0.png", "image_settings": frames},
        prompt=None,
        model="viduq2-turbo",
    )
    assert multiframe.path == "/proxy/vidu/multiframe"
    assert multiframe.json["image_settings"] == frames


@pytest.mark.parametrize(
    ("provider", "options", "common", "option", "fragment"),
    [
        ("vidu", {"style": "cartoon"}, {}, "style", "one of 'anime', 'general'"),
        ("vidu", {"colour": "red"}, {}, "colour", "not an option of ViduTaskRequest"),
        ("vidu", {"watermark": "yes"}, {}, "watermark", "expected bool"),
        ("vidu", {}, {"seed": "7"}, "seed", "expected int"),
        ("vidu", {}, {"negative_prompt": "dogs"}, "negative_prompt", "no negative prompt"),
        ("vidu", {"mode": "tiktok"}, {}, "mode", "not a Vidu mode"),
        ("vidu", {"mode": "extend"}, {}, "video", "needs the video to extend"),  # model: viduq2-pro by default
        (
            "vidu",
            {"mode": "multiframe", "start_image": "s", "image_settings": [{"duration": 3}]},
            {"prompt": None, "model": "m"},
            "image_settings[0].key_image",
            "needs",
        ),
        ("vidu", {"images": ["u"]}, {"images": ["v"]}, "images", "given twice"),
        ("haiper", {"gen_mode": "fast"}, {}, "gen_mode", "'enhanced', 'smooth', 'standard'"),
        ("haiper", {"settings": {"fps": 24}}, {}, "settings.fps", "not an option of Text2VideoSettings"),
        ("haiper", {}, {"images": ["https://x/1.png", "https://x/2.png"]}, "image", "exactly one image"),
        ("haiper", {}, {"images": ["https://x/1.png"], "aspect_ratio": "1:1"}, "aspect_ratio", "from the image"),
        ("haiper", {}, {"resolution": 720}, "resolution", "no resolution"),
        ("haiper", {"is_public": "no"}, {}, "is_public", "expected bool"),
        ("haiper", {}, {"model": "gen2"}, "model", "takes no model"),
    ],
)
def test_bad_options_are_named(
    provider: str, options: dict[str, object], common: dict[str, object], option: str, fragment: str
) -> None:
    with pytest.raises(genvideo.InvalidOption) as info:
        build(provider, options, **common)
    assert info.value.option == option
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_haiper_text_to_video_is_private_by_default() -> None:
    request = build("haiper", {"gen_mode": "smooth"}, duration=4, aspect_ratio="16:9", seed=1, negative_prompt="cats")
    assert request.path == "/v1/jobs/gen2/text2video"
    assert request.json == {
        "prompt": "a red fox in snow",
        "negative_prompt": "cats",
        "is_public": False,
        "gen_mode": "smooth",
        "settings": {"seed": 1, "aspect_ratio": "16:9", "duration": 4},
    }
    assert "Idempotency-Key" not in request.headers
    assert not request.idempotent
    assert build("haiper", {"is_public": True}).json["is_public"] is True


def test_haiper_image_to_video() -> None:
    request = build("haiper", images=["https://x/1.png"], resolution="720p", duration=4)
    assert request.path == "/v1/jobs/gen2/image2video"
    assert request.json["config"] == {"source_image": "https://x/1.png"}
    assert request.json["settings"] == {"duration": 4, "resolution": 720}


def test_images_from_paths_and_bytes_become_data_uris(tmp_path: Path) -> None:
    image = tmp_path / "frame.png"
    image.write_bytes(PNG)
    expected = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert image_reference(image) == expected
    assert image_reference(str(image)) == expected
    assert image_reference(PNG) == expected
    assert image_reference(b"\xff\xd8\xff\xe0rest").startswith("data:image/jpeg;base64,")
    assert image_reference("https://cdn.example/a.png") == "https://cdn.example/a.png"


@pytest.mark.parametrize("bad", [b"not an image", "no/such/file.png", 42])
def test_unusable_images_are_refused(bad: object) -> None:
    with pytest.raises(genvideo.InvalidOption) as info:
        image_reference(bad)  # type: ignore[arg-type]
    assert info.value.option == "image"


def test_create_refuses_bad_input_before_any_request(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        with pytest.raises(genvideo.InvalidOption):
            client.create("vidu", prompt="x", style="cartoon")
        with pytest.raises(genvideo.InvalidOption):
            client.create("nope", prompt="x")
    assert sandbox.requests == []
