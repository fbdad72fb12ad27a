"""``providers.json``: the pipeline's JSON copy of ``providers.toml``, which genvideo reads (a first client
does not pay for parsing TOML in pure Python)."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

from genvideo._providers._registry import parse_registry, registry
from tools.pipeline.registry_json import NOTICE, REGISTRY_JSON, REGISTRY_TOML, render_registry_json

REPO = Path(__file__).resolve().parents[2]


def test_the_copy_is_current() -> None:
    assert (REPO / REGISTRY_JSON).read_text(encoding="utf-8") == render_registry_json(
        (REPO / REGISTRY_TOML).read_text(encoding="utf-8")
    ), "providers.json is stale: run `nox -s generate` after editing providers.toml"


def test_genvideo_loads_exactly_what_the_toml_says() -> None:
    from_toml = parse_registry(tomllib.loads((REPO / REGISTRY_TOML).read_text(encoding="utf-8")))
    assert registry() == from_toml
    assert list(registry().providers) == list(from_toml.providers)  # order too: PROVIDERS, the CLI's choices


def test_the_copy_names_its_source() -> None:
    document = json.loads((REPO / REGISTRY_JSON).read_text(encoding="utf-8"))
    assert document["_notice"] == NOTICE
    assert "providers.toml" in NOTICE


def test_a_first_client_reads_the_registry_without_a_toml_parser() -> None:
    code = (
        "import sys, genvideo\n"
        "genvideo.Client(comfy_api_key='k', comfy_base_url='http://127.0.0.1:9')\n"
        "print('genvideo._providers._registry' in sys.modules, 'tomllib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "False"]  # the registry was read, without tomllib
