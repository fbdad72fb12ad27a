"""Hostile payloads: property-based bodies for every provider, served through a real local server.

Each provider's replies are derived, not written here: its sandbox fake answers a creation in every
state word the registry maps, through exactly the requests its adapter makes for a `get` (a poll, then
any further look-up, e.g. Haiper's detail), and the prepared spec gives each endpoint's response schema.
The strategies are built from both, then mutated: any field null, missing, of the wrong type, unknown
extra fields, unknown states, huge arrays, deep nesting, NaN and Infinity, non-UTF-8 bytes, truncation,
error statuses. The invariant: `get` returns a `Creation` or raises a `GenvideoError` subclass and
nothing else; a returned creation's `raw` works or raises `ResponseValidationError`, and its `to_dict()`
is strict JSON.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import genvideo
from genvideo import CreationRef
from genvideo._providers._registry import registry
from genvideo.testing._fakes import fakes
from genvideo.testing._recording import RecordedRequest
from tests.support.clients import spec_base_urls
from tests.support.faultmatrix import MARKS, POLLED, REPLY_URL, replies
from tests.support.faultservers import Reply, Request, ScriptedServer

REPO = Path(__file__).resolve().parents[2]
SPECS = {name: json.loads((REPO / "specs" / name / "prepared.json").read_text()) for name in registry().specs}

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
    status = draw(st.sampled_from([200] * 12 + [202, 400, 401, 404, 409, 429, 500, 503]))
    return status, body


# -- each provider's replies, from its fake ----------------------------------------------------------------------


def _response_schemas(provider: str, path: str, method: str) -> st.SearchStrategy[JSON]:
    """Values conforming to the spec's 2xx JSON answers of the fake's endpoint at `path`."""
    fake = fakes()[provider]
    raw, _, query = path.partition("?")
    segments = [unquote(part) for part in raw.split("/")[2:]]  # after /<spec>
    found = fake.match(segments, RecordedRequest(method, path, raw, query, [], b"", 0.0))
    assert found is not None, f"{provider}: the fake has no endpoint at {path}"
    spec = SPECS[fake.spec.name]
    responses = spec["paths"][found[0].path][method.lower()]["responses"]
    schemas = [
        answer["content"]["application/json"]["schema"]
        for status, answer in responses.items()
        if status.startswith("2") and "application/json" in answer.get("content", {})
    ]
    assert schemas, f"{provider}: no 2xx JSON answer for {found[0].path}"
    return st.one_of(*(conforming(schema, spec) for schema in schemas))


@functools.cache
def bodies_of(provider: str) -> st.SearchStrategy[dict[str, JSON]]:
    """A body for each path a `get` of the provider requests: conforming to the spec's 2xx schemas of the
    fake's endpoint there, or one of the fake's own replies with a field changed. A path with a further
    look-up after it often says "succeeded", so that the look-up is reached (Haiper asks for the detail
    only once the status says so)."""
    shape = replies(provider)
    per_path = {}
    for index, path in enumerate(shape.paths):
        strategy = _response_schemas(provider, path, shape.methods[path]) | one_field_changed(shape.templates[path])
        if index + 1 < len(shape.paths) and path in shape.succeeded:
            strategy = st.just(shape.succeeded[path]) | strategy
        per_path[path] = strategy
    return st.fixed_dictionaries(per_path)


# -- the server and the invariant ---------------------------------------------------------------------------


class Bodies:
    """The replies the module's server gives, swapped per example."""

    def __init__(self) -> None:
        self.replies: dict[str, Reply] = {}

    def __call__(self, request: Request) -> Reply:
        """The reply set for the request's target, else for its path (a provider may send the id in a query)."""
        found = self.replies.get(request.target) or self.replies.get(request.target.partition("?")[0])
        return found or Reply(404, b'{"message": "no such path"}')

    def set(self, path: str, status: int, body: bytes) -> None:
        self.replies[path] = Reply(status, body, headers=[("Content-Type", "application/json")], reason="X")

    def serve(self, bodies: dict[str, JSON]) -> None:
        self.replies.clear()
        for path, body in bodies.items():
            self.set(path, 200, json.dumps(body).encode())


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[ScriptedServer, Bodies]]:
    bodies = Bodies()
    with ScriptedServer(bodies) as srv:
        yield srv, bodies


def client_options(srv: ScriptedServer) -> dict[str, Any]:
    """Every credential, and every spec's base URL on the server, under the spec's prefix as in the sandbox."""
    return {**MARKS, **spec_base_urls(srv.base_url), "max_retries": 0}


@pytest.fixture(scope="module")
def client(server: tuple[ScriptedServer, Bodies]) -> Iterator[genvideo.Client]:
    srv, _ = server
    with genvideo.Client(**client_options(srv), timeout=5.0) as c:
        yield c


def check_creation(creation: object) -> None:
    """A returned creation must be usable: raw works or says ResponseValidationError; to_dict is strict JSON."""
    assert isinstance(creation, genvideo.Creation)
    assert isinstance(creation.state, genvideo.CreationState)
    assert creation.progress is None or (isinstance(creation.progress, float) and 0.0 <= creation.progress <= 1.0)
    assert all(isinstance(o.url, str) and (o.url or o.kind != "url") for o in creation.outputs)
    with contextlib.suppress(genvideo.ResponseValidationError):
        creation.raw  # noqa: B018 - parsing on access is the point
    json.dumps(creation.to_dict(), allow_nan=False)
    repr(creation)


def check_get(client: genvideo.Client, ref: CreationRef) -> None:
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


@pytest.mark.parametrize("provider", POLLED)
@SETTINGS
@given(data=st.data())
def test_bodies_never_escape(
    client: genvideo.Client, server: tuple[ScriptedServer, Bodies], provider: str, data: st.DataObject
) -> None:
    _, bodies = server
    shape = replies(provider)
    bodies.replies.clear()
    for path, body in data.draw(bodies_of(provider)).items():
        bodies.set(path, *data.draw(encoded(st.just(body)), label=path))
    check_get(client, shape.ref)


@pytest.mark.parametrize("provider", POLLED)
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_async_client_bodies_never_escape(
    server: tuple[ScriptedServer, Bodies], provider: str, data: st.DataObject
) -> None:
    srv, bodies = server
    shape = replies(provider)
    bodies.replies.clear()
    for path, body in data.draw(bodies_of(provider)).items():
        bodies.set(path, *data.draw(encoded(st.just(body)), label=path))

    async def main() -> object:
        async with genvideo.AsyncClient(**client_options(srv)) as c:
            try:
                return await c.get(shape.ref)
            except genvideo.GenvideoError:
                return None

    creation = asyncio.run(main())
    if creation is not None:
        check_creation(creation)


@pytest.mark.parametrize("provider", POLLED)
def test_the_strategies_reach_every_outcome(
    server: tuple[ScriptedServer, Bodies], client: genvideo.Client, provider: str
) -> None:
    """Not vacuous: the fake's replies come back as a succeeded creation with outputs (and every other state
    word as a creation), and a reply whose every field is a wrong type as a typed error or a creation. The
    video is where the replies say (the strategies' URL), or, for a provider whose replies name none (Sora:
    the proxy's `/content` of the id), under the base URL the client was given for the provider's spec."""
    srv, bodies = server
    shape = replies(provider)
    bodies.serve(shape.succeeded)
    creation = client.get(shape.ref)
    assert creation.state is genvideo.CreationState.SUCCEEDED
    output = creation.outputs[0]
    if output.kind != "url":  # an inline (base64) output has no URL to replace
        assert output.kind == "base64"
        assert output.data
    elif REPLY_URL in json.dumps(shape.succeeded):
        assert output.url == REPLY_URL
    else:
        base_url = spec_base_urls(srv.base_url)[registry().providers[provider].spec.base_url_argument]
        assert output.url.startswith(base_url + "/")
        assert shape.ref.id in output.url
    check_creation(creation)
    first = shape.paths[0]
    for template in shape.templates[first]:
        bodies.serve({**shape.succeeded, first: template})
        check_creation(client.get(shape.ref))
    bodies.serve({path: _retyped(body) for path, body in shape.succeeded.items()})
    check_get(client, shape.ref)


def _retyped(value: JSON) -> JSON:
    """Every scalar of `value` swapped for one of another type (strings become numbers and the reverse)."""
    if isinstance(value, dict):
        return {k: _retyped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_retyped(v) for v in value]
    return 5 if isinstance(value, str) else "five"


# -- the extremes: exact reproductions of what once escaped untyped -------------------------------------------

DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize("status", [200, 500])
@pytest.mark.parametrize("provider", POLLED)
def test_deeply_nested_json_is_a_typed_error(
    server: tuple[ScriptedServer, Bodies], client: genvideo.Client, provider: str, status: int
) -> None:
    _, bodies = server
    shape = replies(provider)
    bodies.serve(shape.succeeded)
    bodies.set(shape.paths[0], status, b'{"state": "success", "x": ' + DEEP + b"}")
    with pytest.raises(genvideo.GenvideoError):
        client.get(shape.ref)


def _numbers(value: JSON, at: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Where `value` holds a number (not a bool)."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _numbers(sub, (*at, key))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _numbers(sub, (*at, index))
    elif isinstance(value, int | float) and not isinstance(value, bool):
        yield at


@pytest.mark.parametrize("provider", POLLED)
def test_huge_integers_do_not_escape(
    server: tuple[ScriptedServer, Bodies], client: genvideo.Client, provider: str
) -> None:
    """Each number of the provider's replies (every path, every state's answer) sent as a 400-digit integer:
    a creation (the number ignored) or a GenvideoError, never OverflowError."""
    _, bodies = server
    shape = replies(provider)
    marker = "HUGE-NUMBER-HERE"
    tried: set[tuple[str, tuple[Any, ...]]] = set()
    for path in shape.paths:
        for template in shape.templates[path]:
            for at in _numbers(template):
                if (path, at) in tried:
                    continue
                tried.add((path, at))
                body = json.loads(json.dumps(template))
                parent = body
                for step in at[:-1]:
                    parent = parent[step]
                parent[at[-1]] = marker
                bodies.serve(shape.succeeded)
                bodies.set(path, 200, json.dumps(body).replace(f'"{marker}"', "1" + "0" * 400).encode())
                check_get(client, shape.ref)


def test_every_provider_has_its_replies() -> None:
    for provider in POLLED:  # (a synchronous provider has no replies to look up)
        shape = replies(provider)
        assert shape.paths
        assert all(shape.templates[path] for path in shape.paths)
