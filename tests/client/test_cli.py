"""The genvideo command line, run as a subprocess against the sandbox."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import genvideo
from genvideo._cli import EXIT_CODES
from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from tests.support.cli import run_cli


def assert_clean_error(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("genvideo: error:")]
    assert len(errors) == 1


def test_get_prints_the_creation_as_json(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "902581991298326528", states=["processing"], progress=[42])
    result = run_cli("get", "vidu:902581991298326528", env=sandbox.env())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ref"] == "vidu:902581991298326528"
    assert data["state"] == "processing"
    assert data["progress"] == 0.42


def test_wait_with_download(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("haiper", "h1", states=["pending", "processing", "succeed"])
    target = tmp_path / "out.mp4"
    result = run_cli("wait", "haiper:h1", "--poll-interval", "0.05", "--download", str(target), env=sandbox.env())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["state"] == "succeeded"
    assert data["downloaded"] == str(target)
    assert target.read_bytes() == sandbox.video("haiper", "h1")
    # stderr is not a terminal here: plain progress lines, one per change
    assert "haiper:h1  queued" in result.stderr
    assert "haiper:h1  succeeded" in result.stderr
    assert "downloading [" in result.stderr
    assert "\r" not in result.stderr


def test_download_command(sandbox: Sandbox, tmp_path: Path) -> None:
    sandbox.add_creation("vidu", "d1", states=["success"])
    result = run_cli("download", "vidu:d1", str(tmp_path), env=sandbox.env())
    assert result.returncode == 0, result.stderr
    path = Path(json.loads(result.stdout)["downloaded"])
    assert path.parent == tmp_path
    assert path.read_bytes() == sandbox.video("vidu", "d1")


def test_failed_creation_exit_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "f1", states=["processing", "failed"], failure_code="CreditInsufficient")
    result = run_cli("wait", "vidu:f1", "--poll-interval", "0.05", env=sandbox.env())
    assert_clean_error(result, 3)
    assert "CreditInsufficient" in result.stderr
    assert json.loads(result.stdout)["state"] == "failed"


def test_timeout_exit_code(sandbox: Sandbox) -> None:
    sandbox.add_creation("vidu", "t1", states=["processing"])
    result = run_cli("wait", "vidu:t1", "--timeout", "0.5", "--poll-interval", "0.1", env=sandbox.env())
    assert_clean_error(result, 4)
    assert json.loads(result.stdout)["state"] == "processing"


def test_missing_key_exit_code_without_traceback(sandbox: Sandbox) -> None:
    env = {k: v for k, v in sandbox.env().items() if k != "HAIPER_API_KEY"}
    result = run_cli("get", "haiper:abc", env=env)
    assert_clean_error(result, 5)
    assert "HAIPER_API_KEY" in result.stderr
    assert result.stdout == ""


def test_wrong_key_is_an_auth_exit_code_and_stays_secret(sandbox: Sandbox) -> None:
    env = {**sandbox.env(), "COMFY_API_KEY": "marker-secret-9f8e7d"}
    sandbox.add_creation("vidu", "a1")
    result = run_cli("get", "vidu:a1", env=env)
    assert_clean_error(result, 5)
    assert "marker-secret-9f8e7d" not in result.stderr + result.stdout


def test_network_exit_code() -> None:
    env = {"COMFY_API_KEY": "k", "GENVIDEO_COMFY_BASE_URL": "http://127.0.0.1:9"}
    assert_clean_error(run_cli("get", "vidu:1", env=env), 6)


def test_usage_errors() -> None:
    assert_clean_error(run_cli("get", "vidu:../x", env={"COMFY_API_KEY": "k"}), 2)
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert run_cli().returncode == 2


def test_help_documents_every_exit_code() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for code, meaning in EXIT_CODES.items():
        assert f"{code:>3}  {meaning}" in result.stdout


def test_version_names_the_spec_snapshots() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"genvideo {genvideo.__version__}")
    for spec in genvideo.SPECS:
        assert f"{spec.spec}: {spec.distribution} {spec.version}" in result.stdout
        for upstream in spec.upstream:
            assert upstream.sha256 in result.stdout


def test_demo_runs_the_main_job(tmp_path: Path) -> None:
    # The README's job at a quarter of its pace (--step 0.1 instead of 0.4 s per state): the same requests.
    result = run_cli("demo", "--out", str(tmp_path / "out"), "--step", "0.1")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["provider"] for d in data] == list(registry().names)  # one per provider, in registry order
    for item in data:
        assert item["state"] == "succeeded"
        assert Path(item["downloaded"]).stat().st_size == 3 * 1024 * 1024
    assert "succeeded" in result.stderr


@pytest.mark.parametrize("command", ["demo", "sandbox"])
@pytest.mark.parametrize("step", ["0", "nan", "3601", "soon"])
def test_a_step_that_is_no_usable_number_of_seconds_is_refused(command: str, step: str) -> None:
    result = run_cli(command, "--step", step)
    assert result.returncode == 2
    assert "--step" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.timeout(30)
def test_sandbox_command_prints_env_and_serves(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "genvideo", "sandbox", "--step", "0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        env = dict(line.removeprefix("export ").strip().split("=", 1) for line in lines)
        assert env["GENVIDEO_COMFY_BASE_URL"].startswith("http://127.0.0.1:")
        result = run_cli("wait", "vidu:902581991298326528", "--poll-interval", "0.05", env=env)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["state"] == "succeeded"
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # closes its pipes (else: ResourceWarning, an error here)
        assert proc.wait(timeout=10) == 0


def test_json_output_survives_lone_surrogates_and_non_utf8_terminals(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from genvideo._cli import _print_json

    data = {"downloaded": "video-\ud800.mp4", "prompt": "café"}
    for encoding in ("utf-8", "ascii"):
        out = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
        monkeypatch.setattr(sys, "stdout", out)
        _print_json(data)
        out.seek(0)
        assert json.loads(out.read()) == data
    readable = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", readable)
    _print_json({"prompt": "café"})
    readable.seek(0)
    assert "café" in readable.read()  # non-ASCII stays readable where it can be encoded


def test_progress_lines_escape_what_a_provider_sends_as_a_state() -> None:
    from genvideo._progress import printable

    assert printable("processing") == "processing"
    assert printable("\x1b[2J\x1b]0;pwned\x07") == "\\x1b[2J\\x1b]0;pwned\\x07"
    assert "\n" not in printable("a\nb")
    assert "\r" not in printable("a\rb")
    assert len(printable("x" * 1000)) == 40


@pytest.mark.parametrize("interactive", [False, True])
def test_progress_reporter_writes_a_hostile_state_escaped_and_capped(interactive: bool) -> None:
    import io

    from genvideo._progress import ProgressReporter

    hostile = "\x1b[2J\x1b]0;pwned\x07\r\n\ud800\u202e" + "x" * 500
    with Sandbox() as sb:
        sb.add_creation("vidu", "p", states=["processing"])
        body = {"id": "p", "state": hostile, "err_code": "", "progress": 50, "creations": []}
        sb.add_fault(sb.fault_path("vidu", "p"), genvideo.testing.Fault.body(json.dumps(body).encode()))  # \ud800
        with sb.client(timeout=5.0) as client:
            creation = client.get("vidu:p")
    assert creation.raw_state is not None
    assert creation.raw_state.startswith("\x1b[2J")  # kept as sent (a lone surrogate: U+FFFD)
    stream = io.StringIO()
    ProgressReporter(stream, interactive=interactive).creation(creation)
    written = stream.getvalue()
    written.encode("utf-8")  # no lone surrogate reaches the terminal
    line = written.lstrip("\r").rstrip("\n")
    assert not any(c in line for c in "\x1b\x07\r\n\u202e")
    assert "\\x1b[2J" in line
    assert "x" * 100 not in line
    assert len(line) < 120
