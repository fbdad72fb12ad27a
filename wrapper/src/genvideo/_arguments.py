"""Methods whose parameters are declared elsewhere, once: for callers, ``help()`` and type checkers alike."""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

P = ParamSpec("P")
S = TypeVar("S")
R = TypeVar("R")

Method = Callable[[S, inspect.BoundArguments], R]


def takes_arguments_of(declaration: Callable[P, object]) -> Callable[[Method[S, R]], Callable[Concatenate[S, P], R]]:
    """Give the decorated method ``declaration``'s parameters (after ``self``).

    The method is written as ``method(self, call)``; callers pass what ``declaration`` takes, and
    ``call`` is their arguments bound to it, defaults filled in (a ``**`` parameter: a dict). Type
    checkers see the declared parameters (a ParamSpec), ``inspect.signature`` and ``help()`` too.
    Coroutine methods stay coroutine functions.
    """
    signature = inspect.signature(declaration)
    hints = typing.get_type_hints(declaration)

    def decorate(method: Method[S, R]) -> Callable[Concatenate[S, P], R]:
        def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> inspect.BoundArguments:
            try:
                call = signature.bind(*args, **kwargs)
            except TypeError as exc:  # named after the method, as Python names a def's own mistakes
                raise TypeError(f"{method.__qualname__}() {exc}") from None
            call.apply_defaults()
            return call

        function: Any  # a plain function either way, given the attributes inspect and typing read
        if inspect.iscoroutinefunction(method):
            coroutine = cast(Callable[[S, inspect.BoundArguments], Awaitable[Any]], method)

            async def asynchronous(self: S, *args: P.args, **kwargs: P.kwargs) -> Any:
                return await coroutine(self, bind(args, kwargs))

            function = asynchronous
        else:

            def synchronous(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
                return method(self, bind(args, kwargs))

            function = synchronous
        functools.update_wrapper(function, method)
        self_parameter = inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)
        function.__signature__ = signature.replace(
            parameters=[self_parameter, *signature.parameters.values()],
            return_annotation=inspect.signature(method).return_annotation,
        )
        # Evaluated here, where the declaration's names resolve: typing.get_type_hints() would look
        # them up in the method's module.
        function.__annotations__ = {**hints, "return": typing.get_type_hints(method)["return"]}
        return cast(Callable[Concatenate[S, P], R], function)

    return decorate
