"""Secret hygiene: credentials and signed download links never show up where they should not.

The keys are unique marker strings and every logger (`genvideo`, `httpx`, `httpcore`) runs at DEBUG.
The whole fault matrix runs, for every registered provider (every row, operation and client, with each
credential of the provider's spec: the `fault_matrix` fixture, shared with the fault matrix's own
tests), and then no marker may appear in any log record, in any exception (walking
`__cause__`/`__context__`, messages, `args` and attributes), in the `repr()` of clients, creations and
outputs, or in any request outside the provider APIs (the CDN); and no signed query (`Signature=...`)
may appear in any log record at any level. Then, for every provider: error answers that echo the key
back (polls and submits), and a creation whose failure reason (in the provider's own reply shape, as its
sandbox fake renders it) is the key. Also: `pickle`/`copy` of a `Secret`, and the CLI's stderr.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import json
import logging
import os
import pickle
import re
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import genvideo
from genvideo._credentials import Credentials, Secret
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from genvideo.testing._recording import RecordedRequest
from tests.support.clients import MODES
from tests.support.faultmatrix import (
    LOGGERS,
    MARK_COMFY_KEY,
    MARK_COMFY_TOKEN,
    MARK_HAIPER_KEY,
    MARKERS,
    MARKS,
    POLLED,
    PROVIDERS,
    Credential,
    MatrixRun,
    Subject,
    debug_logs,
    marker_sandbox,
    subject,
    subjects,
)
from tests.support.faultservers import Reply, ScriptedServer, closed_port_url

SIGNATURE = re.compile(r"Signature=([^&\s'\"]+)")
CREDENTIALS: tuple[Credential, ...] = tuple(source.argument for source in registry().credential_sources)
PER_CREDENTIAL = [(s.provider, c) for s in subjects() if not s.synchronous for c in s.credentials]
"""Every polled provider with each credential of its spec (a synchronous one has nothing to look up: the
fault matrix's generate rows cover it, with each credential)."""


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


def spec_of(request: RecordedRequest) -> str | None:
    """The spec whose API (the sandbox serves each under `/<spec>/`) a request went to; None: elsewhere (the CDN)."""
    top = request.path.split("/")[1] if request.path.count("/") > 1 else ""
    return top if top in registry().specs else None


def only(facts: Subject, credential: Credential, **options: Any) -> dict[str, Any]:
    """Client options holding only `credential` among the keys of the provider's spec."""
    return {**dict.fromkeys(facts.credentials), credential: MARKS[credential], **options}


# -- the whole fault matrix, for every provider, with marker keys ---------------------------------------------


def test_the_matrix_ran_with_the_markers_and_logged_at_debug(fault_matrix: MatrixRun) -> None:
    """The checks below are not vacuous: every key was sent, every provider ran, all three loggers wrote."""
    sent = [value for r in fault_matrix.sb.requests for _, value in r.headers]
    for marker in MARKERS:
        assert any(marker in v for v in sent), marker
    assert {o.provider for o in fault_matrix.observations} == set(PROVIDERS)
    names = {record.name.split(".")[0] for record in fault_matrix.logs.records}
    assert set(LOGGERS) <= names
    assert any(record.levelno == logging.DEBUG for record in fault_matrix.logs.records)
    assert any("retrying in" in record.getMessage() for record in fault_matrix.logs.records)
    for provider in PROVIDERS:
        ran = [o for o in fault_matrix.observations if o.provider == provider]
        if subject(provider).synchronous:  # generate rows only, each a failure
            assert sum(o.op == "generate" and o.error is not None for o in ran) > 20, provider
            continue
        assert sum(o.error is not None for o in ran) > 100, provider
        # an inline (base64) output has no URL to download: the matrix runs no download for it
        assert any(o.op == "download" and o.error is None for o in ran) == subject(provider).url_outputs, provider


def test_no_key_in_any_log_record(fault_matrix: MatrixRun) -> None:
    assert leaks(fault_matrix.logs.texts) == []


def test_no_key_in_any_exception(fault_matrix: MatrixRun) -> None:
    found = [
        (o.provider, o.row.id, o.op, o.mode, o.credential, text)
        for o in fault_matrix.observations
        for text in leaks(exception_texts(o.error))
    ]
    assert found == []


def test_no_key_in_the_repr_of_clients_creations_or_outputs(fault_matrix: MatrixRun) -> None:
    texts: list[str] = []
    for obs in fault_matrix.observations:
        texts += [repr(c) for c in obs.clients] + [str(c) for c in obs.clients]
        texts.append(repr(obs.result))
        if isinstance(obs.result, genvideo.Creation):
            texts += [repr(o) for o in obs.result.outputs] + [str(obs.result.to_dict())]
        if isinstance(obs.error, genvideo.WaitTimeout | genvideo.CreationFailed) and obs.error.creation:
            texts.append(repr(obs.error.creation))
    assert len(texts) > 200 * len(PROVIDERS)
    assert leaks(texts) == []


def test_requests_carry_only_the_credentials_of_their_api(fault_matrix: MatrixRun) -> None:
    """A provider API gets its own spec's credential and no other spec's; anything else (the CDN's signed
    links, wherever a provider's video is) gets none."""
    elsewhere = 0
    for request in fault_matrix.sb.requests:
        spec = spec_of(request)
        texts = [request.target, repr(request.headers)]
        if spec is None:
            elsewhere += 1
            assert not request.sent_credentials, request.headers
            assert leaks(texts) == []
        else:
            others = [MARKS[s.argument] for name, e in registry().specs.items() if name != spec for s in e.credentials]
            assert leaks(texts, others) == [], (spec, request.target)
    assert elsewhere > 20 * len(PROVIDERS)


def test_no_signed_query_in_any_log_record(fault_matrix: MatrixRun) -> None:
    """Not from genvideo, httpx or httpcore, at any level (redirect targets included)."""
    downloads = [r for r in fault_matrix.sb.requests if spec_of(r) is None]
    signatures = {match for r in downloads for match in SIGNATURE.findall(r.query)}
    for obs in fault_matrix.observations:
        if isinstance(obs.result, genvideo.Creation):
            signatures |= {s for o in obs.result.outputs for s in SIGNATURE.findall(o.url)}
    assert len(signatures) > 10 * len(PROVIDERS)
    signatures |= {
        s for o in fault_matrix.observations if o.row.id == "302" and o.ctx for s in SIGNATURE.findall(o.ctx.video_url)
    }
    paths = {urlsplit(o.ctx.video_url).path for o in fault_matrix.observations if o.ctx and o.ctx.video_url}
    assert any(path in t for t in fault_matrix.logs.texts for path in list(paths)[:50])  # httpx logged downloads
    assert leaks(fault_matrix.logs.texts, signatures) == []


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


def _raised(call: Callable[[], object]) -> BaseException | None:
    try:
        call()
    except genvideo.GenvideoError as exc:
        return exc
    return None


def _echoed(provider: str, credential: Credential, echo: str) -> tuple[list[BaseException | None], list[str]]:
    """get, wait and create of `provider` holding only `credential`, in a sandbox of its own whose polls and
    submits (every submit endpoint of the provider's fake) all answer an echo of that credential; the
    errors, and every header value the sandbox received."""
    facts, fake = subject(provider), fakes()[provider]
    fault = ECHOES[echo](MARKS[credential])
    with marker_sandbox() as sb:
        ref = facts.add_creation(sb, "echo", faults=[fault] * 4)
        for endpoint in fake.submits:
            sb.add_fault(sb.submit_path(provider, endpoint.name), *[fault] * 4)
        with sb.client(**only(facts, credential, timeout=2.0, max_retries=1)) as client:
            found = [
                _raised(lambda: client.get(ref)),
                _raised(lambda: client.wait(ref, timeout=0.3)),
                _raised(lambda: client.create(provider, **{"prompt": "a fox", **fake.demo_arguments})),
            ]
    return found, [value for r in sb.requests for _, value in r.headers]


@pytest.mark.parametrize("echo", list(ECHOES))
def test_answers_echoing_the_key_do_not_leak_it(echo: str) -> None:
    """Every provider, with each credential of its spec: polls and submits answered by an echo of the key."""
    with debug_logs() as logs, ThreadPoolExecutor(len(PER_CREDENTIAL)) as pool:
        futures = {case: pool.submit(_echoed, *case, echo) for case in PER_CREDENTIAL}
        results = {case: future.result() for case, future in futures.items()}
    for (provider, credential), (raised, sent) in results.items():
        assert all(isinstance(e, genvideo.GenvideoError) for e in raised), (provider, credential, raised)
        assert any(MARKS[credential] in value for value in sent), (provider, credential)  # the key did go out
    errors = [e for raised, _ in results.values() for e in raised]
    assert leaks(t for e in errors for t in exception_texts(e)) == []
    assert leaks(logs.texts) == []


def test_a_reason_phrase_echoing_the_key_does_not_leak_it() -> None:
    errors: list[BaseException] = []
    with ScriptedServer(lambda r: Reply(500, b"", reason=f"bad key {' '.join(MARKERS)}")) as srv:
        options: dict[str, Any] = {**MARKS, **dict.fromkeys(registry().base_url_arguments, srv.base_url)}
        with genvideo.Client(**options, max_retries=0) as client:
            for facts in (s for s in subjects() if not s.synchronous):
                with pytest.raises(genvideo.ServerError) as info:
                    client.get(facts.ref("1"))
                errors.append(info.value)
    assert leaks(t for e in errors for t in exception_texts(e)) == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("provider", POLLED)
def test_a_redirected_download_logs_no_signed_query(tmp_path: Path, provider: str, mode: str) -> None:
    facts = subject(provider)
    if not facts.url_outputs:
        pytest.skip("an inline (base64) output has no URL to redirect")
    with Sandbox() as sb:
        refs = [facts.add_creation(sb, cid, states=[facts.success]) for cid in ("from", "to")]
        with sb.client() as c:
            source, target = c.get(refs[0]), c.get(refs[1]).outputs[0].url
        sb.add_fault(urlsplit(source.outputs[0].url).path, Fault.redirect(target))
        with debug_logs() as logs:
            if mode == "sync":
                with sb.client() as c:
                    c.download(source, tmp_path / "v.mp4")
            else:

                async def main() -> None:
                    async with sb.async_client() as ac:
                        await ac.download(source, tmp_path / "v.mp4")

                asyncio.run(main())
        assert (tmp_path / "v.mp4").read_bytes() == sb.video(provider, subject(provider).id("to"))
    signatures = set(SIGNATURE.findall(target)) | set(SIGNATURE.findall(source.outputs[0].url))
    assert [t for t in logs.texts if any(s in t for s in signatures)] == []


def test_a_header_echoing_the_key_is_not_logged() -> None:
    errors: list[BaseException] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        for provider, credential in PER_CREDENTIAL:
            facts = subject(provider)
            fault = Fault.status(401, headers={"X-Comfy-Error-Type": MARKS[credential]})
            ref = facts.add_creation(sb, f"h.{credential}", faults=[fault])
            with (
                sb.client(**only(facts, credential, max_retries=0)) as client,
                pytest.raises(genvideo.AuthenticationError) as info,
            ):
                client.get(ref)
            errors.append(info.value)
    assert leaks(t for e in errors for t in exception_texts(e)) == []  # the error itself masks it
    assert leaks(logs.texts) == []


# -- a failure reason echoing the key, in each provider's reply shape -------------------------------------------

PROBE = "PROBE-reason-5e1f"


@functools.cache
def carries_the_reason(provider: str) -> bool:
    """Whether the provider's reply for a failed creation (as its fake writes it) carries the failure reason."""
    facts = subject(provider)
    with marker_sandbox() as sb:
        facts.add_creation(sb, "probe", states=fakes()[provider].failed_states, failure_code=PROBE)
        lookups, _ = facts.lookups(sb, "probe")
    return PROBE in json.dumps([x.body for x in lookups])


@pytest.mark.parametrize("provider", POLLED)
def test_a_failure_reason_echoing_the_key_does_not_leak_it(provider: str) -> None:
    """A creation that failed with the key in its reason (the fake renders `failure_code` where the provider
    puts its failure code or message): the Creation, the CreationFailed and the logs do not show it."""
    facts = subject(provider)
    fake = fakes()[provider]
    texts: list[str] = []
    states: list[genvideo.CreationState] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        for credential in facts.credentials:
            ref = facts.add_creation(
                sb, f"f.{credential}", states=fake.failed_states, failure_code=f"refused {MARKS[credential]}"
            )
            with sb.client(**only(facts, credential, timeout=2.0)) as client:
                creation = client.get(ref)
                error = _raised(lambda: client.wait(ref, timeout=2.0, poll_interval=0.01))  # noqa: B023
            states.append(creation.state)
            assert isinstance(error, genvideo.CreationFailed), error
            if carries_the_reason(provider):  # the reason is there, with the key masked
                assert "refused ***" in f"{creation.error_code} {creation.error_message}"
            texts += [repr(creation), str(creation), str(creation.to_dict()), *exception_texts(error)]
    assert set(states) == {genvideo.CreationState.FAILED}
    assert leaks(texts) == []
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
# The CLI prints every provider's errors with the same code, and each spec's keys go through the same
# credential handling: one provider per spec (Vidu's for Comfy's keys, Haiper's) is enough here and below.


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
    key = UNSENDABLE[bad].format(MARKS[credential])
    env = {source.argument: source.env for source in registry().credential_sources}
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


@pytest.mark.parametrize("setting", registry().base_url_arguments)
@pytest.mark.parametrize("userinfo", [f"user:{PASSWORD}@", f"{PASSWORD}@", f"user:{PASSWORD}@@", f"user:{PASSWORD}/x@"])
def test_a_base_url_with_user_info_is_refused_and_its_password_shown_nowhere(
    setting: str, userinfo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """httpx would send the user info as Basic auth instead of the key, and repr(client) would print it."""
    for spec in registry().specs.values():
        monkeypatch.delenv(spec.base_url_env, raising=False)
    (spec,) = (s for s in registry().specs.values() if s.base_url_argument == setting)
    errors: list[BaseException] = []
    with marker_sandbox() as sb, debug_logs() as logs:
        base = sb.base_url_for(spec.name).replace("http://", f"http://{userinfo}", 1)
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
