"""Hostile payloads: property-based bodies for both providers, served through a real local server.

The strategies are built from the prepared specs' response schemas (`ViduGetCreationsReply`,
Haiper's `CreationStatus` and `CreationDetail`), then mutated: any field null, missing, of the wrong
type, unknown extra fields, unknown states, huge arrays, deep nesting, NaN and Infinity, non-UTF-8
bytes, truncation, error statuses. The invariant: `get` returns a `Creation` or raises a
`GenvideoError` subclass and nothing else; a returned creation's `raw` works or raises
`ResponseValidationError`, and its `to_dict()` is strict JSON.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import genvideo
from tests.support.faultservers import Reply, Request, ScriptedServer

REPO = Path(__file__).resolve().parents[2]
SPECS = {name: json.loads((REPO / "specs" / name / "prepared.json").read_text()) for name in ("comfy", "haiper")}

VIDU_PATH = "/proxy/vidu/tasks/x1/creations"
HAIPER_STATUS_PATH = "/v1/jobs/h1/status"
HAIPER_DETAIL_PATH = "/v1/creation/h1"

# Kept moderate so that examples stay fast; the extremes (JSON nested deeper than the interpreter's
# recursion limit, integers too large for a float) have exact tests at the end.
MAX_DEPTH = 400
MAX_INT = 10**300

JSON = Any


# -- strategies ---------------------------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-MAX_INT, max_value=MAX_INT),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
)
any_json: st.SearchStrategy[JSON] = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _nest(depth: int, kind: str) -> JSON:
    value: JSON = "bottom"
    for _ in range(depth):
        value = [value] if kind == "list" else {"a": value}
    return value


deep = st.builds(_nest, st.integers(min_value=20, max_value=MAX_DEPTH), st.sampled_from(["list", "dict"]))
huge_array = st.builds(lambda n, item: [item] * n, st.integers(min_value=1_000, max_value=20_000), scalars)
weird_strings = st.sampled_from(
    [
        "",
        " ",
        "SUCCESS",
        " success ",
        "succeed\u200b",
        "\x00",
        "null",
        "🎬",
        "x" * 10_000,
        "javascript:alert(1)",
        "http://",
        "http://exa mple.com/v.mp4",
        "\u2028",
        "9" * 64,
        "2025-13-45T99:99:99Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999+14:00",
        "-1",
        "1e309",
        "NaN",
    ]
)
hostile = st.one_of(any_json, deep, huge_array, weird_strings)


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = spec["components"]["schemas"][name]
    return schema


URLS = st.sampled_from(
    [
        "https://cdn.example.com/v.mp4?Expires=1&Signature=abc~def&Key-Pair-Id=K",
        "http://127.0.0.1:9/cdn/v.mp4",
        "https://cdn.example.com/%E2%9C%93/v.mp4",
    ]
)


def conforming(schema: dict[str, Any], spec: dict[str, Any], name: str = "") -> st.SearchStrategy[JSON]:
    """Values that fit the schema (as the prepared spec describes it); their fields are `mutated`."""
    schema = _resolve(schema, spec)
    kind = schema.get("type")
    strategy: st.SearchStrategy[JSON]
    if kind == "object" or "properties" in schema:
        properties = {key: mutated(sub, spec, key) for key, sub in schema.get("properties", {}).items()}
        required = {key: s for key, s in properties.items() if key in schema.get("required", [])}
        optional = {key: s for key, s in properties.items() if key not in required}
        extras = st.dictionaries(st.text(min_size=1, max_size=10), any_json, max_size=2)
        strategy = st.builds(
            lambda fixed, extra: {**extra, **fixed},
            st.fixed_dictionaries(required, optional=optional),
            extras,
        )
    elif kind == "array":
        strategy = st.lists(mutated(schema.get("items", {}), spec, name), max_size=4)
    elif kind == "string":
        known = schema.get("x-known-values") or schema.get("enum")
        text = st.text(max_size=40) | weird_strings
        if known:
            strategy = st.sampled_from(list(known)) | text
        elif name == "url" or name.endswith("_url"):
            strategy = URLS | URLS | text
        elif name.endswith("_time") or name.endswith("_at"):
            strategy = st.just("2025-01-01T00:00:00Z") | st.datetimes().map(str) | text
        else:
            strategy = text
    elif kind == "number":
        strategy = st.floats(allow_nan=True, allow_infinity=True) | st.integers(-MAX_INT, MAX_INT)
    elif kind == "integer":
        strategy = st.integers(-MAX_INT, MAX_INT)
    elif kind == "boolean":
        strategy = st.booleans()
    else:
        strategy = any_json
    if schema.get("nullable"):
        strategy = st.none() | strategy
    return strategy


def mutated(schema: dict[str, Any], spec: dict[str, Any], name: str = "") -> st.SearchStrategy[JSON]:
    """Mostly conforming values; sometimes null, or a hostile value of any type (deep, huge, weird)."""
    return st.deferred(lambda: st.one_of(*[conforming(schema, spec, name)] * 4, st.none(), hostile))


def _body_schema(spec: dict[str, Any], path: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def _schema(spec: str, path: str) -> st.SearchStrategy[JSON]:
    return conforming(_body_schema(SPECS[spec], path), SPECS[spec])


URL = "https://cdn.example.com/v.mp4?Expires=1&Signature=abc~def&Key-Pair-Id=K"
VIDU_TEMPLATES = [
    {
        "id": "x1",
        "state": state,
        "err_code": "" if state != "failed" else "CreationPolicyViolation",
        "credits": 4,
        "progress": progress,
        "creations": [{"id": "1", "url": URL, "cover_url": URL, "watermarked_url": URL, "moderation_url": []}]
        if state == "success"
        else [],
        "created_at": "2025-01-01T12:00:00.123456789Z",
        "updated_at": 1735732800123,
    }
    for state, progress in (("success", 100), ("processing", 37.5), ("failed", 0), ("queueing", 0))
]
HAIPER_STATUS_TEMPLATES = [
    {"status": "success", "value": {"status": state, "progress": progress}}
    for state, progress in (("succeed", 1.0), ("processing", 0.5), ("failed", 0), ("pending", 0))
]
HAIPER_DETAIL_TEMPLATE = {
    "status": "success",
    "value": {
        "creation_id": "h1",
        "status": "succeed",
        "create_time": "2025-01-01T12:00:00.000Z",
        "update_time": "2025-01-01T12:01:00.000Z",
        "video_url": URL,
        "thumbnail_url": URL,
        "settings": {"fps": 24, "width": 1280, "height": 720},
        "commits": {"like_count": 0, "is_like": False, "collects_count": 0, "is_collect": False},
        "outputs": [{"id": "o1", "media_url": URL, "thumbnail_url": URL}],
    },
}


def _paths(value: JSON, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, sub in value.items():
            found += _paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found += _paths(sub, (*prefix, index))
    return found


@st.composite
def one_field_changed(draw: st.DrawFn, templates: list[JSON]) -> JSON:
    """A realistic body with one or two fields deleted, nulled, retyped, or given an extra sibling."""
    body = json.loads(json.dumps(draw(st.sampled_from(templates))))
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from(_paths(body)))
        parent: Any = body
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        how = draw(st.sampled_from(["delete", "null", "hostile", "extra"]))
        if how == "delete" and isinstance(parent, dict):
            del parent[key]
            break
        if how == "extra" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(hostile)
        else:
            parent[key] = None if how == "null" else draw(hostile)
    return body


vidu_body = _schema("comfy", "/proxy/vidu/tasks/{id}/creations") | one_field_changed(VIDU_TEMPLATES)
haiper_status = _schema("haiper", "/v1/jobs/{creation_id}/status") | one_field_changed(HAIPER_STATUS_TEMPLATES)
haiper_detail = _schema("haiper", "/v1/creation/{creation_id}") | one_field_changed([HAIPER_DETAIL_TEMPLATE])
# Haiper asks for the detail only once the status says "succeed": make that common.
haiper_status_succeeded = st.just(HAIPER_STATUS_TEMPLATES[0])


@st.composite
def encoded(draw: st.DrawFn, values: st.SearchStrategy[JSON]) -> tuple[int, bytes]:
    """(status, body bytes): JSON text, sometimes broken after encoding."""
    value = draw(values)
    text = json.dumps(value, allow_nan=True, ensure_ascii=draw(st.booleans()))
    body = text.encode("utf-8", "surrogatepass")
    how = draw(st.sampled_from(["plain"] * 6 + ["truncate", "garbage", "latin-1", "utf-16", "bom"]))
    if how == "truncate" and body:
        body = body[: draw(st.integers(0, len(body) - 1))]
    elif how == "garbage":
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.binary(min_size=1, max_size=8)) + body[at:]
    elif how == "latin-1":
        body = text.encode("latin-1", "replace")
    elif how == "utf-16":
        body = text.encode("utf-16")
    elif how == "bom":
        body = b"\xef\xbb\xbf" + body
    status = draw(st.sampled_from([200] * 12 + [400, 401, 404, 409, 429, 500, 503]))
    return status, body


# -- the server and the invariant ---------------------------------------------------------------------------


class Bodies:
    """The replies the module's server gives, swapped per example."""

    def __init__(self) -> None:
        self.replies: dict[str, Reply] = {}

    def __call__(self, request: Request) -> Reply:
        path = request.target.partition("?")[0]
        return self.replies.get(path, Reply(404, b'{"message": "no such path"}'))

    def set(self, path: str, status: int, body: bytes) -> None:
        self.replies[path] = Reply(status, body, headers=[("Content-Type", "application/json")], reason="X")


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[ScriptedServer, Bodies]]:
    bodies = Bodies()
    with ScriptedServer(bodies) as srv:
        yield srv, bodies


@pytest.fixture(scope="module")
def client(server: tuple[ScriptedServer, Bodies]) -> Iterator[genvideo.Client]:
    srv, _ = server
    with genvideo.Client(
        comfy_api_key="k",
        haiper_api_key="k",
        comfy_base_url=srv.base_url,
        haiper_base_url=srv.base_url,
        timeout=5.0,
        max_retries=0,
    ) as c:
        yield c


def check_creation(creation: object) -> None:
    """A returned creation must be usable: raw works or says ResponseValidationError; to_dict is strict JSON."""
    assert isinstance(creation, genvideo.Creation)
    assert isinstance(creation.state, genvideo.CreationState)
    assert creation.progress is None or (isinstance(creation.progress, float) and 0.0 <= creation.progress <= 1.0)
    assert all(isinstance(o.url, str) and o.url for o in creation.outputs)
    with contextlib.suppress(genvideo.ResponseValidationError):
        creation.raw  # noqa: B018 - parsing on access is the point
    json.dumps(creation.to_dict(), allow_nan=False)
    repr(creation)


def check_get(client: genvideo.Client, ref: str) -> None:
    try:
        creation = client.get(ref)
    except genvideo.GenvideoError:
        return
    check_creation(creation)


SETTINGS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(body=encoded(vidu_body))
def test_vidu_bodies_never_escape(
    client: genvideo.Client, server: tuple[ScriptedServer, Bodies], body: tuple[int, bytes]
) -> None:
    _, bodies = server
    bodies.set(VIDU_PATH, *body)
    check_get(client, "vidu:x1")


@SETTINGS
@given(status=encoded(haiper_status | haiper_status_succeeded), detail=encoded(haiper_detail))
def test_haiper_bodies_never_escape(
    client: genvideo.Client, server: tuple[ScriptedServer, Bodies], status: tuple[int, bytes], detail: tuple[int, bytes]
) -> None:
    _, bodies = server
    bodies.set(HAIPER_STATUS_PATH, *status)
    bodies.set(HAIPER_DETAIL_PATH, *detail)
    check_get(client, "haiper:h1")


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=encoded(vidu_body))
def test_async_client_bodies_never_escape(server: tuple[ScriptedServer, Bodies], body: tuple[int, bytes]) -> None:
    srv, bodies = server
    bodies.set(VIDU_PATH, *body)

    async def main() -> object:
        async with genvideo.AsyncClient(comfy_api_key="k", comfy_base_url=srv.base_url, max_retries=0) as c:
            try:
                return await c.get("vidu:x1")
            except genvideo.GenvideoError:
                return None

    creation = asyncio.run(main())
    if creation is not None:
        check_creation(creation)


def test_the_strategies_reach_every_outcome(server: tuple[ScriptedServer, Bodies], client: genvideo.Client) -> None:
    """Not vacuous: realistic bodies come back as creations with outputs, and broken ones as typed errors."""
    _, bodies = server
    bodies.set(VIDU_PATH, 200, json.dumps(VIDU_TEMPLATES[0]).encode())
    creation = client.get("vidu:x1")
    assert creation.state is genvideo.CreationState.SUCCEEDED
    assert creation.outputs[0].url == URL
    assert creation.created_at is not None
    assert creation.updated_at is not None
    bodies.set(HAIPER_STATUS_PATH, 200, json.dumps(HAIPER_STATUS_TEMPLATES[0]).encode())
    bodies.set(HAIPER_DETAIL_PATH, 200, json.dumps(HAIPER_DETAIL_TEMPLATE).encode())
    assert client.get("haiper:h1").outputs[0].url == URL
    bodies.set(VIDU_PATH, 200, b'{"state": "success", "creations": [{"url": 5}]}')
    with pytest.raises(genvideo.ResponseValidationError):
        client.get("vidu:x1")


# -- the extremes: exact reproductions of what once escaped untyped -------------------------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("status", [200, 500])
def test_deeply_nested_json_is_a_typed_error(
    server: tuple[ScriptedServer, Bodies], client: genvideo.Client, status: int
) -> None:
    _, bodies = server
    bodies.set(VIDU_PATH, status, b'{"state": "success", "x": ' + DEEP + b"}")
    with pytest.raises(genvideo.GenvideoError):
        client.get("vidu:x1")


@pytest.mark.parametrize(
    ("ref", "path", "body"),
    [
        ("vidu:x1", VIDU_PATH, '{"state": "processing", "progress": 1%s}'),
        ("vidu:x1", VIDU_PATH, '{"state": "processing", "created_at": 1%s}'),
        ("haiper:h1", HAIPER_STATUS_PATH, '{"status": "success", "value": {"status": "pending", "progress": 1%s}}'),
    ],
    ids=["vidu-progress", "vidu-created_at", "haiper-progress"],
)
def test_huge_integers_do_not_escape(
    server: tuple[ScriptedServer, Bodies], client: genvideo.Client, ref: str, path: str, body: str
) -> None:
    _, bodies = server
    bodies.set(path, 200, (body % ("0" * 400)).encode())
    creation = client.get(ref)  # a creation (the number ignored) or a GenvideoError: never OverflowError
    check_creation(creation)
