"""Provider adapters: the only modules that import the generated clients.

Each turns a ref into request paths (with the generated ``_get_kwargs``, so the
URL shape follows the spec) and validated JSON into a :class:`Creation`. Which
adapter serves a provider is the registry's say (``providers.toml``); adapters and
the generated models are imported on first use: ``import genvideo`` stays fast.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from .._refs import CreationRef, Provider
from ._adapter import Adapter, GetFlow
from ._submit import ApiRequest, CommonArgs, check_sendable

__all__ = ["ApiRequest", "CommonArgs", "GetFlow", "get_flow", "submit_request", "submitted"]


@functools.cache  # every get passes here: one dict lookup, not an import per call
def _adapter(provider: Provider) -> Adapter:
    from ._registry import registry

    return registry().providers[provider].adapter()


def get_flow(ref: CreationRef) -> GetFlow:
    """The requests a ``get`` makes (the adapter's; e.g. Haiper asks for the detail once it succeeded)."""
    return _adapter(ref.provider).get_flow(ref)


def submit_request(provider: Provider, common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST that starts a generation (options are validated against the generated request model,
    and the body must be sendable: valid Unicode, finite numbers); InvalidOption before anything is sent."""
    request = _adapter(provider).submit_request(common, dict(options), idempotency_key)
    check_sendable(request.json)
    return request


def submitted(provider: Provider, body: Mapping[str, Any]) -> CreationRef:
    """The ref of the creation a submit started (CreationFailed if it was refused at once)."""
    return _adapter(provider).submitted(body)
