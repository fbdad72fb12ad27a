"""``CreationRef``: which provider made a creation, what else its lookup needs, and its id there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ._constants import MAX_ID_LENGTH
from ._exceptions import InvalidCreationRef

if TYPE_CHECKING:
    from ._providers._registry import ProviderEntry

__all__ = ["CreationRef", "Provider"]

Provider = str
"""A provider name in the registry (``_providers/providers.toml``; ``genvideo.PROVIDERS``), e.g. ``vidu``."""

# RFC 3986 unreserved characters: they need no percent-encoding, so each part of a ref is sent
# byte-for-byte as one path segment. An all-dots part would be a dot-segment.
_PART = re.compile(r"[A-Za-z0-9._~-]+")


def _check_part(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidCreationRef(f"a {what} is a string, not {type(value).__name__}")
    if not value:
        raise InvalidCreationRef(f"a {what} cannot be empty")
    if len(value) > MAX_ID_LENGTH:
        raise InvalidCreationRef(f"a {what} is at most {MAX_ID_LENGTH} characters, got {len(value)}")
    if not _PART.fullmatch(value) or value.strip(".") == "":
        raise InvalidCreationRef(
            f"invalid {what} {value[:40]!r}: use letters, digits and '-', '.', '_', '~' "
            "(each part of a ref is one URL path segment and must not change the path)"
        )
    return value


def _entry(provider: object) -> ProviderEntry:
    """The provider's registry row; InvalidCreationRef for a name the registry does not list."""
    from ._providers._registry import registry

    providers = registry().providers
    if not isinstance(provider, str) or provider not in providers:
        raise InvalidCreationRef(f"unknown provider {str(provider)[:40]!r}; expected one of {', '.join(providers)}")
    return providers[provider]


def _form(entry: ProviderEntry) -> str:
    """How the provider's refs are written, e.g. ``kling:<task kind>:<id>``."""
    return ":".join((entry.name, *(f"<{name}>" for name in entry.scope), "<id>"))


@dataclass(frozen=True, slots=True)
class CreationRef:
    """A creation at a provider: ``str(ref)`` is ``"<provider>:<id>"`` (e.g. ``vidu:123``), or
    ``"<provider>:<scope...>:<id>"`` for a provider whose lookup needs more than the id.

    ``str(ref)`` is all it takes to look the creation up later, from any process: safe to persist
    (for example in a job queue) and to parse back with :meth:`parse`. ``scope`` holds what the
    provider's registry row names besides the id (e.g. Kling's task kind), in that order; it is empty
    for most providers. Construction validates: every part must be one URL path segment of RFC 3986
    unreserved characters (letters, digits, ``-._~``; not all dots; at most 256 characters), so a part
    that would change a request's URL raises :class:`InvalidCreationRef` before any request is made.
    (An adapter whose ids are no such segment encodes them reversibly into one itself.)
    """

    provider: Provider
    id: str
    scope: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        entry = _entry(self.provider)
        _check_part(self.id, "creation id")
        scope = self.scope
        if isinstance(scope, list):
            scope = tuple(scope)
            object.__setattr__(self, "scope", scope)  # hashable, like the rest of the ref
        if not isinstance(scope, tuple):
            raise InvalidCreationRef(f"a ref's scope is a tuple of strings, not {type(scope).__name__}")
        if len(scope) != len(entry.scope):
            raise InvalidCreationRef(
                f"a {entry.name} ref carries {len(entry.scope)} part(s) besides the id, got {len(scope)}: "
                f"expected {_form(entry)!r}"
            )
        for value, what in zip(scope, entry.scope, strict=True):
            _check_part(value, what)

    def __str__(self) -> str:
        return ":".join((self.provider, *self.scope, self.id))

    @classmethod
    def parse(cls, value: str | CreationRef) -> CreationRef:
        """Parse ``"<provider>:<id>"``, or ``"<provider>:<scope...>:<id>"`` for a provider with a scope
        (the provider name is case-insensitive)."""
        if isinstance(value, CreationRef):
            return value
        if not isinstance(value, str):
            raise InvalidCreationRef(f"a creation ref is a string like 'vidu:<id>', not {type(value).__name__}")
        return _parse(value)


@lru_cache(maxsize=4096)  # refs are immutable; wait() and job queues parse the same strings again and again
def _parse(value: str) -> CreationRef:
    provider, sep, rest = value.partition(":")
    if not sep:
        raise InvalidCreationRef(f"{value[:60]!r} is not a creation ref: expected '<provider>:<id>', e.g. 'vidu:123'")
    entry = _entry(provider.lower())
    parts = rest.split(":", len(entry.scope) + 1)  # one part too many is enough to refuse it
    if len(parts) != len(entry.scope) + 1:
        raise InvalidCreationRef(f"{value[:60]!r} is not a {entry.name} ref: expected {_form(entry)!r}")
    *scope, creation_id = parts
    return CreationRef(entry.name, creation_id, tuple(scope))
