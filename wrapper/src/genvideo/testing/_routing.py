"""Mapping a raw request path to what it addresses: a fake's endpoint, the CDN, or nothing (no I/O, no state)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from . import _storage as storage
from ._fakes import Endpoint, ProviderFake
from ._recording import RecordedRequest

RouteKind = Literal["submit", "poll", "read", "upload", "cdn", "storage", "stored", "other", "unknown"]


@dataclass(frozen=True, slots=True)
class Route:
    """What a request addresses.

    `submit`, `poll`, `read`, `upload`: one of `fake`'s endpoints (`creation_id` empty for submits); `cdn`: a file
    of one of `fake`'s creations; `storage`: Comfy's storage endpoint; `stored`: a file in it (`_storage`);
    `other`: a path in `fake`'s area that no endpoint matches; `unknown`: a path no fake owns.
    """

    kind: RouteKind
    fake: ProviderFake | None = None
    endpoint: Endpoint | None = None
    creation_id: str = ""
    output_dir: str = ""
    filename: str = ""

    @property
    def is_api(self) -> bool:
        """Whether this is a provider API endpoint of a creation (a `Fault.state` applies to it)."""
        return self.kind in ("poll", "read")

    @property
    def is_file(self) -> bool:
        """Whether this is a file of a creation: on the CDN, or at an endpoint that serves it itself
        (`Endpoint.file`, Sora's `/content`). The creation's download faults apply to it."""
        return self.kind == "cdn" or (self.endpoint is not None and self.endpoint.file)

    @property
    def is_submit(self) -> bool:
        """Whether this is a submit endpoint (a POST there starts a generation)."""
        return self.kind == "submit"


def route(request: RecordedRequest, fakes: Mapping[str, ProviderFake]) -> Route:
    """Resolve the raw (still percent-encoded) path. Each segment is decoded on its own, so `a%2Fb` is one id.

    `/<spec>/...` goes to the fakes of that spec (in registry order), `/cdn/<provider>/<id>/<folder>/<file>`
    to the CDN.
    """
    segments = [unquote(s) for s in request.path.split("/")]
    if len(segments) < 2 or segments[0]:
        return Route("unknown")
    top, rest = segments[1], segments[2:]
    if request.path.startswith(storage.OBJECT_PREFIX):
        return Route("stored")
    if top == storage.SPEC and "/" + "/".join(rest) == storage.SLOT_PATH:
        return Route("storage")
    if top == "cdn" and len(rest) == 4 and rest[0] in fakes:
        return Route("cdn", fakes[rest[0]], creation_id=rest[1], output_dir=rest[2], filename=rest[3])
    owners = [fake for fake in fakes.values() if fake.spec.name == top]
    for fake in owners:
        found = fake.match(rest, request)
        if found is not None:
            endpoint, creation_id = found
            return Route(endpoint.kind, fake, endpoint, creation_id)
    for fake in owners:
        if fake.owns(rest):
            return Route("other", fake)
    return Route("unknown")
