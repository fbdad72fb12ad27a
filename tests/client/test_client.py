"""genvideo.Client against the local sandbox: lookups, waiting, retries, auth, errors."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationState
from genvideo.testing import Fault, Sandbox
from tests.support.clients import COMFY_KEY, make_client

VIDU_ID = "902581991298326528"


def test_get_vidu_normalises_the_creation(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", VIDU_ID, states=["success"], outputs=2)
    creation = client.get(f"vidu:{VIDU_ID}")
    assert creation.ref == genvideo.CreationRef("vidu", VIDU_ID)
    assert (creation.provider, creation.id) == ("vidu", VIDU_ID)
    assert creation.state is CreationState.SUCCEEDED
    assert creation.raw_state == "success"
    assert creation.progress == 1.0
    assert len(creation.outputs) == 2
    assert [o.index for o in creation.outputs] == [0, 1]
    assert all(o.url.startswith(sandbox.base_url + "/cdn/") and o.cover_url for o in creation.outputs)
    assert creation.error_code is None
    from genvideo_comfy_client.models import ViduGetCreationsReply

    assert isinstance(creation.raw, ViduGetCreationsReply)
    assert creation.raw.creations[0].url == creation.outputs[0].url  # type: ignore[index]
    assert creation.payload["credits"] == 4


def test_no_unset_sentinel_leaks(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("haiper", "h1", states=["succeed"])
    creation = client.get("haiper:h1")
    for name in ("state", "raw_state", "progress", "outputs", "error_code", "created_at", "updated_at"):
        assert "Unset" not in type(getattr(creation, name)).__name__
    assert creation.created_at is not None
    assert creation.created_at.tzinfo is not None
    assert "Unset" not in repr(creation)


def test_vidu_progress_is_a_fraction(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "1", states=["processing"], progress=[37])
    creation = client.get("vidu:1")
    assert creation.state is CreationState.PROCESSING
    assert creation.progress == pytest.approx(0.37)
    assert creation.outputs == ()


def test_haiper_asks_for_the_detail_only_once_succeeded(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("haiper", "h2", states=["processing", "succeed"], progress=[0.25, 1.0])
    first = client.get("haiper:h2")
    assert first.state is CreationState.PROCESSING
    assert first.progress == 0.25
    detail_path = sandbox.fault_path("haiper", "h2", "detail")
    assert sandbox.requests_for(detail_path) == []
    second = client.get("haiper:h2")
    assert second.state is CreationState.SUCCEEDED
    assert len(sandbox.requests_for(detail_path)) == 1
    assert second.outputs
    assert second.outputs[0].url.startswith(sandbox.base_url)
    assert isinstance(second.raw, genvideo.HaiperRaw)
    assert second.raw.detail is not None
    assert second.raw.status.value.status == "succeed"


def test_unknown_state_is_kept_not_raised(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "u1", states=["scheduled"])
    creation = client.get("vidu:u1")
    assert creation.state is CreationState.UNKNOWN
    assert creation.raw_state == "scheduled"
    assert not creation.state.is_terminal


def test_one_connection_is_reused(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "c1", states=["processing"])
    for _ in range(5):
        client.get("vidu:c1")
    assert len(sandbox.requests) == 5
    assert len(sandbox.connections()) == 1


# -- waiting ---------------------------------------------------------------------------------------


def test_wait_reports_every_poll_and_returns_the_finished_creation(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", VIDU_ID, states=["created", "queueing", "processing", "processing", "success"])
    seen: list[tuple[CreationState, str | None]] = []
    creation = client.wait(
        f"vidu:{VIDU_ID}", poll_interval=0.01, on_progress=lambda c: seen.append((c.state, c.raw_state))
    )
    assert creation.state is CreationState.SUCCEEDED
    assert seen == [
        (CreationState.QUEUED, "created"),
        (CreationState.QUEUED, "queueing"),
        (CreationState.PROCESSING, "processing"),
        (CreationState.PROCESSING, "processing"),
        (CreationState.SUCCEEDED, "success"),
    ]


def test_watch_yields_changes_only(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation(
        "haiper",
        "w1",
        states=["pending", "pending", "processing", "processing", "post_processing", "succeed"],
        progress=[0, 0, 0.5, 0.5, 0.9, 1.0],
    )
    states = [(c.raw_state, c.progress) for c in client.watch("haiper:w1", poll_interval=0.01)]
    assert states == [("pending", 0.0), ("processing", 0.5), ("post_processing", 0.9), ("succeed", 1.0)]


def test_wait_raises_creation_failed_with_the_creation(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "f1", states=["processing", "failed"], failure_code="CreationPolicyViolation")
    with pytest.raises(genvideo.CreationFailed) as info:
        client.wait("vidu:f1", poll_interval=0.01)
    assert info.value.creation.state is CreationState.FAILED
    assert info.value.creation.error_code == "CreationPolicyViolation"
    assert "CreationPolicyViolation" in str(info.value)


def test_success_without_output_is_a_failure_to_deliver(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "e1", states=["success"], outputs=0)
    with pytest.raises(genvideo.CreationFailed, match="no output") as info:
        client.wait("vidu:e1", poll_interval=0.01)
    assert info.value.creation.state is CreationState.SUCCEEDED


def test_wait_times_out_with_the_last_snapshot(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "t1", states=["processing"], progress=[40])
    started = time.monotonic()
    with pytest.raises(genvideo.WaitTimeout) as info:
        client.wait("vidu:t1", timeout=0.5, poll_interval=0.05)
    elapsed = time.monotonic() - started
    assert 0.5 <= elapsed < 1.0
    assert info.value.creation is not None
    assert info.value.creation.progress == pytest.approx(0.4)
    assert info.value.polls >= 3


def test_wait_keeps_polling_an_unknown_state(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "u2", states=["scheduled", "scheduled", "brand_new_state", "success"])
    seen: list[str | None] = []
    creation = client.wait("vidu:u2", poll_interval=0.01, on_progress=lambda c: seen.append(c.raw_state))
    assert creation.state is CreationState.SUCCEEDED
    assert seen == ["scheduled", "scheduled", "brand_new_state", "success"]


def test_wait_never_sleeps_past_its_deadline(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "d1", states=["processing"])
    started = time.monotonic()
    with pytest.raises(genvideo.WaitTimeout):
        client.wait("vidu:d1", timeout=0.3, poll_interval=30)
    assert time.monotonic() - started < 0.6


def test_wait_rides_out_transient_errors(sandbox: Sandbox, client: genvideo.Client) -> None:
    now = {"Retry-After": "0"}
    faults = [Fault.status(503, headers=now, times=3), Fault.status(502, body=b"<html>bad</html>", headers=now)]
    sandbox.add_creation("vidu", "r1", states=["processing", "success"], faults=faults)
    with make_client(sandbox, max_retries=0) as c:
        creation = c.wait("vidu:r1", poll_interval=0.01)
    assert creation.state is CreationState.SUCCEEDED
    assert len(sandbox.requests) == 6


def test_wait_gives_up_on_errors_waiting_cannot_fix(sandbox: Sandbox) -> None:
    with make_client(sandbox, comfy_api_key="wrong") as c, pytest.raises(genvideo.AuthenticationError):
        c.wait("vidu:x", poll_interval=0.01)
    assert len(sandbox.requests) == 1


# -- retries -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504, 520])
def test_retryable_statuses_are_retried(sandbox: Sandbox, client: genvideo.Client, status: int) -> None:
    sandbox.add_creation("vidu", "s1", states=["success"], faults=[Fault.status(status, headers={"Retry-After": "0"})])
    assert client.get("vidu:s1").state is CreationState.SUCCEEDED
    assert len(sandbox.requests) == 2


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, genvideo.APIStatusError),
        (401, genvideo.AuthenticationError),
        (403, genvideo.AuthenticationError),
        (404, genvideo.NotFoundError),
        (409, genvideo.APIStatusError),
    ],
)
def test_client_errors_are_not_retried(
    sandbox: Sandbox, client: genvideo.Client, status: int, error: type[Exception]
) -> None:
    body = b'{"error": "some_code", "message": "explained", "details": ["one", "two"]}'
    sandbox.add_creation("vidu", "s2", faults=[Fault.status(status, body=body, content_type="application/json")])
    with pytest.raises(error) as info:
        client.get("vidu:s2")
    assert type(info.value) is error
    assert info.value.status_code == status  # type: ignore[attr-defined]
    assert info.value.provider == "vidu"  # type: ignore[attr-defined]
    assert "explained" in str(info.value)
    assert info.value.details == ("one", "two")  # type: ignore[attr-defined]
    assert info.value.error_code == "some_code"  # type: ignore[attr-defined]
    assert len(sandbox.requests) == 1


def test_retries_stop_after_max_retries(sandbox: Sandbox) -> None:
    page = b"<html><body><h1>500 Internal Server Error</h1></body></html>"
    sandbox.add_creation("vidu", "s3", faults=[Fault.status(500, body=page, times=10)])
    with make_client(sandbox, max_retries=2) as c, pytest.raises(genvideo.ServerError) as info:
        c.get("vidu:s3")
    assert len(sandbox.requests) == 3
    assert info.value.status_code == 500
    assert "500 Internal Server Error" in str(info.value)
    assert "<h1>" not in str(info.value)


def test_retry_after_is_honoured(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "s4", states=["success"], faults=[Fault.status(429, headers={"Retry-After": "1"})])
    started = time.monotonic()
    client.get("vidu:s4")
    assert time.monotonic() - started >= 1.0
    assert len(sandbox.requests) == 2


def test_a_long_retry_after_is_raised_at_once(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "s5", faults=[Fault.status(429, headers={"Retry-After": "3600"})])
    started = time.monotonic()
    with pytest.raises(genvideo.RateLimitError) as info:
        client.get("vidu:s5")
    assert time.monotonic() - started < 0.5
    assert info.value.retry_after == 3600.0
    assert len(sandbox.requests) == 1


def test_timeouts_are_typed_and_retried(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "s6", states=["success"], faults=[Fault.delay(2.0)])
    with make_client(sandbox, timeout=0.3) as c:
        assert c.get("vidu:s6").state is CreationState.SUCCEEDED
    assert len(sandbox.requests) == 2
    sandbox.add_creation("vidu", "s7", faults=[Fault.delay(2.0, times=5)])
    with make_client(sandbox, timeout=0.2, max_retries=1) as c, pytest.raises(genvideo.APITimeoutError):
        c.get("vidu:s7")


def test_connection_refused_is_a_connection_error() -> None:
    with (
        genvideo.Client(comfy_api_key="k", comfy_base_url="http://127.0.0.1:9", max_retries=1) as c,
        pytest.raises(genvideo.APIConnectionError) as info,
    ):
        c.get("vidu:1")
    assert not isinstance(info.value, genvideo.APITimeoutError)


@pytest.mark.parametrize(
    "fault",
    [
        Fault.body(b"<html>maintenance</html>", content_type="text/html"),
        Fault.body(b""),
        Fault.body(b'{"state": "succ'),
        Fault.body(b'["a", "list"]'),
        Fault.body(b'{"state": 3}'),
        Fault.body(b'{"state": "success", "creations": "nope"}'),
        Fault.body(b'{"state": "success", "creations": [null]}'),
        Fault.body(b'{"state": "success", "creations": [{"url": 5}]}'),
        Fault.body(b"\xff\xfe\xfa"),
    ],
)
def test_bodies_that_break_the_spec_are_validation_errors(
    sandbox: Sandbox, client: genvideo.Client, fault: Fault
) -> None:
    sandbox.add_creation("vidu", "v1", faults=[fault])
    with pytest.raises(genvideo.ResponseValidationError) as info:
        client.get("vidu:v1")
    assert info.value.provider == "vidu"
    assert len(sandbox.requests) == 1


def test_nulls_everywhere_are_tolerated(sandbox: Sandbox, client: genvideo.Client) -> None:
    body = b'{"state": null, "err_code": null, "creations": null, "id": null, "progress": null}'
    sandbox.add_creation("vidu", "n1", faults=[Fault.body(body)])
    creation = client.get("vidu:n1")
    assert creation.state is CreationState.UNKNOWN
    assert (creation.raw_state, creation.progress, creation.outputs, creation.error_code) == (None, None, (), None)
    assert creation.raw.creations is None


def test_redirects_are_not_followed(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "x1", faults=[Fault.redirect("http://127.0.0.1:9/elsewhere")])
    with pytest.raises(genvideo.APIStatusError, match="redirect") as info:
        client.get("vidu:x1")
    assert info.value.status_code == 302
    assert len(sandbox.requests) == 1


# -- auth and configuration ---------------------------------------------------------------------------


def test_comfy_api_key_goes_in_x_api_key(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "a1", states=["success"])
    client.get("vidu:a1")
    (request,) = sandbox.requests
    assert request.header("X-API-Key") == COMFY_KEY
    assert request.header("Authorization") is None


def test_comfy_auth_token_goes_in_bearer(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "a2", states=["success"])
    with make_client(sandbox, comfy_api_key=None, comfy_auth_token="sandbox-comfy-token") as c:
        c.get("vidu:a2")
    assert sandbox.requests[0].header("Authorization") == "Bearer sandbox-comfy-token"
    assert sandbox.requests[0].header("X-API-Key") is None


def test_keys_and_base_urls_come_from_the_environment(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in sandbox.env().items():
        monkeypatch.setenv(name, value)
    sandbox.add_creation("haiper", "a3", states=["succeed"])
    with genvideo.Client() as c:
        assert c.get("haiper:a3").state is CreationState.SUCCEEDED
    assert sandbox.requests[0].header("Authorization") == "Bearer sandbox-haiper-key"


def test_missing_credentials_raise_when_called_not_before(sandbox: Sandbox) -> None:
    with (
        genvideo.Client(comfy_api_key=COMFY_KEY, comfy_base_url=sandbox.comfy_base_url) as c,
        pytest.raises(genvideo.MissingCredentials, match="HAIPER_API_KEY"),
    ):
        c.get("haiper:abc")
    assert sandbox.requests == []


def test_wrong_key_is_an_authentication_error(sandbox: Sandbox) -> None:
    sandbox.add_creation("haiper", "a4")
    with make_client(sandbox, haiper_api_key="nope") as c, pytest.raises(genvideo.AuthenticationError) as info:
        c.get("haiper:a4")
    assert info.value.status_code == 401
    assert "nope" not in str(info.value)


@pytest.mark.parametrize(
    "url", ["http://example.com", "http://10.0.0.1:8080", "ftp://127.0.0.1", "api.comfy.org", "http://127.0.0.1.nip.io"]
)
def test_credentials_never_go_over_plain_http_to_another_host(url: str) -> None:
    with pytest.raises(genvideo.ConfigurationError):
        genvideo.Client(comfy_api_key="k", comfy_base_url=url)


@pytest.mark.parametrize(
    "url", ["https://api.comfy.org", "http://127.0.0.1:8000", "http://localhost", "http://[::1]:1"]
)
def test_https_and_loopback_are_accepted(url: str) -> None:
    genvideo.Client(comfy_api_key="k", comfy_base_url=url).close()


def test_invalid_ref_fails_before_any_request(sandbox: Sandbox, client: genvideo.Client) -> None:
    for ref in ("vidu:..", "vidu:a/b", "haiper:", "nope:1"):
        with pytest.raises(genvideo.InvalidCreationRef):
            client.get(ref)
    assert sandbox.requests == []


def test_the_request_path_is_exactly_the_id(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "A-b_c.d~9", states=["success"])
    client.get("vidu:A-b_c.d~9")
    assert sandbox.requests[0].target == "/comfy/proxy/vidu/tasks/A-b_c.d~9/creations"


def test_client_repr_shows_no_secret(sandbox: Sandbox) -> None:
    with make_client(sandbox, comfy_api_key="marker-comfy-123", haiper_api_key="marker-haiper-456") as c:
        text = repr(c) + str(c)
    assert "marker" not in text
    assert sandbox.comfy_base_url in text


def test_timeout_is_always_set() -> None:
    with genvideo.Client(comfy_api_key="k") as c:
        assert c._http.timeout.read is not None
        assert c._http.timeout.connect is not None


# -- downloads -----------------------------------------------------------------------------------------


def test_download_streams_the_exact_bytes(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl1", states=["success"], video_size=300_000)
    creation = client.get("vidu:dl1")
    progress: list[tuple[int, int | None]] = []
    path = client.download(creation, tmp_path / "v.mp4", on_progress=lambda d, t: progress.append((d, t)))
    assert path == tmp_path / "v.mp4"
    assert path.read_bytes() == sandbox.video("vidu", "dl1")
    assert progress[-1] == (300_000, 300_000)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.mp4"]
    cdn = sandbox.requests_for("/cdn/")
    assert cdn
    assert not any(r.sent_credentials for r in cdn)
    assert cdn[0].target == creation.outputs[0].url.removeprefix(sandbox.base_url)


def test_download_into_a_folder(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("haiper", "dl2", states=["succeed"])
    path = client.download(client.get("haiper:dl2").outputs[0], tmp_path)
    assert path.parent == tmp_path
    assert path.read_bytes() == sandbox.video("haiper", "dl2")


def test_download_that_stops_short_leaves_nothing(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl3", states=["success"], download_faults=[Fault.cut_download(0.5, times=5)])
    with make_client(sandbox, max_retries=1) as c:
        creation = c.get("vidu:dl3")
        with pytest.raises(genvideo.DownloadError) as info:
            c.download(creation, tmp_path / "v.mp4")
    assert list(tmp_path.iterdir()) == []
    assert info.value.bytes_expected == len(sandbox.video("vidu", "dl3"))


def test_download_resumes_with_range(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation(
        "vidu", "dl4", states=["success"], video_size=200_000, download_faults=[Fault.cut_download(0.5)]
    )
    path = client.download(client.get("vidu:dl4"), tmp_path / "v.mp4")
    assert path.read_bytes() == sandbox.video("vidu", "dl4")
    second = sandbox.requests_for("/cdn/")[1]
    assert second.header("Range") is not None
    assert second.header("Range").startswith("bytes=")  # type: ignore[union-attr]
    assert second.header("Range") != "bytes=0-"


def test_expired_link_is_refreshed_once(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl5", states=["success"])
    creation = client.get("vidu:dl5")
    sandbox.expire_urls("vidu", "dl5")
    path = client.download(creation, tmp_path / "v.mp4")
    assert path.read_bytes() == sandbox.video("vidu", "dl5")
    statuses = [r.target for r in sandbox.requests_for("/cdn/")]
    assert len(statuses) == 2
    assert statuses[0] != statuses[1]


def test_expired_twice_is_a_download_error(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl6", states=["success"], download_faults=[Fault.status(403, times=5)])
    with pytest.raises(genvideo.DownloadError) as info:
        client.download(client.get("vidu:dl6"), tmp_path / "v.mp4")
    assert info.value.status_code == 403
    assert list(tmp_path.iterdir()) == []


def test_download_of_a_creation_without_outputs(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl7", states=["processing"])
    with pytest.raises(genvideo.DownloadError, match="no output"):
        client.download(client.get("vidu:dl7"), tmp_path / "v.mp4")


def test_signed_url_is_sent_byte_exact(sandbox: Sandbox, client: genvideo.Client, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "dl8", states=["success"])
    output = client.get("vidu:dl8").outputs[0]
    assert ";" in output.url
    reencoded = genvideo.VideoOutput(output.url.replace(";", "%3B"))
    with pytest.raises(genvideo.DownloadError) as info:
        client.download(reencoded, tmp_path / "x.mp4")
    assert info.value.status_code == 403  # the signature covers the exact bytes
    client.download(output, tmp_path / "v.mp4")


def test_output_repr_hides_the_signature(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("vidu", "dl9", states=["success"])
    creation = client.get("vidu:dl9")
    assert "Signature" not in repr(creation.outputs[0])
    assert "Signature" not in repr(creation)
    assert "Signature" in creation.outputs[0].url


def test_httpx_log_lines_do_not_carry_signed_queries(
    sandbox: Sandbox, client: genvideo.Client, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox.add_creation("vidu", "dl10", states=["success"])
    creation = client.get("vidu:dl10")
    with caplog.at_level("DEBUG"):
        client.download(creation, tmp_path / "v.mp4")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "/cdn/" in text  # httpx did log the request
    assert "Signature=" not in text


def test_haiper_detail_without_value_is_a_success_without_output(sandbox: Sandbox, client: genvideo.Client) -> None:
    sandbox.add_creation("haiper", "nv", states=["succeed"])
    sandbox.add_fault(sandbox.fault_path("haiper", "nv", "detail"), Fault.body(b'{"status": "success", "value": null}'))
    with pytest.raises(genvideo.CreationFailed, match="no output") as info:
        client.wait("haiper:nv", poll_interval=0.01)
    assert info.value.creation.outputs == ()
    assert info.value.creation.payload["detail"] == {"status": "success", "value": None}


def test_the_happy_path_logs_nothing_at_info(
    sandbox: Sandbox, client: genvideo.Client, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox.add_creation("vidu", "quiet", states=["queueing", "processing", "success"])
    with caplog.at_level("DEBUG", logger="genvideo"):
        client.download(client.wait("vidu:quiet", poll_interval=0.01), tmp_path / "v.mp4")
    mine = [r for r in caplog.records if r.name.startswith("genvideo")]
    assert mine  # it does log, at DEBUG
    assert all(r.levelno < logging.INFO for r in mine)
    sandbox.add_creation("vidu", "bumpy", states=["success"], faults=[Fault.status(503, headers={"Retry-After": "0"})])
    with caplog.at_level("INFO", logger="genvideo"):
        client.get("vidu:bumpy")
    assert any(r.levelno == logging.INFO and "retrying" in r.getMessage() for r in caplog.records)
