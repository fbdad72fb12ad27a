"""The pipeline's state-mapping check reads the provider registry (``providers.toml``) as data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from genvideo import CreationState
from tools.pipeline.__main__ import main
from tools.pipeline.config import PROVIDER_REGISTRY, REPO, load_specs
from tools.pipeline.report import BREAKING, NON_BREAKING, diff_documents
from tools.pipeline.states import (
    CREATION_STATES,
    RegistryError,
    load_state_maps,
    parse_state_maps,
    unmapped_states,
)


def _registry() -> dict[str, Any]:
    """The checkout's ``providers.toml``, parsed (a fresh copy to edit)."""
    return tomllib.loads((REPO / PROVIDER_REGISTRY).read_text(encoding="utf-8"))


def _doc(*words: str, schema: str = "State") -> dict[str, Any]:
    """A prepared document whose one state schema (``schema``) lists ``words``."""
    return {"components": {"schemas": {schema: {"type": "string", "x-known-values": list(words)}}}}


def test_the_maps_and_specs_come_from_providers_toml() -> None:
    rows = load_state_maps()
    registry = _registry()
    assert list(rows) == list(registry["providers"])
    for name, row in rows.items():
        assert row.spec == registry["providers"][name]["spec"]
        assert dict(row.states) == registry["providers"][name]["states"]


def test_every_provider_comes_from_a_spec_the_pipeline_prepares() -> None:
    prepared_specs = {spec.name for spec in load_specs()}
    assert {row.spec for row in load_state_maps().values()} <= prepared_specs
    assert set(_registry()["specs"]) == prepared_specs


def test_creation_states_are_the_sdks() -> None:
    assert set(CREATION_STATES) == {state.value for state in CreationState}


def test_a_new_provider_row_is_checked_against_its_spec() -> None:
    registry = _registry()
    registry["providers"]["kling"] = {
        "spec": "comfy",
        "adapter": "_kling",
        "scope": [],
        "states": {},
        "state_schemas": ["State"],
    }
    unmapped = unmapped_states({"comfy": _doc("created", "success")}, parse_state_maps(registry))
    assert [(u.provider, u.spec, u.value) for u in unmapped] == [
        ("kling", "comfy", "created"),
        ("kling", "comfy", "success"),
    ]
    assert str(unmapped[0]) == (
        "kling: state 'created' (comfy /components/schemas/State) is not mapped in providers.toml "
        "(providers.kling.states)"
    )


def test_words_compare_case_insensitively() -> None:
    registry = _registry()
    registry["providers"]["vidu"]["states"] = {"queueing": "queued", "succeeded": "succeeded"}
    registry["providers"]["vidu"]["state_schemas"] = ["State"]
    rows = parse_state_maps(registry)
    assert unmapped_states({"comfy": _doc("SUCCEEDED", "Queueing", " queueing ")}, rows) == []
    assert [u.value for u in unmapped_states({"comfy": _doc("SUCCEEDED", "Cancelled")}, rows)] == ["Cancelled"]


def test_each_provider_is_checked_against_its_own_state_schemas_only() -> None:
    registry = _registry()
    registry["providers"]["kling"] = {
        "spec": "comfy",
        "adapter": "_kling",
        "states": {"submitted": "queued"},
        "state_schemas": ["KlingState"],
    }
    document = _doc("created")  # "State": claimed by no provider
    document["components"]["schemas"]["ViduState"] = {"x-known-values": ["created", "success"]}
    document["components"]["schemas"]["KlingState"] = {
        "properties": {"s": {"x-known-values": ["submitted", "succeed"]}}
    }
    unmapped = unmapped_states({"comfy": document}, parse_state_maps(registry))
    assert [(u.provider, u.value, u.where) for u in unmapped] == [
        ("", "created", "/components/schemas/State"),
        ("kling", "succeed", "/components/schemas/KlingState/properties/s"),
    ]
    assert str(unmapped[0]) == (
        "comfy: state 'created' at /components/schemas/State belongs to no provider: name its schema in "
        "some providers.<name>.state_schemas of providers.toml"
    )


def test_a_row_without_state_schemas_is_refused() -> None:
    registry = _registry()
    del registry["providers"]["vidu"]["state_schemas"]
    with pytest.raises(RegistryError, match=r"providers\.vidu\.state_schemas must name"):
        parse_state_maps(registry)


def test_the_report_compares_case_insensitively_and_names_the_row() -> None:
    rows = load_state_maps()
    old, new = _doc("created", schema="ViduState"), _doc("created", "Success", "Cancelled", schema="ViduState")
    found = {c.detail: c.severity for c in diff_documents("comfy", old, new, rows).changes}
    assert found["new state value 'Success' (mapped by the wrapper)"] == NON_BREAKING
    unmapped = "new state value 'Cancelled' is not mapped in providers.toml (providers.vidu.states); users get UNKNOWN"
    assert found[unmapped] == BREAKING


def test_the_report_reads_a_new_word_as_its_own_providers_only() -> None:
    registry = _registry()
    registry["providers"]["wan"] = {
        "spec": "comfy",
        "adapter": "_wan",
        "states": {"running": "processing"},
        "state_schemas": ["WanState"],
    }
    rows = parse_state_maps(registry)
    # "running" is Wan's word: new in ViduState it is still unmapped for Vidu.
    found = {
        c.detail
        for c in diff_documents(
            "comfy", _doc("created", schema="ViduState"), _doc("created", "RUNNING", schema="ViduState"), rows
        ).changes
    }
    assert found == {
        "new state value 'RUNNING' is not mapped in providers.toml (providers.vidu.states); users get UNKNOWN"
    }
    found = {c.detail for c in diff_documents("comfy", _doc("a"), _doc("a", "b"), rows).changes}
    assert found == {
        "new state value 'b' in State, which no providers.toml row names in its state_schemas; users get UNKNOWN"
    }


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda r: r["providers"]["vidu"]["states"].update(created="waiting"),
            "providers.toml: providers.vidu.states: 'created' maps to 'waiting', which is not a CreationState value "
            "(queued, processing, succeeded, failed, unknown)",
        ),
        (
            lambda r: r["providers"]["haiper"]["states"].update(Succeeded="succeeded"),
            "providers.toml: providers.haiper.states: 'Succeeded' must be written trimmed and in lower case",
        ),
        (
            lambda r: r["providers"]["vidu"].update(spec="comfi"),
            "providers.toml: providers.vidu.spec is 'comfi', not one of its [specs.*] tables",
        ),
    ],
    ids=["not-a-creation-state", "upper-case-word", "unknown-spec"],
)
def test_a_row_the_sdk_would_refuse_is_named(edit: Any, message: str) -> None:
    registry = _registry()
    edit(registry)
    with pytest.raises(RegistryError) as info:
        parse_state_maps(registry)
    assert str(info.value) == message


def _tree_with_registry(root: Path, text: str) -> Path:
    shutil.copytree(REPO / "specs", root / "specs", ignore=shutil.ignore_patterns("__pycache__"))
    (root / PROVIDER_REGISTRY).parent.mkdir(parents=True)
    (root / PROVIDER_REGISTRY).write_text(text, encoding="utf-8")
    return root


def test_the_tree_being_updated_supplies_the_registry(tmp_path: Path) -> None:
    text = (REPO / PROVIDER_REGISTRY).read_text(encoding="utf-8")
    assert 'success = "succeeded"' in text
    root = _tree_with_registry(tmp_path / "tree", text.replace('success = "succeeded"', 'done = "succeeded"'))
    assert "done" in load_state_maps(root)["vidu"].states
    assert "success" not in load_state_maps(root)["vidu"].states
    assert "success" in load_state_maps(tmp_path / "no-wrapper-here")["vidu"].states  # the checkout's


def test_update_stops_before_changing_anything_on_a_bad_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (REPO / PROVIDER_REGISTRY).read_text(encoding="utf-8").replace('failed = "failed"', 'failed = "broken"', 1)
    root = _tree_with_registry(tmp_path, text)
    upstream = root / "specs/comfy/upstream/openapi.yml"
    before = upstream.read_bytes()
    new = tmp_path / "new.yml"
    new.write_bytes(before + b"\n# changed\n")
    assert main(["--root", str(root), "update", "comfy", str(new), "--source", "https://example.invalid/x"]) == 1
    assert "providers.vidu.states: 'failed' maps to 'broken'" in capsys.readouterr().err
    assert upstream.read_bytes() == before


def test_the_check_never_loads_genvideo() -> None:
    code = (
        "import sys\n"
        "import tools.pipeline.states as s, tools.pipeline.report, tools.pipeline.update\n"
        "assert s.load_state_maps()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'genvideo'], sorted(sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
