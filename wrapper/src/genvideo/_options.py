"""Checking ``create()`` options against the generated request models, naming the bad option."""

from __future__ import annotations

import builtins
import datetime
import enum
import keyword
import sys
import types
import typing
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from ._exceptions import InvalidOption


def _json_name(attribute: str) -> str:
    # The generator appends "_" to names that are keywords or builtins (type -> type_).
    base = attribute[:-1]
    if attribute.endswith("_") and (keyword.iskeyword(base) or hasattr(builtins, base)):
        return base
    return attribute


class _ModelNames(Mapping[str, Any]):
    """The models a generated ``models`` package exports, for resolving a model's string annotations:
    looked up by name, so that the package imports only those it is asked for (it imports lazily)."""

    def __init__(self, package: types.ModuleType) -> None:
        self._package = package

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self._package, name)
        except AttributeError:
            raise KeyError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(getattr(self._package, "__all__", ()))

    def __len__(self) -> int:
        return len(getattr(self._package, "__all__", ()))


@cache
def _fields(model: type) -> dict[str, tuple[Any, bool]]:
    """JSON name -> (type hint, required) for an attrs model made by openapi-python-client."""
    import attrs  # only submits need it; keeps `import genvideo` light

    package = sys.modules[model.__module__.rsplit(".", 1)[0]]  # <client>.models exports every model
    hints = typing.get_type_hints(model, globalns=vars(sys.modules[model.__module__]), localns=_ModelNames(package))
    return {
        _json_name(field.name): (hints[field.name], field.default is attrs.NOTHING)
        for field in attrs.fields(model)
        if field.name != "additional_properties"
    }


def _is_model(hint: type) -> bool:
    import attrs

    return attrs.has(hint)


def _uuid_type() -> Any:
    """``uuid.UUID`` if uuid is loaded, else None. A model with a UUID field has imported it, and
    importing it here would cost every first call ~4 ms (uuid loads platform)."""
    module = sys.modules.get("uuid")
    return None if module is None else module.UUID


def _describe(hint: Any) -> str:
    if hint is not None and hint is _uuid_type():
        return "a UUID string"
    if hint is datetime.datetime:
        return "an ISO 8601 date-time string"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "one of " + ", ".join(repr(m.value) for m in hint)
    if isinstance(hint, type) and _is_model(hint):
        return "an object"
    return getattr(hint, "__name__", None) or str(hint)


def _alternatives(hint: Any) -> list[Any]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return [h for h in typing.get_args(hint) if getattr(h, "__name__", "") != "Unset"]
    return [hint]


def _parses(value: object, parse: Any) -> bool:
    try:
        parse(value)
    except (ValueError, TypeError):
        return False
    return True


def _check(value: Any, hint: Any, where: str) -> None:
    alternatives = _alternatives(hint)
    model_error: InvalidOption | None = None
    for candidate in alternatives:
        origin = typing.get_origin(candidate)
        if candidate is Any:
            return
        if candidate is type(None) and value is None:
            return
        if origin is list and isinstance(value, list):
            (item_hint,) = typing.get_args(candidate) or (Any,)
            for index, item in enumerate(value):
                _check(item, item_hint, f"{where}[{index}]")
            return
        if isinstance(candidate, type) and _is_model(candidate) and isinstance(value, Mapping):
            try:  # a oneOf of objects: the value must fit one of them (the first one's complaint is shown)
                check_fields(value, candidate, prefix=f"{where}.")
            except InvalidOption as exc:
                model_error = model_error or exc
                continue
            return
        if origin is dict and isinstance(value, Mapping):
            return
        # Types the generator uses for string formats (uuid, date-time): a string that parses.
        if candidate is not None and candidate is _uuid_type() and isinstance(value, str) and _parses(value, candidate):
            return
        if (
            candidate is datetime.datetime
            and isinstance(value, str)
            and _parses(value, datetime.datetime.fromisoformat)
        ):
            return
        if isinstance(candidate, type) and issubclass(candidate, enum.Enum):
            if value in {m.value for m in candidate}:
                return
            continue
        if candidate is bool and isinstance(value, bool):
            return
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if is_number and (candidate is float or (candidate is int and isinstance(value, int))):
            return
        if candidate is str and isinstance(value, str):
            return
    if model_error is not None:
        raise model_error
    expected = " or ".join(_describe(c) for c in alternatives)
    raise InvalidOption(f"{where}: expected {expected}, got {value!r:.60}", option=where)


def check_fields(values: Mapping[str, Any], model: type, *, prefix: str = "") -> None:
    """Raise InvalidOption unless ``values`` fits ``model``: known names, right types, required present."""
    fields = _fields(model)
    for name, value in values.items():
        if name not in fields:
            raise InvalidOption(
                f"{prefix}{name}: not an option of {model.__name__} (valid: {', '.join(sorted(fields))})",
                option=f"{prefix}{name}",
            )
        _check(value, fields[name][0], f"{prefix}{name}")
    missing = [name for name, (_, required) in fields.items() if required and name not in values]
    if missing:
        raise InvalidOption(
            f"{model.__name__} needs {', '.join(prefix + m for m in missing)}", option=prefix + missing[0]
        )
