"""Topaz Video AI (behind Comfy's proxy) against the sandbox: the four-step submit (create, accept, part PUTs to
signed URLs, complete-upload), every state word, refusals, retries of a cut part, and large uploads."""

from __future__ import annotations

import asyncio
import hashlib
import json
import resource
import tempfile
import time
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationRef, CreationState
from genvideo._providers import _topaz
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes._topaz import PARTS, PARTS_PER_UPLOAD, streamed_digest
from genvideo.testing._media import fake_video, free_box_header, sample_video
from tests.support.clients import make_async_client, make_client
from tests.support.faultservers import Reply, ScriptedServer

CREATE = "/comfy/proxy/topaz/video/"
PART_PREFIX = f"/comfy{PARTS}/"
GiB = 1024**3


def _parts(sandbox: Sandbox) -> list[tuple[int, str]]:
    return [streamed_digest(r) for r in sandbox.requests_for(PART_PREFIX)]


def _complete_body(sandbox: Sandbox) -> dict[str, object]:
    (request,) = [r for r in sandbox.requests if r.path.endswith("/complete-upload")]
    body = json.loads(request.body)
    assert isinstance(body, dict)
    return body


def _expected_parts(data: bytes) -> list[tuple[int, str]]:
    ranges = _topaz.part_ranges(len(data), PARTS_PER_UPLOAD)
    return [(n, hashlib.md5(data[o : o + n], usedforsecurity=False).hexdigest()) for o, n in ranges]


def test_create_uploads_in_parts_then_waits_and_downloads(sandbox: Sandbox, tmp_path: Path) -> None:
    video = sample_video()
    with make_client(sandbox) as client:
        ref = client.create("topaz", prompt=None, video=video, resolution=720)
        creation = client.wait(ref, poll_interval=0.01)
        path = client.download(creation, tmp_path / "up.mp4")
    assert (ref.provider, ref.scope) == ("topaz", ())
    (submission,) = sandbox.submissions
    assert submission.creation_id == ref.id
    assert submission.idempotency_key
    assert submission.body == {
        "source": {
            "container": "mp4",
            "size": 2125,
            "duration": 2.0,
            "frameCount": 20,
            "frameRate": 10.0,
            "resolution": {"width": 64, "height": 36},
        },
        "filters": [{"model": "prob-4"}],
        "output": {
            "audioCodec": "AAC",
            "audioTransfer": "Copy",
            "videoEncoder": "H264",
            "container": "mp4",
            "resolution": {"width": 1280, "height": 720},
            "frameRate": 10.0,
        },
    }
    methods = [
        (r.method, r.path.rsplit("/", 1)[-1]) for r in sandbox.requests if "/proxy/" in r.path or PARTS in r.path
    ]
    methods = [m for m in methods if m[1] != "status"]
    assert methods[:2] == [("POST", ""), ("PATCH", "accept")]
    assert methods[2:] == [("PUT", "part")] * PARTS_PER_UPLOAD + [("PATCH", "complete-upload")]
    assert _parts(sandbox) == _expected_parts(video)
    assert not any(r.sent_credentials for r in sandbox.requests_for(PART_PREFIX))
    etags = [f'"{md5}"' for _, md5 in _expected_parts(video)]
    assert _complete_body(sandbox) == {
        "uploadResults": [{"partNum": i, "eTag": etag} for i, etag in enumerate(etags, 1)]
    }
    assert creation.state is CreationState.SUCCEEDED
    assert creation.raw_state == "complete"
    assert creation.progress == 1.0
    assert [o.url for o in creation.outputs] == [creation.payload["download"]["url"]]
    assert creation.payload["download"]["expiresIn"] > 0
    assert creation.raw.status == "complete"
    assert path.read_bytes() == sandbox.video("topaz", ref.id)


@pytest.mark.http_backends
def test_async_create_from_a_file(sandbox: Sandbox, tmp_path: Path) -> None:
    data = fake_video("async", 100_000)
    path = tmp_path / "in.mp4"
    path.write_bytes(data)

    async def main() -> genvideo.Creation:
        async with make_async_client(sandbox) as client:
            ref = await client.create("topaz", prompt=None, video=path, model="ahq-12")
            return await client.wait(ref, poll_interval=0.01)

    creation = asyncio.run(main())
    assert creation.state is CreationState.SUCCEEDED
    assert sandbox.submissions[0].body["filters"] == [{"model": "ahq-12"}]
    assert _parts(sandbox) == _expected_parts(data)


@pytest.mark.parametrize(("word", "state"), sorted(registry().providers["topaz"].states.items()))
def test_every_state_word(sandbox: Sandbox, word: str, state: CreationState) -> None:
    sandbox.add_creation("topaz", "c1", states=[word])
    with make_client(sandbox) as client:
        creation = client.get(CreationRef("topaz", "c1"))
    assert (creation.state, creation.raw_state) == (state, word)


def test_the_mapping_is_on_purpose() -> None:
    states = registry().providers["topaz"].states
    assert {w for w, s in states.items() if s is CreationState.QUEUED} == {"requested", "accepted", "initializing"}
    assert {w for w, s in states.items() if s is CreationState.FAILED} == {"canceling", "canceled", "failed"}
    assert len(states) == 10


def test_an_unknown_word_is_unknown_keeping_it(sandbox: Sandbox) -> None:
    sandbox.add_creation("topaz", "c2", states=["paused"])
    with make_client(sandbox) as client:
        creation = client.get(CreationRef("topaz", "c2"))
    assert (creation.state, creation.raw_state) == (CreationState.UNKNOWN, "paused")


def test_a_failure_carries_its_message(sandbox: Sandbox) -> None:
    sandbox.add_creation("topaz", "c3", states=["failed"], failure_code="source unreadable")
    with make_client(sandbox) as client:
        creation = client.get(CreationRef("topaz", "c3"))
    assert creation.state is CreationState.FAILED
    assert (creation.error_code, creation.error_message) == ("failed", "source unreadable")
    assert creation.outputs == ()


def test_progress_is_read_on_0_to_100(sandbox: Sandbox) -> None:
    sandbox.add_creation("topaz", "c4", states=["processing"], progress=[42.0])
    with make_client(sandbox) as client:
        assert client.get(CreationRef("topaz", "c4")).progress == pytest.approx(0.42)


@pytest.mark.parametrize(
    ("arguments", "option"),
    [
        ({}, "video"),
        ({"video": sample_video(), "image": b"\x89PNG\r\n\x1a\n" + bytes(16)}, "image"),
        ({"video": sample_video(), "duration": 5}, "duration"),
        ({"video": sample_video(), "seed": 1}, "seed"),
        ({"video": sample_video(), "resolution": "big"}, "resolution"),
        ({"video": sample_video(), "fps": 60}, "fps"),
        ({"video": sample_video(), "output": {"videoEncoder": "MPEG1"}}, "video"),
        ({"video": b"\x1a\x45\xdf\xa3" + bytes(60)}, "video"),  # Matroska: its boxes cannot be read
        ({"video": sample_video(), "prompt": "sharper"}, "prompt"),  # no field for it: refused, not dropped
    ],
)
def test_refusals_come_before_any_request(sandbox: Sandbox, arguments: dict[str, object], option: str) -> None:
    with make_client(sandbox) as client, pytest.raises(genvideo.InvalidOption) as caught:
        client.create("topaz", **{"prompt": None, **arguments})  # type: ignore[arg-type]
    assert caught.value.option == option
    assert sandbox.requests == []


# -- a video URL: downloaded by the client, then uploaded ------------------------------------------------------


def _input_server(data: bytes) -> ScriptedServer:
    return ScriptedServer(lambda request: Reply(200, data, (("Content-Type", "video/mp4"), ("ETag", '"v1"'))))


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_url_video_is_downloaded_then_uploaded_and_the_copy_removed(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asynchronous: bool
) -> None:
    data = fake_video("topaz-url", 300_000)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the client's temporary folder goes
    with _input_server(data) as server:
        url = f"{server.base_url}/clips/in.mp4?X-Amz-Signature=s3cr3t"
        if asynchronous:

            async def main() -> CreationRef:
                async with make_async_client(sandbox) as client:
                    return await client.create("topaz", prompt=None, video=url)

            ref = asyncio.run(main())
        else:
            with make_client(sandbox) as client:
                ref = client.create("topaz", prompt=None, video=url)
        (fetch,) = server.requests
    assert fetch.target == "/clips/in.mp4?X-Amz-Signature=s3cr3t"  # byte for byte
    assert fetch.header("X-API-Key") is None  # no Comfy key to the video's host
    assert fetch.header("Authorization") is None
    assert sandbox.submissions[0].creation_id == ref.id
    assert sandbox.submissions[0].body["source"]["size"] == len(data)
    assert _parts(sandbox) == _expected_parts(data)
    assert list(tmp_path.iterdir()) == []  # the downloaded copy is gone


@pytest.mark.parametrize(("status", "body"), [(404, b"no such clip"), (200, b"<html>not a video</html>")])
def test_a_url_that_gives_no_video_submits_nothing(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int, body: bytes
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with (
        ScriptedServer(lambda request: Reply(status, body)) as server,
        make_client(sandbox) as client,
        pytest.raises(genvideo.GenvideoError) as caught,
    ):
        client.create("topaz", prompt=None, video=f"{server.base_url}/in.mp4")
    assert isinstance(caught.value, genvideo.DownloadError if status == 404 else genvideo.InvalidOption)
    assert sandbox.requests == []
    assert list(tmp_path.iterdir()) == []


def test_a_url_video_over_downloads_size_cap_is_refused_unread(sandbox: Sandbox) -> None:
    declared = 5 * GiB  # over download()'s default 4 GiB
    reply = Reply(200, sample_video(), (("Content-Type", "video/mp4"),), content_length=declared, close=True)
    with (
        ScriptedServer(lambda request: reply) as server,
        make_client(sandbox) as client,
        pytest.raises(genvideo.DownloadError, match="more than max_bytes=4294967296"),
    ):
        client.create("topaz", prompt=None, video=f"{server.base_url}/in.mp4")
    assert sandbox.requests == []


def test_source_given_whole_skips_the_box_reader(sandbox: Sandbox) -> None:
    data = b"\x1a\x45\xdf\xa3" + bytes(3000)  # Matroska
    source = {
        "container": "mkv",
        "size": len(data),
        "duration": 1.0,
        "frameCount": 24,
        "frameRate": 24.0,
        "resolution": {"width": 640, "height": 360},
    }
    with make_client(sandbox) as client:
        client.create("topaz", prompt=None, video=data, source=source, output={"frameRate": 60, "container": "mkv"})
    body = sandbox.submissions[0].body
    assert body["source"] == source
    assert body["output"]["frameRate"] == 60
    assert body["output"]["resolution"] == {"width": 640, "height": 360}


def test_a_cut_part_is_sent_again_from_its_start(sandbox: Sandbox) -> None:
    sandbox.add_fault(PART_PREFIX, Fault.reset())  # the first part's connection is cut after its body arrived
    video = fake_video("cut", 30_000)
    with make_client(sandbox) as client:
        ref = client.create("topaz", prompt=None, video=video)
    parts = _parts(sandbox)
    expected = _expected_parts(video)
    assert parts == [expected[0], *expected]
    results = _complete_body(sandbox)["uploadResults"]
    assert isinstance(results, list)
    assert [r["eTag"] for r in results] == [f'"{m}"' for _, m in expected]
    assert ref.provider == "topaz"


def test_a_refused_part_is_an_upload_error_naming_it_and_nothing_is_completed(sandbox: Sandbox) -> None:
    sandbox.add_fault(PART_PREFIX, Fault.status(200, body=b"", times=1))  # part 1 fine (but no ETag), ...
    sandbox.clear_requests()
    with make_client(sandbox, max_retries=0) as client, pytest.raises(genvideo.UploadError) as caught:
        client.create("topaz", prompt=None, video=sample_video())
    assert caught.value.what == "video part 1 of 3"
    assert "ETag" in str(caught.value)
    assert not [r for r in sandbox.requests if r.path.endswith("/complete-upload")]


def test_a_403_on_a_part_is_an_upload_error(sandbox: Sandbox) -> None:
    video = sample_video()
    with make_client(sandbox, max_retries=0) as client:
        sandbox.add_fault(PART_PREFIX, Fault.reset(), Fault.status(403, times=5))
        with pytest.raises(genvideo.UploadError) as caught:
            client.create("topaz", prompt=None, video=video)
    assert caught.value.what == "video part 1 of 3"
    assert len(sandbox.submissions) == 1  # the create: it stays at Topaz, never completed nor processed
    assert not [r for r in sandbox.requests if r.path.endswith("/complete-upload")]


def test_parts_split_evenly() -> None:
    assert _topaz.part_ranges(10, 3) == [(0, 4), (4, 4), (8, 2)]
    assert _topaz.part_ranges(9, 3) == [(0, 3), (3, 3), (6, 3)]
    assert _topaz.part_ranges(5, 1) == [(0, 5)]


def _sparse_video(path: Path, size: int) -> None:
    """The sample MP4 then a `free` box filling it to `size` bytes, sparse on disk: a playable video whose
    padding is never written (nor held in memory)."""
    with path.open("wb") as file:
        file.write(sample_video() + free_box_header(size - len(sample_video())))
        file.truncate(size)


def _big_upload(sandbox: Sandbox, tmp_path: Path, size: int, use_async: bool) -> float:
    path = tmp_path / "big.mp4"
    _sparse_video(path, size)
    start = time.perf_counter()
    if use_async:

        async def main() -> CreationRef:
            async with make_async_client(sandbox, timeout=120.0) as client:
                return await client.create("topaz", prompt=None, video=path)

        asyncio.run(main())
    else:
        with make_client(sandbox, timeout=120.0) as client:
            client.create("topaz", prompt=None, video=path)
    elapsed = time.perf_counter() - start
    parts = _parts(sandbox)
    assert [n for n, _ in parts] == [n for _, n in _topaz.part_ranges(size, PARTS_PER_UPLOAD)]
    return elapsed


@pytest.mark.http_backends
@pytest.mark.parametrize("use_async", [False, True])
def test_a_multi_megabyte_upload_streams_through(sandbox: Sandbox, tmp_path: Path, use_async: bool) -> None:
    _big_upload(sandbox, tmp_path, 24 * 1024 * 1024, use_async)


@pytest.mark.slow
@pytest.mark.parametrize("use_async", [False, True])
def test_a_1_gb_upload_streams_without_holding_it(sandbox: Sandbox, tmp_path: Path, use_async: bool) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _big_upload(sandbox, tmp_path, GiB, use_async)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 64, f"peak RSS grew by {grown_mb:.0f} MB"
    assert (tmp_path / "big.mp4").stat().st_size == GiB
