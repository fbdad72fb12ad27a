"""Provider adapters: the only modules that import the generated clients.

Each turns a ref into request paths (with the generated ``_get_kwargs``, so the
URL shape follows the spec) and validated JSON into a :class:`Creation`. The
generated models are imported lazily: ``import genvideo`` stays fast.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from .._models import Creation
from .._refs import CreationRef, Provider
from .._states import CreationState
from . import _haiper, _vidu
from ._submit import ApiRequest, CommonArgs, check_sendable

__all__ = ["ApiRequest", "CommonArgs", "GetFlow", "get_flow", "submit_request", "submitted"]

#: A sans-I/O lookup: yields the requests to make, is sent each JSON body, returns the Creation.
GetFlow = Generator[ApiRequest, Mapping[str, Any], Creation]


def get_flow(ref: CreationRef) -> GetFlow:
    """The requests a ``get`` makes. Haiper: status first, the detail only once it succeeded."""
    if ref.provider == "vidu":
        body = yield ApiRequest("GET", _vidu.status_path(ref.id))
        return _vidu.to_creation(ref, body)
    status = yield ApiRequest("GET", _haiper.status_path(ref.id))
    creation = _haiper.to_creation(ref, status, None)
    if creation.state is CreationState.SUCCEEDED:
        detail = yield ApiRequest("GET", _haiper.detail_path(ref.id))
        creation = _haiper.to_creation(ref, status, detail)
    return creation


def submit_request(provider: Provider, common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST that starts a generation (options are validated against the generated request model,
    and the body must be sendable: valid Unicode, finite numbers); InvalidOption before anything is sent."""
    if provider == "vidu":
        request = _vidu.submit_request(common, dict(options), idempotency_key)
    else:
        request = _haiper.submit_request(common, dict(options))
    check_sendable(request.json)
    return request


def submitted(provider: Provider, body: Mapping[str, Any]) -> CreationRef:
    """The ref of the creation a submit started (CreationFailed if it was refused at once)."""
    return _vidu.submitted(body) if provider == "vidu" else _haiper.submitted(body)
