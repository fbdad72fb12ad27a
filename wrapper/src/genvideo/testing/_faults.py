"""`Fault`: a scripted misbehaviour the sandbox applies to the next matching request(s)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

FaultKind = Literal[
    "status",
    "error",
    "delay",
    "hang",
    "truncate",
    "reset",
    "body",
    "redirect",
    "state",
    "cut",
    "drip",
    "informational",
    "endless",
    "gzip_bomb",
    "headers",
]


def _pairs(headers: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in (headers or {}).items())


@dataclass(frozen=True, slots=True)
class Fault:
    """One scripted fault. Build it with a constructor (`Fault.status(...)`, `Fault.reset()`...).

    A fault is consumed by the next `times` requests it matches (in registration order), one use per
    request. A faulted request never advances a creation's poll-driven state, with two exceptions:
    `Fault.delay` answers normally after the delay (unless the client hung up meanwhile), and so does
    `Fault.informational` with a `count`, after its interim responses.

    Submits (POSTs that start a generation) are processed on receipt: under `delay`, `hang`, `truncate`,
    `cut_download`, `reset`, `state`, `drip`, `informational`, `endless` and `gzip_bomb` the creation is
    made (and the submit recorded) first, and only the answer is late, partial, lost or hostile.
    `status`, `error`, `body` and `redirect` answer instead of the provider, so a submit they hit
    creates nothing: they model a rejection.
    """

    kind: FaultKind
    times: int = 1
    status_code: int = 200
    payload: bytes = b""
    content_type: str | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())
    seconds: float = 0.0
    fraction: float = 0.5
    location: str = ""
    raw_state: str = ""
    mid_response: bool = False
    code: str = ""
    message: str = ""
    size: int = 0
    count: int = 0
    body_only: bool = False

    def __post_init__(self) -> None:
        if self.times < 1:
            raise ValueError(f"times must be >= 1, got {self.times}")
        if not 100 <= self.status_code <= 599:
            raise ValueError(f"status code must be in 100..599, got {self.status_code}")
        if self.seconds < 0:
            raise ValueError(f"seconds must be >= 0, got {self.seconds}")
        if not 0.0 <= self.fraction <= 1.0:
            raise ValueError(f"fraction must be in [0, 1], got {self.fraction}")
        if self.size < 0 or self.count < 0:
            raise ValueError(f"size and count must be >= 0, got {self.size} and {self.count}")
        if self.kind == "informational" and not (100 <= self.status_code <= 199 and self.status_code != 101):
            raise ValueError(f"an informational status is 1xx other than 101, got {self.status_code}")
        if self.kind in ("drip", "endless") and self.size < 1:
            raise ValueError(f"{self.kind} sends at least 1 byte at a time, got {self.size}")

    @classmethod
    def status(
        cls,
        code: int,
        *,
        body: bytes | None = None,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
        times: int = 1,
    ) -> Fault:
        """Answer with HTTP `code` (e.g. 429 with `headers={"Retry-After": "2"}`, 500, 502, 503, 520, 408).

        `body=None` sends a small HTML error page; `body=b""` sends an empty body (and no Content-Type).
        """
        if body is None:
            body = f"<html><body><h1>{code} Sandbox error</h1></body></html>".encode()
        return cls(
            "status",
            times=times,
            status_code=code,
            payload=body,
            content_type=content_type if body else None,
            headers=_pairs(headers),
        )

    @classmethod
    def error(
        cls,
        code: int,
        *,
        error_code: str | None = None,
        message: str | None = None,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
    ) -> Fault:
        """Answer with HTTP `code` and a JSON error body in the shape of the provider the request went to.

        Comfy: `{"error": error_code, "message": ..., "details": []}` (default error code from the reason
        phrase, e.g. `payment_required`); Haiper: `{"message": ..., "code": error_code, "details": []}`
        (default code: the status, e.g. "429"); the CDN: an XML `<Error>`. `message` defaults to the
        reason phrase. E.g. `Fault.error(402)`, `Fault.error(400, error_code="VB-100017")`,
        `Fault.error(429, headers={"Retry-After": "3"})`.
        """
        return cls(
            "error",
            times=times,
            status_code=code,
            headers=_pairs(headers),
            code=error_code or "",
            message=message or "",
        )

    @classmethod
    def with_headers(cls, headers: Mapping[str, str], *, times: int = 1) -> Fault:
        """Answer normally (a poll advances the creation as usual), with `headers` added: e.g. a successful
        poll's `Retry-After`, or Comfy's `X-Comfy-Estimated-Duration-Seconds`."""
        return cls("headers", times=times, headers=_pairs(headers))

    @classmethod
    def delay(cls, seconds: float, *, times: int = 1) -> Fault:
        """Sleep `seconds` before answering normally (a client timeout should fire first).

        If the client disconnects during the delay the request is dropped (a submit was already processed:
        the creation exists, only its answer is lost). Interrupted by `Sandbox.close()`.
        """
        return cls("delay", times=times, seconds=seconds)

    @classmethod
    def hang(cls, *, times: int = 1) -> Fault:
        """Accept the request and never answer, until the client disconnects or the sandbox closes."""
        return cls("hang", times=times)

    @classmethod
    def truncate(cls, *, times: int = 1) -> Fault:
        """Send the headers with the full Content-Length but only half the body, then close."""
        return cls("truncate", times=times, fraction=0.5)

    @classmethod
    def cut_download(cls, at_fraction: float = 0.5, *, times: int = 1) -> Fault:
        """Send the full Content-Length header, then only `at_fraction` of the body bytes, then close."""
        return cls("cut", times=times, fraction=at_fraction)

    @classmethod
    def reset(cls, *, mid_response: bool = False, times: int = 1) -> Fault:
        """Abort the connection with a TCP RST (SO_LINGER 0).

        By default nothing is sent; with `mid_response=True` the headers and half the body go out first.
        """
        return cls("reset", times=times, mid_response=mid_response)

    @classmethod
    def body(
        cls,
        raw: bytes,
        *,
        content_type: str | None = "application/json",
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        times: int = 1,
    ) -> Fault:
        """Answer `status` with exactly `raw` as the body (empty, truncated JSON, non-UTF-8, ...).

        `headers` are added verbatim, e.g. `{"Content-Encoding": "gzip"}` to declare garbage as gzip.
        """
        return cls(
            "body",
            times=times,
            status_code=status,
            payload=raw,
            content_type=content_type,
            headers=_pairs(headers),
        )

    @classmethod
    def redirect(cls, location: str, *, status: int = 302, times: int = 1) -> Fault:
        """Answer `status` with a `Location: location` header and an empty body."""
        return cls("redirect", times=times, status_code=status, location=location)

    @classmethod
    def state(cls, raw_state: str, *, times: int = 1) -> Fault:
        """Answer a creation endpoint as if the creation were in `raw_state` (any string, even unknown).

        Does not advance the creation. Has no effect on requests that are not creation API requests.
        """
        return cls("state", times=times, raw_state=raw_state)

    @classmethod
    def drip(cls, interval: float = 0.5, *, size: int = 1, body_only: bool = False, times: int = 1) -> Fault:
        """Send the normal answer, status line and headers included, `size` bytes every `interval` seconds.

        A slow server (or a slowloris on the way back): every read gets data before a per-read timeout,
        so only a deadline on the whole request ends it. `body_only=True` sends the head at once and
        drips the body. Stops when the client hangs up or the sandbox closes; never advances the state.
        """
        return cls("drip", times=times, seconds=interval, size=size, body_only=body_only)

    @classmethod
    def informational(cls, code: int = 103, *, interval: float = 0.01, count: int = 0, times: int = 1) -> Fault:
        """Send interim `code` responses (default `103 Early Hints`) every `interval` seconds: `count` of
        them, then the normal answer, or (`count=0`) until the client hangs up or the sandbox closes.

        HTTP clients read past 1xx responses, so an endless run of them holds a request whose timeout
        applies per read. `code` is any 1xx but 101 (which would switch protocols).
        """
        return cls("informational", times=times, status_code=code, seconds=interval, count=count)

    @classmethod
    def endless(
        cls,
        *,
        status: int = 200,
        content_type: str | None = "application/json",
        size: int = 64 * 1024,
        interval: float = 0.0,
        times: int = 1,
    ) -> Fault:
        """Answer `status` with a chunked body that never ends: `size` bytes (the start of a JSON object,
        then padding) every `interval` seconds, as fast as the client reads by default, until the client
        hangs up or the sandbox closes. A client that buffers whole bodies runs out of memory.
        """
        return cls("endless", times=times, status_code=status, content_type=content_type, size=size, seconds=interval)

    @classmethod
    def gzip_bomb(cls, inflated: int = 1024**3, *, times: int = 1) -> Fault:
        """Send the normal answer gzip-compressed (`Content-Encoding: gzip`) behind `inflated` bytes of
        spaces: about a thousandth of that on the wire, and still valid JSON once inflated (leading
        whitespace), so a client without a limit on decoded bytes accepts it after inflating it all.

        The padding is built once per size and cached (1 GiB: about 1 MB, in 0.2 s). Never advances
        the state.
        """
        return cls("gzip_bomb", times=times, size=inflated)

    def __repr__(self) -> str:
        args: list[str] = []
        match self.kind:
            case "status":
                args.append(str(self.status_code))
            case "error":
                args.append(str(self.status_code))
                if self.code:
                    args.append(f"error_code={self.code!r}")
                if self.message:
                    args.append(f"message={self.message!r}")
            case "delay":
                args.append(repr(self.seconds))
            case "headers":
                args.append(repr(dict(self.headers)))
            case "cut":
                args.append(repr(self.fraction))
            case "body":
                args += [repr(self.payload[:40]), f"status={self.status_code}"]
            case "redirect":
                args += [repr(self.location), f"status={self.status_code}"]
            case "state":
                args.append(repr(self.raw_state))
            case "reset" if self.mid_response:
                args.append("mid_response=True")
            case "drip":
                args.append(repr(self.seconds))
                if self.size != 1:
                    args.append(f"size={self.size}")
                if self.body_only:
                    args.append("body_only=True")
            case "informational":
                args += [str(self.status_code), f"interval={self.seconds!r}"]
                if self.count:
                    args.append(f"count={self.count}")
            case "endless":
                args += [f"status={self.status_code}", f"size={self.size}"]
                if self.seconds:
                    args.append(f"interval={self.seconds!r}")
            case "gzip_bomb":
                args.append(str(self.size))
            case _:
                pass
        if self.headers:
            args.append(f"headers={dict(self.headers)!r}")
        if self.times != 1:
            args.append(f"times={self.times}")
        name = "cut_download" if self.kind == "cut" else self.kind
        return f"Fault.{name}({', '.join(args)})"


class FaultQueue:
    """Faults consumed in order, each for its `times` uses. Not thread-safe: callers hold a lock."""

    def __init__(self) -> None:
        self._items: list[tuple[str, Fault, list[int]]] = []

    def push(self, fault: Fault, prefix: str = "") -> None:
        """Queue `fault` for requests whose path starts with `prefix`."""
        self._items.append((prefix, fault, [fault.times]))

    def take(self, path: str = "") -> Fault | None:
        """Use up one application of the first queued fault matching `path`, if any."""
        for index, (prefix, fault, remaining) in enumerate(self._items):
            if path.startswith(prefix):
                remaining[0] -= 1
                if remaining[0] <= 0:
                    del self._items[index]
                return fault
        return None

    def pending(self) -> list[Fault]:
        """The faults not yet fully used, in order."""
        return [fault for _, fault, _ in self._items]
