"""`sandboxed()`: run code with the environment pointed at a fresh `Sandbox`, like moto's `mock_aws`."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, TypeVar, cast, overload

from .._providers._registry import registry
from ._sandbox import Sandbox

F = TypeVar("F", bound=Callable[..., Any])

_active: list[Sandbox] = []
_active_lock = threading.Lock()


def sdk_variables() -> tuple[str, ...]:
    """Every variable the SDK reads (the registry's credentials and base URLs). While a sandbox is active
    the ones `Sandbox.env()` does not set are unset, so that nothing from the real environment (a real
    token, another base URL) reaches the code under test."""
    specs = registry().specs.values()
    return (*(source.env for source in registry().credential_sources), *(spec.base_url_env for spec in specs))


def sandbox_environment(sandbox: Sandbox) -> dict[str, str | None]:
    """The SDK's environment variables while `sandbox` is active: `Sandbox.env()`, None meaning unset."""
    return {**dict.fromkeys(sdk_variables()), **sandbox.env()}


def _apply(values: Mapping[str, str | None]) -> dict[str, str | None]:
    """Set (or, for None, unset) each variable in os.environ; return what they were before."""
    previous: dict[str, str | None] = {}
    for name, value in values.items():
        previous[name] = os.environ.get(name)
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    return previous


@contextlib.contextmanager
def _activate(options: Mapping[str, Any]) -> Iterator[Sandbox]:
    with Sandbox(**options) as sandbox:
        saved = _apply(sandbox_environment(sandbox))
        with _active_lock:
            _active.append(sandbox)
        try:
            yield sandbox
        finally:
            with _active_lock:
                # By identity and from the end: blocks may end out of order (threads, tasks).
                for index in range(len(_active) - 1, -1, -1):
                    if _active[index] is sandbox:
                        del _active[index]
                        break
            _apply(saved)


def current_sandbox() -> Sandbox:
    """The `Sandbox` of the innermost running `sandboxed()` block or function, to script it.

    Meant for functions decorated with `@sandboxed`, which have no other way to reach theirs.
    Raises RuntimeError when none is running.
    """
    with _active_lock:
        if not _active:
            raise RuntimeError("no sandboxed() block or function is running")
        return _active[-1]


class Sandboxed:
    """What `sandboxed(**options)` returns: a context manager and a decorator.

    Every `with` block and every call of a decorated function gets its own fresh `Sandbox`, so one
    `Sandboxed` can be reused, nested and applied to many functions.
    """

    __slots__ = ("_entered", "_options")

    def __init__(self, options: Mapping[str, Any]) -> None:
        """Keep the `Sandbox` options; an option `Sandbox` does not take raises TypeError now."""
        inspect.signature(Sandbox).bind(**options)
        self._options = dict(options)
        self._entered: list[contextlib.AbstractContextManager[Sandbox]] = []

    def __repr__(self) -> str:
        options = ", ".join(f"{name}={value!r}" for name, value in self._options.items())
        return f"sandboxed({options})"

    def __enter__(self) -> Sandbox:
        manager = _activate(self._options)
        sandbox = manager.__enter__()
        self._entered.append(manager)
        return sandbox

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._entered.pop().__exit__(exc_type, exc, tb)

    def __call__(self, func: F) -> F:
        """Decorate `func` (sync or `async def`) to run each call with a fresh sandbox active."""
        if inspect.isclass(func) or not callable(func):
            raise TypeError(f"@sandboxed decorates functions, not {func!r}")
        if inspect.isgeneratorfunction(func) or inspect.isasyncgenfunction(func):
            raise TypeError(
                f"@sandboxed cannot decorate the generator function {func.__qualname__}: the sandbox would "
                "end before it runs; use `with sandboxed():` inside it instead"
            )
        options = self._options
        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
                with _activate(options):
                    return await func(*args, **kwargs)

            return cast(F, async_wrapper)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            with _activate(options):
                return func(*args, **kwargs)

        return cast(F, wrapper)


@overload
def sandboxed(func: F, /) -> F: ...


@overload
def sandboxed(func: None = None, /, **options: Any) -> Sandboxed: ...


def sandboxed(func: Callable[..., Any] | None = None, /, **options: Any) -> Any:
    """Run code against a fresh `Sandbox`, with the environment pointed at it: plain `genvideo.Client()`
    and `genvideo.AsyncClient()` made inside reach the sandbox, with its keys.

    A context manager that yields the started `Sandbox`, and a decorator for functions and `async def`
    functions (`@sandboxed` or `@sandboxed(...)`; a decorated function reaches its sandbox with
    `current_sandbox()`)::

        with sandboxed() as sb:
            sb.add_creation("vidu", "123")
            assert genvideo.Client().wait("vidu:123", poll_interval=0.01).outputs

        @sandboxed(cdn_supports_range=False)
        async def test_download(tmp_path):
            current_sandbox().add_creation("haiper", "h1")
            ...

    `options` are `Sandbox`'s keyword arguments. For the duration, os.environ holds `Sandbox.env()`
    (the base URLs and keys) and the SDK's other variables (`COMFY_AUTH_TOKEN`, and any key the
    sandbox has none for) are unset; afterwards every one of them is restored exactly, unset ones
    included, even when the code raises, and the sandbox is closed. os.environ is process-wide: other
    threads, and other asyncio tasks, see the sandbox's settings while it is active, so do not run
    code that needs different settings concurrently (in pytest, the `genvideo_sandbox` fixture does
    the same through `monkeypatch`).
    """
    decorator = Sandboxed(options)
    return decorator if func is None else decorator(func)
