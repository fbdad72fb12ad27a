"""Every genvideo error pickles with its attributes (issue 12), so that one raised in a worker process
(``ProcessPoolExecutor``, multiprocessing) reaches the parent as itself, not as ``BrokenProcessPool``.

The tree is walked from ``GenvideoError`` (a new class is covered without touching this file); each
class is built from its constructor's signature, with a sample value per parameter name: a new
parameter without a sample fails here first, naming it.
"""

from __future__ import annotations

import copy
import inspect
import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest

import genvideo
import genvideo.testing  # its error classes, if any, join the tree
from genvideo import GenvideoError
from genvideo.testing import Sandbox


def all_error_classes(root: type[GenvideoError] = GenvideoError) -> Iterator[type[GenvideoError]]:
    yield root
    for sub in root.__subclasses__():
        yield from all_error_classes(sub)


def a_creation(*, parsed: bool = True) -> genvideo.Creation:
    with Sandbox() as sb:
        sb.add_creation("vidu", "pickled", states=["success"])
        with sb.client() as client:
            creation = client.get("vidu:pickled")
    if parsed:
        assert creation.raw is not None  # parsed: the cache must not get in the way
    return creation


SAMPLES: dict[str, Any] = {
    "message": "vidu: HTTP 429: slow down",
    "provider": "vidu",
    "status_code": 429,
    "details": ("a detail", "another"),
    "error_code": "RateLimited",
    "body": '{"message": "slow down"}',
    "retry_after": 2.5,
    "option": "settings.duration",
    "elapsed": 12.5,
    "polls": 7,
    "bytes_received": 1024,
    "bytes_expected": 4096,
    "what": "image 1",
}


def build(cls: type[GenvideoError], creation: genvideo.Creation) -> GenvideoError:
    kwargs: dict[str, Any] = {}
    args: list[Any] = []
    for name, param in list(inspect.signature(cls.__init__).parameters.items())[1:]:
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if name == "creation":
            value: Any = creation
        elif name in SAMPLES:
            value = SAMPLES[name]
        elif param.default is not param.empty:
            continue
        else:
            raise AssertionError(f"{cls.__name__}({name}=...): add a sample value for {name!r} to SAMPLES")
        if param.kind is param.POSITIONAL_ONLY or (param.kind is param.POSITIONAL_OR_KEYWORD and name == "message"):
            args.append(value)
        else:
            kwargs[name] = value
    if not args and "message" not in kwargs:
        args.append(SAMPLES["message"])  # Exception's own (*args) constructor
    return cls(*args, **kwargs)


CLASSES = sorted(set(all_error_classes()), key=lambda c: c.__name__)


def test_the_walk_finds_the_whole_tree() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"RateLimitError", "APITimeoutError", "ResponseValidationError", "WaitTimeout", "CreationFailed"} <= names
    assert {name for name in genvideo.__all__ if name.endswith(("Error", "Failed", "Timeout"))} <= names | {
        "ConfigurationError"
    }


@pytest.fixture(scope="module")
def creation() -> genvideo.Creation:
    return a_creation()


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_error_round_trips_through_pickle_and_copy(cls: type[GenvideoError], creation: genvideo.Creation) -> None:
    error = build(cls, creation)
    error.add_note("a note")
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(error, protocol=protocol))  # noqa: S301 - our own bytes
        check_same(error, back)
    check_same(error, copy.copy(error))
    check_same(error, copy.deepcopy(error))


def check_same(error: GenvideoError, back: GenvideoError) -> None:
    assert type(back) is type(error)
    assert back.args == error.args
    assert str(back) == str(error)
    assert set(vars(back)) == set(vars(error))
    for name, value in vars(error).items():
        if isinstance(value, genvideo.Creation):
            assert vars(back)[name] == value
            assert vars(back)[name].payload == value.payload
            assert vars(back)[name].raw is not None  # parsed again on first access
        else:
            assert vars(back)[name] == value, name


@pytest.mark.parametrize("parsed", [False, True], ids=["raw-not-parsed-yet", "raw-parsed"])
def test_a_creation_round_trips_through_pickle(parsed: bool) -> None:
    creation = a_creation(parsed=parsed)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(creation, protocol=protocol))  # noqa: S301 - our own bytes
        assert back == creation
        assert back.payload == creation.payload
        assert back.outputs == creation.outputs
        assert back.outputs[0].ref == creation.ref
        assert type(back.raw) is type(creation.raw)  # parsed again, not a stale sentinel
        assert back.to_dict() == creation.to_dict()


def test_httpx_objects_an_error_carries_are_dropped_from_the_pickle() -> None:
    request = httpx.Request("GET", "https://api.example.test/x")
    error = genvideo.ServerError("vidu: HTTP 503", provider="vidu", status_code=503)
    error.response = httpx.Response(503, request=request)  # type: ignore[attr-defined]
    error.request = request  # type: ignore[attr-defined]
    back = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert back.response is None
    assert back.request is None
    assert back.status_code == 503


def _raise_rate_limit(retry_after: float) -> None:
    """Runs in the worker process."""
    raise genvideo.RateLimitError(
        "vidu: HTTP 429: slow down",
        provider="vidu",
        status_code=429,
        details=("too many",),
        error_code="RateLimited",
        body="{}",
        retry_after=retry_after,
    )


def _wait_timeout_with_a_creation() -> None:
    raise genvideo.WaitTimeout("gave up", creation=a_creation(), elapsed=1.5, polls=3)


def test_an_error_raised_in_a_worker_process_reaches_the_parent_as_itself() -> None:
    # spawn: a fresh interpreter, as on macOS and Windows (and no fork of this threaded process)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        with pytest.raises(genvideo.RateLimitError) as info:
            pool.submit(_raise_rate_limit, 30.0).result(timeout=60)
        with pytest.raises(genvideo.WaitTimeout) as timed_out:
            pool.submit(_wait_timeout_with_a_creation).result(timeout=60)
        assert pool.submit(int, "7").result(timeout=60) == 7  # the pool is not broken
    error = info.value
    assert (error.provider, error.status_code, error.retry_after) == ("vidu", 429, 30.0)
    assert (error.details, error.error_code, error.body) == (("too many",), "RateLimited", "{}")
    assert str(error) == "vidu: HTTP 429: slow down"
    assert timed_out.value.creation is not None
    assert timed_out.value.creation.state is genvideo.CreationState.SUCCEEDED
    assert (timed_out.value.elapsed, timed_out.value.polls) == (1.5, 3)
