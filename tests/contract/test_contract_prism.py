"""Contract tests: genvideo against Prism serving the prepared specs (``prism mock``).

The prepared specs have no examples, so Prism's static mode builds one fixed body per response from
the schema: every string is ``"string"``, numbers are 0 (a ``format: float`` is the float32 minimum,
-3.4e38), booleans ``true``, arrays one item. ``--dynamic`` generates a new random, schema-valid body
per request (lorem-ipsum strings, nulls, huge numbers): the SDK must turn every one of them into a
``Creation`` whose normalised fields agree with the JSON and whose ``raw`` is the generated model of it.

Prism also enforces the documents' security schemes (401 when no declared credential is sent) and
answers any declared status on request (``Prefer: code=400`` header or ``__code=400`` query).
Everything here talks to 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers import _haiper, _vidu
from genvideo._responses import status_error
from genvideo_comfy_client.api.api_nodes import vidu_get_creations
from genvideo_comfy_client.models import Error as ComfyError
from genvideo_comfy_client.models import ViduGetCreationsReply
from genvideo_haiper_client.api.default import get_v1_creation_creation_id, get_v1_jobs_creation_id_status
from genvideo_haiper_client.models import CreationDetail, CreationStatus
from genvideo_haiper_client.models import Error as HaiperError
from tests.support.prism import SPECS, PrismConfig, PrismServer, prism_fixture

pytestmark = pytest.mark.prism  # needs Prism (tests/support/prism.py): sessions without it deselect -m prism

COMFY_KEY = "contract-comfy-key"
COMFY_TOKEN = "contract-comfy-token"
HAIPER_KEY = "contract-haiper-key"
# Prism's static bodies name their creation "string" (Vidu's `id`, Haiper's detail `creation_id`), and the SDK
# refuses a reply for another creation than the one asked for (issue 12): ask for that one.
CREATION_ID = "string"
DYNAMIC_RUNS = 25

# The request shapes, exactly as the generated clients build them.
VIDU_PATH = vidu_get_creations._get_kwargs(CREATION_ID)["url"]
HAIPER_STATUS_PATH = get_v1_jobs_creation_id_status._get_kwargs(CREATION_ID)["url"]
HAIPER_DETAIL_PATH = get_v1_creation_creation_id._get_kwargs(CREATION_ID)["url"]

_Q, _P, _S, _F = CreationState.QUEUED, CreationState.PROCESSING, CreationState.SUCCEEDED, CreationState.FAILED
# What each documented raw state means (the specs' x-known-values; see test_known_states_are_all_mapped).
EXPECTED_STATES = {
    "vidu": {"created": _Q, "queueing": _Q, "processing": _P, "success": _S, "failed": _F},
    "haiper": {"pending": _Q, "processing": _P, "post_processing": _P, "succeed": _S, "failed": _F},
}


def _narrowed_spec(folder: Path, scheme: str) -> Path:
    """The prepared Comfy spec with its security requirement cut down to one of its two alternatives."""
    doc = json.loads(SPECS["comfy"].read_text())
    assert scheme in doc["components"]["securitySchemes"]
    assert {scheme: []} in doc["security"]
    doc["security"] = [{scheme: []}]
    path = folder / f"comfy-{scheme}.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PrismServer]]:
    folder = tmp_path_factory.mktemp("prism-contract")
    configs = [
        PrismConfig("comfy", SPECS["comfy"]),
        PrismConfig("haiper", SPECS["haiper"]),
        PrismConfig("comfy-dynamic", SPECS["comfy"], dynamic=True),
        PrismConfig("haiper-dynamic", SPECS["haiper"], dynamic=True),
        # One server per Comfy alternative: which one accepts a credential shows which header carried it.
        PrismConfig("comfy-api-key-only", _narrowed_spec(folder, "ComfyApiKey")),
        PrismConfig("comfy-bearer-only", _narrowed_spec(folder, "BearerAuth")),
    ]
    with prism_fixture(configs, folder) as servers:
        yield servers


def _client(comfy: PrismServer | None = None, haiper: PrismServer | None = None, **credentials: Any) -> genvideo.Client:
    return genvideo.Client(
        comfy_base_url=comfy.url if comfy else None,
        haiper_base_url=haiper.url if haiper else None,
        max_retries=0,
        timeout=10.0,
        **credentials,
    )


# -- the oracle: what a Creation must say about a body, written independently of genvideo --------------


def _state(provider: str, raw: object) -> CreationState:
    if not isinstance(raw, str):
        return CreationState.UNKNOWN
    return EXPECTED_STATES[provider].get(raw.strip().lower(), CreationState.UNKNOWN)


def _fraction(value: object, scale: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value / scale):
        return None
    return min(max(value / scale, 0.0), 1.0)


def _check_vidu(creation: object, body: Mapping[str, Any] | None = None) -> genvideo.Creation:
    assert isinstance(creation, genvideo.Creation)
    body = creation.payload if body is None else body
    note = f"body: {json.dumps(body)[:1500]}"
    assert creation.payload == body, note
    assert creation.ref == genvideo.CreationRef("vidu", CREATION_ID)
    assert body.get("id") in (None, "", CREATION_ID), note  # another task's reply is refused (below)
    assert creation.raw_state == body.get("state"), note
    assert creation.state is _state("vidu", body.get("state")), note
    assert creation.progress == _fraction(body.get("progress"), 100.0), note
    entries = [c for c in body.get("creations") or [] if c.get("url")]
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == [
        (c["url"], c.get("cover_url") or None, c.get("watermarked_url") or None) for c in entries
    ], note
    assert creation.error_code == (body.get("err_code") or None), note
    raw = creation.raw
    assert isinstance(raw, ViduGetCreationsReply), note
    assert raw.to_dict() == body, note  # the generated model holds exactly what was sent
    return creation


def _check_haiper_status(creation: object) -> genvideo.Creation:
    """A creation from a status reply that did not say "succeed" (Prism never does): one request, no detail."""
    assert isinstance(creation, genvideo.Creation)
    status = creation.payload["status"]
    note = f"status body: {json.dumps(status)[:1500]}"
    assert creation.payload["detail"] is None, note
    value = status.get("value")
    inner = value.get("status") if value else None
    raw_state = inner if inner is not None else status.get("status")
    assert creation.ref == genvideo.CreationRef("haiper", CREATION_ID)
    assert creation.raw_state == raw_state, note  # kept even when no spec lists it
    assert creation.state is _state("haiper", raw_state), note
    assert creation.state is not CreationState.SUCCEEDED, note
    assert creation.progress == (_fraction(value.get("progress"), 1.0) if value else None), note
    assert creation.outputs == ()
    raw = creation.raw
    assert isinstance(raw, genvideo.HaiperRaw), note
    assert isinstance(raw.status, CreationStatus), note
    assert raw.status.to_dict() == status, note
    assert raw.detail is None
    return creation


def _check_vidu_static(creation: object) -> None:
    creation = _check_vidu(creation)
    assert creation.raw_state == "string"
    assert creation.state is CreationState.UNKNOWN  # Prism's "string" is no documented state
    assert creation.progress == 0.0
    assert creation.error_code == "string"
    assert [(o.url, o.cover_url, o.watermarked_url) for o in creation.outputs] == [("string", "string", "string")]
    assert creation.raw.creations[0].moderation_url == ["string"]
    assert creation.raw.credits_ == 0


def _check_haiper_static(creation: object) -> None:
    creation = _check_haiper_status(creation)
    assert creation.raw_state == "string"
    assert creation.state is CreationState.UNKNOWN
    assert creation.progress == 0.0  # Prism sends the float32 minimum; genvideo clamps it to 0..1
    assert creation.raw.status.value.status == "string"


# -- static bodies ---------------------------------------------------------------------------------


def test_vidu_get_returns_the_generated_model(prism: dict[str, PrismServer]) -> None:
    server = prism["comfy"]
    mark = server.mark()
    with _client(server, comfy_api_key=COMFY_KEY) as client:
        _check_vidu_static(client.get(f"vidu:{CREATION_ID}"))
    assert server.received(mark, expect=1) == [f"GET {VIDU_PATH}"]
    assert server.violations(mark) == []


def test_haiper_get_asks_the_status_only_until_it_succeeded(prism: dict[str, PrismServer]) -> None:
    server = prism["haiper"]
    mark = server.mark()
    with _client(haiper=server, haiper_api_key=HAIPER_KEY) as client:
        _check_haiper_static(client.get(f"haiper:{CREATION_ID}"))
    assert server.received(mark, expect=1) == [f"GET {HAIPER_STATUS_PATH}"]
    assert server.violations(mark) == []


def test_haiper_static_detail_gives_one_deduplicated_output() -> None:
    """Prism's static detail repeats "string" as video_url and outputs[0].media_url: one video, not two."""
    detail = {
        "status": "string",
        "value": {
            "video_url": "string",
            "thumbnail_url": "string",
            "create_time": "string",
            "outputs": [{"id": "string", "media_url": "string", "thumbnail_url": "string"}],
        },
    }
    creation = _haiper.to_creation(genvideo.CreationRef("haiper", CREATION_ID), {"status": "succeed"}, detail)
    assert [(o.url, o.cover_url) for o in creation.outputs] == [("string", "string")]
    assert creation.created_at is None  # "string" is no timestamp


# -- dynamic bodies: anything the schema allows --------------------------------------------------------


def _refused_as_another_creations(error: object) -> bool:
    """Prism --dynamic makes up the reply's id: a reply for another creation is refused, typed."""
    return isinstance(error, genvideo.ResponseValidationError) and "but the reply is for" in str(error)


def test_vidu_any_schema_valid_reply_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    """Or, when Prism made up another task's `id` (about half its bodies), a ResponseValidationError."""
    server = prism["comfy-dynamic"]
    mark = server.mark()
    bodies = []
    with _client(server, comfy_api_key=COMFY_KEY) as client:
        for _ in range(DYNAMIC_RUNS):
            try:
                creation = client.get(f"vidu:{CREATION_ID}")
            except genvideo.ResponseValidationError as exc:
                assert _refused_as_another_creations(exc), exc  # noqa: PT017 - some replies pass, some are refused
                continue
            bodies.append(_check_vidu(creation).payload)
    assert len({json.dumps(b, sort_keys=True) for b in bodies}) > 1, "Prism --dynamic should vary its bodies"
    assert server.violations(mark) == []


def test_haiper_any_schema_valid_status_gives_a_creation(prism: dict[str, PrismServer]) -> None:
    server = prism["haiper-dynamic"]
    raw_states = []
    with _client(haiper=server, haiper_api_key=HAIPER_KEY) as client:
        for _ in range(DYNAMIC_RUNS):
            raw_states.append(_check_haiper_status(client.get(f"haiper:{CREATION_ID}")).raw_state)
    # Random strings, none documented: UNKNOWN, with the raw value kept (checked above).
    assert any(isinstance(s, str) and s not in EXPECTED_STATES["haiper"] for s in raw_states)


def test_haiper_any_schema_valid_detail_gives_a_creation_or_a_typed_error(prism: dict[str, PrismServer]) -> None:
    """Prism cannot say "succeed", so get() never asks it for a detail: feed its details to the adapter.

    A detail whose ``value`` is null is schema-valid but delivers nothing: a Creation without outputs.
    """
    server = prism["haiper-dynamic"]
    ref = genvideo.CreationRef("haiper", CREATION_ID)
    status = {"status": "success", "value": {"status": "succeed", "progress": 1.0}}
    outcomes = set()
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {HAIPER_KEY}"}) as http:
        for _ in range(DYNAMIC_RUNS):
            response = http.get(HAIPER_DETAIL_PATH)
            assert response.status_code == 200
            detail = response.json()
            note = f"detail body: {json.dumps(detail)[:1500]}"
            value = detail.get("value")
            if value is None:
                empty = _haiper.to_creation(ref, status, detail)
                assert empty.state is CreationState.SUCCEEDED
                assert empty.outputs == ()
                outcomes.add("empty")
                continue
            if value.get("creation_id") not in (None, "", CREATION_ID):
                with pytest.raises(genvideo.ResponseValidationError, match="but the reply is for"):
                    _haiper.to_creation(ref, status, detail)
                outcomes.add("refused")
                continue
            creation = _haiper.to_creation(ref, status, detail)
            outcomes.add("creation")
            assert creation.state is CreationState.SUCCEEDED
            expected: list[tuple[str, str | None]] = []
            if value.get("video_url"):
                expected.append((value["video_url"], value.get("thumbnail_url") or None))
            for item in value.get("outputs") or []:
                if item.get("media_url") and item["media_url"] not in [url for url, _ in expected]:
                    expected.append((item["media_url"], item.get("thumbnail_url") or None))
            assert [(o.url, o.cover_url) for o in creation.outputs] == expected, note
            for moment in (creation.created_at, creation.updated_at):
                assert moment is None or (isinstance(moment, datetime) and moment.tzinfo is not None), note
            raw = creation.raw
            assert isinstance(raw.detail, CreationDetail), note
            assert raw.detail.to_dict() == detail, note
    assert "creation" in outcomes


# -- the async client ----------------------------------------------------------------------------------


def test_async_client_gets_both_providers(prism: dict[str, PrismServer]) -> None:
    async def main() -> tuple[genvideo.Creation, genvideo.Creation]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY,
            haiper_api_key=HAIPER_KEY,
            comfy_base_url=prism["comfy"].url,
            haiper_base_url=prism["haiper"].url,
            max_retries=0,
        ) as client:
            return await client.get(f"vidu:{CREATION_ID}"), await client.get(f"haiper:{CREATION_ID}")

    vidu, haiper = asyncio.run(main())
    _check_vidu_static(vidu)
    _check_haiper_static(haiper)


def test_async_client_concurrent_dynamic_replies(prism: dict[str, PrismServer]) -> None:
    async def main() -> list[genvideo.Creation | BaseException]:
        async with genvideo.AsyncClient(
            comfy_api_key=COMFY_KEY,
            haiper_api_key=HAIPER_KEY,
            comfy_base_url=prism["comfy-dynamic"].url,
            haiper_base_url=prism["haiper-dynamic"].url,
            max_retries=0,
        ) as client:
            refs = [f"{p}:{CREATION_ID}" for p in ("vidu", "haiper") for _ in range(10)]
            return list(await asyncio.gather(*(client.get(ref) for ref in refs), return_exceptions=True))

    results = asyncio.run(main())
    vidu = [r for r in results[:10] if not _refused_as_another_creations(r)]  # Prism made up another id
    assert all(isinstance(c, genvideo.Creation) for c in [*vidu, *results[10:]]), results
    for creation in vidu:
        _check_vidu(creation)
    for creation in results[10:]:
        _check_haiper_status(creation)


# -- credentials: Prism enforces the declared security schemes ------------------------------------------


@pytest.mark.parametrize(
    ("credentials", "accepted_by", "refused_by"),
    [
        ({"comfy_api_key": COMFY_KEY}, "comfy-api-key-only", "comfy-bearer-only"),
        ({"comfy_auth_token": COMFY_TOKEN}, "comfy-bearer-only", "comfy-api-key-only"),
    ],
    ids=["api-key-as-X-API-Key", "auth-token-as-bearer"],
)
def test_each_comfy_credential_travels_in_its_declared_scheme(
    prism: dict[str, PrismServer], credentials: dict[str, Any], accepted_by: str, refused_by: str
) -> None:
    for name in ("comfy", accepted_by):  # the real document accepts either scheme
        with _client(prism[name], **credentials) as client:
            _check_vidu_static(client.get(f"vidu:{CREATION_ID}"))
    with _client(prism[refused_by], **credentials) as client, pytest.raises(genvideo.AuthenticationError) as info:
        client.get(f"vidu:{CREATION_ID}")
    assert info.value.status_code == 401
    assert info.value.provider == "vidu"
    assert info.value.message == "vidu: HTTP 401: string"  # Prism's 401 from the spec's default Error


def test_haiper_key_travels_as_bearer(prism: dict[str, PrismServer]) -> None:
    with _client(haiper=prism["haiper"], haiper_api_key=HAIPER_KEY) as client:
        _check_haiper_static(client.get(f"haiper:{CREATION_ID}"))
    # The control: Prism does check the scheme (the same key in another header is refused).
    response = httpx.get(prism["haiper"].url + HAIPER_STATUS_PATH, headers={"X-API-Key": HAIPER_KEY})
    assert response.status_code == 401
    assert set(response.json()) <= {"message", "code", "details"}  # Haiper's declared 401 body (Error)


@pytest.mark.parametrize(
    ("server", "path", "headers"),
    [
        ("comfy", VIDU_PATH, {}),
        ("comfy", VIDU_PATH, {"Authorization": "Basic dXNlcjpwYXNz"}),
        ("comfy", VIDU_PATH, {"X-Api-Token": COMFY_KEY}),
        ("comfy-api-key-only", VIDU_PATH, {"Authorization": f"Bearer {COMFY_KEY}"}),
        ("comfy-bearer-only", VIDU_PATH, {"X-API-Key": COMFY_KEY}),
        ("haiper", HAIPER_STATUS_PATH, {}),
        ("haiper", HAIPER_DETAIL_PATH, {}),
        ("haiper", HAIPER_STATUS_PATH, {"Authorization": f"Basic {HAIPER_KEY}"}),
    ],
)
def test_prism_refuses_requests_without_a_declared_credential(
    prism: dict[str, PrismServer], server: str, path: str, headers: dict[str, str]
) -> None:
    response = httpx.get(prism[server].url + path, headers=headers)
    assert response.status_code == 401
    provider = "haiper" if server.startswith("haiper") else "vidu"
    error = status_error(provider, response)
    assert isinstance(error, genvideo.AuthenticationError)
    assert error.status_code == 401
    assert error.message.startswith(f"{provider}: HTTP 401: ")
    assert len(error.message) > len(f"{provider}: HTTP 401: ")


@pytest.mark.parametrize(
    ("ref", "server", "path"),
    [(f"vidu:{CREATION_ID}", "comfy", VIDU_PATH), (f"haiper:{CREATION_ID}", "haiper", HAIPER_STATUS_PATH)],
)
def test_without_credentials_genvideo_sends_nothing(
    prism: dict[str, PrismServer], ref: str, server: str, path: str
) -> None:
    target = prism[server]
    mark = target.mark()
    with _client(prism["comfy"], prism["haiper"]) as client, pytest.raises(genvideo.MissingCredentials):
        client.get(ref)
    # The request genvideo refused to make, made by hand: Prism would have refused it.
    response = httpx.get(target.url + path)
    assert response.status_code == 401
    assert isinstance(status_error(ref.split(":")[0], response), genvideo.AuthenticationError)
    assert target.received(mark, expect=1) == [f"GET {path}"]  # only the hand-made one reached Prism


# -- declared error responses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "server", "path", "code", "error_class", "error_code", "details"),
    [
        ("vidu", "comfy", VIDU_PATH, 400, genvideo.APIStatusError, None, ("string",)),
        ("vidu", "comfy", VIDU_PATH, 404, genvideo.NotFoundError, None, ("string",)),  # the default response
        ("vidu", "comfy", VIDU_PATH, 429, genvideo.RateLimitError, None, ("string",)),
        ("vidu", "comfy", VIDU_PATH, 500, genvideo.ServerError, None, ("string",)),
        ("vidu", "comfy", VIDU_PATH, 520, genvideo.ServerError, None, ("string",)),
        ("haiper", "haiper", HAIPER_STATUS_PATH, 400, genvideo.APIStatusError, "string", ("null",)),
        ("haiper", "haiper", HAIPER_DETAIL_PATH, 400, genvideo.APIStatusError, "string", ("null",)),
    ],
)
def test_declared_error_bodies_parse_into_typed_errors(
    prism: dict[str, PrismServer],
    provider: str,
    server: str,
    path: str,
    code: int,
    error_class: type[genvideo.APIStatusError],
    error_code: str | None,
    details: tuple[str, ...],
) -> None:
    headers = {"Prefer": f"code={code}"} | _auth(provider)
    response = httpx.get(prism[server].url + path, headers=headers)
    assert response.status_code == code
    assert "sl-violations" not in response.headers
    (ComfyError if provider == "vidu" else HaiperError).from_dict(response.json())  # the spec's Error
    error = status_error(provider, response)
    assert type(error) is error_class
    assert error.status_code == code
    assert error.message == f"{provider}: HTTP {code}: string"
    assert error.error_code == error_code
    assert error.details == details


def test_code_query_parameter_selects_the_error_too(prism: dict[str, PrismServer]) -> None:
    response = httpx.get(prism["comfy"].url + VIDU_PATH, params={"__code": "400"}, headers=_auth("vidu"))
    assert response.status_code == 400
    error = status_error("vidu", response)
    assert (type(error), error.message, error.details) == (
        genvideo.APIStatusError,
        "vidu: HTTP 400: string",
        ("string",),
    )


@pytest.mark.parametrize(("provider", "path"), [("vidu", VIDU_PATH), ("haiper", HAIPER_STATUS_PATH)])
def test_any_schema_valid_error_body_gives_a_message(prism: dict[str, PrismServer], provider: str, path: str) -> None:
    server = prism["comfy" if provider == "vidu" else "haiper"]
    prefix = f"{provider}: HTTP 400: "
    with httpx.Client(base_url=server.url, headers={"Prefer": "code=400, dynamic=true"} | _auth(provider)) as http:
        for _ in range(DYNAMIC_RUNS):
            response = http.get(path)
            assert response.status_code == 400
            body = response.json()
            note = f"error body: {response.text[:1500]}"
            error = status_error(provider, response)
            assert type(error) is genvideo.APIStatusError, note
            message = body.get("message")
            if isinstance(message, str) and message.strip():
                assert error.message == prefix + " ".join(message.split()), note
            else:  # no message: the body itself is quoted
                assert error.body, note
                assert error.message == prefix + error.body, note
            code = body.get("code")
            assert error.error_code == (code if isinstance(code, str) and code.strip() else None), note
            raw_details = body.get("details") or []
            assert len(error.details) == min(len(raw_details), 20), note
            assert all(isinstance(d, str) for d in error.details), note


def test_prism_routing_error_reaches_the_caller_as_not_found(prism: dict[str, PrismServer]) -> None:
    """A base URL outside the document: Prism's problem+json 404 becomes a NotFoundError (not retried)."""
    server = prism["comfy"]
    mark = server.mark()
    client = genvideo.Client(comfy_api_key=COMFY_KEY, comfy_base_url=server.url + "/not-in-the-spec", max_retries=2)
    with client, pytest.raises(genvideo.NotFoundError) as info:
        client.get(f"vidu:{CREATION_ID}")
    assert info.value.status_code == 404
    assert "hasn't been found in the specification" in info.value.message
    assert server.received(mark, expect=1) == [f"GET /not-in-the-spec{VIDU_PATH}"]


def _auth(provider: str) -> dict[str, str]:
    return {"X-API-Key": COMFY_KEY} if provider == "vidu" else {"Authorization": f"Bearer {HAIPER_KEY}"}


# -- the documented states -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider", "spec", "pointer"),
    [
        ("vidu", "comfy", ("components", "schemas", "ViduState")),
        (
            "haiper",
            "haiper",
            ("components", "schemas", "CreationStatus", "properties", "value", "properties", "status"),
        ),
        ("haiper", "haiper", ("components", "schemas", "CreationStatus", "properties", "status")),
    ],
)
def test_known_states_are_all_mapped(provider: str, spec: str, pointer: tuple[str, ...]) -> None:
    """Every raw state a spec lists maps to a definite state (never UNKNOWN) through the real client path."""
    node: Any = json.loads(SPECS[spec].read_text())
    for key in pointer:
        node = node[key]
    known = node["x-known-values"]
    assert set(known) == set(EXPECTED_STATES[provider])
    ref = genvideo.CreationRef.parse(f"{provider}:{CREATION_ID}")
    for raw in known:
        if provider == "vidu":
            creation = _check_vidu(_vidu.to_creation(ref, {"state": raw}), {"state": raw})
        elif pointer[-3:] == ("value", "properties", "status"):
            creation = _haiper.to_creation(ref, {"status": None, "value": {"status": raw}}, None)
        else:
            creation = _haiper.to_creation(ref, {"status": raw}, None)
        assert creation.raw_state == raw
        assert creation.state is EXPECTED_STATES[provider][raw]
        assert creation.state is not CreationState.UNKNOWN
