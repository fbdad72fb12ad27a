"""`Client` and `AsyncClient` are twins: the same public methods with the same parameters (names, kinds,
defaults, annotations), so one can never gain an argument the other lacks."""

from __future__ import annotations

import inspect

import pytest

import genvideo

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
