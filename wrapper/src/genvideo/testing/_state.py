"""`SandboxState`: what the sandbox knows and how a request is answered, for every fake alike. No socket I/O."""

from __future__ import annotations

import threading
import time
from collections import deque

from ._cdn import Cdn
from ._creations import FakeCreation
from ._fakes import Endpoint, ProviderFake, fakes
from ._faults import Fault, FaultQueue
from ._idempotency import HEADER, Replay, Replays, fingerprint, key_problem
from ._keys import AcceptedKeys
from ._lifecycle import Lifecycle
from ._recording import RecordedRequest
from ._replies import Reply, fault_reply, flat_error
from ._replies import xml_error as cdn_error
from ._routing import Route, route
from ._storage import ComfyStorage
from ._submits import Submission, SubmitScript

ANSWERING_FAULTS = frozenset({"status", "error", "body", "redirect"})
"""Fault kinds that answer instead of the provider: a submit they hit is not processed."""
_DEFAULT_SCRIPT = SubmitScript()


class SandboxState:
    """Everything the sandbox knows, behind one lock; the HTTP handler calls `begin`, then `respond` or
    `submit` (or `fault_answer` / `reject_submit` for a fault that answers instead)."""

    def __init__(self, *, keys: AcceptedKeys, cdn: Cdn, video_size: int) -> None:
        """No creations, scripts or faults yet; `base_url` is set once the server listens."""
        self.fakes = fakes()
        self.keys = keys
        self.cdn = cdn
        self.storage = ComfyStorage()
        self.video_size = video_size
        self.base_url = ""
        self.lock = threading.RLock()
        self.closing = threading.Event()
        self.creations: dict[tuple[str, str], FakeCreation] = {}
        self.path_faults = FaultQueue()
        self.requests: list[RecordedRequest] = []
        self.submit_scripts: dict[str, deque[SubmitScript]] = {name: deque() for name in self.fakes}
        self.submissions: list[Submission] = []
        self._replays = Replays()
        self._submitted = dict.fromkeys(self.fakes, 0)

    def fake(self, provider: str) -> ProviderFake:
        """The fake of `provider`, or ValueError naming the known ones."""
        try:
            return self.fakes[provider]
        except KeyError:
            raise ValueError(f"unknown provider {provider!r}; expected one of {tuple(self.fakes)}") from None

    def add(self, creation: FakeCreation) -> None:
        """Serve `creation` from now on (callers hold the lock); ValueError if its id is taken."""
        key = (creation.provider, creation.id)
        if key in self.creations:
            raise ValueError(f"{creation.provider} creation {creation.id!r} already exists")
        self.creations[key] = creation

    def start(
        self,
        fake: ProviderFake,
        creation_id: str,
        lifecycle: Lifecycle,
        *,
        prompt: str,
        input_type: str = "text",
        scope: tuple[str, ...] = (),
    ) -> FakeCreation:
        """A new creation running `lifecycle` from now (not yet served: see `add`); `scope`: what its ref
        carries besides the id (`Sandbox.add_creation`)."""
        return FakeCreation(
            fake,
            creation_id,
            lifecycle,
            video_size=self.video_size,
            prompt=prompt,
            input_type=input_type,
            scope=scope,
            created_mono=time.monotonic(),
            created_wall=time.time(),
        )

    # -- request entry -------------------------------------------------------------------------

    def begin(self, request: RecordedRequest) -> tuple[Route, Fault | None]:
        """Record `request`, resolve its route and take the fault (if any) that applies to it.

        Path-prefix faults come first, then the creation's own status (poll) or download (its files: on
        the CDN or at an endpoint that serves them) faults.
        """
        where = route(request, self.fakes)
        with self.lock:
            self.requests.append(request)
            fault = self.path_faults.take(request.path)
            if fault is None and where.fake is not None and (where.kind == "poll" or where.is_file):
                creation = self.creations.get((where.fake.provider, where.creation_id))
                if creation is not None:
                    queue = creation.status_faults if where.kind == "poll" else creation.download_faults
                    fault = queue.take()
        return where, fault

    def respond(
        self, request: RecordedRequest, where: Route, *, commit: bool, state_override: str | None = None
    ) -> Reply:
        """The normal answer of anything but a submit. `commit=False` never advances a poll-driven creation."""
        fake, endpoint = where.fake, where.endpoint
        if where.kind == "cdn":
            assert fake is not None
            with self.lock:
                creation = self.creations.get((fake.provider, where.creation_id))
                return self.cdn.serve(request, where, creation, time.time())
        if where.kind == "storage":
            return self.storage.create_slot(request, self.keys, self.base_url)
        if where.kind == "stored":
            return self.storage.serve(request)
        if fake is None:
            return flat_error(404, message=f"No route for {request.path}")
        if endpoint is None:
            return fake.no_route(request.path)
        if request.method not in endpoint.methods:
            return fake.method_not_allowed(endpoint)
        if not fake.authorized(request, self.keys):
            return fake.unauthorized()
        if endpoint.kind == "upload":
            return fake.upload_reply(endpoint, request)
        with self.lock:
            creation = self.creations.get((fake.provider, where.creation_id))
            if creation is None:
                return fake.no_creation(where.creation_id)
            now = time.time()
            poll = endpoint.kind == "poll"
            view = creation.view(time.monotonic(), now, poll=poll, commit=commit, state=state_override)
            if endpoint.file:
                return fake.file_reply(endpoint, creation, view, request)
            return fake.read_reply(endpoint, creation, view, self.cdn.urls(self.base_url, creation, now))

    def fault_answer(self, where: Route, fault: Fault) -> Reply:
        """The answer of an answering fault (`status`, `error`, `body`, `redirect`) at `where`."""
        if fault.kind != "error":
            return fault_reply(fault)
        status, code, message = fault.status_code, fault.code or None, fault.message or None
        if where.kind == "cdn":
            return cdn_error(status, code, message, fault.headers)
        if where.fake is None:
            return flat_error(status, code=code, message=message, headers=fault.headers)
        return where.fake.error(status, code=code, message=message, headers=fault.headers)

    # -- submits -------------------------------------------------------------------------------

    def reject_submit(self, request: RecordedRequest, where: Route, fault: Fault) -> Reply:
        """Answer a submit with an answering path fault: nothing is created (the submit is still recorded)."""
        reply = self.fault_answer(where, fault)
        if request.method == "POST":
            assert where.fake is not None
            assert where.endpoint is not None
            body, _ = where.fake.read_submit(where.endpoint, request)
            with self.lock:
                self._record(request, where, body, creation_id=None, status=reply.status)
        return reply

    def submit(self, request: RecordedRequest, where: Route, *, state_override: str | None = None) -> Reply | Fault:
        """Process a submit on receipt: check it, then replay, reject (per script) or start a creation.

        Returns the answer, or the reject script's `reset`/`hang` fault for the handler to carry out.
        """
        fake, endpoint = where.fake, where.endpoint
        assert fake is not None
        assert endpoint is not None
        if request.method not in endpoint.methods:
            return fake.method_not_allowed(endpoint)
        key = request.header(HEADER) if fake.honours_idempotency_key else None
        body, found = fake.read_submit(endpoint, request)
        with self.lock:

            def record(status: int | None, creation_id: str | None = None, *, replayed: bool = False) -> None:
                self._record(request, where, body, creation_id=creation_id, status=status, replayed=replayed)

            if not fake.authorized(request, self.keys):
                record(401)
                return fake.unauthorized()
            if found is None and key is not None:
                found = key_problem(key)
            if found is not None:
                record(400)
                return fake.bad_request(*found)
            signature = fingerprint(fake.provider, endpoint.name, body)
            replay = self._replays.find(fake.spec.name, key) if key is not None else None
            if replay is not None:
                if replay.fingerprint != signature:
                    record(409)
                    return fake.idempotency_conflict()
                record(replay.reply.status, replay.creation_id, replayed=True)
                return replay.replayed()
            queue = self.submit_scripts[fake.provider]
            script = queue.popleft() if queue else _DEFAULT_SCRIPT
            if script.reject is not None:
                if script.reject.kind not in ANSWERING_FAULTS:
                    record(None)
                    return script.reject
                reply = self.fault_answer(where, script.reject)
                record(reply.status)
                return reply
            fields = body if isinstance(body, dict) else {}
            creation = self._start_submitted(fake, endpoint, script.lifecycle, fields)
            reply = fake.submit_reply(endpoint, creation, creation.states[0], fields)
            if key is not None:
                self._replays.claim(fake.spec.name, key, Replay(signature, reply, creation.id))
            if state_override is not None:
                reply = fake.submit_reply(endpoint, creation, state_override, fields)
            record(reply.status, creation.id)
            return reply

    def _start_submitted(
        self, fake: ProviderFake, endpoint: Endpoint, lifecycle: Lifecycle, body: dict[str, object]
    ) -> FakeCreation:
        while True:
            self._submitted[fake.provider] += 1
            creation_id = fake.new_id(self._submitted[fake.provider])
            if (fake.provider, creation_id) not in self.creations:
                break
        prompt = body.get("prompt")
        prompt = prompt if isinstance(prompt, str) else ""
        creation = self.start(fake, creation_id, lifecycle, prompt=prompt, input_type=endpoint.input_type)
        self.add(creation)
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
        assert where.fake is not None
        assert where.endpoint is not None
        self.submissions.append(
            Submission(
                provider=where.fake.provider,
                endpoint=where.endpoint.name,
                body=body,
                idempotency_key=request.header(HEADER),
                creation_id=creation_id,
                replayed=replayed,
                status=status,
                request=request,
            )
        )
