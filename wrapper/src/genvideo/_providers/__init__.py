"""Provider adapters: the only modules that import the generated clients.

Each turns a ref into request paths (with the generated ``_get_kwargs``, so the
URL shape follows the spec) and validated JSON into a :class:`Creation`. Which
adapter serves a provider is the registry's say (``providers.toml``); adapters and
the generated models are imported on first use: ``import genvideo`` stays fast.
"""

from __future__ import annotations

import functools
from typing import Any

from .._exceptions import InvalidOption
from .._refs import CreationRef, Provider
from ._adapter import Adapter, GetFlow
from ._submit import ApiRequest, CommonArgs, SubmitFlow, SubmitStep, Upload, check_sendable

__all__ = ["ApiRequest", "CommonArgs", "GetFlow", "SubmitFlow", "SubmitStep", "Upload", "get_flow", "submit_flow"]


@functools.cache  # every get passes here: one dict lookup, not an import per call
def _adapter(provider: Provider) -> Adapter:
    from ._registry import registry

    return registry().providers[provider].adapter()


def get_flow(ref: CreationRef) -> GetFlow:
    """The requests a ``get`` makes (the adapter's; e.g. Haiper asks for the detail once it succeeded)."""
    return _adapter(ref.provider).get_flow(ref)


def submit_flow(provider: Provider, common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """The requests that start a generation (see ``Adapter.submit_flow``), every body checked sendable
    (valid Unicode, finite numbers). The first request is made, and everything checked, by the first
    ``next()``: InvalidOption then, before anything is sent."""
    from ._registry import registry

    if common.video is not None and not registry().providers[provider].takes_video:
        takers = [name for name, entry in registry().providers.items() if entry.takes_video]
        raise InvalidOption(
            f"video: {provider} takes no video input (providers that do: {', '.join(takers) or 'none yet'})",
            option="video",
        )
    flow = _adapter(provider).submit_flow(common, dict(options), idempotency_key)
    step = next(flow)
    while True:
        if isinstance(step, ApiRequest):
            check_sendable(step.json)
            check_sendable(step.form)
        reply = yield step
        try:
            step = flow.send(reply)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
