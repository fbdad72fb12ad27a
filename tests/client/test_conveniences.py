"""Small conveniences: GENVIDEO_LOG, the CLI's -q/-v, Client(transport=...), documented constructors."""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import os
import pydoc
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import _constants as C
from genvideo._cli import main
from genvideo._logging import stderr_logging
from genvideo._progress import ProgressReporter
from genvideo.testing import Fault, Sandbox

KEY = "gv-marker-key-5c1e9a77"  # a credential that must never be printed
PARAMS = [
    "comfy_api_key",
    "comfy_auth_token",
    "haiper_api_key",
    "comfy_base_url",
    "haiper_base_url",
    "timeout",
    "max_retries",
    "transport",
    "typical_durations",
    "http_backend",
]


def clean_env(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("COMFY_", "HAIPER_", "GENVIDEO_"))}
    return {**base, **extra}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "genvideo", *args],
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


# A sandbox whose 503 echoes the key in a header (httpcore logs response headers at DEBUG), then a
# lookup and a download of a signed URL; stdout gets the signed query, stderr whatever is logged.
LOOKUP_AND_DOWNLOAD = f"""
    import logging, sys, tempfile
    from urllib.parse import urlsplit
    from genvideo.testing import Fault, Sandbox

    with Sandbox(comfy_api_key={KEY!r}) as sb:
        sb.add_creation("vidu", "1", states=["success"], faults=[Fault.status(503, headers={{"X-Echo": {KEY!r}}})])
        for _ in range(3):  # more clients: still one handler
            with sb.client(timeout=5.0) as client:
                creation = client.get("vidu:1")
        with sb.client(timeout=5.0) as client:
            client.download(creation, tempfile.mkdtemp())
        print(urlsplit(creation.outputs[0].url).query)
        print(len(logging.getLogger().handlers), len(logging.getLogger("httpx").handlers))
"""


def test_genvideo_log_debug_prints_redacted_debug_lines() -> None:
    result = run_python(LOOKUP_AND_DOWNLOAD, GENVIDEO_LOG="debug")
    assert result.returncode == 0, result.stderr
    query, handlers = result.stdout.splitlines()
    err = result.stderr
    assert "DEBUG genvideo] vidu: GET /comfy/proxy/vidu/tasks/1/creations -> 200" in err
    assert "DEBUG httpcore.http11] receive_response_headers" in err
    assert "INFO httpx] HTTP Request: GET" in err
    assert "X-Echo" in err  # the echoing header was logged...
    assert KEY not in err  # ...with the key masked
    assert "***" in err
    assert "/cdn/vidu/1/" in err  # the download was logged...
    assert query
    assert query not in err  # ...without its signed query
    assert handlers == "0 1"  # the root logger is untouched; one handler on httpx
    # One handler, whatever the number of clients: every request is printed once.
    lookups = [line for line in err.splitlines() if "INFO httpx] HTTP Request: GET" in line and "/tasks/1/" in line]
    assert len(lookups) == 4  # a 503 and its retry, then two more clients' lookups


def test_genvideo_log_is_case_insensitive_and_info_is_quieter() -> None:
    result = run_python(LOOKUP_AND_DOWNLOAD, GENVIDEO_LOG="Info")
    assert result.returncode == 0, result.stderr
    assert "INFO httpx] HTTP Request: GET" in result.stderr
    assert "DEBUG" not in result.stderr
    assert KEY not in result.stderr
    assert result.stdout.splitlines()[0] not in result.stderr


@pytest.mark.parametrize("value", [None, ""])
def test_without_genvideo_log_nothing_is_printed(value: str | None) -> None:
    env = {} if value is None else {"GENVIDEO_LOG": value}
    result = run_python(LOOKUP_AND_DOWNLOAD, **env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[1] == "0 0"


def test_another_genvideo_log_value_is_ignored_with_one_warning() -> None:
    result = run_python(LOOKUP_AND_DOWNLOAD, GENVIDEO_LOG="verbose")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["GENVIDEO_LOG='verbose' is ignored: expected debug or info"]


def test_the_stderr_handler_redacts_what_no_logger_filter_saw(capsys: pytest.CaptureFixture[str]) -> None:
    masking = genvideo._logging.redactor.lease(capsys, (KEY,))  # KEY is masked until released
    httpx_logger = logging.getLogger("httpx")
    before = (httpx_logger.level, list(httpx_logger.handlers), logging.getLogger().handlers[:])
    with stderr_logging(logging.DEBUG):
        with stderr_logging(logging.DEBUG):  # nested: still one handler
            assert len(httpx_logger.handlers) == len(before[1]) + 1
        logging.getLogger("httpcore.unfiltered").debug("header %s", KEY)  # a child logger with no filter
        try:
            raise RuntimeError(f"boom {KEY}")
        except RuntimeError:
            logging.getLogger("genvideo").exception("failed")  # the traceback quotes the key
    err = capsys.readouterr().err
    assert "header ***" in err
    assert "RuntimeError: boom ***" in err
    assert KEY not in err
    assert (httpx_logger.level, list(httpx_logger.handlers), logging.getLogger().handlers) == before
    masking.release()


# -- the command line -------------------------------------------------------------------------------


def test_quiet_silences_progress_in_either_position(sandbox: Sandbox, tmp_path: Path) -> None:
    for name in ("loud", "q1", "q2", "q3"):
        sandbox.add_creation("vidu", name, states=["processing", "success"])
    loud = run_cli("wait", "vidu:loud", "--poll-interval", "0.01", "--download", str(tmp_path), env=sandbox.env())
    assert loud.returncode == 0, loud.stderr
    assert "vidu:loud  processing" in loud.stderr  # the plain-line progress of a non-terminal stderr
    assert "saved " in loud.stderr
    for ref, args in (
        ("vidu:q1", ["-q", "wait", "vidu:q1"]),
        ("vidu:q2", ["wait", "vidu:q2", "--quiet"]),
        ("vidu:q3", ["--quiet", "wait", "vidu:q3", "-q"]),
    ):
        quiet = run_cli(*args, "--poll-interval", "0.01", "--download", str(tmp_path), env=sandbox.env())
        assert quiet.returncode == 0, quiet.stderr
        assert quiet.stderr == ""
        data = json.loads(quiet.stdout)
        assert data["ref"] == ref
        assert data["state"] == "succeeded"
        assert Path(data["downloaded"]).read_bytes() == sandbox.video("vidu", ref[5:])
        assert set(data) == set(json.loads(loud.stdout))  # the same JSON shape on stdout


def test_quiet_still_reports_errors_with_the_same_exit_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "f1", states=["processing", "failed"], failure_code="CreditInsufficient")
    result = run_cli("wait", "vidu:f1", "-q", "--poll-interval", "0.01", env=sandbox.env())
    assert result.returncode == 3
    assert result.stderr.splitlines() == [line for line in result.stderr.splitlines() if line.startswith("genvideo:")]
    assert "CreditInsufficient" in result.stderr
    assert json.loads(result.stdout)["state"] == "failed"


@pytest.mark.parametrize("position", ["before", "after"])
def test_verbose_prints_a_redacted_debug_log(tmp_path: Path, position: str) -> None:
    with Sandbox(comfy_api_key=KEY) as sb:
        sb.add_creation("vidu", "v1", states=["success"], faults=[Fault.status(503, headers={"X-Echo": KEY})])
        command = ["wait", "vidu:v1", "--poll-interval", "0.01", "--download", str(tmp_path)]
        args = ["-v", *command] if position == "before" else [*command, "--verbose"]
        result = run_cli(*args, env=sb.env())
        cdn = sb.requests_for("/cdn/")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["state"] == "succeeded"
    err = result.stderr
    assert "DEBUG genvideo] vidu: GET " in err
    assert "DEBUG httpcore.http11]" in err
    assert "X-Echo" in err
    assert KEY not in err + result.stdout
    assert cdn
    assert all(r.query and r.query not in err for r in cdn)
    assert "vidu:v1  succeeded" in err  # -v adds the log; progress stays


def test_without_verbose_the_cli_logs_nothing(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "n1", states=["success"])
    result = run_cli("get", "vidu:n1", env=sandbox.env())
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_verbose_in_process_restores_the_loggers(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in sandbox.env().items():
        monkeypatch.setenv(name, value)
    sandbox.add_creation("vidu", "p1", states=["success"])
    names = ("genvideo", "httpx", "httpcore")
    before = [(logging.getLogger(n).level, list(logging.getLogger(n).handlers)) for n in names]
    assert main(["get", "vidu:p1", "-v"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["ref"] == "vidu:p1"
    assert "DEBUG httpcore" in captured.err
    assert [(logging.getLogger(n).level, list(logging.getLogger(n).handlers)) for n in names] == before


def test_a_quiet_reporter_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = ProgressReporter(quiet=True, interactive=True)
    reporter.download(10, 100)
    reporter.done("saved x")
    ProgressReporter(quiet=True, interactive=False).done("created y")
    assert capsys.readouterr().err == ""


# -- transport=... ----------------------------------------------------------------------------------


class CountingTransport(httpx.HTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []
        self.closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.paths.append(request.url.path)
        return super().handle_request(request)

    def close(self) -> None:
        self.closed = True
        super().close()


def test_a_custom_transport_carries_api_calls_and_downloads(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "c1", states=["processing", "success"])
    transport = CountingTransport()
    with sandbox.client(transport=transport, timeout=5.0) as client:
        creation = client.wait("vidu:c1", poll_interval=0.01)
        path = client.download(creation, tmp_path)
    assert path.read_bytes() == sandbox.video("vidu", "c1")
    assert transport.paths == [r.path for r in sandbox.requests]
    assert any(p.startswith("/cdn/") for p in transport.paths)
    assert all(dict(r.headers).get("User-Agent") == C.USER_AGENT for r in sandbox.requests)
    assert transport.closed  # httpx's rule: closing the client closes its transport


def make_mock(status: int = 302) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A transport answering every request with ``status`` (302: a redirect to another host)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if status == 302:
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/steal"})
        return httpx.Response(status, json={"message": "no such task"})

    return httpx.MockTransport(handler), seen


def check_redirect_not_followed(seen: list[httpx.Request], error: genvideo.APIStatusError) -> None:
    assert error.status_code == 302
    assert [str(r.url) for r in seen] == ["https://api.example.test/proxy/vidu/tasks/1/creations"]
    request = seen[0]
    assert request.headers["User-Agent"] == C.USER_AGENT
    assert request.headers["X-API-Key"] == KEY
    assert request.extensions["timeout"] == {"connect": 3.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def test_a_transport_keeps_timeouts_user_agent_and_no_redirects(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")  # the transport decides the route, not this
    transport, seen = make_mock()
    client = genvideo.Client(
        comfy_api_key=KEY,
        comfy_base_url="https://api.example.test",
        timeout=httpx.Timeout(7.0, connect=3.0),
        transport=transport,
    )
    with client, pytest.raises(genvideo.APIStatusError) as caught:
        client.get("vidu:1")
    check_redirect_not_followed(seen, caught.value)


def test_an_async_transport_keeps_timeouts_user_agent_and_no_redirects() -> None:
    transport, seen = make_mock()
    client = genvideo.AsyncClient(
        comfy_api_key=KEY,
        comfy_base_url="https://api.example.test",
        timeout=httpx.Timeout(7.0, connect=3.0),
        transport=transport,
    )

    async def run() -> genvideo.APIStatusError:
        async with client:
            with pytest.raises(genvideo.APIStatusError) as caught:
                await client.get("vidu:1")
            return caught.value

    check_redirect_not_followed(seen, asyncio.run(run()))


class CountingAsyncTransport(httpx.AsyncHTTPTransport):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.closed = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        return await super().handle_async_request(request)

    async def aclose(self) -> None:
        self.closed += 1
        await super().aclose()


def test_an_async_transport_serves_successive_event_loops(sandbox: Sandbox) -> None:
    sandbox.add_creation("haiper", "a1", states=["succeed"])
    transport = CountingAsyncTransport()
    client = sandbox.async_client(transport=transport, timeout=5.0)

    async def lookup() -> genvideo.Creation:
        async with client:
            return await client.get("haiper:a1")

    assert asyncio.run(lookup()).state is genvideo.CreationState.SUCCEEDED
    assert asyncio.run(lookup()).state is genvideo.CreationState.SUCCEEDED
    assert transport.count == len(sandbox.requests) == 4  # haiper: status, then detail; twice
    assert transport.closed == 2


@pytest.mark.parametrize(
    ("cls", "transport"),
    [
        (genvideo.Client, httpx.AsyncHTTPTransport()),
        (genvideo.AsyncClient, httpx.HTTPTransport()),
        (genvideo.Client, "x"),
    ],
)
def test_a_transport_of_the_wrong_kind_is_refused(cls: type[Any], transport: object) -> None:
    with pytest.raises(TypeError, match="transport"):
        cls(comfy_api_key=KEY, transport=transport)


def test_a_mock_transport_suits_both_clients() -> None:
    transport, seen = make_mock(404)
    options: dict[str, Any] = {"comfy_api_key": KEY, "comfy_base_url": "https://api.example.test"}
    sync = genvideo.Client(**options, transport=transport)
    with sync, pytest.raises(genvideo.NotFoundError):
        sync.get("vidu:1")

    async def run() -> None:
        async with genvideo.AsyncClient(**options, transport=transport) as client:
            await client.get("vidu:1")

    with pytest.raises(genvideo.NotFoundError):
        asyncio.run(run())
    assert len(seen) == 2


# -- documented constructors ------------------------------------------------------------------------


def test_both_clients_show_the_same_explicit_signature() -> None:
    sync, async_ = inspect.signature(genvideo.Client), inspect.signature(genvideo.AsyncClient)
    assert list(sync.parameters) == list(async_.parameters) == PARAMS
    for name in PARAMS:
        a, b = sync.parameters[name], async_.parameters[name]
        assert a.kind is b.kind is inspect.Parameter.KEYWORD_ONLY
        assert a.default == b.default
    assert sync.parameters["transport"].default is None
    assert "BaseTransport" in str(sync.parameters["transport"].annotation)
    assert "AsyncBaseTransport" in str(async_.parameters["transport"].annotation)
    # Defined on the classes themselves, not inherited from the private base.
    assert "__init__" in vars(genvideo.Client)
    assert "__init__" in vars(genvideo.AsyncClient)


@pytest.mark.parametrize("cls", [genvideo.Client, genvideo.AsyncClient])
def test_the_docstring_lists_every_constructor_argument(cls: type[Any]) -> None:
    doc = cls.__doc__ or ""
    for name in inspect.signature(cls).parameters:
        assert f"``{name}``" in doc, name
    rendered = pydoc.plain(pydoc.render_doc(cls))
    assert "transport: 'httpx." in rendered  # help() shows the real signature
    assert C.LOG_ENV in doc
