"""The sandbox's state and request semantics: recording, fault selection, auth, bodies, CDN. No socket I/O."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote

from . import _bodies as bodies
from ._creations import SUCCESS_STATE, Creation, Output, Provider, build_creation, default_progress
from ._faults import Fault, FaultQueue
from ._recording import RecordedRequest
from ._routes import Route, cdn_path, route
from ._signing import UrlSigner
from ._submits import ENDPOINTS, IDEMPOTENCY_KEY_MAX, Submission, SubmitScript, canonical, new_id, problem

Headers = tuple[tuple[str, str], ...]
_READ_METHODS = ("GET", "HEAD")
_ALLOW: Headers = (("Allow", "GET, HEAD"),)
_ALLOW_POST: Headers = (("Allow", "POST"),)
_RANGE = re.compile(r"bytes=(\d*)-(\d*)")
ANSWERING_FAULTS = frozenset({"status", "error", "body", "redirect"})
"""Fault kinds that answer instead of the provider: a submit they hit is not processed."""
_DEFAULT_SCRIPT = SubmitScript()
_NOT_JSON = object()


@dataclass(frozen=True, slots=True)
class Response:
    """A complete response; the handler adds Content-Length, Date, Server and Connection."""

    status: int
    headers: Headers
    body: bytes | memoryview


@dataclass(frozen=True, slots=True)
class _Replay:
    """What an Idempotency-Key was first used for: the submit's fingerprint, its reply and its creation."""

    fingerprint: str
    response: Response
    creation_id: str


@dataclass(frozen=True, slots=True)
class Credentials:
    """The credentials each provider accepts; None disables that credential (it never matches)."""

    comfy_api_key: str | None
    comfy_auth_token: str | None
    haiper_api_key: str | None


def json_response(status: int, document: object, headers: Headers = ()) -> Response:
    """`document` as `application/json`."""
    return Response(status, (("Content-Type", "application/json"), *headers), bodies.dump(document))


def fault_response(fault: Fault) -> Response:
    """The response of a `status`, `body` or `redirect` fault."""
    headers = list(fault.headers)
    if fault.kind == "redirect":
        headers.append(("Location", fault.location))
    elif fault.content_type is not None:
        headers.insert(0, ("Content-Type", fault.content_type))
    return Response(fault.status_code, tuple(headers), fault.payload)


def _byte_range(header: str | None, size: int) -> tuple[int, int] | Literal["unsatisfiable"] | None:
    """A single `bytes=` range as (first, last), "unsatisfiable", or None to ignore the header."""
    match = _RANGE.fullmatch(header.strip()) if header else None
    if match is None or not (match[1] or match[2]):
        return None
    if not match[1]:  # suffix range: the last N bytes
        suffix = int(match[2])
        return (max(size - suffix, 0), size - 1) if suffix and size else "unsatisfiable"
    first = int(match[1])
    last = int(match[2]) if match[2] else size - 1
    if match[2] and last < first:
        return None  # syntactically invalid: ignore the header
    if first >= size:
        return "unsatisfiable"
    return first, min(last, size - 1)


class App:
    """Everything the sandbox knows, behind one lock; the HTTP handler calls `begin` then `respond`."""

    def __init__(
        self, *, credentials: Credentials, cdn_supports_range: bool, url_ttl: float, video_size: int = 64 * 1024
    ) -> None:
        self.credentials = credentials
        self.cdn_supports_range = cdn_supports_range
        self.url_ttl = url_ttl
        self.video_size = video_size
        self.base_url = ""
        self.lock = threading.RLock()
        self.closing = threading.Event()
        self.creations: dict[tuple[Provider, str], Creation] = {}
        self.path_faults = FaultQueue()
        self.requests: list[RecordedRequest] = []
        self.submit_scripts: dict[Provider, deque[SubmitScript]] = {"vidu": deque(), "haiper": deque()}
        self.submissions: list[Submission] = []
        self._replays: dict[str, _Replay] = {}
        self._submitted: dict[Provider, int] = {"vidu": 0, "haiper": 0}
        self._signer = UrlSigner()

    # -- request entry -------------------------------------------------------------------------

    def begin(self, request: RecordedRequest) -> tuple[Route, Fault | None]:
        """Record `request`, resolve its route and take the fault (if any) that applies to it.

        Path-prefix faults come first, then the creation's own status or download faults.
        """
        resolved = route(request.path)
        with self.lock:
            self.requests.append(request)
            fault = self.path_faults.take(request.path)
            if fault is None and resolved.provider is not None:
                creation = self.creations.get((resolved.provider, resolved.creation_id))
                if creation is not None and resolved.kind in ("vidu_status", "haiper_status"):
                    fault = creation.status_faults.take()
                elif creation is not None and resolved.kind == "cdn":
                    fault = creation.download_faults.take()
        return resolved, fault

    def respond(
        self, request: RecordedRequest, where: Route, *, commit: bool, state_override: str | None = None
    ) -> Response:
        """The normal response. `commit=False` never advances a poll-driven creation."""
        if where.kind in ("comfy_other", "vidu_status"):
            return self._comfy(request, where, commit=commit, state_override=state_override)
        if where.kind in ("haiper_other", "haiper_status", "haiper_detail"):
            return self._haiper(request, where, commit=commit, state_override=state_override)
        if where.kind == "cdn":
            return self._cdn(request, where)
        return json_response(404, bodies.comfy_error("not_found", f"No route for {request.path}"))

    def fault_answer(self, where: Route, fault: Fault) -> Response:
        """The response of an answering fault (`status`, `error`, `body`, `redirect`) at `where`."""
        if fault.kind != "error":
            return fault_response(fault)
        status = fault.status_code
        message = fault.message or bodies.reason_phrase(status)
        if where.api == "haiper":
            return json_response(status, bodies.haiper_error(message, fault.code or str(status)), fault.headers)
        if where.api == "cdn":
            code = fault.code or "".join(bodies.reason_phrase(status).title().split())
            return _xml(status, code, message, fault.headers)
        code = fault.code or "_".join(bodies.reason_phrase(status).lower().replace("-", " ").split())
        return json_response(status, bodies.comfy_error(code, message), fault.headers)

    # -- submits -------------------------------------------------------------------------------

    def reject_submit(self, request: RecordedRequest, where: Route, fault: Fault) -> Response:
        """Answer a submit with an answering path fault: nothing is created (the submit is still recorded)."""
        response = self.fault_answer(where, fault)
        if request.method == "POST":
            with self.lock:
                self._record(request, where, _parse(request.body), creation_id=None, status=response.status)
        return response

    def submit(self, request: RecordedRequest, where: Route, *, state_override: str | None = None) -> Response | Fault:
        """Process a submit on receipt: check it, then replay, reject (per script) or start a creation.

        Returns the answer, or the reject script's `reset`/`hang` fault for the handler to carry out.
        """
        assert where.provider is not None
        provider = where.provider
        if request.method != "POST":
            if provider == "haiper":
                return json_response(405, bodies.haiper_error("Method Not Allowed", "405"), _ALLOW_POST)
            return json_response(405, bodies.comfy_error("method_not_allowed", "Method Not Allowed"), _ALLOW_POST)
        endpoint = ENDPOINTS[(provider, where.endpoint)]
        body = _parse(request.body)
        key = request.header("Idempotency-Key")
        with self.lock:

            def record(status: int | None, creation_id: str | None = None, *, replayed: bool = False) -> None:
                self._record(request, where, body, creation_id=creation_id, status=status, replayed=replayed)

            if not self._authorized(provider, request):
                record(401)
                if provider == "haiper":
                    return json_response(401, bodies.haiper_error("Invalid API key", "401"))
                return json_response(401, bodies.comfy_error("unauthorized", "Please login first"))
            found = (
                ("body", "Request body must be valid JSON") if body is _NOT_JSON else problem(body, endpoint.request)
            )
            if found is None and provider == "vidu" and key is not None and not 0 < len(key) <= IDEMPOTENCY_KEY_MAX:
                found = ("Idempotency-Key", f"Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} characters")
            if found is not None:
                record(400)
                field, message = found
                if provider == "haiper":
                    return json_response(400, bodies.haiper_error(message, "400", [field]))
                return json_response(400, bodies.comfy_error("bad_request", message, [field]))
            fingerprint = f"{endpoint.name} {canonical(body)}"
            if provider == "vidu" and key is not None and key in self._replays:
                replay = self._replays[key]
                if replay.fingerprint != fingerprint:
                    record(409)
                    message = "This Idempotency-Key was already used for a different request"
                    headers = (("X-Comfy-Error-Type", "idempotency_mismatch"),)
                    return json_response(409, bodies.comfy_error("idempotency_mismatch", message), headers)
                record(replay.response.status, replay.creation_id, replayed=True)
                original = replay.response
                return Response(original.status, (*original.headers, ("Idempotent-Replayed", "true")), original.body)
            queue = self.submit_scripts[provider]
            script = queue.popleft() if queue else _DEFAULT_SCRIPT
            if script.reject is not None:
                if script.reject.kind not in ANSWERING_FAULTS:
                    record(None)
                    return script.reject
                response = self.fault_answer(where, script.reject)
                record(response.status)
                return response
            assert isinstance(body, dict)
            creation = self._start(provider, script, endpoint.input_type, body)
            if provider == "haiper":
                response = json_response(200, bodies.haiper_new_generation(creation))
            else:
                reply = bodies.vidu_task_reply(creation, creation.states[0], endpoint.echo, body)
                response = json_response(200, reply)
                if key is not None:
                    self._replays[key] = _Replay(fingerprint, response, creation.id)
                if state_override is not None:
                    reply = bodies.vidu_task_reply(creation, state_override, endpoint.echo, body)
                    response = json_response(200, reply)
            record(200, creation.id)
            return response

    def _start(self, provider: Provider, script: SubmitScript, input_type: str, body: dict[str, object]) -> Creation:
        while True:
            self._submitted[provider] += 1
            creation_id = new_id(provider, self._submitted[provider])
            if (provider, creation_id) not in self.creations:
                break
        prompt = body.get("prompt")
        creation = build_creation(
            provider,
            creation_id,
            states=script.states,
            advance=script.advance,
            progress=script.progress,
            outputs=script.outputs,
            video=script.video,
            video_size=self.video_size if script.video_size is None else script.video_size,
            failure_code=script.failure_code,
            blocked_resources=script.blocked_resources,
            credits=script.credits,
            prompt=prompt if isinstance(prompt, str) else "",
            faults=script.faults,
            download_faults=script.download_faults,
            created_mono=time.monotonic(),
            created_wall=time.time(),
            input_type=input_type,
        )
        self.creations[(provider, creation_id)] = creation
        return creation

    def _record(
        self,
        request: RecordedRequest,
        where: Route,
        body: object,
        *,
        creation_id: str | None,
        status: int | None,
        replayed: bool = False,
    ) -> None:
        assert where.provider is not None
        self.submissions.append(
            Submission(
                provider=where.provider,
                endpoint=where.endpoint,
                body=None if body is _NOT_JSON else body,
                idempotency_key=request.header("Idempotency-Key"),
                creation_id=creation_id,
                replayed=replayed,
                status=status,
                request=request,
            )
        )

    def _authorized(self, provider: Provider, request: RecordedRequest) -> bool:
        if provider == "vidu":
            return self._comfy_authorized(request)
        key = self.credentials.haiper_api_key
        return key is not None and key in _bearer_tokens(request)

    # -- Comfy proxy (Vidu) --------------------------------------------------------------------

    def _comfy_authorized(self, request: RecordedRequest) -> bool:
        key, token = self.credentials.comfy_api_key, self.credentials.comfy_auth_token
        if key is not None and key in (v.strip() for v in request.header_values("X-API-Key")):
            return True
        return token is not None and token in _bearer_tokens(request)

    def _comfy(self, request: RecordedRequest, where: Route, *, commit: bool, state_override: str | None) -> Response:
        if where.kind == "comfy_other":
            return json_response(404, bodies.comfy_error("not_found", f"No route for {request.path}"))
        if request.method not in _READ_METHODS:
            return json_response(405, bodies.comfy_error("method_not_allowed", "Method Not Allowed"), _ALLOW)
        if not self._comfy_authorized(request):
            return json_response(401, bodies.comfy_error("unauthorized", "Please login first"))
        with self.lock:
            creation = self.creations.get(("vidu", where.creation_id))
            if creation is None:
                message = f"Task {where.creation_id} not found"
                return json_response(404, bodies.comfy_error("not_found", message))
            now = time.time()
            state, progress = self._status_view(creation, now, commit, state_override)
            return json_response(200, bodies.vidu_status(creation, state, progress, self._url_for(creation, now)))

    # -- Haiper --------------------------------------------------------------------------------

    def _haiper(self, request: RecordedRequest, where: Route, *, commit: bool, state_override: str | None) -> Response:
        if where.kind == "haiper_other":
            return json_response(404, bodies.haiper_error(f"No route for {request.path}", "404"))
        if request.method not in _READ_METHODS:
            return json_response(405, bodies.haiper_error("Method Not Allowed", "405"), _ALLOW)
        if not self._authorized("haiper", request):
            return json_response(401, bodies.haiper_error("Invalid API key", "401"))
        with self.lock:
            creation = self.creations.get(("haiper", where.creation_id))
            if creation is None:
                message = "Generation does not exist or no permission"
                return json_response(404, bodies.haiper_error(message, "H-10002003"))
            now = time.time()
            if where.kind == "haiper_status":
                state, progress = self._status_view(creation, now, commit, state_override)
                return json_response(200, bodies.haiper_status(state, progress))
            return self._haiper_detail(creation, now, state_override)

    def _haiper_detail(self, creation: Creation, now: float, state_override: str | None) -> Response:
        # The real API's answer for a creation that has not succeeded is undocumented: this 400 with
        # H-10002001 ("generation content not found") is a guess.
        index = creation.current_index(time.monotonic())
        state = state_override if state_override is not None else creation.states[index]
        if state != SUCCESS_STATE["haiper"]:
            return json_response(400, bodies.haiper_error("Generation content not found", "H-10002001"))
        if creation.advance is None:
            updated = creation.updated_wall
        else:
            updated = creation.created_wall + index * creation.advance
        return json_response(200, bodies.haiper_detail(creation, state, updated, self._url_for(creation, now)))

    # -- shared creation helpers ---------------------------------------------------------------

    def _status_view(
        self, creation: Creation, now: float, commit: bool, state_override: str | None
    ) -> tuple[str, float]:
        if state_override is None:
            index = creation.status_index(time.monotonic(), now, commit=commit)
            return creation.states[index], creation.progress[index]
        if state_override in creation.states:
            return state_override, creation.progress[creation.states.index(state_override)]
        return state_override, default_progress(creation.provider, [state_override])[0]

    def _url_for(self, creation: Creation, now: float) -> bodies.UrlFor:
        expires: list[int] = []

        def url_for(output: Output, filename: str) -> str:
            if not expires:
                expires.append(creation.issue_expires(now, self.url_ttl))
            path = cdn_path(creation.provider, creation.id, output.dir_name(creation.provider), filename)
            return self.base_url + self._signer.sign(path, filename, expires[0])

        return url_for

    # -- CDN -----------------------------------------------------------------------------------

    def _cdn(self, request: RecordedRequest, where: Route) -> Response:
        if request.method not in _READ_METHODS:
            return _xml(405, "MethodNotAllowed", "The specified method is not allowed", _ALLOW)
        expires = self._signer.verify(request.path, request.query)
        if expires is None:
            return _xml(403, "AccessDenied", "Access denied")
        with self.lock:
            assert where.provider is not None
            creation = self.creations.get((where.provider, where.creation_id))
            output = creation.find_output(where.output_dir) if creation else None
            found = output.file(where.filename) if output else None
            if creation is None or found is None:
                return _xml(404, "NoSuchKey", "The specified key does not exist.")
            if expires < time.time() or creation.is_revoked(expires):
                return _xml(403, "AccessDenied", "Request has expired")
        data, content_type = found
        assert output is not None
        headers: list[tuple[str, str]] = [
            ("Content-Type", content_type),
            ("ETag", f'"{_etag(output, where.filename, len(data))}"'),
            ("Accept-Ranges", "bytes" if self.cdn_supports_range else "none"),
        ]
        for part in request.query.split("&"):
            if part.startswith("response-content-disposition="):
                headers.append(("Content-Disposition", unquote(part.partition("=")[2])))
        wanted = _byte_range(request.header("Range"), len(data)) if self.cdn_supports_range else None
        if wanted == "unsatisfiable":
            return Response(416, (*headers, ("Content-Range", f"bytes */{len(data)}")), b"")
        if wanted is None:
            return Response(200, tuple(headers), data)
        first, last = wanted
        headers.append(("Content-Range", f"bytes {first}-{last}/{len(data)}"))
        return Response(206, tuple(headers), memoryview(data)[first : last + 1])


def _parse(raw: bytes) -> object:
    """The parsed JSON body, or `_NOT_JSON`."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):  # ValueError includes UnicodeDecodeError
        return _NOT_JSON


def _etag(output: Output, filename: str, size: int) -> str:
    """Stable per file without hashing its (possibly huge) content."""
    return hashlib.sha256(f"{output.seed}/{filename}/{size}".encode()).hexdigest()[:32]


def _bearer_tokens(request: RecordedRequest) -> list[str]:
    tokens = []
    for value in request.header_values("Authorization"):
        scheme, _, credential = value.strip().partition(" ")
        if scheme.lower() == "bearer":
            tokens.append(credential.strip())
    return tokens


def _xml(status: int, code: str, message: str, headers: Headers = ()) -> Response:
    return Response(status, (("Content-Type", "application/xml"), *headers), bodies.cdn_error(code, message))
