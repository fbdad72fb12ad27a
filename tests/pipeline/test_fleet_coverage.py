"""Every video family behind Comfy's proxy is a provider, and the prepared spec selects no family without one.

The upstream document is read as vendored: a family (``/proxy/<family>/``) appearing upstream must be a
registry provider or be listed below as making no video, with the reason; so a new video family upstream
fails here until it is added or excluded on purpose.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from genvideo._providers._registry import registry
from tools.pipeline._yaml import load_yaml

ROOT = Path(__file__).resolve().parents[2]
COMFY = ROOT / "specs" / "comfy"

#: Families of the Comfy document that neither make nor transform video (notes §2, "Excluded").
NOT_VIDEO = {
    "vertexai": "Gemini and Imagen only (Google video is the separate veo family)",
    "tencent": "Hunyuan 3D submit/query pairs only",
    "freepik": "image upscaling, relighting and style transfer only",
    "stability": "images and audio only",
    "bfl": "images only",
    "ideogram": "images only",
    "recraft": "images only",
    "reve": "images only",
    "meshy": "3D only",
    "tripo": "3D only",
    "rodin": "3D only",
    "elevenlabs": "audio only",
    "dummy": "a test endpoint",
}

#: Video families of issue 15 not merged yet: each leaves this set in the change that adds its provider.
PENDING = {"veo", "topaz", "wavespeed", "hitpaw", "bria"}


def _family(path: str) -> str | None:
    parts = path.split("/")
    return parts[2] if len(parts) > 2 and parts[1] == "proxy" else None


@cache
def _upstream_families() -> frozenset[str]:
    document = load_yaml(COMFY / "upstream" / "openapi.yml")  # as the pipeline reads it (YAML 1.2)
    return frozenset(f for f in map(_family, document["paths"]) if f is not None)


def _comfy_providers() -> set[str]:
    return {name for name, entry in registry().providers.items() if entry.spec.name == "comfy"}


def test_every_family_upstream_is_a_provider_or_makes_no_video() -> None:
    unaccounted = _upstream_families() - _comfy_providers() - NOT_VIDEO.keys() - PENDING
    assert not unaccounted, f"families upstream that are neither providers nor excluded: {sorted(unaccounted)}"
    assert not NOT_VIDEO.keys() - _upstream_families(), "an exclusion names a family upstream no longer has"


def test_pending_families_are_not_providers_yet() -> None:
    assert not PENDING & _comfy_providers(), "a merged provider is still listed as pending"
    assert not PENDING & NOT_VIDEO.keys()


def test_the_prepared_spec_selects_no_family_without_an_adapter() -> None:
    prepared = json.loads((COMFY / "prepared.json").read_text(encoding="utf-8"))
    selected = {f for f in map(_family, prepared["paths"]) if f is not None}
    assert selected <= _comfy_providers(), f"selected without an adapter: {sorted(selected - _comfy_providers())}"
    assert _comfy_providers() <= selected, (
        f"providers whose paths are not selected: {sorted(_comfy_providers() - selected)}"
    )
