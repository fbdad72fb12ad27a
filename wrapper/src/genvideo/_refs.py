"""``CreationRef``: which provider made a creation, and its id there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, cast

from ._constants import MAX_ID_LENGTH
from ._exceptions import InvalidCreationRef

__all__ = ["PROVIDERS", "CreationRef", "Provider"]

Provider = Literal["vidu", "haiper"]
PROVIDERS: tuple[Provider, ...] = ("vidu", "haiper")

# RFC 3986 unreserved characters: they need no percent-encoding, so the id is sent
# byte-for-byte as one path segment. An all-dots id would be a dot-segment.
_ID = re.compile(r"[A-Za-z0-9._~-]+")


def _check_id(creation_id: object) -> str:
    if not isinstance(creation_id, str):
        raise InvalidCreationRef(f"a creation id is a string, not {type(creation_id).__name__}")
    if not creation_id:
        raise InvalidCreationRef("a creation id cannot be empty")
    if len(creation_id) > MAX_ID_LENGTH:
        raise InvalidCreationRef(f"a creation id is at most {MAX_ID_LENGTH} characters, got {len(creation_id)}")
    if not _ID.fullmatch(creation_id) or creation_id.strip(".") == "":
        raise InvalidCreationRef(
            f"invalid creation id {creation_id[:40]!r}: use letters, digits and '-', '.', '_', '~' "
            "(ids are one URL path segment and must not change the path)"
        )
    return creation_id


@dataclass(frozen=True, slots=True)
class CreationRef:
    """A creation at a provider: ``str(ref)`` is ``"vidu:<id>"`` or ``"haiper:<id>"``.

    Safe to persist (for example in a job queue) and to parse back with
    :meth:`parse`. Construction validates: an id that would change the request's
    URL path raises :class:`InvalidCreationRef` before any request is made.
    """

    provider: Provider
    id: str

    def __post_init__(self) -> None:
        if self.provider not in PROVIDERS:
            raise InvalidCreationRef(
                f"unknown provider {str(self.provider)[:40]!r}; expected one of {', '.join(PROVIDERS)}"
            )
        _check_id(self.id)

    def __str__(self) -> str:
        return f"{self.provider}:{self.id}"

    @classmethod
    def parse(cls, value: str | CreationRef) -> CreationRef:
        """Parse ``"<provider>:<id>"`` (the provider name is case-insensitive)."""
        if isinstance(value, CreationRef):
            return value
        if not isinstance(value, str):
            raise InvalidCreationRef(f"a creation ref is a string like 'vidu:<id>', not {type(value).__name__}")
        return _parse(value)


@lru_cache(maxsize=4096)  # refs are immutable; wait() and job queues parse the same strings again and again
def _parse(value: str) -> CreationRef:
    provider, sep, creation_id = value.partition(":")
    if not sep:
        raise InvalidCreationRef(f"{value[:60]!r} is not a creation ref: expected '<provider>:<id>', e.g. 'vidu:123'")
    return CreationRef(cast(Provider, provider.lower()), creation_id)
