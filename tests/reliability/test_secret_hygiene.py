"""Secret hygiene: credentials and signed download links never show up where they should not.

The keys are unique marker strings and every logger (`genvideo`, `httpx`, `httpcore`) runs at DEBUG.
The whole fault matrix runs (every row, operation and client, with each kind of credential), and then
no marker may appear in any log record, in any exception (walking `__cause__`/`__context__`, messages,
`args` and attributes), in the `repr()` of clients, creations and outputs, or in any CDN request; and
no signed query (`Signature=...`) may appear in any log record at any level. Also: `pickle`/`copy` of
a `Secret`, error answers that echo the key back, and the CLI's stderr.
"""

from __future__ import annotations

import contextlib
import copy
import logging
import os
import pickle
import re
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import genvideo
from genvideo._credentials import Credentials, Secret
from genvideo.testing import Fault, Sandbox
from tests.support.faultmatrix import (
    MARK_COMFY_KEY,
    MARK_COMFY_TOKEN,
    MARK_HAIPER_KEY,
    MARKERS,
    MODES,
    OPS,
    ROWS,
    Credential,
    Observation,
    marker_sandbox,
    run_case,
    run_concurrently,
)
from tests.support.faultservers import Reply, ScriptedServer, closed_port_url

LOGGERS = ("genvideo", "httpx", "httpcore")
SIGNATURE = re.compile(r"Signature=([^&\s'\"]+)")


class Capture(logging.Handler):
    """Keeps every record's full text: the formatted line, the raw msg and args, any exception text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.texts: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.texts.append(f"{self.format(record)}\n{record.msg!r}\n{record.args!r}")

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@contextlib.contextmanager
def debug_logs() -> Iterator[Capture]:
    """Every record of every logger, with genvideo, httpx and httpcore at DEBUG."""
    capture = Capture()
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in LOGGERS}
    saved_root = root.level
    root.addHandler(capture)
    root.setLevel(logging.DEBUG)
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        yield capture
    finally:
        root.removeHandler(capture)
        root.setLevel(saved_root)
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


def exception_texts(exc: BaseException | None, seen: set[int] | None = None) -> Iterator[str]:
    """str, repr, args and attributes of an exception and of every exception chained to it."""
    seen = set() if seen is None else seen
    if exc is None or id(exc) in seen:
        return
    seen.add(id(exc))
    yield str(exc)
    yield repr(exc)
    yield repr(exc.args)
    yield "".join(traceback.format_exception(exc))
    if isinstance(exc, genvideo.GenvideoError):  # genvideo's own attributes (body, details, creation, ...)
        for name, value in vars(exc).items():
            yield f"{name}={value!r}"
    yield from exception_texts(exc.__cause__, seen)
    yield from exception_texts(exc.__context__, seen)


def leaks(texts: Iterable[str], secrets: Iterable[str] = MARKERS) -> list[str]:
    secrets = tuple(secrets)
    return [text for text in texts if any(secret in text for secret in secrets)]


# -- the whole fault matrix, with marker keys ----------------------------------------------------------------


@dataclass
class MatrixRun:
    sb: Sandbox
    observations: list[Observation]
    logs: Capture


CREDENTIALS: tuple[Credential, ...] = ("comfy_api_key", "comfy_auth_token", "haiper_api_key")


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MatrixRun]:
    """Every row x operation x client x credential, run concurrently once for the whole module."""
    root = tmp_path_factory.mktemp("hygiene")
    sb: Sandbox  # the jobs' sandbox: started below, before any job runs
    jobs = []
    for row in ROWS:
        for op in OPS:
            if row.outcome(op) is None:
                continue
            for mode in MODES:
                for credential in CREDENTIALS:
                    if op == "download" and credential != "comfy_api_key":
                        continue  # downloads send no credential at all; one kind is enough
                    dest = root / f"{row.id}-{op}-{mode}-{credential}"
                    jobs.append(
                        lambda row=row, op=op, mode=mode, credential=credential, dest=dest: run_case(
                            sb, row, op, mode, dest, credential=credential
                        )
                    )
    with marker_sandbox() as sb, debug_logs() as logs:
        observations = run_concurrently(jobs, workers=16)
        yield MatrixRun(sb, observations, logs)


def test_the_matrix_ran_with_the_markers_and_logged_at_debug(matrix: MatrixRun) -> None:
    """The checks below are not vacuous: the keys were sent, and all three loggers wrote records."""
    sent = [value for r in matrix.sb.requests for _, value in r.headers]
    assert any(MARK_COMFY_KEY in v for v in sent)
    assert any(MARK_COMFY_TOKEN in v for v in sent)
    assert any(MARK_HAIPER_KEY in v for v in sent)
    names = {record.name.split(".")[0] for record in matrix.logs.records}
    assert set(LOGGERS) <= names
    assert any(record.levelno == logging.DEBUG for record in matrix.logs.records)
    assert any("retrying in" in record.getMessage() for record in matrix.logs.records)
    assert sum(o.error is not None for o in matrix.observations) > 100
    assert any(o.op == "download" and o.error is None for o in matrix.observations)


def test_no_key_in_any_log_record(matrix: MatrixRun) -> None:
    assert leaks(matrix.logs.texts) == []


def test_no_key_in_any_exception(matrix: MatrixRun) -> None:
    found = [(o.row.id, o.op, o.mode, text) for o in matrix.observations for text in leaks(exception_texts(o.error))]
    assert found == []


def test_no_key_in_the_repr_of_clients_creations_or_outputs(matrix: MatrixRun) -> None:
    texts: list[str] = []
    for obs in matrix.observations:
        texts += [repr(c) for c in obs.clients] + [str(c) for c in obs.clients]
        texts.append(repr(obs.result))
        if isinstance(obs.result, genvideo.Creation):
            texts += [repr(o) for o in obs.result.outputs] + [str(obs.result.to_dict())]
        if isinstance(obs.error, genvideo.WaitTimeout | genvideo.CreationFailed) and obs.error.creation:
            texts.append(repr(obs.error.creation))
    assert len(texts) > 200
    assert leaks(texts) == []


def test_cdn_requests_carry_no_credentials(matrix: MatrixRun) -> None:
    cdn = matrix.sb.requests_for("/cdn/")
    assert len(cdn) > 20
    for request in cdn:
        assert not request.sent_credentials, request.headers
        assert leaks([request.target, repr(request.headers)]) == []


def test_no_signed_query_in_any_log_record(matrix: MatrixRun) -> None:
    """Not from genvideo, httpx or httpcore, at any level (redirect targets included)."""
    signatures = {match for r in matrix.sb.requests_for("/cdn/") for match in SIGNATURE.findall(r.query)}
    for obs in matrix.observations:
        if isinstance(obs.result, genvideo.Creation):
            signatures |= {s for o in obs.result.outputs for s in SIGNATURE.findall(o.url)}
    assert len(signatures) > 10
    signatures |= {
        s for o in matrix.observations if o.row.id == "302" and o.ctx for s in SIGNATURE.findall(o.ctx.video_url)
    }
    assert any("/cdn/" in t for t in matrix.logs.texts)  # httpx did log the downloads
    assert leaks(matrix.logs.texts, signatures) == []


# -- answers that echo the key back --------------------------------------------------------------------------

ECHOES = {
    "401-json": lambda k: Fault.status(
        401,
        body=f'{{"error": "{k}", "message": "invalid key {k}", "details": ["{k}", {{"key": "{k}"}}]}}'.encode(),
        content_type="application/json",
    ),
    "500-html-echoing-headers": lambda k: Fault.status(
        500,
        body=f"<html><pre>X-API-Key: {k}\nAuthorization: Bearer {k}</pre></html>".encode(),
        headers={"Retry-After": "0"},
        times=9,
    ),
    "429-message": lambda k: Fault.status(
        429,
        body=f'{{"message": "slow down, {k}"}}'.encode(),
        content_type="application/json",
        headers={"Retry-After": "3600"},
    ),
    "200-html": lambda k: Fault.body(f"<html>hello {k}</html>".encode(), content_type="text/html"),
    "200-json-list": lambda k: Fault.body(f'["{k}"]'.encode()),
    "long-body": lambda k: Fault.status(400, body=(("x" * 290) + k + ("y" * 2000)).encode()),
}


@pytest.mark.parametrize("echo", list(ECHOES))
@pytest.mark.parametrize("credential", CREDENTIALS)
def test_answers_echoing_the_key_do_not_leak_it(echo: str, credential: Credential) -> None:
    key = {"comfy_api_key": MARK_COMFY_KEY, "comfy_auth_token": MARK_COMFY_TOKEN, "haiper_api_key": MARK_HAIPER_KEY}[
        credential
    ]
    provider = "haiper" if credential == "haiper_api_key" else "vidu"
    options: dict[str, Any] = {"timeout": 2.0, "max_retries": 1}
    if credential == "comfy_auth_token":
        options.update(comfy_api_key=None, comfy_auth_token=MARK_COMFY_TOKEN)
    with marker_sandbox() as sb, debug_logs() as logs:
        sb.add_creation(provider, "echo", faults=[ECHOES[echo](key)] * 4)
        errors: list[BaseException] = []
        call: Callable[[], object]
        with sb.client(**options) as client:
            for call in (lambda: client.get(f"{provider}:echo"), lambda: client.wait(f"{provider}:echo", timeout=0.3)):
                try:
                    call()
                except genvideo.GenvideoError as exc:
                    errors.append(exc)
    assert errors
    assert any(key in value for r in sb.requests for _, value in r.headers)  # the key did go out
    assert leaks(t for e in errors for t in exception_texts(e)) == []
    assert leaks(logs.texts) == []


def test_a_reason_phrase_echoing_the_key_does_not_leak_it() -> None:
    with ScriptedServer(lambda r: Reply(500, b"", reason=f"bad key {MARK_COMFY_KEY}")) as srv:
        client = genvideo.Client(comfy_api_key=MARK_COMFY_KEY, comfy_base_url=srv.base_url, max_retries=0)
        with client, pytest.raises(genvideo.ServerError) as info:
            client.get("vidu:1")
    assert leaks(exception_texts(info.value)) == []


@pytest.mark.parametrize("mode", MODES)
def test_a_redirected_download_logs_no_signed_query(tmp_path: Path, mode: str) -> None:
    import asyncio

    with Sandbox() as sb:
        for cid in ("from", "to"):
            sb.add_creation("vidu", cid, states=["success"])
        with sb.client() as c:
            source, target = c.get("vidu:from"), c.get("vidu:to").outputs[0].url
        sb.add_fault(sb.fault_path("vidu", "from", "cdn"), Fault.redirect(target))
        with debug_logs() as logs:
            if mode == "sync":
                with sb.client() as c:
                    c.download(source, tmp_path / "v.mp4")
            else:

                async def main() -> None:
                    async with sb.async_client() as ac:
                        await ac.download(source, tmp_path / "v.mp4")

                asyncio.run(main())
        assert (tmp_path / "v.mp4").read_bytes() == sb.video("vidu", "to")
    signatures = set(SIGNATURE.findall(target)) | set(SIGNATURE.findall(source.outputs[0].url))
    assert [t for t in logs.texts if any(s in t for s in signatures)] == []


def test_a_header_echoing_the_key_is_not_logged() -> None:
    with marker_sandbox() as sb, debug_logs() as logs:
        sb.add_creation("vidu", "h", faults=[Fault.status(401, headers={"X-Comfy-Error-Type": MARK_COMFY_KEY})])
        with sb.client(max_retries=0) as client, pytest.raises(genvideo.AuthenticationError) as info:
            client.get("vidu:h")
    assert leaks(exception_texts(info.value)) == []  # the error itself masks it
    assert leaks(logs.texts) == []


# -- Secret, pickle and copy ------------------------------------------------------------------------------------


def _attempts(value: object) -> Iterator[tuple[str, Any]]:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        yield f"pickle-{protocol}", lambda p=protocol: pickle.dumps(value, protocol=p)
    yield "copy", lambda: copy.copy(value)
    yield "deepcopy", lambda: copy.deepcopy(value)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Secret(MARK_COMFY_KEY),
        lambda: Credentials.resolve(
            comfy_api_key=MARK_COMFY_KEY, comfy_auth_token=None, haiper_api_key=MARK_HAIPER_KEY
        ),
        lambda: genvideo.Client(comfy_api_key=MARK_COMFY_KEY, haiper_api_key=MARK_HAIPER_KEY),
    ],
    ids=["Secret", "Credentials", "Client"],
)
def test_pickle_and_copy_do_not_reveal_a_secret(make: Any) -> None:
    value = make()
    texts = [repr(value), str(value), f"{value}", format(value, "")]
    for name, attempt in _attempts(value):
        try:
            out = attempt()
        except (TypeError, pickle.PicklingError, AttributeError):
            continue  # refusing is fine
        if isinstance(out, bytes):
            assert all(m.encode() not in out for m in MARKERS), f"{name} wrote the secret into the pickle"
        else:
            texts += [repr(out), str(out)]
    assert leaks(texts) == []
    if isinstance(value, genvideo.Client):
        value.close()


def test_secret_refuses_pickling_but_still_works() -> None:
    secret = Secret(MARK_COMFY_KEY)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    assert secret.reveal() == MARK_COMFY_KEY
    assert MARK_COMFY_KEY not in repr(secret) + str(secret)


# -- the command line ----------------------------------------------------------------------------------------


def test_the_cli_never_prints_a_key(tmp_path: Path) -> None:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("COMFY_", "HAIPER_", "GENVIDEO_"))}
    with marker_sandbox() as sb:
        env = {**base, **sb.env(), "COMFY_API_KEY": MARK_COMFY_KEY, "HAIPER_API_KEY": MARK_HAIPER_KEY}
        sb.add_creation("vidu", "e401", faults=[ECHOES["401-json"](MARK_COMFY_KEY)])
        sb.add_creation("vidu", "e500", faults=[ECHOES["500-html-echoing-headers"](MARK_COMFY_KEY)])
        sb.add_creation("haiper", "e429", faults=[ECHOES["429-message"](MARK_HAIPER_KEY)])
        sb.add_creation("vidu", "e403", states=["success"], download_faults=[Fault.status(403, times=9)])
        sb.add_creation("vidu", "ok", states=["success"])
        runs = {
            "401": (["get", "vidu:e401"], env),
            "500": (["get", "vidu:e500"], env),
            "429": (["wait", "haiper:e429", "--timeout", "2"], env),
            "403-download": (["download", "vidu:e403", str(tmp_path / "a.mp4")], env),
            "refused": (["get", "vidu:1"], {**env, "GENVIDEO_COMFY_BASE_URL": closed_port_url()}),
            "wrong-key": (["get", "vidu:ok"], {**env, "COMFY_API_KEY": MARK_COMFY_TOKEN}),
            "success": (["wait", "vidu:ok", "--download", str(tmp_path / "b.mp4")], env),
        }
        processes = {
            name: subprocess.Popen(
                [sys.executable, "-m", "genvideo", *args],
                env=run_env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name, (args, run_env) in runs.items()
        }
        results = {name: p.communicate(timeout=60) for name, p in processes.items()}
    codes = {name: p.returncode for name, p in processes.items()}
    assert codes == {
        "401": 5,
        "500": 7,
        "429": 7,
        "403-download": 8,
        "refused": 6,
        "wrong-key": 5,
        "success": 0,
    }, results
    for name, (stdout, stderr) in results.items():
        assert "Traceback" not in stderr, (name, stderr)
        assert leaks([stderr, stdout]) == [], (name, stderr)


# -- keys as they come from files and copy-paste, and base URLs with user info (issue 12) ------------------------

# A key read with open("key.txt").read() keeps its newline; httpx then refused the header and quoted the
# key as b'...\n', which no masking matched. Surrounding whitespace is now stripped: the requests succeed.
PADDED = {"lf": "{}\n", "crlf": "{}\r\n", "spaces-and-tab": "  {}\t "}


@pytest.mark.parametrize("padding", list(PADDED))
@pytest.mark.parametrize("mode", MODES)
def test_keys_with_surrounding_whitespace_are_stripped_and_never_leak(padding: str, mode: str) -> None:
    import asyncio

    pad = PADDED[padding].format
    keys = {"comfy_api_key": pad(MARK_COMFY_KEY), "haiper_api_key": pad(MARK_HAIPER_KEY)}
    token = {"comfy_api_key": None, "comfy_auth_token": pad(MARK_COMFY_TOKEN)}
    refs = ("vidu:ok", "haiper:ok")
    errors: list[BaseException] = []
    results: list[object] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        sb.add_creation("vidu", "ok", states=["success"])
        sb.add_creation("haiper", "ok", states=["succeed"])
        sb.add_creation("vidu", "e401", faults=[ECHOES["401-json"](MARK_COMFY_KEY)])
        refused = {"comfy_base_url": closed_port_url(), "max_retries": 1}  # logs "retrying" at INFO

        def calls(client: Any) -> list[Any]:
            return [*(lambda r=r: client.get(r) for r in refs), lambda: client.get("vidu:e401")]

        if mode == "sync":
            for options in (keys, token, {**keys, **refused}):
                with sb.client(**options) as client:
                    for call in calls(client):
                        try:
                            results.append(call())
                        except genvideo.GenvideoError as exc:
                            errors.append(exc)
        else:

            async def main() -> None:
                for options in (keys, token, {**keys, **refused}):
                    async with sb.async_client(**options) as client:
                        for call in calls(client):
                            try:
                                results.append(await call())
                            except genvideo.GenvideoError as exc:
                                errors.append(exc)

            asyncio.run(main())
    sent = [value for r in sb.requests for _, value in r.headers]
    assert {MARK_COMFY_KEY, f"Bearer {MARK_HAIPER_KEY}", f"Bearer {MARK_COMFY_TOKEN}"} <= set(sent)  # stripped
    # vidu:ok and haiper:ok with the keys, then with the token (and haiper:ok once more, while vidu is refused)
    assert sum(isinstance(r, genvideo.Creation) and r.id == "ok" for r in results) == 5
    assert {type(e) for e in errors} == {genvideo.AuthenticationError, genvideo.APIConnectionError}
    assert any("retrying in" in t for t in logs.texts)
    assert leaks(t for e in errors for t in exception_texts(e)) == []
    assert leaks(logs.texts) == []


# Keys that cannot be an HTTP header value: refused when the client is made, naming the setting, never the key.
UNSENDABLE = {
    "crlf-inside": "{}\r\nX-Injected: 1",
    "nul": "{}\x00",
    "nul-inside": "MARK\x00{}",
    "tab-inside": "{}\tmore",
    "latin-1": "{}é",
    "non-breaking-space-inside": "{}\u00a0more",
    "zero-width-space": "\u200b{}",
    "emoji": "{}\U0001f511",
}


@pytest.mark.parametrize("bad", list(UNSENDABLE))
@pytest.mark.parametrize("credential", CREDENTIALS)
def test_keys_that_cannot_be_sent_are_refused_and_never_shown(
    bad: str, credential: Credential, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = {"comfy_api_key": MARK_COMFY_KEY, "comfy_auth_token": MARK_COMFY_TOKEN, "haiper_api_key": MARK_HAIPER_KEY}
    key = UNSENDABLE[bad].format(marker[credential])
    env = {"comfy_api_key": "COMFY_API_KEY", "comfy_auth_token": "COMFY_AUTH_TOKEN", "haiper_api_key": "HAIPER_API_KEY"}
    for name in env.values():
        monkeypatch.delenv(name, raising=False)
    errors: list[genvideo.ConfigurationError] = []
    with debug_logs() as logs:
        for make in (
            lambda: genvideo.Client(**{credential: key}),  # type: ignore[arg-type]
            lambda: genvideo.AsyncClient(**{credential: key}),  # type: ignore[arg-type]
        ):
            with pytest.raises(genvideo.ConfigurationError) as info:
                make()
            errors.append(info.value)
            assert f"{credential}=" in str(info.value)
        if "\x00" not in key:  # an environment variable cannot hold NUL
            monkeypatch.setenv(env[credential], key)
            with pytest.raises(genvideo.ConfigurationError) as info:
                genvideo.Client()
            errors.append(info.value)
            assert env[credential] in str(info.value)
    for error in errors:
        assert error.__cause__ is None
        assert error.__context__ is None
    assert leaks(t for e in errors for t in exception_texts(e)) == []
    assert leaks(logs.texts) == []


PASSWORD = "MARKpassWORD-3d9f0b61"  # a marker, not a credential


@pytest.mark.parametrize("setting", ["comfy_base_url", "haiper_base_url"])
@pytest.mark.parametrize("userinfo", [f"user:{PASSWORD}@", f"{PASSWORD}@", f"user:{PASSWORD}@@", f"user:{PASSWORD}/x@"])
def test_a_base_url_with_user_info_is_refused_and_its_password_shown_nowhere(
    setting: str, userinfo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpx would send the user info as Basic auth instead of the key, and repr(client) would print it."""
    monkeypatch.delenv("GENVIDEO_COMFY_BASE_URL", raising=False)
    monkeypatch.delenv("GENVIDEO_HAIPER_BASE_URL", raising=False)
    errors: list[BaseException] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        base = getattr(sb, setting).replace("http://", f"http://{userinfo}", 1)
        for make in (lambda: sb.client(**{setting: base}), lambda: sb.async_client(**{setting: base})):
            with pytest.raises(genvideo.ConfigurationError) as info:
                make()
            errors.append(info.value)
            assert setting in str(info.value)
    assert sb.requests == []
    assert leaks((t for e in errors for t in exception_texts(e)), [PASSWORD, *MARKERS]) == []
    assert leaks(logs.texts, [PASSWORD, *MARKERS]) == []


@pytest.mark.parametrize("mode", MODES)
def test_a_download_link_with_user_info_shows_its_password_nowhere(tmp_path: Path, mode: str) -> None:
    """A provider's link may carry user info: logs, errors and repr() show ***@host, never the password."""
    import asyncio
    import dataclasses

    errors: list[BaseException] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        sb.add_creation("vidu", "ok", states=["success"])
        with sb.client() as client:
            output = client.get("vidu:ok").outputs[0]
        good = dataclasses.replace(output, url=output.url.replace("http://", f"http://user:{PASSWORD}@", 1))
        bad = dataclasses.replace(good, url=good.url.replace("/cdn/", "/not-cdn/", 1), ref=None)
        texts = [repr(good), repr(bad)]
        if mode == "sync":
            with sb.client(max_retries=0) as client:
                client.download(good, tmp_path / "good.mp4")
                try:
                    client.download(bad, tmp_path / "bad.mp4")
                except genvideo.GenvideoError as exc:
                    errors.append(exc)
        else:

            async def main() -> None:
                async with sb.async_client(max_retries=0) as client:
                    await client.download(good, tmp_path / "good.mp4")
                    try:
                        await client.download(bad, tmp_path / "bad.mp4")
                    except genvideo.GenvideoError as exc:
                        errors.append(exc)

            asyncio.run(main())
    assert (tmp_path / "good.mp4").read_bytes() == sb.video("vidu", "ok")
    assert len(errors) == 1
    assert any("/cdn/" in t for t in logs.texts)  # httpx did log the download
    assert leaks([*texts, *(t for e in errors for t in exception_texts(e))], [PASSWORD]) == []
    assert leaks(logs.texts, [PASSWORD]) == []


def test_the_cli_with_padded_or_unsendable_keys_and_user_info_urls(tmp_path: Path) -> None:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("COMFY_", "HAIPER_", "GENVIDEO_"))}
    with marker_sandbox() as sb:
        sb.add_creation("vidu", "ok", states=["success"])
        env = {**base, **sb.env()}
        runs = {
            "newline": {"COMFY_API_KEY": MARK_COMFY_KEY + "\n"},
            "crlf-inside": {"COMFY_API_KEY": MARK_COMFY_KEY + "\r\nX: y"},
            "non-ascii": {"COMFY_API_KEY": MARK_COMFY_KEY + "é"},
            "user-info": {
                "COMFY_API_KEY": MARK_COMFY_KEY,
                "GENVIDEO_COMFY_BASE_URL": sb.comfy_base_url.replace("http://", f"http://u:{PASSWORD}@", 1),
            },
        }
        processes = {
            name: subprocess.Popen(
                [sys.executable, "-m", "genvideo", "-v", "get", "vidu:ok"],
                env={**env, **extra},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for name, extra in runs.items()
        }
        results = {name: p.communicate(timeout=60) for name, p in processes.items()}
    codes = {name: p.returncode for name, p in processes.items()}
    assert codes == {"newline": 0, "crlf-inside": 2, "non-ascii": 2, "user-info": 2}, results
    assert "COMFY_API_KEY" in results["crlf-inside"][1]
    assert "GENVIDEO_COMFY_BASE_URL" in results["user-info"][1]
    for name, (stdout, stderr) in results.items():
        assert "Traceback" not in stderr, (name, stderr)
        assert leaks([stderr, stdout], [PASSWORD, *MARKERS]) == [], (name, stderr)
