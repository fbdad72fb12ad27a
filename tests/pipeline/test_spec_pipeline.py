"""The spec pipeline: provenance, YAML loading, selection, guarded patches, drift."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from genvideo.testing._fakes import fakes
from tools.pipeline._yaml import load_yaml, loads_yaml
from tools.pipeline.config import REPO, load_specs
from tools.pipeline.drift import find_drift
from tools.pipeline.patches import PatchFailed, PatchFile, apply_patches, load_patches
from tools.pipeline.prepare import ProvenanceMismatch, dump, prepare
from tools.pipeline.select import MergeConflict, merge, select

SPECS = {p.name: p for p in load_specs()}
COMFY_UPSTREAM_SHA256 = "2b07cdec42fc7752c9086f708c0c054cebe1641a887078113bac95c84e9a410e"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_provenance_records_the_exact_upstream_bytes(name: str) -> None:
    spec = SPECS[name]
    record = json.loads((spec.folder / "provenance.json").read_text())
    files = {d["file"]: d for d in record["documents"]}
    assert set(files) == set(spec.upstream)
    for file, entry in files.items():
        assert hashlib.sha256((spec.folder / file).read_bytes()).hexdigest() == entry["sha256"]
        assert entry["source"].startswith("https://")
        assert entry["retrieved"]


def test_comfy_upstream_is_the_published_document() -> None:
    data = (SPECS["comfy"].folder / "upstream/openapi.yml").read_bytes()
    assert hashlib.sha256(data).hexdigest() == COMFY_UPSTREAM_SHA256


def test_changed_upstream_bytes_fail_provenance(tmp_path: Path) -> None:
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    upstream = tmp_path / "specs/haiper/upstream/get-creation-status.openapi.yml"
    upstream.write_bytes(upstream.read_bytes() + b"\n")
    spec = next(p for p in load_specs(tmp_path) if p.name == "haiper")
    with pytest.raises(ProvenanceMismatch, match="get-creation-status"):
        prepare(spec)


def test_yaml_loader_keeps_on_and_off_as_strings() -> None:
    doc = load_yaml(SPECS["comfy"].folder / "upstream/openapi.yml")
    enums = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list):
                enums.append(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert ["on", "off"] in enums or ["off", "on"] in enums
    assert not any(isinstance(v, bool) for enum in enums for v in enum)
    assert ["16:9", "9:16", "1:1"] in enums  # Kling Omni's unquoted aspect ratios (YAML 1.1: 969, 33...)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [16:9, 0755]", {"a": ["16:9", 755]}),  # YAML 1.1: 969 (sexagesimal) and 493 (octal)
        (
            "a: [1:30:00, 9:16, 1_000, 0b11, 2024-01-01, =]",
            {"a": ["1:30:00", "9:16", "1_000", "0b11", "2024-01-01", "="]},
        ),
        ("a: [yes, no, on, off, y, n]", {"a": ["yes", "no", "on", "off", "y", "n"]}),
        ("a: [true, False, ~, null, '']", {"a": [True, False, None, None, ""]}),
        ("a: [0o17, 0x1F, -3, +4, 12]", {"a": [15, 31, -3, 4, 12]}),
        ("a: [1.5, .5, -1e3, .inf, -.Inf]", {"a": [1.5, 0.5, -1000.0, float("inf"), float("-inf")]}),
    ],
)
def test_yaml_loader_reads_plain_scalars_as_yaml_1_2(text: str, expected: object) -> None:
    assert loads_yaml(text) == expected


def test_yaml_1_2_numbers_leave_the_prepared_documents_unchanged() -> None:
    # The committed prepared.json files were written before the loader dropped YAML 1.1's numbers.
    for spec in SPECS.values():
        assert json.loads(dump(prepare(spec))) == json.loads(spec.prepared_path.read_text(encoding="utf-8"))


def _component_refs(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(_component_refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_component_refs(v) for v in node))
    return set()


@pytest.mark.parametrize("name", sorted(SPECS))
def test_prepared_document_is_current_selected_and_closed(name: str) -> None:
    spec = SPECS[name]
    doc = prepare(spec)  # validates with openapi-spec-validator
    assert dump(doc) == spec.prepared_path.read_text(encoding="utf-8")
    assert doc["paths"]
    assert all(path.startswith(spec.keep_path_prefixes) for path in doc["paths"])
    declared = {
        f"#/components/{section}/{name}"
        for section, items in doc["components"].items()
        if section != "securitySchemes"
        for name in items
    }
    assert declared == _component_refs(doc), "unreferenced or missing components"


def test_comfy_selection_keeps_exactly_the_configured_prefixes() -> None:
    doc = json.loads(SPECS["comfy"].prepared_path.read_text())
    upstream = load_yaml(SPECS["comfy"].folder / "upstream/openapi.yml")
    kept = {p for p in upstream["paths"] if p.startswith(tuple(SPECS["comfy"].keep_path_prefixes))}
    dropped = {  # whole paths a patch removes (e.g. Luma's image generation, under a kept prefix)
        op["path"].removeprefix("/paths/").replace("~1", "/").replace("~0", "~")
        for patch in sorted((SPECS["comfy"].patches_dir).glob("*.json"))
        for op in json.loads(patch.read_text())
        if op["op"] == "remove" and op["path"].count("/") == 2 and op["path"].startswith("/paths/")
    }
    assert dropped <= kept
    assert set(doc["paths"]) == kept - dropped
    vidu = {p for p in upstream["paths"] if p.startswith("/proxy/vidu/")}
    assert vidu <= kept
    assert "/proxy/vidu/tasks/{id}/creations" in vidu


def test_haiper_merges_both_documented_endpoints() -> None:
    doc = json.loads(SPECS["haiper"].prepared_path.read_text())
    assert {"/v1/jobs/{creation_id}/status", "/v1/creation/{creation_id}"} <= set(doc["paths"])
    assert doc["info"]["title"] == "Haiper API"


def test_haiper_submit_endpoints_are_documented_additions_with_sources() -> None:
    spec = SPECS["haiper"]
    doc = json.loads(spec.prepared_path.read_text())
    record = json.loads((spec.folder / "provenance.json").read_text())
    additions = {a["operation"]: a["source"] for a in record["documented_additions"]}
    for path in ("/v1/jobs/gen2/text2video", "/v1/jobs/gen2/image2video"):
        operation = doc["paths"][path]["post"]
        assert additions[f"POST {path}"] == operation["x-source"]
        assert operation["x-source"].startswith("https://")


def test_comfy_submits_declare_the_idempotency_key() -> None:
    doc = json.loads(SPECS["comfy"].prepared_path.read_text())
    # Every submit; Comfy's storage and a provider's own upload (its fake's `upload` endpoint: PixVerse's image
    # upload, Moonvalley's uploads) start no generation and bill nothing: no key.
    own = [
        e.path for fake in fakes().values() if fake.spec.name == "comfy" for e in fake.endpoints if e.kind == "upload"
    ]
    assert own
    # A POST look-up (Veo's poll: the id in its JSON body) starts nothing either: no key.
    lookups = [
        e.path
        for fake in fakes().values()
        if fake.spec.name == "comfy"
        for e in fake.endpoints
        if e.kind in ("poll", "read") and "POST" in e.methods
    ]
    uploads = ("/customers/storage", *own, *lookups)
    posts = [item["post"] for path, item in doc["paths"].items() if "post" in item and path not in uploads]
    assert len([path for path, item in doc["paths"].items() if path.startswith("/proxy/vidu/") and "post" in item]) == 6
    for operation in posts:
        # PixVerse's submits also declare the spec's required Ai-trace-id header; a path parameter (Veo's
        # modelId) is declared inline.
        shared = [p for p in operation["parameters"] if "$ref" in p and "PixverseAiTraceId" not in p["$ref"]]
        assert shared == [{"$ref": "#/components/parameters/IdempotencyKey"}]
    assert doc["components"]["parameters"]["IdempotencyKey"]["name"] == "Idempotency-Key"


def test_merge_refuses_conflicting_definitions() -> None:
    a = {"paths": {}, "components": {"schemas": {"Error": {"type": "object"}}}}
    b = {"paths": {}, "components": {"schemas": {"Error": {"type": "string"}}}}
    assert merge([a, a])["components"] == a["components"]
    with pytest.raises(MergeConflict, match="components/schemas/Error"):
        merge([a, b])


def test_select_follows_references_transitively() -> None:
    doc = {
        "paths": {"/keep/x": {"get": {"$ref": "#/components/schemas/A"}}, "/drop": {}},
        "components": {
            "schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {}, "C": {}},
            "securitySchemes": {"k": {}},
        },
    }
    out = select(doc, ["/keep/"])
    assert list(out["paths"]) == ["/keep/x"]
    assert set(out["components"]["schemas"]) == {"A", "B"}
    assert out["components"]["securitySchemes"] == {"k": {}}


def test_every_patch_operation_has_a_reason() -> None:
    for spec in SPECS.values():
        patches = load_patches(spec.patches_dir)
        assert patches
        for patch in patches:
            assert all(op["reason"].strip() for op in patch.operations)
            assert any(op["op"] == "test" for op in patch.operations), f"{patch.name} has no guard"


def test_a_patch_without_reason_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"op": "remove", "path": "/x"}]))
    with pytest.raises(ValueError, match="no 'reason'"):
        PatchFile.load(path)


def test_upstream_change_under_a_patch_fails_with_its_reason(tmp_path: Path) -> None:
    shutil.copytree(REPO / "specs", tmp_path / "specs")
    spec = next(p for p in load_specs(tmp_path) if p.name == "haiper")
    upstream = spec.folder / "upstream/get-creation-status.openapi.yml"
    text = upstream.read_text().replace("title: OpenAPI Plant Store", "title: Haiper Public API")
    upstream.write_text(text)
    record = json.loads((spec.folder / "provenance.json").read_text())
    for entry in record["documents"]:
        if entry["file"].endswith("get-creation-status.openapi.yml"):
            entry["sha256"] = hashlib.sha256(upstream.read_bytes()).hexdigest()
    (spec.folder / "provenance.json").write_text(json.dumps(record))
    with pytest.raises(PatchFailed) as info:
        prepare(spec)
    message = str(info.value)
    assert "010-info.json" in message
    assert "Mintlify's template info" in message


def test_patch_failure_names_the_operation() -> None:
    patch = PatchFile("x.json", ({"op": "test", "path": "/a", "value": 1, "reason": "guard a"},))
    with pytest.raises(PatchFailed, match=r"(?s)x.json operation #0 .*guard a"):
        apply_patches({"a": 2}, [patch])


@pytest.mark.parametrize("name", sorted(SPECS))
def test_state_fields_are_open_strings_with_known_values(name: str) -> None:
    doc = json.loads(SPECS[name].prepared_path.read_text())
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "x-known-values" in node:
                assert node["type"] in ("string", "integer")  # PixVerse's states are integer codes
                assert all(isinstance(v, str if node["type"] == "string" else int) for v in node["x-known-values"])
                assert "enum" not in node
                found.append(node["x-known-values"])
            for value in node.values():
                walk(value)

    walk(doc)
    assert found


def test_auth_schemes_are_declared() -> None:
    comfy = json.loads(SPECS["comfy"].prepared_path.read_text())
    schemes = comfy["components"]["securitySchemes"]
    assert schemes["ComfyApiKey"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "A platform.comfy.org API key.",
    }
    assert schemes["BearerAuth"]["scheme"] == "bearer"
    assert comfy["security"] == [{"ComfyApiKey": []}, {"BearerAuth": []}]
    haiper = json.loads(SPECS["haiper"].prepared_path.read_text())
    assert haiper["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_generated_comfy_model_accepts_nulls_and_unknown_states() -> None:
    from genvideo_comfy_client.models import ViduGetCreationsReply

    reply = ViduGetCreationsReply.from_dict({"state": "cancelled", "creations": None, "id": None})
    assert reply.state == "cancelled"
    assert reply.creations is None
    assert reply.id is None


def test_generated_haiper_models_accept_a_body_of_nulls() -> None:
    from genvideo_haiper_client.models import CreationDetail, CreationStatus

    status = CreationStatus.from_dict({"status": None, "value": {"status": None, "progress": None}})
    assert status.status is None
    keys = [
        "creation_id", "user_id", "username", "avatar", "type", "input_type", "prompt",
        "negative_prompt", "create_time", "update_time", "status", "video_url", "thumbnail_url",
        "settings", "commits", "output_type", "outputs",
    ]  # fmt: skip
    detail = CreationDetail.from_dict({"status": None, "value": dict.fromkeys(keys)})
    assert detail.value is not None
    assert detail.value.outputs is None  # type: ignore[union-attr]
    nested = CreationDetail.from_dict(
        {
            "status": None,
            "value": {
                "settings": {"fps": None, "width": None, "height": None},
                "commits": dict.fromkeys(["like_count", "is_like", "collects_count", "is_collect"]),
                "outputs": [{"id": None, "media_url": None, "thumbnail_url": None}],
            },
        }
    )
    assert nested.value.outputs[0].media_url is None  # type: ignore[union-attr,index]
    assert CreationStatus.from_dict({"status": None, "value": None}).value is None


def _copy_checkout(tmp_path: Path) -> Path:
    for folder in ("specs", "generated"):
        shutil.copytree(REPO / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "LICENSE", tmp_path / "LICENSE")
    return tmp_path


@pytest.mark.pipeline  # regenerates: needs the generator (requirements/generate.txt)
def test_drift_check_passes_on_the_checkout_and_names_an_edited_file(tmp_path: Path) -> None:
    root = _copy_checkout(tmp_path)
    specs = load_specs(root)
    assert find_drift(specs) == []  # also proves regeneration is byte-for-byte reproducible
    target = root / "generated/genvideo-haiper-client/genvideo_haiper_client/models/error.py"
    target.write_text(target.read_text().replace("class Error", "class Eror", 1))
    stray = root / "generated/genvideo-comfy-client/genvideo_comfy_client/stray.py"
    stray.write_text("x = 1\n")
    problems = find_drift(specs)
    edited = "generated/genvideo-haiper-client/genvideo_haiper_client/models/error.py"
    assert any(p.startswith(f"differs: {edited}") for p in problems)
    stray_file = "generated/genvideo-comfy-client/genvideo_comfy_client/stray.py"
    assert f"not produced by the pipeline (stray file): {stray_file}" in problems
    assert len(problems) == 2
