"""What every provider adapter module provides: the two flows of talking to one provider, sans I/O.

An adapter is a module under ``genvideo._providers`` named by its registry row (``adapter = "_vidu"``)
that defines these as module-level functions. The clients do the I/O; the adapter only says which
requests to make and what their replies mean. Most adapters write a ``submit_request`` (the one POST)
and a ``submitted`` (its reply's ref) and make their ``submit_flow`` of them with ``_flows``.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any, Protocol

from .._models import Creation
from .._refs import CreationRef
from ._submit import ApiRequest, CommonArgs, SubmitFlow

__all__ = ["Adapter", "GetFlow"]

#: A sans-I/O lookup: yields the requests to make, is sent each JSON body, returns the Creation.
GetFlow = Generator[ApiRequest, Mapping[str, Any], Creation]


class Adapter(Protocol):
    """One provider's adapter module (see the module docstring)."""

    def get_flow(self, ref: CreationRef) -> GetFlow:
        """The requests a ``get`` of ``ref`` makes, as a :data:`GetFlow` (one or more; a later request
        may depend on an earlier reply), ending with the normalised Creation."""
        ...

    def submit_flow(self, common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
        """The requests that start a generation, as a :data:`SubmitFlow` ending with its ref.

        Everything is checked before the first request is yielded (InvalidOption naming the option,
        against the generated request model). ``options`` is the caller's copy: the adapter may pop
        from it. ``idempotency_key`` is fresh per ``create``; an API that honours none ignores it.
        A submit refused at once raises CreationFailed; a reply naming no usable id,
        ResponseValidationError (carrying the reply)."""
        ...
