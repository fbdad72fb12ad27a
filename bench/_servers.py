"""Minimal loopback servers, each run in its own process so it never competes for the client's GIL.

``python -m bench._servers fixed``: fixed JSON responses (the routes of ``bench._bodies``), each written
with one ``write`` on a TCP_NODELAY keep-alive connection. ``python -m bench._servers file PATH``: serves
the file at ``/video.mp4`` with ``sendfile``. Both print their port on stdout, then serve until killed.
"""

from __future__ import annotations

import socketserver
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from . import _bodies

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # socketserver's 5 overflows when a pool opens many connections at once
    responses: dict[str, bytes]
    file: Path | None = None

    def server_bind(self) -> None:
        # HTTPServer.server_bind would do a reverse-DNS lookup (getfqdn): skip it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = HOST, self.socket.getsockname()[1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    disable_nagle_algorithm = True  # StreamRequestHandler sets TCP_NODELAY on the connection
    server: _Server

    def do_GET(self) -> None:
        path = self.path.partition("?")[0]
        if self.server.file is not None and path == "/video.mp4":
            self._send_file(self.server.file)
            return
        self.wfile.write(self.server.responses.get(path) or _NOT_FOUND)

    def _send_file(self, file: Path) -> None:
        size = file.stat().st_size
        head = f"HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\nContent-Length: {size}\r\n\r\n"
        self.wfile.write(head.encode())
        with file.open("rb") as f:
            self.connection.sendfile(f)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _response(body: bytes, status: str = "200 OK") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


_NOT_FOUND = _response(b'{"message":"not found"}', "404 Not Found")


def serve(kind: str, file: str | None = None) -> None:
    server = _Server((HOST, 0), _Handler)
    server.responses = {path: _response(body) for path, body in _bodies.routes().items()} if kind == "fixed" else {}
    server.file = Path(file) if file else None
    print(server.server_port, flush=True)
    server.serve_forever(poll_interval=0.5)


class ServerProcess:
    """Start ``python -m bench._servers ARGS`` and stop it again (a context manager)."""

    def __init__(self, *args: str) -> None:
        self._args = args
        self._proc: subprocess.Popen[str] | None = None
        self.port = 0

    def __enter__(self) -> ServerProcess:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "bench._servers", *self._args], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line.strip().isdigit():
            self._proc.kill()
            raise RuntimeError(f"bench server {self._args} did not start")
        self.port = int(line)
        return self

    @property
    def pid(self) -> int:
        assert self._proc is not None
        return self._proc.pid

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            if self._proc.stdout is not None:
                self._proc.stdout.close()


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
