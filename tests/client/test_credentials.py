"""Credentials and base URLs (issue 12): what a key and a base URL may hold, and masking every rendering
of a key, in error messages and in the log redactor, for exactly as long as a client holds it."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import traceback
from collections.abc import Iterator
from urllib.parse import quote

import pytest

import genvideo
from genvideo._credentials import Credentials, check_base_url, mask_secrets
from genvideo._logging import redactor
from genvideo._models import VideoOutput, redact_url
from genvideo._responses import scrub
from genvideo.testing import Sandbox

KEY = "gv-cred-key-4b7d19e2"
PASSWORD = "pw-5e0c13aa"  # a marker, not a credential


def texts_of(exc: BaseException) -> Iterator[str]:
    """Everything an exception can print: message, repr, args, traceback, attributes, and its chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    stack = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield repr(current.args)
        yield "".join(traceback.format_exception(current))
        yield repr(vars(current))
        stack += [current.__cause__, current.__context__]  # type: ignore[list-item]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COMFY_API_KEY", "COMFY_AUTH_TOKEN", "HAIPER_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("GENVIDEO_COMFY_BASE_URL", raising=False)
    monkeypatch.delenv("GENVIDEO_HAIPER_BASE_URL", raising=False)


# -- keys ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [f"{KEY}\n", f"{KEY}\r\n", f"  {KEY}\t ", f"\n{KEY}"])
@pytest.mark.parametrize("source", ["argument", "environment"])
def test_surrounding_whitespace_is_stripped(
    raw: str, source: str, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key read from a file keeps its newline: it is stripped, and the stripped key is what is sent."""
    if source == "argument":
        credentials = Credentials.resolve(comfy_api_key=raw, comfy_auth_token=raw, haiper_api_key=raw)
    else:
        for name in ("COMFY_API_KEY", "COMFY_AUTH_TOKEN", "HAIPER_API_KEY"):
            monkeypatch.setenv(name, raw)
        credentials = Credentials.resolve(comfy_api_key=None, comfy_auth_token=None, haiper_api_key=None)
    assert credentials.values() == (KEY, KEY, KEY)
    assert credentials.headers_for("vidu") == {"X-API-Key": KEY}
    assert credentials.headers_for("haiper") == {"Authorization": f"Bearer {KEY}"}


def test_a_key_with_a_trailing_newline_works_against_the_sandbox(clean_env: None) -> None:
    with Sandbox(comfy_api_key=KEY, haiper_api_key=KEY) as sb:
        sb.add_creation("vidu", "1", states=["success"])
        sb.add_creation("haiper", "2", states=["succeed"])
        client = genvideo.Client(
            comfy_api_key=KEY + "\n",
            haiper_api_key=KEY + "\r\n",
            comfy_base_url=sb.comfy_base_url,
            haiper_base_url=sb.haiper_base_url,
        )
        with client:
            assert client.get("vidu:1").state is genvideo.CreationState.SUCCEEDED
            assert client.get("haiper:2").state is genvideo.CreationState.SUCCEEDED


@pytest.mark.parametrize("blank", ["", "  ", "\n", "\r\n\t"])
def test_a_blank_key_is_no_key(blank: str, clean_env: None) -> None:
    with genvideo.Client(comfy_api_key=blank) as client, pytest.raises(genvideo.MissingCredentials):
        client.get("vidu:1")


BAD_KEYS = {
    "crlf-inside": f"{KEY}\r\nX-Injected: 1",
    "nul": f"{KEY}\x00",
    "tab-inside": f"gv-cred\t{KEY}",
    "del": f"{KEY}\x7f",
    "latin-1": f"{KEY}é",
    "nbsp-inside": f"gv-cred\u00a0{KEY}",
    "zero-width-space": f"{KEY}\u200b",
    "line-separator-inside": f"gv\u2028{KEY}",
    "emoji": f"{KEY}\U0001f511",
    "surrogate": f"{KEY}\ud800",
}


@pytest.mark.parametrize("name", list(BAD_KEYS))
@pytest.mark.parametrize("setting", ["comfy_api_key", "comfy_auth_token", "haiper_api_key"])
def test_a_key_that_cannot_be_a_header_value_is_refused_by_name(name: str, setting: str, clean_env: None) -> None:
    with pytest.raises(genvideo.ConfigurationError) as info:
        genvideo.Client(**{setting: BAD_KEYS[name]})  # type: ignore[arg-type]
    message = str(info.value)
    assert f"{setting}=" in message
    assert "printable ASCII" in message
    assert info.value.__cause__ is None
    assert info.value.__context__ is None
    assert [t for t in texts_of(info.value) if KEY in t] == []
    message.encode("utf-8")  # a surrogate in the key does not make the message unprintable


@pytest.mark.parametrize(
    ("setting", "env"),
    [
        ("comfy_api_key", "COMFY_API_KEY"),
        ("comfy_auth_token", "COMFY_AUTH_TOKEN"),
        ("haiper_api_key", "HAIPER_API_KEY"),
    ],
)
def test_a_bad_key_from_the_environment_names_the_variable(
    setting: str, env: str, clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(env, f"{KEY}\r\nX: y")
    with pytest.raises(genvideo.ConfigurationError) as info:
        genvideo.Client()
    assert env in str(info.value)
    assert f"{setting}=" not in str(info.value)
    assert [t for t in texts_of(info.value) if KEY in t] == []


def test_a_key_of_the_wrong_type_is_a_type_error(clean_env: None) -> None:
    with pytest.raises(TypeError, match="comfy_api_key= must be a str"):
        genvideo.Client(comfy_api_key=b"bytes-key-123")  # type: ignore[arg-type]


def test_short_keys_are_accepted(clean_env: None) -> None:
    """Tests and sandboxes use keys such as "k": accepted (but not masked: see the redactor tests)."""
    with genvideo.Client(comfy_api_key="k") as client:
        assert client._credentials.headers_for("vidu") == {"X-API-Key": "k"}


# -- masking every rendering ---------------------------------------------------------------------------------

ODD_KEY = "gv/odd+key 'q' \"dq\" \\ 100%<&>"  # printable ASCII that every rendering escapes differently


def renderings(key: str) -> dict[str, str]:
    return {
        "plain": key,
        "str-repr": repr(key),
        "bytes-repr": repr(key.encode()),
        "bytes-repr-with-newline": repr((key + "\n").encode()),  # how httpx quotes an illegal header value
        "json": json.dumps(key),
        "json-slash": json.dumps(key).replace("/", "\\/"),
        "json-go": json.dumps(key).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"),
        "percent": quote(key, safe=""),
        "percent-lower": quote(key, safe="").lower(),
        "percent-plus": quote(key, safe="").replace("%20", "+"),
    }


@pytest.mark.parametrize("key", [KEY, ODD_KEY], ids=["plain-key", "odd-key"])
@pytest.mark.parametrize("form", list(renderings(KEY)))
def test_scrub_masks_every_rendering_of_a_key(key: str, form: str) -> None:
    rendered = renderings(key)[form]
    text = scrub(f"before {rendered} after", [key])
    assert "***" in text
    assert text.startswith("before "), text
    assert text.endswith(" after"), text
    for piece in _pieces(key):
        assert piece not in text, (form, text)


@pytest.mark.parametrize("key", [KEY, ODD_KEY], ids=["plain-key", "odd-key"])
@pytest.mark.parametrize("form", list(renderings(KEY)))
def test_the_log_redactor_masks_every_rendering_of_a_key(key: str, form: str) -> None:
    owner = Owner()
    lease = redactor.lease(owner, [key])
    try:
        text = redactor.redact(f"before {renderings(key)[form]} after")
    finally:
        lease.release()
    assert "***" in text
    for piece in _pieces(key):
        assert piece not in text, (form, text)


class Owner:
    """Something a lease can be tied to (a client, in genvideo)."""


def _pieces(key: str) -> list[str]:
    """Fragments of the key that no masked text may keep (8 characters or more of it)."""
    return [key[i : i + 8] for i in range(0, len(key) - 7) if key[i : i + 8].strip()]


def test_scrub_masks_a_key_split_by_a_tag_or_joined_by_a_control_character() -> None:
    key = "gv<b>x</b>key-4b7d19e2"
    assert scrub(f"echo {key} echo", [key]) == "echo *** echo"
    assert scrub(f"echo {KEY[:6]}\x00{KEY[6:]} echo", [KEY]) == "echo *** echo"


def test_overlapping_keys_leave_no_fragment() -> None:
    one, two = "AAAAbbbbCCCC", "CCCCddddEEEE"
    assert mask_secrets(f"x {one[:8]}{two} y", [one, two]) == "x *** y"
    assert mask_secrets("x AAAAbbbbCCCCddddEEEE y", [one, two]) == "x *** y"


def test_values_too_short_to_be_secrets_are_not_masked() -> None:
    assert scrub("a marker for k", ["k", "mark"]) == "a marker for k"
    assert mask_secrets("the key is 1234567", ["1234567"]) == "the key is 1234567"
    assert mask_secrets("the key is 12345678", ["12345678"]) == "the key is ***"


# -- the log redactor: one lease per live client -----------------------------------------------------------------


def test_a_one_character_key_does_not_garble_log_lines(clean_env: None) -> None:
    with genvideo.Client(comfy_api_key="k") as client:
        assert redactor.redact("marker") == "marker"
        assert client is not None


def test_a_client_masks_its_keys_until_it_closes(clean_env: None) -> None:
    client = genvideo.Client(comfy_api_key=KEY)
    assert redactor.redact(f"x {KEY} y") == "x *** y"
    client.close()
    assert redactor.redact(f"x {KEY} y") == f"x {KEY} y"
    assert KEY not in redactor.masked_secrets()
    client.close()  # twice: still nothing registered, nothing negative
    assert KEY not in redactor.masked_secrets()


def test_a_key_stays_masked_while_another_client_holds_it(clean_env: None) -> None:
    first, second = genvideo.Client(comfy_api_key=KEY), genvideo.Client(haiper_api_key=KEY)
    first.close()
    first.close()
    assert redactor.redact(KEY) == "***"
    second.close()
    assert redactor.redact(KEY) == KEY


def test_a_collected_client_no_longer_holds_its_keys(clean_env: None) -> None:
    client = genvideo.Client(comfy_api_key=KEY)
    assert KEY in redactor.masked_secrets()
    client._http.close()  # closed underneath, never through close(): only garbage collection releases
    del client
    gc.collect()
    assert KEY not in redactor.masked_secrets()
    assert redactor.redact(KEY) == KEY


def test_a_collected_async_client_no_longer_holds_its_keys(clean_env: None) -> None:
    async def use() -> None:
        async with genvideo.AsyncClient(comfy_api_key=KEY):
            assert KEY in redactor.masked_secrets()

    asyncio.run(use())
    gc.collect()
    assert KEY not in redactor.masked_secrets()


def test_clients_made_and_closed_leave_nothing_behind(clean_env: None) -> None:
    before = redactor.masked_secrets()
    for i in range(50):
        with genvideo.Client(comfy_api_key=f"{KEY}-{i}", haiper_api_key="k"):
            pass
    assert redactor.masked_secrets() == before


def test_a_log_record_is_masked_while_the_client_lives(clean_env: None, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="httpx"):
        with genvideo.Client(comfy_api_key=KEY):
            logging.getLogger("httpx").info("echo %s and %r", KEY, KEY.encode())
        logging.getLogger("httpx").info("after close: marker")
    assert KEY not in caplog.text
    assert "echo *** and b'***'" in caplog.text
    assert "after close: marker" in caplog.text


# -- base URLs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"https://user:{PASSWORD}@api.example.test",
        f"https://{PASSWORD}@api.example.test",
        f"https://user:{PASSWORD}@api.example.test/comfy",
        f"http://user:{PASSWORD}@127.0.0.1:9",
        f"https://user:{PASSWORD}/x@api.example.test",
        f"https://user:{PASSWORD}@@api.example.test",
        f"https://user:{PASSWORD}@api.example.test?x=1",
        f"https://user:{PASSWORD}@api.example.test\n",
        f"https://user:{PASSWORD}@[::1",
    ],
)
@pytest.mark.parametrize("setting", ["comfy_base_url", "haiper_base_url"])
def test_user_info_in_a_base_url_is_refused_without_showing_it(url: str, setting: str, clean_env: None) -> None:
    with pytest.raises(genvideo.ConfigurationError) as info:
        genvideo.Client(comfy_api_key=KEY, **{setting: url})  # type: ignore[arg-type]
    assert setting in str(info.value)
    assert [t for t in texts_of(info.value) if PASSWORD in t or KEY in t] == []


def test_user_info_from_the_environment_is_refused(clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENVIDEO_HAIPER_BASE_URL", f"https://u:{PASSWORD}@api.example.test")
    with pytest.raises(genvideo.ConfigurationError) as info:
        genvideo.Client()
    assert "GENVIDEO_HAIPER_BASE_URL" in str(info.value)
    assert PASSWORD not in str(info.value)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://api.example.test\n", "whitespace"),
        (" https://api.example.test", "whitespace"),
        ("https://api.example.test ", "whitespace"),
        ("https://api.example.test/a\tb", "whitespace"),
        ("https://api.exa\x00mple.test", "control"),
        ("https://api.example.test/\u2028", "whitespace"),
        ("https://api.example.test:abc", "not a valid URL"),
        ("https://api.example.test:99999", "not a valid URL"),
        ("https://api.example.test:-1", "not a valid URL"),
        ("https://api.example.test:0", "port 0"),
        ("https://[::1", "not a valid URL"),
        ("https://[::1]x", "not a valid URL"),
        ("https://a\ud800.example", "not a valid URL"),
        ("http://a\ud800.example", "https://"),
        ("https://api.example.test?x=1", "query or fragment"),
        ("https://api.example.test/api?", "query or fragment"),
        ("https://api.example.test#top", "query or fragment"),
        ("https://", "https://"),
        ("http://example.com", "https://"),
    ],
)
def test_malformed_base_urls_are_configuration_errors(url: str, why: str, clean_env: None) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=why) as info:
        genvideo.Client(comfy_base_url=url)
    assert "comfy_base_url" in str(info.value)
    assert info.value.__cause__ is None
    str(info.value).encode("utf-8")


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://api.example.test", "https://api.example.test"),
        ("https://api.example.test/", "https://api.example.test"),
        ("https://api.example.test/comfy/", "https://api.example.test/comfy"),
        ("https://api.example.test:8443/a/b", "https://api.example.test:8443/a/b"),
        ("http://127.0.0.1:8000/comfy", "http://127.0.0.1:8000/comfy"),
        ("http://[::1]:1", "http://[::1]:1"),
        ("https://bücher.example", "https://bücher.example"),
    ],
)
def test_origins_with_a_path_prefix_are_accepted(url: str, kept: str) -> None:
    assert check_base_url("comfy_base_url", url) == kept


def test_the_sandbox_base_urls_with_a_path_still_work(sandbox: Sandbox) -> None:
    assert sandbox.comfy_base_url.endswith("/comfy")
    sandbox.add_creation("vidu", "1", states=["success"])
    with sandbox.client() as client:
        assert client.get("vidu:1").state is genvideo.CreationState.SUCCEEDED


# -- URLs in messages and reprs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (f"https://u:{PASSWORD}@cdn.example/v.mp4?Signature=s", "https://***@cdn.example/v.mp4?…"),
        (f"https://{PASSWORD}@cdn.example:8443/v.mp4", "https://***@cdn.example:8443/v.mp4"),
        (f"https://u:{PASSWORD}/x@cdn.example/v.mp4", "https://***@…"),
        ("https://cdn.example:8443/a@2x.mp4?x=1", "https://cdn.example:8443/a@2x.mp4?…"),
        ("https://cdn.example/v.mp4#t=1", "https://cdn.example/v.mp4"),
    ],
)
def test_redact_url_drops_user_info_and_query(url: str, shown: str) -> None:
    assert redact_url(url) == shown
    output = VideoOutput(url=url, cover_url=url)
    assert PASSWORD not in repr(output)


def test_the_log_redactor_masks_any_url_password() -> None:
    line = f"HTTP Request: GET https://u:{PASSWORD}@cdn.example/v.mp4 [(b'location', b'http://{PASSWORD}@x/')]"
    redacted = redactor.redact(line)
    assert PASSWORD not in redacted
    assert "https://***@cdn.example/v.mp4" in redacted


def test_a_download_url_with_user_info_shows_no_password(sandbox: Sandbox, tmp_path: object) -> None:
    sandbox.add_creation("vidu", "1", states=["success"])
    with sandbox.client(max_retries=0) as client:
        creation = client.get("vidu:1")
        url = creation.outputs[0].url.replace("http://", f"http://u:{PASSWORD}@", 1).replace("/cdn/", "/nope/", 1)
        with pytest.raises(genvideo.DownloadError) as info:
            client.download(VideoOutput(url=url), str(tmp_path))
    assert [t for t in texts_of(info.value) if PASSWORD in t] == []
