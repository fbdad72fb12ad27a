"""Prism (Stoplight's OpenAPI mock server and validating proxy) as subprocesses for the tests.

    with running_prism([PrismConfig("comfy", SPECS["comfy"])], log_dir) as [comfy]:
        httpx.get(comfy.url + "/proxy/vidu/tasks/1/creations", headers={"X-API-Key": "k"})

Each server listens on 127.0.0.1 only, on a free port, runs in its own process group (so it is
always stopped, children included) and writes its log to a file that tests can read (``mark`` /
``log_since`` / ``violations``). Several servers start in parallel: Prism takes 1-2 s to start.

Prism's executable: ``$GENVIDEO_PRISM`` (set by ``nox -s tests``, ``lowest`` and ``latest``), else the
repo's pinned install ``tools/prism/node_modules/.bin/prism``. If neither exists the tests fail with a
message saying so: a contract test that silently skips proves nothing.

Mock servers (``mode="mock"``) answer from their document alone, so one of each kind (the same document
bytes, dynamic or not, ``--errors`` or not) serves every test module of a session: loading the 3 MB
Comfy document takes Prism 5-10 s on two busy cores, and modules asked for the same four or five. They
stop when the session ends. Proxies are started per request: their upstream is the module's sandbox.
A shared server's log holds every module's requests: read it from a ``mark()``.

A test module that uses this one is marked ``prism`` (``pytestmark = pytest.mark.prism``): a run
without Prism selects the others with ``-m "not prism"`` instead of failing on them.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

REPO = Path(__file__).resolve().parents[2]
PRISM_ENV = "GENVIDEO_PRISM"
DEFAULT_PRISM = REPO / "tools" / "prism" / "node_modules" / ".bin" / "prism"
SPECS = {name: REPO / "specs" / name / "prepared.json" for name in ("comfy", "haiper")}
HOST = "127.0.0.1"
STARTUP_TIMEOUT = 90.0  # a ceiling, not a wait: the Comfy document takes Prism 10-30 s to load on a busy machine
STOP_TIMEOUT = 5.0
_PORT_ATTEMPTS = 3

#: Log lines in which Prism reports a request or response that breaks the document (any severity).
_VIOLATION = re.compile(r"Violation:|errors#VIOLATIONS")
#: One line per request Prism received.
_RECEIVED = re.compile(r"\[HTTP SERVER\] (\w+) (\S+) .*Request received")


class PrismUnavailable(RuntimeError):
    """Prism cannot be found or did not start."""


def prism_executable() -> Path:
    """``$GENVIDEO_PRISM`` if set, else the repo's pinned install; PrismUnavailable if missing."""
    configured = os.environ.get(PRISM_ENV)
    if configured:
        path = Path(configured)
        if not (path.is_file() and os.access(path, os.X_OK)):
            raise PrismUnavailable(f"{PRISM_ENV}={configured!r} is not an executable file")
        return path
    if DEFAULT_PRISM.is_file():
        return DEFAULT_PRISM
    raise PrismUnavailable(
        f"Prism is not installed: set {PRISM_ENV} to its executable, or run `npm ci` in tools/prism "
        f"(`./dev -s tests` does both); looked for {DEFAULT_PRISM}. Without Prism, deselect its tests "
        f"with -m 'not prism' (a test that needs Prism must be marked: pytestmark = pytest.mark.prism)"
    )


def free_port() -> int:
    """A port that was free on 127.0.0.1 a moment ago (a lost race is retried by PrismServer)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PrismConfig:
    """One Prism server: ``prism mock <spec>`` or ``prism proxy <spec> <upstream>``."""

    name: str
    spec: Path
    mode: Literal["mock", "proxy"] = "mock"
    upstream: str | None = None
    dynamic: bool = False
    """mock only: ``-d``, a json-schema-faker body per request instead of the static one."""
    errors: bool = False
    """``--errors``: a request or response that violates the document becomes an error response."""

    def args(self, port: int) -> list[str]:
        if self.mode == "proxy":
            if not self.upstream:
                raise ValueError(f"{self.name}: proxy mode needs an upstream URL")
            args = ["proxy", str(self.spec), self.upstream]
        else:
            args = ["mock", str(self.spec)] + (["--dynamic"] if self.dynamic else [])
        if self.errors:
            args.append("--errors")
        return [*args, "--host", HOST, "--port", str(port)]


class PrismServer:
    """A running Prism process. Build with :func:`running_prism`."""

    def __init__(self, config: PrismConfig, executable: Path, log_dir: Path) -> None:
        self.config = config
        self._executable = executable
        self.log_path = log_dir / f"prism-{config.name}.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._attempts = 0

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        """Launch the process (does not wait for it to listen)."""
        self._attempts += 1
        self.port = free_port()
        with self.log_path.open("wb") as log:
            self._process = subprocess.Popen(
                [str(self._executable), *self.config.args(self.port)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=REPO,
                start_new_session=True,  # its own process group: stop() ends node and any child
            )

    def wait_ready(self, deadline: float) -> None:
        """Return once Prism says it listens and the port accepts connections; raise if it died or timed out."""
        listening = f"Prism is listening on {self.url}"
        while True:
            assert self._process is not None
            code = self._process.poll()
            if code is not None:
                log = self.log()
                if "EADDRINUSE" in log and self._attempts < _PORT_ATTEMPTS:
                    self.start()  # another process took the free port first: try another one
                    continue
                raise PrismUnavailable(f"Prism {self.config.name} exited with code {code}:\n{log[-4000:]}")
            if listening in self.log() and _accepts(self.port):
                return
            if time.monotonic() > deadline:
                self.stop()
                raise PrismUnavailable(
                    f"Prism {self.config.name} did not listen on {self.url} within {STARTUP_TIMEOUT:.0f} s:\n"
                    f"{self.log()[-4000:]}"
                )
            time.sleep(0.05)

    def running(self) -> bool:
        """Whether the process was started and has not exited."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """Terminate the process group (SIGTERM, then SIGKILL). Idempotent."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        for sig in (signal.SIGTERM, signal.SIGKILL):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
            try:
                process.wait(timeout=STOP_TIMEOUT)
                return
            except subprocess.TimeoutExpired:
                continue

    # -- the log -------------------------------------------------------------------------------

    def log(self) -> str:
        """Everything Prism printed so far."""
        try:
            return self.log_path.read_bytes().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def _size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except FileNotFoundError:
            return 0

    def mark(self) -> int:
        """A position in the log, for :meth:`log_since`, once earlier requests' lines are all written."""
        self.settle()
        return self._size()

    def log_since(self, mark: int) -> str:
        """What Prism printed after ``mark``."""
        with self.log_path.open("rb") as log:
            log.seek(mark)
            return log.read().decode("utf-8", "replace")

    def settle(self, quiet: float = 0.1, timeout: float = 2.0) -> None:
        """Wait until the log has not grown for ``quiet`` seconds: Prism logs slightly after it answers."""
        deadline = time.monotonic() + timeout
        size, since = self._size(), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.02)
            if (now := self._size()) != size:
                size, since = now, time.monotonic()

    def violations(self, since: int = 0) -> list[str]:
        """Log lines after ``since`` in which Prism reported a violation of the document (any severity)."""
        self.settle()
        return [line for line in self.log_since(since).splitlines() if _VIOLATION.search(line)]

    def received(self, since: int = 0, *, expect: int | None = None, timeout: float = 5.0) -> list[str]:
        """``"GET /path"`` for each request Prism received after ``since``.

        With ``expect``, first waits (up to ``timeout``) until at least that many are logged: Prism
        writes its log asynchronously, slightly after it answered.
        """
        deadline = time.monotonic() + timeout
        while True:
            seen = [f"{m[1].upper()} {m[2]}" for m in _RECEIVED.finditer(self.log_since(since))]
            if expect is None or len(seen) >= expect or time.monotonic() > deadline:
                break
            time.sleep(0.02)
        self.settle()  # so that one request too many shows up too
        return [f"{m[1].upper()} {m[2]}" for m in _RECEIVED.finditer(self.log_since(since))]

    def __repr__(self) -> str:
        return f"<PrismServer {self.config.name} {self.config.mode} {self.url}>"


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


#: The mock servers this session has started, by what they serve (``_share_key``).
_shared: dict[tuple[str, bool, bool], PrismServer] = {}


def _share_key(config: PrismConfig) -> tuple[str, bool, bool] | None:
    """What a mock server serves (its document's bytes, ``dynamic``, ``errors``); None for a proxy."""
    if config.mode != "mock":
        return None
    return _digest(config.spec), config.dynamic, config.errors


@functools.cache
def _digest(document: Path) -> str:
    """The SHA-256 of a document (read once a session: documents do not change during one)."""
    return hashlib.sha256(document.read_bytes()).hexdigest()


@atexit.register
def _stop_shared() -> None:
    for server in _shared.values():
        server.stop()
    _shared.clear()


@contextlib.contextmanager
def running_prism(
    configs: Sequence[PrismConfig], log_dir: Path, *, timeout: float = STARTUP_TIMEOUT
) -> Iterator[list[PrismServer]]:
    """Start every server in parallel (a mock server this session already runs is reused), wait until
    all listen, yield them in the order of ``configs``; stop the proxies on exit.

    Raises PrismUnavailable (with Prism's output) if one cannot be found, dies or does not listen in time.
    """
    executable = prism_executable()
    servers: list[PrismServer] = []
    fresh: list[PrismServer] = []
    owned: list[PrismServer] = []  # the proxies: stopped on exit
    try:
        for config in configs:
            key = _share_key(config)
            server = _shared.get(key) if key is not None else None
            if server is None or not server.running():
                server = PrismServer(config, executable, log_dir)
                server.start()
                fresh.append(server)
                if key is None:
                    owned.append(server)
                else:
                    _shared[key] = server
            servers.append(server)
        deadline = time.monotonic() + timeout
        for server in fresh:
            server.wait_ready(deadline)
        yield servers
    finally:
        for server in owned:
            server.stop()


@contextlib.contextmanager
def prism_fixture(configs: Sequence[PrismConfig], log_dir: Path) -> Iterator[dict[str, PrismServer]]:
    """:func:`running_prism` for a fixture: the servers by name; a Prism that cannot start fails the test."""
    stack = contextlib.ExitStack()
    try:
        servers = stack.enter_context(running_prism(configs, log_dir))
    except PrismUnavailable as exc:
        raise pytest.fail.Exception(str(exc), pytrace=False) from None  # the message once, no traceback
    with stack:
        yield {config.name: server for config, server in zip(configs, servers, strict=True)}
