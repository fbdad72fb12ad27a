"""`Sandbox`: the public, scriptable fake of the providers' APIs (one fake each, `_fakes/`) plus their CDN."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from .._providers._registry import SpecEntry, registry
from ._cdn import Cdn, cdn_path
from ._creations import FakeCreation
from ._faults import Fault
from ._handler import SandboxServer
from ._keys import AcceptedKeys
from ._lifecycle import Lifecycle
from ._recording import RecordedRequest
from ._state import SandboxState
from ._storage import StoredFile
from ._submits import Submission, SubmitScript

if TYPE_CHECKING:
    import genvideo


class Sandbox:
    """A local HTTP/1.1 server that behaves like the providers, for demos and tests (think `moto`).

    Each provider of the registry has a fake (`genvideo/testing/_fakes/`) serving its routes under its
    spec's prefix, `/<spec>` (`base_url_for(spec)`), with the auth the registry lists for that spec.
    Routes (all under `base_url`):

    - `/comfy/proxy/vidu/tasks/{id}/creations`: the Comfy proxy's Vidu poll. Auth: `X-API-Key: <comfy_api_key>`
      or `Authorization: Bearer <comfy_auth_token>`.
    - `POST /comfy/proxy/vidu/{text2video,img2video,reference2video,start-end2video,extend,multiframe}`:
      Vidu submits (same auth), answered with ViduTaskReply / ViduExtendReply / ViduMultiframeReply.
    - `/haiper/v1/jobs/{id}/status` and `/haiper/v1/creation/{id}`: Haiper. Auth: `Authorization: Bearer <key>`.
    - `POST /haiper/v1/jobs/gen2/{text2video,image2video}`: Haiper submits, answered with NewGeneration
      `{"status": "success", "value": {"generation_id": ...}}`.
    - `/cdn/...`: the outputs, behind CloudFront-like signed URLs (no credentials needed).

    A credential set to None is disabled: nothing matches it (it never means "accept anything").
    Haiper's detail endpoint answers 400 `H-10002001` until the creation has succeeded: the real API's
    answer there is undocumented, so that is a guess.

    Creations come from `add_creation` (a known id) or from submits. A submit is checked in this order:
    credentials (401), a JSON object body with the spec's required fields, types and enums, nested ones
    included (the prepared spec's request schema; 400 naming the field, e.g. `config.source_image`;
    unknown fields are accepted and kept), then (Vidu only) its `Idempotency-Key`. Then the next script
    queued with `script_submits` (or, with none queued, the provider's default lifecycle, as
    `add_creation`) either rejects it or starts a creation with a fresh id (Vidu: 18 digits; Haiper: 24
    hex characters; deterministic per sandbox), which then runs its script exactly like an added one and
    is served by the GET endpoints, the CDN and `video()` / `cover()` / `current_state()`. The Vidu
    reply's `state` is the creation's first state (so `states=["failed", ...]` answers `"failed"` at
    once), and it echoes the request fields its schema has. Every submit, accepted or not, is listed in
    `submissions`.

    Idempotency (Vidu only; Haiper ignores the header and every POST starts a new generation): a submit
    whose `Idempotency-Key` was already used by an accepted submit with the same endpoint and JSON body is
    answered with that first reply (same `task_id`, header `Idempotent-Replayed: true`) and creates
    nothing; with a different endpoint or body it gets 409 `idempotency_mismatch` (header
    `X-Comfy-Error-Type: idempotency_mismatch`). Rejected submits do not claim their key.

    Submits are processed on receipt: a `delay`, `hang`, `reset`, `truncate` or `state` fault on a submit
    path (`add_fault(sb.submit_path("haiper", "text2video"), Fault.delay(5))`) hits only the answer: the
    creation already exists, so a client that times out and does not retry leaves exactly one. A `status`,
    `error`, `body` or `redirect` fault there answers instead of the provider and creates nothing.

    Use it as a context manager, or call `start()` and `close()`. All methods are thread-safe.

    Example::

        with Sandbox() as sb:
            sb.add_creation("vidu", "902581991298326528")
            sb.script_submits("haiper", Sandbox.submit_script(reject=Fault.error(429, headers={"Retry-After": "1"})),
                              Sandbox.submit_script(states=["pending", "failed"]))
            os.environ.update(sb.env())
    """

    def __init__(
        self,
        *,
        comfy_api_key: str | None = "sandbox-comfy-key",
        comfy_auth_token: str | None = "sandbox-comfy-token",  # noqa: S107  (a fake, public default)
        haiper_api_key: str | None = "sandbox-haiper-key",
        host: str = "127.0.0.1",
        port: int = 0,
        cdn_supports_range: bool = True,
        url_ttl: float = 3600.0,
        video_size: int = 64 * 1024,
    ) -> None:
        """Configure the sandbox; nothing listens until `start()`.

        `port=0` picks a free port. `url_ttl` is how long issued CDN URLs stay valid (seconds).
        `video_size` is the default size of generated videos. With `cdn_supports_range=False` the CDN
        ignores `Range` headers and always answers 200 with the whole file.
        """
        if video_size < 0:
            raise ValueError(f"video_size must be >= 0, got {video_size}")
        self._host = host
        self._requested_port = port
        # A credential the registry lists and the constructor does not name gets a made-up secret.
        secrets: dict[str, str | None] = {
            source.argument: f"sandbox-{source.argument.replace('_', '-')}" for source in registry().credential_sources
        }
        secrets.update(comfy_api_key=comfy_api_key, comfy_auth_token=comfy_auth_token, haiper_api_key=haiper_api_key)
        self._state = SandboxState(
            keys=AcceptedKeys(secrets),
            cdn=Cdn(supports_range=cdn_supports_range, url_ttl=url_ttl),
            video_size=video_size,
        )
        self._server: SandboxServer | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._lifecycle = threading.Lock()

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> Sandbox:
        """Bind the port and serve in a daemon thread. Returns self."""
        with self._lifecycle:
            if self._server is not None or self._closed:
                raise RuntimeError("a Sandbox can be started only once")
            server = SandboxServer((self._host, self._requested_port), self._state)
            self._server = server
            self._state.base_url = f"http://{server.server_name}:{server.server_port}"
            self._thread = threading.Thread(
                target=server.serve_forever, kwargs={"poll_interval": 0.01}, name="genvideo-sandbox", daemon=True
            )
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving promptly: ends hanging and delayed requests and drops open connections. Idempotent."""
        with self._lifecycle:
            if self._closed:
                return
            self._closed = True
            self._state.closing.set()
            server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        server.drop_connections()
        server.server_close()
        thread.join(timeout=5)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._server is None:
            where = "not started"
        else:
            where = f"base_url={self._state.base_url!r}" + (" closed" if self._closed else "")
        with self._state.lock:
            counts = (
                f"creations={len(self._state.creations)} submissions={len(self._state.submissions)}"
                f" requests={len(self._state.requests)}"
            )
        return f"<Sandbox {where} {counts}>"

    # -- addresses -----------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:PORT` (no trailing slash). Raises RuntimeError before `start()`."""
        if not self._state.base_url:
            raise RuntimeError("the Sandbox is not started")
        return self._state.base_url

    @property
    def port(self) -> int:
        """The port the sandbox listens on."""
        return int(self.base_url.rsplit(":", 1)[1])

    def base_url_for(self, spec: str) -> str:
        """Base URL of the fake host of registry spec `spec` (e.g. "comfy"): `base_url` plus `/<spec>`."""
        if spec not in registry().specs:
            raise ValueError(f"unknown spec {spec!r}; expected one of {tuple(registry().specs)}")
        return f"{self.base_url}/{spec}"

    @property
    def comfy_base_url(self) -> str:
        """Base URL of the fake api.comfy.org (the Vidu proxy paths live under it)."""
        return self._base_url_argument("comfy_base_url")

    @property
    def haiper_base_url(self) -> str:
        """Base URL of the fake api.haiper.ai."""
        return self._base_url_argument("haiper_base_url")

    def _base_url_argument(self, argument: str) -> str:
        """The base URL the SDK's base-URL `argument` should get."""
        (spec,) = (s for s in registry().specs.values() if s.base_url_argument == argument)
        return self.base_url_for(spec.name)

    def env(self) -> dict[str, str]:
        """Environment variables that point the SDK at the sandbox: every spec's base URL and its first
        (preferred) credential unless that is None; the others (`COMFY_AUTH_TOKEN`) are never set."""
        specs = registry().specs.values()
        result = {spec.base_url_env: self.base_url_for(spec.name) for spec in specs}
        for spec in specs:
            first = spec.credentials[0] if spec.credentials else None
            secret = self._state.keys.secret(first) if first else None
            if first is not None and secret is not None:
                result[first.env] = secret
        return result

    def _client_options(self, options: dict[str, Any]) -> dict[str, Any]:
        """Client arguments: per spec its base URL and the first credential it has (the others None)."""
        result: dict[str, Any] = {}
        for spec in registry().specs.values():
            result[spec.base_url_argument] = self.base_url_for(spec.name)
            result.update(_preferred_credential(spec, self._state.keys))
        # Its creations finish in seconds, not minutes: no provider's typical duration holds here.
        result["typical_durations"] = dict.fromkeys(registry().names)
        return {**result, **options}

    def client(self, **options: Any) -> genvideo.Client:
        """A `genvideo.Client` pointed at the sandbox with its keys; `options` override any argument."""
        from .._client import Client

        return Client(**self._client_options(options))

    def async_client(self, **options: Any) -> genvideo.AsyncClient:
        """A `genvideo.AsyncClient` pointed at the sandbox with its keys; `options` override any argument."""
        from .._async_client import AsyncClient

        return AsyncClient(**self._client_options(options))

    # -- scripting -----------------------------------------------------------------------------

    def add_creation(
        self,
        provider: str,
        creation_id: str,
        *,
        states: Sequence[str] | None = None,
        advance: Literal["poll"] | float = "poll",
        progress: Sequence[float] | None = None,
        outputs: int = 1,
        video: bytes | Sequence[bytes] | None = None,
        video_size: int | None = None,
        failure_code: str | None = None,
        blocked_resources: Sequence[Mapping[str, object]] | None = None,
        credits: int = 4,
        prompt: str = "A sandbox test video",
        faults: Iterable[Fault] = (),
        download_faults: Iterable[Fault] = (),
        scope: Sequence[str] = (),
    ) -> None:
        """Script a creation.

        - `provider`: a provider with a fake: "vidu" (served through the Comfy proxy paths) or "haiper".
        - `states`: the provider's raw state strings in order; any string is allowed (unknown states).
          Defaults: vidu `queueing, processing, success`; haiper `pending, processing, succeed`.
        - `advance="poll"`: each answered status poll moves to the next state (the first poll sees
          `states[0]`). A number of seconds: state i is current from `i * advance` seconds after this call.
          The last state sticks.
        - `progress`: parallel to `states` (Vidu 0-100, Haiper 0-1); derived when omitted.
        - `outputs` videos (each with a cover), served when the creation has succeeded. `video` gives
          their exact bytes (one bytes for all, or one per output); otherwise `video_size` (default: the
          sandbox's) deterministic bytes: a playable H.264 MP4 (the packaged sample, padded with a seeded
          `free` box) from 2165 bytes up; below that, pseudo-random bytes after an MP4 `ftyp` box.
        - `failure_code`: Vidu's `err_code` when `failed` (default "CreationPolicyViolation");
          `blocked_resources` is sent with it when given.
        - `faults`: applied in order to this creation's status poll requests; `download_faults` to its
          CDN requests.
        - `scope`: for a provider whose refs carry more than the id (its registry row's `scope`, e.g.
          Kling's task kind: `scope=["image2video"]` for `kling:image2video:<id>`), those parts; the fake
          serves the creation where a ref with them is looked up. Empty: the fake's default (for Kling,
          text2video). The other methods take the id alone (`fault_path(..., "status")` is the path of the
          fake's `status` endpoint, whatever the scope).
        """
        fake = self._state.fake(provider)
        if scope and len(scope) != len(fake.entry.scope):
            raise ValueError(
                f"{provider} refs carry {len(fake.entry.scope)} part(s) besides the id, got scope={scope!r}"
            )
        lifecycle = Lifecycle.of(
            states=states,
            advance=advance,
            progress=progress,
            outputs=outputs,
            video=video,
            video_size=video_size,
            failure_code=failure_code,
            blocked_resources=blocked_resources,
            credits=credits,
            faults=faults,
            download_faults=download_faults,
        ).with_defaults(fake.default_states)
        creation = self._state.start(fake, creation_id, lifecycle, prompt=prompt, scope=tuple(scope))
        with self._state.lock:
            self._state.add(creation)

    @staticmethod
    def submit_script(
        *,
        states: Sequence[str] | None = None,
        advance: Literal["poll"] | float = "poll",
        progress: Sequence[float] | None = None,
        outputs: int = 1,
        video: bytes | Sequence[bytes] | None = None,
        video_size: int | None = None,
        failure_code: str | None = None,
        blocked_resources: Sequence[Mapping[str, object]] | None = None,
        credits: int = 4,
        faults: Iterable[Fault] = (),
        download_faults: Iterable[Fault] = (),
        reject: Fault | int | None = None,
    ) -> SubmitScript:
        """What the sandbox does with one submit; queue it with `script_submits`.

        The creation arguments mean what they mean for `add_creation` (its clock and poll count start at
        the submit; `credits` is also the reply's). With `reject`, the submit is answered with that fault
        instead and nothing is created: an int is `Fault.error(code)` (an error in the provider's shape);
        a `Fault.status`, `Fault.error`, `Fault.body` or `Fault.redirect` is sent as is, e.g.
        `Fault.error(400, error_code="VB-100017")`, `Fault.error(402)`, or
        `Fault.error(429, headers={"Retry-After": "2"})`; `Fault.reset()` / `Fault.hang()` drop the
        connection without processing (unlike `add_fault` on the submit path, which processes first).
        Raises ValueError for inconsistent settings.
        """
        lifecycle = Lifecycle.of(
            states=states,
            advance=advance,
            progress=progress,
            outputs=outputs,
            video=video,
            video_size=video_size,
            failure_code=failure_code,
            blocked_resources=blocked_resources,
            credits=credits,
            faults=faults,
            download_faults=download_faults,
        )
        return SubmitScript(lifecycle, Fault.error(reject) if isinstance(reject, int) else reject)

    def script_submits(self, provider: str, *scripts: SubmitScript) -> None:
        """Queue `scripts` for the provider's next submits, one per submit, in order.

        Only submits that get past the credential, body and idempotency checks take a script (a replay
        does not); a submit with no script queued gets the provider's default lifecycle.
        """
        fake = self._state.fake(provider)
        for script in scripts:
            script.lifecycle.with_defaults(fake.default_states)  # raises if progress does not fit the defaults
        with self._state.lock:
            self._state.submit_scripts[fake.provider].extend(scripts)

    def pending_submit_scripts(self, provider: str) -> list[SubmitScript]:
        """The scripts queued for the provider's submits and not yet used."""
        fake = self._state.fake(provider)
        with self._state.lock:
            return list(self._state.submit_scripts[fake.provider])

    def add_fault(self, path_prefix: str, *faults: Fault) -> None:
        """Apply `faults`, in order, to requests whose raw path (no query) starts with `path_prefix`.

        The prefix is matched against the percent-encoded path as sent, e.g. `/cdn/vidu/` or
        `sb.fault_path("haiper", "abc123", "detail")`. These faults take precedence over per-creation ones.
        """
        with self._state.lock:
            for fault in faults:
                self._state.path_faults.push(fault, path_prefix)

    def fault_path(
        self, provider: str, creation_id: str, endpoint: Literal["status", "detail", "cdn"] = "status"
    ) -> str:
        """The raw path prefix of a creation's endpoint, for `add_fault` and `requests_for`.

        `endpoint`: "status" (Vidu's creations poll or Haiper's job status), "detail" (Haiper only)
        or "cdn" (all of the creation's files).
        """
        fake = self._state.fake(provider)
        if endpoint == "cdn":
            return cdn_path(fake.provider, creation_id)
        return fake.path(fake.endpoint(endpoint, ("poll", "read")), creation_id)

    def submit_path(self, provider: str, endpoint: str) -> str:
        """The raw path of a submit endpoint, for `add_fault` and `requests_for`.

        E.g. `submit_path("haiper", "text2video") == "/haiper/v1/jobs/gen2/text2video"`,
        `submit_path("vidu", "start-end2video") == "/comfy/proxy/vidu/start-end2video"`.
        """
        fake = self._state.fake(provider)
        return fake.path(fake.endpoint(endpoint, ("submit",)))

    def expire_urls(self, provider: str, creation_id: str) -> None:
        """Make every URL issued so far for this creation answer 403 (expired); later polls issue fresh ones."""
        with self._state.lock:
            self._creation(provider, creation_id).expire_issued()

    def current_state(self, provider: str, creation_id: str) -> str:
        """The raw state the creation is in now (poll-driven: the last one a poll saw)."""
        with self._state.lock:
            creation = self._creation(provider, creation_id)
            return creation.states[creation.current_index(time.monotonic())]

    def video(self, provider: str, creation_id: str, index: int = 0) -> bytes:
        """The exact bytes the CDN serves for output `index` (0-based) of the creation."""
        with self._state.lock:
            return self._creation(provider, creation_id).outputs[index].video

    def cover(self, provider: str, creation_id: str, index: int = 0) -> bytes:
        """The exact bytes (a PNG) the CDN serves as the cover of output `index` (0-based)."""
        with self._state.lock:
            return self._creation(provider, creation_id).outputs[index].cover

    def pending_faults(self) -> list[Fault]:
        """Faults not yet used up: path-prefix faults first, then each creation's."""
        with self._state.lock:
            pending = self._state.path_faults.pending()
            for creation in self._state.creations.values():
                pending += creation.status_faults.pending() + creation.download_faults.pending()
            return pending

    def _creation(self, provider: str, creation_id: str) -> FakeCreation:
        key = (self._state.fake(provider).provider, creation_id)
        try:
            return self._state.creations[key]
        except KeyError:
            raise KeyError(f"no {provider} creation {creation_id!r}") from None

    # -- recording -----------------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received so far, in arrival order."""
        with self._state.lock:
            return list(self._state.requests)

    def requests_for(self, path_prefix: str) -> list[RecordedRequest]:
        """The recorded requests whose raw path starts with `path_prefix` (e.g. `/cdn/` or a `fault_path`)."""
        return [r for r in self.requests if r.path.startswith(path_prefix)]

    def connections(self) -> list[int]:
        """The numbers of the TCP connections the recorded requests came on, in order of first use.

        `len(sb.connections()) == 1` asserts that a client reused one keep-alive connection.
        """
        return list(dict.fromkeys(r.connection for r in self.requests))

    def clear_requests(self) -> None:
        """Forget the recorded requests (not `submissions`, creations or idempotency keys)."""
        with self._state.lock:
            self._state.requests.clear()

    @property
    def submissions(self) -> list[Submission]:
        """A snapshot of every submit (POST to a submit endpoint) received so far, in arrival order.

        Each records the parsed body, the `Idempotency-Key`, the creation it started or replayed (None if
        rejected), whether it was a replay, and the status answered. Recorded on receipt, before any
        delay of the answer.
        """
        with self._state.lock:
            return list(self._state.submissions)

    @property
    def stored_files(self) -> list[StoredFile]:
        """Every slot asked of Comfy's storage (`POST /comfy/customers/storage`), in order: its file name,
        content type and hash as asked, the bytes once a PUT stored them (None before), and each PUT."""
        return self._state.storage.snapshot()


def _preferred_credential(spec: SpecEntry, keys: AcceptedKeys) -> dict[str, str | None]:
    """The spec's credential arguments: the first one with a secret gets it, the others None."""
    result: dict[str, str | None] = {}
    for source in spec.credentials:
        secret = keys.secret(source)
        result[source.argument] = secret if secret is not None and not any(result.values()) else None
    return result
