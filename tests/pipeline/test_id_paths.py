"""``_id_paths.json``: the pipeline's table of the generated endpoints that take one id, so that a first
``get`` builds its path without importing the generated package."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from genvideo._providers import _generated
from genvideo._providers._generated import id_path, known_id_paths
from genvideo.testing import Sandbox
from tests.support.clients import COMFY_KEY, HAIPER_KEY
from tools.pipeline.config import load_specs
from tools.pipeline.id_paths import ID_PATHS, id_paths, render_id_paths

REPO = Path(__file__).resolve().parents[2]
# Ids as a provider might issue them, and hostile ones a ref could never carry but the table must still
# quote exactly as the generated code does.
IDS = ["902581991298326528", "a-b_c.d~e", "a b/c?d#e%f", "é漢", "..", "{id}", ""]


def test_the_table_is_what_the_generated_code_says() -> None:
    specs = load_specs()
    packages = [spec.output_dir / spec.package_name for spec in specs]
    assert (REPO / ID_PATHS).read_text(encoding="utf-8") == render_id_paths(packages)
    table = id_paths(packages)
    assert "genvideo_comfy_client.api.api_nodes.vidu_get_creations" in table
    assert "genvideo_haiper_client.api.default.get_v1_jobs_creation_id_status" in table


@pytest.mark.parametrize("module", sorted(known_id_paths()))
def test_each_path_matches_the_generated_endpoint_for_any_id(module: str) -> None:
    endpoint = importlib.import_module(module)
    from_table = id_path(module)
    for creation_id in IDS:
        assert from_table(creation_id) == endpoint._get_kwargs(creation_id)["url"], creation_id


def test_an_endpoint_missing_from_the_table_is_asked_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_generated, "known_id_paths", dict)  # an empty table
    module = "genvideo_comfy_client.api.api_nodes.vidu_get_creations"
    assert id_path(module)("a b") == importlib.import_module(module)._get_kwargs("a b")["url"]
    assert id_path(module)("a b") == "/proxy/vidu/tasks/a%20b/creations"


@pytest.mark.parametrize("ref", ["vidu:1", "haiper:1"])
def test_a_first_get_imports_no_generated_endpoint(ref: str) -> None:
    with Sandbox() as sb:
        sb.add_creation(ref.partition(":")[0], "1", states=["processing"])
        script = (
            "import sys, genvideo\n"
            f"client = genvideo.Client(comfy_api_key={COMFY_KEY!r}, haiper_api_key={HAIPER_KEY!r}, "
            f"comfy_base_url={sb.comfy_base_url!r}, haiper_base_url={sb.haiper_base_url!r})\n"
            f"client.get({ref!r})\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('genvideo_') and '.api' in m)\n"
            "print(loaded, 'attrs' in sys.modules)\n"
        )
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO)
    assert done.stdout.split() == ["[]", "False"]
