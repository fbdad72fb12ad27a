"""Lone surrogates in provider replies (issue 12): JSON can carry ``"\\ud800"``, which no UTF-8 text can.

Such a string used to flow into ``raw_state``, ``error_code`` and output URLs, and from there into
``to_dict()`` and the CLI's JSON on stdout, which then died with UnicodeEncodeError (a traceback, exit
1). The provider adapters now hand on valid Unicode (each lone surrogate becomes U+FFFD) while
``payload`` keeps what was sent, and messages genvideo builds quote provider text escaped and bounded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

import genvideo
from tests.support.faultservers import Reply, Request, ScriptedServer

# Escapes as they travel in JSON: a lone high and a lone low surrogate, and a terminal escape sequence.
VIDU_BODY = (
    b'{"id": "x1", "state": "\\ud800failed\\udfff", "err_code": "\\ud800\\u001b[2JPolicy", "progress": 10,'
    b' "creations": [{"url": "https://cdn.example.com/\\ud800.mp4", "cover_url": "https://cdn.example.com/\\udc00.jpg",'
    b' "watermarked_url": "\\udbff"}]}'
)
FAILED_BODY = b'{"id": "f1", "state": "failed", "err_code": "\\ud800\\u001b[2J' + b"x" * 500 + b'"}'
HAIPER_STATUS = b'{"status": "success", "value": {"status": "\\ud800", "progress": 0.5}}'
BODIES = {
    "/proxy/vidu/tasks/x1/creations": VIDU_BODY,
    "/proxy/vidu/tasks/f1/creations": FAILED_BODY,
    "/v1/jobs/h1/status": HAIPER_STATUS,
}


@pytest.fixture(scope="module")
def server() -> Iterator[ScriptedServer]:
    def answer(request: Request) -> Reply:
        body = BODIES.get(request.target)
        if body is None:
            return Reply(404, b'{"message": "no such path"}')
        return Reply(200, body, headers=[("Content-Type", "application/json")])

    with ScriptedServer(answer) as srv:
        yield srv


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[genvideo.Client]:
    with genvideo.Client(
        comfy_api_key="key-1", haiper_api_key="key-2", comfy_base_url=server.base_url, haiper_base_url=server.base_url
    ) as c:
        yield c


def encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_vidu_fields_are_valid_unicode_and_the_payload_is_untouched(client: genvideo.Client) -> None:
    creation = client.get("vidu:x1")
    assert creation.raw_state == "\ufffdfailed\ufffd"
    assert creation.error_code == "\ufffd\x1b[2JPolicy"  # only surrogates are replaced; the rest as sent
    output = creation.outputs[0]
    assert (output.url, output.cover_url, output.watermarked_url) == (
        "https://cdn.example.com/\ufffd.mp4",
        "https://cdn.example.com/\ufffd.jpg",
        "\ufffd",
    )
    assert creation.payload["state"] == "\ud800failed\udfff"
    assert json.dumps(creation.to_dict(), ensure_ascii=False).encode("utf-8")
    assert encodes(repr(creation))
    assert encodes(repr(creation.outputs))


def test_haiper_state_is_valid_unicode(client: genvideo.Client) -> None:
    creation = client.get("haiper:h1")
    assert creation.raw_state == "\ufffd"
    assert creation.state is genvideo.CreationState.UNKNOWN
    assert encodes(json.dumps(creation.to_dict(), ensure_ascii=False))


def test_a_failure_message_quotes_the_error_code_escaped_and_bounded(client: genvideo.Client) -> None:
    with pytest.raises(genvideo.CreationFailed) as info:
        client.wait("vidu:f1", timeout=5, poll_interval=0.01)
    message = str(info.value)
    assert encodes(message)
    assert "\x1b" not in message  # no terminal control sequence reaches a terminal through an error line
    assert "\\x1b[2J" in message
    assert len(message) < 200
    assert info.value.creation.error_code is not None
    assert info.value.creation.error_code.endswith("x" * 500)  # the field itself is whole


def run_cli(server: ScriptedServer, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The real command line, with a strict UTF-8 stdout (as on most systems)."""
    env = {
        **os.environ,
        "COMFY_API_KEY": "key-1",
        "GENVIDEO_COMFY_BASE_URL": server.base_url,
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "genvideo", *args], env=env, capture_output=True, timeout=60, check=False
    )


def test_cli_get_prints_valid_utf8_json(server: ScriptedServer) -> None:
    result = run_cli(server, "get", "vidu:x1")
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    printed = json.loads(result.stdout.decode("utf-8"))  # strict: fails on surrogate bytes
    assert printed["raw_state"] == "\ufffdfailed\ufffd"
    assert b"Traceback" not in result.stderr


def test_cli_wait_on_a_failure_prints_json_and_one_clean_error_line(server: ScriptedServer) -> None:
    result = run_cli(server, "-q", "wait", "vidu:f1", "--poll-interval", "0.01", "--timeout", "5")
    assert result.returncode == 3, result.stderr.decode("utf-8", "replace")
    assert json.loads(result.stdout.decode("utf-8"))["state"] == "failed"
    error = result.stderr.decode("utf-8")
    assert error.count("\n") == 1
    assert error.startswith("genvideo: error: vidu:f1 failed")
    assert "\x1b" not in error


def test_error_text_quoted_from_a_body_is_valid_utf8() -> None:
    from genvideo._responses import scrub

    text = scrub('{"error": "bad \ud800 input"}')
    text.encode("utf-8")  # raises on a lone surrogate
    assert "bad ? input" in text
