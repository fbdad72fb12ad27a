"""`Client` and `AsyncClient` are twins: the same public methods with the same parameters (names, kinds,
defaults, annotations), so one can never gain an argument the other lacks. `twin_differences` is the
check as a function of two classes, and is shown to catch each kind of drift."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import genvideo
from genvideo import Creation, CreationRef
from genvideo import _constants as C
from genvideo._client import CreationCallback, RefLike

SYNC, ASYNC = genvideo.Client, genvideo.AsyncClient
# What differs on purpose: how each closes, and iterators that are async on one side.
CONTEXT = {SYNC: ("__enter__", "__exit__"), ASYNC: ("__aenter__", "__aexit__")}
RETURNS = {"Iterator[Creation]": "AsyncIterator[Creation]"}
ANNOTATIONS = {"httpx.BaseTransport | None": "httpx.AsyncBaseTransport | None"}


def _public(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def _parameters(function: object) -> list[tuple[str, object, object, object]]:
    """Each parameter's name, kind, default and annotation (the sync spelling of an async-only type)."""
    signature = inspect.signature(function)  # type: ignore[arg-type]
    reverse = {v: k for k, v in ANNOTATIONS.items()}
    return [(p.name, p.kind, p.default, reverse.get(p.annotation, p.annotation)) for p in signature.parameters.values()]


def test_both_clients_have_the_same_public_methods() -> None:
    assert _public(SYNC) == _public(ASYNC)
    for cls, names in CONTEXT.items():
        assert all(callable(getattr(cls, name, None)) for name in names), cls


@pytest.mark.parametrize("name", sorted(_public(SYNC) | {"__init__"}))
def test_each_method_takes_the_same_parameters(name: str) -> None:
    sync, asynchronous = getattr(SYNC, name), getattr(ASYNC, name)
    assert _parameters(sync) == _parameters(asynchronous)
    sync_returns = inspect.signature(sync).return_annotation
    async_returns = inspect.signature(asynchronous).return_annotation
    assert RETURNS.get(sync_returns, sync_returns) == async_returns


@pytest.mark.parametrize("name", sorted(_public(SYNC)))
def test_the_async_twin_is_awaitable_and_the_sync_one_is_not(name: str) -> None:
    sync, asynchronous = getattr(SYNC, name), getattr(ASYNC, name)
    assert not inspect.iscoroutinefunction(sync)
    assert not inspect.isasyncgenfunction(sync)
    assert inspect.iscoroutinefunction(asynchronous) or inspect.isasyncgenfunction(asynchronous), name


def twin_differences(sync: type, asynchronous: type) -> list[str]:
    """What keeps ``asynchronous`` from being the asyncio twin of ``sync``; [] for twins."""
    found = []
    names = _public(sync)
    if names != _public(asynchronous):
        found.append(f"public names: {sorted(names ^ _public(asynchronous))} are on one side only")
    for cls, context in ((sync, CONTEXT[SYNC]), (asynchronous, CONTEXT[ASYNC])):
        found.extend(f"{cls.__name__} lacks {name}" for name in context if not callable(getattr(cls, name, None)))
    for name in sorted((names & _public(asynchronous)) | {"__init__"}):
        one, other = getattr(sync, name), getattr(asynchronous, name)
        found.extend(_parameter_differences(name, one, other))
        returns = inspect.signature(one).return_annotation
        if RETURNS.get(returns, returns) != inspect.signature(other).return_annotation:
            found.append(f"{name}: returns {returns} vs {inspect.signature(other).return_annotation}")
        if name != "__init__" and (inspect.iscoroutinefunction(one) or inspect.isasyncgenfunction(one)):
            found.append(f"{name}: the sync one is async")
        if name != "__init__" and not (inspect.iscoroutinefunction(other) or inspect.isasyncgenfunction(other)):
            found.append(f"{name}: the async one is not awaitable")
    return found


def _parameter_differences(name: str, one: object, other: object) -> list[str]:
    ours = {parameter[0]: parameter[1:] for parameter in _parameters(one)}
    theirs = {parameter[0]: parameter[1:] for parameter in _parameters(other)}
    if list(ours) != list(theirs):
        return [f"{name}: parameters {list(ours)} vs {list(theirs)}"]
    return [
        f"{name}({parameter}): {what} {mine!r} vs {its!r}"
        for parameter in ours
        for what, mine, its in zip(("kind", "default", "annotation"), ours[parameter], theirs[parameter], strict=True)
        if mine != its
    ]


def test_the_clients_are_twins() -> None:
    assert twin_differences(SYNC, ASYNC) == []


# Drifted twins: each differs from the real AsyncClient in one way only.
class _ExtraKeyword(genvideo.AsyncClient):
    async def wait(
        self,
        ref: RefLike,
        *,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
        strict: bool = False,
    ) -> Creation:
        raise NotImplementedError


class _OtherDefault(genvideo.AsyncClient):
    async def wait(
        self,
        ref: RefLike,
        *,
        timeout: float | None = C.DEFAULT_WAIT_TIMEOUT / 10,
        poll_interval: float = C.DEFAULT_POLL_INTERVAL,
        on_progress: CreationCallback | None = None,
    ) -> Creation:
        raise NotImplementedError


class _OtherAnnotation(genvideo.AsyncClient):
    async def get(self, ref: str) -> Creation:  # type: ignore[override]
        raise NotImplementedError


class _OtherKind(genvideo.AsyncClient):
    async def get(self, *, ref: RefLike) -> Creation:  # type: ignore[override]
        raise NotImplementedError


class _OtherReturn(genvideo.AsyncClient):
    async def get(self, ref: RefLike) -> object:  # type: ignore[override]
        raise NotImplementedError


class _NotAwaitable(genvideo.AsyncClient):
    def get(self, ref: RefLike) -> Creation:  # type: ignore[override]
        raise NotImplementedError


class _ExtraMethod(genvideo.AsyncClient):
    async def cancel(self, ref: RefLike) -> None:
        raise NotImplementedError


class _OtherCreate(genvideo.AsyncClient):
    async def create(self, provider: str, *, prompt: str | None, **provider_options: Any) -> CreationRef:
        raise NotImplementedError


class _OtherInit(genvideo.AsyncClient):
    def __init__(self, *, comfy_api_key: str | None = None) -> None:
        raise NotImplementedError


def _names(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("drifted", "expected"),
    [
        (_ExtraKeyword, f"wait: parameters {_names(ASYNC.wait)} vs {[*_names(ASYNC.wait), 'strict']}"),
        (_OtherDefault, f"wait(timeout): default {C.DEFAULT_WAIT_TIMEOUT!r} vs {C.DEFAULT_WAIT_TIMEOUT / 10!r}"),
        (_OtherAnnotation, "get(ref): annotation 'RefLike' vs 'str'"),
        (_OtherKind, "get(ref): kind <_ParameterKind.POSITIONAL_OR_KEYWORD: 1> vs <_ParameterKind.KEYWORD_ONLY: 3>"),
        (_OtherReturn, "get: returns Creation vs object"),
        (_NotAwaitable, "get: the async one is not awaitable"),
        (_ExtraMethod, "public names: ['cancel'] are on one side only"),
        (_OtherCreate, f"create: parameters {_names(ASYNC.create)} vs {_names(_OtherCreate.create)}"),
        (_OtherInit, f"__init__: parameters {_names(ASYNC.__init__)} vs ['self', 'comfy_api_key']"),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else "",
)
def test_the_check_catches_each_kind_of_drift(drifted: type, expected: str) -> None:
    assert twin_differences(SYNC, drifted) == [expected]
