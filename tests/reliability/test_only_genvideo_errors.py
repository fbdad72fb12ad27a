"""Only GenvideoError escapes the public API (issue 12): property tests over every entry point.

The rule, checked here for `CreationRef.parse` / `CreationRef(...)`, the `Client(...)` constructor,
`get`, `wait`, `watch`, `download`, `create` and `generate` (and `AsyncClient` where cheap), and for
rendering what comes back (`Creation.to_dict()`, `repr()`, `str()` of every error):

- A call returns, or raises a `GenvideoError` subclass (whose `str()` is valid UTF-8 text).
- The one other exception allowed is a ``TypeError`` for an argument of the wrong *Python type*
  (``download(5)``, ``Client(transport=5)``, ``Client(max_retries="2")``, ``on_progress=5``), as
  Python's own functions raise; a value of the documented type never raises anything else, however
  hostile: NaN, inf, negative or huge numbers, ``None`` where allowed, lone surrogates, control
  characters, 10,000-character strings, ``javascript:`` URLs, ids that would change a URL path.
- An exception raised by the caller's own callback (``on_progress``) propagates unchanged (not
  tested here: it is the caller's).
- What genvideo hands back renders: `to_dict()` is JSON that encodes as UTF-8, and `repr()` of
  creations, outputs and clients encodes as UTF-8.

Everything talks to 127.0.0.1 only: the project's Sandbox, or a raw local server for bodies the
sandbox cannot produce. Hypothesis runs few examples (the module takes a few seconds).

The pinned cases at the end are every gap issue 12 found, one test each, so that they stay fixed.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

import genvideo
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from tests.support.clients import MODES, spec_base_urls
from tests.support.faultmatrix import MARKS, POLLED, PROVIDERS, replies, subject
from tests.support.faultservers import Reply, Request, ScriptedServer, closed_port_url

SETTINGS = settings(
    max_examples=40,
    derandomize=True,  # the same examples every run: CI must not fail on a draw no one can replay
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # no shrinking: a failure reports at once
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# -- hostile values --------------------------------------------------------------------------------------------

HOSTILE_STRINGS = [
    "",
    " ",
    "\ud800",
    "\udfff",
    "a\ud800b",
    "\x00",
    "\x1b[2J\x1b]0;pwned\x07",
    "\r\nX-Injected: 1",
    "\t",
    "\u202egnp.exe",
    "\ufeff",
    "🎬",
    "x" * 10_000,
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "../../etc/passwd",
    "%2e%2e%2f",
    "vidu:../x",
    "vidu:" + "1" * 300,
    "haiper:a/b",
    "http://",
    "https://[::1",
    "file:///etc/passwd",
    "None",
    "NaN",
    "-1",
]
hostile_text = st.one_of(st.sampled_from(HOSTILE_STRINGS), st.text(max_size=40))
HOSTILE_NUMBERS: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    -1,
    -0.0,
    0,
    1e-300,
    1e-9,
    1e300,
    10**400,
    -(10**400),
    2**63,
    True,
    False,
]
hostile_number = st.one_of(
    st.sampled_from(HOSTILE_NUMBERS), st.floats(), st.integers(min_value=-(10**30), max_value=10**30)
)
hostile_value = st.one_of(
    hostile_text,
    hostile_number,
    st.none(),
    st.binary(max_size=16),
    st.lists(hostile_text, max_size=3),
    st.dictionaries(st.text(max_size=5), hostile_text, max_size=2),
)


def encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def call(fn: Callable[[], object], *, wrong_type: bool = False) -> object:
    """``fn()``'s result or the GenvideoError it raised; a TypeError only passes when ``wrong_type``."""
    try:
        return fn()
    except genvideo.GenvideoError as exc:
        error = exc
    except TypeError:
        if wrong_type:
            return None
        raise
    assert encodes(str(error)), repr(error)
    return error


def check_rendering(creation: object) -> None:
    assert isinstance(creation, genvideo.Creation)
    assert json.dumps(creation.to_dict(), ensure_ascii=False, allow_nan=False).encode("utf-8")
    assert encodes(repr(creation))
    for output in creation.outputs:
        assert encodes(repr(output))


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# -- helpers for the strategies ---------------------------------------------------------------------------------


def _an_existing_file(image: object) -> bool:
    items = image if isinstance(image, list) else [image]
    for item in items:
        try:
            if isinstance(item, str) and Path(item).exists():
                return True
        except (OSError, ValueError):
            continue
    return False


# -- fixtures ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sandbox:
        sandbox.add_creation("vidu", "done", states=["success"])
        sandbox.add_creation("haiper", "done", states=["succeed"])
        sandbox.add_creation("vidu", "failed", states=["failed"], failure_code="\x1b[2J\ud800" + "x" * 500)
        yield sandbox


@pytest.fixture(scope="module")
def client(sandbox: Sandbox) -> Iterator[genvideo.Client]:
    with sandbox.client(timeout=5.0, max_retries=0) as c:
        yield c


# -- CreationRef ------------------------------------------------------------------------------------------------


@SETTINGS
@given(value=hostile_value)
def test_creation_ref_parse(value: object) -> None:
    result = call(lambda: genvideo.CreationRef.parse(value))  # type: ignore[arg-type]
    assert isinstance(result, genvideo.CreationRef | genvideo.InvalidCreationRef)
    if isinstance(result, genvideo.CreationRef):
        assert genvideo.CreationRef.parse(str(result)) == result


@SETTINGS
@given(provider=st.one_of(st.sampled_from(PROVIDERS), hostile_value), creation_id=hostile_value)
def test_creation_ref_constructor(provider: object, creation_id: object) -> None:
    result = call(lambda: genvideo.CreationRef(provider, creation_id))  # type: ignore[arg-type]
    assert isinstance(result, genvideo.CreationRef | genvideo.InvalidCreationRef)


# -- Client(...) ------------------------------------------------------------------------------------------------

CLIENT_ARGS: dict[str, tuple[st.SearchStrategy[Any], Callable[[object], bool]]] = {
    # argument: (values, "is of the documented type")
    "comfy_api_key": (st.one_of(hostile_text, st.none(), hostile_number), lambda v: v is None or isinstance(v, str)),
    "comfy_auth_token": (st.one_of(hostile_text, st.none()), lambda v: v is None or isinstance(v, str)),
    "haiper_api_key": (st.one_of(hostile_text, st.none()), lambda v: v is None or isinstance(v, str)),
    "comfy_base_url": (st.one_of(hostile_text, st.none(), hostile_number), lambda v: v is None or isinstance(v, str)),
    "haiper_base_url": (st.one_of(hostile_text, st.none()), lambda v: v is None or isinstance(v, str)),
    "timeout": (st.one_of(hostile_number, st.none(), hostile_text), lambda v: v is None or is_number(v)),
    "max_retries": (st.one_of(hostile_number, hostile_text), lambda v: isinstance(v, int) and not isinstance(v, bool)),
}


@SETTINGS
@given(data=st.data())
def test_client_constructor(data: st.DataObject) -> None:
    names = data.draw(st.lists(st.sampled_from(sorted(CLIENT_ARGS)), unique=True, max_size=4))
    kwargs = {name: data.draw(CLIENT_ARGS[name][0], label=name) for name in names}
    wrong_type = not all(CLIENT_ARGS[name][1](value) for name, value in kwargs.items())

    def make() -> object:
        client = genvideo.Client(**kwargs)
        try:
            assert encodes(repr(client))
        finally:
            client.close()
        return client

    call(make, wrong_type=wrong_type)


@SETTINGS
@given(
    suffix=st.one_of(st.sampled_from(["/", "/x/../y", "/%2e%2e", "?a=b", "#f", "/" + "x" * 5000]), hostile_text),
    key=hostile_text,
    timeout=st.one_of(st.floats(min_value=0.05, max_value=5), st.none()),
)
def test_client_requests_to_local_hosts(suffix: str, key: str, timeout: float | None) -> None:
    """Whatever the base URL's tail and the key, a request raises nothing but a GenvideoError."""
    base = closed_port_url() + suffix
    client = call(lambda: genvideo.Client(comfy_api_key=key, comfy_base_url=base, timeout=timeout, max_retries=0))
    if isinstance(client, genvideo.Client):
        with client:
            call(lambda: client.get("vidu:1"))


# -- get / wait / watch -----------------------------------------------------------------------------------------

refs = st.one_of(st.sampled_from(["vidu:done", "haiper:done", "vidu:failed", "vidu:missing"]), hostile_value)
timeouts = st.one_of(st.floats(min_value=0.5, max_value=5), st.none(), hostile_number, hostile_text)
poll_intervals = st.one_of(st.floats(min_value=0.01, max_value=0.05), hostile_number, hostile_text, st.none())


@SETTINGS
@given(ref=refs, timeout=timeouts, poll_interval=poll_intervals, how=st.sampled_from(["get", "wait", "watch"]))
def test_get_wait_watch(client: genvideo.Client, ref: object, timeout: object, poll_interval: object, how: str) -> None:
    if how != "get" and (timeout is None or (is_number(timeout) and timeout > 5)):  # type: ignore[operator]
        # No deadline: waiting on a ref that never finishes (one that keeps failing with a retryable
        # error) would rightly poll for ever; only the refs that end are waited on without one.
        assume(ref in ("vidu:done", "haiper:done", "vidu:failed", "vidu:missing"))
    if how == "get":
        result = call(lambda: client.get(ref))  # type: ignore[arg-type]
    elif how == "wait":
        result = call(lambda: client.wait(ref, timeout=timeout, poll_interval=poll_interval))  # type: ignore[arg-type]
    else:
        result = call(lambda: list(client.watch(ref, timeout=timeout, poll_interval=poll_interval)))  # type: ignore[arg-type]
    for creation in result if isinstance(result, list) else [result]:
        if isinstance(creation, genvideo.Creation):
            check_rendering(creation)
    if isinstance(result, genvideo.CreationFailed | genvideo.WaitTimeout) and result.creation is not None:
        check_rendering(result.creation)


@settings(SETTINGS, max_examples=20)
@given(ref=refs, timeout=timeouts, poll_interval=poll_intervals)
def test_async_wait_and_watch(sandbox: Sandbox, ref: object, timeout: object, poll_interval: object) -> None:
    async def main() -> list[str]:
        messages = []
        async with sandbox.async_client(timeout=5.0, max_retries=0) as client:
            try:
                await client.wait(ref, timeout=timeout, poll_interval=poll_interval)  # type: ignore[arg-type]
            except genvideo.GenvideoError as exc:
                messages.append(str(exc))
            try:
                async for snapshot in client.watch(ref, timeout=timeout, poll_interval=poll_interval):  # type: ignore[arg-type]
                    check_rendering(snapshot)
            except genvideo.GenvideoError as exc:
                messages.append(str(exc))
        return messages

    assert all(encodes(message) for message in asyncio.run(main()))


def test_on_progress_of_the_wrong_type_is_a_type_error(client: genvideo.Client) -> None:
    """The documented exception to the rule: wrong Python types raise TypeError."""
    with pytest.raises(TypeError):
        client.wait("vidu:done", timeout=5, poll_interval=0.01, on_progress=5)  # type: ignore[arg-type]


# -- download ---------------------------------------------------------------------------------------------------

hostile_urls = st.one_of(
    hostile_text,
    st.builds(lambda tail: "http://127.0.0.1:1/" + tail, hostile_text),
    st.builds(lambda tail: "https://cdn.example.invalid" + tail, st.sampled_from(["", ":0/x", ":99999/x", ":-1/x"])),
)


@SETTINGS
@given(name=hostile_text, good_url=st.booleans(), url=hostile_urls)
def test_download(
    client: genvideo.Client, tmp_path_factory: pytest.TempPathFactory, name: str, good_url: bool, url: str
) -> None:
    """A hostile destination name (under a fresh folder) or a hostile output URL: DownloadError at worst."""
    assume(os.sep not in name and name.strip(".") != "")  # stay inside the fresh folder
    if not good_url:
        assume(not url.startswith(("https://cdn.example.invalid", "http://", "https://")) or "127.0.0.1" in url)
    folder = tmp_path_factory.mktemp("dl")
    target = client.get("vidu:done").outputs[0] if good_url else genvideo.VideoOutput(url)
    result = call(lambda: client.download(target, folder / name if name else folder))
    if isinstance(result, Path):
        assert result.parent == folder
        assert result.is_file()
    else:
        assert list(folder.iterdir()) == []  # nothing left behind


@pytest.mark.parametrize("target", [5, None, "vidu:done", b"x", genvideo.CreationRef("vidu", "done")], ids=repr)
def test_download_target_of_the_wrong_type_is_a_type_error(
    client: genvideo.Client, tmp_path: Path, target: object
) -> None:
    assert call(lambda: client.download(target, tmp_path), wrong_type=True) is None  # type: ignore[arg-type]


# -- create / generate ------------------------------------------------------------------------------------------

images = st.one_of(st.none(), hostile_text, st.binary(max_size=20), st.lists(hostile_text, max_size=2))


@SETTINGS
@given(
    provider=st.one_of(st.sampled_from(PROVIDERS), hostile_value),
    prompt=st.one_of(hostile_text, st.none(), hostile_number),
    image=images,
    number=st.sampled_from(["duration", "seed", "resolution"]),
    number_value=st.one_of(hostile_number, hostile_text, st.none()),
    option=st.one_of(st.sampled_from(["mode", "model", "style", "payload", "settings", "is_public"]), hostile_text),
    option_value=hostile_value,
)
def test_create(
    client: genvideo.Client,
    provider: object,
    prompt: object,
    image: object,
    number: str,
    number_value: object,
    option: str,
    option_value: object,
) -> None:
    assume(not _an_existing_file(image))  # never upload a real file by chance
    kwargs = {"prompt": prompt, "image": image, number: number_value, option: option_value}
    wrong_type = image is not None and not isinstance(image, str | bytes | list)
    result = call(lambda: client.create(provider, **kwargs), wrong_type=wrong_type)  # type: ignore[arg-type]
    assert result is None or isinstance(result, genvideo.CreationRef | genvideo.GenvideoError)


@settings(SETTINGS, max_examples=15)
@given(timeout=timeouts, poll_interval=poll_intervals, provider=st.sampled_from(POLLED))
def test_generate(sandbox: Sandbox, timeout: object, poll_interval: object, provider: str) -> None:
    sandbox.script_submits(provider, Sandbox.submit_script(states=[subject(provider).success]))
    # What the provider needs besides a prompt (Runway: an image), or instead of one (a video transform).
    extra = {"prompt": "a fox", **fakes()[provider].demo_arguments}
    with sandbox.client(timeout=5.0, max_retries=0) as client:
        result = call(
            lambda: client.generate(provider, timeout=timeout, poll_interval=poll_interval, **extra)  # type: ignore[arg-type]
        )
    if isinstance(result, genvideo.Creation):
        check_rendering(result)


# -- rendering hostile payloads ---------------------------------------------------------------------------------


class Bodies:
    def __init__(self) -> None:
        self.replies: dict[str, bytes] = {}

    def __call__(self, request: Request) -> Reply:
        body = self.replies.get(request.target) or self.replies.get(request.target.partition("?")[0])
        if body is None:
            return Reply(404, b'{"message": "no such path"}')
        return Reply(200, body, headers=[("Content-Type", "application/json")])


@pytest.fixture(scope="module")
def raw_server() -> Iterator[tuple[ScriptedServer, Bodies]]:
    bodies = Bodies()
    with ScriptedServer(bodies) as srv:
        yield srv, bodies


@pytest.fixture(scope="module")
def raw_client(raw_server: tuple[ScriptedServer, Bodies]) -> Iterator[genvideo.Client]:
    srv, _ = raw_server
    with genvideo.Client(
        comfy_api_key="key-1",
        haiper_api_key="key-2",
        comfy_base_url=srv.base_url,
        haiper_base_url=srv.base_url,
        timeout=5.0,
        max_retries=0,
    ) as c:
        yield c


field_text = st.one_of(hostile_text, st.sampled_from(["success", "failed", "succeed", "processing", "x1", "h1"]))
field_value = st.one_of(field_text, st.none(), hostile_number)


@SETTINGS
@given(
    state=field_value,
    err_code=field_value,
    reply_id=st.one_of(st.just("x1"), field_value),
    urls=st.lists(
        st.one_of(field_text, st.sampled_from(["https://cdn.example.com/v.mp4?Signature=s3cr3t"])), max_size=3
    ),
    created_at=field_value,
)
def test_vidu_payload_rendering(
    raw_server: tuple[ScriptedServer, Bodies],
    raw_client: genvideo.Client,
    state: object,
    err_code: object,
    reply_id: object,
    urls: list[str],
    created_at: object,
) -> None:
    _, bodies = raw_server
    body = {
        "id": reply_id,
        "state": state,
        "err_code": err_code,
        "created_at": created_at,
        "updated_at": created_at,
        "progress": 50,
        "creations": [{"url": u, "cover_url": u, "watermarked_url": u} for u in urls],
    }
    bodies.replies["/proxy/vidu/tasks/x1/creations"] = json.dumps(body, allow_nan=True).encode()  # \udxxx escapes
    result = call(lambda: raw_client.get("vidu:x1"))
    if isinstance(result, genvideo.Creation):
        check_rendering(result)
        failed = call(lambda: raw_client.wait("vidu:x1", timeout=0, poll_interval=0.01))
        if isinstance(failed, genvideo.CreationFailed):
            assert "\x1b" not in str(failed)


@SETTINGS
@given(
    status=field_value,
    generation=st.one_of(st.just("h1"), field_value),
    video=field_text,
    outputs=st.lists(field_text, max_size=2),
    create_time=field_value,
)
def test_haiper_payload_rendering(
    raw_server: tuple[ScriptedServer, Bodies],
    raw_client: genvideo.Client,
    status: object,
    generation: object,
    video: str,
    outputs: list[str],
    create_time: object,
) -> None:
    _, bodies = raw_server
    bodies.replies["/v1/jobs/h1/status"] = json.dumps(
        {"status": "success", "value": {"status": "succeed" if status == "succeed" else status, "progress": 1}}
    ).encode()
    bodies.replies["/v1/creation/h1"] = json.dumps(
        {
            "status": "success",
            "value": {
                "creation_id": generation,
                "create_time": create_time,
                "update_time": create_time,
                "video_url": video,
                "thumbnail_url": video,
                "outputs": [{"media_url": u, "thumbnail_url": u} for u in outputs],
            },
        },
        allow_nan=True,
    ).encode()
    result = call(lambda: raw_client.get("haiper:h1"))
    if isinstance(result, genvideo.Creation):
        check_rendering(result)


@pytest.fixture(scope="module")
def spec_client(raw_server: tuple[ScriptedServer, Bodies]) -> Iterator[genvideo.Client]:
    """A client of every provider on the raw server, whose paths are the sandbox's (`/<spec>/...`)."""
    srv, _ = raw_server
    options: dict[str, Any] = {**MARKS, **spec_base_urls(srv.base_url)}
    with genvideo.Client(**options, timeout=5.0, max_retries=0) as c:
        yield c


@st.composite
def hostile_fields(draw: st.DrawFn, template: Any) -> Any:
    """`template` (decoded JSON) with some of its strings, numbers and nulls swapped for hostile values."""
    if isinstance(template, dict):
        return {key: draw(hostile_fields(value)) for key, value in template.items()}
    if isinstance(template, list):
        return [draw(hostile_fields(value)) for value in template]
    return draw(st.one_of(st.just(template), st.just(template), field_value))


@settings(SETTINGS, max_examples=25)
@pytest.mark.parametrize("provider", POLLED)
@given(data=st.data())
def test_payload_rendering_for_every_provider(
    raw_server: tuple[ScriptedServer, Bodies], spec_client: genvideo.Client, provider: str, data: st.DataObject
) -> None:
    """The provider's own replies (its fake's, in each state) with hostile values in their fields."""
    _, bodies = raw_server
    shape = replies(provider)
    bodies.replies.clear()
    for path in shape.paths:
        choices = shape.templates[path] + ([shape.succeeded[path]] if path in shape.succeeded else [])
        body = data.draw(hostile_fields(data.draw(st.sampled_from(choices))), label=path)
        bodies.replies[path] = json.dumps(body, allow_nan=True).encode()  # \udxxx escapes
    result = call(lambda: spec_client.get(shape.ref))
    if isinstance(result, genvideo.Creation):
        check_rendering(result)
        failed = call(lambda: spec_client.wait(shape.ref, timeout=0, poll_interval=0.01))
        if isinstance(failed, genvideo.CreationFailed):
            assert "\x1b" not in str(failed)


# -- pinned cases: every gap issue 12 found, kept as regression tests ------------------------------------------
# (Written while the fixes landed: each was a strict xfail until its fix, then became a plain case.) Cases fixed by
# their owners while this module was written: they stay as regression tests.


def _with_client(**kwargs: Any) -> Callable[[], object]:
    def run() -> object:
        with genvideo.Client(**{"max_retries": 0, "timeout": 2.0, **kwargs}) as c:
            return c.get("vidu:1")

    return run


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://[::1", id="unclosed-ipv6"),
        pytest.param("http://127.0.0.1:\t{port}", id="tab-in-port"),
        pytest.param("http://127.0.0.1:{port}\n", id="trailing-newline"),
        pytest.param("http://127.0.0.1:{port}/a\tb", id="tab-in-path"),
        pytest.param("http://127.0.0.1:abc", id="port-not-a-number"),
        pytest.param("http://127.0.0.1:" + "9" * 30, id="port-too-large"),
        pytest.param("http://a\ud800.example", id="surrogate-host"),
    ],
)
def test_pinned_base_urls(url: str) -> None:
    port = closed_port_url().rsplit(":", 1)[1]
    call(_with_client(comfy_api_key="k", comfy_base_url=url.replace("{port}", port)))


@pytest.mark.parametrize("how", ["get", "wait", "create", "download"])
def test_pinned_calls_after_close(sandbox: Sandbox, tmp_path: Path, how: str) -> None:
    client = sandbox.client(timeout=5.0)
    creation = client.get("vidu:done")
    client.close()
    calls: dict[str, Callable[[], object]] = {
        "get": lambda: client.get("vidu:done"),
        "wait": lambda: client.wait("vidu:done", timeout=1),
        "create": lambda: client.create("vidu", prompt="a fox"),
        "download": lambda: client.download(creation, tmp_path),
    }
    call(calls[how])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("where", ["api", "download"])
def test_pinned_redirect_to_javascript(tmp_path: Path, mode: str, where: str) -> None:
    with Sandbox() as box:
        faults = [Fault.redirect("javascript:alert(1)")]
        box.add_creation(
            "vidu",
            "r",
            states=["success"],
            faults=faults if where == "api" else (),
            download_faults=faults if where == "download" else (),
        )

        async def download_async() -> object:
            async with box.async_client(timeout=5.0) as c:
                return await c.download(await c.get("vidu:r"), tmp_path)

        def download_sync() -> object:
            with box.client(timeout=5.0) as c:
                return c.download(c.get("vidu:r"), tmp_path)

        call(download_sync if mode == "sync" else lambda: asyncio.run(download_async()))


@pytest.mark.parametrize(
    "dest",
    [
        pytest.param("a" * 250 + ".mp4", id="250-char-name"),
        pytest.param("<folder>", id="256-char-id-into-a-folder"),
        pytest.param("\ud800.mp4", id="surrogate-name"),
        pytest.param("a\x00.mp4", id="nul-in-name"),
    ],
)
def test_pinned_destination_names(tmp_path: Path, dest: str) -> None:
    creation_id = "a" * 256 if dest == "<folder>" else "d"
    with Sandbox() as box:
        box.add_creation("vidu", creation_id, states=["success"])
        with box.client(timeout=5.0) as c:
            creation = c.get(f"vidu:{creation_id}")
            result = call(lambda: c.download(creation, tmp_path if dest == "<folder>" else tmp_path / dest))
    if isinstance(result, Path):
        assert [p.name for p in tmp_path.iterdir()] == [result.name]
    else:
        assert list(tmp_path.iterdir()) == []  # a failed download leaves nothing


@pytest.mark.parametrize("key", ["clé", "\ud800", "k\u2028", "k\r\nX-Injected: 1"])
def test_pinned_credentials_that_cannot_be_sent(sandbox: Sandbox, key: str) -> None:
    call(_with_client(comfy_api_key=key, comfy_base_url=sandbox.comfy_base_url))


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"timeout": -1}, id="timeout-negative"),
        pytest.param({"timeout": math.nan}, id="timeout-nan"),
        pytest.param({"timeout": math.inf}, id="timeout-inf"),
        pytest.param({"timeout": 1e300}, id="timeout-1e300"),
        pytest.param({"max_retries": -1}, id="max-retries-negative"),
    ],
)
def test_pinned_client_configuration(sandbox: Sandbox, kwargs: dict[str, Any]) -> None:
    call(_with_client(comfy_api_key="k", comfy_base_url=sandbox.comfy_base_url, **kwargs))


@pytest.mark.parametrize("image", ["x" * 300, "dir/" + "y" * 10_000], ids=["300-chars", "10k-chars"])
def test_pinned_image_strings_too_long_for_a_file_name(sandbox: Sandbox, image: str) -> None:
    with sandbox.client(timeout=5.0) as c:
        call(lambda: c.create("vidu", prompt="a fox", image=image))


def test_pinned_generate_checks_wait_arguments_before_submitting() -> None:
    with Sandbox() as box, box.client(timeout=5.0) as c:
        with pytest.raises(genvideo.InvalidOption):
            c.generate("vidu", prompt="a fox", timeout=math.nan)
        assert box.submissions == []  # nothing billed for a call refused for its own arguments
