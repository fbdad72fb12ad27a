"""``DownloadJob`` decides every step of a download and returns it (the clients only pump): read the
body, send again at once, refresh the link, wait then retry, or done. Driven here without any I/O."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

import genvideo
from genvideo._download import DownloadJob, Step, Wait

URL = "https://cdn.example.com/v/1.mp4?sig=s3cret"


def _job(tmp_path: Path, *, ref: bool = True, max_retries: int = 2) -> DownloadJob:
    output = genvideo.VideoOutput(url=URL, ref=genvideo.CreationRef("vidu", "t1") if ref else None)
    return DownloadJob(output, tmp_path / "video.mp4", None, max_retries)


def _answer(status: int, headers: dict[str, str] | None = None, url: str = URL) -> httpx.Response:
    """A streamed answer whose body has not been read (as the clients see it before start())."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(b""), request=httpx.Request("GET", url))


def _succeeded(ref: genvideo.CreationRef, output: genvideo.VideoOutput) -> genvideo.Creation:
    state = genvideo.CreationState.SUCCEEDED
    return genvideo.Creation(ref, state, "success", 1.0, (output,), None, None, None, {}, lambda payload: payload)


def test_a_redirect_is_sent_again_at_once_to_the_next_hop(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(302, {"location": "/elsewhere.mp4"})) is Step.SEND
        assert job.url == "https://cdn.example.com/elsewhere.mp4"


@pytest.mark.parametrize("status", [401, 403, 410])
def test_an_expired_link_is_refreshed_once_and_then_refused(tmp_path: Path, status: int) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(status)) is Step.REFRESH
        assert job.ref == genvideo.CreationRef("vidu", "t1")
        fresh = genvideo.VideoOutput(url="https://cdn.example.com/v/1.mp4?sig=new")
        job.refreshed(_succeeded(job.ref, fresh))
        assert job.url == fresh.url
        with pytest.raises(genvideo.DownloadError, match=f"HTTP {status}"):
            job.start(_answer(status, url=fresh.url))


def test_an_output_without_a_creation_is_not_refreshed(tmp_path: Path) -> None:
    with _job(tmp_path, ref=False) as job, pytest.raises(genvideo.DownloadError, match="HTTP 403"):
        job.start(_answer(403))


def test_a_failed_refresh_ends_the_download(tmp_path: Path) -> None:
    failure = genvideo.ServerError("vidu: HTTP 503", provider="vidu", status_code=503)
    with (
        _job(tmp_path) as job,
        pytest.raises(genvideo.DownloadError, match="refreshing it failed") as info,
        job.refreshing(),
    ):
        raise failure
    assert info.value.__cause__ is failure


def test_a_retryable_status_waits_as_long_as_the_server_asks_until_retries_run_out(tmp_path: Path) -> None:
    with _job(tmp_path, max_retries=1) as job:
        assert job.start(_answer(503, {"retry-after": "2"})) == Wait(2.0)
        with pytest.raises(genvideo.DownloadError, match="failed after 2 attempts: HTTP 503") as info:
            job.start(_answer(503, {"retry-after": "2"}))
    assert info.value.status_code == 503


def test_an_httpx_failure_waits_then_ends_the_download_out_of_retries(tmp_path: Path) -> None:
    cut = httpx.RemoteProtocolError("peer closed connection")
    with _job(tmp_path, max_retries=1) as job:
        step = job.failed(cut)
        assert isinstance(step, Wait)
        assert 0 < step.seconds <= genvideo._constants.MAX_RETRY_DELAY
        with pytest.raises(genvideo.DownloadError, match="RemoteProtocolError") as info:
            job.failed(cut)
    assert info.value.__cause__ is cut


def test_a_url_httpx_refuses_ends_the_download(tmp_path: Path) -> None:
    with _job(tmp_path) as job, pytest.raises(genvideo.DownloadError, match="unusable URL"):
        job.failed(httpx.InvalidURL("no scheme"))


def test_a_body_is_read_then_complete_asks_for_the_rest_of_a_short_range(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(200, {"content-length": "4", "etag": '"v1"'})) is Step.BODY
        assert job.write(b"abcd") is Step.BODY
        assert job.complete() is Step.DONE
        assert job.finish().read_bytes() == b"abcd"


def test_a_cut_body_waits_and_resumes_where_it_stopped(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(200, {"content-length": "8", "etag": '"v1"'})) is Step.BODY
        assert job.write(b"abcd") is Step.BODY
        assert isinstance(job.complete(), Wait)
        assert job.headers()["Range"] == "bytes=4-"
        partial = {"content-range": "bytes 4-5/8", "content-length": "2", "etag": '"v1"'}
        assert job.start(_answer(206, partial)) is Step.BODY
        assert job.write(b"ef") is Step.BODY
        assert job.complete() is Step.SEND  # a shorter range than asked: the rest next
        rest = {"content-range": "bytes 6-7/8", "content-length": "2", "etag": '"v1"'}
        assert job.start(_answer(206, rest)) is Step.BODY
        assert job.write(b"gh") is Step.BODY
        assert job.complete() is Step.DONE
        assert job.finish().read_bytes() == b"abcdefgh"


def test_a_changed_object_restarts_from_byte_zero(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(200, {"content-length": "8", "etag": '"v1"'})) is Step.BODY
        assert job.write(b"abcd") is Step.BODY
        assert isinstance(job.complete(), Wait)
        changed = {"content-range": "bytes 4-7/8", "content-length": "4", "etag": '"v2"'}
        assert job.start(_answer(206, changed)) is Step.SEND
        assert "Range" not in job.headers()


def test_a_corrupt_encoded_body_stops_the_attempt(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(200, {"content-encoding": "gzip"})) is Step.BODY
        assert isinstance(job.write(b"not gzip at all"), Wait)


def test_a_body_without_a_length_is_probed_before_it_counts(tmp_path: Path) -> None:
    with _job(tmp_path) as job:
        assert job.start(_answer(200, {"etag": '"v1"'})) is Step.BODY
        assert job.write(b"abcd") is Step.BODY
        assert job.complete() is Step.SEND  # ended by the connection closing: ask how long it is
        assert job.start(_answer(416, {"content-range": "bytes */4", "etag": '"v1"'})) is Step.DONE
        assert job.finish().read_bytes() == b"abcd"


def test_a_body_already_in_memory_is_stored_by_start(tmp_path: Path) -> None:
    answer = httpx.Response(200, content=b"abcd", request=httpx.Request("GET", URL))
    with _job(tmp_path) as job:
        assert job.start(answer) is Step.DONE
        assert job.finish().read_bytes() == b"abcd"
