"""What every provider adapter module provides: the three steps of talking to one provider, sans I/O.

An adapter is a module under ``genvideo._providers`` named by its registry row (``adapter = "_vidu"``)
that defines these as module-level functions. The clients do the I/O; the adapter only says which
requests to make and what their replies mean.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any, Protocol

from .._models import Creation
from .._refs import CreationRef
from ._submit import ApiRequest, CommonArgs

__all__ = ["Adapter", "GetFlow"]

#: A sans-I/O lookup: yields the requests to make, is sent each JSON body, returns the Creation.
GetFlow = Generator[ApiRequest, Mapping[str, Any], Creation]


class Adapter(Protocol):
    """One provider's adapter module (see the module docstring)."""

    def get_flow(self, ref: CreationRef) -> GetFlow:
        """The requests a ``get`` of ``ref`` makes, as a :data:`GetFlow` (one or more; a later request
        may depend on an earlier reply), ending with the normalised Creation."""
        ...

    def submit_request(self, common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
        """The POST that starts a generation, checked against the generated request model first
        (InvalidOption naming the option). ``options`` is the caller's copy: the adapter may pop from it.
        ``idempotency_key`` is fresh per ``create``; an API that honours none ignores it."""
        ...

    def submitted(self, body: Mapping[str, Any]) -> CreationRef:
        """The ref of the creation a submit reply names: CreationFailed if it was refused at once,
        ResponseValidationError (carrying the reply) if it names no usable id."""
        ...
