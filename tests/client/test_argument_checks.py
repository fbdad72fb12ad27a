"""Issue 12's leftovers, checked exactly (the property module only checks that nothing but a GenvideoError escapes).

- ``Client(timeout=..., max_retries=...)`` / ``AsyncClient``: refused when the client is made, with a
  ConfigurationError naming the argument (a wrong Python type: TypeError), never at request time.
- ``generate()`` (both clients): refuses its wait arguments before it submits (nothing billed).
- ``create(image=...)``: a string that cannot be a file name is an InvalidOption on ``image``.
- An API answer ``302 Location: javascript:...`` (both clients): an APIStatusError like any 3xx.
- Error text quoted from a body with a lone surrogate is valid UTF-8.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
import pytest

import genvideo
from genvideo import _constants as C
from genvideo.testing import Fault, Sandbox

CLASSES = [genvideo.Client, genvideo.AsyncClient]


def make(cls: type[Any], **kwargs: Any) -> None:
    client = cls(comfy_api_key="k", **kwargs)
    if isinstance(client, genvideo.AsyncClient):
        asyncio.run(client.close())
    else:
        client.close()


# -- Client(timeout=, max_retries=) ------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    ("timeout", "shown"),
    [
        (math.nan, "got nan"),
        (math.inf, "got inf"),
        (-math.inf, "got -inf"),
        (1e300, "got a huge number"),
        (10**400, "got a huge number"),
        (C.MAX_TIMEOUT + 1, "got 86401"),
        (0, "got 0"),
        (-0.0, "got -0.0"),
        (-1, "got -1"),
    ],
    ids=repr,
)
def test_a_bad_timeout_is_refused_when_the_client_is_made(cls: type[Any], timeout: float, shown: str) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=r"^timeout must be") as info:
        make(cls, timeout=timeout)
    assert shown in str(info.value)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    ("timeout", "name"),
    [
        (httpx.Timeout(5.0, connect=math.nan), "timeout.connect"),
        (httpx.Timeout(5.0, read=-1), "timeout.read"),
        (httpx.Timeout(5.0, write=math.inf), "timeout.write"),
        (httpx.Timeout(5.0, pool=0), "timeout.pool"),
        (httpx.Timeout(5.0, read=10**400), "timeout.read"),
    ],
    ids=repr,
)
def test_a_bad_httpx_timeout_value_is_refused_by_name(cls: type[Any], timeout: httpx.Timeout, name: str) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=f"^{name} must be"):
        make(cls, timeout=timeout)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize(
    "timeout",
    [None, 0.001, 5, C.MAX_TIMEOUT, httpx.Timeout(None), httpx.Timeout(5.0, connect=None), C.DEFAULT_TIMEOUT],
    ids=repr,
)
def test_good_timeouts_are_accepted(cls: type[Any], timeout: object) -> None:
    make(cls, timeout=timeout)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("max_retries", [-1, C.MAX_RETRIES_LIMIT + 1, 10**400, -(10**400)], ids=repr)
def test_max_retries_out_of_range_is_refused_when_the_client_is_made(cls: type[Any], max_retries: int) -> None:
    with pytest.raises(genvideo.ConfigurationError, match=r"^max_retries must be from 0 to 100"):
        make(cls, max_retries=max_retries)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("max_retries", [math.nan, 2.0, True, "2", None], ids=repr)
def test_max_retries_of_the_wrong_type_is_a_type_error(cls: type[Any], max_retries: object) -> None:
    with pytest.raises(TypeError, match="max_retries"):
        make(cls, max_retries=max_retries)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
@pytest.mark.parametrize("max_retries", [0, C.MAX_RETRIES_LIMIT])
def test_max_retries_in_range_is_accepted(cls: type[Any], max_retries: int) -> None:
    make(cls, max_retries=max_retries)


# -- generate(): wait arguments checked before anything is billed ------------------------------------------------

BAD_WAIT_ARGUMENTS = [
    pytest.param({"timeout": math.nan}, "timeout", id="timeout-nan"),
    pytest.param({"timeout": -1}, "timeout", id="timeout-negative"),
    pytest.param({"timeout": "10"}, "timeout", id="timeout-str"),
    pytest.param({"poll_interval": 0}, "poll_interval", id="poll-interval-0"),
    pytest.param({"poll_interval": math.nan}, "poll_interval", id="poll-interval-nan"),
    pytest.param({"poll_interval": math.inf}, "poll_interval", id="poll-interval-inf"),
    pytest.param({"poll_interval": C.MAX_POLL_INTERVAL * 2}, "poll_interval", id="poll-interval-2-days"),
]


@pytest.mark.parametrize(("kwargs", "option"), BAD_WAIT_ARGUMENTS)
def test_generate_refuses_its_wait_arguments_before_submitting(
    sandbox: Sandbox, kwargs: dict[str, Any], option: str
) -> None:
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.generate("vidu", prompt="a fox", **kwargs)
    assert info.value.option == option
    assert sandbox.submissions == []


@pytest.mark.parametrize(("kwargs", "option"), BAD_WAIT_ARGUMENTS)
def test_async_generate_refuses_its_wait_arguments_before_submitting(
    sandbox: Sandbox, kwargs: dict[str, Any], option: str
) -> None:
    async def main() -> None:
        async with sandbox.async_client(timeout=5.0) as client:
            await client.generate("vidu", prompt="a fox", **kwargs)

    with pytest.raises(genvideo.InvalidOption) as info:
        asyncio.run(main())
    assert info.value.option == option
    assert sandbox.submissions == []


# -- create(image=...) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "image",
    ["x" * 300, "dir/" + "y" * 10_000, "a\x00b.png", ["https://example.com/a.png", "z" * 300]],
    ids=["300-chars", "10k-chars", "nul", "second-of-a-list"],
)
def test_an_image_string_that_cannot_be_a_file_is_an_invalid_option(sandbox: Sandbox, image: object) -> None:
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("vidu", prompt="a fox", image=image)  # type: ignore[arg-type]
    assert info.value.option == "image"
    assert "neither an http(s)/data URL nor an existing file" in str(info.value)
    assert sandbox.submissions == []


def test_an_image_that_is_a_folder_is_an_invalid_option(sandbox: Sandbox, tmp_path: Any) -> None:
    with sandbox.client(timeout=5.0) as client, pytest.raises(genvideo.InvalidOption) as info:
        client.create("vidu", prompt="a fox", image=str(tmp_path))
    assert info.value.option == "image"


# -- API redirects ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("location", ["javascript:alert(1)", "http://127.0.0.1:99999/x", "http://[::1", "//"], ids=repr)
def test_an_api_redirect_to_an_unusable_url_is_an_api_status_error(sandbox: Sandbox, mode: str, location: str) -> None:
    sandbox.add_creation("vidu", "r", states=["success"], faults=[Fault.redirect(location, times=99)])

    def get_sync() -> object:
        with sandbox.client(timeout=5.0, max_retries=0) as client:
            return client.get("vidu:r")

    async def get_async() -> object:
        async with sandbox.async_client(timeout=5.0, max_retries=0) as client:
            return await client.get("vidu:r")

    with pytest.raises(genvideo.APIStatusError) as info:
        get_sync() if mode == "sync" else asyncio.run(get_async())
    assert info.value.status_code == 302
    assert "javascript" not in str(info.value)
    assert len(sandbox.requests) == 1  # not followed


# -- error text ---------------------------------------------------------------------------------------------------


def test_an_error_body_with_a_lone_surrogate_gives_utf8_error_text(sandbox: Sandbox) -> None:
    body = b'{"error": "bad_request", "message": "bad \\ud800 input \\udfff", "details": []}'
    sandbox.add_creation("vidu", "s", faults=[Fault.body(body, status=400)])
    with sandbox.client(timeout=5.0, max_retries=0) as client, pytest.raises(genvideo.APIStatusError) as info:
        client.get("vidu:s")
    str(info.value).encode("utf-8")  # raises on a lone surrogate
    assert "bad ? input ?" in str(info.value)
