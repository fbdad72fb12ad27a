"""The sandbox's provider fakes: one module per registry provider, request schemas from the spec pipeline."""

from __future__ import annotations

import ast
import json
import ssl
import sys
import textwrap
import tomllib
import zipfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo.testing
import genvideo.testing._fakes as fakes_package
from genvideo._providers._registry import parse_registry, registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing import _storage as storage
from genvideo.testing._fakes import fakes
from genvideo.testing._fakes._vidu import ECHO
from genvideo.testing._lifecycle import Lifecycle
from genvideo.testing._schemas import SCHEMAS_FILE, problem, request_schemas
from tools.pipeline.config import REPO, load_specs
from tools.pipeline.regenerate import load_prepared
from tools.pipeline.request_schemas import (
    REQUEST_SCHEMAS,
    RecursiveSchema,
    render_request_schemas,
)
from tools.pipeline.request_schemas import request_schemas as derive_request_schemas

TESTING = Path(genvideo.testing.__file__).parent
PLAIN_HTTP = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # plain HTTP only: skip loading certifi


def _prepared() -> dict[str, dict[str, Any]]:
    return {provider.name: load_prepared(provider) for provider in load_specs()}


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


# -- the request schemas: written by the pipeline, read by the fakes ---------------------------------


def test_the_request_schemas_file_is_what_the_pipeline_derives_now() -> None:
    written = (REPO / REQUEST_SCHEMAS).read_text(encoding="utf-8")
    assert written == render_request_schemas(_prepared())
    # The file the installed sandbox reads is the checkout's (an editable install, or a copy of it).
    assert (TESTING / SCHEMAS_FILE).read_text(encoding="utf-8") == written
    assert request_schemas() == json.loads(written)
    multiframe = request_schemas()["comfy"]["/proxy/vidu/multiframe"]
    assert multiframe["properties"]["image_settings"]["items"]["required"] == ["key_image"]  # $refs inlined


def test_every_submit_a_fake_serves_has_a_schema_and_every_spec_submit_a_fake() -> None:
    served = {(fake.spec.name, endpoint.path) for fake in fakes().values() for endpoint in fake.submits}
    # a POST look-up (Veo's poll: the id in its JSON body) is served too, and its body has a schema
    post_polls = {
        (fake.spec.name, e.path)
        for fake in fakes().values()
        for e in fake.endpoints
        if e.kind in ("poll", "read") and "POST" in e.methods
    }
    served |= post_polls
    served.add((storage.SPEC, storage.SLOT_PATH))  # Comfy's storage: served by the sandbox, starts nothing
    in_file = {(spec, path) for spec, paths in request_schemas().items() for path in paths}
    # every POST the prepared specs keep is a submit some fake serves (Vidu's six, Haiper's two, ...)
    posts = {
        (spec.name, path)
        for spec in load_specs()
        for path, item in load_prepared(spec).get("paths", {}).items()  # type: ignore[attr-defined]
        if "post" in item
    }
    # A form POST (multipart: OpenAI's submit, PixVerse's image upload; form-urlencoded: Pika's text-to-video)
    # has no JSON schema in the file: its fake checks the form itself.
    forms = ("multipart/form-data", "application/x-www-form-urlencoded")
    multipart = {
        (spec.name, path)
        for spec in load_specs()
        for path, item in load_prepared(spec).get("paths", {}).items()  # type: ignore[attr-defined]
        if any(form in item.get("post", {}).get("requestBody", {}).get("content", {}) for form in forms)
    }
    uploads = {(fake.spec.name, e.path) for fake in fakes().values() for e in fake.endpoints if e.kind == "upload"}
    # A look-up some API makes as a POST (HitPaw's task status): a JSON body, but it starts nothing.
    post_lookups = {
        (fake.spec.name, e.path)
        for fake in fakes().values()
        for e in fake.endpoints
        if e.kind in ("poll", "read") and "POST" in e.methods
    }
    assert in_file == (served | post_lookups) - multipart
    # and the POSTs of an input that start nothing (PixVerse's image upload)
    assert served | uploads | post_lookups == posts
    assert len([path for spec, path in served if path.startswith("/proxy/vidu/")]) == 6


def test_vidu_replies_echo_exactly_the_request_fields_their_reply_schemas_have() -> None:
    document: Any = load_prepared(next(p for p in load_specs() if p.name == "comfy"))
    vidu = fakes()["vidu"]
    assert {endpoint.name for endpoint in vidu.submits} == set(ECHO)
    for endpoint in vidu.submits:
        operation = document["paths"][endpoint.path]["post"]
        request = _resolve(document, operation["requestBody"]["content"]["application/json"]["schema"])
        reply = _resolve(document, operation["responses"]["200"]["content"]["application/json"]["schema"])
        assert set(ECHO[endpoint.name]) == set(reply["properties"]) & set(request["properties"]), endpoint.name


REF_A, REF_B = "#/components/schemas/A", "#/components/schemas/B"


def test_the_pipeline_inlines_refs_and_keeps_only_the_validators_keywords() -> None:
    document: dict[str, Any] = {
        "paths": {
            "/submit": {"post": {"requestBody": {"content": {"application/json": {"schema": {"$ref": REF_A}}}}}},
            "/form": {"post": {"requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}}}},
            "/poll/{id}": {"get": {}},
        },
        "components": {
            "schemas": {
                "A": {
                    "type": "object",
                    "description": "dropped",
                    "required": ["b"],
                    "properties": {
                        "b": {"$ref": REF_B},
                        "c": {"anyOf": [{"type": "string", "format": "uri"}, {"$ref": REF_B}]},
                        "d": {"type": "array", "items": {"type": "integer", "nullable": True, "default": 1}},
                    },
                },
                "B": {"type": "string", "enum": ["x", "y"], "example": "x"},
            }
        },
    }
    b = {"type": "string", "enum": ["x", "y"]}
    assert derive_request_schemas({"spec": document}) == {
        "spec": {
            "/submit": {
                "type": "object",
                "required": ["b"],
                "properties": {
                    "b": b,
                    "c": {"anyOf": [{"type": "string"}, b]},
                    "d": {"type": "array", "items": {"type": "integer", "nullable": True}},
                },
            }
        }
    }
    text = render_request_schemas({"spec": document})
    assert text.endswith("}\n")
    assert json.loads(text) == derive_request_schemas({"spec": document})
    assert text == render_request_schemas({"spec": json.loads(json.dumps(document))})
    document["components"]["schemas"]["B"] = {"type": "object", "properties": {"next": {"$ref": REF_B}}}
    with pytest.raises(RecursiveSchema, match="refers to itself"):
        derive_request_schemas({"spec": document})


def test_the_validator_reads_nullable_and_any_of() -> None:
    either = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert problem("x", either) is None
    assert problem(3, either) is None
    assert problem(True, either) == ("body", "body matches none of its allowed shapes")
    nullable = {"type": "array", "items": {"type": "string", "nullable": True}}
    assert problem(["a", None], nullable) is None
    strings = {"type": "array", "items": {"type": "string"}}
    assert problem(["a", None], strings) == ("body[1]", "body[1] must be a string")


@pytest.mark.dist
@pytest.mark.timeout(300)
def test_the_wheel_ships_the_request_schemas(release_dist: Path) -> None:
    (wheel,) = release_dist.glob("genvideo-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("genvideo/testing/_request_schemas.json")
    assert shipped == (REPO / REQUEST_SCHEMAS).read_bytes()


# -- one fake per provider ---------------------------------------------------------------------------


def test_every_registry_provider_has_a_fake_named_like_its_adapter() -> None:
    assert list(fakes()) == list(registry().providers)
    for name, entry in registry().providers.items():
        fake = fakes()[name]
        assert type(fake).__module__ == f"genvideo.testing._fakes.{entry.adapter_module}"
        assert fake.entry is entry
        assert fake.prefix == f"/{entry.spec.name}"


def _string_literals(tree: ast.AST) -> Iterator[str]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_provider_names_appear_only_in_their_own_fake() -> None:
    own = {TESTING / "_fakes" / f"{entry.adapter_module}.py": name for name, entry in registry().providers.items()}
    found = []
    for path in sorted(TESTING.rglob("*.py")):
        for literal in _string_literals(ast.parse(path.read_text(encoding="utf-8"))):
            if literal in registry().providers and own.get(path) != literal:
                found.append((path.relative_to(TESTING).as_posix(), literal))
    assert found == []


# -- one lifecycle value -----------------------------------------------------------------------------

_EVERY_SETTING: dict[str, Any] = {
    "states": ["created", "success"],
    "advance": 0.5,
    "progress": [0, 100],
    "outputs": 2,
    "video": [b"one", bytearray(b"two")],
    "video_size": 10,
    "failure_code": "F",
    "blocked_resources": [{"content_type": "image", "index": 0}],
    "credits": 7,
    "faults": [Fault.status(503)],
    "download_faults": iter([Fault.reset()]),
}


def test_a_submit_script_carries_one_lifecycle_and_its_fields_stay_readable() -> None:
    script = Sandbox.submit_script(**_EVERY_SETTING, reject=None)
    expected = (
        ("created", "success"),
        0.5,
        (0, 100),
        2,
        (b"one", b"two"),
        10,
        "F",
        ({"content_type": "image", "index": 0},),
        7,
        (Fault.status(503),),
        (Fault.reset(),),
    )
    lifecycle = script.lifecycle
    fields = [
        "states",
        "advance",
        "progress",
        "outputs",
        "video",
        "video_size",
        "failure_code",
        "blocked_resources",
        "credits",
        "faults",
        "download_faults",
    ]
    assert tuple(getattr(script, name) for name in fields) == expected
    assert tuple(getattr(lifecycle, name) for name in fields) == expected
    assert script.reject is None
    assert Sandbox.submit_script().lifecycle == Lifecycle()


@pytest.mark.parametrize(
    "settings",
    [
        {"states": []},
        {"states": ["a"], "progress": [0, 1]},
        {"advance": 0},
        {"advance": True},
        {"advance": "later"},
        {"outputs": -1},
        {"video_size": -1},
        {"outputs": 2, "video": [b"one"]},
    ],
)
def test_add_creation_and_submit_script_refuse_the_same_settings_alike(settings: dict[str, Any]) -> None:
    with pytest.raises(ValueError) as scripted:
        Sandbox.submit_script(**settings)
    with Sandbox() as sb, pytest.raises(ValueError) as added:
        sb.add_creation("vidu", "x", **settings)
    assert str(added.value) == str(scripted.value)


def test_default_states_are_the_fakes_when_progress_is_checked() -> None:
    script = Sandbox.submit_script(progress=[0, 100])  # fine until a provider's default states are known
    with Sandbox() as sb:
        with pytest.raises(ValueError, match="progress has 2 entries for 3 states"):
            sb.script_submits("vidu", script)
        sb.script_submits("vidu", Sandbox.submit_script(progress=[0, 50, 100]))
        with pytest.raises(ValueError, match="progress has 2 entries for 3 states"):
            sb.add_creation("haiper", "h", progress=[0, 1])


# -- the next provider is one module ------------------------------------------------------------------

_ACME = '''
"""A test-only Acme fake: submit POST /proxy/acme/v1/videos/text2video, poll the same path plus the id."""

from genvideo.testing._fakes import Endpoint, ProviderFake
from genvideo.testing._replies import json_reply


class AcmeFake(ProviderFake):
    endpoints = (
        Endpoint("text2video", "/proxy/acme/v1/videos/text2video", "submit"),
        Endpoint("status", "/proxy/acme/v1/videos/text2video/{id}", "poll"),
    )
    area = ("proxy", "acme")
    default_states = ("submitted", "processing", "succeed")
    success_state = "succeed"
    running_states = frozenset({"processing"})
    progress_scale = 1.0
    output_folder = "video"

    def new_id(self, counter):
        return f"acme-task-{counter}"

    def output_id(self, creation_id, index):
        return f"{creation_id}-video-{index}"

    def error(self, status, *, code=None, message=None, details=(), headers=()):
        body = {"code": int(code or 1000 + status), "message": message or "error", "request_id": "sandbox"}
        return json_reply(status, body, headers)

    def read_reply(self, endpoint, creation, view, urls):
        done = view.state == self.success_state
        videos = [{"id": o.id, "url": urls(o, "video.mp4")} for o in creation.outputs] if done else []
        data = {"task_id": creation.id, "task_status": view.state, "task_result": {"videos": videos}}
        return json_reply(200, {"code": 0, "message": "SUCCEED", "data": data})

    def submit_reply(self, endpoint, creation, state, body):
        data = {"task_id": creation.id, "task_status": state}
        return json_reply(200, {"code": 0, "message": "SUCCEED", "data": data})


FAKE = AcmeFake
'''
_ACME_SUBMIT = "/proxy/acme/v1/videos/text2video"


@pytest.fixture
def with_acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A registry with a `acme` provider behind the Comfy proxy, and its fake as one module `_acme.py`."""
    (tmp_path / "_acme.py").write_text(textwrap.dedent(_ACME), encoding="utf-8")
    monkeypatch.setattr(fakes_package, "__path__", [*fakes_package.__path__, str(tmp_path)])
    document = tomllib.loads(resources.files("genvideo._providers").joinpath("providers.toml").read_text("utf-8"))
    states = {"submitted": "queued", "processing": "processing", "succeed": "succeeded", "failed": "failed"}
    document["providers"]["acme"] = {"spec": "comfy", "adapter": "_acme", "scope": [], "states": states}
    with_acme = parse_registry(document)
    for module in ("genvideo.testing._fakes", "genvideo.testing._sandbox", "genvideo.testing._sandboxed"):
        monkeypatch.setattr(f"{module}.registry", lambda: with_acme)
    schemas = request_schemas()
    schema = {"type": "object", "required": ["prompt"], "properties": {"prompt": {"type": "string"}}}
    patched = {**schemas, "comfy": {**schemas["comfy"], _ACME_SUBMIT: schema}}
    monkeypatch.setattr("genvideo.testing._schemas.request_schemas", lambda: patched)
    fakes.cache_clear()
    try:
        yield
    finally:
        fakes.cache_clear()
        sys.modules.pop("genvideo.testing._fakes._acme", None)


@pytest.mark.usefixtures("with_acme")
def test_a_new_provider_is_one_fake_module() -> None:
    with Sandbox(video_size=100) as sb:
        assert list(fakes()) == [*registry().names, "acme"]  # the real ones, then the test row's
        assert sb.submit_path("acme", "text2video") == "/comfy" + _ACME_SUBMIT
        assert sb.env()["GENVIDEO_COMFY_BASE_URL"] == sb.base_url_for("comfy")
        comfy = httpx.Client(
            verify=PLAIN_HTTP, base_url=sb.comfy_base_url, headers={"X-API-Key": "sandbox-comfy-key"}, timeout=5
        )
        with comfy:
            anonymous = httpx.post(sb.comfy_base_url + _ACME_SUBMIT, json={"prompt": "a fox"}, verify=PLAIN_HTTP)
            assert (anonymous.status_code, anonymous.json()["code"]) == (401, 1401)  # the Comfy spec's credentials
            bad = comfy.post(_ACME_SUBMIT, json={"prompt": 3})
            assert (bad.status_code, bad.json()["message"]) == (400, "prompt must be a string")
            sb.script_submits("acme", Sandbox.submit_script(states=["submitted", "succeed"], outputs=2))
            first = comfy.post(_ACME_SUBMIT, json={"prompt": "a fox"}, headers={"Idempotency-Key": "k"})
            again = comfy.post(_ACME_SUBMIT, json={"prompt": "a fox"}, headers={"Idempotency-Key": "k"})
            task_id = first.json()["data"]["task_id"]
            assert (task_id, again.json()["data"]["task_id"]) == ("acme-task-1", "acme-task-2")  # no replay
            assert first.json()["data"]["task_status"] == "submitted"
            assert sb.fault_path("acme", task_id) == f"/comfy{_ACME_SUBMIT}/{task_id}"
            sb.add_fault(sb.fault_path("acme", task_id), Fault.error(429))
            limited = comfy.get(f"{_ACME_SUBMIT}/{task_id}")
            assert (limited.status_code, limited.json()["code"]) == (429, 1429)
            polls = [comfy.get(f"{_ACME_SUBMIT}/{task_id}").json()["data"] for _ in range(3)]
            assert [p["task_status"] for p in polls] == ["submitted", "succeed", "succeed"]
            videos = polls[-1]["task_result"]["videos"]
            assert [v["id"] for v in videos] == [f"{task_id}-video-1", f"{task_id}-video-2"]
            assert f"/cdn/acme/{task_id}/video-02/video.mp4?" in videos[1]["url"]
            assert httpx.get(videos[1]["url"], verify=PLAIN_HTTP).content == sb.video("acme", task_id, 1)
            assert len(sb.video("acme", task_id, 1)) == 100
            sb.add_creation("acme", "added", states=["processing"])
            assert comfy.get(f"{_ACME_SUBMIT}/added").json()["data"]["task_status"] == "processing"
            assert sb.current_state("acme", "added") == "processing"
            unknown = comfy.get("/proxy/acme/v1/nothing")
            assert (unknown.status_code, unknown.json()["code"]) == (404, 1404)  # in Acme's shape: its area
            sb.add_creation("vidu", "v1")  # the other providers are unchanged
            assert comfy.get("/proxy/vidu/tasks/v1/creations").json()["state"] == "queueing"
        assert [(s.provider, s.status) for s in sb.submissions] == [
            ("acme", 401),
            ("acme", 400),
            ("acme", 200),
            ("acme", 200),
        ]
