"""The provider fakes: one module per provider, everything about that provider's API the sandbox serves.

A fake is the module `genvideo.testing._fakes.<adapter>`, named like the provider's adapter in the
registry (`providers.toml`: `adapter = "_vidu"` -> `_fakes/_vidu.py`), that sets `FAKE` to a subclass
of `ProviderFake`. `fakes()` finds them, one per registry provider, and makes each with its
`ProviderEntry`. A fake declares, as class attributes:

- `endpoints`: its routes, each an `Endpoint` (a path template under its spec's prefix, exactly as in
  the prepared spec, and a kind: `submit`, `poll`, `read` or `upload`); `area`: the path segments it answers
  for under that prefix, so that an unknown path there gets a 404 in its shape;
- `default_states` (a lifecycle without `states`), and what progress defaults to: 0 but for
  `running_states` and `success_state`, on the provider's `progress_scale` (1.0 or 100.0);
- `output_folder` (the CDN folders of the outputs: `creation` gives `creation-01`, ...) and
  `honours_idempotency_key`;

and implements `error` (its error shape), `new_id` / `output_id` (its id formats), `read_reply` (the
answer of a poll or read), `submit_reply` (the answer of an accepted submit) and, for an endpoint that
serves a file itself (`Endpoint.file`), `file_reply`. It may override the
error answers (`unauthorized`, `no_creation`, ...), `authorized`, `match` (for ids in a query or a
body), `read_submit` (for bodies that are not JSON, such as multipart forms) and `failed_states` (how a
test scripts a failed creation; the default suits a provider with a failure word and one without). A
fake with an `upload` endpoint (a POST that starts nothing) implements `upload_reply`.

A provider behind Comfy.org's proxy subclasses `_proxy.ComfyProxyFake`, which answers what the proxy
answers itself (401, an unknown task, a reused `Idempotency-Key`, its flat error envelope).

The sandbox does the rest, the same for every fake: auth from the registry's credential sources of
the fake's spec, request-body checks against the spec's request schemas (`_request_schemas.json`),
recording, faults, idempotency replay, lifecycles and the CDN.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, ClassVar, Literal
from urllib.parse import quote

from ..._providers._registry import ProviderEntry, SpecEntry, registry
from ..._states import CreationState
from .._creations import FakeCreation, Output, View
from .._keys import AcceptedKeys
from .._recording import RecordedRequest
from .._replies import Headers, JsonObject, Reply
from .._schemas import problem, request_schema

__all__ = ["Endpoint", "ProviderFake", "UrlFor", "fakes"]

UrlFor = Callable[[Output, str], str]
"""Builds a freshly signed absolute URL for one file of one output."""

EndpointKind = Literal["submit", "poll", "read", "upload"]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One route of a fake.

    - `name`: what `Sandbox.submit_path` / `fault_path` call it, e.g. "text2video" or "status".
    - `path`: the template under the spec's prefix, as the prepared spec spells it; one `{...}`
      segment (any name) holds the creation id. A submit's request schema is looked up by it.
    - `kind`: `submit` (starts a creation), `poll` (the status poll: advances the lifecycle and takes
      the creation's faults), `read` (another look-up, which sees the state without advancing) or `upload`
      (a POST of an input that starts nothing, such as PixVerse's image upload: `upload_reply` answers it).
    - `input_type`: what a creation started here records (Haiper's detail shows it).
    - `method`: the methods it answers, if not the usual (`POST` for submits, else `GET, HEAD`); any
      other method gets 405 with an `Allow` header listing them.
    - `file`: a `read` endpoint that answers one of the creation's files itself, not JSON (Sora's
      `/content`): `file_reply` answers it, with the request's headers (`Range`, `If-Range`), and it takes
      the creation's download faults, as the CDN does.
    """

    name: str
    path: str
    kind: EndpointKind
    input_type: str = "text"
    method: tuple[str, ...] = ()
    file: bool = False

    def __post_init__(self) -> None:
        if self.file and self.kind != "read":
            raise ValueError(f"endpoint {self.name!r}: only a read endpoint serves a file, not a {self.kind}")

    @property
    def methods(self) -> tuple[str, ...]:
        """The methods it answers."""
        return self.method or (("POST",) if self.kind in ("submit", "upload") else ("GET", "HEAD"))

    @property
    def segments(self) -> tuple[str, ...]:
        """The path template's segments after the leading `/`."""
        return tuple(self.path.split("/")[1:])


def is_id(segment: str) -> bool:
    """Whether a template segment is the creation id placeholder."""
    return segment.startswith("{") and segment.endswith("}")


class ProviderFake:
    """A provider's API, as the sandbox serves it; see the package docstring. Stateless: the sandbox
    keeps creations, scripts and submissions."""

    endpoints: ClassVar[tuple[Endpoint, ...]]
    area: ClassVar[tuple[str, ...]]
    default_states: ClassVar[tuple[str, ...]]
    success_state: ClassVar[str]
    running_states: ClassVar[frozenset[str]]
    progress_scale: ClassVar[float]
    """What "done" is on the provider's progress scale: 1.0 or 100.0."""
    output_folder: ClassVar[str]
    honours_idempotency_key: ClassVar[bool] = False
    demo_arguments: ClassVar[Mapping[str, Any]] = MappingProxyType({})
    """What the demo (`genvideo demo`) passes to `create()` besides a prompt, for a provider that needs more
    (Runway takes no text-only generation: an image URL, which the sandbox never fetches). It may replace
    the prompt too: a provider that transforms a video takes none (`"prompt": ""`)."""
    takes_images: ClassVar[bool] = True
    """Whether the provider's `create()` takes `image=` at all (a video transform takes none and refuses
    it); the registry-driven image tests cover only providers that do."""
    video_arguments: ClassVar[Mapping[str, Any]] = MappingProxyType({})
    """Arguments for a `create()` that passes `video=` (a URL; tests swap in a file or bytes), for a provider
    that may take a reference video but does not need one. Empty means the demo arguments, which hold the
    video of a provider that transforms one (a required video)."""
    video_through_storage: ClassVar[bool] = True
    """Whether the provider reads a video from Comfy's storage (a URL there, as any video URL); False for one
    with its own upload of the bytes (Topaz: parts PUT to signed URLs), which its own tests cover."""

    def __init__(self, entry: ProviderEntry) -> None:
        """The fake of the registry's provider `entry`."""
        self.entry = entry
        self.provider = entry.name
        self.spec: SpecEntry = entry.spec
        self.prefix = f"/{entry.spec.name}"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.provider} under {self.prefix}>"

    # -- routes --------------------------------------------------------------------------------

    def match(self, segments: Sequence[str], request: RecordedRequest) -> tuple[Endpoint, str] | None:
        """The endpoint the decoded path `segments` (after the spec prefix) address, and the creation id
        (empty for submits), or None."""
        for endpoint in self.endpoints:
            template = endpoint.segments
            if len(template) == len(segments) and all(
                is_id(t) or t == s for t, s in zip(template, segments, strict=True)
            ):
                ids = [s for t, s in zip(template, segments, strict=True) if is_id(t)]
                return endpoint, ids[0] if ids else ""
        return None

    def owns(self, segments: Sequence[str]) -> bool:
        """Whether the decoded path `segments` (after the spec prefix) lie in this fake's `area`."""
        return tuple(segments[: len(self.area)]) == self.area

    def endpoint(self, name: str, kinds: Sequence[EndpointKind]) -> Endpoint:
        """The endpoint called `name` among those of `kinds`; ValueError naming the choices."""
        candidates = [e for e in self.endpoints if e.kind in kinds]
        for endpoint in candidates:
            if endpoint.name == name:
                return endpoint
        label = "submit endpoint" if kinds == ("submit",) else "endpoint"
        names = sorted(e.name for e in candidates)
        raise ValueError(f"unknown {self.provider} {label} {name!r}; expected one of {names}")

    def path(self, endpoint: Endpoint, creation_id: str = "") -> str:
        """The raw path of `endpoint` (for a creation: the id percent-encoded), prefix included."""
        parts = (quote(creation_id, safe="") if is_id(s) else s for s in endpoint.segments)
        return self.prefix + "/" + "/".join(parts)

    @property
    def submits(self) -> tuple[Endpoint, ...]:
        """The submit endpoints."""
        return tuple(e for e in self.endpoints if e.kind == "submit")

    # -- lifecycle and ids ---------------------------------------------------------------------

    @property
    def failed_states(self) -> tuple[str, ...]:
        """The states that script a failed creation, whose reason is `add_creation`'s `failure_code` (as
        far as the provider's reply carries one). Default: the first word the registry maps to `failed`,
        spelled as the provider writes it; for a provider that has no failure word, its success word (a
        fake reports the failure code of a finished creation as its failure: xAI's `block_reason`)."""
        failed = [word for word, state in self.entry.states.items() if state is CreationState.FAILED]
        return (self.spell(failed[0]),) if failed else (self.success_state,)

    def default_progress(self, states: Sequence[str]) -> tuple[float, ...]:
        """0 for queued/unknown/failed, evenly spaced for running states, done for the success state."""
        running = [i for i, state in enumerate(states) if state in self.running_states]
        result: list[float] = []
        for i, state in enumerate(states):
            if state == self.success_state:
                fraction = 1.0
            elif i in running:
                fraction = (running.index(i) + 1) / (len(running) + 1)
            else:
                fraction = 0.0
            result.append(round(fraction * self.progress_scale, 4))
        return tuple(result)

    def sample_id(self, name: str) -> str:
        """A valid id of this provider for a test's creation called `name` (deterministic): `name` itself
        by default; a provider whose ids have a fixed form (PixVerse: integers) derives one from it."""
        return name

    def spell(self, word: str) -> str:
        """A registry state word (lower case) as this provider writes it: as in its own states, else in
        their case (Runway and Wan write every word in upper case)."""
        known = {w.lower(): w for w in (*self.default_states, *self.running_states, self.success_state)}
        if word in known:
            return known[word]
        return word.upper() if all(w.isupper() for w in known.values()) else word

    def digest(self, *parts: str) -> bytes:
        """A sha256 of `provider/part/...`: the seed of deterministic ids."""
        return hashlib.sha256("/".join((self.provider, *parts)).encode()).digest()

    def submit_digest(self, counter: int) -> bytes:
        """The seed of the `counter`-th id a sandbox hands out for this provider."""
        return hashlib.sha256(f"genvideo-sandbox/{self.provider}/submit/{counter}".encode()).digest()

    def new_id(self, counter: int) -> str:
        """The id of the `counter`-th creation a sandbox starts for this provider (deterministic)."""
        raise NotImplementedError

    def output_id(self, creation_id: str, index: int) -> str:
        """The id of output `index` (from 1) of a creation."""
        raise NotImplementedError

    # -- auth and submit checks ----------------------------------------------------------------

    def authorized(self, request: RecordedRequest, keys: AcceptedKeys) -> bool:
        """Whether `request` carries any credential the registry lists for this fake's spec."""
        return any(keys.accepts(source, request) for source in self.spec.credentials)

    def read_submit(self, endpoint: Endpoint, request: RecordedRequest) -> tuple[object, tuple[str, str] | None]:
        """A submit's body as recorded (None if unreadable) and the first problem with it, as (field,
        message), or None: by default a JSON body checked against the spec's request schema of `endpoint`."""
        try:
            body = json.loads(request.body)
        except (ValueError, RecursionError):  # ValueError includes UnicodeDecodeError
            return None, ("body", "Request body must be valid JSON")
        return body, problem(body, request_schema(self.spec.name, endpoint.path))

    # -- replies -------------------------------------------------------------------------------

    def error(
        self,
        status: int,
        *,
        code: str | None = None,
        message: str | None = None,
        details: Sequence[str] = (),
        headers: Headers = (),
    ) -> Reply:
        """An error in the provider's shape; `code` and `message` default to ones derived from `status`."""
        raise NotImplementedError

    def unauthorized(self) -> Reply:
        """Missing or wrong credentials."""
        return self.error(401)

    def bad_request(self, field: str, message: str) -> Reply:
        """A submit body (or header) the provider refuses; `field` names what is wrong."""
        return self.error(400, message=message, details=[field])

    def method_not_allowed(self, endpoint: Endpoint) -> Reply:
        """A method `endpoint` does not take."""
        return self.error(405, headers=(("Allow", ", ".join(endpoint.methods)),))

    def no_route(self, path: str) -> Reply:
        """A path in this fake's area that no endpoint matches."""
        return self.error(404, message=f"No route for {path}")

    def no_creation(self, creation_id: str) -> Reply:
        """A look-up of a creation that does not exist."""
        return self.error(404)

    def idempotency_conflict(self) -> Reply:
        """A reused `Idempotency-Key` with another endpoint or body (only if `honours_idempotency_key`)."""
        return self.error(409)

    def read_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, urls: UrlFor) -> Reply:
        """The answer of a `poll` or `read` endpoint of an existing creation, as `view` sees it.

        `urls(output, filename)` is a freshly signed CDN URL of one of its files.
        """
        raise NotImplementedError

    def file_reply(self, endpoint: Endpoint, creation: FakeCreation, view: View, request: RecordedRequest) -> Reply:
        """The answer of a `file` endpoint of an existing creation, as `view` sees it: the file with byte
        ranges (`_cdn.file_reply` answers `request`'s `Range` and `If-Range` as the CDN does), or an error
        in the provider's shape while there is none."""
        raise NotImplementedError

    def submit_reply(self, endpoint: Endpoint, creation: FakeCreation, state: str, body: JsonObject) -> Reply:
        """The answer of an accepted submit that started `creation` (`state`: the one to report)."""
        raise NotImplementedError

    def upload_reply(self, endpoint: Endpoint, request: RecordedRequest) -> Reply:
        """The answer of an authorized POST to an `upload` endpoint (it starts nothing)."""
        raise NotImplementedError


@functools.cache
def fakes() -> Mapping[str, ProviderFake]:
    """The fake of every registry provider that has one, by provider name, in registry order."""
    found: dict[str, ProviderFake] = {}
    for entry in registry().providers.values():
        name = f"{__name__}.{entry.adapter_module}"
        try:
            module: Any = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue  # tests/sandbox checks that every provider has a fake
        found[entry.name] = module.FAKE(entry)
    return MappingProxyType(found)
