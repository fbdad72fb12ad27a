"""Spec updates: a new upstream document goes through the patch guards, regeneration, version bumps
and the change report; the drift check ties specs, generated code, versions and genvideo's pins together.

Everything runs in a temporary copy of specs/, generated/ and wrapper/pyproject.toml.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from tools.pipeline.__main__ import main
from tools.pipeline.config import PROVIDER_REGISTRY, REPO, SPECS_MODULE, load_specs
from tools.pipeline.drift import find_drift
from tools.pipeline.id_paths import ID_PATHS
from tools.pipeline.regenerate import regenerate
from tools.pipeline.report import BREAKING, NON_BREAKING, diff_documents
from tools.pipeline.states import load_state_maps, parse_state_maps, unmapped_states
from tools.pipeline.update import UpdateFailed, UpdateResult, extract_openapi, update_spec
from tools.pipeline.versions import ClientVersion, next_version, read_version

pytestmark = pytest.mark.pipeline  # regenerates: needs the generator (requirements/generate.txt)

COMFY_URL = "https://api.comfy.org/openapi"
DATE = "2026-12-01"
STATE_GUARD_REASON = "guard: these are the upstream state values the wrapper maps"
STATE_MAPS = load_state_maps()  # the rows of the checkout's providers.toml


def _copy_repo(root: Path, *, wrapper: bool = True) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", ".pdm-build")
    shutil.copytree(REPO / "specs", root / "specs", ignore=ignore)
    shutil.copytree(REPO / "generated", root / "generated", ignore=ignore)
    shutil.copy2(REPO / "LICENSE", root / "LICENSE")
    if wrapper:
        (root / "wrapper").mkdir()
        shutil.copy2(REPO / "wrapper/pyproject.toml", root / "wrapper/pyproject.toml")
        shutil.copy2(REPO / "wrapper/LICENSE", root / "wrapper/LICENSE")
        (root / SPECS_MODULE).parent.mkdir(parents=True)
        shutil.copy2(REPO / SPECS_MODULE, root / SPECS_MODULE)
        shutil.copy2(REPO / ID_PATHS, root / ID_PATHS)
    return root


def _modified_comfy_upstream() -> bytes:
    """The Comfy document with a new ViduState value, a new optional field and a removed field."""
    text = (REPO / "specs/comfy/upstream/openapi.yml").read_text(encoding="utf-8")
    states = "    ViduState:\n      enum:\n" + "".join(
        f"        - {s}\n" for s in ("created", "processing", "queueing", "success", "failed")
    )
    creation = "    ViduCreation:\n      type: object\n      properties:\n"
    voice_id = (
        "        voice_id:\n          type: string\n"
        "          description: Voice ID for audio (ineffective for q3 model)\n"
    )
    assert text.count(states) == 1
    assert text.count(creation) == 1
    text = text.replace(states, states + "        - cancelled\n")
    text = text.replace(
        creation, creation + "        duration:\n          type: number\n          description: Seconds\n"
    )
    start = text.index(voice_id, text.index("    ViduTaskRequest:\n"))  # ViduTaskRequest's own voice_id
    text = text[:start] + text[start + len(voice_id) :]
    return text.encode("utf-8")


def _add_state_to_guard(root: Path, value: str) -> None:
    """The documented fix: extend the guarded list (and the known values) in the ViduState patch."""
    path = root / "specs/comfy/patches/010-open-vidu-state.json"
    operations = json.loads(path.read_text(encoding="utf-8"))
    for op in operations:
        if op["op"] in ("test", "add") and op["path"].endswith(("ViduState/enum", "ViduState/x-known-values")):
            op["value"] = [*op["value"], value]
    path.write_text(json.dumps(operations, indent=2) + "\n", encoding="utf-8")


@dataclass
class Updated:
    root: Path
    before: dict[str, ClientVersion]
    failure: str
    unchanged_after_failure: bool
    result: UpdateResult


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Updated:
    """A full Comfy update: stopped by the state guard, then (guard extended) applied."""
    root = _copy_repo(tmp_path_factory.mktemp("repo"))
    new = root / "new-openapi.yml"
    new.write_bytes(_modified_comfy_upstream())
    comfy = root / "specs/comfy"
    snapshot = {p: p.read_bytes() for p in (comfy / "upstream/openapi.yml", comfy / "provenance.json")}
    before = {p.name: read_version(p) for p in load_specs(root)}
    with pytest.raises(UpdateFailed) as info:
        update_spec(root, "comfy", str(new), recorded_source=COMFY_URL, date=DATE, state_maps=STATE_MAPS)
    unchanged = all(p.read_bytes() == data for p, data in snapshot.items())
    _add_state_to_guard(root, "cancelled")
    result = update_spec(root, "comfy", str(new), recorded_source=COMFY_URL, date=DATE, state_maps=STATE_MAPS)
    return Updated(root, {k: v for k, v in before.items() if v}, str(info.value), unchanged, result)


def test_a_new_state_value_stops_the_update_at_its_patch_guard(updated: Updated) -> None:
    assert "010-open-vidu-state.json operation #0" in updated.failure
    assert STATE_GUARD_REASON in updated.failure
    assert "'cancelled'" in updated.failure
    assert "The update was not applied" in updated.failure
    assert updated.unchanged_after_failure, "a failed update must leave the upstream file and provenance as they were"


def test_the_update_records_provenance(updated: Updated) -> None:
    record = json.loads((updated.root / "specs/comfy/provenance.json").read_text())
    (entry,) = record["documents"]
    data = (updated.root / "specs/comfy/upstream/openapi.yml").read_bytes()
    assert data == _modified_comfy_upstream()
    assert entry["sha256"] == hashlib.sha256(data).hexdigest() == updated.result.new_sha256
    assert entry["source"] == COMFY_URL
    assert entry["retrieved"] == DATE
    assert updated.result.changed


def test_the_report_classifies_the_changes(updated: Updated) -> None:
    report = updated.result.report
    assert report is not None
    found = {(c.where, c.severity) for c in report.changes}
    assert ("ViduTaskRequest.voice_id", BREAKING) in found  # a removed field
    assert ("ViduCreation.duration", NON_BREAKING) in found  # a new optional field
    state = [c for c in report.changes if c.where == "ViduState"]
    assert [c.severity for c in state] == [BREAKING]  # a new state value the wrapper does not map
    assert "'cancelled'" in state[0].detail
    assert "providers.toml (providers.vidu.states)" in state[0].detail
    assert report.subjects("schema", "changed") == ["ViduCreation", "ViduState", "ViduTaskRequest"]
    assert report.subjects("operation", "changed") == []
    assert [str(u) for u in updated.result.unmapped] == [
        "vidu: state 'cancelled' (comfy /components/schemas/ViduState) is not mapped in "
        "providers.toml (providers.vidu.states)"
    ]
    text = updated.result.to_markdown()
    assert "## State values the wrapper does not map" in text
    assert "### Breaking for clients (2)" in text
    assert "`ViduTaskRequest.voice_id`: field removed" in text


def test_the_version_bumps_and_genvideos_pin_follows(updated: Updated) -> None:
    root, old = updated.root, updated.before["comfy"].version
    major_minor, patch = old.rsplit(".", 1)
    new = f"{major_minor}.{int(patch) + 1}"
    specs = {p.name: p for p in load_specs(root)}
    recorded = read_version(specs["comfy"])
    assert recorded is not None
    assert recorded.version == new
    generated = tomllib.loads((root / "generated/genvideo-comfy-client/pyproject.toml").read_text())
    assert generated["project"]["version"] == new
    wrapper = tomllib.loads((root / "wrapper/pyproject.toml").read_text())
    assert f"genvideo-comfy-client=={new}" in wrapper["project"]["dependencies"]
    assert f'version="{new}"' in (root / SPECS_MODULE).read_text()
    assert read_version(specs["haiper"]) == updated.before["haiper"]  # its content did not change
    bumped = [(c.project_name, c.before, c.after) for c in updated.result.versions if c.bumped]
    assert bumped == [("genvideo-comfy-client", old, new)]


def test_the_generated_client_follows_the_new_document(updated: Updated) -> None:
    models = updated.root / "generated/genvideo-comfy-client/genvideo_comfy_client/models"
    assert "duration" in (models / "vidu_creation.py").read_text()
    assert "voice_id" not in (models / "vidu_task_request.py").read_text()


def test_the_updated_tree_is_consistent(updated: Updated) -> None:
    assert find_drift(load_specs(updated.root)) == []


def test_the_state_mapping_check_fails_until_the_state_is_mapped(updated: Updated) -> None:
    prepared = json.loads((updated.root / "specs/comfy/prepared.json").read_text())
    assert [(u.provider, u.value) for u in unmapped_states({"comfy": prepared}, STATE_MAPS)] == [("vidu", "cancelled")]
    registry = tomllib.loads((REPO / PROVIDER_REGISTRY).read_text(encoding="utf-8"))
    registry["providers"]["vidu"]["states"]["cancelled"] = "failed"
    mapped = parse_state_maps(registry)
    assert unmapped_states({"comfy": prepared}, mapped) == []


def test_every_state_the_checkouts_specs_list_is_mapped() -> None:
    prepared = {p.name: json.loads(p.prepared_path.read_text()) for p in load_specs()}
    assert unmapped_states(prepared, STATE_MAPS) == []


def test_the_same_document_again_changes_nothing(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path, wrapper=False)
    current = root / "specs/comfy/upstream/openapi.yml"
    provenance = (root / "specs/comfy/provenance.json").read_bytes()
    result = update_spec(root, "comfy", str(current), state_maps=STATE_MAPS)
    assert not result.changed
    assert (root / "specs/comfy/provenance.json").read_bytes() == provenance
    assert "Unchanged" in result.to_markdown()


def test_the_command_line_stops_with_the_patch_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy_repo(tmp_path, wrapper=False)
    new = tmp_path / "openapi.yml"
    new.write_bytes(_modified_comfy_upstream())
    assert main(["--root", str(root), "update", "comfy", str(new), "--source", COMFY_URL]) == 1
    err = capsys.readouterr().err
    assert "010-open-vidu-state.json" in err
    assert STATE_GUARD_REASON in err


def test_haiper_updates_name_the_upstream_file(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path, wrapper=False)
    status = root / "specs/haiper/upstream/get-creation-status.openapi.yml"
    with pytest.raises(UpdateFailed, match=r"several upstream files.*get-creation-status\.openapi\.yml"):
        update_spec(root, "haiper", str(status), state_maps=STATE_MAPS)
    with pytest.raises(UpdateFailed, match=r"no upstream file 'nope\.yml'"):
        update_spec(root, "haiper", str(status), "nope.yml", state_maps=STATE_MAPS)
    # The docs page embeds the OpenAPI block: the update keeps the block, byte for byte.
    page = tmp_path / "get-creation-status.md"
    page.write_bytes(b"# Get Creation Status\n\nSome prose.\n\n```yaml\n" + status.read_bytes() + b"```\n\nMore.\n")
    assert extract_openapi(page.read_bytes()) == status.read_bytes()
    for name in ("upstream/get-creation-status.openapi.yml", "get-creation-status.openapi.yml"):
        result = update_spec(root, "haiper", str(page), name, state_maps=STATE_MAPS)
        assert result.upstream == "upstream/get-creation-status.openapi.yml"
        assert not result.changed


def test_drift_names_a_hand_edited_pin_and_a_stale_version(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path)
    specs = load_specs(root)
    assert find_drift(specs) == []
    pyproject = root / "wrapper/pyproject.toml"
    haiper = read_version(next(p for p in specs if p.name == "haiper"))
    assert haiper is not None
    pyproject.write_text(
        pyproject.read_text().replace(f"genvideo-haiper-client=={haiper.version}", "genvideo-haiper-client==9.9.9")
    )
    config = root / "specs/comfy/generator.yaml"
    config.write_text(config.read_text() + "docstrings_on_attributes: true\n")
    problems = find_drift(specs)
    assert any(
        p.startswith("pin mismatch: wrapper/pyproject.toml pins genvideo-haiper-client==9.9.9")
        and "nox -s generate" in p
        for p in problems
    ), problems
    assert any(p.startswith("stale version: specs/comfy/version.json") and "nox -s generate" in p for p in problems)
    # The fix the messages name: regenerate (the comfy version goes up, the pin is rewritten).
    regenerate(root, specs)
    assert find_drift(specs) == []
    assert f"genvideo-haiper-client=={haiper.version}" in pyproject.read_text()


def test_next_version_counts_content_changes() -> None:
    assert next_version(None, "a") == ClientVersion("1.0.0", "a")
    assert next_version(ClientVersion("1.0.4", "a"), "a") == ClientVersion("1.0.4", "a")
    assert next_version(ClientVersion("1.0.4", "a"), "b") == ClientVersion("1.0.5", "b")


def _doc(schemas: dict[str, object], paths: dict[str, object] | None = None) -> dict[str, object]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths or {},
        "components": {"schemas": schemas},
    }


def test_report_rules_on_small_documents() -> None:
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/R"}}}}}
    old = _doc(
        {
            "R": {
                "type": "object",
                "properties": {
                    "n": {"type": "string", "nullable": True},
                    "t": {"type": "string"},
                    "e": {"type": "string", "enum": ["a"]},
                },
            }
        },
        {"/r": {"get": {"responses": ok}}, "/gone": {"get": {"responses": ok}}},
    )
    new = _doc(
        {
            "R": {
                "type": "object",
                "required": ["must"],
                "properties": {
                    "n": {"type": "string"},
                    "t": {"type": "integer"},
                    "e": {"type": "string", "enum": ["a", "b"]},
                    "must": {"type": "string"},
                },
            },
            "New": {"type": "object"},
        },
        {"/r": {"get": {"responses": ok}}, "/added": {"post": {"responses": ok}}},
    )
    report = diff_documents("x", old, new)
    got = {(c.where, c.detail.split(" (")[0].split(":")[0], c.severity) for c in report.changes}
    assert got == {
        ("GET /gone", "operation removed", BREAKING),
        ("POST /added", "new operation", NON_BREAKING),
        ("New", "new schema", NON_BREAKING),
        ("R.must", "new required field", BREAKING),
        ("R.n", "no longer nullable", BREAKING),
        ("R.t", "type changed", BREAKING),
        ("R.e", "enum values added", BREAKING),  # R is a response: a closed generated enum rejects "b"
    }
    assert report.subjects("operation", "removed") == ["GET /gone"]
    assert report.subjects("schema", "changed") == ["R"]
