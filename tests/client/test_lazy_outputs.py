"""Large replies: Vidu's and Haiper's outputs are checked in one pass at ``get`` and built on first access.

A creation with pending outputs must be indistinguishable from one built eagerly (equality, hashing, repr,
pickling, ``dataclasses.replace``), raise at ``get`` for a malformed entry (never later, on access), and not
change if the caller mutates ``payload`` afterwards.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, VideoOutput
from genvideo._models import EAGER_OUTPUTS, _is_set
from genvideo._polling import _fingerprint
from genvideo._providers import _haiper, _vidu
from tests.support.clients import spec_base_urls
from tests.support.faultservers import Reply, ScriptedServer

REF = CreationRef("vidu", "task-1")


def _vidu_body(count: int) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for i in range(count):
        item: dict[str, Any] = {"id": f"c{i}", "url": f"https://cdn.example/v{i}.mp4?sig={i}"}
        if i % 3:
            item["cover_url"] = f"https://cdn.example/c{i}.jpg"
        if i % 5 == 0:
            item["watermarked_url"] = f"https://cdn.example/w{i}.mp4"
        if i % 7 == 6:
            item["url"] = "" if i % 2 else None  # no video: delivers nothing
        items.append(item)
    return {"id": REF.id, "state": "success", "progress": 100, "creations": items}


def _expected(body: dict[str, Any]) -> tuple[VideoOutput, ...]:
    """The outputs as the adapter built them before they were lazy: one per entry with a URL."""
    delivered = [item for item in body["creations"] if item.get("url")]
    return tuple(
        VideoOutput(item["url"], item.get("cover_url"), item.get("watermarked_url"), REF, index)
        for index, item in enumerate(delivered)
    )


def test_vidu_outputs_are_pending_until_read_then_built_once() -> None:
    body = _vidu_body(1000)
    creation = _vidu.to_creation(REF, body)
    assert creation._pending is not None
    assert not _is_set(creation, "outputs")
    assert creation._output_count() == len(_expected(body))
    assert not _is_set(creation, "outputs")  # counting built nothing
    assert creation.outputs == _expected(body)
    assert creation.outputs is creation.outputs  # built once
    assert [o.index for o in creation.outputs] == list(range(len(creation.outputs)))


def test_a_pending_creation_behaves_as_a_built_one() -> None:
    body = _vidu_body(40)
    lazy, eager = _vidu.to_creation(REF, body), _vidu.to_creation(REF, body)
    eager_outputs = eager.outputs
    assert lazy == eager
    assert hash(_vidu.to_creation(REF, body)) == hash(eager)
    assert repr(_vidu.to_creation(REF, body)) == repr(eager)
    assert pickle.loads(pickle.dumps(_vidu.to_creation(REF, body))).outputs == eager_outputs  # noqa: S301 - our own
    assert copy.deepcopy(_vidu.to_creation(REF, body)).outputs == eager_outputs
    replaced = dataclasses.replace(_vidu.to_creation(REF, body), error_code="x")
    assert (replaced.outputs, replaced.error_code) == (eager_outputs, "x")
    assert _vidu.to_creation(REF, body).to_dict() == eager.to_dict()
    assert _fingerprint(_vidu.to_creation(REF, body)) == _fingerprint(eager)


def test_changing_the_payload_afterwards_changes_no_output() -> None:
    body = _vidu_body(10)
    expected = _expected(json.loads(json.dumps(body)))
    creation = _vidu.to_creation(REF, body)
    body["creations"][0]["url"] = 42
    body["creations"].clear()
    assert creation.outputs == expected


@pytest.mark.parametrize(
    ("item", "says"),
    [
        ("https://cdn.example/v.mp4", "creations[3] should be an object, got str"),
        ({"url": 7}, "creations[3].url should be a string or null, got int"),
        ({"url": "https://a/v.mp4", "cover_url": ["x"]}, "creations[3].cover_url should be a string or null, got list"),
        ({"url": "https://a/v.mp4", "watermarked_url": {}}, "creations[3].watermarked_url should be a string or null"),
        ({"url": None, "cover_url": 1.5}, "creations[3].cover_url should be a string or null, got float"),
    ],
)
def test_a_malformed_entry_fails_at_get_not_on_access(item: object, says: str) -> None:
    body = _vidu_body(6)
    body["creations"][3] = item
    with pytest.raises(genvideo.ResponseValidationError) as caught:
        _vidu.to_creation(REF, body)
    assert str(caught.value).startswith(f"vidu: {says}")


@pytest.mark.parametrize("count", [0, 1, EAGER_OUTPUTS])
def test_a_few_outputs_are_built_at_once(count: int) -> None:
    body = _vidu_body(count)
    creation = _vidu.to_creation(REF, body)
    assert creation._pending is None
    assert _is_set(creation, "outputs")
    assert creation.outputs == _expected(body)


def test_lone_surrogates_are_replaced_when_built() -> None:
    body = {"id": REF.id, "state": "success", "creations": [{"url": "https://a/\ud800.mp4", "cover_url": "\udfff"}]}
    (output,) = _vidu.to_creation(REF, body).outputs
    assert (output.url, output.cover_url) == ("https://a/\ufffd.mp4", "\ufffd")


def test_haiper_outputs_are_pending_checked_and_deduplicated() -> None:
    ref = CreationRef("haiper", "gen-1")
    value = {
        "generation_id": ref.id,
        "video_url": "https://cdn.example/a.mp4",
        "thumbnail_url": "https://cdn.example/a.jpg",
        "outputs": [
            {"media_url": "https://cdn.example/a.mp4", "thumbnail_url": "https://cdn.example/other.jpg"},
            {"media_url": "https://cdn.example/b.mp4"},
            {"media_url": None},
            {"media_url": "https://cdn.example/b.mp4", "thumbnail_url": "https://cdn.example/b2.jpg"},
            *({"media_url": f"https://cdn.example/m{i}.mp4"} for i in range(EAGER_OUTPUTS)),
        ],
    }
    status = {"value": {"generation_id": ref.id, "status": "succeed", "progress": 1}}
    creation = _haiper.to_creation(ref, status, {"value": value})
    assert not _is_set(creation, "outputs")
    assert creation._output_count() == 2 + EAGER_OUTPUTS
    assert creation.outputs[:3] == (
        VideoOutput("https://cdn.example/a.mp4", "https://cdn.example/a.jpg", None, ref, 0),
        VideoOutput("https://cdn.example/b.mp4", None, None, ref, 1),
        VideoOutput("https://cdn.example/m0.mp4", None, None, ref, 2),
    )
    assert len(creation.outputs) == 2 + EAGER_OUTPUTS
    value["outputs"] = [{"media_url": "https://cdn.example/c.mp4", "thumbnail_url": 3}]
    with pytest.raises(genvideo.ResponseValidationError, match=r"outputs\[0\]\.thumbnail_url should be a string"):
        _haiper.to_creation(ref, status, {"value": value})


def test_get_makes_a_pending_path_output_absolute_when_built() -> None:
    """The client resolves outputs the API serves itself (a path) against the spec's base URL: for
    pending outputs, when they are built, so that a plain ``get`` builds nothing."""
    more = [{"url": f"https://c/{i}"} for i in range(EAGER_OUTPUTS)]
    body = {"id": REF.id, "state": "success", "creations": [{"url": "/proxy/vidu/files/v.mp4"}, *more]}
    reply = Reply(200, json.dumps(body).encode(), (("Content-Type", "application/json"),))
    with ScriptedServer(lambda request: reply) as server:
        urls = spec_base_urls(server.base_url)
        with genvideo.Client(comfy_api_key="k", haiper_api_key="k", **urls) as client:
            creation = client.get(REF)
    assert not _is_set(creation, "outputs")
    assert [o.url for o in creation.outputs] == [f"{urls['comfy_base_url']}/proxy/vidu/files/v.mp4"] + [
        item["url"] for item in more
    ]
