"""Provider adapters: the only modules that import the generated clients.

Each turns a ref into request paths (with the generated ``_get_kwargs``, so the
URL shape follows the spec) and validated JSON into a :class:`Creation`. The
generated models are imported lazily: ``import genvideo`` stays fast.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from .._models import Creation
from .._refs import CreationRef
from .._states import CreationState
from . import _haiper, _vidu

#: A sans-I/O lookup: yields API paths to GET, is sent each JSON body, returns the Creation.
GetFlow = Generator[str, Mapping[str, Any], Creation]


def get_flow(ref: CreationRef) -> GetFlow:
    """The requests a ``get`` makes. Haiper: status first, the detail only once it succeeded."""
    if ref.provider == "vidu":
        body = yield _vidu.status_path(ref.id)
        return _vidu.to_creation(ref, body)
    status = yield _haiper.status_path(ref.id)
    creation = _haiper.to_creation(ref, status, None)
    if creation.state is CreationState.SUCCEEDED:
        detail = yield _haiper.detail_path(ref.id)
        creation = _haiper.to_creation(ref, status, detail)
    return creation
